"""Publishing for BI: a reader never meets the writer's lock and only sees whole snapshots."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from conftest import PROJECT_DIR, DbtProject
from export_training_corpus import export
from generate_sample_logs import generate
from publish_bi_snapshot import (
    INFO_TABLE,
    PUBLISHED_TABLES,
    PublishRefused,
    publish,
    publish_stamp,
    successful_build_id,
)

READER = Path(__file__).with_name("bi_snapshot_reader.py")
# Unit tests run in the other end-to-end tests; data tests stay (a build must pass them).
BUILD = ("build", "--exclude-resource-type", "unit_test")
# An older DuckDB, like the ones bundled in BI drivers, must open the snapshot.
OLD_DUCKDB = "duckdb==1.1.3"


def publish_command(project: DbtProject, out: Path) -> list[str]:
    return [
        sys.executable,
        str(PROJECT_DIR / "scripts" / "publish_bi_snapshot.py"),
        "--database",
        str(project.database),
        "--out",
        str(out),
        "--run-results",
        str(project.workdir / "target" / "run_results.json"),
    ]


def published_build(snapshot: Path) -> str:
    with duckdb.connect(str(snapshot), read_only=True) as connection:
        row = connection.execute(f"select any_value(build_invocation_id) from {INFO_TABLE}")
        return str(row.fetchone()[0])  # type: ignore[index]


@pytest.fixture(scope="module")
def built(
    dbt_project_factory: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[DbtProject, Path]:
    landing = tmp_path_factory.mktemp("bi_landing")
    generate(landing, lines=3000, seed=11, files=2)
    project = dbt_project_factory("bi")
    project.run(*BUILD, raw_payload_path=landing / "*.jsonl*")
    return project, landing


def test_a_reader_never_fails_while_dbt_builds_and_publishes(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, landing = built
    out = tmp_path / "published"
    subprocess.run(publish_command(project, out), check=True, capture_output=True)
    snapshot = out / "inference_tables.duckdb"
    first_build = published_build(snapshot)

    stop, report = tmp_path / "stop", tmp_path / "report.json"
    reader = subprocess.Popen([sys.executable, str(READER), str(snapshot), str(stop), str(report)])
    try:
        # New logs land: an incremental build and a publish while the reader keeps querying.
        generate(tmp_path / "more", lines=1500, seed=12, files=1)
        for path in (tmp_path / "more").iterdir():
            path.rename(landing / f"zz-{path.name}")
        project.run(*BUILD, raw_payload_path=landing / "*.jsonl*")
        subprocess.run(publish_command(project, out), check=True, capture_output=True)
        second_build = published_build(snapshot)
        # A failed build: publishing refuses and the published snapshot stays as it was.
        failed = project.run(*BUILD, raw_payload_path=tmp_path / "none" / "*.jsonl", check=False)
        assert failed.returncode != 0
        refused = subprocess.run(publish_command(project, out), capture_output=True, text=True)
        assert refused.returncode == 1
        assert "publish refused" in refused.stderr
        assert published_build(snapshot) == second_build
    finally:
        stop.touch()
        reader.wait(timeout=120)
    seen = json.loads(report.read_text())
    assert seen["errors"] == []
    assert seen["problems"] == []
    assert seen["rounds"] > 20
    assert seen["builds"][0] == first_build
    assert seen["builds"][-1] == second_build != first_build


def test_snapshot_and_parquet_hold_every_table_of_the_build(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    published = publish(project.database, tmp_path, "build-1")
    with duckdb.connect(str(project.database), read_only=True) as connection:
        built_counts = {
            table: connection.execute(f"select count(*) from {table}").fetchone()[0]  # type: ignore[index]
            for table in PUBLISHED_TABLES
        }
    assert published.row_counts == built_counts
    with duckdb.connect(str(published.snapshot), read_only=True) as connection:
        tags = connection.execute(
            "select tags['storage_version'] from duckdb_databases() where not internal"
        ).fetchone()
        assert tags == ("v1.0.0+",)
        for table, count in built_counts.items():
            parquet = published.parquet_dir / f"{table}.parquet"
            assert connection.execute(f"select count(*) from '{parquet}'").fetchone() == (count,)
    assert published.parquet_dir.is_symlink()
    # Later publishes switch the link; replaced directories go once their time is up.
    for _ in range(3):
        publish(project.database, tmp_path, "build-2", keep_seconds=0)
    assert [path.name for path in tmp_path.glob("parquet-*")] == [
        os.readlink(published.parquet_dir)
    ]
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_parquet_reader_that_resolved_the_link_keeps_one_build(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    published = publish(project.database, tmp_path, "build-1")
    resolved = published.parquet_dir.resolve()  # what a reader of several tables holds on to
    for build in ("build-2", "build-3"):
        publish(project.database, tmp_path, build)
    assert published.parquet_dir.resolve() != resolved
    with duckdb.connect() as connection:
        builds = connection.execute(
            f"select distinct build_invocation_id from '{resolved}/_snapshot_info.parquet'"
        ).fetchall()
        assert builds == [("build-1",)]
        for table in PUBLISHED_TABLES:
            connection.execute(f"select count(*) from '{resolved}/{table}.parquet'")


def test_an_older_duckdb_opens_the_snapshot(built: tuple[DbtProject, Path], tmp_path: Path) -> None:
    project, _ = built
    published = publish(project.database, tmp_path / "published", "build-1")
    old = tmp_path / "old_duckdb"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(old), OLD_DUCKDB],
        check=True,
    )
    probe = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
        "print(duckdb.__version__, c.execute('select count(*) from payload').fetchone()[0], "
        "c.execute('select count(source) from bi.payload_assessment_logs').fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(published.snapshot)],
        env={"PYTHONPATH": str(old)},
        capture_output=True,
        text=True,
        check=True,
    )
    payload_rows, logged_sources = result.stdout.split()[1:]
    assert result.stdout.split()[0] == "1.1.3"
    assert int(payload_rows) == published.row_counts["payload"]
    assert int(logged_sources) > 0


# Nested columns that Superset (duckdb-engine) shows as UNKNOWN, by table.
NESTED_COLUMNS = {
    "payload": ["logging_error_codes"],
    "payload_request_logs": ["request_metadata"],
    "endpoint_usage": ["usage_context"],
    "payload_assessment_logs": ["source", "text_assessment", "retrieval_assessment"],
    "latest_assessments": ["source", "text_assessment", "retrieval_assessment"],
}


def test_the_bi_schema_shows_nested_columns_as_json_text(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    published = publish(project.database, tmp_path, "build-1")
    with duckdb.connect(str(published.snapshot), read_only=True) as connection:
        for table in PUBLISHED_TABLES:
            types = dict(row[:2] for row in connection.execute(f'describe bi."{table}"').fetchall())
            native = dict(row[:2] for row in connection.execute(f'describe "{table}"').fetchall())
            assert list(types) == list(native), table
            nested = [name for name, kind in native.items() if kind != types[name]]
            assert all(types[name] == "VARCHAR" for name in nested), table
            assert set(NESTED_COLUMNS.get(table, [])) <= set(nested), table
            count = connection.execute(f'select count(*) from bi."{table}"').fetchone()
            assert count == (published.row_counts[table],), table
            for column in nested:
                texts = connection.execute(
                    f'select "{column}" from bi."{table}" where "{column}" is not null limit 50'
                ).fetchall()
                assert all(isinstance(json.loads(text), (dict, list)) for (text,) in texts)
        source = connection.execute(
            "select source from bi.payload_assessment_logs where source is not null limit 1"
        ).fetchone()
        assert source is not None and set(json.loads(source[0])) == {"id", "type", "tags"}


def test_publishing_refuses_anything_but_a_successful_build(tmp_path: Path) -> None:
    results = tmp_path / "run_results.json"
    with pytest.raises(PublishRefused, match="no dbt run results"):
        successful_build_id(results)

    def write(which: str, statuses: list[str]) -> None:
        results.write_text(
            json.dumps(
                {
                    "metadata": {"invocation_id": "abc"},
                    "args": {"which": which},
                    "results": [
                        {"unique_id": f"model.x.m{i}", "status": s} for i, s in enumerate(statuses)
                    ],
                }
            )
        )

    write("run", ["success"])
    with pytest.raises(PublishRefused, match="not `build`"):
        successful_build_id(results)
    for bad in ("error", "fail", "skipped"):
        write("build", ["success", bad])
        with pytest.raises(PublishRefused, match="did not succeed"):
            successful_build_id(results)
    write("build", ["success", "pass", "warn"])
    assert successful_build_id(results) == "abc"


def test_publishing_never_replaces_a_parquet_folder_it_does_not_manage(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    (tmp_path / "parquet").mkdir()
    with pytest.raises(PublishRefused, match="not the symlink"):
        publish(project.database, tmp_path, "build-1")
    assert not (tmp_path / "inference_tables.duckdb").exists()


def test_the_training_corpus_exports_as_json_lines(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    with duckdb.connect(str(project.database)) as connection:
        connection.execute("create or replace table training_corpus_backup as from training_corpus")
        request_ids = [
            row[0]
            for row in connection.execute(
                "select databricks_request_id from payload_request_logs"
                " where request is not null and response is not null"
                " order by databricks_request_id limit 3"
            ).fetchall()
        ]
        connection.execute(
            "insert into training_corpus select databricks_request_id, conversation_id,"
            " request_metadata['endpoint_name'], request, response, 'good', timestamp"
            " from payload_request_logs where databricks_request_id in ?",
            [request_ids],
        )
        connection.execute(
            "insert into training_corpus values ('incomplete', null, null, null, 'x', 'bad',"
            " timestamp '2026-01-01 00:00:00')"
        )
    out = tmp_path / "corpus.jsonl"
    try:
        assert export(project.database, out) == 3
        examples = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert sorted(e["databricks_request_id"] for e in examples) == sorted(request_ids)
        assert all(e["prompt"] and e["response"] and e["label"] == "good" for e in examples)
        assert all(e["request_time"].endswith("Z") for e in examples)
        assert export(project.database, out, include_incomplete=True) == 4
    finally:
        with duckdb.connect(str(project.database)) as connection:
            connection.execute(
                "create or replace table training_corpus as from training_corpus_backup"
            )
            connection.execute("drop table training_corpus_backup")


def test_the_readme_questions_run_on_the_snapshot(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    published = publish(project.database, tmp_path, "build-1")
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    block = readme.split("Three questions and their SQL:")[1].split("```sql")[1].split("```")[0]
    questions = [sql for sql in block.split(";") if sql.strip()]
    assert len(questions) == 3
    with duckdb.connect(str(published.snapshot), read_only=True) as connection:
        for sql in questions:
            assert connection.execute(sql).fetchall() is not None


def test_publishing_refuses_run_results_of_another_database(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as connection:
        connection.execute(
            "create table build_invocations as select 'someone-else' as invocation_id"
        )
    run_results = tmp_path / "run_results.json"
    run_results.write_text(
        json.dumps({"metadata": {"invocation_id": "abc"}, "args": {"which": "build"}})
    )
    out = tmp_path / "published"
    command = publish_command(project, out)
    command[command.index("--database") + 1] = str(other)
    command[command.index("--run-results") + 1] = str(run_results)
    refused = subprocess.run(command, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "(dbt invocation abc) are not of a build of" in refused.stderr
    assert not (out / "inference_tables.duckdb").exists()


def test_a_publish_removes_what_a_killed_publish_left(
    built: tuple[DbtProject, Path], tmp_path: Path
) -> None:
    project, _ = built
    publish(project.database, tmp_path, "build-1")
    leftovers = [tmp_path / ".inference_tables.duckdb.20260101T000000Z-1.tmp"]
    leftovers.append(tmp_path / ".parquet.20260101T000000Z-1.tmp")
    for path in leftovers:
        path.write_bytes(b"half written")
    (tmp_path / "parquet-20260101T000000Z-1").mkdir()  # never linked
    publish(project.database, tmp_path, "build-2")
    assert not any(path.exists() for path in leftovers)
    assert not (tmp_path / "parquet-20260101T000000Z-1").exists()
    assert len(list(tmp_path.glob("parquet-*"))) == 2


def test_publish_stamps_sort_as_the_publishes_ran_across_a_second_boundary() -> None:
    last_of_a_second = 1_790_000_000 * 10**9 + 999_999_999
    stamps = [publish_stamp(last_of_a_second + step) for step in (0, 1, 787_602, 10**9)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert stamps[1].endswith("Z-000000000")
