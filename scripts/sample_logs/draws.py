"""Cheap random draws and ids, shared by every body and line builder."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


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
