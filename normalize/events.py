"""events.csv: every event row of the event tables, and events the prose describes with a date and a title.

An event row gives the date and time (from a «Дата» column, else from its title), the kind read from
the title («семинар», «форсайт-сессия», «круглый стол», …), the title, the venue school (a school named
in the row, typically in the title's parentheses) and the number of participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.cross_table import main_count_column
from audit.links import event_rows
from extract.dates import find_dates
from extract.metadata import document_year
from extract.model import Document

# longest first: «семинар-практикум» before «семинар», «научно-практическая конференция» is a «конференция»
EVENT_KINDS = [
    "семинар-практикум", "форсайт-сессия", "питч-сессия", "проектная сессия", "экспертная сессия",
    "аналитическая сессия", "интерактивная сессия", "стратегическая сессия", "круглый стол", "мастер-класс",
    "педагогическая мастерская", "творческая лаборатория", "творческая гостиная", "пленарное заседание",
    "презентационная площадка", "координационный совет", "ярмарка педагогических идей", "интерактивный квест",
    "марафон", "фестиваль", "конференция", "семинар", "форум", "коворкинг", "интенсив", "презентация",
    "олимпиада", "конкурс", "лекция", "экскурсия", "вебинар", "совещание", "выставка", "турнир", "квест", "сессия",
]
_KIND_RE = re.compile("|".join(re.escape(k).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]*") for k in EVENT_KINDS), re.IGNORECASE)
_DATE_HEADER = re.compile(r"^\s*дата", re.IGNORECASE)
_TITLE_QUOTED = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»")


def event_kind(title: str) -> str:
    """The kind of event a title names first, in its dictionary form."""
    m = _KIND_RE.search(title)
    if not m:
        return ""
    found = re.sub(r"[\s-]+", " ", m.group(0).lower())
    return next(k for k in EVENT_KINDS if re.sub(r"[\s-]+", " ", k) == found)


@dataclass
class EventRecord:
    event_id: str
    doc_id: str
    date_start: str = ""
    date_end: str = ""
    time: str = ""
    kind: str = ""
    title: str = ""
    venue_mention: str = ""  # mention_id of the venue school, resolved to a school_id later
    participants: str = ""
    table_id: str = ""
    row: int | None = None


def _dates(text: str, year: int | None) -> tuple[str, str, str]:
    found = find_dates(text, year)
    if not found:
        return "", "", ""
    d = found[0]
    return d.begin.isoformat(), (d.end or d.begin).isoformat(), d.time


def table_events(doc: Document) -> list[EventRecord]:
    year = document_year(doc)
    out: list[EventRecord] = []
    for table in doc.tables:
        titles = dict(event_rows(table))
        if not titles:
            continue
        date_cols = [c for c, h in enumerate(table.header) if _DATE_HEADER.match(h)]
        count_col = main_count_column(table)
        for r, title in titles.items():
            row = table.rows[r]
            if not title.strip():
                continue
            date_text = row[date_cols[0]].text if date_cols else title
            start, end, time = _dates(date_text, year)
            venue = next(
                (m.mention_id for m in doc.mentions
                 if m.type == "SCHOOL" and m.table_id == table.table_id and m.row == r and not m.attrs.get("bare")),
                "",
            )
            participants = row[count_col].value if count_col is not None else None
            out.append(EventRecord(
                event_id=f"{doc.doc_id}-e{len(out) + 1}", doc_id=doc.doc_id, date_start=start, date_end=end, time=time,
                kind=event_kind(title), title=title, venue_mention=venue,
                participants="" if participants is None else str(int(participants)) if participants.is_integer() else str(participants),
                table_id=table.table_id, row=r,
            ))
    return out


def prose_events(doc: Document, known_titles: list[str], start_n: int) -> list[EventRecord]:
    """«14 февраля 2023 года … прошла региональная научно-практическая конференция «Актуальные …»»: a
    sentence with a date, a kind of event and a quoted title is an event, unless a table already lists it."""
    from razdel import sentenize

    seen = {re.sub(r"\W+", "", t.lower()) for t in known_titles}
    out: list[EventRecord] = []
    dates = [m for m in doc.mentions if m.type == "DATE"]
    for block in doc.blocks:
        if block.table is not None:
            continue
        text = doc.block_text(block)
        for sent in sentenize(text):
            s_start, s_stop = block.start + sent.start, block.start + sent.stop
            # the event's own date, not a citation of an order («приказ от 21.04.2022 № …»)
            date = next((d for d in dates if s_start <= d.start < s_stop
                         and not re.search(r"(?i:от)\s*$", doc.text[max(0, d.start - 4) : d.start])), None)
            kind = _KIND_RE.search(sent.text)
            # the quoted title follows its kind closely: «конференция «РесурсыПлюс: …»»
            title = _TITLE_QUOTED.match(sent.text, kind.end() + (len(sent.text[kind.end():]) - len(sent.text[kind.end():].lstrip(" :–—-")))) if kind else None
            if date is None or kind is None or title is None:
                continue
            full_title = f"{kind.group(0)} {title.group(0)}"
            quoted = re.sub(r"\W+", "", title.group(0).lower())
            if any(quoted and quoted in t for t in seen):
                continue
            seen.add(quoted)
            begin, _, end = date.normal.partition("/")
            time = begin.partition("T")[2]
            venue = next((m.mention_id for m in doc.mentions if m.type == "SCHOOL" and s_start <= m.start < s_stop), "")
            out.append(EventRecord(
                event_id=f"{doc.doc_id}-e{start_n + len(out) + 1}", doc_id=doc.doc_id, date_start=begin.partition("T")[0],
                date_end=(end or begin).partition("T")[0], time=time, kind=event_kind(full_title), title=full_title,
                venue_mention=venue,
            ))
    return out


def document_events(doc: Document) -> list[EventRecord]:
    table = table_events(doc)
    return table + prose_events(doc, [e.title for e in table], len(table))
