"""MLflow traces v1 / v2 / v3, as chat agents return them in `databricks_output.trace`."""

from __future__ import annotations

import random

from sample_logs.draws import hex_id, rand_int
from sample_logs.encoding import JsonObj
from sample_logs.times import iso_utc


def trace_spans(rng: random.Random, ts_ms: int, trace_id: str) -> list[JsonObj]:
    start_ns = ts_ms * 1_000_000
    root = hex_id(rng, 16)
    return [
        {
            "name": "agent",
            "context": {"span_id": root, "trace_id": trace_id},
            "parent_id": None,
            "start_time": start_ns,
            "end_time": start_ns + rand_int(rng, 10**8, 4 * 10**9),
            "status_code": "OK",
            "span_type": "AGENT",
        },
        {
            "name": "retriever",
            "context": {"span_id": hex_id(rng, 16), "trace_id": trace_id},
            "parent_id": root,
            "start_time": start_ns + 1_000_000,
            "end_time": start_ns + rand_int(rng, 2 * 10**6, 10**8),
            "status_code": "OK",
            "span_type": "RETRIEVER",
        },
    ]


def trace_v1(rng: random.Random, ts_ms: int) -> JsonObj:
    return {"spans": trace_spans(rng, ts_ms, hex_id(rng, 32))}


def trace_v2(rng: random.Random, ts_ms: int) -> JsonObj:
    """MLflow 2: the version at the top level, or in `info.request_metadata` (it has `info`)."""
    request_id = "tr-" + hex_id(rng, 32)
    if rng.random() < 0.5:
        info = {
            "request_id": request_id,
            "timestamp_ms": ts_ms,
            "status": "OK",
            "request_metadata": {"mlflow.trace_schema.version": "2"},
            "tags": {"mlflow.traceName": "agent"},
        }
        return {"info": info, "data": {"spans": trace_spans(rng, ts_ms, request_id)}}
    return {
        "mlflow.trace_schema.version": 2,
        "request_id": request_id,
        "spans": trace_spans(rng, ts_ms, request_id),
    }


def trace_v3(rng: random.Random, ts_ms: int) -> JsonObj:
    trace_id = "tr-" + hex_id(rng, 32)
    return {
        "info": {
            "trace_id": trace_id,
            "request_time": iso_utc(ts_ms) + "Z",
            "execution_duration": f"{rand_int(rng, 100, 4000) / 1000}s",
            "state": "OK",
            "trace_metadata": {"mlflow.trace_schema.version": "3"},
            "tags": {},
        },
        "data": {"spans": trace_spans(rng, ts_ms, trace_id)},
    }
