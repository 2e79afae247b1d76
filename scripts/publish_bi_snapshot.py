"""Publish the BI tables of a successful build where BI tools read them without meeting the lock.

A DuckDB file cannot be opened by another process while dbt writes it ("Could not set lock on
file"). After a successful `dbt build`, this copies the marts and the inference tables into

- ``<out>/inference_tables.duckdb``: a snapshot to open read-only, written with DuckDB storage
  version v1.0.0 so the older DuckDB versions inside BI drivers can open it, and replaced
  atomically (a reader sees the old snapshot or the new one, never a partial file). Its
  schema ``bi`` has a view of each table with every MAP, STRUCT and list column as JSON text
  (VARCHAR), for BI tools that cannot show nested types;
- ``<out>/parquet/<table>.parquet``: one Parquet file per table; ``parquet`` is a symlink
  switched atomically to a new directory, so the files always come from one build. A reader
  of several tables resolves the link once (``realpath``) and reads that directory, which
  stays in place for ``PARQUET_KEEP_SECONDS`` (one hour) after a newer build replaced it.

It refuses to publish, leaving the published copy as it was, unless dbt's run_results.json
shows a `dbt build` of this very database (its invocation is recorded in the table
`build_invocations` by an on-run-end hook) in which nothing failed, errored or was skipped.
One publish runs at a time (a lock file in the output folder); each removes what a killed
publish left behind (temporary files, Parquet folders never linked).

    python scripts/publish_bi_snapshot.py --database data/inference_tables.duckdb \\
        --out data/published --run-results target/run_results.json
"""

from __future__ import annotations

import argparse
import fcntl
import itertools
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

PUBLISHED_TABLES = (
    "payload",
    "payload_request_logs",
    "payload_assessment_logs",
    "endpoint_usage",
    "inference_requests",
    "endpoint_daily_usage",
    "request_feedback",
    "latest_assessments",
    "training_corpus",
    "current_served_entities",
    "inference_requests_profile_metrics",
    "inference_requests_drift_metrics",
    "monitoring_alerts",
)
SNAPSHOT_FILE = "inference_tables.duckdb"
# The snapshot's schema for BI tools that cannot show MAP, STRUCT or list columns.
BI_SCHEMA = "bi"
NESTED_TYPE_PREFIXES = ("MAP(", "STRUCT(", "UNION(")
PARQUET_LINK = "parquet"
INFO_TABLE = "_snapshot_info"
# DuckDB 1.0 and later read this storage format (BI drivers often bundle an older DuckDB).
STORAGE_VERSION = "v1.0.0"
FAILED_STATUSES = {"error", "fail", "runtime error", "skipped"}
# How long a replaced Parquet directory stays for the readers that resolved the link to it.
PARQUET_KEEP_SECONDS = 3600.0
# Written in a Parquet directory just before the link may point to it (hidden: not a table).
PUBLISHED_MARKER = ".published"


class PublishRefused(RuntimeError):
    """The build did not succeed, so nothing is published."""


@dataclass(frozen=True)
class Published:
    snapshot: Path
    parquet_dir: Path
    row_counts: dict[str, int]


def successful_build_id(run_results: Path) -> str:
    """The invocation id of the `dbt build` in run_results.json; refuses any other outcome."""
    if not run_results.is_file():
        raise PublishRefused(f"no dbt run results at {run_results}: run `dbt build` first")
    results = json.loads(run_results.read_text(encoding="utf-8"))
    command = results.get("args", {}).get("which")
    if command != "build":
        raise PublishRefused(f"the last dbt command was `{command}`, not `build`")
    failed = [
        f"{result['unique_id']} ({result['status']})"
        for result in results.get("results", [])
        if str(result.get("status")).lower() in FAILED_STATUSES
    ]
    if failed:
        shown = ", ".join(failed[:5]) + (" ..." if len(failed) > 5 else "")
        raise PublishRefused(f"the last dbt build did not succeed: {shown}")
    return str(results["metadata"]["invocation_id"])


def require_build_of(database: Path, build_id: str) -> None:
    """Refuses run results that do not belong to a build of `database`."""
    if not database.is_file():
        raise PublishRefused(f"no database at {database}")
    with duckdb.connect(str(database), read_only=True) as connection:
        try:
            found = connection.execute(
                "select count(*) from build_invocations where invocation_id = ?", [build_id]
            ).fetchone()
        except duckdb.CatalogException:  # built before builds were recorded
            found = None
    if not (found and found[0]):
        raise PublishRefused(
            f"the run results (dbt invocation {build_id}) are not of a build of {database}"
        )


