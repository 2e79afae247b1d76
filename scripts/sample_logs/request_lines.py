"""Valid request log lines: an exchange (or an error body) in an envelope."""

from __future__ import annotations

import random

from sample_logs.catalogue import SLOW_ENTITY
from sample_logs.draws import pick
from sample_logs.encoding import body_as_string, json_bytes
from sample_logs.envelope import envelope_line
from sample_logs.exchanges import FileState, pick_exchange
from sample_logs.response_bodies import error_body

ERROR_STATUSES = (400, 404, 429, 500, 503)
PLAIN_TEXT_BODY = b'"ping: plain-text health check body"'


def error_response_json(rng: random.Random, status: int) -> bytes | None:
    """An error body, or a NULL response: JSON null or the key left out (None)."""
    r = rng.random()
    if r < 0.7:
        return json_bytes(error_body(rng, status))
    return b"null" if r < 0.85 else None


def pick_status(rng: random.Random) -> int:
    return 200 if rng.random() < 0.91 else pick(rng, ERROR_STATUSES)


def request_log_line(
    rng: random.Random, rid: str, ts_ms: int, state: FileState | None, slow_from_ms: int
) -> tuple[bytes, bool]:
    """A valid request line; returns (line, response is a stream). From slow_from_ms on,
    SLOW_ENTITY's execution times are doubled (the sample's drift)."""
    exchange = pick_exchange(rng, ts_ms, state)
    status = pick_status(rng)
    streaming = exchange.streaming
    response_json: bytes | None = exchange.response_json
    if status != 200:
        streaming = False
        response_json = error_response_json(rng, status)
    elif not streaming and rng.random() < 0.08:
        response_json = json_bytes(body_as_string(rng, exchange.response))
    request_json = exchange.request_json
    r = rng.random()
    if r < 0.003:
        request_json = PLAIN_TEXT_BODY
    elif r < 0.083:
        request_json = json_bytes(body_as_string(rng, exchange.request))
    factor = 2 if exchange.entity == SLOW_ENTITY and ts_ms >= slow_from_ms else 1
    line = envelope_line(
        rng, rid, ts_ms, status, request_json, response_json, exchange.entity, factor
    )
    return line, streaming
