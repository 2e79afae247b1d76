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
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import time
import zlib
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

import pyarrow as pa

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
LOG_FILE_SUFFIXES = (".jsonl", ".jsonl.gz")
# Files are read in blocks of whole lines, split in C; each block is one batch.
READ_BLOCK_BYTES = 32 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024 * 1024
TOO_LARGE_KEPT_BYTES = 64 * 1024
LARGE_LINE_BYTES = 16 * 1024 * 1024
BODY_KEYS = ("request", "response")
UTF8_BOM = b"\xef\xbb\xbf"
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)
# Line rows, as opposed to file rows; by the reason, which is cheap to scan (raw_line is not).
LINE_ROWS = "coalesce(read_error_reason, '') not in ('UNREADABLE_FILE', 'CORRUPT_GZIP')"


class FileState(NamedTuple):
    """Where a file was read to: its last non-blank line read, as the lines table holds it."""

    # NamedTuples, not dataclasses: dbt runs this file as a module missing from sys.modules.
    file_id: str
    source_file: str
    line_number: int
    end_offset: int
    size_bytes: int
    modified_ns: int
    is_read_to_end: bool
    load_id: int


class FileRead(NamedTuple):
    """What a run reads of one file: from where, and which line number comes next."""

    path: str
    file_id: str
    start_offset: int
    next_line_number: int
    size_bytes: int
    modified_ns: int
    is_settled: bool
    max_body_bytes: int


class FileError(NamedTuple):
    path: str
    file_id: str
    line_number: int
    reason: str
    message: str


