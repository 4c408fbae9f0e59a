"""Linking prose to tables: table labels, event-row titles, and the heading a block sits under.

Headings and tables spell event titles slightly differently («компетентного» / «компетентностного»,
with or without the kind and the quotes), so titles are compared by how much of the heading's quoted
title the row's title contains, and a link is made only when one row is clearly the best.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from extract.model import Document, Table

_QUOTED = re.compile(r"«(.+)(?:»|$)")  # an unclosed « runs to the end
TITLE_HEADER = re.compile(r"мероприяти|название", re.IGNORECASE)
MIN_SIMILARITY = 0.85
MIN_MARGIN = 0.08


def table_label(table: Table) -> str:
    return table.caption.split("–")[0].strip() if table.caption else f"таблица {table.n}"


def is_event_table(table: Table) -> bool:
    return any(TITLE_HEADER.search(h) for h in table.header)


def event_rows(table: Table) -> list[tuple[int, str]]:
    """(row index, title) of each body row of an event table."""
    cols = [c for c, h in enumerate(table.header) if TITLE_HEADER.search(h)]
    if not cols:
        return []
    return [(r, table.rows[r][cols[0]].text) for r, role in enumerate(table.roles) if role == "body"]


def _norm(text: str) -> str:
    m = _QUOTED.search(text)
    core = m.group(1) if m else text
    return re.sub(r"[^а-яa-z0-9]+", " ", core.lower().replace("ё", "е")).strip()


def _similarity(key: str, title: str) -> float:
    sm = SequenceMatcher(None, key, title, autojunk=False)
    contained = sum(b.size for b in sm.get_matching_blocks()) / len(key)
    return max(sm.ratio(), contained)


def match_event_row(title: str, doc: Document, exclude: Table | None = None) -> tuple[Table, int] | None:
    """The one event row whose title the given heading names, or None when none or several fit."""
    key = _norm(title)
    if len(key) < 12:
        return None
    scored = sorted(
        (
            (_similarity(key, _norm(row_title)), n, r)
            for n, table in enumerate(doc.tables)
            if table is not exclude
            for r, row_title in event_rows(table)
        ),
        key=lambda x: -x[0],
    )
    if not scored or scored[0][0] < MIN_SIMILARITY:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MIN_MARGIN:
        return None
    return doc.tables[scored[0][1]], scored[0][2]


def texts_above(doc: Document, block: int) -> list[str]:
    """Headings above a block back to the previous table (nearest first), then quoted paragraphs."""
    above = []
    for b in range(block - 1, -1, -1):
        if doc.blocks[b].kind == "table":
            break
        above.append(doc.blocks[b])
    headings = [doc.block_text(b) for b in above if b.kind == "heading"]
    quoted = [doc.block_text(b) for b in above if b.kind != "heading" and "«" in doc.block_text(b)]
    return headings + quoted


def section_row(doc: Document, block: int, exclude: Table | None = None) -> tuple[Table, int] | None:
    """The event row that the section holding this block is about, found from the texts above it."""
    return next((m for t in texts_above(doc, block) if (m := match_event_row(t, doc, exclude))), None)
