"""Every non-blank line of the raw payload logs, byte for byte, with its file and line number.

The lines are read in Python rather than with a CSV or JSON reader so that nothing is lost to
parsing: a line is split on b"\\n" only (a trailing b"\\r" of a CRLF file is dropped with it),
gzip files are recognised by their ``.gz`` suffix, and a line that is not valid UTF-8 is kept
with U+FFFD in place of the bad bytes and ``is_valid_utf8 = false`` so it can be quarantined.
Rows stream to DuckDB in Arrow batches, so memory stays bounded whatever the file sizes.

Incremental: a run reads only the files it has not loaded yet, and stamps their lines with a
new ``load_id`` (increasing, from the clock) that downstream models use as their watermark. A
loaded file whose size or modification time has changed stops the run: raw files must not
change once they match ``raw_payload_path`` (write them under another name, then rename).
"""

from __future__ import annotations

import gzip
import os
import time
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

import pyarrow as pa

LINE_SCHEMA = pa.schema(
    [
        ("source_file", pa.string()),
        ("line_number", pa.int64()),
        ("raw_line", pa.large_string()),
        ("is_valid_utf8", pa.bool_()),
        ("load_id", pa.int64()),
        ("file_size_bytes", pa.int64()),
        ("file_modified_ns", pa.int64()),
    ]
)
# Files are read in blocks of whole lines, split in C; each block is one batch.
READ_BLOCK_BYTES = 32 * 1024 * 1024


def open_log_file(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


UTF8_BOM = b"\xef\xbb\xbf"


def iter_line_blocks(path: str) -> Iterator[bytes]:
    """The file's bytes in blocks of whole lines (without the last line break); a UTF-8
    byte-order mark at the start of the file is not part of its first line."""
    with open_log_file(path) as handle:
        pending = b""
        first = handle.read(len(UTF8_BOM))
        if first != UTF8_BOM:
            pending = first
        while block := handle.read(READ_BLOCK_BYTES):
            complete, newline, pending = (pending + block).rpartition(b"\n")
            if newline:
                yield complete
            else:
                pending = complete + pending
        if pending:
            yield pending


def as_utf8(raw: bytes) -> tuple[bytes, bool]:
    """The line as UTF-8 (invalid bytes replaced by U+FFFD) and whether it already was."""
    if raw.isascii():
        return raw, True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace").encode("utf-8"), False
    return raw, True


def line_batch(
    raw_file: RawFile, load_id: int, first_number: int, block: bytes
) -> tuple[pa.RecordBatch, int]:
    """A block's non-blank lines (a CRLF's \\r dropped), numbered, with their file; and how
    many physical lines the block holds."""
    lines = block.split(b"\n")
    if b"\r" in block:
        lines = [line[:-1] if line.endswith(b"\r") else line for line in lines]
    # bytes.strip() removes exactly the blank characters (space, tab, LF, CR, VT, FF).
    kept = [index for index, line in enumerate(lines) if line.strip()]
    checked = [as_utf8(lines[index]) for index in kept]
    # Every line is valid UTF-8 now, so the bytes are viewed as text without decoding them.
    texts = pa.array([line for line, _ in checked], pa.large_binary()).view(pa.large_string())
    rows = len(kept)
    batch = pa.RecordBatch.from_arrays(
        [
            pa.repeat(raw_file.path, rows).cast(pa.string()),
            pa.array([first_number + index for index in kept], pa.int64()),
            texts,
            pa.array([valid for _, valid in checked], pa.bool_()),
            pa.repeat(load_id, rows).cast(pa.int64()),
            pa.repeat(raw_file.size_bytes, rows).cast(pa.int64()),
            pa.repeat(raw_file.modified_ns, rows).cast(pa.int64()),
        ],
        schema=LINE_SCHEMA,
    )
    return batch, len(lines)


class RawFile(NamedTuple):
    # A NamedTuple, not a dataclass: dbt runs this file as a module missing from sys.modules.
    path: str
    size_bytes: int
    modified_ns: int

    @classmethod
    def stat(cls, path: str) -> RawFile:
        status = os.stat(path)
        return cls(path, status.st_size, status.st_mtime_ns)


def iter_line_batches(files: list[RawFile], load_id: int) -> Iterator[pa.RecordBatch]:
    for raw_file in files:
        first_number = 1
        for block in iter_line_blocks(raw_file.path):
            batch, line_count = line_batch(raw_file, load_id, first_number, block)
            first_number += line_count
            if batch.num_rows:
                yield batch


def read_payload_lines(files: list[RawFile], load_id: int) -> pa.RecordBatchReader:
    ordered = sorted(files, key=lambda raw_file: raw_file.path)
    return pa.RecordBatchReader.from_batches(LINE_SCHEMA, iter_line_batches(ordered, load_id))


def files_to_load(matched: list[RawFile], loaded: dict[str, RawFile]) -> list[RawFile]:
    """The matched files not loaded yet; a loaded file that changed since is an error."""
    changed = [
        f"{raw_file.path} (size {loaded[raw_file.path].size_bytes} -> {raw_file.size_bytes}"
        f" bytes, mtime {loaded[raw_file.path].modified_ns} -> {raw_file.modified_ns} ns)"
        for raw_file in matched
        if raw_file.path in loaded and loaded[raw_file.path] != raw_file
    ]
    if changed:
        raise RuntimeError(
            "Raw payload files changed after they were loaded: "
            + "; ".join(changed)
            + ". Raw files must not change once they match raw_payload_path (write them under"
            " another name, then rename). To reload everything, run dbt with --full-refresh."
        )
    return [raw_file for raw_file in matched if raw_file.path not in loaded]


def next_load_id(previous_load_id: int) -> int:
    """Increasing across runs and full refreshes: the clock in ms, past the last load."""
    return max(time.time_ns() // 1_000_000, previous_load_id + 1)


def model(dbt: Any, session: Any) -> pa.RecordBatchReader:
    dbt.config(
        materialized="incremental",
        unique_key=["source_file", "line_number"],
    )
    raw_payload_path = dbt.config.get("raw_payload_path")
    paths = [row[0] for row in dbt.source("gateway", "raw_payload_files").fetchall()]
    if not paths:
        raise FileNotFoundError(
            f"No raw payload log file matches raw_payload_path={raw_payload_path!r}. "
            "Point the var at your logs, e.g. "
            "--vars '{raw_payload_path: \"/logs/**/*.jsonl*\"}'."
        )
    matched = [RawFile.stat(path) for path in paths]
    loaded: dict[str, RawFile] = {}
    previous_load_id = 0
    if dbt.is_incremental:
        for path, size_bytes, modified_ns, load_id in session.sql(
            "select source_file, max(file_size_bytes), max(file_modified_ns), max(load_id)"
            f" from {dbt.this} group by source_file"
        ).fetchall():
            loaded[path] = RawFile(path, size_bytes, modified_ns)
            previous_load_id = max(previous_load_id, load_id)
    return read_payload_lines(files_to_load(matched, loaded), next_load_id(previous_load_id))
