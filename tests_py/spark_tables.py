"""Read the tables a Spark build wrote, as plain Python values comparable with DuckDB's."""

from __future__ import annotations

import datetime
import json
import os
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from conftest import DbtProject, DbtRun

# Columns that may hold JSON text, compared as parsed JSON: Spark's VARIANT sorts the keys of
# a trace, and Jackson writes a body's characters beyond U+FFFF as \\uD83D\\uDC4D escapes.
JSON_TEXT_COLUMNS = {"trace", "request", "response", "request_raw", "response_raw"}


def local_spark_session(spark_dir: Path | None = None) -> Any:
    """A local Spark session in UTC; with `spark_dir`, on the metastore a build wrote there."""
    from pyspark.sql import SparkSession

    os.environ["TZ"] = "UTC"  # PySpark turns timestamps into naive local datetimes
    time.tzset()
    builder = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # As the project's on-run-start (macro session_settings) sets it for every build.
        .config("spark.sql.variant.allowDuplicateKeys", "true")
    )
    if spark_dir is not None:
        builder = (
            builder.config("spark.sql.warehouse.dir", str(spark_dir / "warehouse"))
            .config(
                "spark.hadoop.javax.jdo.option.ConnectionURL",
                f"jdbc:derby:;databaseName={spark_dir / 'metastore_db'};create=true",
            )
            .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={spark_dir / 'derby'}")
            .enableHiveSupport()
        )
    return builder.getOrCreate()


class SparkDbtProject(DbtProject):
    """One isolated build on the `spark` target: its warehouse and metastore in workdir."""

    @property
    def spark_dir(self) -> Path:
        return self.workdir / "spark"

    def environment(self) -> dict[str, str]:
        return {**super().environment(), "SPARK_PROJECT_DIR": str(self.spark_dir)}

    def command(
        self, *args: str, raw_payload_path: str | Path, variables: dict[str, str] | None = None
    ) -> list[str]:
        command = super().command(*args, raw_payload_path=raw_payload_path, variables=variables)
        return [*command, "--target", "spark"]

    def build(self, raw_payload_path: Path) -> DbtRun:
        return self.run(
            "build", "--exclude-resource-type", "unit_test", raw_payload_path=raw_payload_path
        )

    def rows(self, tables: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Every row of each table, read with a Spark session on the build's metastore."""
        session = local_spark_session(self.spark_dir)
        try:
            return {
                table: [
                    row.asDict(recursive=True)
                    for row in session.table(f"inference_tables.{table}").collect()
                ]
                for table in tables
            }
        finally:
            session.stop()


def normalised(value: Any, column: str = "") -> Any:
    """A value in a form both engines give alike: maps as sorted pairs, times as ISO text."""
    if value is None:
        return None
    if column in JSON_TEXT_COLUMNS and isinstance(value, str):
        try:
            return json.dumps(json.loads(value), sort_keys=True)
        except ValueError:
            return value
    if isinstance(value, dict):
        return sorted((str(key), normalised(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [normalised(item) for item in value]
    if isinstance(value, (float, Decimal)):
        return round(float(value), 9)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def normalised_rows(rows: list[dict[str, Any]]) -> list[str]:
    """Rows as sorted canonical JSON strings, so two tables compare as multisets."""
    return sorted(
        json.dumps({name: normalised(value, name) for name, value in row.items()}, sort_keys=True)
        for row in rows
    )