def open_log_file(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def as_utf8(raw: bytes) -> tuple[bytes, bool]:
    """The line as UTF-8 (invalid bytes replaced by U+FFFD) and whether it already was."""
    if raw.isascii():
        return raw, True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace").encode("utf-8"), False
    return raw, True


def printable_path(path: str) -> str:
    """The path as valid UTF-8 text (bytes of a non-UTF-8 name shown as U+FFFD)."""
    return os.fsencode(path).decode("utf-8", errors="replace")


class Piece(NamedTuple):
    """Consecutive bytes of a file: complete lines joined by b"\\n", or one line longer than
    MAX_LINE_BYTES (only its start kept); ``consumed`` counts the bytes read, line break
    included. The last piece of a file may lack its line break."""

    kind: str  # 'lines' | 'too_large'
    data: bytes
    consumed: int
    is_terminated: bool = True


def iter_blocks(handle: IO[bytes]) -> Iterator[bytes]:
    """The file's bytes in blocks of about READ_BLOCK_BYTES. A gzip stream is decompressed a
    chunk at a time, so that the bytes before damage are yielded before its error is raised
    (GzipFile.read drops the bytes of the call that fails)."""
    if not isinstance(handle, gzip.GzipFile):
        while block := handle.read(READ_BLOCK_BYTES):
            yield block
        return
    parts: list[bytes] = []
    size = 0
    try:
        while chunk := handle.read1(READ_BLOCK_BYTES):
            parts.append(chunk)
            size += len(chunk)
            if size >= READ_BLOCK_BYTES:
                yield b"".join(parts)
                parts, size = [], 0
    except GZIP_ERRORS:
        if parts:
            yield b"".join(parts)
        raise
    if parts:
        yield b"".join(parts)


def iter_pieces(handle: IO[bytes]) -> Iterator[Piece]:
    pending = bytearray()  # the start of the line not finished yet
    dropped = 0  # bytes of that line dropped past its kept start, once it is too large
    for block in iter_blocks(handle):
        first = block.find(b"\n")
        if first < 0:
            if dropped:
                dropped += len(block)
                continue
            pending += block
            if len(pending) > MAX_LINE_BYTES:
                dropped += len(pending) - TOO_LARGE_KEPT_BYTES
                del pending[TOO_LARGE_KEPT_BYTES:]
            continue
        line_length = len(pending) + dropped + first
        if line_length > MAX_LINE_BYTES:
            kept = bytes(pending[:TOO_LARGE_KEPT_BYTES])
            kept += block[: max(0, min(first, TOO_LARGE_KEPT_BYTES - len(kept)))]
            yield Piece("too_large", kept, line_length + 1)
            pending, dropped, block = bytearray(), 0, block[first + 1 :]
        cut = block.rfind(b"\n")
        if cut < 0:
            pending += block
            continue
        complete = bytes(pending) + block[:cut]
        pending = bytearray(block[cut + 1 :])
        yield Piece("lines", complete, len(complete) + 1)
    if dropped:
        yield Piece("too_large", bytes(pending), len(pending) + dropped, is_terminated=False)
    elif pending:
        yield Piece("lines", bytes(pending), len(pending), is_terminated=False)


class Reduction(NamedTuple):
    """What the models parse of a large line instead of the line itself."""

    parse_line: bytes
    is_request_left_out: bool
    is_response_left_out: bool


class LineRows(NamedTuple):
    numbers: list[int]
    texts: list[bytes]
    valid: list[bool]
    end_offsets: list[int]
    reasons: list[str | None]
    reductions: list[Reduction | None]


def no_rows() -> LineRows:
    return LineRows([], [], [], [], [], [])


def refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def serialized_bytes(value: object) -> int:
    """UTF-8 bytes of a value as a body: a string's own, a JSON value's compact serialization.
    A lone surrogate raises UnicodeEncodeError (it makes the line invalid JSON)."""
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return len(value.encode("utf-8"))


# What the models need of a large line that is valid JSON but not an object: its kind.
KIND_STANDINS = {list: "[]", str: '""', int: "0", float: "0.5", bool: "true", type(None): "null"}


def reduce_large_line(text: bytes, max_body_bytes: int) -> Reduction:
    """What the models parse instead of a line over LARGE_LINE_BYTES (DuckDB needs several times
    a value's size to parse or extract it): an object without its values over max_body_bytes
    (null instead), which the left-out flags name for the bodies; a stand-in of the same kind
    for other JSON; '' (not JSON, so INVALID_JSON) when it is not JSON as the models define it."""
    try:
        value = json.loads(text, parse_constant=refuse_constant)
        if not isinstance(value, dict):
            return Reduction(KIND_STANDINS[type(value)].encode(), False, False)
        left_out = {key: serialized_bytes(item) > max_body_bytes for key, item in value.items()}
    except (ValueError, RecursionError, UnicodeEncodeError):
        return Reduction(b"", False, False)
    kept = {key: None if left_out[key] else item for key, item in value.items()}
    parse_line = json.dumps(kept, separators=(",", ":")).encode()
    return Reduction(parse_line, left_out.get("request", False), left_out.get("response", False))


def piece_rows(
    piece: Piece, first_number: int, start_offset: int, max_body_bytes: int
) -> tuple[LineRows, int]:
    """A piece's non-blank lines, numbered, with their end offsets; and its line count."""
    if piece.kind == "too_large":
        text, valid = as_utf8(piece.data)
        end = start_offset + piece.consumed
        return LineRows([first_number], [text], [valid], [end], ["LINE_TOO_LARGE"], [None]), 1
    lines = piece.data.split(b"\n")
    rows = no_rows()
    end = start_offset
    for index, line in enumerate(lines):
        end += len(line) + 1
        if line.endswith(b"\r"):
            line = line[:-1]
        # bytes.strip() removes exactly the blank characters (space, tab, LF, CR, VT, FF).
        if not line.strip():
            continue
        is_too_large = len(line) > MAX_LINE_BYTES
        text, valid = as_utf8(line[:TOO_LARGE_KEPT_BYTES] if is_too_large else line)
        rows.numbers.append(first_number + index)
        rows.texts.append(text)
        rows.valid.append(valid)
        rows.end_offsets.append(min(end, start_offset + piece.consumed))
        rows.reasons.append("LINE_TOO_LARGE" if is_too_large else None)
        is_large = len(line) > LARGE_LINE_BYTES and not is_too_large
        rows.reductions.append(reduce_large_line(text, max_body_bytes) if is_large else None)
    return rows, len(lines)


def line_batch(
    read: FileRead, load_id: int, rows: LineRows, is_read_to_end: bool
) -> pa.RecordBatch:
    count = len(rows.numbers)
    # Every line is valid UTF-8 now, so the bytes are viewed as text without decoding them.
    texts = pa.array(rows.texts, pa.large_binary()).view(pa.large_string())
    return pa.RecordBatch.from_arrays(
        [
            pa.repeat(read.path, count).cast(pa.string()),
            pa.repeat(read.file_id, count).cast(pa.string()),
            pa.array(rows.numbers, pa.int64()),
            texts,
            pa.array(rows.valid, pa.bool_()),
            pa.array(rows.reasons, pa.string()),
            pa.nulls(count, pa.string()),
            pa.array([r and r.parse_line for r in rows.reductions], pa.large_binary()).view(
                pa.large_string()
            ),
            pa.array([bool(r and r.is_request_left_out) for r in rows.reductions], pa.bool_()),
            pa.array([bool(r and r.is_response_left_out) for r in rows.reductions], pa.bool_()),
            pa.array(rows.end_offsets, pa.int64()),
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


def skip_to(handle: IO[bytes], offset: int) -> int:
    """Moves the handle to ``offset`` (0: past a byte-order mark; further: just after the last
    line read, whose line break, if it had none yet, may follow now) and returns the offset."""
    if offset == 0:
        if handle.read(len(UTF8_BOM)) == UTF8_BOM:
            return len(UTF8_BOM)
        handle.seek(0)
        return 0
    if isinstance(handle, gzip.GzipFile):
        while offset - 1 - handle.tell() > 0:
            if not handle.read(min(offset - 1 - handle.tell(), READ_BLOCK_BYTES)):
                break
    else:
        handle.seek(offset - 1)
    if handle.read(1) != b"\n" and handle.peek(1)[:1] == b"\n":
        # The last line read was read unterminated (settled); its line break came later.
        handle.read(1)
        return offset + 1
    return offset


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
                if held.numbers:
                    yield line_batch(read, load_id, held, is_read_to_end=False)
                held = rows
            else:
                if held.numbers:
                    yield line_batch(read, load_id, held, is_read_to_end=True)
                return
    except GZIP_ERRORS as error:
        errors.append(file_error(read.path, read.file_id, number, "CORRUPT_GZIP", error))
    except OSError as error:
        errors.append(file_error(read.path, read.file_id, number, "UNREADABLE_FILE", error))
    if held.numbers:
        yield line_batch(read, load_id, held, is_read_to_end=False)


def file_error(path: str, file_id: str, line_number: int, reason: str, error: object) -> FileError:
    """A file row's error: the reason, and the message naming the file."""
    return FileError(path, file_id, line_number, reason, f"{path}: {error}")


def fingerprint(path: str) -> tuple[str, bool]:
    """The fingerprint of the file's first line (a byte-order mark left out), and whether that
    line is complete (ends with a line break)."""
    digest = hashlib.sha256()
    with open_log_file(path) as handle:
        skip_to(handle, 0)
        while chunk := handle.readline(READ_BLOCK_BYTES):
            if chunk.endswith(b"\n"):
                digest.update(chunk[:-1])
                return digest.hexdigest()[:32], True
            digest.update(chunk)
    return digest.hexdigest()[:32], False


def gzip_length(path: str) -> tuple[int, Exception | None]:
    """The decompressed length of a gzip file, and the error that ended it early, if any."""
    length = 0
    try:
        with gzip.open(path, "rb") as handle:
            for block in iter_blocks(handle):
                length += len(block)
    except GZIP_ERRORS as error:
        return length, error
    return length, None


def path_id(path: str) -> str:
    """The id of a file that could not be read far enough to be fingerprinted."""
    return "path:" + hashlib.sha256(os.fsencode(path)).hexdigest()[:32]


def new_file_id(fingerprint: str, taken: set[str]) -> str:
    """The fingerprint, or, when a different file with the same first line was read before,
    the fingerprint with the first free suffix ~2, ~3, ..."""
    candidate, suffix = fingerprint, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{fingerprint}~{suffix}"
    return candidate


def fingerprint_of(file_id: str) -> str:
    return file_id.split("~")[0]


def plan_reads(
    paths: list[str],
    states: list[FileState],
    now_ns: int,
    settle_seconds: float,
    max_body_bytes: int = 1_048_576,
) -> tuple[list[FileRead], list[FileError]]:
    """What to read of each matched file, and the files that cannot be read."""
    # The file read last under each path (copytruncate leaves two under one path).
    by_path = {state.source_file: state for state in sorted(states, key=lambda s: s.load_id)}
    taken = {state.file_id for state in states}
    claimed: set[str] = set()
    reads: list[FileRead] = []
    errors: list[FileError] = []
    for path in paths:
        known = by_path.get(path)
        try:
            path.encode("utf-8")
            status = os.stat(path)
        except FileNotFoundError:
            continue  # gone since the listing (rotated away: the next run finds it again)
        except (OSError, UnicodeEncodeError) as error:
            message = "file name is not valid UTF-8" if isinstance(error, UnicodeError) else error
            errors.append(unreadable(path, known, message))
            continue
        if (
            known
            and known.is_read_to_end
            and (known.size_bytes, known.modified_ns)
            == (
                status.st_size,
                status.st_mtime_ns,
            )
        ):
            continue
        is_settled = now_ns - status.st_mtime_ns >= settle_seconds * 1e9
        try:
            first_line_print, is_complete = fingerprint(path)
            length, gzip_error = (
                gzip_length(path) if path.endswith(".gz") else (status.st_size, None)
            )
        except GZIP_ERRORS as error:
            first_line_print, is_complete, length, gzip_error = "", False, 0, error
        except OSError as error:
            errors.append(unreadable(path, known, error))
            continue
        if gzip_error is not None and not is_settled:
            continue  # a gzip file still being written: read once complete, or settled
        if gzip_error is not None and not is_complete:
            errors.append(file_error(path, path_id(path), 1, "CORRUPT_GZIP", gzip_error))
            continue
        if length == 0 or not (is_complete or is_settled):
            continue  # an empty file, or a first line still being written
        if first_line_print in claimed:
            continue  # the same file under another path (e.g. while compressed in place)
        claimed.add(first_line_print)
        same_start = [
            state
            for state in states
            if fingerprint_of(state.file_id) == first_line_print and state.end_offset <= length
        ]
        resumed = max(same_start, key=lambda state: state.load_id, default=None)
        file_id = resumed.file_id if resumed else new_file_id(first_line_print, taken)
        taken.add(file_id)
        reads.append(
            FileRead(
                path=path,
                file_id=file_id,
                start_offset=resumed.end_offset if resumed else 0,
                next_line_number=resumed.line_number + 1 if resumed else 1,
                size_bytes=status.st_size,
                modified_ns=status.st_mtime_ns,
                # A complete gzip file is finished: its last line needs no line break.
                is_settled=is_settled or (path.endswith(".gz") and gzip_error is None),
                max_body_bytes=max_body_bytes,
            )
        )
    return reads, errors


def unreadable(path: str, known: FileState | None, error: object) -> FileError:
    file_id, line_number = (known.file_id, known.line_number + 1) if known else (path_id(path), 1)
    return file_error(path, file_id, line_number, "UNREADABLE_FILE", error)


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


def matched_log_files(raw_payload_path: str) -> list[str]:
    """The files the glob matches whose names end in .jsonl or .jsonl.gz, in path order.
    Listed in Python: DuckDB's glob() fails on a name that is not UTF-8."""
    return sorted(
        path
        for path in glob.glob(raw_payload_path, recursive=True)
        if path.endswith(LOG_FILE_SUFFIXES) and not os.path.isdir(path)
    )


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
    raw_payload_path = dbt.config.get("raw_payload_path")
    settle_seconds = float(dbt.config.get("raw_file_settle_seconds"))
    max_body_bytes = int(dbt.config.get("max_payload_bytes"))
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
