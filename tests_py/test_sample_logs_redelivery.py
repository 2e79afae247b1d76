"""Redelivered lines: byte-identical copies, later in the same file or in a later file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sample_logs_helpers import Scan

pytest_plugins = ["sample_logs_fixtures"]


def test_duplicates_are_byte_identical_redeliveries(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    later_file = same_file = 0
    for rid, line, place in result.copies:
        assert line == result.first_line[rid]
        first = result.first_place[rid]
        assert place > first
        later_file += place[0] > first[0]
        same_file += place[0] == first[0]
    assert later_file > same_file > 0
    per_id = Counter(rid for rid, _, _ in result.copies)
    assert max(per_id.values()) == 2  # some ids are delivered three times
