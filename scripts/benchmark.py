"""Benchmark the build against a hand-written DuckDB floor, on the same generated logs.

    python scripts/benchmark.py [--lines 1000000 3000000] [--workdir data/benchmark] [--repeats 3]

For each size, steps each in its own process, so that its peak resident memory is its own:
  (a) floor: one hand-written DuckDB query reads every line, parses it, applies the size
      rule and writes a 12-column payload table;
  (b) a full `dbt build` as production runs it (models, seeds and data tests; the default
      selector leaves unit tests to CI);
  (c) the scheduled step (bin/refresh's build, scripts/refresh.py, without the publish) after
      10,000 lines were appended to an existing file (a live gateway file, read from where the
      last build stopped): the gateway's next 10,000 requests, timed after the history. It
      runs --repeats times (default 3), each after the next 10,000 requests, and counts the
      median: one build varies by seconds (an append that starts a new day recomputes the
      daily monitoring windows; DuckDB's and the machine's own variation);
  (d) the scheduled step again with nothing new: its fixed cost;
  (e) dbt's own start-up: a `dbt build` that selects no node (the median of --repeats);
  (f) a plain incremental `dbt build` with nothing new, for reference: every model and test
      runs, each finding nothing to do.
The logs have one traffic rate at every size, 250,000 lines a day (the 1M sample spans four
days, the 3M one twelve): a larger history is a longer one, as it is for a running gateway, and
the monitoring windows a new hour touches hold the same traffic at every size.
After (b) it prints when its two long stages ran, each against the floor: the models from the
raw lines to the payload rows, and the monitoring models (benchmark_stages). Then a table of
seconds and peak RSS per size, the DuckDB file's size against the raw logs', and the goals:
(d) - (e) <= 2 s at every size, and (c) - (e) at the largest size <= 1.2 x (c) - (e) at the
smallest (the cost of a build follows what is new, not what was loaded before).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from benchmark_stages import stage_spans, stages_report
from generate_sample_logs import START, generate

PROJECT_DIR = Path(__file__).resolve().parents[1]
MAX_PAYLOAD_BYTES = 1_048_576
APPENDED_LINES = 10_000
LINES_PER_DAY = 250_000
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
    spread: str = ""  # for repeated runs: how many, and the range of their times


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


def dbt_build(glob: str, workdir: Path, *selection: str) -> list[str]:
    """A plain `dbt build`, with the scheduled step's target folder (one parse cache for all)."""
    dbt = str(Path(sys.executable).with_name("dbt"))
    return [
        dbt, "build", "--profiles-dir", "profiles", "--target-path", str(workdir / "target"),
        "--vars", json.dumps({"raw_payload_path": glob}), *selection,
    ]  # fmt: skip


def scheduled_build(glob: str, workdir: Path) -> list[str]:
    return [
        sys.executable, str(PROJECT_DIR / "scripts" / "refresh.py"),
        "--raw-payload-path", glob, "--database", str(workdir / "warehouse.duckdb"),
        "--target-path", str(workdir / "target"),
    ]  # fmt: skip


# The generated history's files were last written this long before the benchmark starts.
HISTORY_AGE_SECONDS = 3600.0


def raw_bytes(logs: Path) -> int:
    """The raw logs' size as the gateway wrote them (gzip files uncompressed)."""
    total = 0
    for path in logs.iterdir():
        if path.suffix == ".gz":
            with gzip.open(path) as handle:
                total += sum(len(block) for block in iter(lambda: handle.read(1 << 24), b""))
        else:
            total += path.stat().st_size
    return total


def date_back(logs: Path, seconds: float) -> None:
    """Give the generated files the modification time they would have in a running gateway's
    folder: written well before, long settled. Otherwise a scheduled step with nothing new,
    run once raw_file_settle_seconds have passed since generation, would build again to take
    the lines a file still being written might have held back."""
    modified = time.time() - seconds
    for path in logs.iterdir():
        os.utime(path, (modified, modified))


def traffic_span(lines: int) -> timedelta:
    return timedelta(days=lines / LINES_PER_DAY)


def append_lines(logs: Path, lines: int, seed: int, after: timedelta) -> Path:
    """Append `lines` newly generated lines, timed from `after` past the start of the history,
    to the last uncompressed log file, as a gateway appends its next requests to its current
    file; returns that file."""
    staging = logs.parent / "appended"
    shutil.rmtree(staging, ignore_errors=True)
    generate(
        staging, lines=lines, seed=seed, files=1, start=START + after, span=traffic_span(lines)
    )
    (new_file,) = staging.iterdir()
    content = (
        gzip.decompress(new_file.read_bytes())
        if new_file.suffix == ".gz"
        else new_file.read_bytes()
    )
    current = sorted(logs.glob("*.jsonl"))[-1]
    with current.open("ab") as handle:
        handle.write(content)
    shutil.rmtree(staging)
    return current


def median_of(step: str, runs: list[Measurement]) -> Measurement:
    """One figure for repeated runs of a step: their median time, their highest peak RSS, and
    their count and range of times."""
    seconds = [run.seconds for run in runs]
    spread = f"median of {len(runs)}: {min(seconds):.1f} to {max(seconds):.1f} s"
    return Measurement(
        step,
        statistics.median(seconds),
        max(run.peak_rss_mib for run in runs),
        spread if len(runs) > 1 else "",
    )


