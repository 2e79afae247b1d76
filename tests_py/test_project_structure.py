"""Project rules checked on dbt's manifest (what dbt-project-evaluator would check for us)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import DbtProject

PACKAGE = "inference_tables"
# The review app logs repeats and SPEC §4 fixes these six columns: no column set is unique.
# Its rows are keyed one level down, in int_feedback_assessments_unnested.
MODELS_WITHOUT_KEY = {"payload_assessment_logs"}
KEY_TESTS = {"unique", "unique_combination_of_columns"}
ADAPTER_PREFIXES = ("default__", "duckdb__", "spark__", "databricks__")


@pytest.fixture(scope="module")
def manifest(dbt_project_factory: Any) -> dict[str, Any]:
    project: DbtProject = dbt_project_factory("manifest")
    project.run("parse", raw_payload_path="unused/*.jsonl*")
    return json.loads((project.workdir / "target" / "manifest.json").read_text())


def project_nodes(manifest: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == resource_type and node["package_name"] == PACKAGE
    ]


def test_every_model_and_column_is_documented(manifest: dict[str, Any]) -> None:
    undocumented = [
        f"{model['name']}.{column}" if column else model["name"]
        for model in project_nodes(manifest, "model")
        for column in ["", *model["columns"]]
        if not (model["columns"][column]["description"] if column else model["description"])
    ]
    assert undocumented == []


def test_marts_have_enforced_contracts_with_typed_columns(manifest: dict[str, Any]) -> None:
    marts = [m for m in project_nodes(manifest, "model") if m["fqn"][1] == "marts"]
    assert {m["name"] for m in marts} >= {
        "payload",
        "payload_quarantine",
        "payload_duplicates",
        "payload_request_logs",
        "payload_assessment_logs",
        "latest_assessments",
        "current_served_entities",
        "endpoint_usage",
        "inference_requests",
        "endpoint_daily_usage",
        "request_feedback",
        "training_corpus",
    }
    for model in marts:
        assert model["config"]["contract"]["enforced"], model["name"]
        untyped = [name for name, column in model["columns"].items() if not column["data_type"]]
        assert untyped == [], model["name"]


def test_every_model_has_a_primary_key_test(manifest: dict[str, Any]) -> None:
    keyed = {
        model_id
        for test in project_nodes(manifest, "test")
        if test.get("test_metadata", {}).get("name") in KEY_TESTS
        for model_id in test["depends_on"]["nodes"]
    }
    missing = [
        model["name"]
        for model in project_nodes(manifest, "model")
        if model["unique_id"] not in keyed and model["name"] not in MODELS_WITHOUT_KEY
    ]
    assert missing == []


def test_only_staging_models_read_sources(manifest: dict[str, Any]) -> None:
    readers = [
        model["name"]
        for model in project_nodes(manifest, "model")
        if any(node.startswith("source.") for node in model["depends_on"]["nodes"])
        and model["fqn"][1] != "staging"
    ]
    assert readers == []


def test_sources_have_freshness(manifest: dict[str, Any]) -> None:
    for source in manifest["sources"].values():
        freshness = source["freshness"] or {}
        assert freshness.get("warn_after", {}).get("count"), source["name"]
        assert source["loaded_at_query"] or source["loaded_at_field"], source["name"]


def test_every_macro_is_documented(manifest: dict[str, Any]) -> None:
    undocumented = [
        macro["name"]
        for macro in manifest["macros"].values()
        if macro["package_name"] == PACKAGE
        and not macro["name"].startswith(ADAPTER_PREFIXES)
        and not macro["description"]
    ]
    assert undocumented == []


def test_the_bi_marts_are_behind_exposures(manifest: dict[str, Any]) -> None:
    exposed = {
        node_id.split(".")[-1]
        for exposure in manifest["exposures"].values()
        if exposure["package_name"] == PACKAGE
        for node_id in exposure["depends_on"]["nodes"]
    }
    assert exposed >= {
        "inference_requests",
        "endpoint_daily_usage",
        "request_feedback",
        "endpoint_usage",
        "training_corpus",
    }


PRIMITIVE_FOLDERS = ("macros/json/", "macros/sql/", "macros/time/")
DOMAIN_FOLDERS = ("macros/agent/", "macros/usage/", "macros/payload/")


def project_macros(manifest: dict[str, Any], folders: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        macro
        for macro in manifest["macros"].values()
        if macro["package_name"] == PACKAGE and macro["original_file_path"].startswith(folders)
    ]


def test_domain_macros_have_one_body(manifest: dict[str, Any]) -> None:
    """A SPEC rule is written once: engine variants live only in the primitives."""
    variants = [
        macro["name"]
        for macro in project_macros(manifest, DOMAIN_FOLDERS)
        if macro["name"].startswith(ADAPTER_PREFIXES) or "adapter.dispatch" in macro["macro_sql"]
    ]
    assert variants == []


def test_primitives_refuse_unknown_adapters(manifest: dict[str, Any]) -> None:
    """Every dispatched primitive has duckdb__ and spark__ bodies, and a default__ that raises."""
    macros = {macro["name"]: macro for macro in project_macros(manifest, PRIMITIVE_FOLDERS)}
    dispatched = [
        name for name, macro in macros.items() if "adapter.dispatch" in macro["macro_sql"]
    ]
    assert len(dispatched) > 20
    problems = [
        name
        for name in dispatched
        if f"duckdb__{name}" not in macros
        or f"spark__{name}" not in macros
        or "unsupported_adapter" not in macros.get(f"default__{name}", {}).get("macro_sql", "")
    ]
    assert problems == []


def test_a_plain_build_leaves_unit_tests_out(dbt_project_factory: Any) -> None:
    project: DbtProject = dbt_project_factory("selectors")
    plain = project.run("ls", "--resource-type", "unit_test", raw_payload_path="unused/*.jsonl*")
    assert "Using default selector production" in plain.output
    assert "unit_test" not in plain.output.replace("--resource-type unit_test", "")
    every = project.run(
        "ls", "--selector", "with_unit_tests", "--resource-type", "unit_test", "--quiet",
        raw_payload_path="unused/*.jsonl*",
    )  # fmt: skip
    assert len(every.output.split()) >= 170
