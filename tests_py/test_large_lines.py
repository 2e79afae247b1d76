"""A 300 MB line, valid or not, builds within the default memory limit (issue 12: it ran out
of memory at 2 GB, and so did every build after it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from build_summary import summarize
from conftest import DbtProject

CHUNK = b"information about the request, " * 32 * 1024  # 1 MiB, with words like 'inf'
CHUNKS = 300


def write_long_line(handle: Any, start: bytes, end: bytes) -> None:
    handle.write(start)
    for _ in range(CHUNKS):
        handle.write(CHUNK)
    handle.write(end + b"\n")


def test_300_mb_lines_build_within_the_memory_limit(
    dbt_project_factory: Any, tmp_path: Path
) -> None:
    envelope = b'"request_time":"2026-11-28T00:00:00Z","status_code":200'
    log = tmp_path / "logs" / "big.jsonl"
    log.parent.mkdir()
    with log.open("wb") as handle:
        handle.write(b'{"databricks_request_id":"small",' + envelope + b"}\n")
        start = b'{"databricks_request_id":"big",' + envelope + b',"request":{"messages":[{'
        write_long_line(handle, start + b'"role":"user","content":"', b'"}]},"response":"ok"}')
        start = b'{"databricks_request_id":"broken",' + envelope + b',"request":"'
        write_long_line(handle, start, b'",}')  # a trailing comma: not JSON
    project: DbtProject = dbt_project_factory("large_lines")
    project.run("build", raw_payload_path=log.parent / "*.jsonl")
    assert project.query(
        "select databricks_request_id, request is null, response, logging_error_codes"
        " from payload order by 1"
    ) == [("big", True, "ok", ["MAX_REQUEST_SIZE_EXCEEDED"]), ("small", True, None, [])]
    assert project.query("select quarantine_reason, strlen(raw_line) from payload_quarantine") == [
        ("INVALID_JSON", len(start) + CHUNKS * len(CHUNK) + 3)
    ]
    assert summarize(str(project.database)).invariant_holds
