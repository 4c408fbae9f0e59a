"""Block-kind hints shared by the readers: list markers and headings."""

from __future__ import annotations

import re

# «- », «– », «• », the Symbol-font bullet U+F0B7, «1.», «3.1.», «2)»
_LIST_MARKER = re.compile(r"^(?:[-–—•●▪◦*\uf0b7\uf0a7](?=\s|[А-ЯЁа-яёA-Za-z«])|\d{1,2}(?:\.\d{1,2})*[.)](?=\s))\s*")


CAPTION = re.compile(r"^\s*Таблица\s*№?\s*\d+(?:\.\d+)*\s*(?:[–—\-.:]|$)", re.IGNORECASE)


def is_caption(text: str) -> bool:
    """«Таблица 1 – Количество участников …», the caption line above a table."""
    return bool(CAPTION.match(text))


def list_marker(text: str) -> str | None:
    """The list marker a paragraph starts with, if any."""
    m = _LIST_MARKER.match(text)
    return m.group(0) if m else None


def guess_heading(text: str) -> bool:
    """A short one-line block that does not read as a sentence is a heading."""
    t = text.strip()
    if not t or "\n" in t or len(t) > 160:
        return False
    if t.endswith((".", ",", ";", ":")) or t.lower().startswith("таблица"):
        return False
    return t[0].isupper() or t[0] in "«\""
