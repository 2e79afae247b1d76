"""The plan of a run: how many lines each file gets and which positions hold special lines
(oversize, blank, bad, redelivered), deterministically from the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sample_logs.bad_lines import BAD_LINE_KINDS, BLANK_SHARE, BLANK_VARIANTS
from sample_logs.oversize import OVERSIZE_VARIANTS
from sample_logs.times import (
    SPAN_MS,
    START_MS,
    file_name,
    file_window,
    is_crlf_file,
    is_gzip_file,
    line_base_ms,
)

MIN_LINES_FOR_EVERY_KIND = 2000
DUPLICATE_SHARE = 0.009
Spec = tuple[Any, ...]


@dataclass
class FileTask:
    out_dir: str
    seed: int
    index: int
    files: int
    n_lines: int
    specs: dict[int, Spec]
    first_ms: int = START_MS
    span_ms: int = SPAN_MS

    @property
    def gz(self) -> bool:
        return is_gzip_file(self.index)

    @property
    def crlf(self) -> bool:
        return is_crlf_file(self.index)

    @property
    def name(self) -> str:
        return file_name(self.index, self.files, self.gz, self.first_ms, self.span_ms)

    @property
    def window(self) -> tuple[int, int]:
        return file_window(self.index, self.files, self.first_ms, self.span_ms)


def split_lines(lines: int, files: int) -> list[int]:
    return [lines // files + (1 if i < lines % files else 0) for i in range(files)]


def kind_count(lines: int, share: float) -> int:
    count = round(lines * share)
    return max(1, count) if lines >= MIN_LINES_FOR_EVERY_KIND else count


class Planner:
    """Places special lines at free positions, deterministically from the seed."""

    def __init__(
        self, lines: int, files: int, seed: int, first_ms: int = START_MS, span_ms: int = SPAN_MS
    ) -> None:
        self.rng = random.Random(f"{seed}/plan")
        self.first_ms = first_ms
        self.span_ms = span_ms
        self.sizes = split_lines(lines, files)
        self.specs: list[dict[int, Spec]] = [{} for _ in range(files)]

    def pick_file(self) -> int:
        return self.rng.choices(range(len(self.sizes)), weights=self.sizes)[0]

    def place(
        self,
        spec: Spec,
        file_index: int,
        lo: int = 0,
        hi: int | None = None,
    ) -> int | None:
        """Put spec at a free position in [lo, hi) of the file; None when none was found."""
        hi = self.sizes[file_index] if hi is None else hi
        taken = self.specs[file_index]
        for _ in range(64):
            if hi <= lo:
                return None
            pos = self.rng.randrange(lo, hi)
            if pos not in taken:
                taken[pos] = spec
                return pos
        return None

    def place_fixed_kinds(self, lines: int) -> None:
        if lines >= MIN_LINES_FOR_EVERY_KIND:
            for variant in OVERSIZE_VARIANTS:
                self.place(("oversize", variant), self.pick_file())
        for text in BLANK_VARIANTS:
            for _ in range(kind_count(lines, BLANK_SHARE / len(BLANK_VARIANTS))):
                # never the last line, so that no file ends with a blank line
                f = self.pick_file()
                self.place(("blank", text), f, 0, self.sizes[f] - 1)
        for reason, variants, share in BAD_LINE_KINDS:
            for variant in variants:
                for _ in range(kind_count(lines, share / len(variants))):
                    self.place(("bad", reason, variant), self.pick_file())

    def place_duplicates(self, lines: int) -> None:
        """Redelivered lines: mostly copied into a later file, some later in the same file."""
        files = len(self.sizes)
        sources: list[tuple[int, int]] = []
        for _ in range(round(lines * DUPLICATE_SHARE)):
            f = self.pick_file()
            pos = self.place(("pending",), f, 0, self.sizes[f] - 1)
            if pos is not None:
                sources.append((f, pos))
        sources.sort()
        ranks = list(range(len(sources)))
        self.rng.shuffle(ranks)
        n_triple = max(1, len(sources) // 40)
        request_sources: list[tuple[int, int]] = []
        for (f, pos), rank in zip(sources, ranks, strict=True):
            kind: str = "request"
            refs: tuple[tuple[int, int], ...] = ()
            if request_sources and self.rng.random() < 0.08:
                recent = request_sources[-20:]
                kind, refs = (
                    "feedback",
                    tuple(self.rng.sample(recent, min(2, len(recent)))),
                )
            else:
                request_sources.append((f, pos))
            window = file_window(f, files, self.first_ms, self.span_ms)
            base_ms = line_base_ms(*window, self.sizes[f], pos)
            self.specs[f][pos] = ("dupsrc", f, pos, kind, refs, base_ms)
            copy = ("dupcopy", f, pos, kind, refs, base_ms)
            for _ in range(2 if 2 <= rank < 2 + n_triple else 1):
                to_later = rank == 0 or (rank != 1 and self.rng.random() < 0.85)
                if to_later and f < files - 1:
                    self.place(copy, self.rng.randrange(f + 1, files))
                else:
                    self.place(copy, f, pos + 1)


def build_plan(
    out_dir: Path,
    lines: int,
    files: int,
    seed: int,
    first_ms: int = START_MS,
    span_ms: int = SPAN_MS,
) -> list[FileTask]:
    planner = Planner(lines, files, seed, first_ms, span_ms)
    planner.place_fixed_kinds(lines)
    planner.place_duplicates(lines)
    return [
        FileTask(
            str(out_dir), seed, i, files, planner.sizes[i], planner.specs[i], first_ms, span_ms
        )
        for i in range(files)
    ]
