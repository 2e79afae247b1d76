"""Independent rules for reading generated lines back (SPEC §1, reasons in their documented
order), written in plain Python apart from the generator: classification, times, bodies,
feedback records and streams.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import stream_oracle


def parse_time(record: dict[str, Any]) -> datetime | None:
    """UTC instant of request_time (ISO or epoch ms), else of timestamp_ms; None outside the
    years 1900-9999 (SPEC §1 Times)."""
    parsed = _parse_time(record)
    return parsed if parsed is not None and 1900 <= parsed.year <= 9999 else None


def _parse_time(record: dict[str, Any]) -> datetime | None:
    value = record.get("request_time")
    if value is None:
        value = record.get("timestamp_ms")
        if is_number(value):
            return datetime.fromtimestamp(value / 1000, tz=UTC)
        return None
    if is_number(value):
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def valid_status(value: object) -> bool:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{3}", value):
        value = int(value)
    return isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 599


def valid_field_types(record: dict[str, Any]) -> bool:
    def present(key: str) -> bool:
        return key in record

    checks = [
        not present("client_request_id") or isinstance(record["client_request_id"], str),
        not present("timestamp_ms") or is_number(record["timestamp_ms"]),
        not present("sampling_fraction")
        or (is_number(record["sampling_fraction"]) and 0 < record["sampling_fraction"] <= 1),
        not present("served_entity_id") or isinstance(record["served_entity_id"], str),
        not present("requester") or isinstance(record["requester"], str),
        not present("logging_error_codes")
        or (
            isinstance(record["logging_error_codes"], list)
            and all(isinstance(c, str) for c in record["logging_error_codes"])
        ),
        not present("request_metadata")
        or (
            isinstance(record["request_metadata"], dict)
            and all(isinstance(v, str) for v in record["request_metadata"].values())
        ),
    ]
    for key in ("execution_duration_ms", "execution_time_ms"):
        value = record.get(key)
        checks.append(
            not present(key)
            or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)
        )
    return all(checks)


def classify(line: bytes) -> tuple[str, Any]:
    """("BLANK" | a reason code | "VALID", parsed value)."""
    if not line.strip():
        return "BLANK", None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return "INVALID_UTF8", None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return "INVALID_JSON", None
    if not isinstance(value, dict):
        return "NOT_AN_OBJECT", value
    rid = value.get("databricks_request_id")
    if not isinstance(rid, str) or rid == "":
        return "MISSING_REQUEST_ID", value
    if parse_time(value) is None:
        return "INVALID_REQUEST_TIME", value
    if "status_code" not in value or not valid_status(value["status_code"]):
        return "INVALID_STATUS_CODE", value
    if not valid_field_types(value):
        return "INVALID_FIELD_TYPE", value
    return "VALID", value


def body_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def body_json(value: Any) -> Any:
    text = body_text(value)
    if text is None:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def feedback_records(record: dict[str, Any]) -> list[dict[str, Any]] | None:
    request = body_json(record.get("request"))
    if not isinstance(request, dict):
        return None
    records = request.get("dataframe_records")
    if not isinstance(records, list) or not records or not isinstance(records[0], dict):
        return None
    first = records[0]
    if "text_assessments" in first or "retrieval_assessments" in first:
        return records
    return None


def as_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def assessment_count(records: list[dict[str, Any]]) -> int:
    total = 0
    for rec in records:
        for key in ("text_assessments", "retrieval_assessments"):
            if key in rec:
                total += len(as_json(rec[key]))
    return total


def stream_events(body: Any) -> list[dict[str, Any]]:
    """SPEC §3 rule 5: the JSON-object events of a response given as an array or as SSE text."""
    if isinstance(body, list):
        return [event for event in body if isinstance(event, dict)]
    return stream_oracle.stream_events(body) if isinstance(body, str) else []


def is_stream_response(value: Any) -> bool:
    return bool(stream_events(value))


def response_value(raw: Any) -> Any:
    """A logged response as JSON, except stream text, which stays text."""
    return body_json(raw) if isinstance(raw, str) and not stream_events(raw) else raw


def utf8_len(text: str | None) -> int:
    return 0 if text is None else len(text.encode("utf-8"))
