"""A quote in the raw-logs path is just a character (issue 12, SPEC §1: vars reach SQL quoted)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from conftest import PROJECT_DIR, DbtProject
from generate_sample_logs import generate


def test_a_folder_with_a_quote_builds(dbt_project_factory: Any, tmp_path: Path) -> None:
    logs = tmp_path / "O'Brien logs"
    expected = generate(logs, lines=400, seed=5, files=1)
    project: DbtProject = dbt_project_factory("quoted_path")
    project.run("build", raw_payload_path=logs / "*.jsonl*")
    assert project.query("select count(*) from payload")[0][0] == expected["payload_rows"]
    freshness = project.run("source", "freshness", raw_payload_path=logs / "*.jsonl*", check=False)
    assert "raw_payload_files" in freshness.output and "Runtime Error" not in freshness.output


def test_a_crafted_glob_reads_no_file_outside_it(dbt_project_factory: Any, tmp_path: Path) -> None:
    """A value that once closed the SQL string and opened another glob matches nothing."""
    outside = tmp_path / "outside"
    generate(outside, lines=300, seed=6, files=1)
    crafted = f"{tmp_path}/none/*.jsonl') union all select * from glob('{outside}/*.jsonl"
    project: DbtProject = dbt_project_factory("crafted_path")
    result = project.run("build", raw_payload_path=crafted, check=False)
    assert result.returncode != 0
    assert "No raw payload log file matches" in result.output


def test_bin_scripts_pass_the_glob_as_json(tmp_path: Path) -> None:
    glob = "/logs/it's {a,b}/*.jsonl*"
    script = f'source "{PROJECT_DIR}/bin/lib/raw-payload-path.sh" && raw_payload_vars'
    environment = {**os.environ, "RAW_PAYLOAD_PATH": glob}
    completed = subprocess.run(
        ["bash", "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    assert json.loads(completed.stdout) == {"raw_payload_path": glob}
