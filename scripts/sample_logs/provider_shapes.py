"""Bodies in the shapes real providers and gateways log (docs/payload_formats.md and §6, revised).

Each builder takes the texts it must carry (the question, the answer) and returns bodies whose
extracted text is exactly that answer, so an end-to-end build can be checked against it:
Anthropic Messages (plain, tool use, streamed as SSE with `event:` lines or as a JSON array),
OpenAI Responses event streams, MLflow chat-agent chunk streams, chat-completion chunks with
parts deltas and n > 1 choices, refusals, and batched string inputs.
"""

from __future__ import annotations

import json
import random
from typing import Any

from sample_logs.tokens import token_count

JsonObj = dict[str, Any]

ANTHROPIC_MODEL = "claude-sonnet-4"
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _id(rng: random.Random, prefix: str, digits: int = 16) -> str:
    return prefix + f"{rng.getrandbits(4 * digits):0{digits}x}"


def _pieces(rng: random.Random, text: str) -> list[str]:
    """The text cut into 2 to 6 consecutive pieces (word boundaries kept)."""
    words = text.split(" ")
    step = max(1, len(words) // rng.randint(2, 6))
    pieces = [" ".join(words[i : i + step]) for i in range(0, len(words), step)]
    return [p + " " for p in pieces[:-1]] + pieces[-1:]


def sse_events(events: list[JsonObj], named: bool) -> str:
    """SSE text: `event: <type>` lines before each payload when `named` (Anthropic, Responses)."""
    lines = []
    for event in events:
        if named:
            lines.append(f"event: {event['type']}\n")
        lines.append(f"data: {_COMPACT.encode(event)}\n\n")
    return "".join(lines)


# --------------------------------------------------------------------------------------------
# Anthropic Messages


def anthropic_request(rng: random.Random, question: str, system: str, stream: bool) -> JsonObj:
    """A Messages request; with tool use, the last user turn holds only a tool_result."""
    messages: list[JsonObj] = [{"role": "user", "content": question}]
    if rng.random() < 0.4:
        tool_id = _id(rng, "toolu_", 24)
        messages.append(
            {
                "role": "assistant",
                "content": [
                    {"type": "text", "text": "Let me look that up."},
                    {"type": "tool_use", "id": tool_id, "name": "search", "input": {"q": "x"}},
                ],
            }
        )
        result = {"type": "tool_result", "tool_use_id": tool_id, "content": "3 results"}
        messages.append({"role": "user", "content": [result]})
    body: JsonObj = {"model": ANTHROPIC_MODEL, "max_tokens": 1024, "system": system}
    body["messages"] = messages
    if stream:
        body["stream"] = True
    return body


def anthropic_response(rng: random.Random, answer: str, input_tokens: int) -> JsonObj:
    content: list[JsonObj] = []
    if rng.random() < 0.3:
        content.append({"type": "thinking", "thinking": "Checking the facts.", "signature": "s"})
    content.append({"type": "text", "text": answer})
    return {
        "id": _id(rng, "msg_", 24),
        "type": "message",
        "role": "assistant",
        "model": ANTHROPIC_MODEL,
        "content": content,
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": input_tokens, "output_tokens": token_count(answer)},
    }


def anthropic_stream(rng: random.Random, answer: str, input_tokens: int) -> list[JsonObj]:
    """Message events: one text block carrying the answer, sometimes a tool_use block after."""
    message = {
        "id": _id(rng, "msg_", 24),
        "type": "message",
        "role": "assistant",
        "model": ANTHROPIC_MODEL,
        "content": [],
        "usage": {"input_tokens": input_tokens, "output_tokens": 1},
    }
    events: list[JsonObj] = [{"type": "message_start", "message": message}]
    text_block = {"type": "text", "text": ""}
    events.append({"type": "content_block_start", "index": 0, "content_block": text_block})
    for i, piece in enumerate(_pieces(rng, answer)):
        delta = {"type": "text_delta", "text": piece}
        events.append({"type": "content_block_delta", "index": 0, "delta": delta})
        if i == 0:
            events.append({"type": "ping"})
    events.append({"type": "content_block_stop", "index": 0})
    if rng.random() < 0.3:
        block = {"type": "tool_use", "id": _id(rng, "toolu_", 24), "name": "f", "input": {}}
        events.append({"type": "content_block_start", "index": 1, "content_block": block})
        delta = {"type": "input_json_delta", "partial_json": '{"q": 1}'}
        events.append({"type": "content_block_delta", "index": 1, "delta": delta})
        events.append({"type": "content_block_stop", "index": 1})
    usage: JsonObj = {"output_tokens": token_count(answer)}
    if rng.random() < 0.3:  # newer API versions repeat the input count here
        usage["input_tokens"] = input_tokens
    stop = {"stop_reason": "end_turn", "stop_sequence": None}
    events.append({"type": "message_delta", "delta": stop, "usage": usage})
    events.append({"type": "message_stop"})
    return events


# --------------------------------------------------------------------------------------------
# OpenAI Responses streams


def responses_stream(rng: random.Random, answer: str, input_tokens: int) -> list[JsonObj]:
    """Responses events; a stream cut before response.completed ends on its text deltas."""
    response_id = _id(rng, "resp_")
    item = {"type": "message", "id": _id(rng, "msg_"), "role": "assistant", "content": []}
    part = {"type": "output_text", "text": answer, "annotations": []}
    events: list[JsonObj] = [
        {"type": "response.created", "response": {"id": response_id, "output": [], "usage": None}},
        {"type": "response.output_item.added", "output_index": 0, "item": item},
    ]
    for piece in _pieces(rng, answer):
        delta = {"type": "response.output_text.delta", "output_index": 0, "content_index": 0}
        events.append({**delta, "delta": piece})
    events.append({"type": "response.output_text.done", "output_index": 0, "text": answer})
    if rng.random() < 0.15:
        return events
    done_item = {**item, "status": "completed", "content": [part]}
    events.append({"type": "response.output_item.done", "output_index": 0, "item": done_item})
    usage = {"input_tokens": input_tokens, "output_tokens": token_count(answer)}
    usage["total_tokens"] = usage["input_tokens"] + usage["output_tokens"]
    completed = {"id": response_id, "status": "completed", "output": [done_item], "usage": usage}
    events.append({"type": "response.completed", "response": completed})
    for number, event in enumerate(events):
        event["sequence_number"] = number
    return events


# --------------------------------------------------------------------------------------------
# MLflow chat agents and chat completions


def chat_agent_stream(rng: random.Random, answer: str) -> list[JsonObj]:
    """ChatAgentChunk objects: no `type`, a `delta` message per piece of the answer."""
    message_id = _id(rng, "msg-", 12)
    chunks = [
        {"delta": {"role": "assistant", "content": p, "id": message_id}}
        for p in _pieces(rng, answer)
    ]
    if rng.random() < 0.3:
        chunks[-1]["usage"] = {"prompt_tokens": 10, "completion_tokens": token_count(answer)}
    return chunks


def chat_chunks_with_variants(
    rng: random.Random, answer: str, prompt_tokens: int, other_answer: str
) -> list[JsonObj]:
    """Chat chunks with parts deltas for some pieces and, with n = 2, a second choice that
    streams `other_answer` interleaved with choice 0 (which alone carries the answer)."""
    chunk_id = _id(rng, "chatcmpl-")
    two_choices = rng.random() < 0.5
    others = _pieces(rng, other_answer) if two_choices else []
    chunks: list[JsonObj] = []
    for i, piece in enumerate(_pieces(rng, answer)):
        content: Any = [{"type": "text", "text": piece}] if rng.random() < 0.5 else piece
        choices = [{"index": 0, "delta": {"content": content}, "finish_reason": None}]
        if i < len(others):
            other = {"index": 1, "delta": {"content": others[i]}, "finish_reason": None}
            choices.insert(0, other)
        chunks.append({"id": chunk_id, "object": "chat.completion.chunk", "choices": choices})
    usage = {"prompt_tokens": prompt_tokens, "completion_tokens": token_count(answer)}
    usage["total_tokens"] = prompt_tokens + usage["completion_tokens"]
    chunks.append(
        {"id": chunk_id, "object": "chat.completion.chunk", "choices": [], "usage": usage}
    )
    return chunks


def refusal_response(rng: random.Random, refusal: str, prompt_tokens: int) -> JsonObj:
    message = {"role": "assistant", "content": None, "refusal": refusal}
    usage = {"prompt_tokens": prompt_tokens, "completion_tokens": token_count(refusal)}
    return {
        "id": _id(rng, "chatcmpl-"),
        "object": "chat.completion",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": usage,
    }


def two_choice_response(rng: random.Random, answer: str, other: str, prompt_tokens: int) -> JsonObj:
    """n = 2: the index-1 choice comes first in the array; index 0 carries the answer."""
    choices = [
        {"index": 1, "message": {"role": "assistant", "content": other}, "finish_reason": "stop"},
        {"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"},
    ]
    completion_tokens = token_count(answer) + token_count(other)
    usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens}
    return {
        "id": _id(rng, "chatcmpl-"),
        "object": "chat.completion",
        "choices": choices,
        "usage": usage,
    }
