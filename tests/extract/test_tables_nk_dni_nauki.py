"""Hand-checked logical tables of the «Дни науки» reports, the same from every format.

Expected values were read off the printed report (the PDF) and checked against the text export.
"""

import pytest

DISTRICT_HEADER = ["Район", "Всего присутствовало (чел.)", "№№ ОО"]
EXPECTED_2023 = [
    {
        "caption": "Таблица 1 – Количество участников мероприятий на базе ОО",
        "header": ["№", "Мероприятия (дата, образовательная организация)", "Категория", "Кол-во чел"],
        "body_rows": 7,
        "totals": {"ИТОГО": [283]},
        "parts": 2,
    },
    {
        "caption": "Таблица 2 – Количество участников мероприятий по программе Дней науки",
        "header": ["", "Дата", "Название мероприятия", "Южно-Кузбасская агломерация", "Новокузнецкий ГО", "Всего"],
        "body_rows": 12,
        "totals": {"ВСЕГО": [229, 584, 813]},
    },
    # the six «Район | Всего присутствовало (чел.) | №№ ОО» tables: (district, count) per body row
    {"header": DISTRICT_HEADER, "parts": 2, "districts": [("Центральный", "7"), ("Куйбышевский", "2"), ("Кузнецкий", "1"), ("Орджоникидзевский", "5"), ("Заводской", "5"), ("Новоильинский", "3")]},
    {"header": DISTRICT_HEADER, "parts": 3, "districts": [("Центральный", "21"), ("Куйбышевский", "10"), ("Кузнецкий", "-"), ("Орджоникидзевский", "11"), ("Заводской", "12"), ("Новоильинский", "9"), ("Междуреченск", "2")]},
    {"header": DISTRICT_HEADER, "parts": 2, "districts": [("Центральный", "11"), ("Куйбышевский", "7"), ("Кузнецкий", ""), ("Орджоникидзевский", "15"), ("Заводской", "16"), ("Новоильинский", "8")]},
    {"header": DISTRICT_HEADER, "parts": 1, "districts": [("Центральный", "5"), ("Куйбышевский", "0"), ("Кузнецкий", "1"), ("Орджоникидзевский", "33"), ("Заводской", "1"), ("Новоильинский", "0"), ("Междуреченск", "3")]},
    {"header": DISTRICT_HEADER, "parts": 1, "districts": [("Центральный", "9"), ("Куйбышевский", "4"), ("Кузнецкий", "2"), ("Орджоникидзевский", "5"), ("Заводской", "4"), ("Новоильинский", "6")]},
    {"header": DISTRICT_HEADER, "parts": 1, "districts": [("Центральный", "16"), ("Куйбышевский", "6"), ("Кузнецкий", ""), ("Орджоникидзевский", "9"), ("Заводской", "7"), ("Новоильинский", "9"), ("Междуреченск", "1")]},
]
FORMATS_2023 = ["nk-dni-nauki-2023.txt", "nk-dni-nauki-2023.docx", "nk-dni-nauki-2023.pdf"]


def _body(table):
    return [row for row, role in zip(table.rows, table.roles) if role != "header"]


@pytest.mark.parametrize("name", FORMATS_2023)
def test_nk2023_gives_eight_logical_tables_in_every_format(read_corpus, name):
    assert len(read_corpus(name).tables) == len(EXPECTED_2023)


@pytest.mark.parametrize("name", FORMATS_2023)
@pytest.mark.parametrize("n", range(len(EXPECTED_2023)))
def test_nk2023_table_header_cells_match_the_report(read_corpus, name, n):
    assert read_corpus(name).tables[n].header == EXPECTED_2023[n]["header"]


@pytest.mark.parametrize("name", FORMATS_2023)
@pytest.mark.parametrize("n", [0, 1])
def test_nk2023_total_rows_hold_the_printed_numbers(read_corpus, name, n):
    table = read_corpus(name).tables[n]
    expected = EXPECTED_2023[n]
    assert table.caption == expected["caption"]
    assert table.n_body_rows == expected["body_rows"]
    totals = [row for row, role in zip(table.rows, table.roles) if role == "total"]
    assert len(totals) == 1
    label = totals[0][0].text
    values = [c.value for c in totals[0] if c.value is not None]
    assert {label: values} == expected["totals"]


@pytest.mark.parametrize("name", FORMATS_2023)
@pytest.mark.parametrize("n", range(2, 8))
def test_nk2023_district_tables_are_stitched_with_every_district(read_corpus, name, n):
    table = read_corpus(name).tables[n]
    assert [(r[0].text, r[1].text) for r in _body(table)] == EXPECTED_2023[n]["districts"]
    assert table.parts == EXPECTED_2023[n]["parts"]
    assert table.continued == (EXPECTED_2023[n]["parts"] > 1)


