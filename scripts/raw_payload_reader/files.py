"""The raw log files themselves: which the glob matches, opening them (gzip decompressed),
reading them in blocks, and knowing a file by the fingerprint of its first line."""

from __future__ import annotations

import glob
import gzip
import hashlib
import os
import zlib
from collections.abc import Iterator
from typing import IO

LOG_FILE_SUFFIXES = (".jsonl", ".jsonl.gz")
# Files are read in blocks of whole lines, split in C; each block is one batch.
READ_BLOCK_BYTES = 32 * 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


def open_log_file(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def printable_path(path: str) -> str:
    """The path as valid UTF-8 text (bytes of a non-UTF-8 name shown as U+FFFD)."""
    return os.fsencode(path).decode("utf-8", errors="replace")


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


def matched_log_files(raw_payload_path: str) -> list[str]:
    """The files the glob matches whose names end in .jsonl or .jsonl.gz, in path order.
    Listed in Python: DuckDB's glob() fails on a name that is not UTF-8."""
    return sorted(
        path
        for path in glob.glob(raw_payload_path, recursive=True)
        if path.endswith(LOG_FILE_SUFFIXES) and not os.path.isdir(path)
    )
