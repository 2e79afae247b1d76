"""Request bodies: chat completions, completions, Responses API, chat agent, query, embeddings."""

from __future__ import annotations

import random
from typing import Any

from sample_logs.catalogue import MODELS, REQUESTERS
from sample_logs.draws import hex_id, pick, rand_int
from sample_logs.encoding import JsonObj
from sample_logs.text import paragraph, sentence


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
