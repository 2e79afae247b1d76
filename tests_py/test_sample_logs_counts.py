"""Counts: the expectations the generator reports equal an independent re-count of its files."""

from __future__ import annotations

from pathlib import Path

import generate_sample_logs as gen
from sample_logs_helpers import EXPECTED_KEYS, N_LINES, REASONS, SEED, Scan, scan

pytest_plugins = ["sample_logs_fixtures"]


def test_expectations_have_the_documented_keys(generated: tuple[Path, dict, Scan]) -> None:
    _, expectations, _ = generated
    assert list(expectations) == EXPECTED_KEYS
    assert list(expectations["quarantined_by_reason"]) == REASONS
    assert expectations["seed"] == SEED


def test_exact_line_count(generated: tuple[Path, dict, Scan]) -> None:
    _, expectations, result = generated
    assert result.raw_lines == N_LINES
    assert expectations["raw_lines_written"] == N_LINES
    assert expectations["files"] == 4 == len(result.files)


def test_accounting_invariant(generated: tuple[Path, dict, Scan]) -> None:
    _, e, _ = generated
    assert e["non_blank_lines"] == e["payload_rows"] + e["duplicate_rows"] + e["quarantined_rows"]
    assert e["raw_lines_written"] == e["non_blank_lines"] + e["blank_lines"]
    assert e["quarantined_rows"] == sum(e["quarantined_by_reason"].values())
    assert e["request_log_rows"] == e["payload_rows"] - e["feedback_rows"]


def test_independent_recount_matches_expectations(generated: tuple[Path, dict, Scan]) -> None:
    _, expectations, result = generated
    assert result.expectations(SEED) == expectations


def test_every_kind_of_line_is_present(generated: tuple[Path, dict, Scan]) -> None:
    _, e, _ = generated
    for reason in REASONS:
        assert e["quarantined_by_reason"][reason] >= 1, reason
    for key in ("blank_lines", "duplicate_rows", "feedback_rows", "assessment_rows"):
        assert e[key] >= 1, key
    assert e["streaming_response_rows"] >= 1
    assert e["oversize_request_rows"] == 4
    assert e["oversize_response_rows"] == 2


def test_small_runs_keep_exact_counts(tmp_path: Path) -> None:
    for lines, files in ((1, 1), (10, None), (1999, 3)):
        out_dir = tmp_path / f"n{lines}"
        e = gen.generate(out_dir, lines, seed=1, files=files, workers=1)
        result = scan(out_dir)
        assert result.raw_lines == lines == e["raw_lines_written"]
        assert len(result.files) == (files or 4)
        assert result.expectations(1) == e
        assert e["oversize_request_rows"] == 0  # huge bodies only from 2000 lines on
