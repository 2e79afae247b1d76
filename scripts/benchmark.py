"""Benchmark the build against a hand-written DuckDB floor, on the same generated logs.

    python scripts/benchmark.py [--lines 1000000] [--workdir data/benchmark]

Steps, each in its own process so its peak resident memory is its own:
  (a) floor: one hand-written DuckDB query reads every line, parses it, applies the size
      rule and writes a 12-column payload table;
  (b) a full `dbt build` (models, seeds and data tests; unit tests are for CI);
  (c) the same `dbt build` again, incremental, after adding 1% new files;
  (d) the same `dbt build` again with nothing new: the fixed cost of a build;
  (e) dbt's own start-up: a `dbt build` that selects no node.
It prints a table of seconds and peak RSS, the ratios b/a and c/b, and whether both targets
can hold together: c can never be below (e), and c <= 0.10 b <= 0.20 a needs (e) <= 0.20 a.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from generate_sample_logs import generate

PROJECT_DIR = Path(__file__).resolve().parents[1]
MAX_PAYLOAD_BYTES = 1_048_576
FLOOR_SQL = """
create table payload as
with lines as (
    select json
    from read_ndjson_objects('{glob}', ignore_errors = true, maximum_object_size = 1073741824)
),

fields as (
    select json_extract(json, [
        '$.databricks_request_id', '$.client_request_id', '$.request_time', '$.status_code',
        '$.sampling_fraction', '$.execution_duration_ms', '$.request', '$.response',
        '$.served_entity_id', '$.logging_error_codes', '$.requester'
    ]) as f
    from lines
),

bodies as (
    select f, f[7] ->> '$' as request_body, f[8] ->> '$' as response_body from fields
)

select
    cast(timezone('UTC', try_cast(f[3] ->> '$' as timestamptz)) as date) as request_date,
    f[1] ->> '$' as databricks_request_id,
    f[2] ->> '$' as client_request_id,
    timezone('UTC', try_cast(f[3] ->> '$' as timestamptz)) as request_time,
    try_cast(f[4] ->> '$' as integer) as status_code,
    coalesce(try_cast(f[5] ->> '$' as double), 1.0) as sampling_fraction,
    try_cast(f[6] ->> '$' as bigint) as execution_duration_ms,
    case when strlen(request_body) <= {limit} then request_body end as request,
    case when strlen(response_body) <= {limit} then response_body end as response,
    f[9] ->> '$' as served_entity_id,
    list_concat(
        coalesce(json_extract_string(f[10], '$[*]'), []),
        case when strlen(request_body) > {limit} then ['MAX_REQUEST_SIZE_EXCEEDED'] else [] end,
        case when strlen(response_body) > {limit} then ['MAX_RESPONSE_SIZE_EXCEEDED'] else [] end
    ) as logging_error_codes,
    f[11] ->> '$' as requester
from bodies
"""


@dataclass
class Measurement:
    step: str
    seconds: float
    peak_rss_mib: float


def measure(step: str, command: list[str], env: dict[str, str]) -> Measurement:
    """Run a command to completion; its wall time and the peak RSS of it and its children."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.stdout.write(output.decode(errors="replace")[-4000:])
        raise SystemExit(f"{step} failed: {' '.join(command)}")
    return Measurement(step, seconds, usage.ru_maxrss / 1024)


def dbt_build(glob: str, *selection: str) -> list[str]:
    dbt = str(Path(sys.executable).with_name("dbt"))
    return [
        dbt, "build", "--profiles-dir", "profiles", "--exclude-resource-type", "unit_test",
        "--vars", json.dumps({"raw_payload_path": glob}), *selection,
    ]  # fmt: skip


def add_new_files(logs: Path, lines: int, seed: int) -> int:
    """Generate `lines` more lines as new files named after every existing one."""
    staging = logs.parent / "increment"
    shutil.rmtree(staging, ignore_errors=True)
    generate(staging, lines=lines, seed=seed, files=1)
    for path in staging.iterdir():
        path.rename(logs / f"gateway-99999999-increment-{path.name}")
    staging.rmdir()
    return lines


def report(measurements: dict[str, Measurement], lines: int) -> str:
    floor, full, incremental = (measurements[key] for key in ("a", "b", "c"))
    rows = [f"{'step':<44}{'seconds':>10}{'peak RSS MiB':>15}"]
    rows += [
        f"{m.step:<44}{m.seconds:>10.1f}{m.peak_rss_mib:>15.0f}" for m in measurements.values()
    ]
    rows.append(f"b/a = {full.seconds / floor.seconds:.2f} (target <= 2.0)")
    rows.append(f"c/b = {incremental.seconds / full.seconds:.3f} (target <= 0.10)")
    peak = max(m.peak_rss_mib for key, m in measurements.items() if key != "a") / 1024
    rows.append(f"dbt builds' peak RSS = {peak:.2f} GiB (target <= 4 GiB); {lines:,} lines")
    if "e" in measurements:
        start_up, budget = measurements["e"].seconds, 0.2 * floor.seconds
        verdict = "can" if start_up <= budget else "cannot"
        rows.append(
            f"both targets need c <= 0.20 a = {budget:.1f} s; dbt's start-up alone takes "
            f"{start_up:.1f} s, so they {verdict} hold together at {lines:,} lines"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", type=Path, default=PROJECT_DIR / "data" / "benchmark")
    args = parser.parse_args(argv)

    workdir: Path = args.workdir.resolve()
    shutil.rmtree(workdir, ignore_errors=True)
    logs = workdir / "logs"
    started = time.perf_counter()
    generate(logs, lines=args.lines, seed=args.seed)
    print(f"generated {args.lines:,} lines in {time.perf_counter() - started:.1f} s", flush=True)

    glob = str(logs / "*.jsonl*")
    env = {
        **os.environ,
        "DBT_DUCKDB_PATH": str(workdir / "warehouse.duckdb"),
        "DBT_DUCKDB_TEMP_DIR": str(workdir / "duckdb_tmp"),
    }
    floor_sql = FLOOR_SQL.format(glob=glob, limit=MAX_PAYLOAD_BYTES)
    floor_command = [
        sys.executable, "-c",
        "import duckdb, sys; duckdb.connect(sys.argv[1]).execute(sys.argv[2])",
        str(workdir / "floor.duckdb"), floor_sql,
    ]  # fmt: skip
    measurements = {"a": measure("(a) floor: one DuckDB query", floor_command, env)}
    print(measurements["a"], flush=True)
    measurements["b"] = measure("(b) full dbt build", dbt_build(glob), env)
    print(measurements["b"], flush=True)
    added = add_new_files(logs, max(1, args.lines // 100), seed=args.seed + 1)
    measurements["c"] = measure(f"(c) incremental build, +{added:,} lines", dbt_build(glob), env)
    print(measurements["c"], flush=True)
    measurements["d"] = measure("(d) build again, nothing new", dbt_build(glob), env)
    print(measurements["d"], flush=True)
    no_node = dbt_build(glob, "--select", "resource_type:exposure,resource_type:seed")
    measurements["e"] = measure("(e) dbt start-up: build selecting no node", no_node, env)
    print(report(measurements, args.lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
