"""Lines that are not payload rows: blank lines, and deliberate bad lines of every quarantine
reason (invalid UTF-8 or JSON, not an object, bad id, time, status or field type).
"""

from __future__ import annotations

import random
from typing import Any

from sample_logs.catalogue import CATALOGUE_ENTITIES, REQUESTERS
from sample_logs.draws import make_request_id, pick, rand_int
from sample_logs.encoding import _COMPACT, JsonObj, json_bytes
from sample_logs.response_bodies import chat_response
from sample_logs.text import sentence
from sample_logs.times import iso_utc

REASON_CODES = (
    "INVALID_UTF8",
    "INVALID_JSON",
    "NOT_AN_OBJECT",
    "MISSING_REQUEST_ID",
    "INVALID_REQUEST_TIME",
    "INVALID_STATUS_CODE",
    "INVALID_FIELD_TYPE",
)

# (reason, variants, share of all lines spread over the variants)
BAD_LINE_KINDS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    (
        "INVALID_UTF8",
        ("ff_fe", "bad_continuation", "lone_continuation", "cut_4byte", "latin1"),
        5e-4,
    ),
    (
        "INVALID_JSON",
        ("truncated", "plain_text", "bad_json", "single_quotes", "trailing_comma"),
        1e-3,
    ),
    ("NOT_AN_OBJECT", ("array", "string", "number", "array_of_object"), 5e-4),
    ("MISSING_REQUEST_ID", ("absent", "null", "empty", "number"), 1e-3),
    (
        "INVALID_REQUEST_TIME",
        (
            "absent",
            "not_a_time",
            "impossible_date",
            "infinity",
            "epoch",
            "offset_beyond_18h",
            "year_1899",
        ),
        8e-4,
    ),
    ("INVALID_STATUS_CODE", ("absent", "99", "600", "abc", "200.5"), 1e-3),
    (
        "INVALID_FIELD_TYPE",
        (
            "sampling_abc",
            "sampling_zero",
            "sampling_1.5",
            "duration_negative",
            "legacy_duration_negative",
            "error_codes_string",
            "requester_number",
            "metadata_string",
        ),
        1.5e-3,
    ),
)
BLANK_VARIANTS = ("", " ", "\t", "   \t  ")
BLANK_SHARE = 2e-3


def small_record(rng: random.Random, ts_ms: int) -> JsonObj:
    """A small valid line object (ISO time with Z, status 200) to be spoiled by one defect."""
    request = {"messages": [{"role": "user", "content": sentence(rng, 5, 12, False)}]}
    answer = sentence(rng, 6, 14, False)
    return {
        "databricks_request_id": make_request_id(rng),
        "request_time": iso_utc(ts_ms) + "Z",
        "status_code": 200,
        "execution_duration_ms": rand_int(rng, 5, 5000),
        "request": request,
        "response": chat_response(rng, answer, 12),
        "served_entity_id": pick(rng, CATALOGUE_ENTITIES),
        "requester": pick(rng, REQUESTERS),
    }


def invalid_utf8_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    record = small_record(rng, ts_ms)
    record["request"]["messages"][0]["content"] = "MARKER"
    line = json_bytes(record)
    bad = {
        "ff_fe": b"\xff\xfe",
        "bad_continuation": b"caf\xc3\x28",
        "lone_continuation": b"\x80 stray",
        "cut_4byte": b"smile \xf0\x9f\x98",
        "latin1": "Zürich café".encode("latin-1"),
    }[variant]
    return line.replace(b"MARKER", bad, 1)


def invalid_json_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    if variant == "truncated":
        text = _COMPACT.encode(small_record(rng, ts_ms))
        return text[: rand_int(rng, len(text) // 4, len(text) - 2)].encode("utf-8")
    return {
        "plain_text": b"upstream timeout while writing payload log",
        "bad_json": b"{bad json}",
        "single_quotes": b"{'databricks_request_id': 'abc', 'status_code': 200}",
        "trailing_comma": b'{"databricks_request_id": "abc", "status_code": 200,}',
    }[variant]


def not_an_object_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    if variant == "array_of_object":
        return json_bytes([small_record(rng, ts_ms)])
    return {"array": b"[1,2,3]", "string": b'"just a string"', "number": b"42"}[variant]


def missing_request_id_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    record = small_record(rng, ts_ms)
    if variant == "absent":
        del record["databricks_request_id"]
    else:
        bad = {"null": None, "empty": "", "number": 12345}
        record["databricks_request_id"] = bad[variant]
    return json_bytes(record)


def invalid_request_time_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    record = small_record(rng, ts_ms)
    if variant == "absent":
        del record["request_time"]
    else:
        bad: dict[str, Any] = {
            "not_a_time": "not-a-time",
            "impossible_date": "2026-02-30T10:00:00Z",
            "infinity": "infinity",
            "epoch": "epoch",
            "offset_beyond_18h": "2026-03-01T10:00:00+25:00",
            "year_1899": -2208988800001,  # epoch milliseconds of 1899-12-31T23:59:59.999Z
        }
        record["request_time"] = bad[variant]
    return json_bytes(record)


def invalid_status_code_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    record = small_record(rng, ts_ms)
    if variant == "absent":
        del record["status_code"]
    else:
        bad = {"99": 99, "600": 600, "abc": "abc", "200.5": 200.5}
        record["status_code"] = bad[variant]
    return json_bytes(record)


def invalid_field_type_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    record = small_record(rng, ts_ms)
    key, value = {
        "sampling_abc": ("sampling_fraction", "abc"),
        "sampling_zero": ("sampling_fraction", 0),
        "sampling_1.5": ("sampling_fraction", 1.5),
        "duration_negative": ("execution_duration_ms", -5),
        "legacy_duration_negative": ("execution_time_ms", -5),
        "error_codes_string": ("logging_error_codes", "x"),
        "requester_number": ("requester", 123),
        "metadata_string": ("request_metadata", "x"),
    }[variant]
    if key == "execution_time_ms":
        del record["execution_duration_ms"]
    record[key] = value
    return json_bytes(record)


BAD_LINE_BUILDERS = {
    "INVALID_UTF8": invalid_utf8_line,
    "INVALID_JSON": invalid_json_line,
    "NOT_AN_OBJECT": not_an_object_line,
    "MISSING_REQUEST_ID": missing_request_id_line,
    "INVALID_REQUEST_TIME": invalid_request_time_line,
    "INVALID_STATUS_CODE": invalid_status_code_line,
    "INVALID_FIELD_TYPE": invalid_field_type_line,
}
