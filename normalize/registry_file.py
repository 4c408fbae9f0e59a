"""The user's registry file (`reports run … --registry FILE`): corrections a person makes once.

A CSV with the header `action,city,kind,number,name,inn,ogrn,alias` and one row per instruction:

- `institution` — an official institution (from a list of schools with INN/OGRN): it appears in
  schools.csv whatever the reports say, and mentions with its city, kind numbering and number (or
  its name) link to it, taking its official name, INN and OGRN.
- `alias` — pin a surface form (`alias`, exactly as written in a report) to the institution given
  by city/kind/number (or name), wherever the form occurs and whatever the rules made of it (a school
  put in the wrong city by a table row, a typo the rules read as another kind).
- `split` — never merge the institutions of this city and number across kinds (a wrong merge of
  «Лицей № 32» and «Гимназия № 32» that are really two).

See registry.example.csv in the repository.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from normalize.keys import CONTRACT_KINDS, display_name, name_key, numbering

COLUMNS = ["action", "city", "kind", "number", "name", "inn", "ogrn", "alias"]


class RegistryError(Exception):
    pass


@dataclass(frozen=True)
class Entry:
    city: str
    kind: str
    number: str = ""
    name: str = ""
    inn: str = ""
    ogrn: str = ""

    def key(self) -> tuple[str, ...]:
        if self.number:
            return (self.city, numbering(self.kind), self.number)
        return (self.city, numbering(self.kind), name_key(self.name))

    @property
    def display(self) -> str:
        if self.name:
            return self.name
        return display_name(self.kind, self.number)


@dataclass
class Registry:
    institutions: list[Entry] = field(default_factory=list)
    aliases: dict[str, Entry] = field(default_factory=dict)  # alias text -> target institution
    splits: set[tuple[str, str]] = field(default_factory=set)

    def alias_for(self, text: str) -> Entry | None:
        return self.aliases.get(text)

    def is_split(self, city: str, number: str) -> bool:
        return (city, number) in self.splits


def load_registry(path: Path) -> Registry:
    """Read and check the file; every problem is reported with its line number."""
    reg = Registry()
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise RegistryError(f"{path}: missing columns {', '.join(missing)} (header must be {','.join(COLUMNS)})")
            for line, row in enumerate(reader, start=2):
                _add(reg, {k: (v or "").strip() for k, v in row.items() if k}, f"{path}:{line}")
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read the registry file ({exc.strerror or exc})") from None
    return reg


def _add(reg: Registry, row: dict[str, str], where: str) -> None:
    action = row["action"].lower()
    if action == "split":
        if not (row["city"] and row["number"]):
            raise RegistryError(f"{where}: split needs city and number")
        reg.splits.add((row["city"], row["number"]))
        return
    if row["kind"] not in CONTRACT_KINDS:
        raise RegistryError(f"{where}: kind {row['kind']!r} is not one of {', '.join(sorted(CONTRACT_KINDS))}")
    if not (row["number"] or row["name"]):
        raise RegistryError(f"{where}: {action} needs a number or a name")
    entry = Entry(row["city"], row["kind"], row["number"], row["name"], row["inn"], row["ogrn"])
    if action == "institution":
        if not row["city"]:
            raise RegistryError(f"{where}: institution needs a city")
        reg.institutions.append(entry)
    elif action == "alias":
        if not (row["alias"] and row["city"]):
            raise RegistryError(f"{where}: alias needs the alias text and the city of its institution")
        reg.aliases[row["alias"]] = entry
    else:
        raise RegistryError(f"{where}: action must be institution, alias or split, not {row['action']!r}")
