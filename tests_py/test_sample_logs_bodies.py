"""Request and response bodies: every request, response and provider shape (SPEC §3), traces,
encodings (JSON values and strings).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sample_logs_helpers import Scan
from sample_logs_rules import body_json, response_value, stream_events

pytest_plugins = ["sample_logs_fixtures"]


def request_shape(body: Any) -> str:
    if not isinstance(body, dict):
        return "not_json"
    if "dataframe_records" in body:
        return "feedback"
    if isinstance(body.get("messages"), list):
        options = body.get("databricks_options") or body.get("context") or {}
        return "agent" if "conversation_id" in options else "chat"
    if isinstance(body.get("input"), list):
        return "responses_items"
    for key in ("input", "query", "prompt"):
        if isinstance(body.get(key), str):
            return key
    return "other"


def response_shape(body: Any) -> str:
    if isinstance(body, str):
        return "sse" if body.startswith("data: ") else "other_string"
    if isinstance(body, list):
        return "chunks"
    if not isinstance(body, dict):
        return "null"
    if "choices" in body:
        return "chat" if "message" in body["choices"][0] else "completion"
    for key in ("output", "messages", "content", "error", "error_code", "predictions", "data"):
        if key in body:
            return key
    return "other"


def trace_version(trace: dict[str, Any]) -> str:
    info = trace.get("info") or {}
    explicit = str(
        trace.get("mlflow.trace_schema.version")
        or info.get("request_metadata", {}).get("mlflow.trace_schema.version")
        or info.get("trace_metadata", {}).get("mlflow.trace_schema.version")
    )
    if explicit in ("2", "3"):
        return "v" + explicit
    return "v3" if info else "v1"


def provider_shapes(request: Any, response: Any) -> set[str]:
    """The SPEC §3 (revised) shapes a request/response pair shows."""
    shapes = set()
    events = stream_events(response)
    types = {event.get("type") for event in events}
    choices = [c for e in events for c in e.get("choices", [])]
    shapes.update(
        name
        for name, present in {
            "anthropic_events": "message_start" in types,
            "responses_events": "response.output_text.delta" in types,
            "responses_completed": "response.completed" in types,
            "chat_agent_chunks": any(
                "type" not in e and isinstance(e.get("delta"), dict) for e in events
            ),
            "parts_deltas": any(isinstance(c["delta"].get("content"), list) for c in choices),
            "n2_chunks": any(c.get("index") == 1 for c in choices),
        }.items()
        if present
    )
    if isinstance(response, dict):
        first = (response.get("choices") or [{}])[0]
        if response.get("type") == "message" and isinstance(response.get("content"), list):
            shapes.add("anthropic_message")
        if first.get("message", {}).get("refusal"):
            shapes.add("refusal")
        if first.get("index") == 1:
            shapes.add("n2_choices")
    if isinstance(request, dict):
        for key in ("input", "prompt"):
            if isinstance(request.get(key), list) and all(
                isinstance(item, str) for item in request[key]
            ):
                shapes.add(key + "_strings")
        last = (request.get("messages") or [{}])[-1]
        content = last.get("content")
        if (
            last.get("role") == "user"
            and isinstance(content, list)
            and all(part.get("type") == "tool_result" for part in content)
        ):
            shapes.add("tool_result_turn")
    return shapes


def test_every_provider_shape_is_written(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    seen: Counter[str] = Counter()
    for record in result.payload.values():
        response = response_value(record.get("response"))
        seen.update(provider_shapes(body_json(record.get("request")), response))
    expected = {
        "anthropic_events", "responses_events", "responses_completed", "chat_agent_chunks",
        "parts_deltas", "n2_chunks", "anthropic_message", "refusal", "n2_choices",
        "input_strings", "prompt_strings", "tool_result_turn",
    }  # fmt: skip
    assert expected - set(seen) == set()


def test_request_and_response_shapes(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    requests: Counter[str] = Counter()
    responses: Counter[str] = Counter()
    traces: Counter[str] = Counter()
    encodings: Counter[str] = Counter()
    parts = no_user = stream_flag = usage_context = non_ascii = 0
    for record in result.payload.values():
        raw_request, raw_response = record.get("request"), record.get("response")
        encodings["request_" + type(raw_request).__name__] += 1
        encodings["response_" + type(raw_response).__name__] += 1
        request = body_json(raw_request)
        requests[request_shape(request)] += 1
        response = response_value(raw_response)
        responses[response_shape(response)] += 1
        if isinstance(response, dict) and "databricks_output" in response:
            trace = response["databricks_output"].get("trace")
            if isinstance(trace, dict):
                traces[trace_version(trace)] += 1
        if isinstance(request, dict):
            messages = request.get("messages") or []
            parts += any(isinstance(m.get("content"), list) for m in messages)
            no_user += bool(messages) and all(m.get("role") != "user" for m in messages)
            stream_flag += request.get("stream") is True
            usage_context += isinstance(request.get("usage_context"), dict)
        non_ascii += any(ord(ch) > 127 for ch in json.dumps(record, ensure_ascii=False))
    for shape in ("feedback", "agent", "chat", "responses_items", "input", "query", "prompt"):
        assert requests[shape] >= 1, shape
    assert requests["not_json"] >= 1  # a plain-text body
    for shape in ("sse", "chunks", "chat", "completion", "output", "messages", "content"):
        assert responses[shape] >= 1, shape
    for shape in ("error", "error_code", "predictions", "data", "null"):
        assert responses[shape] >= 1, shape
    assert set(traces) == {"v1", "v2", "v3"}
    for encoding in ("request_dict", "request_str", "response_dict", "response_str"):
        assert encodings[encoding] >= 1, encoding
    assert encodings["response_list"] >= 1 and encodings["response_NoneType"] >= 1
    assert parts and no_user and stream_flag and usage_context
    assert non_ascii > len(result.payload) / 5
