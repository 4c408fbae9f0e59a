"""The entity stage on real corpus documents and on the forms the genre writes names, schools and dates in."""

import pytest

from benchmarks.entity_quality import evaluate
from extract.dates import find_dates
from extract.entities import tag_entities
from extract.schools import find_schools


@pytest.fixture(scope="session")
def quality():
    return evaluate()


@pytest.mark.parametrize("etype,floor", [("SCHOOL", 0.95), ("PERSON", 0.95), ("DATE", 0.95)])
def test_entity_f1_on_the_hand_checked_documents_meets_the_target(quality, etype, floor):
    assert quality["edu-reports"][etype][2] >= floor


@pytest.mark.parametrize("etype", ["SCHOOL", "PERSON", "DATE"])
def test_our_stage_beats_raw_natasha(quality, etype):
    assert quality["edu-reports"][etype][2] > quality["natasha"][etype][2]


def test_person_normal_forms_are_right_for_nine_in_ten(quality):
    acc, n = quality["normal"]["PERSON"]
    assert n >= 20 and acc >= 0.9


@pytest.mark.parametrize(
    "text,expected",
    [
        ("МАОУ «СОШ № 110»", [("МАОУ «СОШ № 110»", "СОШ № 110")]),
        ("МАОУ СОШ № 110", [("МАОУ СОШ № 110", "СОШ № 110")]),
        ("МБОУ «СОШ№17»", [("МБОУ «СОШ№17»", "СОШ № 17")]),
        ("МБОУ СОШ №№ 6, 47", [("МБОУ СОШ №№ 6, 47", "СОШ № 6"), ("МБОУ СОШ №№ 6, 47", "СОШ № 47")]),
        ("школ №112, 4", [("школ №112, 4", "Школа № 112"), ("школ №112, 4", "Школа № 4")]),
        ("МБ НОУ «Гимназия № 44»", [("МБ НОУ «Гимназия № 44»", "Гимназия № 44")]),
        ("МКОУ «СПЕЦИ № 78»", [("МКОУ «СПЕЦИ № 78»", "Спецшкола № 78")]),
        ("КОУ «Школа – сад №235»", [("КОУ «Школа – сад №235»", "Школа-сад № 235")]),
        ("МБДОУ д/с № 14 «Колобок»", [("МБДОУ д/с № 14 «Колобок»", "Детский сад № 14")]),
        ("МАОУ «СОШ№13 им. М.К. Янгеля»", [("МАОУ «СОШ№13 им. М.К. Янгеля»", "СОШ № 13")]),
        ("МБУ ДО ДТ «Вектор»", [("МБУ ДО ДТ «Вектор»", "ДТ «Вектор»")]),
        ("в школе прошёл семинар, гимназии города", []),
    ],
)
def test_school_spellings_become_one_canonical_name_each(text, expected):
    assert [(text[s.start : s.stop], s.display) for s in find_schools(text)] == expected


def test_school_profile_honorific_and_city_are_read():
    text = "МБОУ «Средняя общеобразовательная школа № 10 с углубленным изучением отдельных предметов» г. Междуреченска"
    (school,) = find_schools(text)
    assert (school.kind, school.number, school.city) == ("СОШ", "10", "Междуреченск")
    assert school.profile == "с углубленным изучением отдельных предметов"
    (named,) = find_schools("ГБОУ СОШ № 608 имени Героя Советского Союза Зины Портновой Кировского района")
    assert named.honorific == "имени Героя Советского Союза Зины Портновой"


@pytest.mark.parametrize(
    "text,normal",
    [
        ("23.12.2022", "2022-12-23"),
        ("06 декабря 2022 года", "2022-12-06"),
        ("9-21 февраля 2023 года", "2023-02-09/2023-02-21"),
        ("С 18 по 22 апреля 2022 года", "2022-04-18/2022-04-22"),
        ("с 30 октября по 2 ноября", "2023-10-30/2023-11-02"),
        ("12-13 февраля", "2023-02-12/2023-02-13"),
        ("9 февраля 10:30", "2023-02-09T10:30"),
    ],
)
def test_dates_are_iso_with_the_document_year(text, normal):
    assert [d.normal for d in find_dates(text, 2023)] == [normal]


