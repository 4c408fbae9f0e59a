"""people.csv: one row per person across documents.

Mentions are the same person when the surname agrees (in the nominative), the initials are compatible
(«Д.Ф.» with «Дмитрий Фаридович», «Д.» with «Д.Ф.») and they are in the same city. Roles and
affiliations (a school's id, or the organisation named in the role) are collected.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from normalize.keys import stable_id

_UPPER_ORG = re.compile(r"(?<![А-ЯЁа-яё])((?:[А-ЯЁ]{2,}[А-ЯЁа-яё]*|[А-ЯЁ][а-яё]+[А-ЯЁ]\w*)(?:\s+[«\"]?[А-ЯЁ][\w-]*[»\"]?)*.*)$")


@dataclass(frozen=True)
class PersonRecord:
    mention_id: str
    doc_id: str
    city: str
    surname: str
    first_name: str
    patronymic: str
    initials: str
    gender: str
    role: str
    school_ids: tuple[str, ...] = ()  # «city|numbering|number» keys of schools named in the role, then ids


def parse_normal(normal: str) -> tuple[str, str, str, str]:
    """(surname, first name, patronymic, initials) of a normal form «Ильясов Д.Ф.» or «Плетнева Лариса Анатольевна»."""
    m = re.fullmatch(r"(\S+)\s+([А-ЯЁ])\.\s?([А-ЯЁ])\.", normal)
    if m:
        return m.group(1), "", "", f"{m.group(2)}.{m.group(3)}."
    parts = normal.split()
    if len(parts) == 3:
        return parts[0], parts[1], parts[2], f"{parts[1][0]}.{parts[2][0]}."
    if len(parts) == 2 and re.search(r"(?:вич|вна|чна)$", parts[1]) is None:
        return parts[0], parts[1], "", f"{parts[1][0]}."
    return (parts[0], "", "", "") if len(parts) == 1 else ("", "", "", "")


def _compatible(a: str, b: str) -> bool:
    """Initials agree as far as both go: «Д.» and «Д.Ф.» do, «Д.Ф.» and «Д.А.» do not."""
    a_, b_ = a.replace(".", ""), b.replace(".", "")
    n = min(len(a_), len(b_))
    return a_[:n] == b_[:n]


def _organisation(role: str) -> str:
    """The organisation a role names after the position: «доцент кафедры … ГБУ ДПО ЧИППКРО» → «ГБУ ДПО ЧИППКРО»."""
    m = _UPPER_ORG.search(role)
    return m.group(1).strip(" ,.") if m and len(m.group(1)) > 2 else ""


def build_people(records: list[PersonRecord]) -> tuple[list[dict[str, object]], dict[str, str]]:
    clusters: dict[tuple[str, str], list[list[PersonRecord]]] = defaultdict(list)
    # full initials first, so that «Д.» joins the one «Д.Ф.» it fits
    for r in sorted(records, key=lambda x: (-len(x.initials), x.mention_id)):
        if not r.surname:
            continue
        key = (r.city, r.surname.lower().replace("ё", "е"))
        groups = clusters[key]
        fits = [g for g in groups if all(_compatible(r.initials, o.initials) for o in g)]
        if len(fits) == 1 or (fits and r.initials):
            fits[0].append(r)
        else:
            groups.append([r])
    rows, assigned = [], {}
    for (city, _), groups in clusters.items():
        for g in groups:
            full = max(g, key=lambda x: (len(x.initials), bool(x.first_name), x.mention_id))
            pid = stable_id("per", city, full.surname, full.initials)
            genders = Counter(x.gender for x in g if x.gender)
            roles = sorted({x.role for x in g if x.role})
            # a school named in the role is its id; otherwise the organisation the role names
            affiliations = sorted({s for x in g for s in x.school_ids}
                                  | {o for x in g if not x.school_ids and (o := _organisation(x.role))})
            name = " ".join(p for p in (full.surname, full.first_name, full.patronymic) if p) if full.first_name and full.patronymic else f"{full.surname} {full.initials}".strip()
            rows.append({
                "person_id": pid,
                "surname": full.surname,
                "first_name": full.first_name,
                "patronymic": full.patronymic,
                "initials": full.initials,
                "name": name,
                "gender": genders.most_common(1)[0][0] if genders else "",
                "roles": ";".join(roles),
                "affiliations": ";".join(affiliations),
                "n_mentions": len(g),
                "n_docs": len({x.doc_id for x in g}),
                "city": city,
            })
            for x in g:
                assigned[x.mention_id] = pid
    return sorted(rows, key=lambda r: r["person_id"]), assigned
