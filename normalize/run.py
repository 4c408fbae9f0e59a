"""The corpus-level stage: registry, people and events from every document's records, with ids."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from normalize.events import EventRecord
from normalize.keys import numbering
from normalize.people import PersonRecord, build_people
from normalize.registry_file import Registry
from normalize.schools import SchoolRecord, build_registry


@dataclass
class Normalized:
    schools: list[dict[str, object]]
    people: list[dict[str, object]]
    events: list[dict[str, object]]
    entity_ids: dict[str, str] = field(default_factory=dict)  # mention_id -> school_id / person_id


def normalize(
    schools: list[SchoolRecord], people: list[PersonRecord], events: list[EventRecord], registry: Registry | None = None
) -> Normalized:
    institutions, school_ids = build_registry(sorted(schools, key=lambda r: r.mention_id), registry)
    by_key = {f"{i.city}|{numbering(i.kind)}|{i.number}": i.school_id for i in institutions if i.number}
    people = [replace(p, school_ids=tuple(sorted({by_key[k] for k in p.school_ids if k in by_key}))) for p in people]
    person_rows, person_ids = build_people(sorted(people, key=lambda r: r.mention_id))
    event_rows = [
        {
            "event_id": e.event_id, "doc_id": e.doc_id, "date_start": e.date_start, "date_end": e.date_end,
            "time": e.time, "kind": e.kind, "title": e.title, "venue_school_id": school_ids.get(e.venue_mention, ""),
            "participants": e.participants, "table_id": e.table_id, "row": "" if e.row is None else e.row,
        }
        for e in sorted(events, key=lambda e: (e.doc_id, int(e.event_id.rsplit("-e", 1)[1])))
    ]
    return Normalized([i.row() for i in institutions], person_rows, event_rows, {**school_ids, **person_ids})
