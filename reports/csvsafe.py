"""Write CSVs that spreadsheets show as text: no cell is ever run as a formula."""

from __future__ import annotations

import csv
import re
import sys

# our own CSVs are read back (mentions, the report, exports): a cell may be long, never hostile there
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
from collections.abc import Iterable, Mapping
from pathlib import Path

# A cell starting with = + - @ (or a tab/CR that some spreadsheets skip) and not being a plain number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d \u00a0]*(?:[.,]\d+)?")


def neutralise(value: object) -> str:
    """Prefix a would-be formula with an apostrophe, the convention spreadsheets show as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    s = str(value)
    if s.startswith(_FORMULA_START) and not _NUMBER.fullmatch(s):
        return "'" + s
    return s


def write_csv(path: Path, columns: list[str], rows: Iterable[Mapping[str, object]]) -> int:
    """Write rows (dicts keyed by column) in contract order; return how many were written."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(row.get(c)) for c in columns])
            n += 1
    return n


def write_grid(path: Path, grid: Iterable[Iterable[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        for row in grid:
            writer.writerow([neutralise(v) for v in row])
