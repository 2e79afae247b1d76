"""Every non-blank line of the raw payload logs, byte for byte, with its file and line number,
and one row per raw file that could not be read.

The lines are read in Python rather than with a CSV or JSON reader so that nothing is lost to
parsing: a line is split on b"\\n" only (a trailing b"\\r" of a CRLF file is dropped with it),
``.jsonl.gz`` files are decompressed, and a line that is not valid UTF-8 is kept with U+FFFD in
place of the bad bytes and ``is_valid_utf8 = false`` so it can be quarantined. Rows stream to
DuckDB in Arrow batches, so memory stays bounded whatever the file sizes.

Live files (a gateway appends to its current file, then rotates it): a file is known by the
fingerprint of its first line, not by its path, and a run reads only what it has not read yet:

- only names ending in ``.jsonl`` or ``.jsonl.gz`` are read, whatever else the glob matches;
- a renamed or compressed-in-place file continues where it was read to; a new file under an
  old path (rotation, copytruncate) is a new file;
- a grown file is read from the end of its last line read, its line numbers continuing;
- a last line without a line break waits until one follows, or until the file has not changed
  for ``raw_file_settle_seconds``;
- a gzip file is read once its stream is complete; one still truncated or damaged once settled
  gives its readable lines and a ``CORRUPT_GZIP`` file row;
- a file that cannot be opened or read (permissions, a name that is not UTF-8) gives an
  ``UNREADABLE_FILE`` file row and is tried again by the next run;
- a line longer than 1 GiB is kept as its first 64 KiB, marked ``LINE_TOO_LARGE``;
- a line longer than 16 MiB also gets ``parse_line``, which the models parse instead (DuckDB
  needs several times a value's size to parse it): the line without its values over
  ``max_payload_bytes``, ``is_request_left_out`` / ``is_response_left_out`` saying whether the
  bodies were among them (see reduce_large_line).

File rows (``raw_line`` NULL) describe the current run only: the pre-hook deletes the previous
run's before the reader runs. Each run stamps its rows with a new ``load_id`` (increasing, from
the clock) that downstream models use as their watermark.

This file keeps the dbt glue; the reading is the package scripts/raw_payload_reader/.
"""

from __future__ import annotations

import time
from typing import Any

import pyarrow as pa

# dbt-duckdb runs this file from a temporary copy (so not beside scripts/): the package is found
# through the profile's module_paths ["scripts"], relative to the folder dbt runs in.
try:
    from raw_payload_reader import (
        LINE_ROWS,
        FileState,
        matched_log_files,
        plan_reads,
        read_payload_lines,
    )
except ModuleNotFoundError as error:
    if error.name != "raw_payload_reader":
        raise
    raise ModuleNotFoundError(
        "stg_gateway__payload_lines reads the raw logs with the package scripts/raw_payload_reader,"
        ' found through module_paths: ["scripts"] in profiles/profiles.yml, a path relative to'
        " the folder dbt runs in: run dbt from the project's root (or put the project's scripts/"
        " folder on the Python path, e.g. PYTHONPATH)."
    ) from error


def read_states(session: Any, this: object) -> tuple[list[FileState], int]:
    """Each file read before (its last non-blank line read), and the last load id."""
    states = [
        FileState(*row)
        for row in session.sql(
            "select file_id, arg_max(source_file, line_number), max(line_number),"
            " arg_max(end_offset, line_number), arg_max(file_size_bytes, line_number),"
            " arg_max(file_modified_ns, line_number), arg_max(is_file_read_to_end, line_number),"
            f" max(load_id) from {this} where {LINE_ROWS} group by file_id"
        ).fetchall()
    ]
    (previous_load_id,) = session.sql(f"select coalesce(max(load_id), 0) from {this}").fetchone()
    return states, previous_load_id


def next_load_id(previous_load_id: int) -> int:
    """Increasing across runs and full refreshes: the clock in ms, past the last load."""
    return max(time.time_ns() // 1_000_000, previous_load_id + 1)


def model(dbt: Any, session: Any) -> pa.RecordBatchReader:
    dbt.config(materialized="incremental", unique_key=["file_id", "line_number"])
    settings = dbt.config.get("meta")
    raw_payload_path = settings["raw_payload_path"]
    settle_seconds = float(settings["raw_file_settle_seconds"])
    max_body_bytes = int(settings["max_payload_bytes"])
    # Declares the lineage only: the files are listed here, in Python.
    dbt.source("gateway", "raw_payload_files")
    paths = matched_log_files(raw_payload_path)
    if not paths:
        raise FileNotFoundError(
            f"No raw payload log file matches raw_payload_path={raw_payload_path!r} (only names"
            " ending in .jsonl or .jsonl.gz are read). Point the var at your logs, e.g. "
            "--vars '{raw_payload_path: \"/logs/**/*.jsonl*\"}'."
        )
    states, previous_load_id = read_states(session, dbt.this) if dbt.is_incremental else ([], 0)
    reads, errors = plan_reads(paths, states, time.time_ns(), settle_seconds, max_body_bytes)
    return read_payload_lines(reads, errors, next_load_id(previous_load_id))
