"""Property-based tests (hypothesis): no parser raises on arbitrary input, and round trips hold."""

import csv
import datetime as dt
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.dates import find_dates
from extract.errors import ReadError
from extract.numbers import format_number, parse_number
from extract.read import read_bytes
from extract.schools import find_schools
from reports.csvsafe import _NUMBER, neutralise

RUSSIAN = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Z", "S")), max_size=300)
GENRE = st.lists(
    st.sampled_from(["МБОУ", "«СОШ", "№", "№№", "110", "6,", "47", "»", "гимназия", "д/с", "им.", "В.П.", "Чкалова",
                     "9-21", "февраля", "2023", "года", "с", "по", "12.03.2023", "г.", "Междуреченска", "школ", ",",
                     "ДДТ", "«Колобок»", "лицей", "-", "–", "10:30", "\t", "\n"]),
    max_size=40,
).map(" ".join)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=60))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@FAST
@given(st.integers(min_value=0, max_value=10**9))
def test_numbers_round_trip_in_every_grouping(n):
    grouped = f"{n:,}".replace(",", " ")
    assert parse_number(grouped) == n == parse_number(str(n)) == parse_number(f"{n:,}".replace(",", "\u00a0"))
    assert format_number(parse_number(str(n))) == str(n)


@FAST
@given(st.one_of(RUSSIAN, GENRE), st.one_of(st.none(), st.integers(min_value=1990, max_value=2040)))
def test_find_dates_never_raises_and_gives_valid_iso(text, year):
    for d in find_dates(text, year):
        assert 0 <= d.start < d.stop <= len(text)
        for part in d.normal.split("/"):
            dt.date.fromisoformat(part.split("T")[0])
        assert d.end is None or d.end >= d.begin


@FAST
@given(st.one_of(RUSSIAN, GENRE))
def test_find_schools_never_raises_and_stays_in_bounds(text):
    for s in find_schools(text):
        assert 0 <= s.start < s.stop <= len(text)


@FAST
@given(st.sampled_from(["МБОУ «СОШ № {n}»", "МАОУ СОШ №{n}", "НБОУ «Лицей № {n}»", "МБДОУ д/с № {n} «Колобок»",
                        "МКОУ «Специальная школа № {n}»", "МБ НОУ «Гимназия № {n}»"]), st.integers(1, 9999))
def test_a_canonical_school_name_reads_back_as_itself(template, n):
    (found,) = find_schools(template.format(n=n))
    again = find_schools(found.display)
    assert [s.display for s in again] == [found.display] and found.number == str(n)


@FAST
@given(st.text(max_size=200))
def test_neutralised_cells_never_start_a_formula_and_survive_csv(value):
    cell = neutralise(value)
    assert cell[:1] not in ("=", "@", "\t", "\r"), cell
    if cell[:1] in ("+", "-"):  # only a number may keep its sign: «-3», «+0»
        assert _NUMBER.fullmatch(cell), cell
    buf = io.StringIO()
    csv.writer(buf).writerow([cell])
    assert next(csv.reader(io.StringIO(buf.getvalue()))) == [cell]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000), st.sampled_from(["txt", "docx", "pdf"]))
def test_readers_raise_only_read_errors_on_arbitrary_bytes(data, fmt):
    try:
        doc = read_bytes(data, fmt, f"x.{fmt}")
    except ReadError:
        return
    assert doc.text.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=1, max_size=200), st.integers(min_value=0, max_value=80000))
def test_readers_survive_corruption_of_a_real_pdf(junk, at):
    from tests.conftest import CORPUS

    data = bytearray((CORPUS / "nk-dni-nauki-2025.pdf").read_bytes())
    at = min(at, len(data) - 1)
    data[at : at + len(junk)] = junk
    try:
        read_bytes(bytes(data), "pdf", "x.pdf")
    except ReadError:
        pass
