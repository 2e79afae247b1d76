"""Chat completion chunk streams (running `usage` totals), as a chunk array or as SSE text."""

from __future__ import annotations

import random

from sample_logs.draws import hex_id, rand_int
from sample_logs.encoding import _COMPACT, JsonObj
from sample_logs.response_bodies import chat_usage
from sample_logs.tokens import token_count


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
