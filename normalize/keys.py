"""Canonical keys and stable ids: the same institution or person always gets the same id.

Ids are hashes of canonical keys, never counters, so adding a document never changes an existing id
and the order of input files does not matter.
"""

from __future__ import annotations

import hashlib
import re

# schools, kindergartens and additional-education centres are numbered separately
NUMBERING = {
    "СОШ": "school", "ООШ": "school", "НОШ": "school", "гимназия": "school", "лицей": "school",
    "спецшкола": "school", "школа-интернат": "school", "школа-сад": "school", "детский дом-школа": "school",
    "школа": "school", "детский сад": "kindergarten", "доп. образование": "extra", "вуз/ссуз": "higher",
}
CONTRACT_KINDS = {
    "СОШ", "ООШ", "НОШ", "гимназия", "лицей", "спецшкола", "школа-интернат", "школа-сад", "детский дом-школа",
    "детский сад", "доп. образование", "вуз/ссуз", "другое",
}
# the genre's typos of legal forms, and the spellings with a space
LEGAL_TYPOS = {"НБОУ": "МБНОУ", "НМБОУ": "МБНОУ", "МНБОУ": "МБНОУ", "МББНОУ": "МБНОУ"}


def stable_id(prefix: str, *parts: str) -> str:
    key = "|".join(p.strip().lower() for p in parts)
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


def legal_form(raw: str) -> str:
    form = re.sub(r"\s+", "", raw or "")
    return LEGAL_TYPOS.get(form, form)


def numbering(kind: str) -> str:
    return NUMBERING.get(kind, "other")


def name_key(name: str) -> str:
    """An unnumbered institution's name, with quotes, case and spacing folded."""
    return re.sub(r"[\W_]+", " ", name.lower().replace("ё", "е")).strip()


KIND_STEMS = {
    "СОШ": "СОШ", "ООШ": "ООШ", "НОШ": "НОШ", "гимназия": "Гимназия", "лицей": "Лицей", "спецшкола": "Спецшкола",
    "школа-интернат": "Школа-интернат", "школа-сад": "Школа-сад", "детский дом-школа": "Детский дом-школа",
    "детский сад": "Детский сад", "школа": "Школа",
}


def display_name(kind: str, number: str) -> str:
    """The canonical short name of a numbered institution: «СОШ № 110», «Гимназия № 17»."""
    return f"{KIND_STEMS.get(kind, kind)} № {number}"
