"""Print the monitoring alerts firing in a built or published database, one per line, and exit
1 when any fires: the hook for routing an alert to a notification (docs/monitoring.md).

    alerts="$(python scripts/firing_alerts.py)" \
        || echo "$alerts" | mail -s "Inference alerts" ops@example.com

`--json` prints the firing rows as a JSON array instead (for a webhook payload).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass

import duckdb

ALERTS_TABLE = "monitoring_alerts"
DEFAULT_DATABASE = "data/published/inference_tables.duckdb"


@dataclass(frozen=True)
class FiringAlert:
    alert_name: str
    endpoint_name: str
    window_start: str
    window_end: str
    metric_value: float
    threshold: float
    detail: str

    def line(self) -> str:
        return (
            f"ALERT {self.alert_name}: endpoint {self.endpoint_name}, window {self.window_start}"
            f" to {self.window_end}: {self.metric_value:.4g} > threshold {self.threshold:g}"
            f" ({self.detail})"
        )


def firing_alerts(connection: duckdb.DuckDBPyConnection) -> list[FiringAlert]:
    """The firing rows of monitoring_alerts; none when the table is absent (an older build)."""
    exists = connection.execute(
        "select count(*) from information_schema.tables where table_name = ?", [ALERTS_TABLE]
    ).fetchone()
    if not exists or not exists[0]:
        return []
    rows = connection.execute(
        f"""
        select alert_name, endpoint_name, cast(window_start as varchar),
            cast(window_end as varchar), metric_value, threshold, detail
        from {ALERTS_TABLE}
        where is_firing
        order by alert_name, endpoint_name
        """
    ).fetchall()
    return [FiringAlert(*row) for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=DEFAULT_DATABASE, help=f"default: {DEFAULT_DATABASE}")
    parser.add_argument("--json", action="store_true", help="print a JSON array of the alerts")
    parser.add_argument("--quiet-ok", action="store_true", help="print nothing when no alert fires")
    args = parser.parse_args(argv)
    with duckdb.connect(args.database, read_only=True) as connection:
        alerts = firing_alerts(connection)
    if args.json:
        print(json.dumps([asdict(alert) for alert in alerts], indent=1))
    elif alerts:
        print("\n".join(alert.line() for alert in alerts))
    elif not args.quiet_ok:
        print("no alert firing")
    return 1 if alerts else 0


if __name__ == "__main__":
    raise SystemExit(main())
