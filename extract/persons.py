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
_DEGREE = r"(?:[кд]\.\s?[а-я]{1,4}\.\s?н\.\s*,?\s*)?"  # «к.п.н.,» between a name and its position
_ROLE_HEAD = re.compile(r"^(?:" + "|".join(re.escape(w) for w in ROLE_WORDS) + r")", re.IGNORECASE)


@dataclass
class PersonSpan:
    start: int  # offsets within the segment
    stop: int
    surname: str
    first: str = ""
    patronymic: str = ""
    initials: str = ""  # «Д.Ф.»


def _grams(parse) -> set[str]:
    return set(str(parse.tag).replace(" ", ",").split(","))


def is_person_word(word: str) -> bool:
    """Can a single word natasha took for a person be one? Not a word the dictionary knows only as
    something else: a district («Новоильинский»), a town («Таштагола»), a title («Министра»)."""
    if _ROLE_HEAD.match(word):
        return False
    if not morph_vocab().word_is_known(word.lower()):
        return True
    return any({"Surn", "Name", "Patr"} & _grams(p) for p in morph_vocab().parse(word)[:4])


def _is_name_word(word: str) -> bool:
    """A capitalised word that can be a surname. Titles («Министра», «Директора») and inanimate nouns
    («Министерства») are not; a word the dictionary knows only as something else may still be one
    («Задорина»), since it stands before initials."""
    if _ROLE_HEAD.match(word):
        return False
    parses = morph_vocab().parse(word)
    if any({"Surn", "Name", "Patr"} & _grams(p) for p in parses[:4]):
        return True
    return True  # standing before initials, a capitalised word is a surname («Задорина К.С.»)


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


# surname endings by case: (ending, replacement in the nominative, gender)
_ENDINGS = {
    "gent": [("овой", "ова", "f"), ("евой", "ева", "f"), ("иной", "ина", "f"), ("ыной", "ына", "f"),
             ("ской", "ская", "f"), ("цкой", "цкая", "f"), ("ского", "ский", "m"), ("цкого", "цкий", "m"),
             ("ого", "ой", "m"), ("еля", "ель", "m"), ("ова", "ов", "m"), ("ева", "ев", "m"), ("ёва", "ёв", "m"), ("ина", "ин", "m"),
             ("ына", "ын", "m")],
    "datv": [("овой", "ова", "f"), ("евой", "ева", "f"), ("иной", "ина", "f"), ("ской", "ская", "f"),
             ("скому", "ский", "m"), ("ову", "ов", "m"), ("еву", "ев", "m"), ("ину", "ин", "m")],
    "ablt": [("овой", "ова", "f"), ("евой", "ева", "f"), ("иной", "ина", "f"), ("ской", "ская", "f"),
             ("ским", "ский", "m"), ("овым", "ов", "m"), ("евым", "ев", "m"), ("иным", "ин", "m")],
    "loct": [("овой", "ова", "f"), ("евой", "ева", "f"), ("иной", "ина", "f"), ("ском", "ский", "m"),
             ("ове", "ов", "m"), ("еве", "ев", "m"), ("ине", "ин", "m")],
}
_NOMN_GENDER = [("ова", "f"), ("ева", "f"), ("ёва", "f"), ("ина", "f"), ("ына", "f"), ("ская", "f"), ("цкая", "f"),
                ("ая", "f"), ("ов", "m"), ("ев", "m"), ("ёв", "m"), ("ин", "m"), ("ын", "m"), ("ский", "m"),
                ("цкий", "m"), ("ой", "m"), ("ий", "m")]
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "gent", "Ins": "ablt", "Loc": "loct"}


def surname_nominative(word: str, case: str, gender_hint: str = "") -> tuple[str, str]:
    """The nominative of a surname in a known case, and the gender its ending shows («Ильясова» in
    the genitive → Ильясов, m; «Севрюковой» → Севрюкова, f; «Сахно» does not change)."""
    low = word.lower()
    if case != "nomn":
        for ending, repl, gender in _ENDINGS.get(case, []):
            if low.endswith(ending) and len(low) > len(ending) + 1 and (not gender_hint or gender_hint == gender):
                stem = word[: len(word) - len(ending)]
                if repl.endswith("ий") and morph_vocab().parse(low)[0].normal_form.endswith("ой"):
                    repl = repl[:-2] + "ой"  # «Донского» → Донской, not «Донский»
                return stem + repl, gender
    for ending, gender in _NOMN_GENDER:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return word, gender
    return word, gender_hint


