"""Request/response exchanges per served entity, and the per-file state that repeats recent
exchanges under new envelopes (most request lines are such repeats).
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from sample_logs import provider_shapes
from sample_logs.catalogue import pick_entity
from sample_logs.draws import rand_int
from sample_logs.encoding import JsonObj, json_bytes
from sample_logs.request_bodies import (
    agent_request,
    chat_request,
    completions_request,
    embeddings_request,
    query_request,
    responses_request,
    usage_context,
)
from sample_logs.response_bodies import (
    agent_response,
    chat_response,
    completion_response,
    content_response,
    embeddings_response,
    responses_response,
)
from sample_logs.streams import sse_text, stream_chunks
from sample_logs.text import paragraph, sentence
from sample_logs.tokens import token_count

EXCHANGE_CACHE_SIZE = 512
FRESH_EXCHANGE_SHARE = 0.25
Exchange = tuple[JsonObj, Any, bool]


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
