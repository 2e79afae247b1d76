"""The planned reads as rows streamed in Arrow batches: each file's lines from where it was
read to, then one file row per file that could not be read."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from .files import GZIP_ERRORS, open_log_file, printable_path, skip_to
from .lines import LineRows, iter_pieces, no_rows, piece_rows
from .plan import FileError, FileRead, file_error

LINE_SCHEMA = pa.schema(
    [
        ("source_file", pa.string()),
        ("file_id", pa.string()),
        ("line_number", pa.int64()),
        ("raw_line", pa.large_string()),
        ("is_valid_utf8", pa.bool_()),
        ("read_error_reason", pa.string()),
        ("read_error", pa.string()),
        ("parse_line", pa.large_string()),
        ("is_request_left_out", pa.bool_()),
        ("is_response_left_out", pa.bool_()),
        ("end_offset", pa.int64()),
        ("is_file_read_to_end", pa.bool_()),
        ("load_id", pa.int64()),
        ("file_size_bytes", pa.int64()),
        ("file_modified_ns", pa.int64()),
    ]
)
# Line rows, as opposed to file rows; by the reason, which is cheap to scan (raw_line is not).
LINE_ROWS = "coalesce(read_error_reason, '') not in ('UNREADABLE_FILE', 'CORRUPT_GZIP')"


def line_batch(
    read: FileRead, load_id: int, rows: LineRows, is_read_to_end: bool
) -> pa.RecordBatch:
    count = len(rows.numbers)
    return pa.RecordBatch.from_arrays(
        [
            pa.repeat(read.path, count).cast(pa.string()),
            pa.repeat(read.file_id, count).cast(pa.string()),
            rows.numbers,
            rows.texts,
            rows.valid,
            rows.reasons,
            pa.nulls(count, pa.string()),
            rows.parse_lines,
            rows.request_left_out,
            rows.response_left_out,
            rows.end_offsets,
            pa.repeat(is_read_to_end, count).cast(pa.bool_()),
            pa.repeat(load_id, count).cast(pa.int64()),
            pa.repeat(read.size_bytes, count).cast(pa.int64()),
            pa.repeat(read.modified_ns, count).cast(pa.int64()),
        ],
        schema=LINE_SCHEMA,
    )


def error_batch(errors: list[FileError], load_id: int) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(
        [
            {
                "source_file": printable_path(error.path),
                "file_id": error.file_id,
                "line_number": error.line_number,
                "read_error_reason": error.reason,
                "read_error": printable_path(error.message),
                "is_file_read_to_end": False,
                "load_id": load_id,
            }
            for error in errors
        ],
        schema=LINE_SCHEMA,
    )


def iter_file_batches(
    read: FileRead, load_id: int, errors: list[FileError]
) -> Iterator[pa.RecordBatch]:
    """The lines of one file from where it was read to. A read that fails keeps the lines
    before the damage and records a file error at the first line not read."""
    number, held = read.next_line_number, no_rows()
    try:
        with open_log_file(read.path) as handle:
            offset = skip_to(handle, read.start_offset)
            for piece in iter_pieces(handle):
                if not piece.is_terminated and not read.is_settled:
                    break
                rows, line_count = piece_rows(piece, number, offset, read.max_body_bytes)
                number += line_count
                offset += piece.consumed
                if len(held.numbers):
                    yield line_batch(read, load_id, held, is_read_to_end=False)
                held = rows
            else:
                if len(held.numbers):
                    yield line_batch(read, load_id, held, is_read_to_end=True)
                return
    except GZIP_ERRORS as error:
        errors.append(file_error(read.path, read.file_id, number, "CORRUPT_GZIP", error))
    except OSError as error:
        errors.append(file_error(read.path, read.file_id, number, "UNREADABLE_FILE", error))
    if len(held.numbers):
        yield line_batch(read, load_id, held, is_read_to_end=False)


def iter_batches(
    reads: list[FileRead], errors: list[FileError], load_id: int
) -> Iterator[pa.RecordBatch]:
    for read in reads:
        yield from iter_file_batches(read, load_id, errors)
    if errors:
        yield error_batch(errors, load_id)


def read_payload_lines(
    reads: list[FileRead], errors: list[FileError], load_id: int
) -> pa.RecordBatchReader:
    return pa.RecordBatchReader.from_batches(LINE_SCHEMA, iter_batches(reads, errors, load_id))
