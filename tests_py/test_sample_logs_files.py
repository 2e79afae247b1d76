"""Files and command line: names, gzip, line endings, byte-order mark, determinism, --force,
--start.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import generate_sample_logs as gen
import pytest
from sample_logs_helpers import EXPECTED_KEYS, NAME_RE, Scan, file_bytes, log_files, scan
from sample_logs_rules import parse_time

pytest_plugins = ["sample_logs_fixtures"]


def test_file_names_gzip_and_line_endings(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    names = [p.name for p in result.files]
    matches = [NAME_RE.match(name) for name in names]
    assert all(matches), names
    assert [int(m.group(3)) for m in matches] == list(range(len(names)))
    stamps = [m.group(1) + m.group(2) for m in matches]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    gz = [p for p in result.files if p.name.endswith(".gz")]
    assert gz, "no gzip file"
    for path in gz:
        assert path.read_bytes()[:2] == b"\x1f\x8b"
        with gzip.open(path, "rb") as handle:
            assert handle.read(1) == b"{"
    crlf = [p for p in result.files if file_bytes(p).endswith(b"\r\n")]
    assert crlf and len(crlf) < len(result.files)
    bom = [p for p in result.files if file_bytes(p).startswith(b"\xef\xbb\xbf")]
    assert len(bom) == 1, "one file opens with a UTF-8 byte-order mark"


def test_deterministic_output(tmp_path: Path) -> None:
    first = gen.generate(tmp_path / "a", 3000, seed=3, workers=1)
    second = gen.generate(tmp_path / "b", 3000, seed=3, workers=2)
    assert first == second
    a_files, b_files = log_files(tmp_path / "a"), log_files(tmp_path / "b")
    assert [p.name for p in a_files] == [p.name for p in b_files]
    for a, b in zip(a_files, b_files, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    gen.generate(tmp_path / "c", 3000, seed=4, workers=1)
    assert log_files(tmp_path / "c")[0].read_bytes() != a_files[0].read_bytes()


def test_refuses_non_empty_out_dir_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    stale = out_dir / "old.jsonl"
    stale.write_text("{}\n")
    args = ["--out", str(out_dir), "--lines", "50", "--workers", "1"]
    assert gen.main(args) == 2
    assert "already contains" in capsys.readouterr().err
    assert stale.exists()
    with pytest.raises(FileExistsError):
        gen.generate(out_dir, 50)

    expectations_path = tmp_path / "expect.json"
    assert gen.main([*args, "--force", "--expectations", str(expectations_path)]) == 0
    summary = capsys.readouterr().out.strip().splitlines()
    assert len(summary) == 1 and "lines=50" in summary[0] and "seconds=" in summary[0]
    assert not stale.exists()
    written = json.loads(expectations_path.read_text())
    assert list(written) == EXPECTED_KEYS
    assert scan(out_dir).expectations(42) == written


def test_cli_rejects_bad_arguments() -> None:
    with pytest.raises(SystemExit) as excinfo:
        gen.main(["--out", "/tmp/never-used", "--lines", "0"])
    assert excinfo.value.code == 2


def test_cli_sample_ends_now_and_start_moves_it(tmp_path: Path) -> None:
    """The command-line sample is dated relative to today, so freshness and `current_date`
    queries work on it; --start fixes the dates."""
    assert gen.main(["--out", str(tmp_path / "now"), "--lines", "2100", "--files", "2"]) == 0
    times = [t for r in scan(tmp_path / "now").payload.values() if (t := parse_time(r))]
    assert abs((max(times) - datetime.now(UTC)).total_seconds()) < 3600
    start = ["--start", "2025-06-01T00:00:00"]
    assert gen.main(["--out", str(tmp_path / "fixed"), "--lines", "2100", *start]) == 0
    times = [t for r in scan(tmp_path / "fixed").payload.values() if (t := parse_time(r))]
    assert min(times) >= datetime(2025, 6, 1, tzinfo=UTC) - gen.timedelta(hours=1)
    assert max(times) <= datetime(2025, 6, 5, 1, tzinfo=UTC)
