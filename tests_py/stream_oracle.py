"""SPEC §3 rule 5 written again in plain Python, to check the SQL on whole generated samples.

Kept deliberately naive (loops over parsed JSON), so that it shares nothing with the macros.
"""

from __future__ import annotations

import json
import re
from typing import Any

TEXT_PART_TYPES = ("text", "input_text", "output_text")


def parts_text(content: Any) -> str | None:
    """The parts rule: a string is itself; text parts joined with a newline; else None."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [
            part["text"]
            for part in content
            if isinstance(part, dict)
            and part.get("type") in TEXT_PART_TYPES
            and isinstance(part.get("text"), str)
        ]
        return "\n".join(texts) if texts else None
    return None


def stream_events(body: str | None) -> list[dict[str, Any]]:
    """The JSON-object events of a body: a JSON array's objects, or SSE `data:` objects."""
    if body is None:
        return []
    try:
        value = json.loads(body)
    except ValueError:
        events = []
        for line in re.split(r"\r\n|\r|\n", body):
            if line.startswith("data:"):
                try:
                    payload = json.loads(line[5:])
                except ValueError:
                    continue
                if isinstance(payload, dict):
                    events.append(payload)
        return events
    return [event for event in value if isinstance(event, dict)] if isinstance(value, list) else []


def _joined(pieces: list[str | None]) -> str | None:
    present = [piece for piece in pieces if piece is not None]
    return "".join(present) if present else None


def _index(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _chat_chunks(events: list[dict[str, Any]]) -> str | None:
    deltas = []
    for event in events:
        choices = [c for c in event.get("choices") or [] if isinstance(c, dict)]
        zero = [c for c in choices if _index(c.get("index")) == 0]
        deltas.append((zero[0].get("delta") or {}) if zero else {})
    content = _joined([parts_text(delta.get("content")) for delta in deltas])
    if content is not None:
        return content
    refusals = [d.get("refusal") for d in deltas]
    return _joined([r if isinstance(r, str) else None for r in refusals])


def _chat_agent(events: list[dict[str, Any]]) -> str | None:
    return _joined(
        [
            parts_text(event["delta"].get("content"))
            for event in events
            if event.get("type") is None and isinstance(event.get("delta"), dict)
        ]
    )


def _last_assistant_message(items: Any) -> str | None:
    messages = [
        item
        for item in items or []
        if isinstance(item, dict)
        and item.get("type") == "message"
        and item.get("role") == "assistant"
    ]
    return parts_text(messages[-1].get("content")) if messages else None


def _responses(events: list[dict[str, Any]]) -> str | None:
    completed = [e for e in events if e.get("type") == "response.completed"]
    if completed:
        text = _last_assistant_message((completed[-1].get("response") or {}).get("output"))
        if text is not None:
            return text
    done = [
        e["item"]
        for e in events
        if e.get("type") == "response.output_item.done"
        and isinstance(e.get("item"), dict)
        and e["item"].get("type") == "message"
        and e["item"].get("role") == "assistant"
    ]
    if done and parts_text(done[-1].get("content")) is not None:
        return parts_text(done[-1].get("content"))
    deltas = [e.get("delta") for e in events if e.get("type") == "response.output_text.delta"]
    return _joined([d if isinstance(d, str) else None for d in deltas])


def _anthropic(events: list[dict[str, Any]]) -> str | None:
    blocks: dict[int, list[str | None]] = {}
    for event in events:
        delta = event.get("delta")
        if (
            event.get("type") == "content_block_delta"
            and isinstance(delta, dict)
            and delta.get("type") == "text_delta"
        ):
            text = delta.get("text")
            blocks.setdefault(_index(event.get("index")), []).append(
                text if isinstance(text, str) else None
            )
    texts = [_joined(blocks[index]) for index in sorted(blocks)]
    return (
        "\n".join(t for t in texts if t is not None) if any(t is not None for t in texts) else None
    )


def stream_text(body: str | None) -> str | None:
    """SPEC §3 response rule 5 for a body that is a stream; None otherwise."""
    events = stream_events(body)
    for kind in (_chat_chunks, _chat_agent, _responses, _anthropic):
        text = kind(events)
        if text is not None:
            return text
    return None
