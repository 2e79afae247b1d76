"""The benchmark script's own logic (the benchmark itself is not a test: it prints figures)."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmark import (
    Measurement,
    append_lines,
    date_back,
    median_of,
    report,
    scaling_report,
    slowest_nodes,
    traffic_span,
)
from generate_sample_logs import START, generate


def request_times(content: bytes) -> list[datetime]:
    """The valid `Z` request times of the lines (the deliberately bad lines' are left out)."""
    times = []
    for found in re.findall(rb'"request_time": ?"(2026-[0-9-]+T[0-9:.]+)Z"', content):
        try:
            times.append(datetime.fromisoformat(found.decode()))
        except ValueError:
            continue
    return times


def test_appended_lines_grow_the_last_uncompressed_file(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    generate(logs, lines=2500, seed=1, files=3, span=traffic_span(2500))
    before = {path.name: path.read_bytes() for path in logs.iterdir()}
    grown = append_lines(logs, 100, seed=2, after=traffic_span(2500))
    after = {path.name: path.read_bytes() for path in logs.iterdir()}
    assert set(after) == set(before) and grown.suffix == ".jsonl"
    assert grown.name == sorted(name for name in before if name.endswith(".jsonl"))[-1]
    assert after[grown.name].startswith(before[grown.name])
    assert after[grown.name].count(b"\n") - before[grown.name].count(b"\n") == 100
    assert not (tmp_path / "appended").exists()
    history_end = START + traffic_span(2500)
    appended = request_times(after[grown.name][len(before[grown.name]) :])
    assert appended and min(appended) >= history_end
    history = [time for content in before.values() for time in request_times(content)]
    assert history_end - timedelta(minutes=1) < max(history) < history_end + timedelta(seconds=10)


def test_the_generated_history_is_dated_back_as_settled_files(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    generate(logs, lines=300, seed=1, files=2)
    date_back(logs, 3600.0)
    ages = [time.time() - path.stat().st_mtime for path in logs.iterdir()]
    assert len(ages) == 2 and all(3590 < age < 3700 for age in ages)


def test_the_traffic_rate_is_the_same_at_every_size() -> None:
    assert traffic_span(1_000_000).days == 4
    assert traffic_span(3_000_000).days == 12


def test_slowest_nodes_come_from_the_run_results(tmp_path: Path) -> None:
    results = [
        {"unique_id": "model.inference_tables.fast", "execution_time": 0.1},
        {"unique_id": "model.inference_tables.slow", "execution_time": 3.25},
    ]
    (tmp_path / "run_results.json").write_text(json.dumps({"results": results}))
    assert slowest_nodes(tmp_path, count=1) == "slow 3.2 s"


def test_report_prints_the_ratio_the_peak_and_the_fixed_cost_goal() -> None:
    measurements = {
        "a": Measurement("floor", 10.0, 4500.0),
        "b": Measurement("full", 25.0, 3072.0),
        "c": Measurement("incremental", 4.0, 512.0),
        "d": Measurement("nothing new", 3.5, 512.0),
        "e": Measurement("start-up", 2.5, 256.0),
    }
    text = report(measurements, lines=1000)
    assert "b/a = 2.50" in text
    assert "dbt builds' peak RSS = 3.00 GiB" in text
    assert "(d) - (e) = 1.0 s (goal <= 2 s: met)" in text
    measurements["d"] = Measurement("nothing new", 5.0, 512.0)
    assert "(d) - (e) = 2.5 s (goal <= 2 s: missed)" in report(measurements, lines=1000)


def test_scaling_compares_the_incremental_cost_above_start_up() -> None:
    def sizes(small_c: float, large_c: float) -> dict[int, dict[str, Measurement]]:
        return {
            1000: {"c": Measurement("c", small_c, 1.0), "e": Measurement("e", 2.0, 1.0)},
            3000: {"c": Measurement("c", large_c, 1.0), "e": Measurement("e", 2.0, 1.0)},
        }

    assert "ratio 1.10 (goal <= 1.2: met)" in scaling_report(sizes(12.0, 13.0))
    assert "ratio 1.50 (goal <= 1.2: missed)" in scaling_report(sizes(6.0, 8.0))
    assert scaling_report({1000: sizes(1.0, 1.0)[1000]}) == ""


def test_report_prints_the_database_size_against_the_raw_logs() -> None:
    measurements = {"b": Measurement("full", 25.0, 3072.0)}
    text = report(measurements, lines=1000, sizes=(512 * 2**20, 1024 * 2**20))
    assert "DuckDB file 512 MiB, raw logs 1,024 MiB (uncompressed): 0.50x" in text


def test_repeated_runs_count_their_median_time_and_highest_memory() -> None:
    runs = [Measurement("(c)", 30.0, 900.0), Measurement("(c)", 24.5, 1200.0)]
    runs.append(Measurement("(c)", 26.0, 1000.0))
    median = median_of("(c) appended", runs)
    assert median == Measurement("(c) appended", 26.0, 1200.0, "median of 3: 24.5 to 30.0 s")
    assert report({"c": median}, lines=1000).splitlines()[2].endswith("median of 3: 24.5 to 30.0 s")
    assert median_of("(c) once", runs[:1]) == Measurement("(c) once", 30.0, 900.0)
