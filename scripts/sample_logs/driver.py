"""A whole run: the plan's files written in parallel, and the expectations summed from their
counts (checked against the accounting invariant).
"""

from __future__ import annotations

import math
import multiprocessing
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sample_logs.bad_lines import REASON_CODES
from sample_logs.plan import FileTask, build_plan
from sample_logs.times import EPOCH, SPAN_MS, START
from sample_logs.writer import new_counts, write_file

LINES_PER_FILE = 250_000
SPAN = timedelta(milliseconds=SPAN_MS)


def default_files(lines: int) -> int:
    return max(4, math.ceil(lines / LINES_PER_FILE))


def existing_outputs(out_dir: Path) -> list[Path]:
    return sorted(out_dir.glob("*.jsonl*")) if out_dir.is_dir() else []


def run_tasks(tasks: list[FileTask], workers: int) -> list[dict[str, int]]:
    if workers <= 1 or len(tasks) <= 1:
        return [write_file(task) for task in tasks]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(min(workers, len(tasks))) as pool:
        return list(pool.imap(write_file, tasks, chunksize=1))


def expectations_from(
    seed: int,
    files: int,
    results: list[dict[str, int]],
) -> dict[str, Any]:
    total = new_counts()
    for counts in results:
        for key, value in counts.items():
            total[key] += value
    quarantined = {code: total[code] for code in REASON_CODES}
    payload_rows = total["payload_rows"]
    non_blank = total["raw_lines"] - total["blank_lines"]
    expectations = {
        "seed": seed,
        "files": files,
        "raw_lines_written": total["raw_lines"],
        "blank_lines": total["blank_lines"],
        "non_blank_lines": non_blank,
        "payload_rows": payload_rows,
        "duplicate_rows": total["duplicate_rows"],
        "quarantined_rows": sum(quarantined.values()),
        "quarantined_by_reason": quarantined,
        "feedback_rows": total["feedback_rows"],
        "request_log_rows": payload_rows - total["feedback_rows"],
        "assessment_rows": total["assessment_rows"],
        "oversize_request_rows": total["oversize_request_rows"],
        "oversize_response_rows": total["oversize_response_rows"],
        "streaming_response_rows": total["streaming_response_rows"],
    }
    accounted = payload_rows + total["duplicate_rows"] + sum(quarantined.values())
    if accounted != non_blank:
        raise AssertionError(f"accounting broken: {accounted} != {non_blank}")
    return expectations


def generate_with_stats(
    out_dir: Path,
    lines: int,
    seed: int,
    files: int | None,
    workers: int | None,
    start: datetime = START,
    span: timedelta = SPAN,
) -> tuple[dict[str, Any], dict[str, int]]:
    """Write the logs; returns (expectations, {"bytes_raw", "bytes_disk"})."""
    if lines < 1:
        raise ValueError("lines must be >= 1")
    files = default_files(lines) if files is None else files
    if files < 1:
        raise ValueError("files must be >= 1")
    span_ms = span // timedelta(milliseconds=1)
    if span_ms < 1:
        raise ValueError("span must be at least a millisecond")
    out_dir = Path(out_dir)
    if existing_outputs(out_dir):
        raise FileExistsError(f"{out_dir} already contains *.jsonl* files")
    out_dir.mkdir(parents=True, exist_ok=True)
    if workers is None:
        workers = os.cpu_count() or 1
    first_ms = int((start - EPOCH).total_seconds() * 1000)
    plan = build_plan(out_dir, lines, files, seed, first_ms, span_ms)
    results = run_tasks(plan, min(workers, files))
    stats = {key: sum(r[key] for r in results) for key in ("bytes_raw", "bytes_disk")}
    return expectations_from(seed, files, results), stats


def generate(
    out_dir: Path,
    lines: int,
    seed: int = 42,
    files: int | None = None,
    workers: int | None = None,
    start: datetime = START,
    span: timedelta = SPAN,
) -> dict[str, Any]:
    """Write `lines` raw lines into `files` files under out_dir, their request times spread
    over `span` (four days by default) from `start` (UTC); returns the expectations."""
    return generate_with_stats(out_dir, lines, seed, files, workers, start, span)[0]
