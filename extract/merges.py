"""Infer vertically merged group cells where the format lost the merge (plain-text exports).

A text export prints a merged group cell («ДЕНЬ ЮЖНОЙ АГЛОМЕРАЦИИ» over four rows) once, followed by
empty cells. The first column's label is carried down into the empty cells below it, marked spanned,
as the DOCX and the PDF of the same report have it.
"""

from __future__ import annotations

from extract.model import RawTable
from extract.numbers import parse_number
from extract.roles import is_total_label


def fill_down_groups(table: RawTable) -> None:
    origin = None
    for row in table.rows[table.header_rows :]:
        first = row[0]
        others = any(c.text.strip() for c in row[1:])
        if first.text.strip():
            label = first.text.strip()
            is_group = parse_number(label) is None and not is_total_label(label)
            origin = first if is_group else None
        elif origin is not None and others:
            first.text, first.spanned = origin.text, True
            origin.rowspan += 1
        else:
            origin = None
