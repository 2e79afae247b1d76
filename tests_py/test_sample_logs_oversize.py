"""Oversize bodies (over and exactly at the 1 MiB limit) and the size of ordinary lines."""

from __future__ import annotations

from pathlib import Path

import generate_sample_logs as gen
from sample_logs_helpers import LIMIT, Scan
from sample_logs_rules import body_text, utf8_len

pytest_plugins = ["sample_logs_fixtures"]


def test_oversize_bodies(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    bodies = [(key, r.get(key)) for r in result.payload.values() for key in ("request", "response")]
    two_byte = [
        (key, value)
        for key, value in bodies
        if key == "request" and "é" * 600_000 in (body_text(value) or "")
    ]
    assert {type(value) for _, value in two_byte} == {str, dict}
    for _, value in two_byte:
        text = body_text(value) or ""
        assert len(text) < LIMIT < utf8_len(text)
    exact = [(k, v) for k, v in bodies if isinstance(v, str) and utf8_len(v) == LIMIT]
    assert sorted(k for k, _ in exact) == ["request", "response"]
    plus_one = [(k, v) for k, v in bodies if isinstance(v, str) and utf8_len(v) == LIMIT + 1]
    assert sorted(k for k, _ in plus_one) == ["request", "response"]


def test_average_line_size(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    ordinary = [size for size in result.line_sizes if size < 100_000]
    assert 600 <= sum(ordinary) / len(ordinary) <= 1500
    assert len(result.line_sizes) - len(ordinary) == len(gen.OVERSIZE_VARIANTS)
