"""Hand-made windows for the drift statistics test: each case is an endpoint whose requests
fall in hours 9, 10 and 11 of 2026-01-01, the baseline being 09:00-10:00. The hourly drift
rows (CONSECUTIVE against the hour before, BASELINE against the baseline) are compared with
scipy's values in fixtures/drift_expected.json (made by make_drift_expected.py).
"""

from __future__ import annotations

import random
from typing import Any

DAY = "2026-01-01"
BASELINE = ("2026-01-01T09:00:00", "2026-01-01T10:00:00")
HOURS = (9, 10, 11)


def _large(seed: int, n: int, low: int, high: int) -> list[int]:
    rng = random.Random(seed)
    return [rng.randint(low, high) for _ in range(n)]


# case -> hour -> (execution times, status codes); None is NULL.
CASES: dict[str, dict[int, tuple[list[int | None], list[int | None]]]] = {
    # Ties within and across windows; repeated decile edges; three status codes (2 dof).
    "ties": {
        9: ([2, 3, 3, 7], [200, 200, 500, 200]),
        10: ([1, 2, 2, 3, 3, 3, 5, 8], [200] * 6 + [500] * 2),
        11: ([2, 2, 3, 4, 4, 6, 9, 9, 9, 10], [200] * 5 + [429] * 3 + [500] * 2),
    },
    # A single value against two; one status code (0 dof: statistic 0, p-value 1).
    "single": {
        10: ([7], [200]),
        11: ([7, 9], [200, 200]),
    },
    # The previous window has rows, all NULL: deltas but no statistic.
    "all_null": {
        10: ([None, None], [None, None]),
        11: ([3, 4], [200, 404]),
    },
    # No previous window in the slice: no CONSECUTIVE row.
    "empty_previous": {
        11: ([5, 6], [200, 200]),
    },
    # Larger samples: a shift in execution time; four status codes (3 dof, odd).
    "shift": {
        9: (_large(1, 40, 100, 900), [200] * 30 + [400] * 5 + [500] * 5),
        10: (_large(2, 60, 100, 1000), [200] * 10 + [400] * 3 + [500] * 2 + [503] * 1),
        11: (
            [*_large(3, 80, 300, 2000), 0, 0, None],
            [200] * 4 + [400] * 6 + [500] * 5 + [503] * 3,
        ),
    },
}


def inference_request_rows() -> list[dict[str, Any]]:
    """The cases as rows of inference_requests (only the columns the drift model reads)."""
    rows: list[dict[str, Any]] = []
    for case, hours in CASES.items():
        for hour, (times, statuses) in hours.items():
            length = max(len(times), len(statuses))
            for i in range(length):
                rows.append(
                    {
                        "endpoint_name": case,
                        "request_time": f"{DAY} {hour:02d}:{i % 60:02d}:{i // 60:02d}",
                        "execution_time_ms": times[i] if i < len(times) else None,
                        "status_code": statuses[i] if i < len(statuses) else None,
                    }
                )
    return rows
