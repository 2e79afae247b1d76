"""JSON text of bodies: compact UTF-8 bytes, or a string as a client might have sent it."""

from __future__ import annotations

import json
import random
from typing import Any

JsonObj = dict[str, Any]
_COMPACT = json.JSONEncoder(
    ensure_ascii=False,
    separators=(",", ":"),
    check_circular=False,
)
_SPACED = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2, check_circular=False)


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
