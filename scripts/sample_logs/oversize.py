"""Oversize lines: request and response bodies over, or exactly at, the 1 MiB payload limit."""

from __future__ import annotations

import random
from typing import Any

from sample_logs.draws import make_request_id
from sample_logs.encoding import json_bytes
from sample_logs.envelope import envelope_line
from sample_logs.request_bodies import chat_request
from sample_logs.response_bodies import chat_response
from sample_logs.text import paragraph

MAX_PAYLOAD_BYTES = 1_048_576
OVERSIZE_VARIANTS = (
    "request_json",
    "request_string_plus_one",
    "response_json",
    "response_string_plus_one",
    "request_two_byte_string",
    "request_two_byte_json",
    "request_exact_string",
    "response_exact_string",
)
OVERSIZE_REQUEST = frozenset(
    (
        "request_json",
        "request_string_plus_one",
        "request_two_byte_string",
        "request_two_byte_json",
    )
)
OVERSIZE_RESPONSE = frozenset(("response_json", "response_string_plus_one"))


def exact_size_text(prefix: str, suffix: str, n_bytes: int) -> str:
    """prefix + filler + suffix of exactly n_bytes UTF-8 bytes, with multi-byte filler."""
    unit = "Größe 日本 data 🚀 "
    room = n_bytes - len((prefix + suffix).encode("utf-8"))
    unit_bytes = len(unit.encode("utf-8"))
    filler = unit * (room // unit_bytes)
    filler += "x" * (room - len(filler.encode("utf-8")))
    text = prefix + filler + suffix
    assert len(text.encode("utf-8")) == n_bytes
    return text


def big_text(rng: random.Random, n_chars: int) -> str:
    base = paragraph(rng, 8, 8, False) + " "
    return (base * (n_chars // len(base) + 1))[:n_chars]


def oversize_bodies(rng: random.Random, variant: str) -> tuple[Any, Any]:
    """(request, response) of an oversize line; the small side is an ordinary chat body."""
    answer = paragraph(rng, 2, 3, False)
    request: Any = chat_request(rng, False, False)
    response: Any = chat_response(rng, answer, 100)
    user_prefix = '{"messages": [{"role": "user", "content": "'
    user_suffix = '"}], "max_tokens": 64}'
    answer_prefix = '{"choices": [{"message": {"role": "assistant", "content": "'
    answer_suffix = '"}}], "usage": {"prompt_tokens": 12, "completion_tokens": 250000}}'
    if variant == "request_json":
        request = {"messages": [{"role": "user", "content": big_text(rng, 1_100_000)}]}
    elif variant == "request_string_plus_one":
        request = exact_size_text(user_prefix, user_suffix, MAX_PAYLOAD_BYTES + 1)
    elif variant == "response_json":
        response = chat_response(rng, big_text(rng, 1_100_000), 12)
    elif variant == "response_string_plus_one":
        response = exact_size_text(answer_prefix, answer_suffix, MAX_PAYLOAD_BYTES + 1)
    elif variant == "request_two_byte_string":
        request = user_prefix + "é" * 600_000 + user_suffix
    elif variant == "request_two_byte_json":
        request = {"messages": [{"role": "user", "content": "é" * 600_000}]}
    elif variant == "request_exact_string":
        request = exact_size_text(user_prefix, user_suffix, MAX_PAYLOAD_BYTES)
    elif variant == "response_exact_string":
        response = exact_size_text(answer_prefix, answer_suffix, MAX_PAYLOAD_BYTES)
    return request, response


def oversize_line(rng: random.Random, variant: str, ts_ms: int) -> bytes:
    request, response = oversize_bodies(rng, variant)
    rid = make_request_id(rng)
    request_json, response_json = json_bytes(request), json_bytes(response)
    return envelope_line(rng, rid, ts_ms, 200, request_json, response_json, "se-chat-001")
