"""The `generated` fixture: one directory generated per session, its expectations and its
independent scan. Test files take it with `pytest_plugins = ["sample_logs_fixtures"]`
(a plugin module that they do not import themselves, so that pytest rewrites its asserts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import generate_sample_logs as gen
import pytest
from sample_logs_helpers import N_LINES, SEED, Scan, scan


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Scan]:
    out_dir = tmp_path_factory.mktemp("logs")
    expectations = gen.generate(out_dir, N_LINES, seed=SEED, workers=2)
    return out_dir, expectations, scan(out_dir)
