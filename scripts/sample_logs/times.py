"""Request times (every accepted form) and each file's time window, name and format."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sample_logs.draws import pick, rand_int

START = datetime(2026, 3, 1)
EPOCH = datetime(1970, 1, 1)
START_MS = int((START - EPOCH).total_seconds() * 1000)
DAY_MS = 24 * 3600 * 1000
SPAN_MS = 4 * DAY_MS
OFFSETS = (
    (330, "+05:30"),
    (-480, "-08:00"),
    (540, "+09:00"),
    (-180, "-03:00"),
    (0, "+00:00"),
    (-300, "-05:00"),
    (345, "+05:45"),
)


def iso_utc(ts_ms: int) -> str:
    return (EPOCH + timedelta(milliseconds=ts_ms)).isoformat(timespec="milliseconds")


def time_field(rng: random.Random, ts_ms: int) -> tuple[str, Any]:
    """One of the accepted request time forms for the instant ts_ms (epoch milliseconds)."""
    r = rng.random()
    if r < 0.70:
        return "request_time", iso_utc(ts_ms) + "Z"
    if r < 0.74:
        micros = EPOCH + timedelta(microseconds=ts_ms * 1000 + rand_int(rng, 0, 999))
        return "request_time", micros.isoformat(timespec="microseconds") + "Z"
    if r < 0.78:
        seconds = EPOCH + timedelta(milliseconds=ts_ms - ts_ms % 1000)
        return "request_time", seconds.isoformat(timespec="seconds") + "Z"
    if r < 0.87:
        minutes, suffix = pick(rng, OFFSETS)
        local = EPOCH + timedelta(milliseconds=ts_ms, minutes=minutes)
        return "request_time", local.isoformat(timespec="milliseconds") + suffix
    if r < 0.91:
        return "request_time", iso_utc(ts_ms)
    if r < 0.96:
        return "request_time", ts_ms
    return "timestamp_ms", ts_ms


def file_window(
    index: int, files: int, first_ms: int = START_MS, span_ms: int = SPAN_MS
) -> tuple[int, int]:
    """The time span of file `index`: the files share span_ms from first_ms, in order."""
    start_ms = first_ms + span_ms * index // files
    return start_ms, first_ms + span_ms * (index + 1) // files


def latency_drift_start_ms(first_ms: int, span_ms: int = SPAN_MS) -> int:
    """Where the sample's latency drift starts: the last whole UTC day of the span (from the
    midnight before the span's end, less a day), so the latest complete day is drifted."""
    end_ms = first_ms + span_ms
    return end_ms - end_ms % DAY_MS - DAY_MS


def line_base_ms(start_ms: int, end_ms: int, n_lines: int, pos: int) -> int:
    return start_ms + (end_ms - start_ms) * pos // max(1, n_lines)


def file_name(
    index: int, files: int, gz: bool, first_ms: int = START_MS, span_ms: int = SPAN_MS
) -> str:
    end = EPOCH + timedelta(milliseconds=file_window(index, files, first_ms, span_ms)[1])
    stamp = end.strftime("%Y%m%d-%H%M%S")
    return f"gateway-{stamp}-{index:04d}.jsonl" + (".gz" if gz else "")


def is_gzip_file(index: int) -> bool:
    return index % 3 == 1


def starts_with_bom(index: int) -> bool:
    """Some editors and Windows tools open a UTF-8 file with a byte-order mark."""
    return index % 5 == 2


def is_crlf_file(index: int) -> bool:
    return index % 5 in (1, 2)
