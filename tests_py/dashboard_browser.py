"""Open a Superset dashboard in Debian's Chromium and report the state of every chart.

Run by test_dashboard_browser.py with .venv-dashboard's Python (Playwright lives there, not in
.venv): logs in through the login form, opens the dashboard, waits until every chart has
finished (drawn, failed or empty), takes a full-page screenshot and writes a JSON report:

    {"charts": [{"name", "viz_type", "state", "message"}], "chart_data_statuses": [...],
     "page_errors": [...], "external_requests": [...], "failed_external": [...],
     "failed_responses": [...], "reloads": [...], "page_text": "...",
     "seconds": {"log_in", "charts"}}

state is "rendered" (the chart drew its canvas, SVG, table or big number), "error" (Superset
shows an error alert in the chart), "empty" (the query returned no rows) or "pending" (still
loading at the time-out). external_requests are the page's requests to other hosts, and
failed_external those of them that failed (blocked). failed_responses are the server's answers
with an error status. reloads holds what each page reloaded because it showed no chart said:
its text, page errors and failed answers. page_text is what the last page showed, and seconds
how long logging in and the charts took. The password comes from DASHBOARD_ADMIN_PASSWORD
(default admin).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Response, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium's own connections are refused here.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FINISHED = {"rendered", "error", "empty"}
MAX_RELOADS = 2
PAGE_TEXT_JS = "() => document.body.innerText.slice(0, 3000)"
PER_PAGE = ("chart_data_statuses", "page_errors", "failed_responses")
# Each chart's holder on a dashboard, and what it shows now.
CHART_STATES_JS = """() =>
  Array.from(document.querySelectorAll('[data-test="chart-grid-component"]')).map(chart => {
    const alert = chart.querySelector('[role="alert"], .ant-alert-error');
    const loading = chart.querySelector('[data-test="loading-indicator"], .loading');
    const container = chart.querySelector('[data-test="chart-container"]');
    const drawn = container && container.querySelector(
      'canvas, svg, table, .superset-legacy-chart-big-number');
    const empty = chart.querySelector('.ant-empty') || /No results/.test(chart.innerText);
    const state = alert ? 'error' : loading ? 'pending' : empty ? 'empty'
      : drawn ? 'rendered' : 'pending';
    return {
      name: chart.getAttribute('data-test-chart-name'),
      viz_type: chart.getAttribute('data-test-viz-type'),
      state: state,
      message: alert ? alert.innerText.slice(0, 2000) : '',
    };
  })"""


def log_in(page: Page, base_url: str, user: str, password: str, timeout_ms: int) -> None:
    page.goto(f"{base_url}/login/", timeout=timeout_ms)
    page.fill('[data-test="username-input"]', user, timeout=timeout_ms)
    page.fill('[data-test="password-input"]', password)
    page.click('[data-test="login-button"]')
    # Logged in once the form has led elsewhere: the welcome page need not finish loading.
    page.wait_for_url(lambda url: "/login" not in url, wait_until="commit", timeout=timeout_ms)


def wait_for_charts(page: Page, args: argparse.Namespace, report: dict[str, Any]) -> None:
    """Sets report["charts"] once the expected charts are on the page and all finished (or at
    the time-out).

    A page that shows no chart for --empty-page-seconds is reloaded, at most MAX_RELOADS times
    (then reported as it is): on a busy machine (CI, another worker building Spark) the page
    once stayed empty, where a reader would reload it. What each such page said, its page errors
    and failed answers move to report["reloads"]: the report's other lists are the last page's."""
    deadline = time.monotonic() + args.timeout
    loaded_at = time.monotonic()
    while True:
        charts: list[dict[str, str]] = page.evaluate(CHART_STATES_JS)
        all_there = len(charts) >= args.expected_charts
        finished = all_there and all(chart["state"] in FINISHED for chart in charts)
        if finished or time.monotonic() > deadline:
            report["charts"] = charts
            return
        empty_for = time.monotonic() - loaded_at
        if not charts and empty_for > args.empty_page_seconds:
            if len(report["reloads"]) == MAX_RELOADS:
                report["charts"] = charts
                return
            seen = {key: report[key] for key in PER_PAGE}
            report["reloads"].append({"page_text": page.evaluate(PAGE_TEXT_JS), **seen})
            report.update({key: [] for key in PER_PAGE})
            page.reload(timeout=args.timeout * 1000)
            loaded_at = time.monotonic()
        page.wait_for_timeout(500)


def check_dashboard(args: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {
        "chart_data_statuses": [],
        "page_errors": [],
        "external_requests": [],
        "failed_external": [],
        "failed_responses": [],
        "reloads": [],
    }

    def record(url: str, key: str) -> None:
        if url.startswith(("http:", "https:")) and not url.startswith(args.url):
            report[key].append(url)

    def on_response(response: Response) -> None:
        if "/api/v1/chart/data" in response.url:
            report["chart_data_statuses"].append(response.status)
        if response.url.startswith(args.url) and response.status >= 400:
            report["failed_responses"].append(f"{response.status} {response.url}")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.on("response", on_response)
            page.on("pageerror", lambda error: report["page_errors"].append(str(error)))
            page.on("request", lambda request: record(request.url, "external_requests"))
            page.on("requestfailed", lambda request: record(request.url, "failed_external"))
            timeout_ms = int(args.timeout * 1000)
            password = os.environ.get("DASHBOARD_ADMIN_PASSWORD", "admin")
            started = time.monotonic()
            log_in(page, args.url, args.user, password, timeout_ms)
            report["seconds"] = {"log_in": round(time.monotonic() - started, 1)}
            page.goto(f"{args.url}/superset/dashboard/{args.slug}/", timeout=timeout_ms)
            started = time.monotonic()
            wait_for_charts(page, args, report)
            report["seconds"]["charts"] = round(time.monotonic() - started, 1)
            report["page_text"] = page.evaluate(PAGE_TEXT_JS)
            page.wait_for_timeout(1000)  # let the last chart's animation end before the picture
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.screenshot), full_page=True)
        finally:
            browser.close()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="Superset's base URL")
    parser.add_argument("--slug", default="inference-tables")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--expected-charts", type=int, required=True)
    parser.add_argument("--screenshot", type=Path, required=True)
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--timeout", type=float, default=240, help="seconds for each wait")
    parser.add_argument(
        "--empty-page-seconds", type=float, default=60, help="reload a page showing no chart"
    )
    args = parser.parse_args()
    args.report.write_text(json.dumps(check_dashboard(args), indent=2))


if __name__ == "__main__":
    main()
