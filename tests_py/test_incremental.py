"""Incremental builds: file by file equals one full build, twice changes nothing, crashes heal."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from build_summary import summarize
from compare_builds import RUN_TIME_COLUMNS
from conftest import DbtProject
from generate_sample_logs import generate

# Seeds and models, without the tests (they run in the other end-to-end tests).
BUILD_MODELS = ("build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test")
PUBLIC_TABLES = (
    "payload",
    "payload_request_logs",
    "payload_assessment_logs",
    "latest_assessments",
    "payload_duplicates",
    "payload_quarantine",
    "endpoint_usage",
    "inference_requests",
    "endpoint_daily_usage",
    "request_feedback",
    "inference_requests_profile_metrics",
    "inference_requests_drift_metrics",
    "monitoring_value_counts",
    "monitoring_alerts",
)
# A file that arrives last but sorts first: it re-delivers request ids of later files with
# different content, so their payload rows must change hands (SPEC §1 winner rule). One is a
# review-app feedback request that now assesses another request, an hour later.
REASSESSED_REQUEST_ID = "reassessed-by-a-late-copy"
EARLY_FILE = "gateway-00000000-000000-late-but-first.jsonl"


def comparable(value: Any) -> Any:
    """A value as two equal builds give it: floats to 12 significant digits (aggregates such as
    stddev differ in their last bits with the order DuckDB's threads meet the rows)."""
    if isinstance(value, float):
        return float(f"{value:.12g}")
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [comparable(item) for item in value]
    return value


def table_rows(project: DbtProject) -> dict[str, list[str]]:
    """Every public table's rows, with paths made relative to the project's landing folder,
    without the columns that say which run built a row."""
    landing = str(project.workdir / "landing") + "/"
    tables: dict[str, list[str]] = {}
    with duckdb.connect(str(project.database), read_only=True) as connection:
        for table in PUBLIC_TABLES:
            cursor = connection.execute(f"select * from {table}")
            names = [column[0] for column in cursor.description]
            kept = [index for index, name in enumerate(names) if name not in RUN_TIME_COLUMNS]
            tables[table] = sorted(
                json.dumps(comparable([row[index] for index in kept]), default=str).replace(
                    landing, ""
                )
                for row in cursor.fetchall()
            )
    return tables


def assert_invariant(project: DbtProject) -> None:
    summary = summarize(str(project.database))
    assert summary.invariant_holds, summary


def first_payload_line(path: Path) -> dict[str, Any]:
    """The first valid status-200 line of an uncompressed generated file."""
    for raw in path.read_bytes().splitlines():
        try:
            record = json.loads(raw)
        except ValueError:  # bad lines on purpose, invalid UTF-8 included
            continue
        if (
            isinstance(record, dict)
            and isinstance(record.get("request_time"), str)
            and record.get("databricks_request_id")
            and record.get("status_code") == 200
        ):
            return record
    raise AssertionError(f"no plain payload line in {path}")


def first_feedback_line(path: Path) -> dict[str, Any]:
    """The first feedback line of an uncompressed generated file whose request is a JSON
    object with its assessment records as a list."""
    for raw in path.read_bytes().splitlines():
        try:
            record = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(record, dict) or not isinstance(record.get("request_time"), str):
            continue
        request = record.get("request")
        if isinstance(request, dict) and isinstance(request.get("dataframe_records"), list):
            return record
    raise AssertionError(f"no feedback line in {path}")


def moved_and_reassessing(feedback: dict[str, Any]) -> dict[str, Any]:
    """The feedback line an hour later, its records assessing another request."""
    moved = json.loads(json.dumps(feedback))
    moved["request_time"] = (
        datetime.fromisoformat(moved["request_time"]) + timedelta(hours=1)
    ).isoformat()
    for record in moved["request"]["dataframe_records"]:
        record["request_id"] = REASSESSED_REQUEST_ID
    return moved


@pytest.fixture(scope="module")
def log_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Four generated files in delivery order, then a late file that sorts before them all."""
    source = tmp_path_factory.mktemp("all_logs")
    generate(source, lines=4000, seed=11, files=4)
    files = sorted(source.iterdir())
    redelivered = first_payload_line(files[-1])
    redelivered["status_code"] = 503
    feedback = moved_and_reassessing(first_feedback_line(files[-1]))
    early = source / EARLY_FILE
    early.write_text(f"{json.dumps(redelivered)}\n{json.dumps(feedback)}\n", encoding="utf-8")
    return [*files, early]


def land(files: list[Path], landing: Path) -> None:
    landing.mkdir(exist_ok=True)
    for path in files:
        shutil.copy2(path, landing / path.name)


@pytest.fixture(scope="module")
def reference(dbt_project_factory: Any, log_files: list[Path]) -> dict[str, list[str]]:
    """The tables of one full build over every file."""
    project = dbt_project_factory("reference")
    landing = project.workdir / "landing"
    land(log_files, landing)
    project.run(*BUILD_MODELS, raw_payload_path=landing / "*.jsonl*")
    return table_rows(project)


def test_file_by_file_runs_equal_a_full_build_and_a_full_refresh(
    dbt_project_factory: Any, log_files: list[Path], reference: dict[str, list[str]]
) -> None:
    project = dbt_project_factory("file_by_file")
    landing = project.workdir / "landing"
    glob = landing / "*.jsonl*"
    for path in log_files:
        land([path], landing)
        project.run(*BUILD_MODELS, raw_payload_path=glob)
        assert_invariant(project)
    incremental = table_rows(project)
    assert incremental == reference
    redelivered = first_payload_line(log_files[-2])["databricks_request_id"]
    status = project.query(
        f"select status_code from payload where databricks_request_id = '{redelivered}'"
    )
    assert status == [(503,)]
    reassessed = project.query(
        f"select count(*) from latest_assessments where request_id = '{REASSESSED_REQUEST_ID}'"
    )
    assert reassessed[0][0] >= 1

    project.run(
        "build", "--full-refresh", "--exclude-resource-type", "unit_test", raw_payload_path=glob
    )
    assert table_rows(project) == incremental


def test_running_twice_changes_nothing(
    dbt_project_factory: Any, log_files: list[Path], reference: dict[str, list[str]]
) -> None:
    project = dbt_project_factory("twice")
    landing = project.workdir / "landing"
    land(log_files, landing)
    project.run(*BUILD_MODELS, raw_payload_path=landing / "*.jsonl*")
    lines_before = project.query("select count(*), max(load_id) from stg_gateway__payload_lines")
    project.run(
        "build", "--exclude-resource-type", "unit_test", raw_payload_path=landing / "*.jsonl*"
    )
    assert (
        project.query("select count(*), max(load_id) from stg_gateway__payload_lines")
        == lines_before
    )
    assert table_rows(project) == reference


# Moments to kill the build: when these models start (mid-transaction of the previous ones'
# successors), covering a stop between every pair of incremental steps.
KILL_WHEN_STARTING = (
    "int_payload_lines_validated",
    "int_payload_copies_ranked",
    "int_payload_rows",
    "payload ",
    "inference_requests",
)


def run_and_kill(project: DbtProject, glob: Path, model_starting: str) -> bool:
    """Start a build, SIGKILL it when `model_starting` starts; True if it was killed."""
    process = subprocess.Popen(
        project.command(*BUILD_MODELS, raw_payload_path=glob),
        cwd=project.project_dir,
        env=project.environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    killed = False
    for line in process.stdout:
        if "START" in line and f"model main.{model_starting}" in line:
            process.send_signal(signal.SIGKILL)
            killed = True
            break
    process.wait(timeout=600)
    return killed


def test_a_run_killed_at_any_moment_is_completed_by_the_next(
    dbt_project_factory: Any, log_files: list[Path], reference: dict[str, list[str]]
) -> None:
    project = dbt_project_factory("crashes")
    landing = project.workdir / "landing"
    glob = landing / "*.jsonl*"
    for path, model_starting in zip(log_files, KILL_WHEN_STARTING, strict=True):
        land([path], landing)
        assert run_and_kill(project, glob, model_starting), model_starting
    project.run(*BUILD_MODELS, raw_payload_path=glob)
    assert_invariant(project)
    assert table_rows(project) == reference


def sql_run_for_test(project: DbtProject, test_name: str) -> str:
    """The SQL the last build ran for the data test `test_name`."""
    (path,) = (project.workdir / "target" / "run").rglob(f"{test_name}.sql")
    return path.read_text()


def test_an_incremental_build_tests_its_latest_load_and_a_full_check_everything(
    dbt_project_factory: Any, log_files: list[Path]
) -> None:
    project = dbt_project_factory("tested_loads")
    landing = project.workdir / "landing"
    glob = landing / "*.jsonl*"
    land(log_files[:1], landing)
    project.run("build", raw_payload_path=glob)
    # A build from an empty database loaded every row: its tests need no load filter.
    assert "ranked_in_load >=" not in sql_run_for_test(project, "not_null_payload_request_time")
    with duckdb.connect(str(project.database)) as connection:  # an old row gone wrong
        connection.execute(
            "update payload_quarantine set quarantine_field = 'x' where rowid = ("
            " select min(rowid) from payload_quarantine where quarantine_field is null)"
        )
    land(log_files[1:2], landing)
    project.run("build", raw_payload_path=glob)
    assert "ranked_in_load >=" in sql_run_for_test(project, "not_null_payload_request_time")
    full_check = project.run(
        "build", raw_payload_path=glob, variables={"full_data_tests": True}, check=False
    )
    assert full_check.returncode != 0
    assert "expression_is_true_payload_quarantine_quarantine_field" in full_check.output
