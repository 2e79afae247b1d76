"""The project's generic data tests, run by dbt on seeds whose failing rows are known.

A throw-away dbt project named like ours holds copies of tests/generic and macros/sql (the
primitives the tests call), seeds built here, and one test per case; run_results.json gives
each test's failing-row count.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DBT, PROJECT_DIR

pytestmark = pytest.mark.slow

KEY_COLUMNS = ["tenant", "window", "label"]


def random_keys(seed: int, rows: int) -> list[tuple[str, str, str]]:
    """Keys from small domains, so some repeat; '' is NULL in a seed."""
    chooser = random.Random(seed)
    return [
        (
            chooser.choice(["a", "b", ""]),
            chooser.choice(["1", "2", "3", "4", ""]),
            chooser.choice(["x", "y", "z", "", "w", "v"]),
        )
        for _ in range(rows)
    ]


def write_seed(path: Path, header: list[str], rows: list[tuple[Any, ...]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


RANDOM_KEYS = random_keys(seed=11, rows=400)

# test name -> (model, test entry, expected failing rows)
CASES: dict[str, tuple[str, dict[str, Any], int]] = {
    "unique_keys_pass": (
        "distinct_keys",
        {"unique_combination_of_columns": {"combination_of_columns": KEY_COLUMNS}},
        0,
    ),
    # Two repeated combinations, one of them all NULL: NULLs group together as in GROUP BY.
    "repeated_keys_fail": (
        "repeated_keys",
        {"unique_combination_of_columns": {"combination_of_columns": KEY_COLUMNS}},
        2,
    ),
    "one_column_of_the_key_fails": (
        "repeated_keys",
        {"unique_combination_of_columns": {"combination_of_columns": ["tenant"]}},
        3,
    ),
    "random_keys_as_an_exact_grouping": (
        "random_keys",
        {"unique_combination_of_columns": {"combination_of_columns": KEY_COLUMNS}},
        sum(1 for count in Counter(RANDOM_KEYS).values() if count > 1),
    ),
    # NULL is not true: a row whose expression is NULL fails.
    "expression_false_or_null_fails": (
        "repeated_keys",
        {"expression_is_true": {"expression": "label <> 'x'"}},
        5,
    ),
    "equal_rowcount_passes": (
        "distinct_keys",
        {"equal_rowcount": {"compare_model": "ref('distinct_keys')"}},
        0,
    ),
    "unequal_rowcount_fails": (
        "distinct_keys",
        {"equal_rowcount": {"compare_model": "ref('repeated_keys')"}},
        1,
    ),
    "firing_alert_fails": ("alerts", {"alert_is_quiet": {"alert_name": "null_rate"}}, 1),
    "quiet_alert_passes": ("alerts", {"alert_is_quiet": {"alert_name": "drift"}}, 0),
}


def scaffold(project: Path) -> None:
    shutil.copytree(PROJECT_DIR / "tests" / "generic", project / "tests" / "generic")
    shutil.copytree(PROJECT_DIR / "macros" / "sql", project / "macros" / "sql")
    (project / "dbt_project.yml").write_text(
        yaml.safe_dump(
            {
                "name": "inference_tables",
                "version": "1.0.0",
                "profile": "generic_tests",
                "macro-paths": ["macros"],
                "test-paths": ["tests"],
                "seed-paths": ["seeds"],
                "seeds": {"+quote_columns": True},
            }
        )
    )
    (project / "profiles.yml").write_text(
        yaml.safe_dump(
            {
                "generic_tests": {
                    "target": "dev",
                    "outputs": {
                        "dev": {"type": "duckdb", "path": str(project / "db.duckdb")},
                    },
                }
            }
        )
    )
    seeds = project / "seeds"
    seeds.mkdir()
    write_seed(
        seeds / "distinct_keys.csv", KEY_COLUMNS, [("a", 1, "x"), ("a", 1, "y"), ("", 1, "x")]
    )
    write_seed(
        seeds / "repeated_keys.csv",
        KEY_COLUMNS,
        [("a", 1, "x"), ("a", 1, "x"), ("b", 1, "x"), ("", "", ""), ("", "", ""), ("b", 2, "y")],
    )
    write_seed(seeds / "random_keys.csv", KEY_COLUMNS, RANDOM_KEYS)
    write_seed(
        seeds / "alerts.csv",
        [
            "alert_name",
            "endpoint_name",
            "window_start",
            "window_end",
            "metric_value",
            "threshold",
            "detail",
            "is_firing",
        ],
        [
            ("null_rate", "chat", "2026-01-01", "2026-01-02", 0.5, 0.1, "request", "true"),
            ("null_rate", "embed", "2026-01-01", "2026-01-02", 0.0, 0.1, "request", "false"),
            ("drift", "chat", "2026-01-01", "2026-01-02", 0.01, 0.2, "tokens", "false"),
        ],
    )
    tests_by_seed: dict[str, list[dict[str, Any]]] = {}
    for name, (seed, entry, _) in CASES.items():
        (test_name, arguments), *_ = entry.items()
        tests_by_seed.setdefault(seed, []).append(
            {test_name: {"name": name, "arguments": arguments}}
        )
    (seeds / "_seeds.yml").write_text(
        yaml.safe_dump(
            {
                "version": 2,
                "seeds": [
                    {"name": seed, "data_tests": tests} for seed, tests in tests_by_seed.items()
                ],
            }
        )
    )


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], str]:
    project = tmp_path_factory.mktemp("generic_tests")
    scaffold(project)
    completed = subprocess.run(
        [DBT, "build", "--project-dir", str(project), "--profiles-dir", str(project)],
        cwd=project,
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True,
        text=True,
        check=False,
    )
    output = completed.stdout + completed.stderr
    results = json.loads((project / "target" / "run_results.json").read_text())["results"]
    failures = {
        result["unique_id"].split(".")[2]: result["failures"]
        for result in results
        if result["unique_id"].startswith("test.")
    }
    errors = [result for result in results if result["status"] == "error"]
    assert not errors, output[-4000:]
    return failures, output


@pytest.mark.parametrize("case", CASES)
def test_generic_test_fails_with_the_known_rows(
    build: tuple[dict[str, int], str], case: str
) -> None:
    failures, _ = build
    assert failures[case] == CASES[case][2]


def test_random_keys_do_repeat() -> None:
    """The random case would prove nothing if no key repeated or every key did."""
    counts = Counter(RANDOM_KEYS).values()
    assert any(count > 1 for count in counts) and any(count == 1 for count in counts)


def test_firing_alert_is_printed(build: tuple[dict[str, int], str]) -> None:
    _, output = build
    assert "ALERT null_rate: endpoint chat" in output
    assert "ALERT drift" not in output
