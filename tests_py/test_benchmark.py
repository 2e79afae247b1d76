"""The benchmark script's own logic (the benchmark itself is not a test: it prints figures)."""

from __future__ import annotations

from pathlib import Path

from benchmark import Measurement, add_new_files, report
from generate_sample_logs import generate


def test_new_files_sort_after_the_existing_ones(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    generate(logs, lines=2500, seed=1, files=2)
    before = sorted(path.name for path in logs.iterdir())
    assert add_new_files(logs, 100, seed=2) == 100
    after = sorted(path.name for path in logs.iterdir())
    assert after[: len(before)] == before and len(after) == len(before) + 1
    assert not (tmp_path / "increment").exists()


def test_report_prints_the_ratios_and_the_peak() -> None:
    measurements = {
        "a": Measurement("floor", 10.0, 4500.0),
        "b": Measurement("full", 25.0, 3072.0),
        "c": Measurement("incremental", 2.0, 512.0),
    }
    text = report(measurements, lines=1000)
    assert "b/a = 2.50 (target <= 2.0)" in text
    assert "c/b = 0.080 (target <= 0.10)" in text
    assert "dbt builds' peak RSS = 3.00 GiB" in text


def test_report_says_whether_dbt_start_up_leaves_room_for_both_targets() -> None:
    measurements = {
        "a": Measurement("floor", 10.0, 1024.0),
        "b": Measurement("full", 20.0, 2048.0),
        "c": Measurement("incremental", 3.0, 512.0),
        "d": Measurement("nothing new", 2.5, 512.0),
        "e": Measurement("start-up", 2.5, 256.0),
    }
    text = report(measurements, lines=1000)
    assert "both targets need c <= 0.20 a = 2.0 s" in text
    assert "start-up alone takes 2.5 s, so they cannot hold together" in text
    measurements["a"] = Measurement("floor", 20.0, 1024.0)
    assert "so they can hold together" in report(measurements, lines=1000)
