"""Live raw files (SPEC §8) in the reader: appends, held lines, rotation, damaged files."""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from raw_payload_reader import batches as reader_batches
from raw_payload_reader import files as reader_files
from raw_payload_reader import lines as reader_lines
from raw_payload_reader import plan as reader_plan
from test_payload_lines_reader import read_all, reader

HELD = 3600.0  # a settle time no test reaches: unterminated lines are held


def append(path: Path, *chunks: bytes) -> None:
    """Append bytes to a file, as a gateway does to its current file."""
    with path.open("ab") as handle:
        handle.write(b"".join(chunks))


def states_after(rows: list[dict[str, Any]]) -> list[Any]:
    """The file states read_states finds in a lines table holding ``rows``."""
    last: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["raw_line"] is not None and (
            row["file_id"] not in last or row["line_number"] > last[row["file_id"]]["line_number"]
        ):
            last[row["file_id"]] = row
    return [
        reader.FileState(
            row["file_id"],
            row["source_file"],
            row["line_number"],
            row["end_offset"],
            row["file_size_bytes"],
            row["file_modified_ns"],
            row["is_file_read_to_end"],
            row["load_id"],
        )
        for row in last.values()
    ]


class Runs:
    """Successive runs over a folder, each reading from the states the earlier ones left."""

    def __init__(self, folder: Path, settle_seconds: float = 0.0) -> None:
        self.folder, self.settle_seconds = folder, settle_seconds
        self.table: list[dict[str, Any]] = []

    def run(self) -> list[dict[str, Any]]:
        paths = [Path(path) for path in reader.matched_log_files(str(self.folder / "*"))]
        rows = read_all(paths, states_after(self.table), self.settle_seconds)
        self.table = [row for row in self.table if row["raw_line"] is not None] + rows
        return rows

    def lines(self) -> list[tuple[str, int, str]]:
        return sorted(
            (row["file_id"], row["line_number"], row["raw_line"])
            for row in self.table
            if row["raw_line"] is not None
        )


def lines_of(rows: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(row["line_number"], row["raw_line"]) for row in rows if row["raw_line"] is not None]


def one_full_run(folder: Path, settle_seconds: float = 0.0) -> list[tuple[str, int, str]]:
    runs = Runs(folder, settle_seconds)
    runs.run()
    return runs.lines()


def recording(names: list[str], function: Callable[[str], Any]) -> Callable[[str], Any]:
    """`function`, adding to `names` the name of each path it is called with."""

    def watch(path: str) -> Any:
        names.append(Path(path).name)
        return function(path)

    return watch


def test_appended_lines_continue_the_numbering_and_nothing_is_read_twice(tmp_path: Path) -> None:
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b"a\n\nb\n")
    runs = Runs(tmp_path)
    assert lines_of(runs.run()) == [(1, "a"), (3, "b")]
    append(log, b"\n c\nd\n")
    assert lines_of(runs.run()) == [(5, " c"), (6, "d")]
    assert runs.run() == []
    assert runs.lines() == one_full_run(tmp_path)


def test_an_unchanged_file_read_to_its_end_is_not_opened_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "gw.jsonl").write_bytes(b"a\nb\n")
    runs = Runs(tmp_path)
    runs.run()

    def refuse(path: str) -> None:
        raise AssertionError(f"{path} opened again")

    monkeypatch.setattr(reader_files, "open_log_file", refuse)
    monkeypatch.setattr(reader_batches, "open_log_file", refuse)
    assert runs.run() == []


def test_a_gzip_file_touched_or_copied_is_not_decompressed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new modification time alone (a restore, a copy without -t) leaves a complete gzip file
    as it was read: the next run does not open it. A plain file is checked again (cheaply)."""
    packed = tmp_path / "gw-1.jsonl.gz"
    packed.write_bytes(gzip.compress(b"a\nb\n"))
    plain = tmp_path / "gw-2.jsonl"
    plain.write_bytes(b"c\n")
    runs = Runs(tmp_path)
    assert sorted(lines_of(runs.run())) == [(1, "a"), (1, "c"), (2, "b")]
    later = packed.stat().st_mtime + 60
    for path in (packed, plain):
        os.utime(path, (later, later))
    opened: list[str] = []
    watch = recording(opened, reader_files.open_log_file)
    monkeypatch.setattr(reader_files, "open_log_file", watch)
    monkeypatch.setattr(reader_batches, "open_log_file", watch)
    assert runs.run() == []
    assert "gw-1.jsonl.gz" not in opened
    assert runs.lines() == one_full_run(tmp_path)


def test_a_settled_new_gzip_file_is_decompressed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A settled gzip file never read before is read without decompressing it first to learn
    its length; one still being written is checked first, so that it waits until complete."""
    content = b"".join(b'{"line": %d}\n' % n for n in range(50))
    (tmp_path / "gw.jsonl.gz").write_bytes(gzip.compress(content))
    checked: list[str] = []
    monkeypatch.setattr(reader_plan, "gzip_length", recording(checked, reader_files.gzip_length))
    assert read_all([tmp_path / "gw.jsonl.gz"], settle_seconds=HELD) != []
    assert checked == ["gw.jsonl.gz"]
    checked.clear()
    rows = read_all([tmp_path / "gw.jsonl.gz"])
    assert checked == []
    assert lines_of(rows) == [(n + 1, f'{{"line": {n}}}') for n in range(50)]


