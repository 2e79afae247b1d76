"""Every non-blank line of the raw payload logs, byte for byte, with its file and line number.

The lines are read in Python rather than with a CSV or JSON reader so that nothing is lost to
parsing: a line is split on b"\\n" only (a trailing b"\\r" of a CRLF file is dropped with it),
gzip files are recognised by their ``.gz`` suffix, and a line that is not valid UTF-8 is kept
with U+FFFD in place of the bad bytes and ``is_valid_utf8 = false`` so it can be quarantined.
Rows stream to DuckDB in Arrow batches, so memory stays bounded whatever the file sizes.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import IO, Any

import pyarrow as pa

LINE_SCHEMA = pa.schema(
    [
        ("source_file", pa.string()),
        ("line_number", pa.int64()),
        ("raw_line", pa.large_string()),
        ("is_valid_utf8", pa.bool_()),
    ]
)
BATCH_MAX_ROWS = 20_000
BATCH_MAX_BYTES = 64 * 1024 * 1024


def open_log_file(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def strip_line_terminator(raw: bytes) -> bytes:
    if raw.endswith(b"\n"):
        raw = raw[:-1]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
    return raw


def iter_file_lines(path: str) -> Iterator[tuple[int, str, bool]]:
    """Yield (line_number, text, is_valid_utf8) for each non-blank line of one file."""
    with open_log_file(path) as handle:
        for line_number, raw in enumerate(handle, start=1):
            raw = strip_line_terminator(raw)
            if not raw.strip():
                continue
            try:
                yield line_number, raw.decode("utf-8"), True
            except UnicodeDecodeError:
                yield line_number, raw.decode("utf-8", errors="replace"), False


def iter_line_batches(paths: list[str]) -> Iterator[pa.RecordBatch]:
    columns: tuple[list[Any], ...] = tuple([] for _ in LINE_SCHEMA)
    batch_bytes = 0
    for path in paths:
        for line in iter_file_lines(path):
            for column, value in zip(columns, (path, *line), strict=True):
                column.append(value)
            batch_bytes += len(line[1])
            if len(columns[0]) >= BATCH_MAX_ROWS or batch_bytes >= BATCH_MAX_BYTES:
                yield pa.RecordBatch.from_arrays(list(columns), schema=LINE_SCHEMA)
                columns = tuple([] for _ in LINE_SCHEMA)
                batch_bytes = 0
    if columns[0]:
        yield pa.RecordBatch.from_arrays(list(columns), schema=LINE_SCHEMA)


def read_payload_lines(paths: list[str]) -> pa.RecordBatchReader:
    return pa.RecordBatchReader.from_batches(LINE_SCHEMA, iter_line_batches(sorted(paths)))


def model(dbt: Any, session: Any) -> pa.RecordBatchReader:
    dbt.config(materialized="table")
    raw_payload_path = dbt.config.get("raw_payload_path")
    paths = [row[0] for row in dbt.source("gateway", "raw_payload_files").fetchall()]
    if not paths:
        raise FileNotFoundError(
            f"No raw payload log file matches raw_payload_path={raw_payload_path!r}. "
            "Point the var at your logs, e.g. "
            "--vars '{raw_payload_path: \"/logs/**/*.jsonl*\"}'."
        )
    return read_payload_lines(paths)
