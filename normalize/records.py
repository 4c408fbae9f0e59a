"""What the corpus-level stage keeps of each document: compact records of its schools and people.

The per-document stage makes these (in a worker, if there are workers); the registry, people and
events are then built once over the whole corpus from the records alone.
"""

from __future__ import annotations

import bisect

from extract.model import Document
from extract.schools import find_schools
from normalize.keys import numbering
from normalize.people import PersonRecord, parse_normal
from normalize.schools import SchoolRecord


def doc_rank(doc: Document) -> str:
    """How recent a document is: its date, else its event's end."""
    return doc.meta.get("doc_date") or doc.meta.get("event_end") or ""


def school_records(doc: Document) -> list[SchoolRecord]:
    starts = [b.start for b in doc.blocks]
    out = []
    for m in doc.mentions:
        if m.type != "SCHOOL":
            continue
        a = m.attrs
        out.append(SchoolRecord(
            mention_id=m.mention_id, doc_id=doc.doc_id, doc_rank=doc_rank(doc),
            block=bisect.bisect_right(starts, m.start) - 1, text=m.text, kind=a.get("kind", ""),
            number=a.get("number", ""), display=m.normal, legal_form=a.get("legal_form", ""),
            honorific=a.get("honorific", ""), profile=a.get("profile", ""), city=a.get("city", ""),
            district=a.get("district", ""), bare=bool(a.get("bare")), in_table=bool(m.table_id),
        ))
    return out


def person_records(doc: Document) -> list[PersonRecord]:
    city = doc.meta.get("city", "")
    out = []
    for m in doc.mentions:
        if m.type != "PERSON":
            continue
        a = m.attrs
        surname, first, patronymic, initials = parse_normal(m.normal)
        schools = tuple(
            f"{s.city or city}|{numbering(s.kind)}|{s.number}" for s in find_schools(m.role) if s.number
        )
        out.append(PersonRecord(
            mention_id=m.mention_id, doc_id=doc.doc_id, city=city, surname=a.get("surname") or surname,
            first_name=a.get("first_name") or first, patronymic=a.get("patronymic") or patronymic,
            initials=a.get("initials") or initials, gender=a.get("gender", ""), role=m.role, school_ids=schools,
        ))
    return out