def duckdb_limits() -> dict[str, str]:
    """The build's memory bound (see profiles/profiles.yml), so publishing stays within it too."""
    return {
        "memory_limit": os.environ.get("DBT_DUCKDB_MEMORY_LIMIT", "2GB"),
        "temp_directory": os.environ.get("DBT_DUCKDB_TEMP_DIR", "data/duckdb_tmp"),
        "preserve_insertion_order": "false",
    }


def sql_string(value: str | Path) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def is_nested(data_type: str) -> bool:
    """MAP, STRUCT, UNION and list or array types: what many BI tools cannot show."""
    return data_type.startswith(NESTED_TYPE_PREFIXES) or data_type.endswith("]")


def bi_view_sql(table: str, columns: list[tuple[str, str]]) -> str:
    """A view of `table` with every nested column as its JSON text (VARCHAR)."""
    selected = ", ".join(
        f'cast(to_json("{name}") as varchar) as "{name}"' if is_nested(data_type) else f'"{name}"'
        for name, data_type in columns
    )
    return f'create view {BI_SCHEMA}."{table}" as select {selected} from main."{table}"'


def create_bi_views(connection: duckdb.DuckDBPyConnection) -> None:
    """Schema `bi` of the snapshot: each published table with nested columns as JSON text.
    Created from inside the snapshot, so the views name its own tables wherever it is opened."""
    connection.execute("use snapshot")
    connection.execute(f"create schema {BI_SCHEMA}")
    for table in PUBLISHED_TABLES:
        columns = connection.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_catalog = 'snapshot' and table_schema = 'main' and table_name = ? "
            "order by ordinal_position",
            [table],
        ).fetchall()
        connection.execute(bi_view_sql(table, columns))
    connection.execute("use memory")


def write_snapshot(database: Path, snapshot: Path, build_id: str) -> dict[str, int]:
    """Copy the published tables (views materialised) into a new DuckDB file."""
    with duckdb.connect(":memory:", config=duckdb_limits()) as connection:
        connection.execute(f"attach {sql_string(database)} as build (read_only)")
        connection.execute(
            f"attach {sql_string(snapshot)} as snapshot (storage_version '{STORAGE_VERSION}')"
        )
        row_counts: dict[str, int] = {}
        for table in PUBLISHED_TABLES:
            connection.execute(
                f'create table snapshot.main."{table}" as select * from build.main."{table}"'
            )
            row = connection.execute(f'select count(*) from snapshot.main."{table}"').fetchone()
            row_counts[table] = int(row[0]) if row else 0
        create_bi_views(connection)
        connection.execute(
            f"create table snapshot.main.{INFO_TABLE} ("
            "table_name varchar, row_count bigint, build_invocation_id varchar,"
            " published_at timestamp)"
        )
        connection.executemany(
            f"insert into snapshot.main.{INFO_TABLE} values (?, ?, ?, now()::timestamp)",
            [(table, count, build_id) for table, count in row_counts.items()],
        )
        connection.execute("detach snapshot")
    return row_counts


def write_parquet(snapshot: Path, parquet_dir: Path) -> None:
    parquet_dir.mkdir()
    with duckdb.connect(str(snapshot), read_only=True, config=duckdb_limits()) as connection:
        for table in (*PUBLISHED_TABLES, INFO_TABLE):
            target = sql_string(parquet_dir / f"{table}.parquet")
            connection.execute(f'copy "{table}" to {target} (format parquet, compression zstd)')


def fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_stale_parquet_dirs(out_dir: Path, current: str, keep_seconds: float) -> None:
    """Parquet directories a killed publish left (never marked published), and those replaced
    by a newer build more than `keep_seconds` ago: readers that resolved the link earlier keep
    one consistent build for that long."""
    published = sorted(
        path for path in out_dir.glob("parquet-*") if (path / PUBLISHED_MARKER).exists()
    )
    for path in out_dir.glob("parquet-*"):
        if path.is_dir() and path.name != current and path not in published:
            shutil.rmtree(path, ignore_errors=True)
    now = time.time()
    for older, newer in itertools.pairwise(published):
        replaced_at = (newer / PUBLISHED_MARKER).stat().st_mtime
        if older.name != current and now - replaced_at >= keep_seconds:
            shutil.rmtree(older, ignore_errors=True)


