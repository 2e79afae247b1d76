"""The raw payload log reader behind the stg_gateway__payload_lines Python model (whose
docstring says what it reads and keeps), importable by the model, scripts and tests.

- files: listing (matched_log_files), opening, blocks, fingerprints and file ids;
- lines: splitting blocks into numbered lines, lines too large, large lines reduced;
- plan: what a run reads of each file, from the states earlier runs left (plan_reads);
- batches: the rows in Arrow batches (read_payload_lines).

dbt finds this package through the profile's ``module_paths: ["scripts"]``, relative to the
folder dbt runs in (the project's root); pytest through ``pythonpath`` in pyproject.toml.
"""

from .batches import LINE_ROWS, LINE_SCHEMA, iter_batches, read_payload_lines
from .files import LOG_FILE_SUFFIXES, matched_log_files
from .plan import FileError, FileRead, FileState, plan_reads

__all__ = [
    "LINE_ROWS",
    "LINE_SCHEMA",
    "LOG_FILE_SUFFIXES",
    "FileError",
    "FileRead",
    "FileState",
    "iter_batches",
    "matched_log_files",
    "plan_reads",
    "read_payload_lines",
]
