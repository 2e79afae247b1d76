"""Export the `training_corpus` mart as JSON Lines, one labelled example per line.

Each line is an object with `databricks_request_id`, `conversation_id`, `endpoint_name`,
`prompt`, `response`, `label` and `request_time` (ISO-8601, UTC), in request-time order. By
default it reads the published BI snapshot, so it never waits for a running build; rows whose
prompt or response is NULL (oversize or textless bodies) are left out unless
`--include-incomplete` is given. The file is written to a temporary name and renamed.

    python scripts/export_training_corpus.py --out data/training_corpus.jsonl
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb
from publish_bi_snapshot import sql_string

COLUMNS = (
    "databricks_request_id",
    "conversation_id",
    "endpoint_name",
    "prompt",
    "response",
    "label",
    "request_time",
)


def export(database: Path, out: Path, include_incomplete: bool = False) -> int:
    """Write the corpus to `out`; returns the number of examples written."""
    where = "" if include_incomplete else "where prompt is not null and response is not null"
    query = (
        f"select {', '.join(COLUMNS[:-1])}, strftime(request_time, '%Y-%m-%dT%H:%M:%S.%gZ')"
        f" as request_time from training_corpus {where}"
        " order by request_time, databricks_request_id"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            # COPY answers with the number of rows it wrote.
            row = connection.execute(
                f"copy ({query}) to {sql_string(temporary)} (format json)"
            ).fetchone()
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)
    return int(row[0]) if row else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_database = Path(os.environ.get("BI_PUBLISH_DIR", "data/published"))
    parser.add_argument(
        "--database",
        type=Path,
        default=default_database / "inference_tables.duckdb",
        help="DuckDB file holding training_corpus (default: the published BI snapshot)",
    )
    parser.add_argument("--out", type=Path, default=Path("data/training_corpus.jsonl"))
    parser.add_argument(
        "--include-incomplete",
        action="store_true",
        help="also export examples whose prompt or response is NULL",
    )
    args = parser.parse_args(argv)
    written = export(args.database, args.out, args.include_incomplete)
    print(f"wrote {written:,} examples to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
