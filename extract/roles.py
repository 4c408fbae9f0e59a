"""Row roles: which rows are headers, which are ИТОГО/ВСЕГО totals, which are the body."""

from __future__ import annotations

import re

from extract.model import RawCell, RowRole
from extract.numbers import parse_number

# «ИТОГО», «Всего», «Итого по району», «Всего:» — but not «Всего присутствовало (чел.)» in a header.
TOTAL_LABEL = re.compile(r"^\s*(итого|всего)\b[\s:.]*(?:по\b.*)?$", re.IGNORECASE)


def is_total_label(text: str) -> bool:
    return bool(TOTAL_LABEL.match(text))


def _has_number(row: list[RawCell]) -> bool:
    return any(parse_number(c.text) is not None for c in row)


def guess_header_rows(rows: list[list[RawCell]], hinted: int) -> int:
    """Trust a reader's hint (DOCX tblHeader); otherwise a first row without numbers is a header."""
    if len(rows) < 2:
        return 0
    if hinted > 0:
        return min(hinted, len(rows) - 1)
    first = rows[0]
    return 0 if _has_number(first) or not any(c.text.strip() for c in first) else 1


def row_roles(rows: list[list[RawCell]], header_rows: int) -> list[RowRole]:
    roles: list[RowRole] = []
    for i, row in enumerate(rows):
        if i < header_rows:
            roles.append("header")
            continue
        labels = [c.text for c in row if c.text.strip() and parse_number(c.text) is None]
        if labels and is_total_label(labels[0]) and _has_number(row):
            roles.append("total")
        else:
            roles.append("body")
    return roles
