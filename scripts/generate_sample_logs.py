"""Generate realistic raw AI Gateway payload logs with counts known by construction.

Usage::

    python scripts/generate_sample_logs.py --out DIR --lines N [--seed 42] [--files K]
        [--expectations PATH] [--workers W] [--force]

Exactly N raw lines (blank and bad lines included) are written across K files named
``gateway-YYYYMMDD-HHMMSS-<index:04d>.jsonl`` (name order = delivery order). Every third file
(index % 3 == 1) is gzip (``.jsonl.gz``, mtime 0, level 1) and files with index % 5 in (1, 2)
use CRLF line endings. Output depends only on the arguments: each file has its own
``random.Random`` seeded from (seed, file index), so files are generated in parallel, and a
line that is redelivered is rebuilt from its own seed (seed, file, line) wherever it is copied.

Valid lines (docs/input_format.md envelope):
    * time as ``request_time`` ISO-8601 with ``Z`` (milli-, micro- or whole seconds), with an
      offset (``+05:30``, ``-08:00``, ... some moving the UTC date across midnight), without
      offset (UTC), as epoch milliseconds, or only the legacy ``timestamp_ms``;
    * ``status_code`` 200 / 400 / 404 / 429 / 500 / 503, some as a numeric string;
    * optional ``client_request_id`` (else sometimes in the request body), ``sampling_fraction``,
      ``execution_duration_ms`` (legacy ``execution_time_ms``), ``requester``,
      ``logging_error_codes`` (``[]`` / ``["UPSTREAM_CODE"]``), legacy ``request_metadata``,
      unknown extra keys; ``served_entity_id`` from the catalogue plus ``se-unknown-999``.
    * bodies as JSON values or as strings holding the body text (JSON, SSE text, plain text).

Request shapes: chat completions (``messages``; string or parts content with ``image_url``
parts; sometimes no user message; ``"stream": true``), completions (``prompt``), Responses API
(``input`` item array or string), chat agent (``messages`` with
``databricks_options.conversation_id`` or ``context.conversation_id``), ``query``, embeddings
(``input`` string), ``usage_context``, review-app feedback (``dataframe_records`` with
``source`` / ``text_assessments`` / ``retrieval_assessments`` as JSON or as JSON strings).

Response shapes: chat completion, completion (``choices[0].text``), Responses ``output``,
chat agent ``messages`` (with MLflow traces v1 / v2 / v3 in ``databricks_output.trace``),
``{"content": ...}``, embeddings, stream chunk arrays (running ``usage`` totals), SSE text,
error bodies, NULL (JSON null or absent) on errors, ``{"predictions": "Ok"}`` for feedback.

Oversize bodies (only when N >= 2000): request and response bodies over 1 MiB (JSON value and
a 1,048,577-byte string), requests of 600,000 two-byte characters, and a request and a
response body of exactly 1,048,576 bytes given as strings (kept).

Other lines (each kind at least once when N >= 2000), checked in this order:
    * blank lines (empty, spaces, tabs): skipped;
    * INVALID_UTF8: ``\\xff\\xfe``, a bad continuation byte, a lone continuation byte, a
      truncated 4-byte sequence, Latin-1 text;
    * INVALID_JSON: truncated JSON, plain text, ``{bad json}``, single quotes, trailing comma;
    * NOT_AN_OBJECT: ``[1,2,3]``, ``"just a string"``, ``42``, an array holding an object;
    * MISSING_REQUEST_ID: id absent, null, ``""`` or a number;
    * INVALID_REQUEST_TIME: no ``request_time`` nor ``timestamp_ms``, ``"not-a-time"``,
      an impossible date, ``"infinity"``, ``"epoch"``, an offset of +25:00, an instant in 1899;
    * INVALID_STATUS_CODE: absent, 99, 600, ``"abc"``, 200.5;
    * INVALID_FIELD_TYPE: ``sampling_fraction`` "abc" / 0 / 1.5, ``execution_duration_ms`` -5,
      ``execution_time_ms`` -5, ``logging_error_codes`` "x", ``requester`` 123,
      ``request_metadata`` "x".

Duplicates: about 1% of valid lines are redelivered byte-identical, mostly in a later file,
some later in the same file, a few three times; the first copy (file name order, then line
order) is the payload row, every other copy is a duplicate row. Bad lines are never copied.
Review-app feedback lines reference request ids logged earlier; some repeat an assessment.

Speed: text is cut from fixed word and sentence streams, and about three request lines in
four repeat a recent exchange (request and response bodies) of the same file under a new
envelope (id, time, status, optional keys), so 1,000,000 lines take well under a minute.
Times span 2026-03-01 .. 2026-03-05 UTC, increasing with the file index.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing
import os
import random
import sys
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, TypeVar

from sample_logs import provider_shapes
from sample_logs.tokens import token_count

MAX_PAYLOAD_BYTES = 1_048_576
LINES_PER_FILE = 250_000
MIN_LINES_FOR_EVERY_KIND = 2000
START = datetime(2026, 3, 1)
EPOCH = datetime(1970, 1, 1)
START_MS = int((START - EPOCH).total_seconds() * 1000)
SPAN_MS = 4 * 24 * 3600 * 1000
WRITE_BATCH = 2000
EXCHANGE_CACHE_SIZE = 512
FRESH_EXCHANGE_SHARE = 0.25

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
DUPLICATE_SHARE = 0.009
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

CATALOGUE_ENTITIES = (
    "se-chat-001",
    "se-chat-002",
    "se-embed-001",
    "se-agent-001",
    "se-external-001",
)
UNKNOWN_ENTITY = "se-unknown-999"
ENTITY_WEIGHTS = (0.28, 0.15, 0.10, 0.30, 0.15, 0.02)
ENTITY_CUM = tuple(sum(ENTITY_WEIGHTS[: i + 1]) for i in range(len(ENTITY_WEIGHTS)))
ENTITY_METADATA = {
    "se-chat-001": ("chat-endpoint", "databricks-meta-llama-3-3-70b-instruct", "1"),
    "se-chat-002": ("chat-endpoint-canary", "databricks-claude-sonnet-4", "2"),
    "se-embed-001": ("embeddings", "databricks-gte-large-en", "1"),
    "se-agent-001": ("support-agent", "main.agents.support_agent", "7"),
    "se-external-001": ("openai-proxy", "gpt-4.1-mini", "2025-04-14"),
    UNKNOWN_ENTITY: ("legacy-endpoint", "main.models.legacy", "3"),
}
MODELS = ("llama-3.3-70b", "claude-sonnet-4", "gpt-4.1-mini", "dbrx-instruct")
REQUESTERS = (
    "alice@example.com",
    "bob.smith@example.com",
    "carol.nguyen@example.org",
    "dev-bot@example.com",
    "5f2b7c1e-9a3d-4e8f-b6a1-0c2d3e4f5a6b",
    "a91c0d44-7e2f-4b1a-9c3d-1e2f3a4b5c6d",
)
REVIEWERS = ("reviewer.one@example.com", "jürgen@example.de", "mei.lin@example.com")
ERROR_STATUSES = (400, 404, 429, 500, 503)
OFFSETS = (
    (330, "+05:30"),
    (-480, "-08:00"),
    (540, "+09:00"),
    (-180, "-03:00"),
    (0, "+00:00"),
    (-300, "-05:00"),
    (345, "+05:45"),
)
SAMPLING_FRACTIONS = (1, 1.0, 0.5, 0.25, 0.1)

WORD_TEXT = """
the a of to and in is for on with that this by from as at be are was it or an data
model table pipeline query cluster job endpoint request response latency token
stream vector index schema column row partition warehouse catalog volume notebook
agent tool retrieval document chunk embedding prompt answer question summary report
metric dashboard alert user customer order invoice payment refund shipping delivery
account password reset login error timeout retry quota limit region storage bucket
file upload download export import format json csv parquet delta merge update
delete insert select join filter group sort window average total count sum maximum
minimum daily weekly monthly yesterday today tomorrow please can you help me
explain why how what when where which show list find compare fix write generate
translate improve check review latest previous current new old fast slow large
small first last next best simple detailed short long clear
"""
WORDS = tuple(WORD_TEXT.split())
INTL_TEXT = """
café naïve Zürich São Ångström niño über crème brûlée façade
日本語 東京 你好 世界 数据 데이터 모델 データ модель данные Αθήνα שלום 🚀 😀 👍 🎉 € —
"""
INTL_WORDS = tuple(INTL_TEXT.split())
MIXED_WORDS = WORDS + INTL_WORDS
POOL_SIZE = 100_003
SENTENCE_POOL_SIZE = 20_011
_POOL_RNG = random.Random("generate_sample_logs/word-pool")
PLAIN_POOL = _POOL_RNG.choices(WORDS, k=POOL_SIZE)
MIXED_POOL = _POOL_RNG.choices(MIXED_WORDS, k=POOL_SIZE)
INTL_SENTENCES = (
    "データパイプラインの状態を教えてください。",
    "请总结一下昨天的销售数据。",
    "¿Puedes explicar por qué falló el trabajo de anoche?",
    "Pourquoi la requête est-elle si lente aujourd'hui ?",
    "Könnten Sie die Größe der Tabelle prüfen? 🙏",
    "고객 주문 내역을 보여 주세요.",
    "Покажи последние ошибки в журнале.",
)

_COMPACT = json.JSONEncoder(
    ensure_ascii=False,
    separators=(",", ":"),
    check_circular=False,
)
_SPACED = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2, check_circular=False)

JsonObj = dict[str, Any]
T = TypeVar("T")
Exchange = tuple[JsonObj, Any, bool]
Spec = tuple[Any, ...]


# --------------------------------------------------------------------------------------------
# small building blocks


def rand_int(rng: random.Random, lo: int, hi: int) -> int:
    """Uniform integer in [lo, hi] (faster than randint)."""
    return lo + int(rng.random() * (hi - lo + 1))


def pick(rng: random.Random, options: Sequence[T]) -> T:
    """rng.choice without its overhead."""
    return options[int(rng.random() * len(options))]


def hex_id(rng: random.Random, digits: int) -> str:
    return f"{rng.getrandbits(digits * 4):0{digits}x}"


def make_request_id(rng: random.Random) -> str:
    h = hex_id(rng, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def pool_sentence(words: list[str], start: int, n: int) -> str:
    text = " ".join(words[start : start + n])
    return text[0].upper() + text[1:] + "."


def sentence(rng: random.Random, lo: int, hi: int, intl: bool) -> str:
    """lo..hi words cut from a fixed word stream (much faster than drawing every word)."""
    if intl and rng.random() < 0.1:
        return INTL_SENTENCES[int(rng.random() * len(INTL_SENTENCES))]
    n = lo + int(rng.random() * (hi - lo + 1))
    start = int(rng.random() * (POOL_SIZE - n))
    return pool_sentence(MIXED_POOL if intl else PLAIN_POOL, start, n)


def build_sentence_pool(intl: bool) -> list[str]:
    rng = random.Random(f"generate_sample_logs/sentences/{intl}")
    return [sentence(rng, 5, 13, intl) for _ in range(SENTENCE_POOL_SIZE)]


PLAIN_SENTENCES = build_sentence_pool(False)
MIXED_SENTENCES = build_sentence_pool(True)


def paragraph(rng: random.Random, lo: int, hi: int, intl: bool) -> str:
    """lo..hi consecutive sentences of a fixed sentence stream."""
    n = lo + int(rng.random() * (hi - lo + 1))
    start = int(rng.random() * (SENTENCE_POOL_SIZE - n))
    return " ".join((MIXED_SENTENCES if intl else PLAIN_SENTENCES)[start : start + n])


def json_bytes(value: Any) -> bytes:
    """Compact JSON text of a value as UTF-8, non-ASCII characters written raw."""
    return _COMPACT.encode(value).encode("utf-8")


def body_as_string(rng: random.Random, body: Any) -> str:
    """A JSON body serialized the way a client might have sent it (not necessarily compact)."""
    r = rng.random()
    if r < 0.5:
        return _SPACED.encode(body)
    if r < 0.8:
        return _COMPACT.encode(body)
    return _INDENTED.encode(body)


# --------------------------------------------------------------------------------------------
# time


def iso_utc(ts_ms: int) -> str:
    return (EPOCH + timedelta(milliseconds=ts_ms)).isoformat(timespec="milliseconds")


def time_field(rng: random.Random, ts_ms: int) -> tuple[str, Any]:
    """One of the accepted request time forms for the instant ts_ms (epoch milliseconds)."""
    r = rng.random()
    if r < 0.70:
        return "request_time", iso_utc(ts_ms) + "Z"
    if r < 0.74:
        micros = EPOCH + timedelta(microseconds=ts_ms * 1000 + rand_int(rng, 0, 999))
        return "request_time", micros.isoformat(timespec="microseconds") + "Z"
    if r < 0.78:
        seconds = EPOCH + timedelta(milliseconds=ts_ms - ts_ms % 1000)
        return "request_time", seconds.isoformat(timespec="seconds") + "Z"
    if r < 0.87:
        minutes, suffix = pick(rng, OFFSETS)
        local = EPOCH + timedelta(milliseconds=ts_ms, minutes=minutes)
        return "request_time", local.isoformat(timespec="milliseconds") + suffix
    if r < 0.91:
        return "request_time", iso_utc(ts_ms)
    if r < 0.96:
        return "request_time", ts_ms
    return "timestamp_ms", ts_ms


def file_window(index: int, files: int, first_ms: int = START_MS) -> tuple[int, int]:
    """The time span of file `index`: the files share SPAN_MS from first_ms, in order."""
    start_ms = first_ms + SPAN_MS * index // files
    return start_ms, first_ms + SPAN_MS * (index + 1) // files


def line_base_ms(start_ms: int, end_ms: int, n_lines: int, pos: int) -> int:
    return start_ms + (end_ms - start_ms) * pos // max(1, n_lines)


def file_name(index: int, files: int, gz: bool, first_ms: int = START_MS) -> str:
    end = EPOCH + timedelta(milliseconds=file_window(index, files, first_ms)[1])
    stamp = end.strftime("%Y%m%d-%H%M%S")
    return f"gateway-{stamp}-{index:04d}.jsonl" + (".gz" if gz else "")


def is_gzip_file(index: int) -> bool:
    return index % 3 == 1


def starts_with_bom(index: int) -> bool:
    """Some editors and Windows tools open a UTF-8 file with a byte-order mark."""
    return index % 5 == 2


def is_crlf_file(index: int) -> bool:
    return index % 5 in (1, 2)


# --------------------------------------------------------------------------------------------
# request bodies


def user_content(rng: random.Random, intl: bool) -> Any:
    """A user message content: mostly a string, sometimes an array of parts."""
    text = paragraph(rng, 1, 3, intl)
    if rng.random() >= 0.2:
        return text
    parts: list[JsonObj] = [{"type": "text", "text": text}]
    if rng.random() < 0.6:
        url = f"https://images.example.com/{hex_id(rng, 12)}.png"
        parts.append({"type": "image_url", "image_url": {"url": url}})
    if rng.random() < 0.4:
        parts.append({"type": "text", "text": sentence(rng, 4, 10, intl)})
    return parts


def chat_messages(rng: random.Random, intl: bool) -> list[JsonObj]:
    messages: list[JsonObj] = []
    if rng.random() < 0.6:
        messages.append({"role": "system", "content": sentence(rng, 8, 18, False)})
    for _ in range(rand_int(rng, 0, 2) if rng.random() < 0.3 else 0):
        messages.append({"role": "user", "content": sentence(rng, 6, 16, intl)})
        messages.append({"role": "assistant", "content": sentence(rng, 8, 20, intl)})
    if rng.random() < 0.04:  # no user message at all: the last message is the request
        messages.append({"role": "assistant", "content": sentence(rng, 6, 12, intl)})
    else:
        messages.append({"role": "user", "content": user_content(rng, intl)})
    return messages


def chat_request(rng: random.Random, intl: bool, stream: bool) -> JsonObj:
    body: JsonObj = {"messages": chat_messages(rng, intl)}
    body["max_tokens"] = pick(rng, (256, 512, 1024, 2048))
    body["temperature"] = pick(rng, (0, 0.2, 0.7, 1.0))
    if stream:
        body["stream"] = True
    return body


def completions_request(rng: random.Random, intl: bool) -> JsonObj:
    """A completions request; a batched one sends `prompt` as an array of strings."""
    if rng.random() < 0.2:
        prompts = [sentence(rng, 4, 10, intl) for _ in range(rand_int(rng, 2, 3))]
        return {"prompt": prompts, "max_tokens": 64}
    return {"prompt": paragraph(rng, 1, 3, intl), "max_tokens": 256, "temperature": 0.5}


def responses_request(rng: random.Random, intl: bool) -> JsonObj:
    if rng.random() < 0.3:
        return {"model": pick(rng, MODELS), "input": paragraph(rng, 1, 3, intl)}
    items: list[JsonObj] = []
    if rng.random() < 0.5:
        items.append({"role": "developer", "content": sentence(rng, 8, 16, False)})
    text_part = {"type": "input_text", "text": paragraph(rng, 1, 3, intl)}
    items.append({"role": "user", "content": [text_part]})
    return {"model": pick(rng, MODELS), "input": items}


def agent_request(rng: random.Random, intl: bool) -> JsonObj:
    messages: list[JsonObj] = []
    for _ in range(rand_int(rng, 0, 2)):
        messages.append({"role": "user", "content": sentence(rng, 5, 12, intl)})
        messages.append({"role": "assistant", "content": sentence(rng, 8, 18, intl)})
    messages.append({"role": "user", "content": paragraph(rng, 1, 2, intl)})
    body: JsonObj = {"messages": messages}
    conversation_id = "conv-" + hex_id(rng, 12)
    r = rng.random()
    if r < 0.5:
        body["databricks_options"] = {
            "conversation_id": conversation_id,
            "return_trace": True,
        }
    elif r < 0.9:
        body["context"] = {
            "conversation_id": conversation_id,
            "user_id": pick(rng, REQUESTERS),
        }
    return body


def query_request(rng: random.Random, intl: bool) -> JsonObj:
    return {"query": paragraph(rng, 1, 2, intl)}


def embeddings_request(rng: random.Random, intl: bool) -> JsonObj:
    """An embeddings request; a batch sends `input` as an array of strings."""
    if rng.random() < 0.3:
        return {"input": [sentence(rng, 4, 12, intl) for _ in range(rand_int(rng, 2, 4))]}
    return {"input": paragraph(rng, 1, 4, intl)}


def usage_context(rng: random.Random) -> JsonObj:
    return {
        "project": pick(rng, ("search", "support", "analytics")),
        "team": pick(rng, ("data-eng", "ml-platform", "cx")),
        "cost_center": str(rand_int(rng, 1000, 1099)),
    }


# --------------------------------------------------------------------------------------------
# response bodies


def chat_usage(prompt_tokens: int, completion_tokens: int) -> JsonObj:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def chat_response(rng: random.Random, answer: str, prompt_tokens: int) -> JsonObj:
    return {
        "id": "chatcmpl-" + hex_id(rng, 16),
        "object": "chat.completion",
        "model": pick(rng, MODELS),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer},
                "finish_reason": "stop",
            }
        ],
        "usage": chat_usage(prompt_tokens, token_count(answer)),
    }


def completion_response(rng: random.Random, answer: str, prompt_tokens: int) -> JsonObj:
    return {
        "id": "cmpl-" + hex_id(rng, 16),
        "object": "text_completion",
        "choices": [{"index": 0, "text": answer, "finish_reason": "length"}],
        "usage": chat_usage(prompt_tokens, token_count(answer)),
    }


def responses_response(rng: random.Random, answer: str, prompt_tokens: int) -> JsonObj:
    output: list[JsonObj] = []
    if rng.random() < 0.3:
        reasoning_id = "rs_" + hex_id(rng, 12)
        output.append({"type": "reasoning", "id": reasoning_id, "summary": []})
    output.append(
        {
            "type": "message",
            "id": "msg_" + hex_id(rng, 12),
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": answer, "annotations": []}],
        }
    )
    completion_tokens = token_count(answer)
    return {
        "id": "resp_" + hex_id(rng, 16),
        "object": "response",
        "status": "completed",
        "output": output,
        "usage": {
            "input_tokens": prompt_tokens,
            "output_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


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


def agent_response(rng: random.Random, answer: str, ts_ms: int) -> JsonObj:
    messages: list[JsonObj] = []
    if rng.random() < 0.2:
        call_id = "call_" + hex_id(rng, 10)
        tool_call = {
            "id": call_id,
            "type": "function",
            "function": {"name": "search_docs", "arguments": '{"q": "refund policy"}'},
        }
        messages.append({"role": "assistant", "content": "", "tool_calls": [tool_call]})
        tool_message = {"role": "tool", "content": "3 documents found"}
        messages.append({**tool_message, "tool_call_id": call_id})
    message_id = "msg-" + hex_id(rng, 12)
    messages.append({"role": "assistant", "content": answer, "id": message_id})
    body: JsonObj = {"messages": messages}
    r = rng.random()
    if r < 0.45:
        builder = (trace_v1, trace_v2, trace_v3)[rand_int(rng, 0, 2)]
        body["databricks_output"] = {"trace": builder(rng, ts_ms)}
    elif r < 0.55:
        body["databricks_output"] = {"databricks_request_id": make_request_id(rng)}
    return body


def content_response(answer: str) -> JsonObj:
    return {"content": answer}


def embeddings_response(rng: random.Random, prompt_tokens: int) -> JsonObj:
    vector = [round(rng.uniform(-1.0, 1.0), 6) for _ in range(8)]
    return {
        "object": "list",
        "model": "gte-large-en",
        "data": [{"object": "embedding", "index": 0, "embedding": vector}],
        "usage": {"prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens},
    }


def stream_chunks(rng: random.Random, answer: str, prompt_tokens: int) -> list[JsonObj]:
    """Chat completion chunks whose delta contents concatenate to answer exactly."""
    chunk_id = "chatcmpl-" + hex_id(rng, 16)
    words = answer.split(" ")
    step = max(1, len(words) // rand_int(rng, 3, 6))
    pieces = [" ".join(words[i : i + step]) for i in range(0, len(words), step)]
    pieces = [p + " " for p in pieces[:-1]] + pieces[-1:]

    def chunk(delta: JsonObj, finish: str | None = None) -> JsonObj:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return {"id": chunk_id, "object": "chat.completion.chunk", "choices": [choice]}

    chunks = [chunk({"role": "assistant", "content": None if rng.random() < 0.5 else ""})]
    emitted = 0
    for i, piece in enumerate(pieces):
        chunks.append(chunk({"content": piece}))
        emitted += token_count(piece)
        if i % 3 == 2:  # running totals, never to be summed
            chunks[-1]["usage"] = chat_usage(prompt_tokens, emitted)
        if rng.random() < 0.15:
            chunks.append(chunk({"content": None}))
    final = chunk({}, "stop")
    final["usage"] = chat_usage(prompt_tokens, emitted)
    chunks.append(final)
    return chunks


def sse_text(chunks: list[JsonObj]) -> str:
    events = "".join(f"data: {_COMPACT.encode(c)}\n\n" for c in chunks)
    return events + "data: [DONE]\n\n"


def error_body(rng: random.Random, status: int) -> JsonObj:
    message = {
        400: "Invalid request: 'messages' must be a non-empty array.",
        404: "Endpoint or served entity not found.",
        429: "Rate limit exceeded. Please retry after 2 seconds.",
        500: "Internal error while running the model.",
        503: "The model is temporarily unavailable (upstream overloaded).",
    }[status]
    if rng.random() < 0.5:
        return {
            "error": {
                "message": message,
                "type": "invalid_request_error",
                "code": status,
            }
        }
    codes = {400: "BAD_REQUEST", 404: "NOT_FOUND", 429: "REQUEST_LIMIT_EXCEEDED"}
    return {"error_code": codes.get(status, "INTERNAL_ERROR"), "message": message}


# --------------------------------------------------------------------------------------------
# request/response exchanges per served entity


def pick_entity(rng: random.Random) -> str:
    r = rng.random()
    for entity, cum in zip((*CATALOGUE_ENTITIES, UNKNOWN_ENTITY), ENTITY_CUM, strict=True):
        if r < cum:
            return entity
    return UNKNOWN_ENTITY


def chat_exchange(rng: random.Random, intl: bool, ts_ms: int) -> Exchange:
    """Chat completions, streamed (chunk array or SSE text) in a quarter of the cases; some
    answers are refusals, some have n = 2 choices, some streams send parts deltas."""
    stream = rng.random() < 0.25
    request = chat_request(rng, intl, stream)
    answer = paragraph(rng, 2, 4, intl)
    prompt_tokens = rand_int(rng, 20, 900)
    r = rng.random()
    if not stream:
        if r < 0.03:
            refusal = "I can't help with that request."
            return request, provider_shapes.refusal_response(rng, refusal, prompt_tokens), False
        if r < 0.08:
            other = sentence(rng, 6, 14, intl)
            response = provider_shapes.two_choice_response(rng, answer, other, prompt_tokens)
            return request, response, False
        return request, chat_response(rng, answer, prompt_tokens), False
    if r < 0.2:
        other = sentence(rng, 6, 14, intl)
        chunks = provider_shapes.chat_chunks_with_variants(rng, answer, prompt_tokens, other)
    else:
        chunks = stream_chunks(rng, answer, prompt_tokens)
    return request, (chunks if rng.random() < 0.5 else sse_text(chunks)), True


def anthropic_exchange(rng: random.Random, intl: bool, ts_ms: int) -> Exchange:
    """Anthropic Messages, streamed as SSE with event lines or as an event array in a third."""
    stream = rng.random() < 0.35
    question = paragraph(rng, 1, 3, intl)
    request = provider_shapes.anthropic_request(rng, question, sentence(rng, 6, 12, False), stream)
    answer = paragraph(rng, 2, 4, intl)
    input_tokens = rand_int(rng, 20, 900)
    if not stream:
        return request, provider_shapes.anthropic_response(rng, answer, input_tokens), False
    events = provider_shapes.anthropic_stream(rng, answer, input_tokens)
    if rng.random() < 0.7:
        return request, provider_shapes.sse_events(events, named=True), True
    return request, events, True


def responses_exchange(rng: random.Random, intl: bool, ts_ms: int) -> Exchange:
    """OpenAI Responses, streamed as events (SSE with event lines, or an array) in a third."""
    request = responses_request(rng, intl)
    answer = paragraph(rng, 2, 4, intl)
    prompt_tokens = rand_int(rng, 20, 900)
    if rng.random() >= 0.35:
        return request, responses_response(rng, answer, prompt_tokens), False
    request["stream"] = True
    events = provider_shapes.responses_stream(rng, answer, prompt_tokens)
    if rng.random() < 0.7:
        return request, provider_shapes.sse_events(events, named=True), True
    return request, events, True


def generic_exchange(rng: random.Random, intl: bool, ts_ms: int) -> Exchange:
    r = rng.random()
    if r < 0.5:
        return chat_exchange(rng, intl, ts_ms)
    if r < 0.65:
        return anthropic_exchange(rng, intl, ts_ms)
    if r < 0.85:
        return responses_exchange(rng, intl, ts_ms)
    answer = paragraph(rng, 2, 4, intl)
    prompt_tokens = rand_int(rng, 20, 900)
    return (
        completions_request(rng, intl),
        completion_response(rng, answer, prompt_tokens),
        False,
    )


def agent_exchange(rng: random.Random, intl: bool, ts_ms: int) -> Exchange:
    r = rng.random()
    answer = paragraph(rng, 2, 4, intl)
    if r < 0.12:  # a streamed chat agent (MLflow ChatAgentChunk)
        request = {**agent_request(rng, intl), "stream": True}
        chunks = provider_shapes.chat_agent_stream(rng, answer)
        return request, (chunks if rng.random() < 0.5 else sse_text(chunks)), True
    if r < 0.7:
        return agent_request(rng, intl), agent_response(rng, answer, ts_ms), False
    if r < 0.85:
        if rng.random() < 0.6:
            response = content_response(answer)
        else:
            response = agent_response(rng, answer, ts_ms)
        return query_request(rng, intl), response, False
    prompt_tokens = rand_int(rng, 20, 900)
    return (
        responses_request(rng, intl),
        responses_response(rng, answer, prompt_tokens),
        False,
    )


def build_exchange(
    rng: random.Random, entity: str, intl: bool, ts_ms: int
) -> tuple[JsonObj, Any, bool]:
    """(request body, response body, response is a stream) for a successful request."""
    if entity == "se-embed-001":
        request = embeddings_request(rng, intl)
        texts = request["input"] if isinstance(request["input"], list) else [request["input"]]
        return request, embeddings_response(rng, token_count(" ".join(texts))), False
    if entity == "se-agent-001":
        return agent_exchange(rng, intl, ts_ms)
    if entity == "se-chat-002":
        if rng.random() < 0.7:
            return chat_exchange(rng, intl, ts_ms)
        answer = paragraph(rng, 2, 4, intl)
        prompt_tokens = rand_int(rng, 20, 900)
        return (
            completions_request(rng, intl),
            completion_response(rng, answer, prompt_tokens),
            False,
        )
    return generic_exchange(rng, intl, ts_ms)


# --------------------------------------------------------------------------------------------
# envelope (one raw line)

PLAIN_TEXT_BODY = b'"ping: plain-text health check body"'


def envelope_line(
    rng: random.Random,
    rid: str,
    ts_ms: int,
    status: int,
    request_json: bytes,
    response_json: bytes | None,
    entity: str,
) -> bytes:
    """One raw log line around pre-encoded bodies; response_json None leaves the key out.

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
        head.append(f',"execution_duration_ms":{rand_int(rng, 5, 20000)}')
    elif r < 0.95:
        head.append(f',"execution_time_ms":{rand_int(rng, 5, 20000)}')
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


