"""bin/refresh, the scheduled step (issue 12): two at once both succeed, the second waiting;
a refresh with nothing new builds nothing; what counts as new (scripts/refresh.py)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import duckdb
from conftest import PROJECT_DIR
from generate_sample_logs import generate
from publish_bi_snapshot import INFO_TABLE
from refresh import RefreshRecord, raw_file_listing, reasons_to_build, settled_since

SETTLE_NS = 300 * 10**9


def published_rows(snapshot: Path) -> int:
    with duckdb.connect(str(snapshot), read_only=True) as connection:
        row = connection.execute(
            f"select row_count from {INFO_TABLE} where table_name = 'payload'"
        ).fetchone()
    assert row is not None
    return int(row[0])


def refresh(environment: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(PROJECT_DIR / "bin" / "refresh")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_refreshes_at_once_wait_and_only_new_lines_build(tmp_path: Path) -> None:
    generate(tmp_path / "logs", lines=600, seed=3, files=1)
    environment = {
        **os.environ,
        "RAW_PAYLOAD_PATH": str(tmp_path / "logs" / "*.jsonl*"),
        "DBT_DUCKDB_PATH": str(tmp_path / "warehouse.duckdb"),
        "DBT_DUCKDB_TEMP_DIR": str(tmp_path / "duckdb_tmp"),
        "BI_PUBLISH_DIR": str(tmp_path / "published"),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs_dbt"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    refreshes = [refresh(environment) for _ in range(2)]
    outputs = [process.communicate(timeout=600)[0] for process in refreshes]
    assert [process.returncode for process in refreshes] == [0, 0], outputs[-1][-3000:]
    assert any("waiting for it" in output for output in outputs)
    # The one that waited finds the other's build complete: nothing new, nothing rebuilt.
    assert sorted("BI snapshot published" in output for output in outputs) == [False, True]
    assert any("nothing new since the last refresh" in output for output in outputs)
    snapshot = tmp_path / "published" / "inference_tables.duckdb"
    first_rows = published_rows(snapshot)
    assert first_rows > 0

    (log_file,) = (tmp_path / "logs").iterdir()
    with log_file.open("ab") as handle:
        handle.write(
            b'{"databricks_request_id":"appended-1","request_time":"2026-03-01T00:00:00Z",'
            b'"status_code":200,"request":"{}","response":"{}"}\n'
        )
    process = refresh(environment)
    output = process.communicate(timeout=600)[0]
    assert process.returncode == 0, output[-3000:]
    assert "the raw files, the project or the vars changed" in output
    assert published_rows(snapshot) == first_rows + 1


def record(**changes: object) -> RefreshRecord:
    fields: dict[str, object] = {
        "inputs": "same",
        "started_ns": 1_000 * 10**9,
        "database": [1, 2, 3],
        "had_file_rows": False,
        "published_to": "/published",
    }
    return RefreshRecord(**{**fields, **changes})  # type: ignore[arg-type]


def test_nothing_to_build_when_nothing_changed() -> None:
    assert reasons_to_build(record(), "same", [1, 2, 3], "/published", []) == []
    assert reasons_to_build(record(), "same", [1, 2, 3], None, []) == []


def test_every_change_is_a_reason_to_build() -> None:
    assert reasons_to_build(None, "same", [], None, []) == ["no completed refresh is on record"]
    changed = {
        "inputs": reasons_to_build(record(), "other", [1, 2, 3], None, []),
        "settled": reasons_to_build(record(), "same", [1, 2, 3], None, ["a.jsonl"]),
        "file rows": reasons_to_build(record(had_file_rows=True), "same", [1, 2, 3], None, []),
        "database": reasons_to_build(record(), "same", [1, 2, 4], None, []),
        "database gone": reasons_to_build(record(), "same", [], None, []),
        "publish": reasons_to_build(record(published_to=None), "same", [1, 2, 3], "/p", []),
    }
    assert all(len(reasons) == 1 for reasons in changed.values()), changed


def test_a_file_that_settled_since_the_last_build_is_new_work() -> None:
    last_build = 1_000 * 10**9
    listing = [
        ("settled-before.jsonl", 1, last_build - SETTLE_NS - 1, 0, 0),
        ("settles-now.jsonl", 1, last_build - 10**9, 0, 0),
        ("still-fresh.jsonl", 1, last_build + 10**9, 0, 0),
    ]
    now = last_build + SETTLE_NS
    assert settled_since(listing, last_build, now, SETTLE_NS) == ["settles-now.jsonl"]
    assert settled_since(listing, last_build, last_build + 10**9, SETTLE_NS) == []


def test_the_listing_changes_with_appends_renames_and_permissions(tmp_path: Path) -> None:
    log_file = tmp_path / "a.jsonl"
    log_file.write_text("{}\n")
    (tmp_path / "a.jsonl.tmp").write_text("{}\n")  # never read, never listed
    glob = str(tmp_path / "*")
    before = raw_file_listing(glob)
    assert [entry[0] for entry in before] == [str(log_file)]
    time.sleep(0.05)  # past the file system's timestamp granularity
    log_file.chmod(0o600)
    after_chmod = raw_file_listing(glob)
    with log_file.open("a") as handle:
        handle.write("{}\n")
    after_append = raw_file_listing(glob)
    log_file.rename(tmp_path / "b.jsonl")
    after_rename = raw_file_listing(glob)
    assert len({str(x) for x in (before, after_chmod, after_append, after_rename)}) == 4
