"""Document metadata for documents.csv: title, issuer, city, region, doc_date/doc_number, event dates.

Reports open with a letterhead (the issuer), then a title («ОТЧЁТ о проведении …», «РЕЗОЛЮЦИЯ …») that
often carries the event's dates; letters carry «23.12.2022 № 13170» and a subject line («О …»). The city
is the one the text places most often («г. Новокузнецка», «ГОРОД УСТЬ-ИЛИМСК»), the region likewise.
"""

from __future__ import annotations

from collections import Counter

import regex as re

from extract.dates import find_dates
from extract.model import Document
from extract.morph import morph_vocab, to_nominative

_ISSUER = re.compile(
    r"(?i:министерств|управлени[ея] образования|комитет|департамент|администраци|институт|учреждени|"
    r"отдел образования|информационно-методическ|центр)"
)
_TITLE_START = re.compile(
    r"^(?i:отч[её]т|резолюци|информаци|справк|приказ|положени|программ|протокол|решени|аналитическ|итоги|план)"
)
_SUBJECT = re.compile(r"^(?:О|Об|Обо)\s+[а-яё]")
_NUMBER = re.compile(r"(?P<date>[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)\s*(?:г\.?)?\s*№\s*(?P<num>[\w/-]*\d[\w/-]*)")
_CITY = re.compile(
    r"(?:(?<![А-ЯЁа-яё])(?:г\.|города|город|ГОРОД|городе|гор\.)\s*(?P<c>[А-ЯЁ][А-ЯЁа-яё]+(?:\s?-\s?[А-ЯЁ][А-ЯЁа-яё]+)*))"
    r"|(?P<f>Москв[аеуы]|Санкт-Петербург[аеу]?|Севастопол[ьяе])"
    r"|(?:(?<![\w-])(?P<p>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*),\s*\d{6}(?!\d))"  # «Челябинск, 454113» in an address
)
_REGION = re.compile(
    r"(?P<r>[А-ЯЁ][а-яё]+(?:ой|ая|ую|кой|кая)|[А-ЯЁ]+(?:ОЙ|АЯ))\s+(?P<t>(?i:област[иьюя]|кра[яйе]|республик[иаеу]))"
)
# where a letterhead's name ends and its address, phones and codes begin
_ADDRESS = re.compile(r"\s(?=(?:ул\.|улица|площадь|пл\.|пр\.|проспект|д\.\s?\d|[Тт]ел\.|[Тт]елефон|e-mail|\d{6}|ОКПО|ИНН|ОГРН)\b)")
_CITATION = re.compile(r"(?i:от|и|до)\s*$")
MAX_META_CHARS = 500
_WORDS_NOT_CITIES = {"Новокузнецкого", "Городской"}


def _nominative_word(word: str) -> str:
    parses = [p for p in morph_vocab().parse(word) if "Geox" in str(p.tag)] or morph_vocab().parse(word)
    form = to_nominative(parses[0]) if parses else None
    out = form.word if form is not None else word.lower()
    return out[:1].upper() + out[1:]


def city_nominative(name: str) -> str:
    """«Новокузнецка» → «Новокузнецк», «УСТЬ-ИЛИМСК» → «Усть-Илимск», «Санкт-Петербурга» → «Санкт-Петербург»."""
    parts = [p for p in re.split(r"\s?-\s?", name) if p]
    if len(parts) > 1:
        last = _nominative_word(parts[-1].capitalize())
        return "-".join([p.capitalize() for p in parts[:-1]] + [last])
    return _nominative_word(name.capitalize())


def _cities(text: str) -> Counter:
    counts: Counter = Counter()
    for m in _CITY.finditer(text):
        raw = m.group("c") or m.group("f") or m.group("p")
        if raw in _WORDS_NOT_CITIES or len(raw) < 3:
            continue
        counts[city_nominative(raw)] += 1
    return counts


