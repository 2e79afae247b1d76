"""Redelivered lines: rebuilt from their own seed (seed, file, line) wherever they are written."""

from __future__ import annotations

import random

from sample_logs.draws import make_request_id, rand_int
from sample_logs.feedback import feedback_line
from sample_logs.plan import Spec
from sample_logs.request_lines import request_log_line


def dup_rng(seed: int, file_index: int, pos: int) -> random.Random:
    return random.Random(f"{seed}/line/{file_index}/{pos}")


def dup_source_id(seed: int, file_index: int, pos: int) -> str:
    return make_request_id(dup_rng(seed, file_index, pos))


def dup_source_line(seed: int, spec: Spec, slow_from_ms: int) -> tuple[bytes, str, bool, int, bool]:
    """Rebuild a redelivered line from spec (file, pos, kind, refs, base_ms).

    Returns (line, request id, is feedback, assessments, response is a stream).
    """
    _, src_file, src_pos, kind, refs, base_ms = spec
    rng = dup_rng(seed, src_file, src_pos)
    rid = make_request_id(rng)
    ts_ms = base_ms + rand_int(rng, 0, 3000)
    if kind == "feedback":
        ref_ids = [dup_source_id(seed, f, p) for f, p in refs]
        line, count = feedback_line(rng, rid, ts_ms, ref_ids, None)
        return line, rid, True, count, False
    line, streaming = request_log_line(rng, rid, ts_ms, None, slow_from_ms)
    return line, rid, False, 0, streaming
