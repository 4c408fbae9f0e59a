"""Which columns of a table hold counts, and which one is a «Всего»/«Итого» column."""

from __future__ import annotations

import re

from extract.model import Table

# columns of identifiers, not quantities: row numbers, codes, years, school numbers
_IDENTIFIER = re.compile(r"^\s*(№|№\s*п/п|п/п|код|номер|инн|огрн|год|№№)", re.IGNORECASE)
_TOTAL_HEADER = re.compile(r"^\s*(всего|итого)\s*(\(.*\))?\s*$", re.IGNORECASE)
_NO_VALUE = {"", "-", "–", "—", "нет", "x", "х"}


def no_value(text: str) -> bool:
    """Empty cells and dashes hold no value; they count as zero in a sum."""
    return text.strip().lower() in _NO_VALUE


def count_columns(table: Table) -> list[int]:
    """Columns where every body cell is a number or holds no value, and most hold numbers."""
    header = table.header
    out = []
    for c in range(table.n_cols):
        if c < len(header) and _IDENTIFIER.match(header[c]):
            continue
        cells = [row[c] for row, role in zip(table.rows, table.roles) if role == "body"]
        numbers = sum(1 for cell in cells if cell.value is not None)
        odd = sum(1 for cell in cells if cell.value is None and not no_value(cell.text))
        if cells and numbers * 2 >= len(cells) and odd <= max(1, len(cells) // 5):
            out.append(c)
    return out


def total_column(table: Table, counts: list[int]) -> int | None:
    """The «Всего» column, when there are at least two other count columns to add up into it."""
    header = table.header
    for c in counts:
        if c < len(header) and _TOTAL_HEADER.match(header[c]) and len([x for x in counts if x != c]) >= 2:
            return c
    return None


def odd_cells(table: Table, col: int, rows: list[int]) -> list[str]:
    """Cells of a count column that are neither a number nor empty: a sum over them is unreliable."""
    return [
        table.rows[r][col].text
        for r in rows
        if table.rows[r][col].value is None and not no_value(table.rows[r][col].text)
    ]
