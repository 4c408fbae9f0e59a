"""Assemble a reader's raw items into the document's text, blocks and tables, with offsets.

The text is what text/DOC_ID.txt holds and what every char offset points into: blocks separated by
a blank line, a table written one row per line with cells separated by a tab.
"""

from __future__ import annotations

import re

from extract.blocks import is_caption
from extract.hyphenation import collapse_ws
from extract.merges import fill_down_groups
from extract.model import Block, Cell, RawCell, RawParagraph, RawTable, Table
from extract.numbers import parse_number
from extract.roles import guess_header_rows, row_roles
from extract.stitch import stitch

_BLOCK_SEP = "\n\n"
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f]+")
_TABS = re.compile(r" ?\t[\t ]*")


def _clean_paragraph(text: str) -> str:
    lines = [_TABS.sub("\t", _SPACES.sub(" ", line)).strip(" \t") for line in text.replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _drop_empty_rows(table: RawTable) -> None:
    keep = [r for i, r in enumerate(table.rows) if i < table.header_rows or any(c.text.strip() for c in r)]
    table.rows = keep


def _normalise_grid(table: RawTable) -> None:
    width = max(len(r) for r in table.rows)
    for row in table.rows:
        for cell in row:
            cell.text = collapse_ws(cell.text)
        row.extend(RawCell("") for _ in range(width - len(row)))


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def write(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)


def assemble(items: list[RawParagraph | RawTable], doc_id: str) -> tuple[str, list[Block], list[Table]]:
    for item in items:
        if isinstance(item, RawTable) and item.rows:
            _normalise_grid(item)
            item.header_rows = guess_header_rows(item.rows, item.header_rows)
    items, parts = stitch(items)
    for item in items:
        if isinstance(item, RawTable) and item.rows and item.infer_merges:
            fill_down_groups(item)
    w = _Writer()
    blocks: list[Block] = []
    tables: list[Table] = []
    last_para = ""
    for item in items:
        if isinstance(item, RawParagraph):
            text = _clean_paragraph(item.text)
            if not text:
                continue
            if blocks:
                w.write(_BLOCK_SEP)
            start, stop = w.write(text)
            blocks.append(Block(item.kind, start, stop, item.page))
            last_para = text
            continue
        _drop_empty_rows(item)
        if not item.rows:
            continue
        if blocks:
            w.write(_BLOCK_SEP)
        n = len(tables) + 1
        roles = row_roles(item.rows, item.header_rows)
        grid: list[list[Cell]] = []
        block_start = w.pos
        for r, raw_row in enumerate(item.rows):
            if r:
                w.write("\n")
            row: list[Cell] = []
            for c, raw in enumerate(raw_row):
                if c:
                    w.write("\t")
                start, stop = w.write(raw.text)
                value = parse_number(raw.text) if roles[r] != "header" else None
                row.append(Cell(raw.text, r, c, raw.spanned, raw.rowspan, raw.colspan, value, start, stop))
            grid.append(row)
        caption = last_para.split("\n")[0] if is_caption(last_para) else ""
        n_parts = parts.get(id(item), 1)
        tables.append(
            Table(
                table_id=f"{doc_id}-t{n}",
                n=n,
                rows=grid,
                roles=roles,
                caption=caption,
                page_start=item.page_start,
                page_end=item.page_end,
                continued=n_parts > 1,
                parts=n_parts,
            )
        )
        blocks.append(Block("table", block_start, w.pos, item.page_start, table=len(tables) - 1))
        last_para = ""
    return w.text(), blocks, tables
