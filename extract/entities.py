"""The entity stage: `tag_entities(doc)` fills doc.mentions and doc.meta.

Rules and natasha run segment by segment (`extract.segments`), so no mention crosses a cell, tab, line
or block boundary; rules win where they overlap natasha (a school is a SCHOOL, not also an ORG; a
person's span never takes in the title before it).
"""

from __future__ import annotations

import re

from extract.dates import find_dates
from extract.metadata import city_nominative, document_year, extract_metadata
from extract.model import Document, Mention
from extract.ner import analyse, normal_of, with_morph
from extract.morph import morph_vocab, to_nominative
from extract.persons import NAME_PATRONYMIC, PersonSpan, display_name, is_person_word, nominative, role_near, rule_spans, surname_nominative
from extract.schools import find_schools
from extract.segments import Segment, segments

_NEEDS_NER = re.compile(r"[А-ЯЁ][а-яё]")
MAX_NER_CHARS = 20_000  # one paragraph or cell; a longer «line» is not prose and would stall the models
_TRIM = "«»\"'()[]{}.,;:–—- "
_SCHOOL_COLUMN = re.compile(r"^№№?\s*(?:ОО|ОУ|школ)", re.IGNORECASE)
_BARE_NUMBERS = re.compile(r"(?<![\d.])(\d{1,4})(?![\d.])")
_TITLE_WORDS = re.compile(
    r"^(?:министр|заместител|директор|начальник|заведующ|руководител|председател|глав|доцент|профессор|учител|"
    r"ректор|первый|старший|ведущий|главный)\w*\s+",
    re.IGNORECASE,
)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < y and x < a[1] for x, y in spans)


_HONOREE = re.compile(r"(?:им\.|имени)\s*(?:(?:дважды\s+)?Геро[яй](?:\s+[А-ЯЁ][а-яё]+){1,2}\s+|[а-яё]+\s+)?"
                      r"(?P<first>[А-ЯЁ][а-яё]+)\s(?P<last>[А-ЯЁ][а-яё]+)$")


def _honoree(seg: Segment, s, text: str) -> Mention | None:
    """The person a school is named after, when named by first name and surname («имени Героя
    Советского Союза Зины Портновой» → Портнова Зина); initials forms are found by the person rules."""
    m = _HONOREE.search(s.honorific)
    if m is None:
        return None
    at = text.find(s.honorific, s.start)
    start, stop = at + m.start("first"), at + m.end("last")
    surname, gender = surname_nominative(m.group("last"), "gent")
    parses = [p for p in morph_vocab().parse(m.group("first")) if "Name" in str(p.tag)]
    form = to_nominative(parses[0]) if parses else None
    first = form.word.capitalize() if form is not None else m.group("first")
    return Mention("PERSON", seg.start + start, seg.start + stop, text[start:stop], f"{surname} {first}",
                   attrs={"surname": surname, "first_name": first, "gender": gender})


def _school_mentions(seg: Segment, doc_city: str, row_city: str) -> list[Mention]:
    out = []
    for s in find_schools(seg.text):
        honoree = _honoree(seg, s, seg.text) if s.honorific else None
        if honoree is not None and not any(o.type == "PERSON" and o.start == honoree.start for o in out):
            out.append(honoree)
        attrs = {"kind": s.kind, "number": s.number, "name": s.display, "legal_form": s.legal_form,
                 "honorific": s.honorific, "profile": s.profile, "city": s.city or row_city or doc_city}
        attrs.update({k: v for k, v in s.attrs.items() if k != "written"})
        out.append(Mention("SCHOOL", seg.start + s.start, seg.start + s.stop, seg.text[s.start : s.stop].strip(),
                           s.display, attrs={k: v for k, v in attrs.items() if v}))
    return out


def _person_mention(seg: Segment, ndoc, span: PersonSpan, doc: Document) -> Mention:
    surname, first, patronymic, gender = nominative(ndoc, span, seg.text)
    normal = display_name(surname, first, patronymic, span.initials)
    attrs = {"surname": surname, "first_name": first, "patronymic": patronymic, "initials": span.initials, "gender": gender}
    block = doc.blocks[seg.block]
    window_start = doc.blocks[seg.block - 1].start if seg.block > 0 else block.start  # a signature's role line
    window = doc.text[window_start : block.stop]
    role = role_near(window, seg.start + span.start - window_start, seg.start + span.stop - window_start)
    return Mention("PERSON", seg.start + span.start, seg.start + span.stop, seg.text[span.start : span.stop], normal,
                   role=role, attrs={k: v for k, v in attrs.items() if v})


def _natasha_span(text: str, start: int, stop: int) -> tuple[int, int]:
    """Trim dangling quotes, brackets and leading titles («Министра …») from a natasha span."""
    while start < stop and text[start] in _TRIM:
        start += 1
    while stop > start and text[stop - 1] in _TRIM and not (text[stop - 1] == "." and stop - start <= 3):
        stop -= 1
    opened = text[start:stop].count("«") - text[start:stop].count("»")
    if opened > 0 and stop < len(text) and text[stop] == "»":
        stop += 1
    m = _TITLE_WORDS.match(text[start:stop])
    while m and start + m.end() < stop:
        start += m.end()
        m = _TITLE_WORDS.match(text[start:stop])
    return start, stop


