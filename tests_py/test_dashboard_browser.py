"""The Superset dashboard in a real browser: bin/dashboard serves a published build, Debian's
Chromium (driven by Playwright) logs in and opens it, and every chart of the bundle must draw.

The browser side is dashboard_browser.py, run with .venv-dashboard's Python (Superset and
Playwright live there; bin/dashboard sets it up). The screenshot lands in the test's temporary
folder, and also at DASHBOARD_SCREENSHOT when that is set. It needs /usr/bin/chromium, which
.ci/run installs: in CI (CI set) a missing browser fails the test; elsewhere it skips.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PROJECT_DIR, DbtProject
from generate_sample_logs import generate
from publish_bi_snapshot import SNAPSHOT_FILE, publish

BUNDLE = PROJECT_DIR / "dashboards" / "superset"
SUPERSET_CONFIG = PROJECT_DIR / "dashboards" / "superset_config.py"
BROWSER_CHECK = Path(__file__).with_name("dashboard_browser.py")
DASHBOARD_PYTHON = PROJECT_DIR / ".venv-dashboard" / "bin" / "python"
CHROMIUM = Path("/usr/bin/chromium")
# First run: the environment (if missing), migrations and import; then the server's start.
SERVER_START_SECONDS = 900
BUILD = ("build", "--exclude-resource-type", "unit_test")

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(
        f"{CHROMIUM} is missing (apt-get install chromium); CI installs it and never skips",
        allow_module_level=True,
    )


def bundle_files(folder: str, bundle: Path = BUNDLE) -> list[dict[str, Any]]:
    return [yaml.safe_load(path.read_text()) for path in sorted((bundle / folder).glob("*.yaml"))]


def dashboard_chart_uuids(bundle: Path = BUNDLE) -> list[str]:
    (dashboard,) = bundle_files("dashboards", bundle)
    return [
        item["meta"]["uuid"]
        for item in dashboard["position"].values()
        if isinstance(item, dict) and item["type"] == "CHART"
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def snapshot(dbt_project_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A published build of generated logs (with the sample's latency drift on its last day)."""
    logs = tmp_path_factory.mktemp("dashboard_logs")
    generate(logs, lines=3000, seed=23, files=2)
    project: DbtProject = dbt_project_factory("dashboard")
    project.run(*BUILD, raw_payload_path=logs / "*.jsonl*")
    published = tmp_path_factory.mktemp("dashboard_published")
    publish(project.database, published, "dashboard-test")
    return published / SNAPSHOT_FILE


@pytest.fixture(scope="module")
def server(snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """bin/dashboard serving the snapshot on a free port, with its own Superset home."""
    home = tmp_path_factory.mktemp("superset_home")
    url = f"http://127.0.0.1:{free_port()}"
    environment = {
        **os.environ,
        "SUPERSET_HOME": str(home),
        "DASHBOARD_SNAPSHOT": str(snapshot),
        "DASHBOARD_PORT": url.rsplit(":", 1)[1],
        "DASHBOARD_ADMIN_PASSWORD": "browser-test",
    }
    log_path = home / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(PROJECT_DIR / "bin" / "dashboard")],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"bin/dashboard did not serve:\n{log_path.read_text()[-6000:]}")
            time.sleep(1)
        yield {**environment, "DASHBOARD_URL": url}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def browser_check(
    server: dict[str, str], out: Path, slug: str, expected_charts: int, *options: str
) -> dict[str, Any]:
    """dashboard_browser.py's report on the dashboard `slug` (and its screenshot)."""
    report = out / f"{slug}.json"
    screenshot = out / f"{slug}.png"
    subprocess.run(
        [
            str(DASHBOARD_PYTHON), str(BROWSER_CHECK), "--url", server["DASHBOARD_URL"],
            "--slug", slug, "--expected-charts", str(expected_charts),
            "--screenshot", str(screenshot), "--report", str(report), *options,
        ],
        env=server, check=True, timeout=900,
    )  # fmt: skip
    assert screenshot.stat().st_size > 10_000
    return {**json.loads(report.read_text()), "screenshot": screenshot}


def open_dashboard(
    server: dict[str, str], out: Path, slug: str, expected_charts: int
) -> dict[str, Any]:
    """The report, once every expected chart is on the page (else the test fails, saying what
    the page and the server said)."""
    found = browser_check(server, out, slug, expected_charts)
    if len(found["charts"]) < expected_charts:
        server_log = Path(server["SUPERSET_HOME"]) / "server.log"
        pytest.fail(
            f"the dashboard {slug} showed {len(found['charts'])} of {expected_charts} charts\n"
            f"failed responses: {found['failed_responses']}\npage errors: {found['page_errors']}\n"
            f"page text: {found['page_text']}\nreloads: {found['reloads']}\n"
            f"seconds: {found['seconds']}\n"
            f"server log:\n{server_log.read_text()[-6000:]}"
        )
    return found


