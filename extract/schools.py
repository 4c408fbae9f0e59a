"""SCHOOL: educational institutions, by rules, because no general NER knows them.

A mention is anchored on a kind («СОШ», «гимназия», «д/с», «ДДТ», «колледж», …) or on a legal form
that names an educational body («МБДОУ № 7», «ГБПОУ «УИ ТЛТУ»»), and extended to everything that
belongs to it: the legal form before it (МБОУ, МАОУ, МБНОУ and its typos НБОУ, НМБОУ, МБ НОУ), quotes,
the number in every spelling («№ 110», «№110», «СОШ№17», «СОШ17»), an enumeration («СОШ №№ 6, 47»,
«школ №112, 4» — one mention per institution), a name in quotes («Колобок»), an honorific («им. В.П.
Чкалова», «имени Героя Советского Союза Зины Портновой»), a profile («с углубленным изучением …») and
the city when the text places it («г. Междуреченска»). The patterns are data; the scanner is small.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extract.morph import morph_vocab, to_nominative

# legal forms: М/Г/Н/К + Б/А/К/Н… + (Д|П)ОУ, with the typos of the genre, and the additional-education forms
LEGAL = (
    r"(?:ФГ[БА]ОУ\s?ВО|ГОКУ|ГБУ\s?ДО|М[БАК]?У\s?ДОД?|МАУДО|МБУДО|АНО\s?ДО|"
    r"[МГНКЧОФ][МБАКНГОЧ]{0,3}(?:\s?Н)?\s?[ДП]?ОУ(?:\s?(?:ДОД|ДПО|ДО|ВО|СПО))?)"
)
_B = r"(?<![А-ЯЁа-яёA-Za-z])"  # word boundaries that work for Cyrillic
_E = r"(?![А-ЯЁа-яёA-Za-z])"

# (pattern, kind as in the contract, display stem); order matters: longer and more specific first
KINDS: list[tuple[str, str, str]] = [
    (r"(?i:детск\w*\s+дом\w*[\s–-]+школ\w*)", "детский дом-школа", "Детский дом-школа"),
    (r"(?i:школ\w*[\s]*[–-][\s]*интернат\w*)|СШ-И", "школа-интернат", "Школа-интернат"),
    (r"(?i:школ\w*[\s]*[–-][\s]*сад\w*)", "школа-сад", "Школа-сад"),
    (r"(?i:специальн\w*\s+(?:\(коррекционн\w*\)\s+)?(?:общеобразовательн\w*\s+)?школ\w*|коррекционн\w*\s+школ\w*|спец\s?школ\w*)"
     r"|СПЕЦШ|СПЕЦИ|С\(К\)ОШ|СКОШ|СКШ|СШ", "спецшкола", "Спецшкола"),
    (r"СОШ|(?i:средн\w*\s+(?:общеобразовательн\w*\s+)?школ\w*)", "СОШ", "СОШ"),
    (r"ООШ|(?i:основн\w*\s+(?:общеобразовательн\w*\s+)?школ\w*)", "ООШ", "ООШ"),
    (r"НОШ|(?i:начальн\w*\s+(?:общеобразовательн\w*\s+)?школ\w*)", "НОШ", "НОШ"),
    (r"(?i:(?:городск\w*\s+|экспериментальн\w*\s+)?гимнази\w*)", "гимназия", "Гимназия"),
    (r"(?i:(?:экспериментальн\w*\s+|технический\s+)?лице[йяюеи]\w*)", "лицей", "Лицей"),
    (r"ЦРР\s?[–-]\s?д/с|(?i:д/с)|(?i:детск\w*\s+сад\w*)|ДОУ", "детский сад", "Детский сад"),
    (r"ГДД\(Ю\)Т|ДД\(Ю\)Т|ГДДЮТ|ГДДТ|ДДЮТ|ДДТ|ЦДТ|ЦДО|ЦВР|СЮТ|ДЮСШ|ДТ|(?i:(?:дом|дворц|дворец|центр)\w*\s+(?:детск\w*\s+)?(?:и\s+юношеск\w*\s+)?творчеств\w*)"
     r"|(?i:центр\w*\s+дополнительн\w*\s+образовани\w*)", "доп. образование", ""),
    (r"(?i:колледж\w*|техникум\w*|университет\w*|училищ\w*)", "вуз/ссуз", ""),
    (r"(?i:школ(?:а|ы|е|у|ой|ам|ами|ах)?)", "школа", "Школа"),  # a school of unstated kind («школ №112, 4»)
]
_KIND_RE = re.compile(_B + "(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _, _) in enumerate(KINDS)) + ")" + _E)
_LEGAL_BEFORE = re.compile(_B + "(?P<legal>" + LEGAL + r")\s*(?P<q>«)?\s*$")
_LEGAL_ANCHOR = re.compile(_B + "(?P<legal>" + LEGAL + ")" + _E)
_NUMBER = re.compile(r"^\s*(?P<sign>№\s?№?|N)?\s*(?P<num>\d{1,4})(?!\d|[.:]\d)")
_MORE_NUMBERS = re.compile(r"^\s*(?:,\s*|и\s+)(?P<num>\d{1,4})(?![\d.:])")
_NAME = re.compile(r"^\s*«(?P<name>[^«»]{1,80}(?:«[^«»]{1,60}»?)?[^«»]{0,40})(?:»|$)")
_CLOSE = re.compile(r"^\s*»")
# «им. В.П. Чкалова», «имени Бусыгина М.И.», «имени Героя Советского Союза Зины Портновой», «имени академика Королёва»
_HON_PERSON = (
    r"(?:[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?"
    r"|[А-ЯЁ][а-яё]+\s[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+)"
)
_HON_TITLE = r"(?:(?:дважды\s+)?Геро[яй]\s+(?:Советского\s+Союза|России|Российской\s+Федерации|Социалистического\s+Труда)\s+|[а-яё]+\s+)?"
_HONORIFIC = re.compile(r"^\s*»?\s*(?P<h>(?:им\.|имени)\s*" + _HON_TITLE + _HON_PERSON + ")")
_DISTRICT = re.compile(r"^\s*(?P<d>[А-ЯЁ][а-яё]+(?:ского|цкого)\s+района)")
_PROFILE = re.compile(r"^\s*(?P<p>с\s+углубл[её]нн\w+\s+изучени\w+\s+[а-яё ,-]+?)(?=\s*[»,.;)]|\s*$)")
_CITY = re.compile(r"^\s*»?\s*(?:г\.|города|город)\s*(?P<city>[А-ЯЁ][а-яё]+(?:[\s-]*-[\s-]*[А-ЯЁ][а-яё]+)*)")
_PLURAL = re.compile(r"(?i:^(?:школ|гимназий|лицеев|сош|оош)$)")

LEGAL_KIND = [  # what a legal form alone says about the kind
    (re.compile(r"ДОУ"), "детский сад"),
    (re.compile(r"ПОУ|ВО$"), "вуз/ссуз"),
    (re.compile(r"ДОД?$|УДО|АНО"), "доп. образование"),
]


@dataclass
class SchoolSpan:
    start: int
    stop: int
    kind: str
    number: str = ""
    name: str = ""  # the quoted proper name
    legal_form: str = ""
    honorific: str = ""
    profile: str = ""
    city: str = ""
    abbr: str = ""  # ДДТ, ЦДТ, … as written, for display
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def display(self) -> str:
        written = " ".join(self.attrs.get("written", "").split())
        stem = next((d for _, k, d in KINDS if k == self.kind and d), "") or self.abbr or written[:1].upper() + written[1:]
        if self.kind == "детский сад" and not stem:
            stem = "Детский сад"
        if self.number:
            return f"{stem} № {self.number}".strip()
        if self.name:
            # «Экспериментальный лицей «…»» keeps the kind as written; a legal form alone gives the name
            written = self.attrs.get("written", "")
            if " " in written:
                stem = written[:1].upper() + written[1:]
            return f"{stem} «{self.name}»".strip() if stem else self.name
        return " ".join(x for x in (self.abbr or stem, self.attrs.get("district", ""), self.honorific) if x)


def _kind_of(m: re.Match) -> tuple[str, str]:
    for i, (_, kind, _) in enumerate(KINDS):
        if m.group(f"k{i}"):
            return kind, m.group(f"k{i}")
    raise AssertionError("no kind group matched")


def _city_nominative(word: str) -> str:
    parts = re.split(r"(\s*-\s*)", word)
    out = []
    for p in parts:
        if not p.strip() or p.strip() == "-":
            out.append("-")
            continue
        parses = [x for x in morph_vocab().parse(p) if "Geox" in str(x.tag)] or morph_vocab().parse(p)
        form = to_nominative(parses[0]) if parses else None
        w = form.word if form is not None else p
        out.append(w[:1].upper() + w[1:])
    return "".join(out).replace(" ", "")


def _skip_close(text: str, pos: int) -> int:
    m = _CLOSE.match(text[pos:])
    return pos + m.end() if m else pos


def _extend(text: str, span: SchoolSpan, pos: int, quoted: bool, plural: bool) -> list[SchoolSpan]:
    """Read what follows the kind: numbers, a quoted name, an honorific, a profile, the city."""
    numbers: list[str] = []
    m = _NUMBER.match(text[pos:])
    if m and (m.group("sign") or m.start("num") == 0 or text[pos - 1 : pos] in "№"):
        numbers.append(m.group("num"))
        doubled = bool(m.group("sign") and m.group("sign").count("№") == 2)
        pos += m.end()
        while doubled or plural:
            more = _MORE_NUMBERS.match(text[pos:])
            if not more:
                break
            numbers.append(more.group("num"))
            pos += more.end()
    m = _NAME.match(text[pos:])
    if m and not m.group("name").lstrip().startswith(("им", "с углуб")):
        span.name = m.group("name").strip().rstrip("»").strip()
        pos += m.end()
    if quoted:
        pos = _skip_close(text, pos)
    # «им. В.П. Чкалова», then «с углубленным изучением …», each perhaps closing the quotes
    for rx, group, attr in ((_HONORIFIC, "h", "honorific"), (_PROFILE, "p", "profile")):
        m = rx.match(text[pos:])
        if m:
            setattr(span, attr, m.group(group).strip())
            pos = _skip_close(text, pos + m.end())
    identified = bool(numbers or span.name or span.honorific)
    m = _DISTRICT.match(text[pos:])
    if m and not identified:  # «ГБУ ДО ДДЮТ Кировского района»: the district names the institution
        span.attrs["district"] = m.group("d")
        pos += m.end()
    m = _CITY.match(text[pos:])
    if m:
        span.city = _city_nominative(m.group("city"))
        if not identified:  # «ГОКУ СКШ города Усть-Илимска»
            pos += m.end()
    span.stop = pos
    if not numbers:
        return [span]
    out = []
    for n in numbers:
        s = SchoolSpan(**{**span.__dict__, "number": n, "attrs": dict(span.attrs)})
        out.append(s)
    return out


def find_schools(text: str) -> list[SchoolSpan]:
    spans: list[SchoolSpan] = []
    taken: list[tuple[int, int]] = []
    for m in _KIND_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        kind, written = _kind_of(m)
        start = m.start()
        legal, quoted = "", False
        before = _LEGAL_BEFORE.search(text[max(0, start - 20) : start])
        if before:
            legal = re.sub(r"\s+", "", before.group("legal"))
            start = start - (len(text[max(0, start - 20) : start]) - before.start())
            quoted = bool(before.group("q"))
        elif text[max(0, start - 1) : start] == "«":
            start -= 1
            quoted = True
        if kind == "детский сад" and written == "ДОУ" and not legal:
            continue  # «ДОУ» alone is the generic word for kindergartens
        span = SchoolSpan(start, m.end(), kind, legal_form=legal, abbr=written if written.isupper() else "",
                          attrs={"written": written})
        found = _extend(text, span, m.end(), quoted, bool(_PLURAL.match(written)))
        head = found[0]
        if not (head.number or head.name or head.honorific or legal):
            continue  # a generic word («школа», «гимназии», «ДДТ» alone), not an institution
        spans.extend(found)
        taken.append((head.start, head.stop))
    for m in _LEGAL_ANCHOR.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        kind = next((k for rx, k in LEGAL_KIND if rx.search(m.group("legal"))), "")
        if not kind:
            continue
        span = SchoolSpan(m.start(), m.end(), kind, legal_form=re.sub(r"\s+", "", m.group("legal")))
        found = _extend(text, span, m.end(), False, False)
        if found[0].number or found[0].name:
            spans.extend(found)
            taken.append((found[0].start, found[0].stop))
    return sorted(spans, key=lambda s: s.start)  # stable: an enumeration keeps its written order
