"""The same generated logs built on DuckDB and on Spark give the same rows (issue 6).

Spark adds ~20 s per dbt invocation, so the input is small; it still holds every format,
stream, feedback record, duplicate and quarantine case the generator writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DbtProject
from generate_sample_logs import generate
from spark_tables import SparkDbtProject, normalised_rows

COMPARED_TABLES = [
    "payload",
    "payload_request_logs",
    "payload_assessment_logs",
    "endpoint_usage",
    "inference_requests_profile_metrics",
    "inference_requests_drift_metrics",
    "monitoring_alerts",
]


@pytest.fixture(scope="module")
def parity_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    logs = tmp_path_factory.mktemp("parity_logs")
    generate(logs, lines=1500, seed=7, files=3)
    return logs / "*.jsonl*"


@pytest.fixture(scope="module")
def both_builds(
    tmp_path_factory: pytest.TempPathFactory, parity_logs: Path
) -> tuple[DbtProject, SparkDbtProject]:
    glob = parity_logs
    duckdb_build = DbtProject(tmp_path_factory.mktemp("parity_duckdb"))
    duckdb_build.run("build", "--exclude-resource-type", "unit_test", raw_payload_path=glob)
    spark_build = SparkDbtProject(tmp_path_factory.mktemp("parity_spark"))
    spark_build.build(glob)
    return duckdb_build, spark_build


@pytest.fixture(scope="module")
def newest_request_times(
    both_builds: tuple[DbtProject, SparkDbtProject], parity_logs: Path
) -> tuple[tuple[str, str], tuple[str, str]]:
    """What `dbt source freshness` found on each engine. Run before any test reads the Spark
    tables: the pytest process's Spark session then holds the build's Derby metastore."""
    duckdb_build, spark_build = both_builds
    return newest_request_time(duckdb_build, parity_logs), newest_request_time(
        spark_build, parity_logs
    )


def test_spark_builds_the_same_rows_as_duckdb(
    both_builds: tuple[DbtProject, SparkDbtProject],
    newest_request_times: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    duckdb_build, spark_build = both_builds
    spark = spark_build.rows(COMPARED_TABLES)
    for table in COMPARED_TABLES:
        expected = normalised_rows(duckdb_build.rows(table))
        actual = normalised_rows(spark[table])
        assert expected, f"{table} is empty: the comparison would prove nothing"
        missing = sorted(set(expected) - set(actual))[:3]
        extra = sorted(set(actual) - set(expected))[:3]
        assert expected == actual, f"{table}: only on DuckDB {missing}; only on Spark {extra}"


def newest_request_time(project: DbtProject, glob: Path) -> tuple[str, str]:
    """The raw-file source and the newest request time `dbt source freshness` found in it."""
    # The sample's times are of a fixed day, so the source is stale: only the query matters.
    run = project.run("source", "freshness", raw_payload_path=glob, check=False)
    (result,) = json.loads((project.workdir / "target" / "sources.json").read_text())["results"]
    assert result["status"] in ("pass", "warn", "error"), run.output[-3000:]
    return result["unique_id"].split(".", 2)[2], result["max_loaded_at"]


def test_source_freshness_finds_the_same_newest_request_on_both_engines(
    newest_request_times: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    on_duckdb, on_spark = newest_request_times
    assert on_duckdb[0] == "gateway.raw_payload_files"
    assert on_spark[0] == "gateway_spark.raw_payload_files"
    assert on_spark[1] == on_duckdb[1]
