"""claim and count: figures stated in the prose, checked against the tables.

A sentence such as «Общее количество участников – 283 человека (таблица 1)» states a count of people;
it is checked against the table it names, or else against any table total, column total or sum of
table totals it equals. A statement of a number of events («состоялось 26 мероприятий») is checked
against the number of event rows of the table it refers to. Where nothing can be linked the finding
is `unverifiable`, with the reason — never a mismatch, so a parsing gap cannot raise a false alarm.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from razdel import sentenize

from audit.columns import count_columns
from audit.findings import Finding, compare
from audit.links import event_rows, is_event_table, section_row, table_label
from extract.model import Document, Table
from extract.numbers import format_number, parse_number

NUMBER_WORDS = {
    "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4,
    "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
}
_NUMBER = r"(?<![№\d.,:/-])(?<!№ )(?:(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?![\d.,:/]\d)|(?P<word>" + "|".join(
    sorted(NUMBER_WORDS, key=len, reverse=True)
) + r"))"
_BOUND = r"(?:(?P<bound>более|свыше|больше|не менее|не меньше|около|порядка|почти)\s+(?:чем\s+)?)?"
EVENT_KINDS = r"семинар\w*|конференци\w*|мастер-класс\w*|сесси\w*|круглы\w* стол\w*|заседани\w*|форум\w*|олимпиад\w*"
NOUNS = {
    "people": r"человек\w*|чел\b|участник\w*|педагог\w*|работник\w*|слушател\w*|специалист\w*|руководител\w*|"
    r"представител\w*|обучающ\w*|учащ\w*|гост\w*|делегат\w*|учител\w*|воспитател\w*|студент\w*|родител\w*",
    "events": r"мероприяти\w*",
    "event_kind": EVENT_KINDS,
    "reports": r"доклад\w*|выступлени\w*|сообщени\w*",
    "schools": r"школ\w*|образовательн\w* организаци\w*|организаци\w*|учреждени\w*|ОО\b|площад(?:к|ок)\w*",
    "works": r"работ\b|работы\b|проект\w*|конкурсн\w* работ\w*",
}
# the number, then at most three words (adjectives such as «руководящих и педагогических», never «года»),
# then the counted noun
_GAP_WORD = r"(?!год|век|г\b|гг\b|лет\b|январ|феврал|март|апрел|мая|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё-]+\s+"
_CLAIM = re.compile(
    _BOUND + _NUMBER + r"\s+(?:" + _GAP_WORD + r"){0,3}?(?P<noun>"
    + "|".join(f"(?P<{k}>{v})" for k, v in NOUNS.items()) + r")",
    re.IGNORECASE,
)
_TABLE_REF = re.compile(r"табл(?:ица|ице|ицу|ицы|\.)\s*№?\s*(\d+)", re.IGNORECASE)


@dataclass
class Statement:
    kind: str  # people | events | event_kind | reports | schools | works
    noun: str
    value: float
    lower_bound: bool
    sentence: str
    start: int
    end: int
    table_ref: int | None  # «(таблица 1)» in the sentence or its paragraph
    block: int


def statements(doc: Document) -> list[Statement]:
    out: list[Statement] = []
    for b, block in enumerate(doc.blocks):
        if block.kind == "table":
            continue
        text = doc.block_text(block)
        para_ref = _TABLE_REF.search(text)
        for sent in sentenize(text):
            for m in _CLAIM.finditer(sent.text):
                kind = next(k for k in NOUNS if m.group(k))
                if m.group("word"):
                    value = float(NUMBER_WORDS[m.group("word").lower()])
                else:
                    value = parse_number(m.group("num"))
                if value is None:
                    continue
                ref = _TABLE_REF.search(sent.text) or para_ref
                start = block.start + sent.start
                out.append(
                    Statement(kind, m.group("noun"), value, bool(m.group("bound")), sent.text, start, start + len(sent.text),
                              int(ref.group(1)) if ref else None, b)
                )
    return out


# -- table figures ----------------------------------------------------------------------------


@dataclass
class Figure:
    value: float
    table: Table
    where: str


def _main_column(table: Table, counts: list[int]) -> int | None:
    header = table.header
    for c in counts:
        if c < len(header) and re.match(r"^\s*(всего|итого)", header[c], re.IGNORECASE):
            return c
    return counts[-1] if counts else None


def table_figures(table: Table) -> tuple[list[Figure], Figure | None]:
    """Every column total of a table (from its total row, or summed when it has none) and its main total."""
    counts = count_columns(table)
    totals = [r for r, role in enumerate(table.roles) if role == "total"]
    figures: list[Figure] = []
    label = table_label(table)
    for c in counts:
        name = table.header[c] if c < len(table.header) else f"столбец {c + 1}"
        if totals:
            value = table.rows[totals[-1]][c].value
            if value is not None:
                figures.append(Figure(value, table, f"{label}, итог столбца «{name}»"))
        else:
            body = [table.rows[r][c].value or 0.0 for r, role in enumerate(table.roles) if role == "body"]
            figures.append(Figure(sum(body), table, f"{label}, сумма столбца «{name}»"))
    main_col = _main_column(table, counts)
    main = next((f for f in figures if main_col is not None and f.where.endswith(f"«{table.header[main_col]}»")), None)
    return figures, main


# -- checks -----------------------------------------------------------------------------------


def _claim(doc: Document, st: Statement) -> Finding:
    def finding(status, computed=None, where="", table_id="", reason=""):
        return Finding("claim", table_id, where or "текст", st.value, computed, status, st.sentence, st.start, st.end, reason)

    per_table = {t.n: table_figures(t) for t in doc.tables}
    if st.table_ref is not None:
        if st.table_ref not in per_table:
            return finding("unverifiable", reason=f"the text names table {st.table_ref}, which the document does not have")
        figures, main = per_table[st.table_ref]
        if not figures or main is None:
            return finding("unverifiable", reason=f"table {st.table_ref} has no count column to check against")
        if st.lower_bound:
            return finding("ok" if main.value > st.value else "mismatch", main.value, main.where, main.table.table_id)
        hit = next((f for f in figures if compare(st.value, f.value) == "ok"), None)
        if hit:
            return finding("ok", hit.value, hit.where, hit.table.table_id)
        return finding("mismatch", main.value, main.where, main.table.table_id)
    if st.lower_bound:
        return finding("unverifiable", reason=f"«более {format_number(st.value)}» names no table to bound")
    if st.kind != "people":
        return finding("unverifiable", reason=f"the tables count people, not «{st.noun}»")
    section = section_row(doc, st.block)
    if section is not None:
        table, r = section
        for c in count_columns(table):
            value = table.rows[r][c].value
            if value is not None and compare(st.value, value) == "ok":
                where = f"{table_label(table)}, строка {r} (мероприятие раздела), столбец «{table.header[c]}»"
                return finding("ok", value, where, table.table_id)
    figures = [f for figs, _ in per_table.values() for f in figs]
    hit = next((f for f in figures if compare(st.value, f.value) == "ok"), None)
    if hit:
        return finding("ok", hit.value, hit.where, hit.table.table_id)
    mains = [m for _, m in per_table.values() if m is not None]
    for k in range(2, len(mains) + 1):
        for combo in itertools.combinations(mains, k):
            total = sum(m.value for m in combo)
            if compare(st.value, total) == "ok":
                where = "сумма итогов: " + " + ".join(m.where for m in combo)
                return finding("ok", total, where, ";".join(m.table.table_id for m in combo))
    return finding("unverifiable", reason="no table total, column total or sum of table totals equals this figure")


_ABBREVIATIONS = {"оо": "образовательных организаций", "оу": "образовательных учреждений", "доу": "дошкольных образовательных учреждений"}
_STOP = {"года", "году", "город", "города", "число", "всего", "которых", "этом", "рамках", "период"}


def _stems(text: str) -> set[str]:
    words = re.findall(r"[а-яё]+", text.lower())
    words = [w2 for w in words for w2 in _ABBREVIATIONS.get(w, w).split()]
    return {w[:5] for w in words if len(w) >= 4 and w not in _STOP}


def _table_for_events(doc: Document, st: Statement, event_tables: list[Table]) -> tuple[list[Table], str]:
    """Which event table(s) a statement of a number of events is about, and why."""
    if st.table_ref is not None:
        named = [t for t in doc.tables if t.n == st.table_ref]
        return named, "named in the text"
    if len(event_tables) == 1:
        return event_tables, "the only event table"
    following = [doc.tables[b.table] for b in doc.blocks[st.block + 1 : st.block + 3] if b.table is not None]
    if following and following[0] in event_tables:
        return following[:1], "the table right after the statement"
    # «6 мероприятий на базе образовательных организаций» ~ «Таблица 1 – … мероприятий на базе ОО»
    words = _stems(st.sentence) - _stems(st.noun)
    scored = sorted(((len(words & (_stems(t.caption) - _stems(st.noun))), i) for i, t in enumerate(event_tables)), reverse=True)
    if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return [event_tables[scored[0][1]]], "its caption describes the same events"
    return event_tables, "all event tables together"


def _count(doc: Document, st: Statement) -> Finding:
    def finding(status, computed=None, where="", table_id="", reason=""):
        return Finding("count", table_id, where or "текст", st.value, computed, status, st.sentence, st.start, st.end, reason)

    event_tables = [t for t in doc.tables if is_event_table(t)]
    if not event_tables:
        return finding("unverifiable", reason="no event table in the document")
    if st.kind == "event_kind":
        # «две … конференции»: the event rows whose title names that kind of event
        stem = st.noun.lower()[:6]
        rows = [(t, r) for t in event_tables for r, title in event_rows(t) if stem in title.lower()]
        if not rows:
            return finding("unverifiable", reason=f"no table row names «{st.noun}»")
        tables = sorted({t.table_id for t, _ in rows})
        where = f"строки таблиц с «{st.noun}» в названии"
        n = float(len(rows))
        return finding(compare(st.value, n) if not st.lower_bound else ("ok" if n > st.value else "mismatch"),
                       n, where, ";".join(tables))
    tables, why = _table_for_events(doc, st, event_tables)
    if not tables:
        return finding("unverifiable", reason=f"the text names table {st.table_ref}, which the document does not have")
    n = float(sum(len(event_rows(t)) for t in tables))
    where = " + ".join(table_label(t) for t in tables) + f": число строк мероприятий ({why})"
    table_id = ";".join(t.table_id for t in tables)
    if st.lower_bound:
        return finding("ok" if n > st.value else "mismatch", n, where, table_id)
    return finding(compare(st.value, n), n, where, table_id)


def check_statements(doc: Document) -> list[Finding]:
    out = []
    for st in statements(doc):
        out.append(_count(doc, st) if st.kind in ("events", "event_kind") else _claim(doc, st))
    return out
