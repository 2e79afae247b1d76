"""The drift metrics against scipy (SPEC §7): the hand-made windows of drift_cases.py are
loaded as inference_requests, the drift model and the value counts it reads are built over
them, and every statistic is compared with fixtures/drift_expected.json: statistics within
1e-6, p-values within 1e-4.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from drift_cases import BASELINE, inference_request_rows

EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "drift_expected.json").read_text())
PVALUES = {"ks_pvalue", "chi_squared_pvalue"}
KEYS = ("endpoint_name", "hour", "drift_type", "column_name")


def load_requests(database: Path) -> None:
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            """
            create table inference_requests (
                databricks_request_id varchar, endpoint_name varchar, served_entity_id varchar,
                status_class varchar, entity_name varchar, entity_version varchar,
                execution_time_ms integer, status_code integer, request_time timestamp,
                built_in_run bigint
            )
            """
        )
        connection.execute(
            "create table monitoring_rebuilt_request_hours "
            "(built_in_run bigint, hour_start timestamp)"
        )
        for i, row in enumerate(inference_request_rows()):
            connection.execute(
                "insert into inference_requests values (?, ?, null, null, null, null, ?, ?, ?, 1)",
                [
                    f"r{i}",
                    row["endpoint_name"],
                    row["execution_time_ms"],
                    row["status_code"],
                    row["request_time"],
                ],
            )


def run_drift_model(project: Any, baseline: tuple[str, str] | None) -> None:
    project.run(
        "run",
        "--select",
        "monitoring_value_counts",
        "inference_requests_drift_metrics",
        raw_payload_path=project.workdir / "none" / "*.jsonl",
        variables={
            "monitoring_numeric_columns": ["execution_time_ms"],
            "monitoring_categorical_columns": ["status_code"],
            "monitoring_baseline_start": baseline[0] if baseline else None,
            "monitoring_baseline_end": baseline[1] if baseline else None,
        },
    )


def rounded(value: Any) -> Any:
    """Floats to 12 significant digits: sums differ in their last bits with the order in which
    DuckDB's threads meet the rows."""
    if isinstance(value, float):
        return float(f"{value:.12g}")
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    return value


def drift_table(project: Any) -> list[tuple[Any, ...]]:
    rows = project.query("select * from inference_requests_drift_metrics")
    return sorted(
        (tuple(rounded(value) for value in row) for row in rows),
        key=lambda row: tuple(str(value) for value in row),
    )


@pytest.fixture(scope="module")
def drift_rows(dbt_project_factory: Any) -> dict[tuple[Any, ...], dict[str, Any]]:
    project = dbt_project_factory("drift_statistics")
    project.database.parent.mkdir(parents=True, exist_ok=True)
    load_requests(project.database)
    run_drift_model(project, BASELINE)
    rows = project.query(
        """
        select
            slice_value, hour("window".start), drift_type, column_name, window_cmp,
            count_delta, avg_delta, percent_null_delta, percent_zeros_delta,
            percent_distinct_delta, ks_test.statistic, ks_test.pvalue, wasserstein_distance,
            population_stability_index, chi_squared_test.statistic, chi_squared_test.pvalue,
            tv_distance, l_infinity_distance, js_distance
        from inference_requests_drift_metrics
        where granularity = '1 hour' and slice_key = 'endpoint_name'
        """
    )
    names = (
        *KEYS, "window_cmp", "count_delta", "avg_delta", "percent_null_delta",
        "percent_zeros_delta", "percent_distinct_delta", "ks_statistic", "ks_pvalue",
        "wasserstein_distance", "population_stability_index", "chi_squared_statistic",
        "chi_squared_pvalue", "tv_distance", "l_infinity_distance", "js_distance",
    )  # fmt: skip
    return {row[:4]: dict(zip(names, row, strict=True)) for row in rows}


def test_the_rows_are_the_pairs_with_rows_on_both_sides(drift_rows: dict) -> None:
    """No CONSECUTIVE row without a previous window in the slice (empty_previous), no
    BASELINE row for a slice without baseline requests."""
    expected = {tuple(row[key] for key in KEYS) for row in EXPECTED["rows"]}
    assert set(drift_rows) == expected
    assert not any(key[0] == "empty_previous" for key in drift_rows)


@pytest.mark.parametrize(
    "expected", EXPECTED["rows"], ids=lambda r: "-".join(str(r[k]) for k in KEYS)
)
def test_each_statistic_matches_scipy(drift_rows: dict, expected: dict[str, Any]) -> None:
    actual = drift_rows[tuple(expected[key] for key in KEYS)]
    for name, value in expected.items():
        if name in KEYS or name == "granularity":
            continue
        if value is None:
            assert actual[name] is None, name
        else:
            tolerance = 1e-4 if name in PVALUES else 1e-6
            assert actual[name] == pytest.approx(value, abs=tolerance), name


def test_the_compared_window(drift_rows: dict) -> None:
    consecutive = drift_rows[("ties", 11, "CONSECUTIVE", "execution_time_ms")]["window_cmp"]
    baseline = drift_rows[("ties", 11, "BASELINE", "execution_time_ms")]["window_cmp"]
    assert [str(t) for t in consecutive.values()] == ["2026-01-01 10:00:00", "2026-01-01 11:00:00"]
    assert [str(t) for t in baseline.values()] == ["2026-01-01 09:00:00", "2026-01-01 10:00:00"]


def test_changing_the_baseline_vars_recomputes_the_baseline_rows(dbt_project_factory: Any) -> None:
    """An incremental run with nothing new still follows the baseline vars: unset, the BASELINE
    rows go; set again, they come back as a full build gives them; the CONSECUTIVE rows stay."""
    project = dbt_project_factory("drift_baseline_changes")
    project.database.parent.mkdir(parents=True, exist_ok=True)
    load_requests(project.database)
    run_drift_model(project, BASELINE)
    first = drift_table(project)
    consecutive = [row for row in first if "CONSECUTIVE" in row]
    assert len(consecutive) < len(first)
    run_drift_model(project, None)
    assert drift_table(project) == consecutive
    run_drift_model(project, BASELINE)
    assert drift_table(project) == first
    run_drift_model(project, ("2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z"))
    moved = drift_table(project)
    assert [row for row in moved if "CONSECUTIVE" in row] == consecutive
    compared = {(row[7]["start"].hour, row[7]["end"].hour) for row in moved if "BASELINE" in row}
    assert compared == {(10, 11)}
