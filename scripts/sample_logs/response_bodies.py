"""Response bodies that are not streams: chat completion, completion, Responses `output`,
chat agent `messages`, `{"content": ...}`, embeddings, error bodies.
"""

from __future__ import annotations

import random

from sample_logs.catalogue import MODELS
from sample_logs.draws import hex_id, make_request_id, pick, rand_int
from sample_logs.encoding import JsonObj
from sample_logs.tokens import token_count
from sample_logs.traces import trace_v1, trace_v2, trace_v3


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