def _context(ndoc, text: str, span: PersonSpan) -> tuple[str, str]:
    """(case, gender) of the name, read from the words agreeing with it: the position right after it
    («, заведующего кафедрой» — genitive, masculine; «, доцент кафедры» — nominative), else natasha's
    tag of the surname in its sentence."""
    after = re.match(r"\s*,\s*" + _DEGREE + r"([а-яё]+)", text[span.stop :])
    if after and _ROLE_HEAD.match(after.group(1)):
        word = after.group(1)
        parses = [p for p in morph_vocab().parse(word) if {"NOUN", "PRTF", "ADJF"} & _grams(p)]
        if parses:
            g = _grams(parses[0])
            case = next((c for c in ("nomn", "gent", "datv", "ablt", "loct", "accs") if c in g), "nomn")
            gender = ("m" if "masc" in g else "f" if "femn" in g else "") if {"PRTF", "ADJF"} & g else ""
            return ("gent" if case == "accs" else case), gender
    s_start = text.index(span.surname, span.start)
    token = next((t for t in ndoc.tokens if t.start == s_start), None)
    case = _CASES.get(token.feats.get("Case", "Nom"), "nomn") if token is not None else "nomn"
    return case, ""


def nominative(ndoc, span: PersonSpan, text: str) -> tuple[str, str, str, str]:
    """(surname, first name, patronymic) in the nominative and the gender, read in context."""
    if span.first:
        # the patronymic always shows the gender («Анатольевна», «Анатольевны» → f)
        gender = "f" if re.search(r"(?:вн|чн)[аыеуо]", span.patronymic) else "m"
        s_start = text.index(span.surname, span.start)
        token = next((t for t in ndoc.tokens if t.start == s_start), None)
        case = _CASES.get(token.feats.get("Case", "Nom"), "nomn") if token is not None else "nomn"
        surname, _ = surname_nominative(span.surname, case, gender)
        return surname, _name_nominative(span.first, "Name", gender), _name_nominative(span.patronymic, "Patr", gender), gender
    case, gender_hint = _context(ndoc, text, span)
    surname, gender = surname_nominative(span.surname, case, gender_hint)
    return surname, "", "", gender or _verb_gender(ndoc, span)


def _verb_gender(ndoc, span: PersonSpan) -> str:
    """An invariable surname (Круль, Давыденко): the past-tense verb nearest to it in its sentence
    tells the gender («выступила … С.В.Круль»)."""
    sent = next((s for s in ndoc.sents if s.start <= span.start < s.stop), None)
    if sent is None:
        return ""
    verbs = []
    for t in sent.tokens:
        grams = _grams(morph_vocab().parse(t.text.lower())[0]) if t.text.isalpha() else set()
        if "VERB" in grams and "past" in grams and grams & {"masc", "femn"}:
            verbs.append((min(abs(t.start - span.stop), abs(span.start - t.stop)), "m" if "masc" in grams else "f"))
    return min(verbs)[1] if verbs else ""


def _name_nominative(word: str, gram: str, gender: str) -> str:
    """A first name or patronymic in the nominative, of the given gender."""
    want = "femn" if gender == "f" else "masc"
    parses = [p for p in morph_vocab().parse(word) if gram in _grams(p) and want in _grams(p)]
    if not parses or "nomn" in _grams(parses[0]):
        return word
    form = to_nominative(parses[0])
    return form.word.capitalize() if form is not None else word


def display_name(surname: str, first: str, patronymic: str, initials: str) -> str:
    if first:
        return " ".join(x for x in (surname, first, patronymic) if x)
    return f"{surname} {initials}".strip()


def role_near(text: str, start: int, stop: int) -> str:
    """The position stated beside the name: right after it («, заведующего кафедрой …») unless that
    text runs on to another name («…, директор ИМЦ Хазова С.И.» is Хазова's), else right before it
    («начальник Отдела образования … Ступак Ю.В.»), else the line above a name standing alone
    (a signature: «Первый заместитель Министра» / «Е.А. Коузова»)."""
    after = re.match(r"\s*[,–—-]\s*" + _DEGREE + r"([^,;()\n\t]+(?:«[^»]*»[^,;()\n\t]*)?)", text[stop:])
    if after and _ROLE_HEAD.match(after.group(1).strip()) and not (
        INITIALS_FIRST.search(after.group(1)) or SURNAME_FIRST.search(after.group(1) + " ")
    ):
        role, pos = after.group(1), stop + after.end()
        while more := re.match(r",\s*([а-яё]+)([^,;()\n\t]*)", text[pos:]):
            if not any("ADJF" in str(p.tag) for p in morph_vocab().parse(more.group(1))[:2]):
                break
            role += more.group(0)
            pos += more.end()
        return _nominative_role(role.strip())
    line_start = text.rfind("\n", 0, start) + 1
    before = re.search(r"([^,.;:()\n]{3,160})$", text[line_start:start].rstrip("\t "))
    if before:
        words = before.group(1).strip().split()
        for i, w in enumerate(words):
            if _ROLE_HEAD.match(w):
                return _nominative_role(" ".join(words[i:]))
    if not text[line_start:start].strip():
        prev = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
        if prev and len(prev) < 120 and _ROLE_HEAD.match(prev):
            return _nominative_role(prev)
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
