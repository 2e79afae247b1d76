"""Generate realistic raw AI Gateway payload logs with counts known by construction.

Usage::

    python scripts/generate_sample_logs.py --out DIR --lines N [--seed 42] [--files K]
        [--expectations PATH] [--workers W] [--force] [--start ISO] [--days D]

Exactly N raw lines (blank and bad lines included) are written across K files named
``gateway-YYYYMMDD-HHMMSS-<index:04d>.jsonl`` (name order = delivery order). Every third file
(index % 3 == 1) is gzip (``.jsonl.gz``, mtime 0, level 1) and files with index % 5 in (1, 2)
use CRLF line endings. Output depends only on the arguments: each file has its own
``random.Random`` seeded from (seed, file index), so files are generated in parallel, and a
line that is redelivered is rebuilt from its own seed (seed, file, line) wherever it is copied.

Valid lines (docs/input_format.md envelope):
    * time as ``request_time`` ISO-8601 with ``Z`` (milli-, micro- or whole seconds), with an
      offset (``+05:30``, ``-08:00``, ... some moving the UTC date across midnight), without
      offset (UTC), as epoch milliseconds, or only the legacy ``timestamp_ms``;
    * ``status_code`` 200 / 400 / 404 / 429 / 500 / 503, some as a numeric string;
    * optional ``client_request_id`` (else sometimes in the request body), ``sampling_fraction``,
      ``execution_duration_ms`` (legacy ``execution_time_ms``), ``requester``,
      ``logging_error_codes`` (``[]`` / ``["UPSTREAM_CODE"]``), legacy ``request_metadata``,
      unknown extra keys; ``served_entity_id`` from the catalogue plus ``se-unknown-999``.
    * bodies as JSON values or as strings holding the body text (JSON, SSE text, plain text).

Request shapes: chat completions (``messages``; string or parts content with ``image_url``
parts; sometimes no user message; ``"stream": true``), completions (``prompt``), Responses API
(``input`` item array or string), chat agent (``messages`` with
``databricks_options.conversation_id`` or ``context.conversation_id``), ``query``, embeddings
(``input`` string), ``usage_context``, review-app feedback (``dataframe_records`` with
``source`` / ``text_assessments`` / ``retrieval_assessments`` as JSON or as JSON strings).

Response shapes: chat completion, completion (``choices[0].text``), Responses ``output``,
chat agent ``messages`` (with MLflow traces v1 / v2 / v3 in ``databricks_output.trace``),
``{"content": ...}``, embeddings, stream chunk arrays (running ``usage`` totals), SSE text,
error bodies, NULL (JSON null or absent) on errors, ``{"predictions": "Ok"}`` for feedback.

Oversize bodies (only when N >= 2000): request and response bodies over 1 MiB (JSON value and
a 1,048,577-byte string), requests of 600,000 two-byte characters, and a request and a
response body of exactly 1,048,576 bytes given as strings (kept).

Other lines (each kind at least once when N >= 2000), checked in this order:
    * blank lines (empty, spaces, tabs): skipped;
    * INVALID_UTF8: ``\\xff\\xfe``, a bad continuation byte, a lone continuation byte, a
      truncated 4-byte sequence, Latin-1 text;
    * INVALID_JSON: truncated JSON, plain text, ``{bad json}``, single quotes, trailing comma;
    * NOT_AN_OBJECT: ``[1,2,3]``, ``"just a string"``, ``42``, an array holding an object;
    * MISSING_REQUEST_ID: id absent, null, ``""`` or a number;
    * INVALID_REQUEST_TIME: no ``request_time`` nor ``timestamp_ms``, ``"not-a-time"``,
      an impossible date, ``"infinity"``, ``"epoch"``, an offset of +25:00, an instant in 1899;
    * INVALID_STATUS_CODE: absent, 99, 600, ``"abc"``, 200.5;
    * INVALID_FIELD_TYPE: ``sampling_fraction`` "abc" / 0 / 1.5, ``execution_duration_ms`` -5,
      ``execution_time_ms`` -5, ``logging_error_codes`` "x", ``requester`` 123,
      ``request_metadata`` "x".

Duplicates: about 1% of valid lines are redelivered byte-identical, mostly in a later file,
some later in the same file, a few three times; the first copy (file name order, then line
order) is the payload row, every other copy is a duplicate row. Bad lines are never copied.
Review-app feedback lines reference request ids logged earlier; some repeat an assessment.

Speed: text is cut from fixed word and sentence streams, and about three request lines in
four repeat a recent exchange (request and response bodies) of the same file under a new
envelope (id, time, status, optional keys), so 1,000,000 lines take well under a minute.
Times span 2026-03-01 .. 2026-03-05 UTC, increasing with the file index.

This file is the command line; the generator lives in ``scripts/sample_logs/`` (``driver``
runs the ``plan`` through the ``writer``; lines come from ``request_lines``, ``feedback``,
``bad_lines``, ``oversize`` and ``redelivery``, bodies from ``request_bodies``,
``response_bodies``, ``streams``, ``traces`` and ``provider_shapes``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sample_logs.catalogue import CATALOGUE_ENTITIES
from sample_logs.driver import existing_outputs, generate, generate_with_stats
from sample_logs.oversize import OVERSIZE_VARIANTS
from sample_logs.times import DAY_MS, SPAN_MS, START

# the names callers import from here (`from generate_sample_logs import generate`, tests)
__all__ = [
    "CATALOGUE_ENTITIES",
    "OVERSIZE_VARIANTS",
    "START",
    "existing_outputs",
    "generate",
    "generate_with_stats",
    "main",
    "parse_args",
]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--lines", type=int, required=True, help="raw lines in total")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--files", type=int, help="default max(4, ceil(N / 250k))")
    parser.add_argument("--expectations", type=Path, help="write the counts as JSON")
    parser.add_argument("--workers", type=int, help="default: CPU count")
    parser.add_argument("--force", action="store_true", help="delete *.jsonl* first")
    parser.add_argument(
        "--start",
        type=datetime.fromisoformat,
        help="UTC time of the first request (default: the span before now, so the sample"
        " ends now and source freshness passes)",
    )
    parser.add_argument(
        "--days",
        type=float,
        default=SPAN_MS / DAY_MS,
        help="the days the request times spread over (default 4)",
    )
    args = parser.parse_args(argv)
    if args.start is None:
        now = datetime.now(UTC).replace(tzinfo=None, second=0, microsecond=0)
        args.start = now - timedelta(days=args.days)
    if args.lines < 1:
        parser.error("--lines must be >= 1")
    if args.files is not None and args.files < 1:
        parser.error("--files must be >= 1")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be >= 1")
    if args.days * DAY_MS < 1:
        parser.error("--days must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    existing = existing_outputs(args.out)
    if existing and not args.force:
        print(
            f"error: {args.out} already contains {len(existing)} *.jsonl* file(s); "
            "use --force to replace them",
            file=sys.stderr,
        )
        return 2
    for path in existing:
        path.unlink()
    started = time.perf_counter()
    expectations, stats = generate_with_stats(
        args.out, args.lines, args.seed, args.files, args.workers, args.start,
        timedelta(days=args.days),
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if args.expectations is not None:
        args.expectations.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(expectations, indent=2) + "\n"
        args.expectations.write_text(text, encoding="utf-8")
    print(
        f"generated files={expectations['files']} lines={expectations['raw_lines_written']} "
        f"bytes={stats['bytes_disk']} (uncompressed {stats['bytes_raw']}) "
        f"seconds={seconds:.1f} out={args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
