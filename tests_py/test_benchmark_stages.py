"""The benchmark's stages of a build: spans of models by their files, from dbt's run artifacts."""

from __future__ import annotations

import json
from pathlib import Path

from benchmark_stages import StageSpan, stage_spans, stages_report


def result(node: str, started: str | None, completed: str | None) -> dict:
    timing = [{"name": "compile", "started_at": "2026-12-07T10:00:00Z", "completed_at": None}]
    if started:
        timing.append({"name": "execute", "started_at": started, "completed_at": completed})
    return {"unique_id": node, "timing": timing}


def at(seconds: float) -> str:
    return f"2026-12-07T10:00:{seconds:06.3f}Z"


def write_run(target: Path, results: list[dict], files: dict[str, tuple[str, str]]) -> None:
    nodes = {
        node: {"resource_type": kind, "original_file_path": path}
        for node, (kind, path) in files.items()
    }
    (target / "run_results.json").write_text(json.dumps({"results": results}))
    (target / "manifest.json").write_text(json.dumps({"nodes": nodes}))


def test_each_stage_spans_its_models_from_the_first_start_of_the_run(tmp_path: Path) -> None:
    files = {
        "model.p.reader": ("model", "models/staging/gateway/reader.py"),
        "model.p.rows": ("model", "models/intermediate/int_payload_rows.sql"),
        "model.p.feedback": ("model", "models/intermediate/int_feedback_unnested.sql"),
        "model.p.counts": ("model", "models/marts/monitoring/counts.sql"),
        "model.p.drift": ("model", "models/marts/monitoring/drift.sql"),
        "test.p.unique_rows": ("test", "models/marts/monitoring/drift.yml"),
        "seed.p.labels": ("seed", "seeds/labels.csv"),
    }
    results = [
        result("seed.p.labels", at(0), at(1)),
        result("model.p.reader", at(1), at(5)),
        result("model.p.rows", at(5.5), at(9.25)),
        result("model.p.feedback", at(9.5), at(11)),
        result("model.p.counts", at(11), at(14)),
        result("test.p.unique_rows", at(14), at(30)),
        result("model.p.drift", at(14), at(20)),
        result("model.p.skipped", None, None),
    ]
    write_run(tmp_path, results, files)
    spans = stage_spans(tmp_path)
    assert spans == [
        StageSpan("lines to payload rows", 1.0, 9.25),
        StageSpan("monitoring", 11.0, 20.0),
    ]
    assert stages_report(spans, floor_seconds=4.0) == (
        "lines to payload rows 1.0 to 9.2 s (8.2 s = 2.06 x (a));"
        " monitoring 11.0 to 20.0 s (9.0 s = 2.25 x (a))"
    )


def test_a_run_without_timed_models_has_no_stage(tmp_path: Path) -> None:
    write_run(tmp_path, [result("model.p.reader", None, None)], {})
    assert stage_spans(tmp_path) == []
    assert stages_report([], floor_seconds=1.0) == ""
