"""The project's RFC 8259 check (macro json_is_valid) against JSONTestSuite and Python (issue 11).

A valid line must never be quarantined as INVALID_JSON, and an invalid one never loaded. The
macro is compiled by dbt for each engine and run over every text of `json_corpus`.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from conftest import DbtProject
from json_corpus import INVALID, VALID, generated_texts, is_rfc8259
from spark_tables import SparkDbtProject, local_spark_session

GENERATED = generated_texts(12_000, seed=11)
CHECK = "select t, {{ inference_tables.json_is_valid('t') }} as ok from texts"


def compiled_check(project: DbtProject) -> str:
    run = project.run(
        "compile", "--quiet", "--output", "json", "--inline", CHECK, raw_payload_path="unused"
    )
    # Spark's start-up may log after the JSON document.
    document, _ = json.JSONDecoder().raw_decode(run.output[run.output.index("{") :])
    return document["compiled"]


def verdicts_on_duckdb(sql: str, texts: list[str]) -> dict[str, bool]:
    with duckdb.connect() as connection:
        connection.execute("create table texts (t varchar)")
        connection.executemany("insert into texts values (?)", [[text] for text in texts])
        return dict(connection.execute(sql).fetchall())


def disagreements(verdicts: dict[str, bool], texts: list[str]) -> list[tuple[str, bool]]:
    return [(text, verdicts[text]) for text in texts if verdicts[text] != is_rfc8259(text)]


def test_the_corpus_oracle_is_python_strict_json() -> None:
    assert all(is_rfc8259(text) for text in VALID.values())
    assert not any(is_rfc8259(text) for text in INVALID.values())
    valid_share = sum(map(is_rfc8259, GENERATED)) / len(GENERATED)
    assert 0.3 < valid_share < 0.8, "the generated texts should mix valid and invalid"
    assert sum("info" in text or "nan" in text.lower() for text in GENERATED) > 3000


@pytest.fixture(scope="module")
def duckdb_verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bool]:
    sql = compiled_check(DbtProject(tmp_path_factory.mktemp("json_validity")))
    return verdicts_on_duckdb(sql, [*VALID.values(), *INVALID.values(), *GENERATED])


def test_duckdb_accepts_every_valid_case(duckdb_verdicts: dict[str, bool]) -> None:
    refused = [name for name, text in VALID.items() if not duckdb_verdicts[text]]
    assert refused == []


def test_duckdb_refuses_every_invalid_case(duckdb_verdicts: dict[str, bool]) -> None:
    accepted = [name for name, text in INVALID.items() if duckdb_verdicts[text]]
    assert accepted == []


def test_duckdb_agrees_with_python_on_generated_texts(duckdb_verdicts: dict[str, bool]) -> None:
    assert disagreements(duckdb_verdicts, GENERATED)[:5] == []


@pytest.fixture(scope="module")
def spark_verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bool]:
    workdir: Path = tmp_path_factory.mktemp("json_validity_spark")
    sql = compiled_check(SparkDbtProject(workdir))
    texts = [*VALID.values(), *INVALID.values(), *GENERATED]
    session = local_spark_session()
    try:
        session.createDataFrame([(text,) for text in texts], "t string").createOrReplaceTempView(
            "texts"
        )
        return {row["t"]: row["ok"] for row in session.sql(sql).collect()}
    finally:
        session.stop()


def test_spark_agrees_with_python_on_every_text(spark_verdicts: dict[str, bool]) -> None:
    cases = {**VALID, **INVALID}
    wrong = [name for name, text in cases.items() if spark_verdicts[text] != is_rfc8259(text)]
    assert wrong == []
    assert disagreements(spark_verdicts, GENERATED)[:5] == []
