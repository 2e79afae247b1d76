"""The byte-exact raw line reader behind the stg_gateway__payload_lines Python model."""

from __future__ import annotations

import gzip
import importlib.util
import time
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pytest
import raw_payload_reader as reader
from raw_payload_reader import files as reader_files
from raw_payload_reader.lines import text_array

# The model file keeps only the dbt glue (model(), the previous state, load ids); a dbt model
# is no module on the Python path, so it is loaded by path, as dbt-duckdb does.
MODEL_PATH = (
    Path(__file__).resolve().parents[1] / "models/staging/gateway/stg_gateway__payload_lines.py"
)


def load_model() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stg_gateway__payload_lines", MODEL_PATH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


payload_lines_model = load_model()


def read_all(
    paths: Iterable[Path], states: Iterable[Any] = (), settle_seconds: float = 0.0
) -> list[dict[str, Any]]:
    """What a run reads of the files (settled at once, unless told), after runs that left
    ``states``, file rows last."""
    reads, errors = reader.plan_reads(
        sorted(str(path) for path in paths), list(states), time.time_ns(), settle_seconds
    )
    return reader.read_payload_lines(reads, errors, load_id=7).read_all().to_pylist()


def test_lines_keep_their_bytes_and_physical_line_numbers(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    log.write_bytes(b'{"a": 1}\n\n   \t\n{"b": "x\\ty"}\r\nno newline at end')
    rows = read_all([log])
    assert [(row["line_number"], row["raw_line"]) for row in rows] == [
        (1, '{"a": 1}'),
        (4, '{"b": "x\\ty"}'),
        (5, "no newline at end"),
    ]
    assert all(row["is_valid_utf8"] for row in rows)


def test_a_lone_carriage_return_and_separators_stay_inside_the_line(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    log.write_bytes(b'x\ry\x1e,z"\n')
    assert [row["raw_line"] for row in read_all([log])] == ['x\ry\x1e,z"']


def test_invalid_utf8_is_kept_with_replacement_characters(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    log.write_bytes(b'{"ok": "\xc3\xa9"}\nbad \xff\xfe end\n')
    rows = read_all([log])
    assert rows[0]["raw_line"] == '{"ok": "é"}' and rows[0]["is_valid_utf8"]
    assert rows[1]["raw_line"] == "bad \ufffd\ufffd end" and not rows[1]["is_valid_utf8"]


def test_gzip_files_are_decompressed_and_files_read_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b"second-1\nsecond-2\n"))
    (tmp_path / "a.jsonl").write_bytes(b"first\n")
    rows = read_all([tmp_path / "b.jsonl.gz", tmp_path / "a.jsonl"])
    assert [(Path(row["source_file"]).name, row["raw_line"]) for row in rows] == [
        ("a.jsonl", "first"),
        ("b.jsonl.gz", "second-1"),
        ("b.jsonl.gz", "second-2"),
    ]


def test_lines_larger_than_12_mib_are_read_whole(tmp_path: Path) -> None:
    body = "x" * (13 * 1024 * 1024)
    log = tmp_path / "big.jsonl"
    log.write_text(f'{{"request": "{body}"}}\n{{"small": 1}}\n')
    rows = read_all([log])
    assert len(rows[0]["raw_line"]) == len(body) + len('{"request": ""}')
    assert rows[1]["raw_line"] == '{"small": 1}'


def test_blocks_that_cut_lines_and_characters_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "a.jsonl"
    content = "é€😀 line\r\n\nsecond \xff line\nthird".encode("utf-8", "surrogateescape")
    log.write_bytes(content.replace(b"\xc3\xbf", b"\xff"))
    expected = read_all([log])
    monkeypatch.setattr(reader_files, "READ_BLOCK_BYTES", 3)
    assert read_all([log]) == expected
    assert [(row["line_number"], row["raw_line"], row["is_valid_utf8"]) for row in expected] == [
        (1, "é€😀 line", True),
        (3, "second \ufffd line", False),
        (4, "third", True),
    ]
    assert {(row["load_id"], row["file_size_bytes"]) for row in expected} == {(7, len(content) - 1)}


def test_load_ids_increase_past_the_previous_load() -> None:
    assert payload_lines_model.next_load_id(10**15) == 10**15 + 1
    assert payload_lines_model.next_load_id(0) > 1_700_000_000_000


class FakeDbt:
    def __init__(self) -> None:
        self.config = self

    def __call__(self, **_: Any) -> None:
        return None

    def get(self, key: str) -> dict[str, str]:
        assert key == "meta"
        return {
            "raw_payload_path": "/nowhere/*.jsonl*",
            "raw_file_settle_seconds": "300",
            "max_payload_bytes": "1048576",
        }

    def source(self, *_: str) -> None:
        return None


def test_a_glob_that_matches_nothing_fails_naming_the_glob() -> None:
    with pytest.raises(FileNotFoundError, match=r"/nowhere/\*\.jsonl\*"):
        payload_lines_model.model(FakeDbt(), session=None)


def test_a_byte_order_mark_opening_a_file_is_not_part_of_its_first_line(tmp_path: Path) -> None:
    plain = tmp_path / "a.jsonl"
    plain.write_bytes(b'\xef\xbb\xbf{"a": 1}\n\xef\xbb\xbf{"b": 2}\n')
    packed = tmp_path / "b.jsonl.gz"
    packed.write_bytes(gzip.compress(b'\xef\xbb\xbf{"c": 3}\n'))
    short = tmp_path / "c.jsonl"
    short.write_bytes(b"\xef\xbb")
    rows = [(row["line_number"], row["raw_line"]) for row in read_all([plain, packed, short])]
    # Only at the start of a file: a mark inside a file stays (and quarantines its line).
    assert rows == [(1, '{"a": 1}'), (2, '\ufeff{"b": 2}'), (1, '{"c": 3}'), (1, "\ufffd")]


@pytest.mark.parametrize(
    "values",
    [[], [b""], [b"a", b"", "\u00e9\u4e2d\U0001f600".encode(), b"{}"], [b"x" * 70_000] * 3],
)
def test_lines_become_the_same_arrow_values_as_converted_one_by_one(values: list[bytes]) -> None:
    expected = pa.array(values, pa.large_binary()).cast(pa.large_string())
    joined = text_array(values)
    joined.validate(full=True)
    assert joined.equals(expected)