def _region(text: str) -> str:
    counts: Counter = Counter()
    for m in _REGION.finditer(text):
        adj = morph_vocab().parse(m.group("r").lower())[0]
        form = to_nominative(adj)
        kind = {"о": "область", "к": "край", "р": "республика"}[m.group("t")[0].lower()]
        if form is None:
            continue
        word = form.word
        if kind == "область" and word.endswith("ий"):
            word = word[:-2] + "ая"
        counts[f"{word.capitalize()} {kind}"] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _own_dates(text: str, year: int | None):
    """Dates the document states as its own, not citations of other documents («от 21.07.2020 № 474»)."""
    return [d for d in find_dates(text, year) if not _CITATION.search(text[max(0, d.start - 4) : d.start])]


def document_year(doc: Document) -> int | None:
    """The year day-month dates without a year belong to: that of the first full date the document
    states as its own (the title's or the letter's date), else the most common year."""
    for d in _own_dates(doc.text[:3000], None):
        return d.begin.year
    years = Counter(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)\s*(?:года|г\.)", doc.text))
    return years.most_common(1)[0][0] if years else None


def extract_metadata(doc: Document) -> dict[str, str]:
    meta = {k: "" for k in ("title", "issuer", "city", "region", "doc_date", "doc_number", "event_start", "event_end")}
    first_table = next((i for i, b in enumerate(doc.blocks) if b.table is not None), len(doc.blocks))
    head = [b for b in doc.blocks[: min(14, first_table)]]
    texts = [doc.block_text(b) for b in head]
    # title: a block opening with a document type, with the short lines that follow it
    title_at = None
    for i, t in enumerate(texts):
        if _TITLE_START.match(t) or (_SUBJECT.match(t) and len(t) < 300):
            parts = [t]
            for nxt in texts[i + 1 : i + 5]:  # «ОТЧЁТ» / «о проведении …» / «НАЗВАНИЕ» / «9-21 февраля 2023 года»
                if len(nxt) > 200 or nxt.rstrip().endswith((".", ";", ":", "!")) or _TITLE_START.match(nxt):
                    break
                parts.append(nxt)
            meta["title"] = " ".join(" ".join(parts).split())
            title_at = i
            break
    # issuer: the letterhead above the title, the first block naming a body that issues documents
    for t, b in zip(texts[: title_at if title_at is not None else 4], head):
        letterhead = b.kind != "list_item" and (b.kind == "heading" or "\n" in t or t[:40].isupper() or len(t) < 150)
        if _ISSUER.search(t) and letterhead and len(t) < 600:
            meta["issuer"] = _ADDRESS.split(" ".join(t.split()), maxsplit=1)[0].strip(" ,")
            break
    if not meta["title"]:
        first = next((t for t, b in zip(texts, head) if b.kind == "heading" and t != meta["issuer"].split("\n")[0]), "")
        meta["title"] = " ".join(first.split())
    m = next((x for x in _NUMBER.finditer(doc.text[:3000]) if not _CITATION.search(doc.text[max(0, x.start() - 4) : x.start()])), None)
    if m:
        d, mo, y = m.group("date").split(".")
        meta["doc_date"] = f"{y}-{int(mo):02d}-{int(d):02d}"
        meta["doc_number"] = m.group("num")
    cities = _cities(doc.text)
    if cities:
        meta["city"] = cities.most_common(1)[0][0]
    meta["region"] = _region(doc.text)
    # the event's dates: a range in the title, else the first range or date of the text's opening
    year = document_year(doc)
    dates = find_dates(meta["title"], year) or [
        d for d in _own_dates(doc.text[:4000], year) if d.end or d.begin.isoformat() != meta["doc_date"]
    ]
    ranges = [d for d in dates if d.end]
    chosen = ranges[0] if ranges else (dates[0] if dates else None)
    if chosen is not None:
        meta["event_start"] = chosen.begin.isoformat()
        meta["event_end"] = (chosen.end or chosen.begin).isoformat()
    for key in ("title", "issuer"):  # a «title» of megabytes is a broken file, not a title
        if len(meta[key]) > MAX_META_CHARS:
            meta[key] = meta[key][: MAX_META_CHARS - 1] + "…"
    return meta