@pytest.mark.parametrize("name", FORMATS_2023)
def test_nk2023_split_table_part_starting_with_empty_cells_continues_the_row_above(read_corpus, name):
    central = _body(read_corpus(name).tables[3])[0]
    assert central[0].text == "Центральный"
    assert central[2].text.startswith("МБОУ «СОШ № 2»")
    assert "МБОУ «СОШ № 97»" in central[2].text and "ШКОЛА-САД № 235»" in central[2].text


@pytest.mark.parametrize("name", FORMATS_2023)
def test_nk2023_merged_day_cell_fills_every_row_it_spans(read_corpus, name):
    body = _body(read_corpus(name).tables[1])
    days = [r[0].text for r in body[:4]]
    assert days == ["ДЕНЬ ЮЖНОЙ АГЛОМЕРАЦИИ"] * 4
    assert [r[0].spanned for r in body[:4]] == [False, True, True, True]


def test_nk2023_pdf_tables_keep_their_pages(read_corpus):
    tables = read_corpus("nk-dni-nauki-2023.pdf").tables
    assert [(t.page_start, t.page_end) for t in tables[:2]] == [(1, 2), (2, 3)]


def test_nk2023_pdf_cells_have_line_end_hyphenation_repaired(read_corpus):
    table = read_corpus("nk-dni-nauki-2023.pdf").tables[0]
    texts = [c.text for row in table.rows for c in row]
    assert "кураторы наставничества" in texts
    assert not any(t.endswith("-") for t in texts)


@pytest.mark.parametrize("name", ["nk-dni-nauki-2025.pdf", "nk-dni-nauki-2025.docx"])
def test_nk2025_event_table_has_all_25_events_whose_counts_add_up_to_1393(read_corpus, name):
    tables = read_corpus(name).tables
    assert len(tables) == 1
    table = tables[0]
    assert table.header == ["Дата", "Название мероприятия", "Категория", "Количество человек"]
    body = _body(table)
    assert len(body) == 25
    assert sum(r[3].value for r in body) == 1393
    assert body[0][1].text.startswith("ВСЕРОССИЙСКАЯ НАУЧНО-ПРАКТИЧЕСКАЯ КОНФЕРЕНЦИЯ")


@pytest.mark.parametrize("name", FORMATS_2023)
def test_nk2023_merge_origin_cells_know_their_spans(read_corpus, name):
    body = _body(read_corpus(name).tables[1])
    assert body[0][0].rowspan == 4 and body[0][0].colspan == 1
    assert body[0][1].rowspan == 1 and body[0][1].colspan == 1


def test_nk2025_text_export_table_is_recovered_cell_for_cell_as_in_the_docx(read_corpus):
    """The printed-line export flattens the table line by line, rows broken over pages interleaved."""
    txt = read_corpus("nk-dni-nauki-2025.txt").tables
    ref = read_corpus("nk-dni-nauki-2025.docx").tables[0]
    assert len(txt) == 1
    assert txt[0].caption == "Таблица 1 – Количество участников мероприятий по программе Дней науки"
    assert [[c.text for c in r] for r in txt[0].rows] == [[c.text for c in r] for r in ref.rows]


def test_nk2025_pdf_table_is_the_docx_table_cell_for_cell(read_corpus):
    pdf = read_corpus("nk-dni-nauki-2025.pdf").tables[0]
    ref = read_corpus("nk-dni-nauki-2025.docx").tables[0]
    assert [[c.text for c in r] for r in pdf.rows] == [[c.text for c in r] for r in ref.rows]


@pytest.mark.parametrize("name", ["nk-dni-nauki-2023.txt", "nk-dni-nauki-2023.pdf"])
def test_nk2023_every_cell_equals_the_docx_cell(read_corpus, name):
    ours = read_corpus(name).tables
    ref = read_corpus("nk-dni-nauki-2023.docx").tables
    assert [[[c.text for c in r] for r in t.rows] for t in ours] == [[[c.text for c in r] for r in t.rows] for t in ref]


@pytest.mark.parametrize(
    "name", FORMATS_2023 + ["nk-dni-nauki-2025.txt", "nk-dni-nauki-2025.docx", "nk-dni-nauki-2025.pdf"]
)
def test_tables_equal_the_stored_hand_checked_grids(read_corpus, name):
    import json

    from tests.conftest import ROOT

    stem = name.rsplit(".", 1)[0]
    expected = json.loads((ROOT / "tests/data/expected" / f"tables-{stem}.json").read_text(encoding="utf-8"))
    tables = read_corpus(name).tables
    assert [t.caption for t in tables] == [t["caption"] for t in expected["tables"]]
    assert [[[c.text for c in r] for r in t.rows] for t in tables] == [t["rows"] for t in expected["tables"]]
