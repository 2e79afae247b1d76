"""Project rules checked on dbt's manifest (what dbt-project-evaluator would check for us), in
each of the three setups: raw files on DuckDB, raw files on Spark, a Databricks payload table."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT_DIR, DbtProject

PACKAGE = "inference_tables"
# The review app logs repeats and SPEC §4 fixes these six columns: no column set is unique.
# Its rows are keyed one level down, in int_feedback_assessments_unnested, whose grain it keeps
# (equal_rowcount).
MODELS_WITHOUT_KEY = {"payload_assessment_logs"}
KEY_TESTS = {"unique", "unique_combination_of_columns"}
ADAPTER_PREFIXES = ("default__", "duckdb__", "spark__", "databricks__")
SETUPS = {
    "duckdb": ("--target", "dev"),
    "spark": ("--target", "spark"),
    "databricks_mode": ("--vars", json.dumps({"payload_source": "databricks_payload_table"})),
}
LINE_LIMIT = 400  # no YAML or Python file longer: a rule and its tests stay findable


@pytest.fixture(scope="module", params=sorted(SETUPS))
def parsed(request: pytest.FixtureRequest, dbt_project_factory: Any) -> tuple[str, str]:
    """The setup's manifest (as JSON text) and what `dbt parse` printed."""
    project: DbtProject = dbt_project_factory(f"manifest_{request.param}")
    option, value = SETUPS[request.param]
    command = project.command("parse", raw_payload_path="unused/*.jsonl*")
    if option == "--vars":  # the setup's vars join raw_payload_path's
        variables = {**json.loads(command[command.index("--vars") + 1]), **json.loads(value)}
        command[command.index("--vars") + 1] = json.dumps(variables)
    else:
        command += [option, value]
    completed = subprocess.run(
        command, cwd=PROJECT_DIR, env=project.environment(), capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stdout[-4000:]
    manifest = (project.workdir / "target" / "manifest.json").read_text()
    return manifest, completed.stdout + completed.stderr


@pytest.fixture(scope="module")
def manifest(parsed: tuple[str, str]) -> dict[str, Any]:
    return json.loads(parsed[0])


def test_parse_prints_no_warning(parsed: tuple[str, str]) -> None:
    assert "WARN" not in parsed[1], parsed[1]


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
    # Contracts state DuckDB types: enforced on DuckDB, compared by the parity test on Spark.
    on_duckdb = manifest["metadata"]["adapter_type"] == "duckdb"
    for model in marts:
        assert model["config"]["contract"]["enforced"] == on_duckdb, model["name"]
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
    grain_tested = {
        model_id.split(".")[-1]
        for test in project_nodes(manifest, "test")
        if test.get("test_metadata", {}).get("name") == "equal_rowcount"
        for model_id in test["depends_on"]["nodes"]
    }
    assert grain_tested >= MODELS_WITHOUT_KEY


def test_staging_models_sit_in_the_folder_of_their_source(manifest: dict[str, Any]) -> None:
    misplaced = [
        (model["original_file_path"], source_id)
        for model in project_nodes(manifest, "model")
        if model["fqn"][1] == "staging"
        for source_id in model["depends_on"]["nodes"]
        if source_id.startswith("source.")
        and Path(model["original_file_path"]).parent.name != source_id.split(".")[2]
    ]
    assert misplaced == []


def test_intermediate_models_read_only_staging_and_intermediate_models(
    manifest: dict[str, Any],
) -> None:
    layer = {node_id: node["fqn"][1] for node_id, node in manifest["nodes"].items()}
    wrong = [
        (model["name"], parent)
        for model in project_nodes(manifest, "model")
        if model["fqn"][1] == "intermediate"
        for parent in model["depends_on"]["nodes"]
        if parent.startswith("model.") and layer[parent] not in ("staging", "intermediate")
    ]
    assert wrong == []


def test_one_reader_of_the_payload_lines_per_setup(manifest: dict[str, Any]) -> None:
    readers = [m["name"] for m in project_nodes(manifest, "model") if m["fqn"][1] == "staging"]
    assert len([name for name in readers if name.endswith("__payload_lines")]) == 1


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
DOMAIN_FOLDERS = ("macros/agent/", "macros/usage/", "macros/payload/", "macros/monitoring/")


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


def test_no_yaml_or_python_file_is_long() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "*.yml", "*.yaml", "*.py"],
        cwd=PROJECT_DIR, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    long_files = {
        path: lines
        for path in tracked
        if (lines := len((PROJECT_DIR / path).read_text().splitlines())) > LINE_LIMIT
    }
    assert long_files == {}
