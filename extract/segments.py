"""The pieces of text the entity stage reads: sentences of prose blocks and single table cells.

No entity may cross a cell, tab, line or block boundary, so every piece is cut at those boundaries
and carries the offset of its start in the document text and, for a cell, where the cell is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import Document

_BREAK = re.compile(r"[\t\n]")


@dataclass(frozen=True)
class Segment:
    text: str
    start: int  # offset of text[0] in Document.text
    block: int
    table_id: str = ""
    row: int | None = None
    col: int | None = None


def segments(doc: Document) -> list[Segment]:
    out: list[Segment] = []
    for b, block in enumerate(doc.blocks):
        if block.table is not None:
            table = doc.tables[block.table]
            for row, role in zip(table.rows, table.roles):
                for cell in row:
                    if cell.text.strip() and not cell.spanned:
                        out.append(Segment(cell.text, cell.start, b, table.table_id, cell.row, cell.col))
            continue
        text = doc.block_text(block)
        pos = 0
        for piece in _BREAK.split(text):
            if piece.strip():
                out.append(Segment(piece, block.start + pos, b))
            pos += len(piece) + 1
    return out
