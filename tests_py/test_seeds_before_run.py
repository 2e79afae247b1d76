"""`dbt run` on a fresh database: a clear message instead of a missing-table error."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_dbt_run_before_dbt_seed_says_what_to_do(dbt_project_factory: Any, tmp_path: Path) -> None:
    project = dbt_project_factory("run_before_seed")
    (tmp_path / "a.jsonl").write_text(
        '{"databricks_request_id":"r1","request_time":"2026-01-01T00:00:00Z","status_code":200}\n'
    )
    glob = tmp_path / "*.jsonl"
    result = project.run("run", raw_payload_path=glob, check=False)
    assert result.returncode != 0
    assert "dbt seed" in result.output and "served_entities" in result.output
    project.run("seed", raw_payload_path=glob)
    project.run("run", raw_payload_path=glob)
    assert project.query("select count(*) from payload") == [(1,)]
