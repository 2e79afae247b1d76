"""Where a dbt build's time went: when the models of its two long stages ran, from the run's
run_results.json and manifest.json. The benchmark prints it for the full build against the
floor: reading the lines up to the payload rows, then (after the marts between them) the
monitoring tables."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

# A model's stage by the start of its file's path; other models count in no stage.
STAGES = (
    ("lines to payload rows", ("models/staging/", "models/intermediate/int_payload_")),
    ("monitoring", ("models/marts/monitoring/",)),
)


class StageSpan(NamedTuple):
    stage: str
    start: float  # seconds after the run's first node started
    end: float


def node_times(result: dict) -> tuple[float, float] | None:
    """When a node's execution started and completed (epoch seconds); None when it did not run."""
    for timing in result.get("timing", []):
        if timing["name"] == "execute" and timing.get("started_at") and timing.get("completed_at"):
            started, completed = (
                datetime.fromisoformat(timing[key].replace("Z", "+00:00")).timestamp()
                for key in ("started_at", "completed_at")
            )
            return started, completed
    return None


def stage_of(path: str) -> str | None:
    return next((stage for stage, prefixes in STAGES if path.startswith(prefixes)), None)


def stage_spans(target: Path) -> list[StageSpan]:
    """Each stage's span, from the first of its models to start to the last to complete, in the
    order of STAGES (a stage none of whose models ran is left out). Tests count in no stage."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    nodes = json.loads((target / "manifest.json").read_text())["nodes"]
    timed = {result["unique_id"]: times for result in results if (times := node_times(result))}
    if not timed:
        return []
    first = min(started for started, _ in timed.values())
    spans: dict[str, list[float]] = {}
    for node, (started, completed) in timed.items():
        node_info = nodes.get(node, {})
        stage = stage_of(node_info.get("original_file_path", ""))
        if node_info.get("resource_type") != "model" or stage is None:
            continue
        span = spans.setdefault(stage, [started, completed])
        span[0], span[1] = min(span[0], started), max(span[1], completed)
    return [
        StageSpan(stage, spans[stage][0] - first, spans[stage][1] - first)
        for stage, _ in STAGES
        if stage in spans
    ]


def stages_report(spans: list[StageSpan], floor_seconds: float) -> str:
    return "; ".join(
        f"{span.stage} {span.start:.1f} to {span.end:.1f} s"
        f" ({span.end - span.start:.1f} s = {(span.end - span.start) / floor_seconds:.2f} x (a))"
        for span in spans
    )
