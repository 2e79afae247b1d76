"""Databricks mode: the project reads an existing payload table instead of raw files (issue 6).

The switch runs end to end on DuckDB: a payload table built from raw logs is copied to where
a Databricks one would be, and the project built from it gives the same request and
assessment logs. The databricks profile itself cannot reach a workspace here: it is checked
by `dbt parse` against stub credentials, in its own environment (requirements-databricks.txt).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from conftest import PROJECT_DIR, DbtProject
from generate_sample_logs import generate

DATABRICKS_MODE = {
    "payload_source": "databricks_payload_table",
    "databricks_payload_schema": "serving",
    "databricks_payload_table": "chat_endpoint_payload",
}
# Columns only raw lines can fill: the legacy request_metadata keys are not in a payload table.
RAW_ONLY_COLUMNS = {"request_metadata"}


def compared_rows(project: DbtProject, table: str, skipped: set[str]) -> list[tuple]:
    return sorted(
        (tuple(value for name, value in row.items() if name not in skipped)
         for row in project.rows(table)),
        key=repr,
    )  # fmt: skip


def test_a_payload_table_gives_the_same_logs_as_the_raw_files(
    tmp_path: Path, dbt_project_factory: Callable[[str], DbtProject]
) -> None:
    logs = tmp_path / "logs"
    generate(logs, lines=1500, seed=11, files=2)
    from_files = dbt_project_factory("from_raw_files")
    from_files.run("build", "--exclude-resource-type", "unit_test", raw_payload_path=logs / "*")
    from_table = dbt_project_factory("from_payload_table")
    with duckdb.connect(str(from_table.database)) as connection:
        connection.execute(f"attach '{from_files.database}' as raw (read_only)")
        connection.execute("create schema serving")
        connection.execute("create table serving.chat_endpoint_payload as from raw.main.payload")

    from_table.run(
        "build", "--exclude-resource-type", "unit_test", raw_payload_path="",
        variables=DATABRICKS_MODE,
    )  # fmt: skip

    for table, skipped in [
        ("payload", set()),
        ("payload_request_logs", RAW_ONLY_COLUMNS),
        ("payload_assessment_logs", set()),
    ]:
        expected = compared_rows(from_files, table, skipped)
        assert expected, f"{table} is empty: the comparison would prove nothing"
        assert compared_rows(from_table, table, skipped) == expected, table


def test_databricks_mode_without_the_table_fails_naming_it(
    dbt_project_factory: Callable[[str], DbtProject],
) -> None:
    project = dbt_project_factory("missing_payload_table")
    failed = project.run(
        "build", "--select", "stg_databricks_inference__payload_lines", raw_payload_path="",
        variables=DATABRICKS_MODE, check=False,
    )  # fmt: skip
    assert failed.returncode != 0
    assert "chat_endpoint_payload" in failed.output


DATABRICKS_DBT = os.environ.get("DATABRICKS_DBT", str(PROJECT_DIR / ".venv-databricks/bin/dbt"))


@pytest.mark.skipif(not Path(DATABRICKS_DBT).exists(), reason="bin/test sets up .venv-databricks")
def test_the_databricks_profile_parses_in_databricks_mode(tmp_path: Path) -> None:
    stub_credentials = {
        "DATABRICKS_HOST": "stub.invalid",
        "DATABRICKS_HTTP_PATH": "/sql/1.0/warehouses/stub",
        "DATABRICKS_TOKEN": "stub",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    completed = subprocess.run(
        [
            DATABRICKS_DBT, "parse", "--profiles-dir", "profiles", "--target", "databricks",
            "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs"),
            "--vars", json.dumps(DATABRICKS_MODE),
        ],
        cwd=PROJECT_DIR, env={**os.environ, **stub_credentials}, capture_output=True, text=True,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout[-4000:]
    assert "WARN" not in completed.stdout, completed.stdout[-4000:]
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text())
    readers = [
        node["original_file_path"]
        for node in manifest["nodes"].values()
        if node["name"].endswith("__payload_lines")
    ]
    assert readers == [
        "models/staging/databricks_inference/stg_databricks_inference__payload_lines.sql"
    ]
    source = manifest["sources"]["source.inference_tables.databricks_inference.payload"]
    assert (source["schema"], source["identifier"]) == ("serving", "chat_endpoint_payload")
    assert "source.inference_tables.gateway.raw_payload_files" not in manifest["sources"]
