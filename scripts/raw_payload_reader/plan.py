"""What a run reads of each matched file, given where earlier runs read each file to: a file
is known by its first line's fingerprint, not its path (see the model's docstring)."""

from __future__ import annotations

import os
from typing import NamedTuple

from .files import (
    GZIP_ERRORS,
    fingerprint,
    fingerprint_of,
    gzip_length,
    new_file_id,
    path_id,
)


class FileState(NamedTuple):
    """Where a file was read to: its last non-blank line read, as the lines table holds it."""

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


def file_error(path: str, file_id: str, line_number: int, reason: str, error: object) -> FileError:
    """A file row's error: the reason, and the message naming the file."""
    return FileError(path, file_id, line_number, reason, f"{path}: {error}")


def is_unchanged(path: str, known: FileState, status: os.stat_result) -> bool:
    """Whether a file read to its end is as it was read: the same size and modification time.
    A gzip file needs only the same size: a complete stream is finished, so one merely touched
    or copied (a new time, the same bytes) is not decompressed again to find nothing new."""
    if known.size_bytes != status.st_size:
        return False
    return path.endswith(".gz") or known.modified_ns == status.st_mtime_ns


def needs_gzip_length(is_complete: bool, is_settled: bool, was_read: bool) -> bool:
    """Whether a gzip file is decompressed once before it is read, to learn its length and
    whether its stream is complete. Not needed for a settled file whose first line is complete
    and that was never read (most of a gateway's compressed history): reading it stops at any
    damage with a CORRUPT_GZIP file row, as it would after the check, and it is not empty."""
    return not (is_settled and is_complete) or was_read


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
        if known and known.is_read_to_end and is_unchanged(path, known, status):
            continue
        is_settled = now_ns - status.st_mtime_ns >= settle_seconds * 1e9
        try:
            first_line_print, is_complete = fingerprint(path)
            # The states of this file, or of another file with the same first line.
            same_print = [s for s in states if fingerprint_of(s.file_id) == first_line_print]
            length, gzip_error = status.st_size, None
            if path.endswith(".gz") and needs_gzip_length(
                is_complete, is_settled, was_read=bool(same_print)
            ):
                length, gzip_error = gzip_length(path)
        except GZIP_ERRORS as error:
            first_line_print, is_complete, same_print = "", False, []
            length, gzip_error = 0, error
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
        same_start = [state for state in same_print if state.end_offset <= length]
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
