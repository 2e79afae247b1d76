"""A BI client for the publishing test: keeps querying the published snapshot until told to stop.

Each round opens a new read-only SQLAlchemy connection (duckdb-engine), as a dashboard refresh
would, and checks the snapshot is complete and consistent: every table has the row count
recorded when it was published, and the marts agree with each other. Writes a JSON report.

    python tests_py/bi_snapshot_reader.py SNAPSHOT STOP_FILE REPORT
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool


def check_round(url: str) -> tuple[str, list[str]]:
    """(build id of the snapshot read, inconsistencies found)."""
    engine = create_engine(url, poolclass=NullPool)
    problems: list[str] = []
    try:
        with engine.connect() as connection:
            info = connection.execute(
                text("select table_name, row_count, build_invocation_id from _snapshot_info")
            ).fetchall()
            build_ids = {row[2] for row in info}
            for table, expected, _ in info:
                actual = connection.execute(text(f'select count(*) from "{table}"')).scalar()
                if actual != expected:
                    problems.append(f"{table}: {actual} rows, published with {expected}")
            requests = connection.execute(text("select count(*) from inference_requests")).scalar()
            rolled_up = connection.execute(
                text("select coalesce(sum(request_count), 0) from endpoint_daily_usage")
            ).scalar()
            if requests != rolled_up:
                problems.append(f"daily rollup counts {rolled_up} requests, fact has {requests}")
    finally:
        engine.dispose()
    if len(build_ids) != 1:
        problems.append(f"snapshot mixes builds {sorted(build_ids)}")
    return ",".join(sorted(build_ids)), problems


def main(snapshot: str, stop_file: str, report: str) -> None:
    url = f"duckdb:///{snapshot}?access_mode=read_only"
    rounds = 0
    errors: list[str] = []
    problems: list[str] = []
    builds_seen: list[str] = []
    while not Path(stop_file).exists():
        try:
            build_id, found = check_round(url)
        except Exception as error:  # every failure is what the test looks for
            errors.append(f"{type(error).__name__}: {error}")
        else:
            problems.extend(found)
            if not builds_seen or builds_seen[-1] != build_id:
                builds_seen.append(build_id)
        rounds += 1
        time.sleep(0.02)
    Path(report).write_text(
        json.dumps(
            {"rounds": rounds, "errors": errors, "problems": problems, "builds": builds_seen}
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
