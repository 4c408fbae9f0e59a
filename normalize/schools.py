"""The canonical school registry: every spelling of an institution, in every document, to one row.

Mentions are grouped by city, numbering (schools, kindergartens and additional-education centres are
numbered separately) and number — so «МБОУ «СОШ № 110»», «МАОУ СОШ № 110» and «110» in a «№№ ОО»
column meet. Within a group a kind conflict («Лицей № 32» in one table, «Гимназия № 32» in another) is
resolved by the majority and flagged for review; two kinds with the same number side by side in one
block («СОШ№1» and «Городская гимназия №1») are two institutions. Unnumbered institutions are keyed by
their name. The user's registry file (`normalize.registry_file`) pins aliases, splits wrong merges
and brings official names, INN and OGRN.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from normalize.keys import KIND_STEMS, display_name, legal_form, name_key, numbering, stable_id
from normalize.registry_file import Registry

@dataclass(frozen=True)
class SchoolRecord:
    """What the registry needs of one SCHOOL mention."""

    mention_id: str
    doc_id: str
    doc_rank: str  # the document's date (or doc_id): the latest document's spelling is the full name
    block: int
    text: str
    kind: str
    number: str
    display: str
    legal_form: str = ""
    honorific: str = ""
    profile: str = ""
    city: str = ""
    district: str = ""
    bare: bool = False
    in_table: bool = False


@dataclass
class Institution:
    school_id: str
    city: str
    kind: str
    number: str
    name: str
    records: list[SchoolRecord] = field(default_factory=list)
    confidence: float = 1.0
    review: bool = False
    official: dict[str, str] = field(default_factory=dict)

    def row(self) -> dict[str, object]:
        recs = self.records
        legal = sorted({legal_form(r.legal_form) for r in recs if r.legal_form})
        full_forms = [r for r in recs if r.legal_form and not r.bare]
        latest = max(full_forms, key=lambda r: (r.doc_rank, r.doc_id, r.text), default=None)
        districts = Counter(r.district for r in recs if r.district)
        return {
            "school_id": self.school_id,
            "city": self.city,
            "district": districts.most_common(1)[0][0] if districts else "",
            "kind": self.kind if self.kind != "школа" else "другое",
            "number": self.number,
            "name": self.official.get("name") or self.name,
            "full_name": latest.text if latest else "",
            "legal_forms": ";".join(legal),
            "honorific": _most_common(r.honorific for r in recs),
            "profile": _most_common(r.profile for r in recs),
            "variants": ";".join(sorted({r.text for r in recs})),
            "n_mentions": len(recs),
            "n_docs": len({r.doc_id for r in recs}),
            "confidence": round(self.confidence, 2),
            "review": self.review,
            "inn": self.official.get("inn", ""),
            "ogrn": self.official.get("ogrn", ""),
        }


def _most_common(values) -> str:
    counts = Counter(v for v in values if v)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else ""


SIDE_BY_SIDE = 2  # blocks apart: the same paragraph, or the lists of one passage


def _split_by_kind(records: list[SchoolRecord]) -> bool:
    """Two specific kinds with one number listed side by side in the prose of one document
    («МБОУ «СОШ№1»», «МАОУ «Городская гимназия №1»» in the lists of one passage) are two institutions.
    Kinds that differ between tables, or between a table and the prose, are a conflict to resolve."""
    prose = [r for r in records if r.kind != "школа" and not r.in_table and "," not in r.text]
    for a in prose:
        for b in prose:
            if a.doc_id == b.doc_id and a.kind != b.kind and abs(a.block - b.block) <= SIDE_BY_SIDE:
                return True
    return False


def _name(kind: str, number: str, recs: list[SchoolRecord]) -> str:
    """«СОШ № 110»; for kinds without a standard stem (ДТ, ДДТ …) the most common written name."""
    if kind in KIND_STEMS:
        return display_name(kind, number)
    return _most_common(r.display for r in recs if r.kind == kind) or display_name(kind, number)


def build_registry(records: list[SchoolRecord], registry: Registry | None = None) -> tuple[list[Institution], dict[str, str]]:
    """Institutions, sorted by id, and the school_id of every mention."""
    registry = registry or Registry()
    institutions: dict[str, Institution] = {}
    assigned: dict[str, str] = {}

    def institution(key: tuple, city: str, kind: str, number: str, name: str) -> Institution:
        sid = stable_id("sch", *key)
        if sid not in institutions:
            institutions[sid] = Institution(sid, city, kind, number, name)
        return institutions[sid]

    pinned, rest = [], []
    for r in records:
        (pinned if registry.alias_for(r.text) else rest).append(r)
    for r in pinned:
        target = registry.alias_for(r.text)
        inst = institution(target.key(), target.city, target.kind, target.number, target.display)
        inst.records.append(r)

    numbered: dict[tuple[str, str, str], list[SchoolRecord]] = defaultdict(list)
    generic: list[SchoolRecord] = []
    named: dict[tuple[str, str, str], list[SchoolRecord]] = defaultdict(list)
    for r in rest:
        if r.number and r.kind == "школа":
            generic.append(r)
        elif r.number:
            numbered[(r.city, numbering(r.kind), r.number)].append(r)
        else:
            named[(r.city, numbering(r.kind), name_key(r.display))].append(r)

    for (city, group, number), recs in sorted(numbered.items()):
        kinds = Counter(r.kind for r in recs)
        if _split_by_kind(recs) or registry.is_split(city, number):
            for kind in sorted(kinds):
                inst = institution((city, group, number, kind), city, kind, number, _name(kind, number, recs))
                inst.records.extend(r for r in recs if r.kind == kind)
            continue
        kind, top = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        inst = institution((city, group, number), city, kind, number, _name(kind, number, recs))
        inst.records.extend(recs)
        if len(kinds) > 1:  # a kind conflict: trust the majority, ask a person to confirm
            inst.review = True
            inst.confidence = min(inst.confidence, top / len(recs))

    # «школ №112, 4» and a bare «110» in a «№№ ОО» column: the institution with that number in that city
    by_number: dict[tuple[str, str], list[Institution]] = defaultdict(list)
    for inst in institutions.values():
        if numbering(inst.kind) == "school" and inst.number:
            by_number[(inst.city, inst.number)].append(inst)
    for r in sorted(generic, key=lambda x: x.mention_id):
        found = by_number.get((r.city, r.number), [])
        if len(found) == 1:
            found[0].records.append(r)
            continue
        inst = institution((r.city, "school", r.number), r.city, "школа", r.number, display_name("школа", r.number))
        inst.records.append(r)
        inst.review = True
        inst.confidence = min(inst.confidence, 0.5 if not found else 0.6)

    for (city, group, key), recs in sorted(named.items()):
        first = sorted(recs, key=lambda x: x.mention_id)[0]
        inst = institution((city, group, key), city, first.kind, "", first.display)
        inst.records.extend(recs)

    for official in registry.institutions:
        inst = institution(official.key(), official.city, official.kind, official.number, official.display)
        inst.official = {"name": official.display, "inn": official.inn, "ogrn": official.ogrn}

    for inst in institutions.values():
        for r in inst.records:
            assigned[r.mention_id] = inst.school_id
    return sorted(institutions.values(), key=lambda i: i.school_id), assigned
