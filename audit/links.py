"""Linking prose to tables: table labels, event-row titles, and the heading a block sits under.

Headings and tables spell event titles slightly differently («компетентного» / «компетентностного»,
with or without the kind and the quotes), so titles are compared by how much of the heading's quoted
title the row's title contains, and a link is made only when one row is clearly the best.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from extract.model import Document, Table

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


def first_quoted(text: str) -> str | None:
    """The first «…» span, nested quotes included («Вехи истории МАУ ДО «Дом …» и …»); an unclosed
    one runs to the end of the text."""
    start = text.find("«")
    if start < 0:
        return None
    depth = 0
    for i in range(start, len(text)):
        depth += {"«": 1, "»": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1 : i]
    return text[start + 1 :]


def _words(text: str) -> list[str]:
    """Word stems of the quoted title (or of the whole text when nothing is quoted)."""
    quoted = first_quoted(text)
    core = (quoted if quoted is not None else text).lower().replace("ё", "е")
    return [w[:6] for w in re.findall(r"[а-яa-z0-9]+", core) if len(w) >= 3 or w.isdigit()]


def _similarity(key: list[str], title: list[str]) -> float:
    """How much of the heading's title the row's title contains, word by word (stems tolerate typos)."""
    have = set(title)
    contained = sum(1 for w in key if w in have) / len(key)
    return max(contained, SequenceMatcher(None, key, title, autojunk=False).ratio())


def match_event_row(title: str, doc: Document, exclude: Table | None = None) -> tuple[Table, int] | None:
    """The one event row whose title the given heading names, or None when none or several fit."""
    key = _words(title)
    if len(key) < 3:
        return None
    scored = sorted(
        (
            (_similarity(key, _words(row_title)), n, r)
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
    """The texts of the section a block is in, nearest first: back to its heading (and the short line
    just above it, where a two-line title was read as two blocks), never past a table."""
    texts = []
    for b in range(block - 1, -1, -1):
        above = doc.blocks[b]
        if above.kind == "table":
            break
        texts.append(doc.block_text(above))
        if above.kind == "heading":
            if b > 0 and doc.blocks[b - 1].kind != "table" and len(doc.block_text(doc.blocks[b - 1])) <= 160:
                texts.append(doc.block_text(doc.blocks[b - 1]))
            break
    headings = [t for t in texts if "«" in t or len(t) <= 160]
    return headings


def section_row(doc: Document, block: int, exclude: Table | None = None) -> tuple[Table, int] | None:
    """The event row that the section holding this block is about, found from the texts above it."""
    return next((m for t in texts_above(doc, block) if (m := match_event_row(t, doc, exclude))), None)
