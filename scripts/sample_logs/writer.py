"""Writing one file of the plan (gzip, CRLF, byte-order mark, batched writes) and counting
its lines by kind.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path
from typing import IO

from sample_logs.bad_lines import BAD_LINE_BUILDERS, REASON_CODES
from sample_logs.draws import make_request_id, pick, rand_int
from sample_logs.exchanges import FileState
from sample_logs.feedback import feedback_line
from sample_logs.oversize import OVERSIZE_REQUEST, OVERSIZE_RESPONSE, oversize_line
from sample_logs.plan import FileTask, Spec
from sample_logs.redelivery import dup_source_line
from sample_logs.request_lines import request_log_line
from sample_logs.times import latency_drift_start_ms, line_base_ms, starts_with_bom

WRITE_BATCH = 2000


def new_counts() -> dict[str, int]:
    counts = dict.fromkeys(
        (
            "blank_lines",
            "payload_rows",
            "duplicate_rows",
            "feedback_rows",
            "assessment_rows",
            "oversize_request_rows",
            "oversize_response_rows",
            "streaming_response_rows",
            "raw_lines",
            "bytes_raw",
            "bytes_disk",
        ),
        0,
    )
    counts.update(dict.fromkeys(REASON_CODES, 0))
    return counts


def special_line(
    task: FileTask,
    rng: random.Random,
    spec: Spec,
    ts_ms: int,
    state: FileState,
    counts: dict[str, int],
) -> bytes:
    """Build the line for a planned position and count it."""
    kind = spec[0]
    if kind == "blank":
        counts["blank_lines"] += 1
        return spec[1].encode("ascii")
    if kind == "bad":
        counts[spec[1]] += 1
        return BAD_LINE_BUILDERS[spec[1]](rng, spec[2], ts_ms)
    if kind == "oversize":
        counts["payload_rows"] += 1
        counts["oversize_request_rows"] += spec[1] in OVERSIZE_REQUEST
        counts["oversize_response_rows"] += spec[1] in OVERSIZE_RESPONSE
        return oversize_line(rng, spec[1], ts_ms)
    line, rid, is_feedback, assessments, streaming = dup_source_line(
        task.seed, spec, latency_drift_start_ms(task.first_ms, task.span_ms)
    )
    if kind == "dupcopy":
        counts["duplicate_rows"] += 1
        return line
    counts["payload_rows"] += 1
    counts["feedback_rows"] += is_feedback
    counts["assessment_rows"] += assessments
    counts["streaming_response_rows"] += streaming
    if not is_feedback:
        state.request_ids.append(rid)
    return line


def ordinary_line(
    rng: random.Random,
    ts_ms: int,
    state: FileState,
    counts: dict[str, int],
    slow_from_ms: int,
) -> bytes:
    """A fresh valid line: a review-app feedback line now and then, else a request line."""
    rid = make_request_id(rng)
    counts["payload_rows"] += 1
    if state.request_ids and rng.random() < 0.05:
        refs = [pick(rng, state.request_ids) for _ in range(2)]
        line, assessments = feedback_line(rng, rid, ts_ms, refs, state)
        counts["feedback_rows"] += 1
        counts["assessment_rows"] += assessments
        return line
    line, streaming = request_log_line(rng, rid, ts_ms, state, slow_from_ms)
    counts["streaming_response_rows"] += streaming
    state.request_ids.append(rid)
    return line


def open_output(path: Path, gz: bool) -> tuple[IO[bytes], IO[bytes]]:
    raw = open(path, "wb")  # noqa: SIM115 - closed by write_file
    if gz:
        sink = gzip.GzipFile("", "wb", compresslevel=1, fileobj=raw, mtime=0)
        return raw, sink
    return raw, raw


def write_file(task: FileTask) -> dict[str, int]:
    """Write one log file; returns its counts."""
    rng = random.Random(f"{task.seed}/file/{task.index}")
    state = FileState()
    counts = new_counts()
    start_ms, end_ms = task.window
    slow_from_ms = latency_drift_start_ms(task.first_ms, task.span_ms)
    terminator = b"\r\n" if task.crlf else b"\n"
    path = Path(task.out_dir) / task.name
    raw, sink = open_output(path, task.gz)
    batch: list[bytes] = []
    if starts_with_bom(task.index):
        sink.write(b"\xef\xbb\xbf")
        counts["bytes_raw"] += 3
    try:
        for pos in range(task.n_lines):
            ts_ms = line_base_ms(start_ms, end_ms, task.n_lines, pos)
            ts_ms += rand_int(rng, 0, 3000)
            spec = task.specs.get(pos)
            if spec is None:
                batch.append(ordinary_line(rng, ts_ms, state, counts, slow_from_ms))
            else:
                batch.append(special_line(task, rng, spec, ts_ms, state, counts))
            if len(batch) >= WRITE_BATCH or pos == task.n_lines - 1:
                chunk = terminator.join(batch) + terminator
                counts["bytes_raw"] += len(chunk)
                sink.write(chunk)
                batch.clear()
    finally:
        if sink is not raw:
            sink.close()
        raw.close()
    counts["raw_lines"] = task.n_lines
    counts["bytes_disk"] = path.stat().st_size
    return counts
