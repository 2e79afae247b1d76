"""A file's bytes as numbered non-blank lines: split on b"\\n" in pieces of whole lines, kept as
UTF-8, a line over MAX_LINE_BYTES cut to its start, one over LARGE_LINE_BYTES reduced to what
the models parse of it."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import IO, NamedTuple

import pyarrow as pa

from .files import iter_blocks

MAX_LINE_BYTES = 1024 * 1024 * 1024
TOO_LARGE_KEPT_BYTES = 64 * 1024
LARGE_LINE_BYTES = 16 * 1024 * 1024
BODY_KEYS = ("request", "response")


def as_utf8(raw: bytes) -> tuple[bytes, bool]:
    """The line as UTF-8 (invalid bytes replaced by U+FFFD) and whether it already was."""
    if raw.isascii():
        return raw, True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace").encode("utf-8"), False
    return raw, True


class Piece(NamedTuple):
    """Consecutive bytes of a file: complete lines joined by b"\\n", or one line longer than
    MAX_LINE_BYTES (only its start kept); ``consumed`` counts the bytes read, line break
    included. The last piece of a file may lack its line break."""

    kind: str  # 'lines' | 'too_large'
    data: bytes
    consumed: int
    is_terminated: bool = True


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
        complete = b"".join((pending, memoryview(block)[:cut]))
        pending = bytearray(memoryview(block)[cut + 1 :])
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
    """A piece's non-blank lines as Arrow columns, one value per line."""

    numbers: pa.Int64Array
    texts: pa.LargeStringArray
    valid: pa.BooleanArray
    end_offsets: pa.Int64Array
    reasons: pa.StringArray
    parse_lines: pa.LargeStringArray
    request_left_out: pa.BooleanArray
    response_left_out: pa.BooleanArray


def text_array(values: list[bytes]) -> pa.LargeStringArray:
    """Values that are valid UTF-8 (not checked) as one Arrow text array, built from their
    concatenation and offsets: ten times faster than converting them one by one (pa.array)."""
    offsets = pa.array([0, *itertools.accumulate(map(len, values))], pa.int64())
    data = pa.py_buffer(b"".join(values))
    return pa.Array.from_buffers(pa.large_string(), len(values), [None, offsets.buffers()[1], data])


def listed_rows(
    numbers: list[int],
    texts: list[bytes],
    valid: list[bool],
    end_offsets: list[int],
    reasons: list[str | None],
    reductions: list[Reduction | None],
) -> LineRows:
    parse_lines = [r.parse_line if r else None for r in reductions]
    return LineRows(
        pa.array(numbers, pa.int64()),
        text_array(texts),
        pa.array(valid, pa.bool_()),
        pa.array(end_offsets, pa.int64()),
        pa.array(reasons, pa.string()),
        pa.array(parse_lines, pa.large_binary()).view(pa.large_string()),
        pa.array([bool(r and r.is_request_left_out) for r in reductions], pa.bool_()),
        pa.array([bool(r and r.is_response_left_out) for r in reductions], pa.bool_()),
    )


def no_rows() -> LineRows:
    return listed_rows([], [], [], [], [], [])


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
        return listed_rows([first_number], [text], [valid], [end], ["LINE_TOO_LARGE"], [None]), 1
    lines = piece.data.split(b"\n")
    numbers: list[int] = []
    texts: list[bytes] = []
    valid: list[bool] = []
    end_offsets: list[int] = []
    reasons: list[str | None] = []
    reductions: list[Reduction | None] = []
    end = start_offset
    for index, line in enumerate(lines):
        end += len(line) + 1
        if line.endswith(b"\r"):
            line = line[:-1]
        # bytes.strip() removes exactly the blank characters (space, tab, LF, CR, VT, FF).
        if not line.strip():
            continue
        is_too_large = len(line) > MAX_LINE_BYTES
        text, is_valid = as_utf8(line[:TOO_LARGE_KEPT_BYTES] if is_too_large else line)
        numbers.append(first_number + index)
        texts.append(text)
        valid.append(is_valid)
        end_offsets.append(min(end, start_offset + piece.consumed))
        reasons.append("LINE_TOO_LARGE" if is_too_large else None)
        is_large = len(line) > LARGE_LINE_BYTES and not is_too_large
        reductions.append(reduce_large_line(text, max_body_bytes) if is_large else None)
    return listed_rows(numbers, texts, valid, end_offsets, reasons, reductions), len(lines)
