"""bin/refresh, the scheduled step: two at once both succeed, the second waiting (issue 12)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import duckdb
from conftest import PROJECT_DIR
from generate_sample_logs import generate
from publish_bi_snapshot import INFO_TABLE


def test_two_refreshes_at_once_both_succeed(tmp_path: Path) -> None:
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
    refreshes = [
        subprocess.Popen(
            [str(PROJECT_DIR / "bin" / "refresh")],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [refresh.communicate(timeout=600)[0] for refresh in refreshes]
    assert [refresh.returncode for refresh in refreshes] == [0, 0], outputs[-1][-3000:]
    assert any("waiting for it" in output for output in outputs)
    assert all("BI snapshot published" in output for output in outputs)
    snapshot = tmp_path / "published" / "inference_tables.duckdb"
    with duckdb.connect(str(snapshot), read_only=True) as connection:
        row = connection.execute(f"select max(row_count) from {INFO_TABLE}").fetchone()
    assert row is not None and row[0] > 0