@pytest.mark.parametrize("text", ["в 2023 году", "2023-2024 гг.", "СОШ № 110", "на 2023-2024 учебный год"])
def test_bare_years_and_numbers_are_not_dates(text):
    assert find_dates(text, 2023) == []


def _people(read_corpus, name):
    doc = read_corpus(name)
    tag_entities(doc)
    return doc, [m for m in doc.mentions if m.type == "PERSON"]


def test_names_go_to_the_nominative_with_gender_and_role(read_corpus):
    _, people = _people(read_corpus, "chelyabinsk-letter-2022-13170.txt")
    by_text = {m.text: m for m in people}
    assert (by_text["Ильясова Д.Ф."].normal, by_text["Ильясова Д.Ф."].attrs["gender"]) == ("Ильясов Д.Ф.", "m")
    assert (by_text["Севрюковой А.А."].normal, by_text["Севрюковой А.А."].attrs["gender"]) == ("Севрюкова А.А.", "f")
    assert by_text["Ильясова Д.Ф."].role.startswith("заведующий кафедрой педагогики и психологии")
    kouzova = by_text["Е.А. Коузова"]
    assert (kouzova.normal, kouzova.role) == ("Коузова Е.А.", "Первый заместитель Министра")
    assert not any("Министр" in m.normal for m in people)


def test_name_and_patronymic_alone_is_the_person_named_in_full_before(read_corpus):
    _, people = _people(read_corpus, "nk-dni-nauki-2023.txt")
    normals = {m.text: m.normal for m in people}
    assert normals["Плетнева Лариса Анатольевна"] == "Плетнева Лариса Анатольевна"
    assert normals["Лариса Анатольевна"] == "Плетнева Лариса Анатольевна"


def test_initials_glued_to_the_surname_are_a_person(read_corpus):
    _, people = _people(read_corpus, "nk-dni-nauki-2023.txt")
    assert {"Круль С.В.", "Давыденко А.А."} <= {m.normal for m in people}


def test_no_mention_crosses_a_cell_tab_or_line(read_corpus):
    doc = read_corpus("nk-dni-nauki-2023.pdf")
    tag_entities(doc)
    for m in doc.mentions:
        assert "\t" not in m.text and "\n" not in m.text
        assert doc.text[m.start : m.stop].strip() == m.text


def test_bare_numbers_in_a_schools_column_are_school_mentions_in_their_row_city(read_corpus):
    doc = read_corpus("nk-dni-nauki-2023.docx")
    tag_entities(doc)
    bare = [m for m in doc.mentions if m.type == "SCHOOL" and m.attrs.get("bare")]
    assert {m.text for m in bare} >= {"103", "31", "16", "76", "60", "7", "4"}
    mezh = [m for m in bare if m.text in ("7", "4")]
    assert {m.attrs["city"] for m in mezh} == {"Междуреченск"}


@pytest.mark.parametrize(
    "name,meta",
    [
        ("nk-dni-nauki-2023.pdf", {"city": "Новокузнецк", "event_start": "2023-02-09", "event_end": "2023-02-21"}),
        ("chelyabinsk-letter-2022-13170.docx", {"doc_date": "2022-12-23", "doc_number": "13170", "city": "Челябинск",
                                                "region": "Челябинская область"}),
        ("ust-ilimsk-forum-2022.txt", {"city": "Усть-Илимск", "region": "Иркутская область",
                                       "event_start": "2022-04-18", "event_end": "2022-04-22"}),
    ],
)
def test_document_metadata(read_corpus, name, meta):
    doc = read_corpus(name)
    tag_entities(doc)
    assert {k: doc.meta[k] for k in meta} == meta
    assert doc.meta["title"]