def slowest_nodes(target: Path, count: int = 8) -> str:
    """The slowest models and tests of the last dbt run in `target`, from run_results.json."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    slowest = sorted(results, key=lambda result: result["execution_time"], reverse=True)
    return ", ".join(
        f"{result['unique_id'].split('.')[-1]} {result['execution_time']:.1f} s"
        for result in slowest[:count]
    )


def report(
    measurements: dict[str, Measurement], lines: int, sizes: tuple[int, int] | None = None
) -> str:
    rows = [f"{lines:,} lines", f"{'step':<48}{'seconds':>10}{'peak RSS MiB':>15}"]
    rows += [
        f"{m.step:<48}{m.seconds:>10.1f}{m.peak_rss_mib:>15.0f}  {m.spread}".rstrip()
        for m in measurements.values()
    ]
    if sizes:
        database, raw = sizes
        rows.append(
            f"DuckDB file {database / 2**20:,.0f} MiB, raw logs {raw / 2**20:,.0f} MiB"
            f" (uncompressed): {database / raw:.2f}x"
        )
    if {"a", "b"} <= measurements.keys():
        rows.append(f"b/a = {measurements['b'].seconds / measurements['a'].seconds:.2f}")
    peak = max(m.peak_rss_mib for key, m in measurements.items() if key != "a") / 1024
    rows.append(f"dbt builds' peak RSS = {peak:.2f} GiB (target <= 4 GiB)")
    if {"d", "e"} <= measurements.keys():
        fixed = measurements["d"].seconds - measurements["e"].seconds
        verdict = "met" if fixed <= 2.0 else "missed"
        rows.append(f"(d) - (e) = {fixed:.1f} s (goal <= 2 s: {verdict})")
    return "\n".join(rows)


def scaling_report(results: dict[int, dict[str, Measurement]]) -> str:
    """Whether the cost of (c) follows what is new: (c) - (e) at the largest size against the
    smallest."""
    smallest, largest = min(results), max(results)
    if smallest == largest:
        return ""
    small, large = (
        results[size]["c"].seconds - results[size]["e"].seconds for size in (smallest, largest)
    )
    ratio = large / small
    verdict = "met" if ratio <= 1.2 else "missed"
    return (
        f"(c) - (e): {small:.1f} s at {smallest:,} lines, {large:.1f} s at {largest:,} lines;"
        f" ratio {ratio:.2f} (goal <= 1.2: {verdict})"
    )


def run_size(
    workdir: Path, lines: int, seed: int, repeats: int = 3
) -> tuple[dict[str, Measurement], tuple[int, int]]:
    shutil.rmtree(workdir, ignore_errors=True)
    logs = workdir / "logs"
    started = time.perf_counter()
    generate(logs, lines=lines, seed=seed, span=traffic_span(lines))
    date_back(logs, HISTORY_AGE_SECONDS)
    print(f"generated {lines:,} lines in {time.perf_counter() - started:.1f} s", flush=True)

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
    measurements: dict[str, Measurement] = {}
    measurements["a"] = measure("(a) floor: one DuckDB query", floor_command, env)
    print(measurements["a"], flush=True)
    measurements["b"] = measure("(b) full dbt build", dbt_build(glob, workdir), env)
    print(measurements["b"], flush=True)
    spans = stage_spans(workdir / "target")
    print(f"(b) stages: {stages_report(spans, measurements['a'].seconds)}", flush=True)
    appends = []
    for repeat in range(repeats):
        appended_before = lines + repeat * APPENDED_LINES
        grown = append_lines(
            logs, APPENDED_LINES, seed=seed + 1 + repeat, after=traffic_span(appended_before)
        )
        step = f"(c) +{APPENDED_LINES:,} lines appended to {grown.name[:12]}..."
        appends.append(measure(step, scheduled_build(glob, workdir), env))
        print(appends[-1], flush=True)
        print(f"(c) slowest nodes: {slowest_nodes(workdir / 'target')}", flush=True)
    measurements["c"] = median_of(appends[0].step, appends)
    nothing_new = scheduled_build(glob, workdir)
    measurements["d"] = measure("(d) scheduled step, nothing new", nothing_new, env)
    print(measurements["d"], flush=True)
    no_node = dbt_build(glob, workdir, "--select", "resource_type:exposure,resource_type:seed")
    measurements["e"] = median_of(
        "(e) dbt start-up: build selecting no node",
        [measure("(e)", no_node, env) for _ in range(repeats)],
    )
    measurements["f"] = measure("(f) plain dbt build, nothing new", dbt_build(glob, workdir), env)
    sizes = ((workdir / "warehouse.duckdb").stat().st_size, raw_bytes(logs))
    return measurements, sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[1_000_000, 3_000_000])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", type=Path, default=PROJECT_DIR / "data" / "benchmark")
    parser.add_argument(
        "--repeats", type=int, default=3, help="appends measured for (c), runs of (e)"
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    results: dict[int, dict[str, Measurement]] = {}
    for lines in args.lines:
        results[lines], sizes = run_size(args.workdir.resolve(), lines, args.seed, args.repeats)
        print(report(results[lines], lines, sizes), flush=True)
    print(scaling_report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