def test_a_last_line_without_line_break_waits_for_it_or_for_the_file_to_settle(
    tmp_path: Path,
) -> None:
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b'{"a": 1}\n{"b": ')
    runs = Runs(tmp_path, settle_seconds=HELD)
    rows = runs.run()
    assert lines_of(rows) == [(1, '{"a": 1}')] and not rows[-1]["is_file_read_to_end"]
    append(log, b'2}\n{"c": 3}')
    assert lines_of(runs.run()) == [(2, '{"b": 2}')]
    runs.settle_seconds = 0.0  # the file has not changed for raw_file_settle_seconds
    assert lines_of(runs.run()) == [(3, '{"c": 3}')]
    append(log, b'\n{"d": 4}\n')  # the settled line's line break comes after all
    assert lines_of(runs.run()) == [(4, '{"d": 4}')]
    assert runs.lines() == one_full_run(tmp_path)


def test_a_file_whose_first_line_is_still_being_written_waits(tmp_path: Path) -> None:
    (tmp_path / "gw.jsonl").write_bytes(b'{"a": ')
    assert read_all([tmp_path / "gw.jsonl"], settle_seconds=HELD) == []


def test_rotation_by_rename_continues_the_file_and_reads_the_new_one(tmp_path: Path) -> None:
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b"a\nb\n")
    runs = Runs(tmp_path)
    runs.run()
    append(log, b"c\n")
    log.rename(tmp_path / "gw.1.jsonl")
    log.write_bytes(b"d\n")
    rows = runs.run()
    assert [
        (Path(row["source_file"]).name, *line)
        for row, line in zip(rows, lines_of(rows), strict=True)
    ] == [
        ("gw.1.jsonl", 3, "c"),
        ("gw.jsonl", 1, "d"),
    ]
    assert runs.lines() == one_full_run(tmp_path)


def test_compressing_in_place_continues_the_file(tmp_path: Path) -> None:
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b"a\nb\n")
    runs = Runs(tmp_path)
    runs.run()
    append(log, b"c\n")
    packed = tmp_path / "gw.jsonl.gz"
    packed.write_bytes(gzip.compress(log.read_bytes()))
    assert lines_of(runs.run()) == [(3, "c")]  # from either copy, once
    log.unlink()
    assert runs.run() == []
    assert runs.lines() == one_full_run(tmp_path)


def test_copytruncate_makes_the_old_path_a_new_file(tmp_path: Path) -> None:
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b"a\nb\n")
    runs = Runs(tmp_path)
    first_id = runs.run()[0]["file_id"]
    append(log, b"c\n")
    shutil.copy(log, tmp_path / "gw.jsonl.1")  # a name the glob matches but is never read
    shutil.copy(log, tmp_path / "gw-1.jsonl")
    log.write_bytes(b"x\n")
    rows = runs.run()
    assert {(Path(row["source_file"]).name, row["file_id"] == first_id) for row in rows} == {
        ("gw-1.jsonl", True),
        ("gw.jsonl", False),
    }
    assert runs.lines() == one_full_run(tmp_path)


def test_a_shorter_file_with_the_same_first_line_is_another_file(tmp_path: Path) -> None:
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b"a\nb\nc\n")
    runs = Runs(tmp_path)
    first_id = runs.run()[0]["file_id"]
    log.write_bytes(b"a\nz\n")
    rows = runs.run()
    assert lines_of(rows) == [(1, "a"), (2, "z")]
    assert {row["file_id"] for row in rows} == {f"{first_id}~2"}


