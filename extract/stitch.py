"""Stitch table parts split by page breaks or repeated header rows into one logical table.

Readers see physical tables; a report's logical table is often printed in parts: the header row
repeated after a page break (DOCX «repeat as header», the PDF's next page, a blank line and the header
again in a text export). Two parts are one table when nothing but empty paragraphs stands between
them, they have the same number of columns, and the second part either repeats the first part's
header row or begins with a row that can only be a continuation (numbers in it, or an empty first
cell, as in a group whose name was printed once).
"""

from __future__ import annotations

import re

from extract.hyphenation import join_lines
from extract.model import RawCell, RawParagraph, RawTable
from extract.numbers import parse_number

_NORM = re.compile(r"[\W_]+")


def _row_key(row: list[RawCell]) -> tuple[str, ...]:
    return tuple(_NORM.sub("", c.text).lower() for c in row)


def _looks_like_continuation(first: list[RawCell]) -> bool:
    texts = [c.text.strip() for c in first]
    if not any(texts):
        return False
    return not texts[0] or any(parse_number(t) is not None for t in texts)


def _geometry_matches(a: RawTable, b: RawTable) -> bool:
    if not a.col_edges or not b.col_edges:
        return True
    if len(a.col_edges) != len(b.col_edges):
        return False
    return all(abs(x - y) < 6.0 for x, y in zip(a.col_edges, b.col_edges))


def _next_page_same_columns(a: RawTable, b: RawTable) -> bool:
    """A PDF table whose ruled columns line up with the table ending on the page before goes on."""
    return bool(a.col_edges) and b.page_start == a.page_end + 1 and _geometry_matches(a, b)


def _is_continuation_row(row: list[RawCell], prev: list[RawCell]) -> bool:
    """Does the first row of a part carry on the last row of the part before, across the break?

    It does when it holds no number, leaves empty every column where the row above has a number,
    and its key cell is empty or a fragment (starts in lower case or with a digit, like «13:00»).
    A row such as «Кузнецкий | - | -» is a real row and is kept.
    """
    texts = [c.text.strip() for c in row]
    if not any(texts) or any(parse_number(t) is not None for t in texts):
        return False
    numeric_above = [i for i, c in enumerate(prev) if parse_number(c.text) is not None]
    if not numeric_above or any(texts[i] for i in numeric_above if i < len(texts)):
        return False
    key = texts[0]
    return not key or key[0].islower() or key[0].isdigit()


def _append_part(base: RawTable, part: RawTable) -> None:
    rows = part.rows
    if _row_key(rows[0]) == _row_key(base.rows[0]) and base.header_rows:
        rows = rows[part.header_rows or 1 :]
    if rows and len(base.rows) > base.header_rows and _is_continuation_row(rows[0], base.rows[-1]):
        prev = base.rows[-1]
        for cell, more in zip(prev, rows[0]):
            if more.text.strip():
                cell.text = join_lines([cell.text, more.text])
        rows = rows[1:]
    base.rows.extend(rows)
    base.page_end = max(base.page_end, part.page_end)
    base.bottom = part.bottom


def stitch(items: list[RawParagraph | RawTable]) -> tuple[list[RawParagraph | RawTable], dict[int, int]]:
    """Merge table parts in place of reading order; return the new items and parts per table id()."""
    out: list[RawParagraph | RawTable] = []
    parts: dict[int, int] = {}
    last_table: RawTable | None = None
    gap: list[RawParagraph] = []  # empty paragraphs seen since last_table
    for item in items:
        if isinstance(item, RawParagraph):
            if item.text.strip():
                out.extend(gap)
                gap = []
                out.append(item)
                last_table = None
            else:
                gap.append(item)
            continue
        if not item.rows:
            continue
        if (
            last_table is not None
            and len(item.rows[0]) == len(last_table.rows[0])
            and _geometry_matches(last_table, item)
            and (
                _row_key(item.rows[0]) == _row_key(last_table.rows[0])
                or _looks_like_continuation(item.rows[0])
                or _next_page_same_columns(last_table, item)
            )
        ):
            _append_part(last_table, item)
            parts[id(last_table)] = parts.get(id(last_table), 1) + 1
            gap = []
            continue
        out.extend(gap)
        gap = []
        out.append(item)
        last_table = item
    out.extend(gap)
    return out, parts
