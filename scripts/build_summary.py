"""Print a short summary of a built inference-tables DuckDB file.

Rows per table, quarantined lines by reason, duplicates, the accounting invariant
(docs/input_format.md: non-blank raw lines = payload + duplicates + quarantined lines), and the
raw files the build could not read (file rows, which are not lines), and the monitoring alerts
firing (docs/monitoring.md). Exits 1 when the
invariant does not hold, so scripts can rely on it.

    python scripts/build_summary.py --database data/inference_tables.duckdb
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field

import duckdb
from firing_alerts import firing_alerts

TABLES = (
    "payload",
    "payload_request_logs",
    "payload_assessment_logs",
    "latest_assessments",
    "endpoint_usage",
    "inference_requests",
    "endpoint_daily_usage",
    "request_feedback",
    "training_corpus",
    "payload_duplicates",
    "payload_quarantine",
    "current_served_entities",
)
RAW_LINES_TABLE = "stg_gateway__payload_lines"
# File rows (a raw file that could not be read) are not lines; told apart by their reason,
# which is far cheaper to scan than the lines' text.
FILE_ROW_REASONS = "('UNREADABLE_FILE', 'CORRUPT_GZIP')"


@dataclass
class BuildSummary:
    raw_lines: int
    row_counts: dict[str, int]
    quarantined_lines: int
    quarantined_by_reason: dict[str, int] = field(default_factory=dict)
    unread_files: list[tuple[str, str]] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)

    @property
    def invariant_holds(self) -> bool:
        accounted = (
            self.row_counts["payload"]
            + self.row_counts["payload_duplicates"]
            + self.quarantined_lines
        )
        return self.raw_lines == accounted


def count_rows(connection: duckdb.DuckDBPyConnection, table: str, where: str = "true") -> int:
    row = connection.execute(f'select count(*) from "{table}" where {where}').fetchone()
    return int(row[0]) if row else 0


def summarize(database: str) -> BuildSummary:
    with duckdb.connect(database, read_only=True) as connection:
        reasons = connection.execute(
            "select quarantine_reason, count(*) from payload_quarantine group by 1 order by 1"
        ).fetchall()
        unread_files = connection.execute(
            "select quarantine_reason, read_error from payload_quarantine"
            f" where quarantine_reason in {FILE_ROW_REASONS} order by source_file"
        ).fetchall()
        return BuildSummary(
            raw_lines=count_rows(
                connection,
                RAW_LINES_TABLE,
                f"coalesce(read_error_reason, '') not in {FILE_ROW_REASONS}",
            ),
            row_counts={table: count_rows(connection, table) for table in TABLES},
            quarantined_lines=count_rows(
                connection, "payload_quarantine", f"quarantine_reason not in {FILE_ROW_REASONS}"
            ),
            quarantined_by_reason={str(reason): int(count) for reason, count in reasons},
            unread_files=[(str(reason), str(error)) for reason, error in unread_files],
            alerts=[alert.line() for alert in firing_alerts(connection)],
        )


def format_summary(summary: BuildSummary) -> str:
    lines = ["", "Build summary", f"  {'non-blank raw lines':<26}{summary.raw_lines:>12,}"]
    lines += [f"  {table:<26}{count:>12,}" for table, count in summary.row_counts.items()]
    lines.append("  quarantined by reason:")
    if not summary.quarantined_by_reason:
        lines.append(f"    {'(none)':<24}{0:>12,}")
    for reason, count in summary.quarantined_by_reason.items():
        lines.append(f"    {reason:<24}{count:>12,}")
    verdict = "OK" if summary.invariant_holds else "FAILED"
    lines.append(
        f"  invariant raw lines = payload + duplicates + quarantined lines: {verdict} "
        f"({summary.raw_lines:,} = {summary.row_counts['payload']:,} + "
        f"{summary.row_counts['payload_duplicates']:,} + "
        f"{summary.quarantined_lines:,})"
    )
    for reason, error in summary.unread_files:
        lines.append(f"  not read ({reason}, tried again next build): {error}")
    lines.append(f"  monitoring alerts firing: {len(summary.alerts)}")
    lines += [f"    {alert}" for alert in summary.alerts]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database",
        default=os.environ.get("DBT_DUCKDB_PATH", "data/inference_tables.duckdb"),
        help="DuckDB file built by dbt (default: $DBT_DUCKDB_PATH or the profile's default)",
    )
    args = parser.parse_args(argv)
    summary = summarize(args.database)
    print(format_summary(summary))
    return 0 if summary.invariant_holds else 1


if __name__ == "__main__":
    raise SystemExit(main())