def error_response_json(rng: random.Random, status: int) -> bytes | None:
    """An error body, or a NULL response: JSON null or the key left out (None)."""
    r = rng.random()
    if r < 0.7:
        return json_bytes(error_body(rng, status))
    return b"null" if r < 0.85 else None


def pick_status(rng: random.Random) -> int:
    return 200 if rng.random() < 0.91 else pick(rng, ERROR_STATUSES)


@dataclass
class FileState:
    """What a file remembers while it is written: recent ids, exchanges, feedback."""

    request_ids: deque[str] = field(default_factory=lambda: deque(maxlen=64))
    records: deque[tuple[JsonObj, int]] = field(
        default_factory=lambda: deque(maxlen=32),
    )
    exchanges: list[CachedExchange] = field(default_factory=list)


@dataclass(frozen=True)
class CachedExchange:
    """A successful exchange, kept encoded so that later requests can repeat it cheaply."""

    entity: str
    request: JsonObj
    request_json: bytes
    response: Any
    response_json: bytes
    streaming: bool


def fresh_exchange(rng: random.Random, ts_ms: int) -> CachedExchange:
    intl = rng.random() < 0.35
    entity = pick_entity(rng)
    request, response, streaming = build_exchange(rng, entity, intl, ts_ms)
    if entity != "se-embed-001" and rng.random() < 0.12:
        request["usage_context"] = usage_context(rng)
    request_json = json_bytes(request)
    response_json = json_bytes(response)
    return CachedExchange(entity, request, request_json, response, response_json, streaming)


