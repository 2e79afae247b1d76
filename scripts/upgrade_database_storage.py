"""Rewrite a database file created before the project chose its storage format, so that its
JSON bodies are stored zstd-compressed as in a new build (docs/storage.md).

DuckDB fixes a file's storage format when it creates the file. A database built before the
profile asked for the v1.2.0 format keeps the older one, in which the bodies are stored
uncompressed and the file takes about three times the space. This copies every table and view
into a new file in the v1.2.0 format, then puts it in the old one's place in one rename. The
raw files are not read: a history whose files were rotated away is kept.

Run it while no build runs: it waits for a running `bin/refresh` (the same lock file) and stops
if another process holds the database.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import sys
from pathlib import Path

import duckdb
import yaml
from publish_bi_snapshot import duckdb_limits, sql_string

PROFILES = Path(__file__).resolve().parent.parent / "profiles" / "profiles.yml"
# The profile's options that decide how a new file stores the tables (it says why).
STORAGE_OPTIONS = ("storage_compatibility_version", "zstd_min_string_length")


def profile_storage_settings() -> dict[str, str]:
    """The storage options of the DuckDB target, as a new build's file gets them."""
    profile = yaml.safe_load(PROFILES.read_text())["inference_tables"]["outputs"]["dev"]
    return {option: str(profile["config_options"][option]) for option in STORAGE_OPTIONS}


STORAGE_SETTINGS = profile_storage_settings()
STORAGE_VERSION = STORAGE_SETTINGS["storage_compatibility_version"]


def storage_version(database: Path) -> str:
    with duckdb.connect(str(database), read_only=True) as connection:
        row = connection.execute(
            "select tags['storage_version'] from duckdb_databases()"
            " where database_name = current_database()"
        ).fetchone()
    return row[0] if row and row[0] else "unknown"


def version_numbers(version: str) -> tuple[int, ...] | None:
    numbers = version.strip("v+").split(".")
    return tuple(int(number) for number in numbers) if all(map(str.isdigit, numbers)) else None


def is_current(version: str) -> bool:
    """Whether a file's storage version is the profile's or later."""
    numbers = version_numbers(version)
    return numbers is not None and numbers >= version_numbers(STORAGE_VERSION)


def copy_database(database: Path, copy: Path, temp_directory: Path) -> None:
    # The build's memory bound; rows keep their order (later loads' rows stay at the end).
    settings = {
        "memory_limit": duckdb_limits()["memory_limit"],
        "temp_directory": str(temp_directory),
        **STORAGE_SETTINGS,
    }
    with duckdb.connect(":memory:", config=settings) as connection:
        connection.execute(f"attach {sql_string(database)} as old_format (read_only)")
        connection.execute(f"attach {sql_string(copy)} as new_format")
        connection.execute("copy from database old_format to new_format")
        connection.execute("checkpoint new_format")


def upgrade(database: Path) -> str:
    """Upgrade `database` in place; return what was done, for the user."""
    version = storage_version(database)
    if is_current(version):
        return f"{database} is already in the {version} storage format; nothing to do."
    wal = database.with_name(database.name + ".wal")
    if wal.exists():
        # A write-ahead log left by a killed build: fold it into the file first, or it would
        # be replayed onto the copy that takes the file's place.
        with duckdb.connect(str(database)) as connection:
            connection.execute("checkpoint")
    copy = database.with_name(database.name + ".upgrade.tmp")
    temp_directory = database.with_name(database.name + ".upgrade_tmp")
    copy.unlink(missing_ok=True)
    before = database.stat().st_size
    try:
        copy_database(database, copy, temp_directory)
        os.replace(copy, database)
    finally:
        copy.unlink(missing_ok=True)
        for leftover in temp_directory.glob("*"):
            leftover.unlink()
        if temp_directory.exists():
            temp_directory.rmdir()
    after = database.stat().st_size
    return (
        f"{database}: {version} -> {STORAGE_VERSION} storage format,"
        f" {before / 1e6:,.1f} MB -> {after / 1e6:,.1f} MB."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "database",
        type=Path,
        nargs="?",
        default=Path(os.environ.get("DBT_DUCKDB_PATH", "data/inference_tables.duckdb")),
    )
    args = parser.parse_args(argv)
    database: Path = args.database
    if not database.is_file():
        print(f"no database file at {database}", file=sys.stderr)
        return 1
    with open(database.with_name(database.name + ".refresh.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            print(upgrade(database))
        except duckdb.IOException as error:
            print(
                f"{database} is in use by another process; stop it and run again ({error})",
                file=sys.stderr,
            )
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
