"""The same generated logs built on DuckDB and on Spark give the same rows (issue 6).

Spark adds ~20 s per dbt invocation, so the input is small; it still holds every format,
stream, feedback record, duplicate and quarantine case the generator writes.
"""

from __future__ import annotations

import pytest
from conftest import DbtProject
from generate_sample_logs import generate
from spark_tables import SparkDbtProject, normalised_rows

COMPARED_TABLES = ["payload", "payload_request_logs", "payload_assessment_logs", "endpoint_usage"]


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[DbtProject, SparkDbtProject]:
    logs = tmp_path_factory.mktemp("parity_logs")
    generate(logs, lines=1500, seed=7, files=3)
    glob = logs / "*.jsonl*"
    duckdb_build = DbtProject(tmp_path_factory.mktemp("parity_duckdb"))
    duckdb_build.run("build", "--exclude-resource-type", "unit_test", raw_payload_path=glob)
    spark_build = SparkDbtProject(tmp_path_factory.mktemp("parity_spark"))
    spark_build.build(glob)
    return duckdb_build, spark_build


def test_spark_builds_the_same_rows_as_duckdb(
    both_builds: tuple[DbtProject, SparkDbtProject],
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
