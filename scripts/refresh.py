"""The scheduled step behind bin/refresh: an incremental `dbt build`, then the BI publish, both
skipped when nothing they would read has changed since the last refresh that completed.

A scheduled build that finds nothing new would still run every model and test (about 20 s of
dbt's own work). Instead, each completed refresh records what it built from, beside the
database (``<database>.refresh.json``), and the next one builds only when something differs:

- the raw files: the log files the glob matches (the reader's own name rule), each with its
  size, modification and change times and inode, so an append, a new, renamed, removed or
  compressed file, or a permission change, all count;
- a file whose ``raw_file_settle_seconds`` ran out since then: the reader may now take the
  half-written last line, or the damaged gzip, it waited on;
- the last build left file rows (unreadable files are retried by every build);
- the project (models, macros, tests, seeds, selectors, dbt_project.yml, profiles) or the
  vars;
- the database file itself (another build wrote it, or it is gone);
- for a publishing refresh, where the last one published.

``--force`` builds whatever the record says. A refresh that fails or is killed records
nothing, so the next one builds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml
from raw_payload_reader import matched_log_files

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The reader model's logic is the package scripts/raw_payload_reader (found through the profile's
# module_paths), so it is part of what a build reads.
PROJECT_PARTS = (
    "dbt_project.yml", "selectors.yml", "profiles", "models", "macros", "tests", "seeds",
    "scripts/raw_payload_reader",
)  # fmt: skip
# The warn-level test that lists the raw files a build could not read (file rows).
FILE_ROWS_TEST = "assert_every_raw_file_was_read"


@dataclass(frozen=True)
class RefreshRecord:
    """What a completed refresh built from."""

    inputs: str
    started_ns: int
    database: list[int]
    had_file_rows: bool
    published_to: str | None


def raw_file_listing(raw_payload_path: str) -> list[tuple[str, int, int, int, int]]:
    """Every log file the reader would list, with what changes when it is written, renamed,
    replaced or has its permissions changed."""
    listing = []
    for path in matched_log_files(raw_payload_path):
        try:
            status = os.stat(path)
        except OSError:
            listing.append((path, -1, -1, -1, -1))
            continue
        listing.append(
            (path, status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        )
    return listing


def project_digest(dbt_vars: dict[str, object]) -> str:
    """A digest of every project file a build reads, and of the vars it is given."""
    digest = hashlib.sha256(json.dumps(dbt_vars, sort_keys=True).encode())
    for part in PROJECT_PARTS:
        root = PROJECT_DIR / part
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            # Not the bytecode Python caches beside the package, which importing it may rewrite.
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(PROJECT_DIR)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def inputs_digest(listing: list[tuple[str, int, int, int, int]], project: str) -> str:
    # json.dumps escapes every non-ASCII character (a name's undecodable bytes included).
    return hashlib.sha256(json.dumps([project, listing]).encode()).hexdigest()


def database_identity(database: Path) -> list[int]:
    """Changes whenever the database file is written or replaced; [] when it does not exist."""
    try:
        status = database.stat()
    except FileNotFoundError:
        return []
    return [status.st_ino, status.st_size, status.st_mtime_ns]


def settle_seconds() -> float:
    """The project's `raw_file_settle_seconds` (a refresh passes no other vars)."""
    project = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())
    return float(project["vars"]["raw_file_settle_seconds"])


def settled_since(
    listing: list[tuple[str, int, int, int, int]], since_ns: int, now_ns: int, settle_ns: int
) -> list[str]:
    """Files still being written when the last build started that have settled by now."""
    return [
        path
        for path, _, modified_ns, _, _ in listing
        if since_ns - settle_ns < modified_ns <= now_ns - settle_ns
    ]


def reasons_to_build(
    record: RefreshRecord | None,
    inputs: str,
    database: list[int],
    published_to: str | None,
    settled: list[str],
) -> list[str]:
    """Why this refresh must build; [] when the last completed refresh already did the work."""
    if record is None:
        return ["no completed refresh is on record"]
    reasons = []
    if record.inputs != inputs:
        reasons.append("the raw files, the project or the vars changed")
    if settled:
        reasons.append(f"{len(settled)} file(s) settled since the last build")
    if record.had_file_rows:
        reasons.append("the last build could not read some files; they are retried")
    if record.database != database:
        reasons.append("the database was written or replaced since the last refresh")
    if published_to is not None and record.published_to != published_to:
        reasons.append(f"the last refresh did not publish to {published_to}")
    return reasons


def read_record(path: Path) -> RefreshRecord | None:
    try:
        return RefreshRecord(**json.loads(path.read_text()))
    except (FileNotFoundError, json.JSONDecodeError, TypeError):
        return None


def had_file_rows(run_results: Path) -> bool:
    """Whether the build left file rows; True when its results do not say."""
    results = json.loads(run_results.read_text())["results"]
    statuses = [r["status"] for r in results if r["unique_id"].split(".")[-1] == FILE_ROWS_TEST]
    return statuses != ["pass"]


def run(command: list[str]) -> None:
    completed = subprocess.run(command)
    if completed.returncode != 0:
        raise SystemExit(completed.returncode)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw-payload-path", required=True, help="glob of the raw logs")
    parser.add_argument("--database", type=Path, required=True, help="the DuckDB file to build")
    parser.add_argument("--target-path", type=Path, default=Path("target"))
    parser.add_argument("--publish-to", type=Path, help="publish the BI snapshot there")
    parser.add_argument("--force", action="store_true", help="build even if nothing changed")
    args = parser.parse_args(argv)

    # dbt runs in the project folder: relative paths mean the same to it and to this check.
    database = args.database.resolve()
    target_path = args.target_path.resolve()
    published_to = str(args.publish_to.resolve()) if args.publish_to else None
    os.chdir(PROJECT_DIR)
    os.environ["DBT_DUCKDB_PATH"] = str(database)
    dbt_vars: dict[str, object] = {"raw_payload_path": args.raw_payload_path}
    record_path = Path(f"{database}.refresh.json")
    started_ns = time.time_ns()
    listing = raw_file_listing(args.raw_payload_path)
    inputs = inputs_digest(listing, project_digest(dbt_vars))
    record = read_record(record_path)
    settled = (
        settled_since(listing, record.started_ns, started_ns, int(settle_seconds() * 1e9))
        if record
        else []
    )
    reasons = reasons_to_build(record, inputs, database_identity(database), published_to, settled)
    if not reasons and not args.force:
        print("refresh: nothing new since the last refresh; the tables are up to date.")
        return 0
    print(f"refresh: building ({'forced' if args.force else '; '.join(reasons)})", flush=True)

    record_path.unlink(missing_ok=True)
    dbt = str(Path(sys.executable).with_name("dbt"))
    run_results = target_path / "run_results.json"
    run([dbt, "build", "--profiles-dir", "profiles", "--target-path", str(target_path),
         "--vars", json.dumps(dbt_vars)])  # fmt: skip
    if published_to:
        run([sys.executable, str(PROJECT_DIR / "scripts" / "publish_bi_snapshot.py"),
             "--database", str(database), "--out", published_to,
             "--run-results", str(run_results)])  # fmt: skip
    completed = RefreshRecord(
        inputs=inputs,
        started_ns=started_ns,
        database=database_identity(database),
        had_file_rows=had_file_rows(run_results),
        published_to=published_to,
    )
    record_path.write_text(json.dumps(asdict(completed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
