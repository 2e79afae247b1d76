"""Tests for scripts/generate_sample_logs.py.

The heart of it is an independent re-count: the files are read back byte for byte, every line
is classified with plain Python rules (SPEC §1, reasons in their documented order),
duplicates are resolved first-copy-wins in file name order, and the result must equal the
expectations the generator reports from construction.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import generate_sample_logs as gen
import pytest
import stream_oracle

N_LINES = 6000
SEED = 7
LIMIT = 1_048_576
NAME_RE = re.compile(r"^gateway-(\d{8})-(\d{6})-(\d{4})\.jsonl(\.gz)?$")
EXPECTED_KEYS = [
    "seed",
    "files",
    "raw_lines_written",
    "blank_lines",
    "non_blank_lines",
    "payload_rows",
    "duplicate_rows",
    "quarantined_rows",
    "quarantined_by_reason",
    "feedback_rows",
    "request_log_rows",
    "assessment_rows",
    "oversize_request_rows",
    "oversize_response_rows",
    "streaming_response_rows",
]
REASONS = [
    "INVALID_UTF8",
    "INVALID_JSON",
    "NOT_AN_OBJECT",
    "MISSING_REQUEST_ID",
    "INVALID_REQUEST_TIME",
    "INVALID_STATUS_CODE",
    "INVALID_FIELD_TYPE",
]


# --------------------------------------------------------------------------------------------
# reading the files back


def file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def raw_lines(path: Path) -> list[bytes]:
    """Lines with their terminator removed (b"\\n", or b"\\r\\n" in a CRLF file)."""
    data = file_bytes(path)
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is not part of line 1
    assert data.endswith(b"\n"), f"{path.name} does not end with a line terminator"
    lines = data.split(b"\n")[:-1]
    if lines and lines[0].endswith(b"\r"):
        assert all(line.endswith(b"\r") for line in lines), f"{path.name}: mixed endings"
        lines = [line[:-1] for line in lines]
    return lines


def log_files(out_dir: Path) -> list[Path]:
    return sorted(out_dir.glob("*.jsonl*"), key=lambda p: p.name)


# --------------------------------------------------------------------------------------------
# independent rules


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


# --------------------------------------------------------------------------------------------
# one scan of a generated directory


@dataclass
class Scan:
    files: list[Path]
    raw_lines: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    payload: dict[str, dict[str, Any]] = field(default_factory=dict)
    first_line: dict[str, bytes] = field(default_factory=dict)
    first_place: dict[str, tuple[int, int]] = field(default_factory=dict)
    copies: list[tuple[str, bytes, tuple[int, int]]] = field(default_factory=list)
    line_sizes: list[int] = field(default_factory=list)

    def expectations(self, seed: int) -> dict[str, Any]:
        rows = self.payload.values()
        feedback = [feedback_records(r) for r in rows]
        quarantined = {reason: self.kinds[reason] for reason in REASONS}
        return {
            "seed": seed,
            "files": len(self.files),
            "raw_lines_written": self.raw_lines,
            "blank_lines": self.kinds["BLANK"],
            "non_blank_lines": self.raw_lines - self.kinds["BLANK"],
            "payload_rows": len(self.payload),
            "duplicate_rows": len(self.copies),
            "quarantined_rows": sum(quarantined.values()),
            "quarantined_by_reason": quarantined,
            "feedback_rows": sum(f is not None for f in feedback),
            "request_log_rows": sum(f is None for f in feedback),
            "assessment_rows": sum(assessment_count(f) for f in feedback if f is not None),
            "oversize_request_rows": sum(
                utf8_len(body_text(r.get("request"))) > LIMIT for r in rows
            ),
            "oversize_response_rows": sum(
                utf8_len(body_text(r.get("response"))) > LIMIT for r in rows
            ),
            "streaming_response_rows": sum(is_stream_response(r.get("response")) for r in rows),
        }


def scan(out_dir: Path) -> Scan:
    result = Scan(log_files(out_dir))
    for file_index, path in enumerate(result.files):
        for line_index, line in enumerate(raw_lines(path)):
            result.raw_lines += 1
            result.line_sizes.append(len(line))
            kind, value = classify(line)
            result.kinds[kind] += 1
            if kind != "VALID":
                continue
            rid = value["databricks_request_id"]
            place = (file_index, line_index)
            if rid in result.payload:
                result.copies.append((rid, line, place))
            else:
                result.payload[rid] = value
                result.first_line[rid] = line
                result.first_place[rid] = place
    return result


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Scan]:
    out_dir = tmp_path_factory.mktemp("logs")
    expectations = gen.generate(out_dir, N_LINES, seed=SEED, workers=2)
    return out_dir, expectations, scan(out_dir)


# --------------------------------------------------------------------------------------------
# counts


def test_expectations_have_the_documented_keys(generated: tuple[Path, dict, Scan]) -> None:
    _, expectations, _ = generated
    assert list(expectations) == EXPECTED_KEYS
    assert list(expectations["quarantined_by_reason"]) == REASONS
    assert expectations["seed"] == SEED


def test_exact_line_count(generated: tuple[Path, dict, Scan]) -> None:
    _, expectations, result = generated
    assert result.raw_lines == N_LINES
    assert expectations["raw_lines_written"] == N_LINES
    assert expectations["files"] == 4 == len(result.files)


def test_accounting_invariant(generated: tuple[Path, dict, Scan]) -> None:
    _, e, _ = generated
    assert e["non_blank_lines"] == e["payload_rows"] + e["duplicate_rows"] + e["quarantined_rows"]
    assert e["raw_lines_written"] == e["non_blank_lines"] + e["blank_lines"]
    assert e["quarantined_rows"] == sum(e["quarantined_by_reason"].values())
    assert e["request_log_rows"] == e["payload_rows"] - e["feedback_rows"]


def test_independent_recount_matches_expectations(generated: tuple[Path, dict, Scan]) -> None:
    _, expectations, result = generated
    assert result.expectations(SEED) == expectations


def test_every_kind_of_line_is_present(generated: tuple[Path, dict, Scan]) -> None:
    _, e, _ = generated
    for reason in REASONS:
        assert e["quarantined_by_reason"][reason] >= 1, reason
    for key in ("blank_lines", "duplicate_rows", "feedback_rows", "assessment_rows"):
        assert e[key] >= 1, key
    assert e["streaming_response_rows"] >= 1
    assert e["oversize_request_rows"] == 4
    assert e["oversize_response_rows"] == 2


def test_small_runs_keep_exact_counts(tmp_path: Path) -> None:
    for lines, files in ((1, 1), (10, None), (1999, 3)):
        out_dir = tmp_path / f"n{lines}"
        e = gen.generate(out_dir, lines, seed=1, files=files, workers=1)
        result = scan(out_dir)
        assert result.raw_lines == lines == e["raw_lines_written"]
        assert len(result.files) == (files or 4)
        assert result.expectations(1) == e
        assert e["oversize_request_rows"] == 0  # huge bodies only from 2000 lines on


# --------------------------------------------------------------------------------------------
# files


def test_file_names_gzip_and_line_endings(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    names = [p.name for p in result.files]
    matches = [NAME_RE.match(name) for name in names]
    assert all(matches), names
    assert [int(m.group(3)) for m in matches] == list(range(len(names)))
    stamps = [m.group(1) + m.group(2) for m in matches]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    gz = [p for p in result.files if p.name.endswith(".gz")]
    assert gz, "no gzip file"
    for path in gz:
        assert path.read_bytes()[:2] == b"\x1f\x8b"
        with gzip.open(path, "rb") as handle:
            assert handle.read(1) == b"{"
    crlf = [p for p in result.files if file_bytes(p).endswith(b"\r\n")]
    assert crlf and len(crlf) < len(result.files)
    bom = [p for p in result.files if file_bytes(p).startswith(b"\xef\xbb\xbf")]
    assert len(bom) == 1, "one file opens with a UTF-8 byte-order mark"


def test_deterministic_output(tmp_path: Path) -> None:
    first = gen.generate(tmp_path / "a", 3000, seed=3, workers=1)
    second = gen.generate(tmp_path / "b", 3000, seed=3, workers=2)
    assert first == second
    a_files, b_files = log_files(tmp_path / "a"), log_files(tmp_path / "b")
    assert [p.name for p in a_files] == [p.name for p in b_files]
    for a, b in zip(a_files, b_files, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    gen.generate(tmp_path / "c", 3000, seed=4, workers=1)
    assert log_files(tmp_path / "c")[0].read_bytes() != a_files[0].read_bytes()


def test_refuses_non_empty_out_dir_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    stale = out_dir / "old.jsonl"
    stale.write_text("{}\n")
    args = ["--out", str(out_dir), "--lines", "50", "--workers", "1"]
    assert gen.main(args) == 2
    assert "already contains" in capsys.readouterr().err
    assert stale.exists()
    with pytest.raises(FileExistsError):
        gen.generate(out_dir, 50)

    expectations_path = tmp_path / "expect.json"
    assert gen.main([*args, "--force", "--expectations", str(expectations_path)]) == 0
    summary = capsys.readouterr().out.strip().splitlines()
    assert len(summary) == 1 and "lines=50" in summary[0] and "seconds=" in summary[0]
    assert not stale.exists()
    written = json.loads(expectations_path.read_text())
    assert list(written) == EXPECTED_KEYS
    assert scan(out_dir).expectations(42) == written


def test_cli_rejects_bad_arguments() -> None:
    with pytest.raises(SystemExit) as excinfo:
        gen.main(["--out", "/tmp/never-used", "--lines", "0"])
    assert excinfo.value.code == 2


def test_cli_sample_ends_now_and_start_moves_it(tmp_path: Path) -> None:
    """The command-line sample is dated relative to today, so freshness and `current_date`
    queries work on it; --start fixes the dates."""
    assert gen.main(["--out", str(tmp_path / "now"), "--lines", "2100", "--files", "2"]) == 0
    times = [t for r in scan(tmp_path / "now").payload.values() if (t := parse_time(r))]
    assert abs((max(times) - datetime.now(UTC)).total_seconds()) < 3600
    start = ["--start", "2025-06-01T00:00:00"]
    assert gen.main(["--out", str(tmp_path / "fixed"), "--lines", "2100", *start]) == 0
    times = [t for r in scan(tmp_path / "fixed").payload.values() if (t := parse_time(r))]
    assert min(times) >= datetime(2025, 6, 1, tzinfo=UTC) - gen.timedelta(hours=1)
    assert max(times) <= datetime(2025, 6, 5, 1, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# content


def test_oversize_bodies(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    bodies = [(key, r.get(key)) for r in result.payload.values() for key in ("request", "response")]
    two_byte = [
        (key, value)
        for key, value in bodies
        if key == "request" and "é" * 600_000 in (body_text(value) or "")
    ]
    assert {type(value) for _, value in two_byte} == {str, dict}
    for _, value in two_byte:
        text = body_text(value) or ""
        assert len(text) < LIMIT < utf8_len(text)
    exact = [(k, v) for k, v in bodies if isinstance(v, str) and utf8_len(v) == LIMIT]
    assert sorted(k for k, _ in exact) == ["request", "response"]
    plus_one = [(k, v) for k, v in bodies if isinstance(v, str) and utf8_len(v) == LIMIT + 1]
    assert sorted(k for k, _ in plus_one) == ["request", "response"]


def test_average_line_size(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    ordinary = [size for size in result.line_sizes if size < 100_000]
    assert 600 <= sum(ordinary) / len(ordinary) <= 1500
    assert len(result.line_sizes) - len(ordinary) == len(gen.OVERSIZE_VARIANTS)


def test_duplicates_are_byte_identical_redeliveries(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    later_file = same_file = 0
    for rid, line, place in result.copies:
        assert line == result.first_line[rid]
        first = result.first_place[rid]
        assert place > first
        later_file += place[0] > first[0]
        same_file += place[0] == first[0]
    assert later_file > same_file > 0
    per_id = Counter(rid for rid, _, _ in result.copies)
    assert max(per_id.values()) == 2  # some ids are delivered three times


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


def test_feedback_records(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    forms: Counter[str] = Counter()
    assessments_seen: Counter[str] = Counter()
    for record in result.payload.values():
        records = feedback_records(record)
        if records is None:
            continue
        forms[f"records_{min(len(records), 2)}"] += 1
        for rec in records:
            assert isinstance(rec["request_id"], str)
            source = as_json(rec["source"])
            assert set(source) == {"id", "type", "tags"}
            for key in ("source", "text_assessments", "retrieval_assessments"):
                if key in rec:
                    forms[f"{key}_{type(rec[key]).__name__}"] += 1
            present = ("text_assessments" in rec, "retrieval_assessments" in rec)
            forms[{(True, False): "text", (False, True): "retrieval"}.get(present, "both")] += 1
            for assessment in as_json(rec.get("text_assessments", "[]")):
                ratings = assessment["ratings"]
                for rating in ratings.values():
                    forms["value_" + type(rating["value"]).__name__] += 1
                key = json.dumps([rec["request_id"], assessment], sort_keys=True)
                assessments_seen[key] += 1
            if len(as_json(rec.get("text_assessments", "[]"))) > 1:
                forms["several_text"] += 1
            for assessment in as_json(rec.get("retrieval_assessments", "[]")):
                assert isinstance(assessment["position"], int)
    for form in (
        "records_1",
        "records_2",
        "text",
        "retrieval",
        "both",
        "several_text",
        "source_dict",
        "source_str",
        "text_assessments_list",
        "text_assessments_str",
        "retrieval_assessments_list",
        "retrieval_assessments_str",
        "value_bool",
        "value_str",
    ):
        assert forms[form] >= 1, form
    assert forms["value_float"] + forms["value_int"] >= 1
    assert max(assessments_seen.values()) >= 2  # the review app logs repeats