def test_every_chart_of_the_dashboard_renders(server: dict[str, str], tmp_path: Path) -> None:
    charts = {chart["uuid"]: chart["slice_name"] for chart in bundle_files("charts")}
    on_dashboard = dashboard_chart_uuids()
    assert sorted(on_dashboard) == sorted(charts), "every chart of the bundle is on the dashboard"

    report = open_dashboard(server, tmp_path, "inference-tables", len(on_dashboard))
    if os.environ.get("DASHBOARD_SCREENSHOT"):
        shutil.copyfile(report["screenshot"], os.environ["DASHBOARD_SCREENSHOT"])
    not_drawn = [chart for chart in report["charts"] if chart["state"] != "rendered"]
    assert not_drawn == []
    assert sorted(chart["name"] for chart in report["charts"]) == sorted(charts.values())
    assert len(report["chart_data_statuses"]) >= len(charts)
    assert set(report["chart_data_statuses"]) == {200}
    assert report["page_errors"] == []
    assert report["failed_responses"] == []
    # Offline: the page fetched nothing from another host (the content security policy
    # blocks Superset's usage pixel before it leaves the browser).
    assert set(report["external_requests"]) <= set(report["failed_external"])


UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def broken_copy(bundle: Path, out: Path) -> tuple[str, list[str]]:
    """A second dashboard beside the first: the bundle under new uuids and names (Superset keeps
    dataset names unique, so each dataset is a query named broken_check_*), the daily profile's
    query naming a missing column. Returns its slug and the names of the charts that must fail."""
    shutil.copytree(bundle, out)
    uuids = {
        old: str(uuid.uuid4()) for p in out.rglob("*.yaml") for old in UUID.findall(p.read_text())
    }
    for path in out.rglob("*.yaml"):
        text = UUID.sub(lambda match: uuids[match.group(0)], path.read_text())
        config = yaml.safe_load(text)
        if "slug" in config:
            config["slug"] = "broken-check"
        if "database_name" in config:
            config["database_name"] = f"Broken check {config['database_name']}"
        if "table_name" in config:
            config["sql"] = (
                config["sql"] or f"select * from {config['schema']}.{config['table_name']}"
            )
            config["sql"] = config["sql"].replace("quantiles[9] as", "no_such_column[9] as")
            config["table_name"] = f"broken_check_{config['table_name']}"
        path.write_text(yaml.safe_dump(config, sort_keys=False))
    datasets = bundle_files("datasets/inference_tables", out)
    (profile,) = [dataset["uuid"] for dataset in datasets if "no_such_column" in dataset["sql"]]
    charts = bundle_files("charts", out)
    return "broken-check", [c["slice_name"] for c in charts if c["dataset_uuid"] == profile]


def test_a_chart_that_fails_is_reported(server: dict[str, str], tmp_path: Path) -> None:
    """The check itself can fail: a chart whose query errors is caught, named and explained."""
    slug, broken = broken_copy(BUNDLE, tmp_path / "bundle")
    assert broken
    imported = subprocess.run(
        [
            str(DASHBOARD_PYTHON), str(PROJECT_DIR / "dashboards" / "superset_setup.py"),
            "--bundle", str(tmp_path / "bundle"), "--snapshot", server["DASHBOARD_SNAPSHOT"],
            "--import-only",
        ],
        env={**server, "SUPERSET_CONFIG_PATH": str(SUPERSET_CONFIG)},
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stdout[-3000:] + imported.stderr[-3000:]
    report = open_dashboard(server, tmp_path, slug, len(dashboard_chart_uuids()))
    errors = {c["name"]: c["message"] for c in report["charts"] if c["state"] == "error"}
    assert sorted(errors) == sorted(broken)
    assert all("no_such_column" in message for message in errors.values())
    rendered = [chart for chart in report["charts"] if chart["state"] == "rendered"]
    assert len(rendered) == len(report["charts"]) - len(broken)


def test_a_page_that_shows_no_chart_is_reloaded_then_reported(
    server: dict[str, str], tmp_path: Path
) -> None:
    """A page that stays empty (here: no such dashboard) is reloaded twice, then reported with
    no charts and what each page said."""
    report = browser_check(server, tmp_path, "no-such-dashboard", 1, "--empty-page-seconds", "5")
    assert report["charts"] == []
    assert len(report["reloads"]) == 2
    assert all(
        set(page) >= {"page_text", "page_errors", "failed_responses"} for page in report["reloads"]
    )
    assert any("404" in answer for page in report["reloads"] for answer in page["failed_responses"])