def publish_stamp(now_ns: int) -> str:
    """A name part that sorts as the publishes ran: UTC second, then nanoseconds of that same
    second (one clock reading, so a second that ticks between two readings cannot reorder)."""
    seconds, nanoseconds = divmod(now_ns, 10**9)
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(seconds)) + f"-{nanoseconds:09d}"


@contextmanager
def publish_lock(out_dir: Path) -> Iterator[None]:
    """One publish at a time in `out_dir`: a second one waits for the first to finish."""
    with open(out_dir / ".publish.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def remove_leftovers(out_dir: Path) -> None:
    """What a killed publish left (run under the lock, so no publish is writing them)."""
    for path in out_dir.glob(f".{SNAPSHOT_FILE}.*.tmp"):
        path.unlink(missing_ok=True)
    for path in out_dir.glob(f".{PARQUET_LINK}.*.tmp"):
        path.unlink(missing_ok=True)


def publish(
    database: Path, out_dir: Path, build_id: str, keep_seconds: float = PARQUET_KEEP_SECONDS
) -> Published:
    out_dir.mkdir(parents=True, exist_ok=True)
    with publish_lock(out_dir):
        return publish_locked(database, out_dir, build_id, keep_seconds)


def publish_locked(database: Path, out_dir: Path, build_id: str, keep_seconds: float) -> Published:
    link = out_dir / PARQUET_LINK
    remove_leftovers(out_dir)
    stamp = publish_stamp(time.time_ns())
    temporary_snapshot = out_dir / f".{SNAPSHOT_FILE}.{stamp}.tmp"
    parquet_dir = out_dir / f"parquet-{stamp}"
    temporary_link = out_dir / f".{PARQUET_LINK}.{stamp}.tmp"
    if link.exists() and not link.is_symlink():
        raise PublishRefused(f"{link} is not the symlink this script manages; move it away")
    try:
        row_counts = write_snapshot(database, temporary_snapshot, build_id)
        write_parquet(temporary_snapshot, parquet_dir)
        fsync_path(temporary_snapshot)
        (parquet_dir / PUBLISHED_MARKER).touch()
        os.replace(temporary_snapshot, out_dir / SNAPSHOT_FILE)
        os.symlink(parquet_dir.name, temporary_link)
        os.replace(temporary_link, link)
        fsync_path(out_dir)
    except BaseException:
        temporary_snapshot.unlink(missing_ok=True)
        temporary_link.unlink(missing_ok=True)
        shutil.rmtree(parquet_dir, ignore_errors=True)
        raise
    remove_stale_parquet_dirs(out_dir, parquet_dir.name, keep_seconds)
    return Published(out_dir / SNAPSHOT_FILE, link, row_counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        type=Path,
        default=Path(os.environ.get("DBT_DUCKDB_PATH", "data/inference_tables.duckdb")),
        help="DuckDB file dbt built (default: $DBT_DUCKDB_PATH, else data/inference_tables.duckdb)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(os.environ.get("BI_PUBLISH_DIR", "data/published")),
        help="where to publish (default: $BI_PUBLISH_DIR or data/published)",
    )
    parser.add_argument(
        "--run-results",
        type=Path,
        default=Path("target/run_results.json"),
        help="dbt's run_results.json of the build to publish",
    )
    args = parser.parse_args(argv)
    try:
        build_id = successful_build_id(args.run_results)
        require_build_of(args.database, build_id)
        published = publish(args.database, args.out, build_id)
    except PublishRefused as refusal:
        print(f"publish refused, the published copy is unchanged: {refusal}", file=sys.stderr)
        return 1
    print("BI snapshot published (open it read-only):")
    print(f"  DuckDB:  {published.snapshot}")
    print(f"  Parquet: {published.parquet_dir}/<table>.parquet")
    print("  Schema bi: the same tables, nested columns as JSON text")
    width = max(len(table) for table in published.row_counts) + 2
    for table, count in published.row_counts.items():
        print(f"  {table:<{width}}{count:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
