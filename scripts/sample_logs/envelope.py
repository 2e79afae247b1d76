"""The envelope of one raw line around pre-encoded bodies (docs/input_format.md)."""

from __future__ import annotations

import random

from sample_logs.catalogue import ENTITY_METADATA, REQUESTERS
from sample_logs.draws import hex_id, pick, rand_int
from sample_logs.encoding import _COMPACT
from sample_logs.times import time_field

SAMPLING_FRACTIONS = (1, 1.0, 0.5, 0.25, 0.1)


def envelope_line(
    rng: random.Random,
    rid: str,
    ts_ms: int,
    status: int,
    request_json: bytes,
    response_json: bytes | None,
    entity: str,
    latency_factor: int = 1,
) -> bytes:
    """One raw log line around pre-encoded bodies; response_json None leaves the key out.
    The execution time is multiplied by latency_factor (the sample's drift).

    The envelope is assembled from text fragments (faster than building and encoding a
    dict): every value put there is an id, a number or a timestamp that needs no escaping.
    """
    head = ['{"databricks_request_id":"', rid, '"']
    r = rng.random()
    if r < 0.3:
        head += [',"client_request_id":"cli-', hex_id(rng, 12), '"']
    elif r < 0.45 and request_json.startswith(b"{") and request_json != b"{}":
        client_id = b'{"client_request_id":"cli-' + hex_id(rng, 12).encode("ascii") + b'",'
        request_json = client_id + request_json[1:]
    key, value = time_field(rng, ts_ms)
    head.append(f',"{key}":"{value}"' if isinstance(value, str) else f',"{key}":{value}')
    head.append(f',"status_code":"{status}"' if rng.random() < 0.03 else f',"status_code":{status}')
    if rng.random() < 0.25:
        head.append(f',"sampling_fraction":{pick(rng, SAMPLING_FRACTIONS)!r}')
    r = rng.random()
    if r < 0.85:
        head.append(f',"execution_duration_ms":{rand_int(rng, 5, 20000) * latency_factor}')
    elif r < 0.95:
        head.append(f',"execution_time_ms":{rand_int(rng, 5, 20000) * latency_factor}')
    head.append(',"request":')
    parts = ["".join(head).encode("utf-8"), request_json]
    if response_json is not None:
        parts += [b',"response":', response_json]
    parts.append(optional_envelope_fields(rng, entity).encode("utf-8"))
    return b"".join(parts)


def optional_envelope_fields(rng: random.Random, entity: str) -> str:
    """The closing keys of a line, from `"served_entity_id"` on, as JSON text."""
    tail = [',"served_entity_id":"', entity, '"']
    if rng.random() < 0.95:
        tail += [',"requester":"', pick(rng, REQUESTERS), '"']
    r = rng.random()
    if r < 0.17:
        tail.append(',"logging_error_codes":[]')
    elif r < 0.20:
        tail.append(',"logging_error_codes":["UPSTREAM_CODE"]')
    if rng.random() < 0.03:
        names = ("endpoint_name", "model_name", "model_version")
        metadata = dict(zip(names, ENTITY_METADATA[entity], strict=True))
        tail.append(',"request_metadata":' + _COMPACT.encode(metadata))
    if rng.random() < 0.02:
        if rng.random() < 0.5:
            tail.append(',"x_gateway_region":"us-east-1"')
        else:
            ingest = {"attempt": rand_int(rng, 1, 3), "shard": rand_int(rng, 0, 15)}
            tail.append(',"_ingest":' + _COMPACT.encode(ingest))
    tail.append("}")
    return "".join(tail)