def _segment_mentions(doc: Document, seg: Segment, year: int | None, doc_city: str, row_city: str) -> list[Mention]:
    mentions = _school_mentions(seg, doc_city, row_city)
    for d in find_dates(seg.text, year):
        mentions.append(Mention("DATE", seg.start + d.start, seg.start + d.stop, seg.text[d.start : d.stop], d.normal,
                                attrs={"time": d.time} if d.time else {}))
    if not _NEEDS_NER.search(seg.text) or len(seg.text) > MAX_NER_CHARS:
        return mentions  # no capitals, no names; a line of megabytes is no prose (rules still ran)
    ndoc = analyse(seg.text)
    persons = rule_spans(seg.text)
    if persons or ndoc.spans:
        with_morph(ndoc)
    for span in persons:
        mentions.append(_person_mention(seg, ndoc, span, doc))
    taken = [(m.start - seg.start, m.stop - seg.start) for m in mentions if m.type in ("SCHOOL", "PERSON")]
    people = [(m.start - seg.start, m.stop - seg.start) for m in mentions if m.type == "PERSON"]
    for span in ndoc.spans:
        start, stop = _natasha_span(seg.text, span.start, span.stop)
        # a person may stand inside a school's honorific («имени … Зины Портновой»); nothing else may
        if stop - start < 2 or _overlaps((start, stop), people if span.type == "PER" else taken):
            continue
        text = seg.text[start:stop]
        if span.type == "PER":
            if " " not in text and not is_person_word(text):
                continue  # natasha takes a lone «Министра», «Новоильинский», «Таштагола» for a person
            m = NAME_PATRONYMIC.fullmatch(text)
            attrs = {"first_name": m.group(1), "patronymic": m.group(2)} if m else {}
            normal = text if m else normal_of(ndoc, start, stop)
            mentions.append(Mention("PERSON", seg.start + start, seg.start + stop, text, normal, attrs=attrs))
        elif span.type in ("ORG", "LOC"):
            normal = normal_of(ndoc, start, stop)
            if span.type == "LOC" and len(text.split()) == 1:
                normal = city_nominative(text) if text[:1].isupper() else normal
            mentions.append(Mention(span.type, seg.start + start, seg.start + stop, text, normal))
        taken.append((start, stop))
    return mentions


_DISTRICT_FORM = re.compile(r"(?:ский|цкий|ный|ий|ый|ой)$")


def _row_place(doc: Document, seg: Segment, cities: set[str]) -> tuple[str, str]:
    """(city, district) named by the first cell of a table row: «Междуреченск» places the row's schools
    in that city; «Центральный» in that district of the document's city."""
    table = next(t for t in doc.tables if t.table_id == seg.table_id)
    first = table.rows[seg.row][0].text.strip()
    if not first or " " in first or not first[0].isupper():
        return "", ""
    if _DISTRICT_FORM.search(first):
        return "", first if table.header and re.match(r"(?i)район", table.header[0]) else ""
    return (first if first in cities else ""), ""


def _bare_numbers(doc: Document, seg: Segment, city: str) -> list[Mention]:
    """A «№№ ОО» column lists schools by number alone («103, 31, 16»): one mention per number."""
    table = next(t for t in doc.tables if t.table_id == seg.table_id)
    header = table.header[seg.col] if seg.col < len(table.header) else ""
    if not _SCHOOL_COLUMN.match(header) or re.search(r"[А-ЯЁа-яё]", seg.text):
        return []
    return [
        Mention("SCHOOL", seg.start + m.start(), seg.start + m.end(), m.group(1), f"Школа № {m.group(1)}",
                attrs={"kind": "школа", "number": m.group(1), "city": city, "bare": "true"})
        for m in _BARE_NUMBERS.finditer(seg.text)
    ]


def _link_name_patronymic(mentions: list[Mention]) -> None:
    """«Лариса Анатольевна» after «Плетнева Лариса Анатольевна» is the same person."""
    full = {(m.attrs.get("first_name"), m.attrs.get("patronymic")): m for m in mentions
            if m.type == "PERSON" and m.attrs.get("surname") and m.attrs.get("first_name")}
    for m in mentions:
        if m.type == "PERSON" and not m.attrs.get("surname") and m.attrs.get("first_name"):
            ref = full.get((m.attrs.get("first_name"), m.attrs.get("patronymic")))
            if ref is not None:
                m.normal = ref.normal
                m.attrs = {**ref.attrs}


def tag_entities(doc: Document) -> None:
    doc.meta = extract_metadata(doc)
    year = document_year(doc)
    doc_city = doc.meta.get("city", "")
    mentions: list[Mention] = []
    known_cities: set[str] = set()
    segs = segments(doc)
    for seg in segs:
        for m in _segment_mentions(doc, seg, year, doc_city, ""):
            if m.type == "LOC":
                known_cities.add(m.normal)
            mentions.append(m)
            if seg.table_id:
                m.table_id, m.row, m.col = seg.table_id, seg.row, seg.col
    # a second look at table cells: the row's city, and school numbers given bare
    for seg in segs:
        if not seg.table_id:
            continue
        row_city, district = _row_place(doc, seg, known_cities | {doc_city})
        for m in mentions:
            if m.type == "SCHOOL" and m.table_id == seg.table_id and m.row == seg.row:
                if row_city:
                    m.attrs["city"] = row_city
                if district:
                    m.attrs["district"] = district
        for m in _bare_numbers(doc, seg, row_city or doc_city):
            m.table_id, m.row, m.col = seg.table_id, seg.row, seg.col
            mentions.append(m)
    _link_name_patronymic(mentions)
    doc.mentions = sorted(mentions, key=lambda m: (m.start, m.stop, m.type))  # stable: found order breaks ties
    for i, m in enumerate(doc.mentions, start=1):
        m.mention_id = f"{doc.doc_id}-m{i}"
