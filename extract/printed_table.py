"""Recover an event table that a printed-PDF text export flattened cell by cell, line by line.

In such exports («Дата | Название мероприятия | Категория | Количество человек») each printed line of
each cell becomes a line of text, and a row broken by a page break comes back with its parts
interleaved: the rest of a title, or the time, after the row's count. Each line is cut into the
segments a line of this table can hold — a date or time, an event kind in capitals, a «quoted
title», a category of participants, a count — and a row starts at a day number followed by a month.
When the lines do not fit that shape the recogniser gives up and the caller keeps them as paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.hyphenation import join_lines
from extract.model import RawCell, RawTable

_MONTH = r"(?:январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
_DAY_START = re.compile(rf"^\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:\s+{_MONTH}-?)?$", re.IGNORECASE)
_MONTH_LINE = re.compile(rf"^{_MONTH}-?(?:\s+\d{{1,2}}:\d{{2}})?$", re.IGNORECASE)
_TIME_PREFIX = re.compile(r"^(\d{1,2}:\d{2})\s*(.*)$")
_COUNT_SUFFIX = re.compile(r"^(.*?\S)\s+(\d{1,5})$")
_CAPS_WORD = re.compile(r"^[А-ЯЁA-Z0-9][А-ЯЁA-Z0-9\-–.,()]*$")
# who takes part: the first word of a «Категория» cell in this genre
_CATEGORY_START = re.compile(
    r"^(?:педагог|учител|заместител|директор|руководител|специалист|методист|студент|воспитател|"
    r"работник|куратор|родител|обучающ|учащ|представител|эксперт|молод)",
    re.IGNORECASE,
)
HEADER_PHRASES = [
    "№ п/п", "№", "Дата и время", "Дата", "Время", "Название мероприятия", "Наименование мероприятия",
    "Мероприятие", "Категория участников", "Категория", "Количество человек", "Количество участников",
    "Кол-во чел", "Место проведения",
]


@dataclass
class _Row:
    date: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    count: str = ""

    def title_open(self) -> bool:
        text = " ".join(self.title)
        return text.count("«") > text.count("»")


def split_header(text: str, n_cols: int = 4) -> list[str] | None:
    """Cut a flattened header line into known column names, or None when it does not cut cleanly."""
    rest, cells = text.strip(), []
    while rest:
        match = next((p for p in sorted(HEADER_PHRASES, key=len, reverse=True) if rest.startswith(p)), None)
        if match is None:
            return None
        cells.append(match)
        rest = rest[len(match) :].strip()
    return cells if len(cells) == n_cols else None


def _caps_prefix(line: str) -> tuple[str, str]:
    words = line.split()
    n = 0
    while n < len(words) and _CAPS_WORD.match(words[n]) and any(ch.isalpha() for ch in words[n]):
        n += 1
    return " ".join(words[:n]), " ".join(words[n:])


def _feed(row: _Row, line: str) -> None:
    """Assign the segments of one printed line to the columns of the row being built."""
    m = _TIME_PREFIX.match(line)
    if m:
        row.date.append(m.group(1))
        line = m.group(2)
    if not line:
        return
    m = _COUNT_SUFFIX.match(line)
    if m and not row.count and not _DAY_START.match(line):
        row.count = m.group(2)
        line = m.group(1)
    elif line.isdigit():
        row.count = line
        return
    # an open «title» goes on until the category starts; after the count, only the title can go on
    title_goes_on = row.title_open() and (not row.category or row.count) and not _CATEGORY_START.match(line)
    starts_title = line.startswith("«") and "«" not in " ".join(row.title)  # «СибГИУ» after a title is category
    if starts_title or title_goes_on:
        close = line.find("»", 1) if line.startswith("«") else line.find("»")
        if close >= 0 and line[close + 1 :].strip():
            row.title.append(line[: close + 1])
            _feed(row, line[close + 1 :].strip())
        else:
            row.title.append(line)
        return
    caps, rest = _caps_prefix(line)
    if caps and not row.category and not row.count:
        row.title.append(caps)
        if rest:
            _feed(row, rest)
        return
    row.category.append(line)


def recover_event_table(lines: list[str]) -> tuple[RawTable, int] | None:
    """Rebuild the table from the lines after its caption; return it and how many lines it used."""
    lines = [ln.strip() for ln in lines]
    first_day = next((i for i, ln in enumerate(lines) if _DAY_START.match(ln) and ln), None)
    if first_day is None or first_day == 0:
        return None
    header = split_header(join_lines([ln for ln in lines[:first_day] if ln]))
    if header is None:
        return None
    rows: list[_Row] = []
    used = first_day
    for i in range(first_day, len(lines)):
        line = lines[i]
        if not line:
            continue
        nxt = next((ln for ln in lines[i + 1 :] if ln), "")
        if _DAY_START.match(line) and (_MONTH_LINE.match(nxt) or re.search(_MONTH, line, re.IGNORECASE)):
            rows.append(_Row(date=[line]))
        elif not rows:
            return None
        elif _MONTH_LINE.match(line) and not rows[-1].title:
            rows[-1].date.append(line)
        elif rows[-1].count and not _continues(rows[-1], line):
            break  # a line that fits no column of a finished row: the table has ended
        else:
            _feed(rows[-1], line)
        used = i + 1
    if len(rows) < 2 or any(not r.count or not r.title for r in rows):
        return None
    grid = [[RawCell(h) for h in header]]
    for r in rows:
        grid.append(
            [RawCell(join_lines(r.date)), RawCell(join_lines(r.title)), RawCell(join_lines(r.category)), RawCell(r.count)]
        )
    return RawTable(grid, header_rows=1), used


def _continues(row: _Row, line: str) -> bool:
    """After a row's count only the rest of its cells may follow (a row broken by a page break):
    a time, a «title», or a lower-case line; a paragraph or heading after the table starts otherwise."""
    return bool(_TIME_PREFIX.match(line)) or line.startswith("«") or line[:1].islower()
