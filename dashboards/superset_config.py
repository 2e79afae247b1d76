"""Superset settings of bin/dashboard: a local, offline Superset over the published snapshot.

Superset loads this file when SUPERSET_CONFIG_PATH names it (bin/dashboard sets it). Its own
state stays in SUPERSET_HOME (bin/dashboard: data/superset/, never committed): the metadata
database superset.db and the secret key file secret_key, which bin/dashboard writes once.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

SUPERSET_HOME = Path(os.environ.get("SUPERSET_HOME", "data/superset")).resolve()


def _secret_key() -> str:
    """The key that signs sessions and encrypts stored connection settings."""
    key_file = SUPERSET_HOME / "secret_key"
    if not key_file.is_file():
        raise RuntimeError(f"{key_file} is missing: bin/dashboard writes it on its first run")
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
SQLALCHEMY_DATABASE_URI = f"sqlite:///{SUPERSET_HOME / 'superset.db'}?check_same_thread=false"
DATA_DIR = str(SUPERSET_HOME)

# Offline: no example data, no telemetry, no map tiles or web fonts. The page may load
# only from this server (the navigation bar's usage pixel and any remote image are blocked).
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "script-src": ["'self'", "'strict-dynamic'"],
    },
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}
# Render every chart of a dashboard at once, not only those scrolled into view: a dozen
# charts on a local file, and a full-page screenshot shows them all.
FEATURE_FLAGS = {"DASHBOARD_VIRTUALIZATION": False}
# Rate limits of the login form, kept in this process (no Redis here).
RATELIMIT_STORAGE_URI = "memory://"
# Chart data is read from a small local file: no result cache to go stale after a publish.
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}


class _WithoutMissingSpinnerWarning(logging.Filter):
    """Superset 6.1.0's wheel lacks the spinner SVG file its server looks for on every page (the
    page has its own spinner): the warning would fill the server's output."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "default spinner SVG" not in record.getMessage()


logging.getLogger("superset.views.base").addFilter(_WithoutMissingSpinnerWarning())
