"""DATE: single dates, ranges and times in the forms reports use, normalised to ISO 8601.

«23.12.2022», «21.07.2020г.», «06 декабря 2022 года», «9-21 февраля 2023 года», «С 18 по 22 апреля 2022
года», «с 30 октября по 2 ноября 2023 г.», «12-13 февраля», «9 февраля 10:30». A day and month without
a year take the document's year. Bare years and «2023-2024 гг.» are not day dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex as re

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH = r"(?P<{g}>январ[яье]|феврал[яье]|марта?|апрел[яье]|ма[яйе]|июн[яье]|июл[яье]|августа?|сентябр[яье]|октябр[яье]|ноябр[яье]|декабр[яье])"
_YEAR = r"(?:\s*(?P<{g}>(?:19|20)\d\d)\s*(?:года|году|год|гг?\.?|г(?=\W|$))?)"
_DAY = r"(?P<{g}>[0-3]?\d)"
_TIME = r"(?:\s*(?:в\s*)?(?P<time>[0-2]?\d:[0-5]\d))?"
_B = r"(?<![\d\w])"

NUMERIC = re.compile(_B + r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?:\s?(?:года|г\.?)(?=\W|$))?")
RANGE_FROM_TO = re.compile(
    _B + r"(?i:с)\s*" + _DAY.format(g="d1") + r"(?:\s*" + _MONTH.format(g="m1") + r")?(?:" + _YEAR.format(g="y1") + r")?"
    r"\s*(?i:по|до)\s*" + _DAY.format(g="d2") + r"\s*" + _MONTH.format(g="m2") + _YEAR.format(g="y2") + "?",
)
RANGE_PERIOD = re.compile(  # «В период 9 по 21 февраля» — the «с» forgotten
    r"(?<=(?i:период)\s+)" + _DAY.format(g="d1") + r"\s*(?i:по)\s*" + _DAY.format(g="d2") + r"\s*" + _MONTH.format(g="m2") + _YEAR.format(g="y2") + "?"
)
RANGE_DASH = re.compile(
    _B + _DAY.format(g="d1") + r"(?:\s*" + _MONTH.format(g="m1") + r")?\s*[-–—]\s*" + _DAY.format(g="d2") + r"\s*"
    + _MONTH.format(g="m2") + r"-?" + _YEAR.format(g="y2") + "?"
)
SINGLE = re.compile(_B + _DAY.format(g="d") + r"\s+" + _MONTH.format(g="m") + _YEAR.format(g="y") + "?" + _TIME)


@dataclass
class DateSpan:
    start: int
    stop: int
    begin: dt.date
    end: dt.date | None = None
    time: str = ""

    @property
    def normal(self) -> str:
        iso = self.begin.isoformat()
        if self.end and self.end != self.begin:
            return f"{iso}/{self.end.isoformat()}"
        return f"{iso}T{self.time}" if self.time else iso


def _month(word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower()
    return next((n for stem, n in MONTHS.items() if w.startswith(stem) and (stem != "ма" or w[:3] in ("мая", "май", "мае"))), None)


def _date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    try:
        return dt.date(y, m, d) if y and m and d else None
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None) -> list[DateSpan]:
    spans: list[DateSpan] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, begin: dt.date | None, end: dt.date | None = None, time: str = "") -> None:
        if begin is None or any(not (m.end() <= a or m.start() >= b) for a, b in taken):
            return
        if end is not None and end < begin:
            return
        spans.append(DateSpan(m.start(), m.end(), begin, end, time))
        taken.append((m.start(), m.end()))

    for rx in (RANGE_FROM_TO, RANGE_PERIOD, RANGE_DASH):
        for m in rx.finditer(text):
            y2 = int(m.group("y2")) if m.group("y2") else default_year
            m2 = _month(m.group("m2"))
            m1 = _month(m.groupdict().get("m1")) or m2
            y1 = int(m.group("y1")) if m.groupdict().get("y1") else (y2 - 1 if m1 and m2 and m1 > m2 and y2 else y2)
            add(m, _date(y1, m1, int(m.group("d1"))), _date(y2, m2, int(m.group("d2"))))
    for m in NUMERIC.finditer(text):
        add(m, _date(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    for m in SINGLE.finditer(text):
        y = int(m.group("y")) if m.group("y") else default_year
        add(m, _date(y, _month(m.group("m")), int(m.group("d"))), time=m.group("time") or "")
    return sorted(spans, key=lambda s: s.start)
