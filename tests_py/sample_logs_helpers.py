"""Shared by the tests of the sample-log generator (tests_py/test_sample_logs_*.py).

The heart of it is an independent re-count: the files are read back byte for byte, every line
is classified with plain Python rules (sample_logs_rules.py), duplicates are resolved
first-copy-wins in file name order, and the result must equal the expectations the generator
reports from construction. The `generated` fixture is in sample_logs_fixtures.py.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sample_logs_rules import (
    assessment_count,
    body_text,
    classify,
    feedback_records,
    is_stream_response,
    utf8_len,
)

N_LINES = 6000
SEED = 7
LIMIT = 1_048_576
NAME_RE = re.compile(r"^gateway-(\d{8})-(\d{6})-(\d{4})\.jsonl(\.gz)?$")
EXPECTED_KEYS = [
    "seed",
    "files",
    "raw_lines_written",
    "blank_lines",
    "non_blank_lines",
    "payload_rows",
    "duplicate_rows",
    "quarantined_rows",
    "quarantined_by_reason",
    "feedback_rows",
    "request_log_rows",
    "assessment_rows",
    "oversize_request_rows",
    "oversize_response_rows",
    "streaming_response_rows",
]
REASONS = [
    "INVALID_UTF8",
    "INVALID_JSON",
    "NOT_AN_OBJECT",
    "MISSING_REQUEST_ID",
    "INVALID_REQUEST_TIME",
    "INVALID_STATUS_CODE",
    "INVALID_FIELD_TYPE",
]


# --------------------------------------------------------------------------------------------
# reading the files back


def file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def raw_lines(path: Path) -> list[bytes]:
    """Lines with their terminator removed (b"\\n", or b"\\r\\n" in a CRLF file)."""
    data = file_bytes(path)
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is not part of line 1
    assert data.endswith(b"\n"), f"{path.name} does not end with a line terminator"
    lines = data.split(b"\n")[:-1]
    if lines and lines[0].endswith(b"\r"):
        assert all(line.endswith(b"\r") for line in lines), f"{path.name}: mixed endings"
        lines = [line[:-1] for line in lines]
    return lines


def log_files(out_dir: Path) -> list[Path]:
    return sorted(out_dir.glob("*.jsonl*"), key=lambda p: p.name)


# --------------------------------------------------------------------------------------------
# one scan of a generated directory


@dataclass
class Scan:
    files: list[Path]
    raw_lines: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    payload: dict[str, dict[str, Any]] = field(default_factory=dict)
    first_line: dict[str, bytes] = field(default_factory=dict)
    first_place: dict[str, tuple[int, int]] = field(default_factory=dict)
    copies: list[tuple[str, bytes, tuple[int, int]]] = field(default_factory=list)
    line_sizes: list[int] = field(default_factory=list)

    def expectations(self, seed: int) -> dict[str, Any]:
        rows = self.payload.values()
        feedback = [feedback_records(r) for r in rows]
        quarantined = {reason: self.kinds[reason] for reason in REASONS}
        return {
            "seed": seed,
            "files": len(self.files),
            "raw_lines_written": self.raw_lines,
            "blank_lines": self.kinds["BLANK"],
            "non_blank_lines": self.raw_lines - self.kinds["BLANK"],
            "payload_rows": len(self.payload),
            "duplicate_rows": len(self.copies),
            "quarantined_rows": sum(quarantined.values()),
            "quarantined_by_reason": quarantined,
            "feedback_rows": sum(f is not None for f in feedback),
            "request_log_rows": sum(f is None for f in feedback),
            "assessment_rows": sum(assessment_count(f) for f in feedback if f is not None),
            "oversize_request_rows": sum(
                utf8_len(body_text(r.get("request"))) > LIMIT for r in rows
            ),
            "oversize_response_rows": sum(
                utf8_len(body_text(r.get("response"))) > LIMIT for r in rows
            ),
            "streaming_response_rows": sum(is_stream_response(r.get("response")) for r in rows),
        }


def scan(out_dir: Path) -> Scan:
    result = Scan(log_files(out_dir))
    for file_index, path in enumerate(result.files):
        for line_index, line in enumerate(raw_lines(path)):
            result.raw_lines += 1
            result.line_sizes.append(len(line))
            kind, value = classify(line)
            result.kinds[kind] += 1
            if kind != "VALID":
                continue
            rid = value["databricks_request_id"]
            place = (file_index, line_index)
            if rid in result.payload:
                result.copies.append((rid, line, place))
            else:
                result.payload[rid] = value
                result.first_line[rid] = line
                result.first_place[rid] = place
    return result
