"""PERSON: natasha's PER spans plus rules for the initials reports use, normalised to the nominative.

Reports name people as «Ильясова Д.Ф.», «А.А. Давыденко», «С.В.Круль», «О. Н. Кузнецова» or in full
(«Плетнева Лариса Анатольевна»). The normal form is «Surname I.O.» or «Surname Name Patronymic» in the
nominative, the gender read from the surname's form in context or from the words agreeing with it
(«Ильясова Д.Ф., заведующего кафедрой» → Ильясов Д.Ф., m). The position stated beside the name goes to
`role`, with its head word in the nominative; titles never become part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.morph import morph_vocab, to_nominative
from extract.ner import normal_of

_UP, _LOW = "А-ЯЁ", "а-яё"
_SURNAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_INITIALS = rf"([{_UP}])\.\s?([{_UP}])\."
_PATRONYMIC = rf"[{_UP}][{_LOW}]+(?:вич|вн|ичн|инич)[{_LOW}]*"
INITIALS_FIRST = re.compile(rf"(?<![{_UP}{_LOW}])([{_UP}])\.\s?([{_UP}])\.\s?({_SURNAME})")
SURNAME_FIRST = re.compile(rf"(?<![{_UP}{_LOW}])({_SURNAME})\s{_INITIALS}(?!\s?[{_UP}][{_LOW}])")
FULL_NAME = re.compile(rf"(?<![{_UP}{_LOW}])({_SURNAME})\s([{_UP}][{_LOW}]+)\s({_PATRONYMIC})\b")
NAME_PATRONYMIC = re.compile(rf"(?<![{_UP}{_LOW}])([{_UP}][{_LOW}]+)\s({_PATRONYMIC})\b")

ROLE_WORDS = (
    "директор", "заместител", "заведующ", "начальник", "доцент", "профессор", "учител", "педагог", "методист",
    "руководител", "председател", "министр", "ректор", "проректор", "специалист", "советник", "консультант",
    "преподавател", "воспитател", "логопед", "психолог", "инспектор", "глава", "мэр", "декан", "куратор",
    "старший", "ведущий", "главный", "первый", "советник", "эксперт", "тьютор", "сотрудник", "зав.", "зам.",
)
_ROLE_HEAD = re.compile(r"^(?:" + "|".join(re.escape(w) for w in ROLE_WORDS) + r")", re.IGNORECASE)
_MALE_END = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ой|ий)$")
_FEMALE_END = re.compile(r"(ова|ева|ёва|ина|ына|ская|цкая|ая)$")


@dataclass
class PersonSpan:
    start: int  # offsets within the segment
    stop: int
    surname: str
    first: str = ""
    patronymic: str = ""
    initials: str = ""  # «Д.Ф.»


def _is_name_word(word: str) -> bool:
    """A capitalised word that can be a surname: a known surname or a word the dictionary does not know
    as anything else («Министра», «Директор» are rejected)."""
    parses = morph_vocab().parse(word)
    if any({"Surn", "Name", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")) for p in parses[:4]):
        return True
    return not morph_vocab().word_is_known(word.lower())


def rule_spans(text: str) -> list[PersonSpan]:
    spans: list[PersonSpan] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in FULL_NAME.finditer(text):
        if _is_name_word(m.group(1)):
            spans.append(PersonSpan(m.start(), m.end(), m.group(1), m.group(2), m.group(3)))
            taken.append((m.start(), m.end()))
    for m in INITIALS_FIRST.finditer(text):
        if free(m.start(), m.end()) and _is_name_word(m.group(3)):
            spans.append(PersonSpan(m.start(), m.end(), m.group(3), initials=f"{m.group(1)}.{m.group(2)}."))
            taken.append((m.start(), m.end()))
    for m in SURNAME_FIRST.finditer(text):
        if free(m.start(), m.end()) and _is_name_word(m.group(1)):
            spans.append(PersonSpan(m.start(), m.end(), m.group(1), initials=f"{m.group(2)}.{m.group(3)}."))
            taken.append((m.start(), m.end()))
    return sorted(spans, key=lambda s: s.start)


def _token_at(ndoc, start: int):
    return next((t for t in ndoc.tokens if t.start == start), None)


def nominative(ndoc, span: PersonSpan, text: str) -> tuple[str, str, str, str]:
    """(surname, first name, patronymic) in the nominative and the gender, read in context."""
    s_start = text.index(span.surname, span.start)
    surname = normal_of(ndoc, s_start, s_start + len(span.surname)).split(" ")[0] or span.surname
    first = patronymic = ""
    if span.first:
        f_start = text.index(span.first, s_start + len(span.surname))
        p_start = text.index(span.patronymic, f_start + len(span.first))
        first = normal_of(ndoc, f_start, f_start + len(span.first))
        patronymic = normal_of(ndoc, p_start, p_start + len(span.patronymic))
    gender = _gender(ndoc, s_start, surname, patronymic, span)
    return surname[:1].upper() + surname[1:], first, patronymic, gender


def _gender(ndoc, s_start: int, surname: str, patronymic: str, span: PersonSpan) -> str:
    if patronymic:
        return "f" if patronymic.endswith("вна") or patronymic.endswith("чна") else "m"
    if _FEMALE_END.search(surname.lower()):
        return "f"
    if _MALE_END.search(surname.lower()):
        return "m"
    # an invariable surname (Ступак, Сахно): the words agreeing with it tell
    for token in ndoc.tokens:
        if token.start >= span.stop and token.pos in ("VERB", "ADJ", "NOUN") and token.feats.get("Gender") in ("Masc", "Fem"):
            if token.text.lower().startswith(("заведующ", "выступ", "рассказ", "представ", "отмет", "открыл")):
                return "m" if token.feats["Gender"] == "Masc" else "f"
        if token.start >= span.stop + 60:
            break
    return ""


def display_name(surname: str, first: str, patronymic: str, initials: str) -> str:
    if first:
        return " ".join(x for x in (surname, first, patronymic) if x)
    return f"{surname} {initials}".strip()


def role_near(text: str, start: int, stop: int) -> str:
    """The position stated right after the name («, заведующего кафедрой …») or right before it."""
    after = re.match(r"\s*[,–—-]\s*([^,;()\n\t]+(?:«[^»]*»[^,;()\n\t]*)?)", text[stop:])
    if after and _ROLE_HEAD.match(after.group(1).strip()):
        return _nominative_role(after.group(1).strip())
    before = re.search(r"([^,.;:()\n]{3,120})$", text[:start].rstrip("\t "))
    if before:
        words = before.group(1).strip().split()
        for i, w in enumerate(words):
            if _ROLE_HEAD.match(w):
                return _nominative_role(" ".join(words[i:]))
    return ""


def _nominative_role(role: str) -> str:
    words = role.split()
    head = words[0]
    for parse in morph_vocab().parse(head.lower()):
        tag = str(parse.tag)
        if ("NOUN" in tag or "ADJF" in tag or "PRTF" in tag) and "nomn" not in tag:
            form = to_nominative(parse)
            if form is not None:
                word = form.word
                words[0] = word[:1].upper() + word[1:] if head[:1].isupper() else word
                # «заведующего кафедрой» → «заведующий кафедрой»: an adjective head agrees with the next noun
                break
        if "nomn" in tag:
            break
    return " ".join(words).rstrip(" .")