def pick_exchange(rng: random.Random, ts_ms: int, state: FileState | None) -> CachedExchange:
    """A fresh exchange, or (mostly) one seen shortly before in the same file: same prompt,
    same answer, new request id and envelope. Keeps 1M lines well under a minute."""
    if state is None:
        return fresh_exchange(rng, ts_ms)
    cache = state.exchanges
    if len(cache) < EXCHANGE_CACHE_SIZE or rng.random() < FRESH_EXCHANGE_SHARE:
        exchange = fresh_exchange(rng, ts_ms)
        if len(cache) < EXCHANGE_CACHE_SIZE:
            cache.append(exchange)
        else:
            cache[int(rng.random() * EXCHANGE_CACHE_SIZE)] = exchange
        return exchange
    return cache[int(rng.random() * EXCHANGE_CACHE_SIZE)]


def request_log_line(
    rng: random.Random, rid: str, ts_ms: int, state: FileState | None
) -> tuple[bytes, bool]:
    """A valid request line; returns (line, response is a stream)."""
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
    line = envelope_line(rng, rid, ts_ms, status, request_json, response_json, exchange.entity)
    return line, streaming


# --------------------------------------------------------------------------------------------
# review-app feedback


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


# --------------------------------------------------------------------------------------------
# deliberate bad lines


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