def test_only_jsonl_and_jsonl_gz_names_are_read(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl.gz", "c.jsonl.tmp", "d.jsonl.crc", "e.jsonl.partial", "f"):
        (tmp_path / name).write_bytes(gzip.compress(b"x\n") if name.endswith(".gz") else b"x\n")
    (tmp_path / "dir.jsonl").mkdir()
    assert [Path(path).name for path in reader.matched_log_files(str(tmp_path / "*"))] == [
        "a.jsonl",
        "b.jsonl.gz",
    ]


def damaged_gzip(path: Path, content: bytes) -> None:
    packed = gzip.compress(content)
    path.write_bytes(packed[: len(packed) * 2 // 3])


def test_a_truncated_gzip_waits_then_keeps_its_readable_lines(tmp_path: Path) -> None:
    lines = b"".join(b'{"line": %d, "pad": "%s"}\n' % (n, b"x" * n) for n in range(200))
    damaged_gzip(tmp_path / "gw.jsonl.gz", lines)
    assert read_all([tmp_path / "gw.jsonl.gz"], settle_seconds=HELD) == []
    rows = read_all([tmp_path / "gw.jsonl.gz"])
    readable, file_row = rows[:-1], rows[-1]
    assert lines_of(readable) == [
        (n + 1, line.decode()) for n, line in enumerate(lines.split(b"\n")[: len(readable)])
    ]
    assert file_row["raw_line"] is None and file_row["read_error_reason"] == "CORRUPT_GZIP"
    assert file_row["line_number"] == len(readable) + 1
    assert "gw.jsonl.gz" in file_row["read_error"]


def test_a_gzip_damaged_before_its_first_line_is_one_file_row(tmp_path: Path) -> None:
    (tmp_path / "gw.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (row,) = read_all([tmp_path / "gw.jsonl.gz"])
    assert (row["read_error_reason"], row["line_number"]) == ("CORRUPT_GZIP", 1)


def test_unreadable_files_are_file_rows_and_the_others_are_read(tmp_path: Path) -> None:
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop)
    odd_name = os.fsdecode(bytes(tmp_path) + b"/odd-\xff.jsonl")
    Path(odd_name).write_bytes(b"x\n")
    (tmp_path / "ok.jsonl").write_bytes(b"fine\n")
    rows = read_all([loop, Path(odd_name), tmp_path / "ok.jsonl"])
    assert lines_of(rows) == [(1, "fine")]
    file_rows = {Path(row["source_file"]).name: row for row in rows if row["raw_line"] is None}
    assert set(file_rows) == {"loop.jsonl", "odd-\ufffd.jsonl"}
    assert {row["read_error_reason"] for row in file_rows.values()} == {"UNREADABLE_FILE"}
    assert "not valid UTF-8" in file_rows["odd-\ufffd.jsonl"]["read_error"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_a_file_without_read_permission_is_a_file_row_tried_again(tmp_path: Path) -> None:
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b"a\n")
    log.chmod(0)
    runs = Runs(tmp_path)
    (row,) = runs.run()
    assert (row["read_error_reason"], row["line_number"]) == ("UNREADABLE_FILE", 1)
    log.chmod(0o644)
    assert lines_of(runs.run()) == [(1, "a")]


@pytest.mark.parametrize("block_bytes", [3, 1024])
def test_lines_over_the_limit_keep_their_start_and_the_next_lines_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block_bytes: int
) -> None:
    monkeypatch.setattr(reader_lines, "MAX_LINE_BYTES", 10)
    monkeypatch.setattr(reader_lines, "TOO_LARGE_KEPT_BYTES", 4)
    monkeypatch.setattr(reader_files, "READ_BLOCK_BYTES", block_bytes)
    log = tmp_path / "gw.jsonl"
    log.write_bytes(b"0123456789\n0123456789abc\nok\n" + b"z" * 30)
    rows = read_all([log])
    assert [(row["line_number"], row["raw_line"], row["read_error_reason"]) for row in rows] == [
        (1, "0123456789", None),
        (2, "0123", "LINE_TOO_LARGE"),
        (3, "ok", None),
        (4, "zzzz", "LINE_TOO_LARGE"),
    ]
    assert [row["end_offset"] for row in rows] == [11, 25, 28, 58]


def test_a_long_line_is_parsed_without_its_oversize_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_lines, "LARGE_LINE_BYTES", 100)
    x50, x120 = "x" * 50, "x" * 120
    lines = [
        '{"databricks_request_id": "r1", "request": {"text": "'
        + "é" * 80
        + '"}, "response": "ok"}',
        '{"databricks_request_id": "r2", "request": "' + x50 + '", "extra": 1.5}',
        '{"databricks_request_id": "r3", "response": ' + "1" * 60 + ', "unknown": "' + x50 + 'x"}',
        '{"r4": NaN, "request": "' + x120 + '"}',
        '{"r5": "\\ud800", "request": "' + x120 + '"}',
        "[" + "1," * 60 + "1]",
        '{"databricks_request_id": "r7", "request": "short"}',
    ]
    (tmp_path / "gw.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reads, errors = reader.plan_reads(
        [str(tmp_path / "gw.jsonl")], [], 0, settle_seconds=0.0, max_body_bytes=50
    )
    rows = reader.read_payload_lines(reads, errors, load_id=1).read_all().to_pylist()
    assert [row["raw_line"] for row in rows] == lines
    assert [
        (row["parse_line"], row["is_request_left_out"], row["is_response_left_out"]) for row in rows
    ] == [
        ('{"databricks_request_id":"r1","request":null,"response":"ok"}', True, False),
        ('{"databricks_request_id":"r2","request":"' + x50 + '","extra":1.5}', False, False),
        ('{"databricks_request_id":"r3","response":null,"unknown":null}', False, True),
        ("", False, False),  # NaN: not JSON
        ("", False, False),  # a lone surrogate: not JSON as the models define it
        ("[]", False, False),  # JSON, not an object: only its kind matters
        (None, False, False),  # short: the models parse the line itself
    ]
