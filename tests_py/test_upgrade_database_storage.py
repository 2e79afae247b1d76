"""A database file in an older storage format is rewritten in place, every table and view kept,
its long strings zstd-compressed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from generate_sample_logs import generate
from upgrade_database_storage import is_current, main, storage_version


def old_format_database(path: Path, logs: Path) -> None:
    """Generated log lines, as the reader stores them, in the v1.0.0 format."""
    generate(logs, lines=20000, seed=3, files=2)
    with duckdb.connect(str(path), config={"storage_compatibility_version": "v1.0.0"}) as con:
        con.execute(
            "create table rows_table as select row_number() over () as id, json::varchar as body"
            f" from read_json_objects('{logs}/*', format = 'newline_delimited',"
            " ignore_errors = true)"
        )
        con.execute("create view body_view as select id, body from rows_table where id <= 10")


def compressions(path: Path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "select distinct compression from pragma_storage_info('rows_table')"
            " where column_name = 'body' and segment_type = 'VARCHAR'"
        ).fetchall()
    return {row[0] for row in rows}


def test_an_old_format_file_is_rewritten_with_its_tables_views_and_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "build.duckdb"
    old_format_database(database, tmp_path / "logs")
    assert storage_version(database) == "v1.0.0+"
    assert "ZSTD" not in compressions(database)
    size_before = database.stat().st_size
    with duckdb.connect(str(database), read_only=True) as con:
        lines = con.execute("select count(*) from rows_table").fetchone()[0]
    assert lines > 19000

    assert main([str(database)]) == 0

    assert storage_version(database) == "v1.2.0+"
    assert compressions(database) == {"ZSTD"}
    assert database.stat().st_size < size_before / 2
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select count(*), sum(id) from rows_table").fetchone() == (
            lines,
            lines * (lines + 1) // 2,
        )
        assert con.execute("select count(*) from body_view where body like '{%}'").fetchone() == (
            10,
        )
    assert sorted(path.name for path in tmp_path.iterdir() if path.name != "logs") == [
        "build.duckdb",
        "build.duckdb.refresh.lock",
    ]
    assert "v1.0.0+ -> v1.2.0" in capsys.readouterr().out


def test_a_current_file_is_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "build.duckdb"
    with duckdb.connect(str(database), config={"storage_compatibility_version": "v1.2.0"}):
        pass
    modified = database.stat().st_mtime_ns
    assert main([str(database)]) == 0
    assert database.stat().st_mtime_ns == modified
    assert "nothing to do" in capsys.readouterr().out


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    assert main([str(tmp_path / "absent.duckdb")]) == 1


def test_versions_from_1_2_0_on_are_current() -> None:
    assert [is_current(v) for v in ["v0.10.2+", "v1.0.0+", "v1.1.0+", "unknown"]] == [False] * 4
    assert [is_current(v) for v in ["v1.2.0+", "v1.5.0+", "v2.0.0+"]] == [True] * 3


def test_a_build_on_an_old_format_file_notes_the_upgrade_until_it_is_done(
    dbt_project_factory: Any, tmp_path: Path
) -> None:
    project = dbt_project_factory("old_format")
    with duckdb.connect(str(project.database), config={"storage_compatibility_version": "v1.0.0"}):
        pass
    seeds_only = ("build", "--select", "resource_type:seed")
    note = "scripts/upgrade_database_storage.py " + str(project.database)

    assert note in project.run(*seeds_only, raw_payload_path=tmp_path / "*.jsonl").output
    assert main([str(project.database)]) == 0
    assert note not in project.run(*seeds_only, raw_payload_path=tmp_path / "*.jsonl").output
