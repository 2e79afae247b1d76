"""A live gateway folder (SPEC §8): after every build, the tables equal one full build over
the files as they are then, and the invariant holds, whatever the gateway did in between."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
from build_summary import summarize
from compare_builds import RUN_TIME_COLUMNS
from conftest import DbtProject
from generate_sample_logs import generate
from test_incremental import BUILD_MODELS, PUBLIC_TABLES, comparable
from test_live_files_reader import append

INFINITY_LINE = (
    b'{"databricks_request_id":"at-infinity","request_time":"infinity","status_code":200}'
)
AN_HOUR_AGO = time.time() - 3600
# Half-written lines must stay unsettled through the whole test, however slow the machine
# (with the default 300 s, a live build and the full build after it could judge a file on
# either side of the limit), while the gzip file dated an hour ago counts as settled.
SETTINGS = {"raw_file_settle_seconds": 1800}


def comparable_rows(project: DbtProject) -> dict[str, list[str]]:
    """Every public table's rows without the paths, which rotation changes (SPEC §8)."""
    tables: dict[str, list[str]] = {}
    with duckdb.connect(str(project.database), read_only=True) as connection:
        for table in PUBLIC_TABLES:
            cursor = connection.execute(f"select * from {table}")
            names = [column[0] for column in cursor.description]
            kept = [
                index
                for index, name in enumerate(names)
                if "source_file" not in name and name not in RUN_TIME_COLUMNS
            ]
            tables[table] = sorted(
                json.dumps(comparable([row[index] for index in kept]), default=str)
                for row in cursor.fetchall()
            )
    return tables


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """Generated lines, good and bad, one line per request id (so no copy changes hands when a
    rotated file's path changes)."""
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, lines=2400, seed=5, files=4)
    seen: set[str] = set()
    kept: list[bytes] = []
    for path in sorted(folder.iterdir()):
        content = path.read_bytes()
        for line in (gzip.decompress(content) if path.suffix == ".gz" else content).splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            request_id = record.get("databricks_request_id") if isinstance(record, dict) else None
            if isinstance(request_id, str) and request_id in seen:
                continue
            seen.add(str(request_id))
            kept.append(line)
    return kept


def block(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def compress_in_place(path: Path) -> None:
    packed = path.with_name(path.name + ".gz")
    packed.write_bytes(gzip.compress(path.read_bytes()))
    path.unlink()


def truncated_gzip(path: Path, content: bytes, modified: float | None = None) -> None:
    packed = gzip.compress(content)
    path.write_bytes(packed[: len(packed) * 3 // 4])
    if modified is not None:
        os.utime(path, (modified, modified))


def steps(landing: Path, lines: list[bytes]) -> list[tuple[str, Callable[[], None]]]:
    current = landing / "gw-a.jsonl"
    cut = len(lines[400]) // 2

    def start() -> None:
        current.write_bytes(block(lines[:200]) + INFINITY_LINE + b"\n")
        append(current, block(lines[200:400]), lines[400][:cut])  # a half-written last line
        (landing / "gw-b.jsonl.tmp").write_bytes(block(lines[800:900]) + lines[900][:10])

    def grow() -> None:
        append(current, lines[400][cut:], b"\n", block(lines[401:600]))

    def rotate_by_rename_and_rename_a_temp_file() -> None:
        append(current, block(lines[600:650]))
        current.rename(landing / "gw-a.1.jsonl")
        current.write_bytes(block(lines[650:700]))
        (landing / "gw-b.jsonl.tmp").rename(landing / "gw-b.jsonl")

    def compress_in_place_and_copytruncate() -> None:
        compress_in_place(landing / "gw-a.1.jsonl")
        append(current, block(lines[700:750]))
        shutil.copy(current, landing / "gw-a.2.jsonl")
        current.write_bytes(block(lines[750:800]))

    def damage() -> None:
        truncated_gzip(landing / "gw-c.jsonl.gz", block(lines[1000:1200]), AN_HOUR_AGO)
        truncated_gzip(landing / "gw-d.jsonl.gz", block(lines[1200:1300]))  # still written
        (landing / "loop.jsonl").symlink_to(landing / "loop.jsonl")
        Path(os.fsdecode(bytes(landing) + b"/odd-\xff.jsonl")).write_bytes(block(lines[1300:1310]))
        locked = landing / "locked.jsonl"
        locked.write_bytes(block(lines[1310:1320]))
        locked.chmod(0)

    def repair() -> None:
        (landing / "gw-c.jsonl.gz").write_bytes(gzip.compress(block(lines[1000:1200])))
        (landing / "gw-d.jsonl.gz").write_bytes(gzip.compress(block(lines[1200:1300])))
        (landing / "loop.jsonl").unlink()
        Path(os.fsdecode(bytes(landing) + b"/odd-\xff.jsonl")).rename(landing / "odd.jsonl")
        (landing / "locked.jsonl").chmod(0o644)

    return [
        ("start", start),
        ("grow", grow),
        ("rotate", rotate_by_rename_and_rename_a_temp_file),
        ("compress and copytruncate", compress_in_place_and_copytruncate),
        ("damage", damage),
        ("repair", repair),
    ]


def test_every_build_of_a_live_folder_equals_one_full_build_over_its_files(
    dbt_project_factory: Any, lines: list[bytes]
) -> None:
    live = dbt_project_factory("live")
    landing = live.workdir / "landing"
    landing.mkdir()
    glob = landing / "*"
    for name, change in steps(landing, lines):
        change()
        build = live.run("build", raw_payload_path=glob, check=False, variables=SETTINGS)
        assert build.returncode == 0, f"{name}:\n{build.output[-6000:]}"
        summary = summarize(str(live.database))
        assert summary.invariant_holds, (name, summary)
        reference = dbt_project_factory("reference")
        reference.run(*BUILD_MODELS, raw_payload_path=glob, variables=SETTINGS)
        assert comparable_rows(live) == comparable_rows(reference), name
        # No incremental run leaves its batch behind in a __dbt_tmp table.
        assert not live.query(
            "select table_name from information_schema.tables where table_name like '%dbt_tmp%'"
        ), name
        if name == "start":
            assert live.query(
                "select quarantine_reason from payload_quarantine"
                " where databricks_request_id = 'at-infinity'"
            ) == [("INVALID_REQUEST_TIME",)]
            assert not live.query(
                "select * from stg_gateway__payload_lines where source_file like '%.tmp'"
            )
        if name == "damage":
            unread = {Path(path).name: reason for reason, path in file_rows(live)}
            expected = {"gw-c.jsonl.gz": "CORRUPT_GZIP", "loop.jsonl": "UNREADABLE_FILE"}
            expected["odd-\ufffd.jsonl"] = "UNREADABLE_FILE"
            if os.geteuid() != 0:  # root reads files without read permission
                expected["locked.jsonl"] = "UNREADABLE_FILE"
            assert unread == expected
            assert "WARN" in build.output and "assert_every_raw_file_was_read" in build.output
        if name == "repair":
            assert file_rows(live) == []
    assert live.query("select count(*) from payload") == reference.query(
        "select count(*) from payload"
    )


def file_rows(project: DbtProject) -> list[tuple[str, str]]:
    return project.query(
        "select quarantine_reason, source_file from payload_quarantine where raw_line is null"
    )