# --------------------------------------------------------------------------------------------
# oversize bodies


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


# --------------------------------------------------------------------------------------------
# redelivered lines: rebuilt from their own seed wherever they are written


def dup_rng(seed: int, file_index: int, pos: int) -> random.Random:
    return random.Random(f"{seed}/line/{file_index}/{pos}")


def dup_source_id(seed: int, file_index: int, pos: int) -> str:
    return make_request_id(dup_rng(seed, file_index, pos))


def dup_source_line(seed: int, spec: Spec) -> tuple[bytes, str, bool, int, bool]:
    """Rebuild a redelivered line from spec (file, pos, kind, refs, base_ms).

    Returns (line, request id, is feedback, assessments, response is a stream).
    """
    _, src_file, src_pos, kind, refs, base_ms = spec
    rng = dup_rng(seed, src_file, src_pos)
    rid = make_request_id(rng)
    ts_ms = base_ms + rand_int(rng, 0, 3000)
    if kind == "feedback":
        ref_ids = [dup_source_id(seed, f, p) for f, p in refs]
        line, count = feedback_line(rng, rid, ts_ms, ref_ids, None)
        return line, rid, True, count, False
    line, streaming = request_log_line(rng, rid, ts_ms, None)
    return line, rid, False, 0, streaming


# --------------------------------------------------------------------------------------------
# plan: which line of which file is special


