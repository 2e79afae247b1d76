"""The envelope of valid lines: time forms, times by file, ids, statuses and optional keys."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import generate_sample_logs as gen
from sample_logs.catalogue import SLOW_ENTITY
from sample_logs.times import EPOCH, START_MS, latency_drift_start_ms
from sample_logs_helpers import Scan, scan
from sample_logs_rules import body_json, is_number, parse_time

pytest_plugins = ["sample_logs_fixtures"]


def utc_time(record: dict[str, Any]) -> datetime:
    parsed = parse_time(record)
    assert parsed is not None
    return parsed


def test_time_forms(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    forms: Counter[str] = Counter()
    for record in result.payload.values():
        value = record.get("request_time")
        if value is None:
            forms["timestamp_ms"] += 1
        elif is_number(value):
            forms["epoch_ms"] += 1
        elif value.endswith("Z"):
            forms["zulu"] += 1
        elif re.search(r"[+-]\d\d:\d\d$", value):
            forms["offset"] += 1
            if datetime.fromisoformat(value).date() != utc_time(record).date():
                forms["offset_other_date"] += 1
        else:
            forms["naive"] += 1
        assert utc_time(record).year == 2026
    for form in ("timestamp_ms", "epoch_ms", "zulu", "offset", "offset_other_date", "naive"):
        assert forms[form] >= 1, form
    assert forms["zulu"] > len(result.payload) / 2


def test_times_increase_with_file_index(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    by_file: dict[int, list[datetime]] = {}
    for rid, record in result.payload.items():
        by_file.setdefault(result.first_place[rid][0], []).append(utc_time(record))
    medians = [sorted(times)[len(times) // 2] for _, times in sorted(by_file.items())]
    assert medians == sorted(medians)


def test_envelope_variety(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    rows = list(result.payload.values())
    entities = Counter(r.get("served_entity_id") for r in rows)
    assert set(entities) == {*gen.CATALOGUE_ENTITIES, "se-unknown-999"}
    statuses = Counter(r["status_code"] for r in rows)
    assert {200, 400, 404, 429, 500, 503} <= set(statuses)
    assert any(isinstance(s, str) for s in statuses)
    assert statuses[200] > len(rows) * 0.8
    assert any("sampling_fraction" in r for r in rows)
    assert any("execution_time_ms" in r for r in rows)
    assert any("execution_duration_ms" not in r and "execution_time_ms" not in r for r in rows)
    codes = Counter(json.dumps(r.get("logging_error_codes")) for r in rows)
    assert {"null", "[]", '["UPSTREAM_CODE"]'} <= set(codes)
    assert any(isinstance(r.get("request_metadata"), dict) for r in rows)
    known = {
        "databricks_request_id",
        "client_request_id",
        "request_time",
        "timestamp_ms",
        "status_code",
        "sampling_fraction",
        "execution_duration_ms",
        "execution_time_ms",
        "request",
        "response",
        "served_entity_id",
        "requester",
        "logging_error_codes",
        "request_metadata",
    }
    assert any(set(r) - known for r in rows)  # unknown extra keys
    with_client = [r for r in rows if "client_request_id" in r]
    in_body = [
        r
        for r in rows
        if "client_request_id" not in r
        and isinstance(body_json(r.get("request")), dict)
        and "client_request_id" in body_json(r.get("request"))
    ]
    assert with_client and in_body
    assert any("response" not in r for r in rows)
    assert any("response" in r and r["response"] is None for r in rows)


def test_the_slow_entity_doubles_its_execution_time_on_the_last_day(
    generated: tuple[Path, dict, Scan],
) -> None:
    """The sample's drift: SLOW_ENTITY's execution times, 5..20000 ms, double on the last
    whole day; every other entity, and SLOW_ENTITY before that day, stays within 5..20000."""
    _, _, result = generated
    slow_from = EPOCH + timedelta(milliseconds=latency_drift_start_ms(START_MS))
    assert slow_from == datetime(2026, 3, 4)  # the fixture's span: 2026-03-01 to 03-05
    slow_from = slow_from.replace(tzinfo=UTC)
    drifted: list[int] = []
    for record in result.payload.values():
        duration = record.get("execution_duration_ms", record.get("execution_time_ms"))
        if not isinstance(duration, int) or record.get("served_entity_id") is None:
            continue
        if record["served_entity_id"] == SLOW_ENTITY and utc_time(record) >= slow_from:
            assert 10 <= duration <= 40000 and duration % 2 == 0
            drifted.append(duration)
        else:
            assert 5 <= duration <= 20000 or duration < 0
    assert len(drifted) >= 20
    assert sum(d > 20000 for d in drifted) >= len(drifted) / 4


def test_the_request_times_spread_over_the_span_from_the_start(tmp_path: Path) -> None:
    start, span = datetime(2026, 5, 2, 10), timedelta(hours=1)
    gen.generate(tmp_path, 3000, seed=7, files=2, workers=1, start=start, span=span)
    times = [utc_time(record) for record in scan(tmp_path).payload.values()]
    first, last = start.replace(tzinfo=UTC), (start + span).replace(tzinfo=UTC)
    assert min(times) >= first
    assert max(times) <= last + timedelta(seconds=5)
    assert max(times) - min(times) > span / 2
