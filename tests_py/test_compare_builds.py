"""scripts/compare_builds.py: two builds compared table by table, row by row."""

from __future__ import annotations

from pathlib import Path

import duckdb
from compare_builds import compare_builds, main


def database(path: Path, *statements: str) -> Path:
    with duckdb.connect(str(path)) as connection:
        for statement in statements:
            connection.execute(statement)
    return path


def test_rows_are_compared_both_ways_with_duplicates_and_run_times_left_out(
    tmp_path: Path,
) -> None:
    before = database(
        tmp_path / "before.duckdb",
        "create table payload as select * from (values ('a', 1, 100), ('b', 2, 100), "
        "('b', 2, 100)) t(id, n, load_id)",
        "create table build_invocations as select 'x' as invocation_id",
        "create table only_before as select 1 as n",
    )
    after = database(
        tmp_path / "after.duckdb",
        "create table payload as select * from (values ('a', 1, 200), ('b', 2, 200), "
        "('c', 3, 200)) t(id, n, load_id)",
        "create table build_invocations as select 'y' as invocation_id",
    )
    differences, unmatched = compare_builds(before, after)
    by_table = {d.table: (d.rows, d.only_in_before, d.only_in_after) for d in differences}
    assert by_table == {"build_invocations": (1, 0, 0), "payload": (3, 1, 1)}
    assert unmatched == ["only_before"]
    assert main([str(before), str(after)]) == 1


def test_equal_builds_exit_zero(tmp_path: Path) -> None:
    statement = "create table payload as select 'a' as id, 7 as load_id"
    before = database(tmp_path / "before.duckdb", statement)
    after = database(tmp_path / "after.duckdb", statement.replace("7", "8"))
    assert main([str(before), str(after)]) == 0


def test_significant_digits_round_floats_nested_in_lists_and_structs(tmp_path: Path) -> None:
    def build(name: str, tiny: str) -> Path:
        return database(
            tmp_path / name,
            "create table metrics as select "
            f"1 / 3 + {tiny} as share, [2 / 3 + {tiny}, null] as quantiles, "
            f"{{'statistic': 5 + {tiny}, 'label': 'x'}} as test, "
            "cast(null as struct(statistic double)) as missing, 0.0 :: double as zero, 'a' as id",
        )

    before, after = build("before.duckdb", "0.0 :: double"), build("after.duckdb", "1e-15")
    assert main([str(before), str(after)]) == 1
    assert main([str(before), str(after), "--significant-digits", "12"]) == 0
    differences, _ = compare_builds(before, after, significant_digits=17)
    assert [(d.only_in_before, d.only_in_after) for d in differences] == [(1, 1)]
