"""Prepare Superset for bin/dashboard in one process: metadata database, admin, dashboard import.

Run with .venv-dashboard's Python, SUPERSET_CONFIG_PATH naming dashboards/superset_config.py:

    python dashboards/superset_setup.py --bundle dashboards/superset \
        --snapshot data/published/inference_tables.duckdb --admin-user admin

(the admin password comes from the environment variable DASHBOARD_ADMIN_PASSWORD, so that it
never shows in a process list). Each step is idempotent and is what a Superset command does:
migrate the metadata database (`superset db upgrade`), create the admin user or reset its
password to the given one (`superset fab create-admin`), sync roles and permissions
(`superset init`), then import every file of the bundle with the database pointed read-only at
the snapshot. The import is Superset's assets import, which overwrites the database, datasets,
charts and dashboard of an earlier import (same uuids); the dashboard import would keep an
earlier import's datasets and charts unchanged. One process instead of four commands saves
three start-ups of Superset (about 10 s each).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import yaml
from flask_migrate import upgrade
from superset.app import create_app

DATABASE_FOLDER = "databases/"


def snapshot_uri(snapshot: Path) -> str:
    """duckdb-engine's URI of the snapshot file, opened read-only (a DuckDB config option)."""
    return f"duckdb:///{snapshot.resolve()}?access_mode=read_only"


def bundle_contents(bundle: Path, snapshot: Path) -> dict[str, str]:
    """The bundle's files by path inside it, its database pointed at the snapshot."""
    contents = {}
    for path in sorted(bundle.rglob("*.yaml")):
        name = path.relative_to(bundle).as_posix()
        text = path.read_text()
        if name.startswith(DATABASE_FOLDER):
            config = yaml.safe_load(text)
            config["sqlalchemy_uri"] = snapshot_uri(snapshot)
            text = yaml.safe_dump(config, sort_keys=False)
        contents[name] = text
    return contents


def ensure_admin(security_manager: Any, username: str, password: str) -> None:
    user = security_manager.find_user(username=username)
    if user is None:
        role = security_manager.find_role(security_manager.auth_role_admin)
        created = security_manager.add_user(
            username, "Dashboard", "Admin", f"{username}@localhost", role, password
        )
        if not created:
            raise SystemExit(f"could not create the Superset user {username}")
        print(f"superset: admin user {username} created")
    else:
        security_manager.reset_password(user.id, password)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, required=True, help="folder of the export")
    parser.add_argument("--snapshot", type=Path, required=True, help="the DuckDB snapshot")
    parser.add_argument("--admin-user", default="admin")
    parser.add_argument(
        "--import-only", action="store_true", help="only import (the rest was done before)"
    )
    args = parser.parse_args()
    password = os.environ.get("DASHBOARD_ADMIN_PASSWORD", "admin")

    app = create_app()
    with app.app_context():
        # Imported here: these need the application that create_app() set up.
        from superset import appbuilder, db, security_manager
        from superset.commands.importers.v1.assets import ImportAssetsCommand
        from superset.utils.core import override_user

        if not args.import_only:
            upgrade()
            ensure_admin(security_manager, args.admin_user, password)
            appbuilder.add_permissions(update_perms=True)
            security_manager.sync_role_definitions()
            db.session.commit()

        contents = bundle_contents(args.bundle, args.snapshot)
        with override_user(security_manager.find_user(username=args.admin_user)):
            ImportAssetsCommand(contents).run()
        charts = sum(name.startswith("charts/") for name in contents)
        print(f"superset: imported {args.bundle} ({charts} charts) on {args.snapshot}")


if __name__ == "__main__":
    main()
