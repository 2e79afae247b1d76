"""Shared fixtures: run dbt against a throw-away DuckDB file and read the results back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[1]
DBT = str(Path(sys.executable).with_name("dbt"))


@dataclass
class DbtRun:
    returncode: int
    output: str


@dataclass
class DbtProject:
    """One isolated build: its own DuckDB file, target and log folders."""

    workdir: Path

    @property
    def database(self) -> Path:
        return self.workdir / "warehouse.duckdb"

    project_dir: Path = PROJECT_DIR

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "DBT_DUCKDB_PATH": str(self.database),
            "DBT_DUCKDB_TEMP_DIR": str(self.workdir / "duckdb_tmp"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }

    def command(
        self, *args: str, raw_payload_path: str | Path, variables: dict[str, Any] | None = None
    ) -> list[str]:
        return [
            DBT,
            *args,
            "--profiles-dir",
            str(PROJECT_DIR / "profiles"),
            "--project-dir",
            str(PROJECT_DIR),
            "--target-path",
            str(self.workdir / "target"),
            "--log-path",
            str(self.workdir / "logs"),
            "--vars",
            json.dumps({"raw_payload_path": str(raw_payload_path), **(variables or {})}),
        ]

    def run(
        self,
        *args: str,
        raw_payload_path: str | Path,
        check: bool = True,
        variables: dict[str, Any] | None = None,
    ) -> DbtRun:
        completed = subprocess.run(
            self.command(*args, raw_payload_path=raw_payload_path, variables=variables),
            cwd=PROJECT_DIR,
            env=self.environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        result = DbtRun(completed.returncode, completed.stdout + completed.stderr)
        if check and result.returncode != 0:
            pytest.fail(f"dbt {' '.join(args)} failed:\n{result.output[-6000:]}")
        return result

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        with duckdb.connect(str(self.database), read_only=True) as connection:
            return connection.execute(sql).fetchall()

    def rows(self, table: str) -> list[dict[str, Any]]:
        with duckdb.connect(str(self.database), read_only=True) as connection:
            cursor = connection.execute(f"select * from {table}")
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def rows_by_id(self, table: str, key: str = "databricks_request_id") -> dict[str, dict]:
        return {row[key]: row for row in self.rows(table)}


@pytest.fixture(scope="session")
def dbt_project_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    created: list[Path] = []

    def make(name: str) -> DbtProject:
        workdir = tmp_path_factory.mktemp(name)
        created.append(workdir)
        return DbtProject(workdir)

    yield make
    for workdir in created:
        shutil.rmtree(workdir, ignore_errors=True)


# The longest test files, started first: bin/test hands whole files to two workers in
# collection order, and a long file collected last (Spark parity, alphabetically) would run
# alone at the end.
LONGEST_FIRST = (
    "test_spark_parity.py",
    "test_live_files.py",
    "test_incremental.py",
    "test_end_to_end_handwritten.py",
    "test_dashboard_browser.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: each file keeps its tests' order
