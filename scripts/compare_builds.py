"""Compare two builds of the project, table by table and row by row.

Both DuckDB files are built from the same raw logs (say, before and after a change). For every
table and view of the main schema, the rows of one that the other lacks are counted both ways
(`EXCEPT ALL`, so duplicates count). Columns that hold the time of a run (load ids, build
times) differ between any two builds and are left out of the comparison. Exit code 1 when a
table differs or is missing from one side.

    python scripts/compare_builds.py before.duckdb after.duckdb [--significant-digits 11]

Floating-point aggregates (a standard deviation, a sum of doubles, a series) depend on the
order DuckDB's threads meet the rows, so two builds of the same logs may differ in their last
bits: --significant-digits N compares every floating-point number, in lists and structs too,
rounded to N significant digits.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

# Set by the clock or the dbt invocation of the run that loaded a row, not by the logs.
RUN_TIME_COLUMNS = (
    "load_id", "ranked_in_load", "built_in_run", "recorded_at", "invocation_id", "finished_at",
    "build_invocation_id",
)  # fmt: skip


@dataclass(frozen=True)
class TableDifference:
    table: str
    rows: int
    only_in_before: int
    only_in_after: int

    @property
    def equal(self) -> bool:
        return self.only_in_before == 0 and self.only_in_after == 0


def alias_tables(connection: duckdb.DuckDBPyConnection, alias: str, catalog: str) -> set[str]:
    """Schema `alias` with a view of each table of the attached `catalog`; their names."""
    rows = connection.execute(
        "select table_name from information_schema.tables "
        "where table_catalog = ? and table_schema = 'main'",
        [catalog],
    ).fetchall()
    tables = {name for (name,) in rows if "__dbt_tmp" not in name}
    connection.execute(f"create schema {alias}")
    for table in tables:
        connection.execute(
            f'create view {alias}."{table}" as select * from "{catalog}".main."{table}"'
        )
    return tables


def rounded(expression: str, column_type: duckdb.DuckDBPyType, depth: int = 0) -> str:
    """SQL of `expression` with every floating-point number in it, nested in lists and
    structs too, rounded to the significant digits of the `significant` macro."""
    if column_type.id in ("double", "float"):
        return f"significant({expression})"
    if column_type.id == "list":
        variable = f"v{depth}"
        element = rounded(variable, dict(column_type.children)["child"], depth + 1)
        return (
            expression
            if element == variable
            else (f"list_transform({expression}, {variable} -> {element})")
        )
    if column_type.id == "struct":
        fields = [
            (name, rounded(f'{expression}."{name}"', child, depth + 1))
            for name, child in column_type.children
        ]
        if all(field == f'{expression}."{name}"' for name, field in fields):
            return expression
        packed = ", ".join(f'"{name}" := {field}' for name, field in fields)
        return f"case when {expression} is not null then struct_pack({packed}) end"
    return expression


def compared_columns(
    connection: duckdb.DuckDBPyConnection, table: str, ignored: tuple[str, ...]
) -> list[tuple[str, duckdb.DuckDBPyType]]:
    relation = connection.sql(f'select * from before_build."{table}"')
    return [
        (name, column_type)
        for name, column_type in zip(relation.columns, relation.types, strict=True)
        if name not in ignored
    ]


def compare_table(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    ignored: tuple[str, ...],
    significant_digits: int | None = None,
) -> TableDifference:
    # A table of run-time columns only is compared by its row count.
    columns = (
        ", ".join(
            rounded(f'"{name}"', column_type) if significant_digits else f'"{name}"'
            for name, column_type in compared_columns(connection, table, ignored)
        )
        or "1"
    )

    def only_in(first: str, second: str) -> int:
        query = (
            f'select count(*) from (select {columns} from {first}."{table}" '
            f'except all select {columns} from {second}."{table}")'
        )
        return connection.execute(query).fetchone()[0]  # type: ignore[index]

    rows = connection.execute(f'select count(*) from before_build."{table}"').fetchone()[0]  # type: ignore[index]
    return TableDifference(
        table, rows, only_in("before_build", "after_build"), only_in("after_build", "before_build")
    )


def compare_builds(
    before: Path,
    after: Path,
    ignored: tuple[str, ...] = RUN_TIME_COLUMNS,
    significant_digits: int | None = None,
) -> tuple[list[TableDifference], list[str]]:
    """Every table's differences, and the tables that only one build has; with
    `significant_digits`, floating-point numbers are compared rounded to that many digits."""
    if before.stem == after.stem:
        raise ValueError("give the two database files different names (views name their file)")
    with duckdb.connect() as connection:
        # Each file under its own name, which dbt's views use for their tables; then the two
        # aliases the comparison reads.
        for path in (before, after):
            connection.execute(f"attach '{path}' as \"{path.stem}\" (read_only)")
        connection.execute(
            "create macro significant(x) as case when x is null or x = 0 or not isfinite(x) "
            f"then x else round(x, {significant_digits or 17} - 1 "
            "- cast(floor(log10(abs(x))) as integer)) end"
        )
        before_tables = alias_tables(connection, "before_build", before.stem)
        after_tables = alias_tables(connection, "after_build", after.stem)
        differences = [
            compare_table(connection, table, ignored, significant_digits)
            for table in sorted(before_tables & after_tables)
        ]
    return differences, sorted(before_tables ^ after_tables)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument(
        "--significant-digits",
        type=int,
        metavar="N",
        help="compare floating-point numbers (nested ones too) rounded to N significant digits",
    )
    args = parser.parse_args(argv)
    differences, unmatched = compare_builds(
        args.before, args.after, significant_digits=args.significant_digits
    )
    for difference in differences:
        print(
            f"{difference.table:45} {difference.rows:>10} rows  "
            f"only before {difference.only_in_before:>7}  only after {difference.only_in_after:>7}"
        )
    for table in unmatched:
        print(f"{table:45} in one build only")
    differing = [d.table for d in differences if not d.equal]
    print(
        f"{len(differences)} tables compared, {len(differing)} differ, "
        f"{len(unmatched)} in one build only"
    )
    return 1 if differing or unmatched else 0


if __name__ == "__main__":
    sys.exit(main())