@dataclass
class FileTask:
    out_dir: str
    seed: int
    index: int
    files: int
    n_lines: int
    specs: dict[int, Spec]
    first_ms: int = START_MS

    @property
    def gz(self) -> bool:
        return is_gzip_file(self.index)

    @property
    def crlf(self) -> bool:
        return is_crlf_file(self.index)

    @property
    def name(self) -> str:
        return file_name(self.index, self.files, self.gz, self.first_ms)

    @property
    def window(self) -> tuple[int, int]:
        return file_window(self.index, self.files, self.first_ms)


def split_lines(lines: int, files: int) -> list[int]:
    return [lines // files + (1 if i < lines % files else 0) for i in range(files)]


def kind_count(lines: int, share: float) -> int:
    count = round(lines * share)
    return max(1, count) if lines >= MIN_LINES_FOR_EVERY_KIND else count


class Planner:
    """Places special lines at free positions, deterministically from the seed."""

    def __init__(self, lines: int, files: int, seed: int, first_ms: int = START_MS) -> None:
        self.rng = random.Random(f"{seed}/plan")
        self.first_ms = first_ms
        self.sizes = split_lines(lines, files)
        self.specs: list[dict[int, Spec]] = [{} for _ in range(files)]

    def pick_file(self) -> int:
        return self.rng.choices(range(len(self.sizes)), weights=self.sizes)[0]

    def place(
        self,
        spec: Spec,
        file_index: int,
        lo: int = 0,
        hi: int | None = None,
    ) -> int | None:
        """Put spec at a free position in [lo, hi) of the file; None when none was found."""
        hi = self.sizes[file_index] if hi is None else hi
        taken = self.specs[file_index]
        for _ in range(64):
            if hi <= lo:
                return None
            pos = self.rng.randrange(lo, hi)
            if pos not in taken:
                taken[pos] = spec
                return pos
        return None

    def place_fixed_kinds(self, lines: int) -> None:
        if lines >= MIN_LINES_FOR_EVERY_KIND:
            for variant in OVERSIZE_VARIANTS:
                self.place(("oversize", variant), self.pick_file())
        for text in BLANK_VARIANTS:
            for _ in range(kind_count(lines, BLANK_SHARE / len(BLANK_VARIANTS))):
                # never the last line, so that no file ends with a blank line
                f = self.pick_file()
                self.place(("blank", text), f, 0, self.sizes[f] - 1)
        for reason, variants, share in BAD_LINE_KINDS:
            for variant in variants:
                for _ in range(kind_count(lines, share / len(variants))):
                    self.place(("bad", reason, variant), self.pick_file())

    def place_duplicates(self, lines: int) -> None:
        """Redelivered lines: mostly copied into a later file, some later in the same file."""
        files = len(self.sizes)
        sources: list[tuple[int, int]] = []
        for _ in range(round(lines * DUPLICATE_SHARE)):
            f = self.pick_file()
            pos = self.place(("pending",), f, 0, self.sizes[f] - 1)
            if pos is not None:
                sources.append((f, pos))
        sources.sort()
        ranks = list(range(len(sources)))
        self.rng.shuffle(ranks)
        n_triple = max(1, len(sources) // 40)
        request_sources: list[tuple[int, int]] = []
        for (f, pos), rank in zip(sources, ranks, strict=True):
            kind: str = "request"
            refs: tuple[tuple[int, int], ...] = ()
            if request_sources and self.rng.random() < 0.08:
                recent = request_sources[-20:]
                kind, refs = (
                    "feedback",
                    tuple(self.rng.sample(recent, min(2, len(recent)))),
                )
            else:
                request_sources.append((f, pos))
            base_ms = line_base_ms(*file_window(f, files, self.first_ms), self.sizes[f], pos)
            self.specs[f][pos] = ("dupsrc", f, pos, kind, refs, base_ms)
            copy = ("dupcopy", f, pos, kind, refs, base_ms)
            for _ in range(2 if 2 <= rank < 2 + n_triple else 1):
                to_later = rank == 0 or (rank != 1 and self.rng.random() < 0.85)
                if to_later and f < files - 1:
                    self.place(copy, self.rng.randrange(f + 1, files))
                else:
                    self.place(copy, f, pos + 1)


def build_plan(
    out_dir: Path, lines: int, files: int, seed: int, first_ms: int = START_MS
) -> list[FileTask]:
    planner = Planner(lines, files, seed, first_ms)
    planner.place_fixed_kinds(lines)
    planner.place_duplicates(lines)
    return [
        FileTask(str(out_dir), seed, i, files, planner.sizes[i], planner.specs[i], first_ms)
        for i in range(files)
    ]


# --------------------------------------------------------------------------------------------
# writing one file


def new_counts() -> dict[str, int]:
    counts = dict.fromkeys(
        (
            "blank_lines",
            "payload_rows",
            "duplicate_rows",
            "feedback_rows",
            "assessment_rows",
            "oversize_request_rows",
            "oversize_response_rows",
            "streaming_response_rows",
            "raw_lines",
            "bytes_raw",
            "bytes_disk",
        ),
        0,
    )
    counts.update(dict.fromkeys(REASON_CODES, 0))
    return counts


def special_line(
    task: FileTask,
    rng: random.Random,
    spec: Spec,
    ts_ms: int,
    state: FileState,
    counts: dict[str, int],
) -> bytes:
    """Build the line for a planned position and count it."""
    kind = spec[0]
    if kind == "blank":
        counts["blank_lines"] += 1
        return spec[1].encode("ascii")
    if kind == "bad":
        counts[spec[1]] += 1
        return BAD_LINE_BUILDERS[spec[1]](rng, spec[2], ts_ms)
    if kind == "oversize":
        counts["payload_rows"] += 1
        counts["oversize_request_rows"] += spec[1] in OVERSIZE_REQUEST
        counts["oversize_response_rows"] += spec[1] in OVERSIZE_RESPONSE
        return oversize_line(rng, spec[1], ts_ms)
    line, rid, is_feedback, assessments, streaming = dup_source_line(task.seed, spec)
    if kind == "dupcopy":
        counts["duplicate_rows"] += 1
        return line
    counts["payload_rows"] += 1
    counts["feedback_rows"] += is_feedback
    counts["assessment_rows"] += assessments
    counts["streaming_response_rows"] += streaming
    if not is_feedback:
        state.request_ids.append(rid)
    return line


def ordinary_line(
    rng: random.Random, ts_ms: int, state: FileState, counts: dict[str, int]
) -> bytes:
    """A fresh valid line: a review-app feedback line now and then, else a request line."""
    rid = make_request_id(rng)
    counts["payload_rows"] += 1
    if state.request_ids and rng.random() < 0.05:
        refs = [pick(rng, state.request_ids) for _ in range(2)]
        line, assessments = feedback_line(rng, rid, ts_ms, refs, state)
        counts["feedback_rows"] += 1
        counts["assessment_rows"] += assessments
        return line
    line, streaming = request_log_line(rng, rid, ts_ms, state)
    counts["streaming_response_rows"] += streaming
    state.request_ids.append(rid)
    return line


def open_output(path: Path, gz: bool) -> tuple[IO[bytes], IO[bytes]]:
    raw = open(path, "wb")  # noqa: SIM115 - closed by write_file
    if gz:
        sink = gzip.GzipFile("", "wb", compresslevel=1, fileobj=raw, mtime=0)
        return raw, sink
    return raw, raw


def write_file(task: FileTask) -> dict[str, int]:
    """Write one log file; returns its counts."""
    rng = random.Random(f"{task.seed}/file/{task.index}")
    state = FileState()
    counts = new_counts()
    start_ms, end_ms = task.window
    terminator = b"\r\n" if task.crlf else b"\n"
    path = Path(task.out_dir) / task.name
    raw, sink = open_output(path, task.gz)
    batch: list[bytes] = []
    if starts_with_bom(task.index):
        sink.write(b"\xef\xbb\xbf")
        counts["bytes_raw"] += 3
    try:
        for pos in range(task.n_lines):
            ts_ms = line_base_ms(start_ms, end_ms, task.n_lines, pos)
            ts_ms += rand_int(rng, 0, 3000)
            spec = task.specs.get(pos)
            if spec is None:
                batch.append(ordinary_line(rng, ts_ms, state, counts))
            else:
                batch.append(special_line(task, rng, spec, ts_ms, state, counts))
            if len(batch) >= WRITE_BATCH or pos == task.n_lines - 1:
                chunk = terminator.join(batch) + terminator
                counts["bytes_raw"] += len(chunk)
                sink.write(chunk)
                batch.clear()
    finally:
        if sink is not raw:
            sink.close()
        raw.close()
    counts["raw_lines"] = task.n_lines
    counts["bytes_disk"] = path.stat().st_size
    return counts


# --------------------------------------------------------------------------------------------
# driver


def default_files(lines: int) -> int:
    return max(4, math.ceil(lines / LINES_PER_FILE))


def existing_outputs(out_dir: Path) -> list[Path]:
    return sorted(out_dir.glob("*.jsonl*")) if out_dir.is_dir() else []


def run_tasks(tasks: list[FileTask], workers: int) -> list[dict[str, int]]:
    if workers <= 1 or len(tasks) <= 1:
        return [write_file(task) for task in tasks]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(min(workers, len(tasks))) as pool:
        return list(pool.imap(write_file, tasks, chunksize=1))


def expectations_from(
    seed: int,
    files: int,
    results: list[dict[str, int]],
) -> dict[str, Any]:
    total = new_counts()
    for counts in results:
        for key, value in counts.items():
            total[key] += value
    quarantined = {code: total[code] for code in REASON_CODES}
    payload_rows = total["payload_rows"]
    non_blank = total["raw_lines"] - total["blank_lines"]
    expectations = {
        "seed": seed,
        "files": files,
        "raw_lines_written": total["raw_lines"],
        "blank_lines": total["blank_lines"],
        "non_blank_lines": non_blank,
        "payload_rows": payload_rows,
        "duplicate_rows": total["duplicate_rows"],
        "quarantined_rows": sum(quarantined.values()),
        "quarantined_by_reason": quarantined,
        "feedback_rows": total["feedback_rows"],
        "request_log_rows": payload_rows - total["feedback_rows"],
        "assessment_rows": total["assessment_rows"],
        "oversize_request_rows": total["oversize_request_rows"],
        "oversize_response_rows": total["oversize_response_rows"],
        "streaming_response_rows": total["streaming_response_rows"],
    }
    accounted = payload_rows + total["duplicate_rows"] + sum(quarantined.values())
    if accounted != non_blank:
        raise AssertionError(f"accounting broken: {accounted} != {non_blank}")
    return expectations


def generate_with_stats(
    out_dir: Path,
    lines: int,
    seed: int,
    files: int | None,
    workers: int | None,
    start: datetime = START,
) -> tuple[dict[str, Any], dict[str, int]]:
    """Write the logs; returns (expectations, {"bytes_raw", "bytes_disk"})."""
    if lines < 1:
        raise ValueError("lines must be >= 1")
    files = default_files(lines) if files is None else files
    if files < 1:
        raise ValueError("files must be >= 1")
    out_dir = Path(out_dir)
    if existing_outputs(out_dir):
        raise FileExistsError(f"{out_dir} already contains *.jsonl* files")
    out_dir.mkdir(parents=True, exist_ok=True)
    if workers is None:
        workers = os.cpu_count() or 1
    first_ms = int((start - EPOCH).total_seconds() * 1000)
    results = run_tasks(build_plan(out_dir, lines, files, seed, first_ms), min(workers, files))
    stats = {key: sum(r[key] for r in results) for key in ("bytes_raw", "bytes_disk")}
    return expectations_from(seed, files, results), stats


def generate(
    out_dir: Path,
    lines: int,
    seed: int = 42,
    files: int | None = None,
    workers: int | None = None,
    start: datetime = START,
) -> dict[str, Any]:
    """Write `lines` raw lines into `files` files under out_dir, their request times spread
    over four days from `start` (UTC); returns the expectations."""
    return generate_with_stats(out_dir, lines, seed, files, workers, start)[0]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--lines", type=int, required=True, help="raw lines in total")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--files", type=int, help="default max(4, ceil(N / 250k))")
    parser.add_argument("--expectations", type=Path, help="write the counts as JSON")
    parser.add_argument("--workers", type=int, help="default: CPU count")
    parser.add_argument("--force", action="store_true", help="delete *.jsonl* first")
    parser.add_argument(
        "--start",
        type=datetime.fromisoformat,
        help="UTC time of the first request (default: four days before now, so the sample"
        " ends now and source freshness passes)",
    )
    args = parser.parse_args(argv)
    if args.start is None:
        now = datetime.now(UTC).replace(tzinfo=None, second=0, microsecond=0)
        args.start = now - timedelta(milliseconds=SPAN_MS)
    if args.lines < 1:
        parser.error("--lines must be >= 1")
    if args.files is not None and args.files < 1:
        parser.error("--files must be >= 1")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    existing = existing_outputs(args.out)
    if existing and not args.force:
        print(
            f"error: {args.out} already contains {len(existing)} *.jsonl* file(s); "
            "use --force to replace them",
            file=sys.stderr,
        )
        return 2
    for path in existing:
        path.unlink()
    started = time.perf_counter()
    expectations, stats = generate_with_stats(
        args.out, args.lines, args.seed, args.files, args.workers, args.start
    )
    seconds = time.perf_counter() - started
    if args.expectations is not None:
        args.expectations.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(expectations, indent=2) + "\n"
        args.expectations.write_text(text, encoding="utf-8")
    print(
        f"generated files={expectations['files']} lines={expectations['raw_lines_written']} "
        f"bytes={stats['bytes_disk']} (uncompressed {stats['bytes_raw']}) "
        f"seconds={seconds:.1f} out={args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
