"""End to end on generated logs: every count the generator knows by construction must match."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import DbtProject
from firing_alerts import main as firing_alerts_main
from generate_sample_logs import generate
from stream_oracle import stream_events, stream_text

SAMPLE_LINES = 6000


@pytest.fixture(scope="module")
def generated_build(
    dbt_project_factory: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[DbtProject, dict[str, Any], str]:
    """The build of a generated sample: the project, the generator's expectations, dbt's output."""
    logs = tmp_path_factory.mktemp("generated_logs")
    expectations = generate(logs, lines=SAMPLE_LINES, seed=7, files=4)
    project = dbt_project_factory("generated")
    result = project.run("build", raw_payload_path=logs / "*.jsonl*")
    return project, expectations, result.output


@pytest.fixture(scope="module")
def generated(
    generated_build: tuple[DbtProject, dict[str, Any], str],
) -> tuple[DbtProject, dict[str, Any]]:
    return generated_build[0], generated_build[1]


def test_the_sample_drift_fires_the_execution_time_alert_as_a_warning(
    generated_build: tuple[DbtProject, dict[str, Any], str],
) -> None:
    """The sample's last day doubles chat-canary's execution times: its drift shows, and the
    PSI alert fires for that endpoint and day only, as a warning that names them."""
    project, _, output = generated_build
    drift = project.query(
        """
        select drift.slice_value, drift.population_stability_index, drift.ks_test.pvalue
        from inference_requests_drift_metrics as drift
        inner join inference_requests_profile_metrics as profile
            using ("window", granularity, slice_key, slice_value)
        where drift.granularity = '1 day' and drift.drift_type = 'CONSECUTIVE'
            and drift.slice_key = 'endpoint_name' and drift.column_name = 'execution_time_ms'
            and drift."window".start = timestamp '2026-03-04'
            and profile.column_name = ':table' and profile.count >= 100
        """
    )
    by_endpoint = {endpoint: (psi, pvalue) for endpoint, psi, pvalue in drift}
    assert len(by_endpoint) >= 4
    assert by_endpoint["chat-canary"][0] > 0.25 and by_endpoint["chat-canary"][1] < 1e-6
    assert all(psi < 0.25 for e, (psi, _) in by_endpoint.items() if e != "chat-canary")
    firing = project.query(
        "select alert_name, endpoint_name, window_start from monitoring_alerts where is_firing"
    )
    assert [row[:2] for row in firing] == [("execution_time_psi", "chat-canary")]
    assert str(firing[0][2]) == "2026-03-04 00:00:00"
    assert "ALERT execution_time_psi: endpoint chat-canary, window 2026-03-04" in output
    assert "WARN 1 alert_execution_time_psi" in output
    run_results = json.loads((project.workdir / "target" / "run_results.json").read_text())
    statuses = {r["unique_id"].split(".")[2]: r["status"] for r in run_results["results"]}
    assert statuses["alert_execution_time_psi"] == "warn"
    assert statuses["alert_error_rate"] == statuses["alert_negative_feedback_share"] == "pass"
    assert firing_alerts_main(["--database", str(project.database)]) == 1


def count(project: DbtProject, sql: str) -> int:
    return int(project.query(sql)[0][0])


def test_table_sizes_match_the_generator(generated: tuple[DbtProject, dict[str, Any]]) -> None:
    project, expected = generated
    assert (
        count(project, "select count(*) from stg_gateway__payload_lines")
        == expected["non_blank_lines"]
    )
    assert count(project, "select count(*) from payload") == expected["payload_rows"]
    assert count(project, "select count(*) from payload_duplicates") == expected["duplicate_rows"]
    assert count(project, "select count(*) from payload_quarantine") == expected["quarantined_rows"]
    assert (
        count(project, "select count(*) from payload_request_logs") == expected["request_log_rows"]
    )
    assert (
        count(project, "select count(*) from payload_assessment_logs")
        == expected["assessment_rows"]
    )


def test_a_new_database_stores_the_bodies_zstd_compressed(
    generated: tuple[DbtProject, dict[str, Any]],
) -> None:
    """The profile creates the file in the v1.2.0 storage format with zstd considered for every
    string: the JSON bodies are zstd-compressed, short strings are not."""
    project, _ = generated
    [(version,)] = project.query(
        "select tags['storage_version'] from duckdb_databases()"
        " where database_name = current_database()"
    )
    assert version == "v1.2.0+"
    compressions = dict(
        project.query(
            "select column_name, list(distinct compression order by compression)"
            " from pragma_storage_info('int_payload_rows')"
            " where segment_type = 'VARCHAR' and column_name in ('response', 'requester')"
            " group by column_name"
        )
    )
    assert compressions["response"] == ["ZSTD"]
    assert "ZSTD" not in compressions["requester"]


def test_quarantine_reasons_match_the_generator(
    generated: tuple[DbtProject, dict[str, Any]],
) -> None:
    project, expected = generated
    actual = dict(
        project.query("select quarantine_reason, count(*) from payload_quarantine group by 1")
    )
    wanted = {reason: n for reason, n in expected["quarantined_by_reason"].items() if n}
    assert actual == wanted


def test_size_limit_and_streams_match_the_generator(
    generated: tuple[DbtProject, dict[str, Any]],
) -> None:
    project, expected = generated
    codes = "list_contains(logging_error_codes, '{}')"
    oversize_requests = (
        f"select count(*) from payload where {codes.format('MAX_REQUEST_SIZE_EXCEEDED')}"
    )
    oversize_responses = (
        f"select count(*) from payload where {codes.format('MAX_RESPONSE_SIZE_EXCEEDED')}"
    )
    assert count(project, oversize_requests) == expected["oversize_request_rows"]
    assert count(project, oversize_responses) == expected["oversize_response_rows"]
    assert (
        count(
            project,
            "select count(*) from payload where request is null and "
            + codes.format("MAX_REQUEST_SIZE_EXCEEDED"),
        )
        == expected["oversize_request_rows"]
    )
    responses = project.query("select response from payload where response is not null")
    streamed = sum(bool(stream_events(response)) for (response,) in responses)
    assert streamed == expected["streaming_response_rows"]


def test_every_format_yields_text(generated: tuple[DbtProject, dict[str, Any]]) -> None:
    project, _ = generated
    missing_answers = count(
        project,
        "select count(*) from payload_request_logs where status_code = 200"
        " and response_raw is not null and response is null"
        " and response_raw not like '%\"embedding\"%'",  # embeddings have no answer text
    )
    assert missing_answers == 0
    versions = {
        row[0] for row in project.query("select distinct schema_version from payload_request_logs")
    }
    assert versions == {"0", "1", "2", "3"}


def test_the_sample_written_to_disk_is_deterministic(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", lines=2500, seed=3, files=2)
    second = generate(tmp_path / "b", lines=2500, seed=3, files=2)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_usage_has_one_row_per_payload_row_with_counts(
    generated: tuple[DbtProject, dict[str, Any]],
) -> None:
    project, expected = generated
    assert count(project, "select count(*) from endpoint_usage") == expected["payload_rows"]
    # Every successful chat completion reports its tokens (streams in their last usage chunk).
    assert (
        count(
            project,
            "select count(*) from endpoint_usage u join payload p using (databricks_request_id)"
            " where p.status_code = 200 and p.response like '%chat.completion%'"
            " and (u.input_token_count is null or u.output_token_count is null)",
        )
        == 0
    )
    # A stream response is always a streaming request; oversize bodies keep their counts.
    assert (
        count(
            project,
            "select count(*) from endpoint_usage u join payload p using (databricks_request_id)"
            " where (p.response like '[{%' or p.response like '%data:%')"
            " and not u.request_streaming",
        )
        == 0
    )
    assert (
        count(
            project,
            "select count(*) from endpoint_usage u join payload p using (databricks_request_id)"
            " where list_contains(p.logging_error_codes, 'MAX_REQUEST_SIZE_EXCEEDED')"
            " and u.input_character_count > 0",
        )
        == expected["oversize_request_rows"]
    )


def test_the_daily_rollup_adds_up_to_the_request_fact(
    generated: tuple[DbtProject, dict[str, Any]],
) -> None:
    project, expected = generated
    assert count(project, "select count(*) from inference_requests") == expected["request_log_rows"]
    totals = project.query(
        "select sum(request_count), sum(success_count + client_error_count + server_error_count"
        " + other_status_count), sum(input_token_count) from endpoint_daily_usage"
    )[0]
    fact = project.query(
        "select count(*), count(*), sum(input_token_count) from inference_requests"
    )[0]
    assert totals == fact


def test_stream_answers_match_an_independent_reading(
    generated: tuple[DbtProject, dict[str, Any]],
) -> None:
    """Every streamed answer of the sample, all four kinds, equals a plain-Python reading."""
    project, expected = generated
    rows = project.query(
        "select p.response, l.response, u.input_token_count, u.output_token_count"
        " from payload p join payload_request_logs l using (databricks_request_id)"
        " join endpoint_usage u using (databricks_request_id) where p.response is not null"
    )
    streams = [row for row in rows if stream_events(row[0])]
    assert len(streams) == expected["streaming_response_rows"]
    wrong = [
        (raw[:120], text, stream_text(raw)) for raw, text, *_ in streams if text != stream_text(raw)
    ]
    assert wrong[:3] == []
    kinds = {
        "anthropic": '"message_start"',
        "responses": '"response.output_text.delta"',
        "chat_agent": '{"delta":{"role":"assistant"',
        "chat_chunks": "chat.completion.chunk",
    }
    for kind, marker in kinds.items():
        of_kind = [row for row in streams if marker in row[0]]
        assert of_kind, f"no {kind} stream in the sample"
        if kind in ("anthropic", "chat_chunks"):  # both always report their usage
            assert all(row[2] is not None and row[3] is not None for row in of_kind), kind
