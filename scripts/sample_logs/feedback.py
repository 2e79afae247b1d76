"""Review-app feedback lines: dataframe records with text and retrieval assessments."""

from __future__ import annotations

import random
from typing import Any

from sample_logs.catalogue import REVIEWERS
from sample_logs.draws import hex_id, pick, rand_int
from sample_logs.encoding import _COMPACT, JsonObj, body_as_string, json_bytes
from sample_logs.envelope import envelope_line
from sample_logs.exchanges import FileState
from sample_logs.text import paragraph, sentence


def rating(rng: random.Random, value: Any, rationale: bool) -> JsonObj:
    out: JsonObj = {"value": value}
    if rationale:
        out["rationale"] = sentence(rng, 5, 12, rng.random() < 0.3)
    return out


def optional_comment(rng: random.Random, p: float) -> str | None:
    return sentence(rng, 3, 12, rng.random() < 0.4) if rng.random() < p else None


def text_assessment(rng: random.Random) -> JsonObj:
    ratings: JsonObj = {}
    if rng.random() < 0.8:
        ratings["answer_correct"] = rating(rng, rng.random() < 0.7, rng.random() < 0.6)
    if rng.random() < 0.5:
        ratings["score"] = rating(rng, pick(rng, (1, 2.5, 3, 4.5, 5)), False)
    if rng.random() < 0.5 or not ratings:
        tone = pick(rng, ("positive", "neutral", "negative"))
        ratings["tone"] = rating(rng, tone, False)
    return {
        "step_id": None if rng.random() < 0.2 else "step-" + hex_id(rng, 8),
        "ratings": ratings,
        "free_text_comment": optional_comment(rng, 0.6),
        "suggested_output": paragraph(rng, 1, 1, False) if rng.random() < 0.3 else None,
    }


def retrieval_assessment(rng: random.Random, position: int) -> JsonObj:
    relevance = pick(rng, (True, False, "partially"))
    return {
        "position": position,
        "step_id": "step-" + hex_id(rng, 8),
        "ratings": {"relevant_to_question": rating(rng, relevance, rng.random() < 0.4)},
        "free_text_comment": optional_comment(rng, 0.4),
    }


def maybe_json_string(rng: random.Random, value: Any) -> Any:
    """Inside a feedback record, a field is a JSON value or a string holding JSON."""
    return _COMPACT.encode(value) if rng.random() < 0.3 else value


def feedback_record(rng: random.Random, request_id: str) -> tuple[JsonObj, int]:
    """One dataframe record; returns (record, number of assessments in it)."""
    r = rng.random()
    n_text = 0 if r >= 0.75 else (1 if rng.random() < 0.75 else rand_int(rng, 2, 3))
    n_retrieval = 0 if r < 0.45 else rand_int(rng, 1, 3)
    source = {
        "id": pick(rng, REVIEWERS),
        "type": "human" if rng.random() < 0.9 else "llm_judge",
        "tags": {"app": "review-app", "session": "s-" + hex_id(rng, 6)},
    }
    record: JsonObj = {
        "request_id": request_id,
        "source": maybe_json_string(rng, source),
    }
    if n_text:
        texts = [text_assessment(rng) for _ in range(n_text)]
        record["text_assessments"] = maybe_json_string(rng, texts)
    if n_retrieval:
        retrievals = [retrieval_assessment(rng, i) for i in range(n_retrieval)]
        record["retrieval_assessments"] = maybe_json_string(rng, retrievals)
    return record, n_text + n_retrieval


def feedback_line(
    rng: random.Random,
    rid: str,
    ts_ms: int,
    ref_ids: list[str],
    state: FileState | None,
) -> tuple[bytes, int]:
    """A review-app feedback line; returns (line, number of assessments)."""
    records: list[JsonObj] = []
    total = 0
    for _ in range(1 if rng.random() < 0.8 else rand_int(rng, 2, 3)):
        if state is not None and state.records and rng.random() < 0.15:
            record, count = pick(rng, state.records)  # the review app logs repeats
        else:
            record, count = feedback_record(rng, pick(rng, ref_ids))
            if state is not None:
                state.records.append((record, count))
        records.append(record)
        total += count
    body: Any = {"dataframe_records": records}
    if rng.random() < 0.1:
        body = body_as_string(rng, body)
    response = {"predictions": "Ok"} if rng.random() < 0.8 else {"predictions": ["Ok"]}
    request_json = json_bytes(body)
    response_json = json_bytes(response)
    line = envelope_line(rng, rid, ts_ms, 200, request_json, response_json, "se-agent-001")
    return line, total
