"""End to end on hand-written logs: `dbt build` into a throw-away DuckDB, checked row by row."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from build_summary import format_summary, summarize
from conftest import DbtProject

MIB = 1024 * 1024


def payload_line(request_id: str, **fields: Any) -> str:
    line = {"databricks_request_id": request_id, "request_time": "2026-05-01T12:00:00Z"}
    line.update({"status_code": 200, **fields})
    return json.dumps(line, ensure_ascii=False)


CHUNKS = [
    {"choices": [{"delta": {"content": "Hel"}}]},
    {"choices": [{"delta": {"content": None}}]},
    {"choices": [{"delta": {"content": "lo"}}], "usage": {"prompt_tokens": 3}},
]
SSE = "".join(f"data: {json.dumps(chunk)}\r\n\r\n" for chunk in CHUNKS) + "data: [DONE]\r\n\r\n"
FEEDBACK_AS_JSON = {
    "dataframe_records": [
        {
            "request_id": "chat-1",
            "source": {"id": "ana@example.com", "type": "human", "tags": {"team": "qa"}},
            "text_assessments": [
                {
                    "step_id": "s1",
                    "ratings": {
                        "answer_correct": {"value": True, "rationale": "right"},
                        "score": {"value": 4.5},
                        "tone": {"value": "positive"},
                    },
                    "free_text_comment": "nice",
                }
            ],
            "retrieval_assessments": [
                {"position": 0, "step_id": "s2", "ratings": {"relevant": {"value": False}}}
            ],
        }
    ]
}
FEEDBACK_AS_STRINGS = {
    "dataframe_records": [
        {
            "request_id": "chat-1",
            "source": json.dumps({"id": "ana@example.com", "type": "human"}),
            "text_assessments": json.dumps([{"step_id": "s1", "ratings": {"ok": {"value": "y"}}}]),
        }
    ]
}

LINES_A = [
    payload_line(
        "chat-1",
        request={
            "messages": [
                {"role": "system", "content": "be brief"},
                {"role": "user", "content": "first"},
                {"role": "assistant", "content": "ok"},
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "héllo"},
                        {"type": "image_url", "image_url": {}},
                        {"type": "input_text", "text": "世界"},
                    ],
                },
            ],
            "databricks_options": {"conversation_id": "conv-1"},
            "client_request_id": "from-body",
        },
        response={"choices": [{"message": {"content": "answer 😀"}}]},
        served_entity_id="se-chat-001",
        execution_duration_ms=12,
        requester="ana@example.com",
    ),
    payload_line(
        "offset-1",
        request_time="2026-05-01T23:30:00-02:00",
        status_code="404",
        request="plain text body",
        sampling_fraction=0.5,
        logging_error_codes=["UPSTREAM", "UPSTREAM"],
    ),
    "",
    "   ",
    "not json at all",
    "[1, 2]",
    payload_line("", request="x"),
    payload_line("no-time", request_time=None),
    payload_line("bad-status", status_code=600),
    payload_line("bad-fraction", sampling_fraction="abc"),
    '{"databricks_request_id": "trailing-comma", "request_time": 1, "status_code": 200,}',
    payload_line("chat-1", request="a later copy"),
    payload_line("too-big-request", request="a" * (MIB + 1), response="short"),
    payload_line("exact-limit", request="b" * MIB),
    payload_line("multibyte", request="é" * 600_000, logging_error_codes=["UPSTREAM"]),
    payload_line("feedback-json", request=FEEDBACK_AS_JSON, response={"predictions": "Ok"}),
    payload_line("feedback-strings", request=FEEDBACK_AS_STRINGS),
]
LINES_B_GZ = [
    payload_line("chat-1"),
    payload_line(
        "legacy-1",
        request_time=None,
        timestamp_ms=1777777777123,
        execution_time_ms=5,
        client_request_id="c-legacy",
        request_metadata={"endpoint_name": "legacy-ep", "model_name": "legacy-model"},
        request={"prompt": "complete this", "stream": True},
        response=CHUNKS,
    ),
    payload_line(
        "responses-1",
        request={"input": [{"role": "user", "content": [{"type": "input_text", "text": "q"}]}]},
        response={
            "output": [
                {"type": "reasoning"},
                {
                    "type": "message",
                    "role": "assistant",
                    "content": [{"type": "output_text", "text": "a"}],
                },
            ]
        },
        served_entity_id="se-unknown",
    ),
    payload_line(
        "agent-1",
        request={"query": "agent question", "context": {"conversation_id": "conv-2"}},
        response={
            "messages": [{"role": "assistant", "content": "agent answer"}],
            "databricks_output": {"trace": {"info": {"trace_id": "t"}, "data": {}}},
        },
    ),
    payload_line("sse-1", request={"input": "stream me"}, response=SSE),
    payload_line(
        "trace-v2",
        request={"messages": []},
        response={
            "content": "c",
            "databricks_output": {"trace": {"mlflow.trace_schema.version": 2}},
        },
    ),
]


@pytest.fixture(scope="module")
def built(dbt_project_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    logs = tmp_path_factory.mktemp("raw_logs")
    (logs / "gateway-0001.jsonl").write_text("\n".join(LINES_A) + "\n", encoding="utf-8")
    gz_body = ("\r\n".join(LINES_B_GZ) + "\r\n").encode() + b"broken \xff\xfe bytes\n"
    (logs / "gateway-0002.jsonl.gz").write_bytes(gzip.compress(gz_body))
    project = dbt_project_factory("handwritten")
    # The one build of the suite that also runs every unit test (a plain build leaves them out).
    project.run("build", "--selector", "with_unit_tests", raw_payload_path=logs / "*.jsonl*")
    return project


def test_every_unit_test_ran_and_passed(built: DbtProject) -> None:
    results = json.loads((built.workdir / "target" / "run_results.json").read_text())["results"]
    unit_tests = [r for r in results if r["unique_id"].startswith("unit_test.")]
    assert len(unit_tests) >= 170
    assert {r["status"] for r in unit_tests} == {"pass"}


def test_payload_rows_follow_spec_section_2(built: DbtProject) -> None:
    payload = built.rows_by_id("payload")
    assert len(payload) == 12
    chat = payload["chat-1"]
    assert chat["client_request_id"] == "from-body"
    assert chat["request_date"] == dt.date(2026, 5, 1)
    assert chat["sampling_fraction"] == 1.0 and chat["execution_duration_ms"] == 12
    assert chat["response"] == '{"choices":[{"message":{"content":"answer 😀"}}]}'
    assert chat["logging_error_codes"] == []
    offset = payload["offset-1"]
    assert offset["request_time"] == dt.datetime(2026, 5, 2, 1, 30)
    assert offset["request_date"] == dt.date(2026, 5, 2)
    assert offset["status_code"] == 404 and offset["request"] == "plain text body"
    assert offset["logging_error_codes"] == ["UPSTREAM"]
    legacy = payload["legacy-1"]
    assert legacy["request_time"] == dt.datetime(2026, 5, 3, 3, 9, 37, 123000)
    assert legacy["execution_duration_ms"] == 5 and legacy["client_request_id"] == "c-legacy"


def test_size_limit_counts_utf8_bytes_and_keeps_exactly_one_mib(built: DbtProject) -> None:
    payload = built.rows_by_id("payload")
    assert payload["too-big-request"]["request"] is None
    assert payload["too-big-request"]["response"] == "short"
    assert payload["too-big-request"]["logging_error_codes"] == ["MAX_REQUEST_SIZE_EXCEEDED"]
    assert len(payload["exact-limit"]["request"]) == MIB
    assert payload["multibyte"]["request"] is None
    assert payload["multibyte"]["logging_error_codes"] == ["UPSTREAM", "MAX_REQUEST_SIZE_EXCEEDED"]


def test_every_bad_line_is_quarantined_verbatim_with_its_reason(built: DbtProject) -> None:
    rows = built.query(
        "select regexp_extract(source_file, '[^/]+$'), line_number, quarantine_reason,"
        " quarantine_field, raw_line from payload_quarantine order by 1, 2"
    )
    assert [row[:4] for row in rows] == [
        ("gateway-0001.jsonl", 5, "INVALID_JSON", None),
        ("gateway-0001.jsonl", 6, "NOT_AN_OBJECT", None),
        ("gateway-0001.jsonl", 7, "MISSING_REQUEST_ID", None),
        ("gateway-0001.jsonl", 8, "INVALID_REQUEST_TIME", None),
        ("gateway-0001.jsonl", 9, "INVALID_STATUS_CODE", None),
        ("gateway-0001.jsonl", 10, "INVALID_FIELD_TYPE", "sampling_fraction"),
        ("gateway-0001.jsonl", 11, "INVALID_JSON", None),
        ("gateway-0002.jsonl.gz", 7, "INVALID_UTF8", None),
    ]
    assert rows[0][4] == "not json at all"
    assert rows[6][4] == LINES_A[10]
    assert rows[7][4] == "broken \ufffd\ufffd bytes"


def test_duplicates_keep_the_first_delivered_copy(built: DbtProject) -> None:
    rows = built.query(
        "select regexp_extract(source_file, '[^/]+$'), line_number, databricks_request_id,"
        " copy_number, first_copy_line_number from payload_duplicates order by 1, 2"
    )
    assert rows == [
        ("gateway-0001.jsonl", 12, "chat-1", 2, 1),
        ("gateway-0002.jsonl.gz", 1, "chat-1", 3, 1),
    ]
    assert built.rows_by_id("payload")["chat-1"]["request"].startswith('{"messages"')


def test_request_logs_extract_every_format(built: DbtProject) -> None:
    logs = built.rows_by_id("payload_request_logs")
    assert set(logs) == set(built.rows_by_id("payload")) - {"feedback-json", "feedback-strings"}
    expected = {
        "chat-1": ("héllo\n世界", "answer 😀", "conv-1", "0"),
        "offset-1": (None, None, None, "0"),
        "legacy-1": ("complete this", "Hello", None, "0"),
        "responses-1": ("q", "a", None, "0"),
        "agent-1": ("agent question", "agent answer", "conv-2", "3"),
        "sse-1": ("stream me", "Hello", None, "0"),
        "trace-v2": (None, "c", None, "2"),
        "too-big-request": (None, None, None, "0"),
    }
    for request_id, (request, response, conversation, version) in expected.items():
        row = logs[request_id]
        actual = (row["request"], row["response"], row["conversation_id"], row["schema_version"])
        assert actual == (request, response, conversation, version), request_id
    assert logs["agent-1"]["trace"] == '{"info":{"trace_id":"t"},"data":{}}'
    assert logs["legacy-1"]["timestamp_ms"] == 1777777777123
    assert logs["chat-1"]["request_metadata"] == {
        "endpoint_name": "chat-prod",
        "model_name": "system.ai.meta_llama_3_3_70b_instruct",
        "model_version": "2",
    }
    assert logs["legacy-1"]["request_metadata"] == {
        "endpoint_name": "legacy-ep",
        "model_name": "legacy-model",
        "model_version": None,
    }
    assert logs["responses-1"]["request_metadata"] == {
        "endpoint_name": None,
        "model_name": None,
        "model_version": None,
    }


def test_assessment_logs_read_both_encodings(built: DbtProject) -> None:
    rows = built.query(
        "select request_id, step_id, source.id, source.tags, text_assessment.ratings,"
        " retrieval_assessment.position, retrieval_assessment.ratings"
        " from payload_assessment_logs order by step_id, source.tags is null"
    )
    rating = {"value": None, "double_value": None, "rationale": None}
    assert rows == [
        (
            "chat-1",
            "s1",
            "ana@example.com",
            {"team": "qa"},
            {
                "answer_correct": {**rating, "value": "true", "rationale": "right"},
                "score": {**rating, "double_value": 4.5},
                "tone": {**rating, "value": "positive"},
            },
            None,
            None,
        ),
        ("chat-1", "s1", "ana@example.com", None, {"ok": {**rating, "value": "y"}}, None, None),
        (
            "chat-1",
            "s2",
            "ana@example.com",
            {"team": "qa"},
            None,
            0,
            {"relevant": {**rating, "value": "false"}},
        ),
    ]
    latest = built.query(
        "select step_id, assessment_type, times_logged, feedback_request_id"
        " from latest_assessments order by step_id"
    )
    assert latest == [
        ("s1", "text", 2, "feedback-strings"),
        ("s2", "retrieval", 1, "feedback-json"),
    ]


def test_summary_reports_the_invariant(built: DbtProject) -> None:
    summary = summarize(str(built.database))
    assert summary.raw_lines == 22
    assert summary.invariant_holds
    assert summary.quarantined_by_reason["INVALID_JSON"] == 2
    text = format_summary(summary)
    assert "invariant raw lines = payload + duplicates + quarantined lines: OK" in text


def test_a_glob_matching_nothing_fails_with_a_clear_error(
    dbt_project_factory: Any, tmp_path: Path
) -> None:
    project = dbt_project_factory("empty_glob")
    result = project.run(
        "run",
        "--select",
        "stg_gateway__payload_lines",
        raw_payload_path=tmp_path / "nothing" / "*.jsonl*",
        check=False,
    )
    assert result.returncode != 0
    assert "No raw payload log file matches raw_payload_path=" in result.output
    assert str(tmp_path / "nothing") in result.output


def test_source_freshness_is_the_newest_request_time(
    dbt_project_factory: Any, tmp_path: Path
) -> None:
    project = dbt_project_factory("freshness")
    newest = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    two_days_ago_ms = int((newest - dt.timedelta(days=2)).replace(tzinfo=dt.UTC).timestamp() * 1000)
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.jsonl").write_text(
        payload_line("fresh", request_time=newest.isoformat() + "Z")
        + "\n"
        + payload_line("old", request_time=two_days_ago_ms)
        + "\nnot json\n"
    )
    result = project.run("source", "freshness", raw_payload_path=logs / "*.jsonl*")
    assert "PASS freshness of gateway.raw_payload_files" in result.output
    sources = json.loads((project.workdir / "target" / "sources.json").read_text())
    assert sources["results"][0]["max_loaded_at"].startswith(newest.isoformat())

    # A bad time is no request time: `infinity` must not make stale logs look fresh.
    (logs / "a.jsonl").write_text(
        payload_line("old", request_time=two_days_ago_ms)
        + "\n"
        + payload_line("bad", request_time="infinity")
        + "\n"
    )
    stale = project.run("source", "freshness", raw_payload_path=logs / "*.jsonl*", check=False)
    assert stale.returncode != 0
    assert "ERROR STALE freshness of gateway.raw_payload_files" in stale.output
