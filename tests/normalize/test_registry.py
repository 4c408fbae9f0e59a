"""The school registry, people and events over the real corpus, and the registry file."""

import csv
import shutil

import pytest

from benchmarks.registry_check import check
from reports.cli import main
from tests.conftest import CORPUS, ROOT


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "out"
    assert main(["run", str(CORPUS), "-o", str(out), "-q"]) == 0
    return out


def _school(out, city, name):
    return next(r for r in _rows(out / "schools.csv") if r["city"] == city and r["name"] == name)


@pytest.mark.parametrize("doc", ["nk-dni-nauki-2023", "ust-ilimsk-forum-2022"])
def test_no_over_splits_or_over_merges_against_the_hand_checked_institutions(corpus_run, doc):
    result = check(corpus_run)[doc]
    assert result["over_splits"] == [] and result["over_merges"] == []


def test_every_spelling_of_a_school_is_one_row(corpus_run):
    row = _school(corpus_run, "Новокузнецк", "СОШ № 110")
    variants = row["variants"].split(";")
    assert {"МАОУ «СОШ № 110»", "МАОУ СОШ № 110"} <= set(variants)
    assert row["kind"] == "СОШ" and row["review"] == "false"


def test_legal_form_typos_are_one_legal_form(corpus_run):
    assert _school(corpus_run, "Новокузнецк", "Гимназия № 44")["legal_forms"] == "МБНОУ"


def test_a_kind_conflict_is_resolved_by_majority_and_flagged(corpus_run):
    row = _school(corpus_run, "Новокузнецк", "Гимназия № 32")  # «Лицей № 32» in one table
    assert row["review"] == "true" and float(row["confidence"]) < 1


def test_two_kinds_with_one_number_side_by_side_are_two_institutions(corpus_run):
    soch = _school(corpus_run, "Усть-Илимск", "СОШ № 1")
    gym = _school(corpus_run, "Усть-Илимск", "Гимназия № 1")
    assert soch["school_id"] != gym["school_id"]


def test_kindergartens_are_numbered_apart_from_schools(corpus_run):
    assert _school(corpus_run, "Усть-Илимск", "Детский сад № 7")["school_id"] != _school(
        corpus_run, "Усть-Илимск", "СОШ № 7"
    )["school_id"]


def test_a_bare_number_resolves_to_the_school_with_that_number_in_its_city(corpus_run):
    mentions = _rows(corpus_run / "mentions.csv")
    soch103 = _school(corpus_run, "Новокузнецк", "СОШ № 103")["school_id"]
    bare = [m for m in mentions if m["type"] == "SCHOOL" and m["text"] == "103"]
    assert bare and {m["entity_id"] for m in bare} == {soch103}
    mezh = _school(corpus_run, "Междуреченск", "СОШ № 7")["school_id"]
    assert any(m["text"] == "7" and m["entity_id"] == mezh for m in mentions)


def test_every_school_and_person_mention_has_an_entity_id(corpus_run):
    for m in _rows(corpus_run / "mentions.csv"):
        if m["type"] == "SCHOOL":
            assert m["entity_id"].startswith("sch-"), m
    ids = {r["school_id"] for r in _rows(corpus_run / "schools.csv")}
    assert all(m["entity_id"] in ids for m in _rows(corpus_run / "mentions.csv") if m["type"] == "SCHOOL")


def test_one_person_across_documents_with_role_and_organisation(corpus_run):
    people = _rows(corpus_run / "people.csv")
    ilyasov = [p for p in people if p["surname"] == "Ильясов"]
    assert len(ilyasov) == 1
    p = ilyasov[0]
    assert (p["name"], p["gender"], p["n_docs"]) == ("Ильясов Д.Ф.", "m", "3")  # the .txt, the .docx and the scan
    assert "заведующий кафедрой педагогики и психологии" in p["roles"] and "ГБУ ДПО ЧИППКРО" in p["affiliations"]
    pletneva = next(p for p in people if p["surname"] == "Плетнева")
    assert pletneva["name"] == "Плетнева Лариса Анатольевна" and pletneva["gender"] == "f"


def test_event_rows_have_date_time_kind_venue_and_participants(corpus_run):
    docs = {d["path"]: d["doc_id"] for d in _rows(corpus_run / "documents.csv")}
    events = [e for e in _rows(corpus_run / "events.csv") if e["doc_id"] == docs["nk-dni-nauki-2023.docx"]]
    assert len(events) == 17  # 6 in Таблица 1, 11 in Таблица 2
    first = events[0]
    assert (first["kind"], first["participants"]) == ("семинар", "25")
    assert first["venue_school_id"] == _school(corpus_run, "Новокузнецк", "СОШ № 110")["school_id"]
    round_table = next(e for e in events if e["title"].startswith("Круглый стол «Перспективы"))
    assert (round_table["date_start"], round_table["time"], round_table["kind"]) == ("2023-02-09", "14:00", "круглый стол")
    e2025 = [e for e in _rows(corpus_run / "events.csv") if e["doc_id"] == docs["nk-dni-nauki-2025.pdf"]]
    assert len(e2025) == 25 and sum(int(e["participants"]) for e in e2025) == 1393
    assert (e2025[0]["date_start"], e2025[0]["date_end"]) == ("2025-02-12", "2025-02-13")


def test_an_event_described_in_prose_is_an_event(corpus_run):
    docs = {d["path"]: d["doc_id"] for d in _rows(corpus_run / "documents.csv")}
    (event,) = [e for e in _rows(corpus_run / "events.csv") if e["doc_id"] == docs["spb-resursy-plus-2023.txt"]]
    assert (event["date_start"], event["kind"]) == ("2023-10-30", "конференция")
    assert "РесурсыПлюс" in event["title"] and event["venue_school_id"]


def test_outputs_are_byte_identical_whatever_the_order_of_the_input_files(tmp_path):
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".docx"})
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["run", *map(str, files), "-o", str(a), "-q"]) == 0
    assert main(["run", *map(str, reversed(files)), "-o", str(b), "-q"]) == 0
    for name in ("schools.csv", "people.csv", "events.csv", "mentions.csv", "documents.csv"):
        rows_a = sorted((a / name).read_text(encoding="utf-8").splitlines())
        rows_b = sorted((b / name).read_text(encoding="utf-8").splitlines())
        assert rows_a == rows_b, name
    assert (a / "schools.csv").read_bytes() == (b / "schools.csv").read_bytes()


def test_adding_a_document_keeps_every_existing_school_id(tmp_path):
    one, more = tmp_path / "one", tmp_path / "more"
    assert main(["run", str(CORPUS / "nk-dni-nauki-2023.txt"), "-o", str(one), "-q"]) == 0
    assert main(["run", str(CORPUS / "nk-dni-nauki-2023.txt"), str(CORPUS / "ust-ilimsk-forum-2022.txt"), "-o", str(more), "-q"]) == 0
    before = {(r["city"], r["name"]): r["school_id"] for r in _rows(one / "schools.csv")}
    after = {(r["city"], r["name"]): r["school_id"] for r in _rows(more / "schools.csv")}
    assert all(after[k] == v for k, v in before.items())


def test_registry_file_pins_aliases_splits_and_brings_official_names(tmp_path):
    registry = tmp_path / "registry.csv"
    shutil.copy(ROOT / "registry.example.csv", registry)
    out = tmp_path / "out"
    assert main(["run", str(CORPUS / "nk-dni-nauki-2023.txt"), "-o", str(out), "-q", "--registry", str(registry)]) == 0
    soch110 = _school(out, "Новокузнецк", "МАОУ «Средняя общеобразовательная школа № 110»")
    assert (soch110["inn"], soch110["ogrn"], soch110["kind"]) == ("4218000000", "1024201000000", "СОШ")
    assert int(soch110["n_mentions"]) >= 3  # the report's mentions link to the official institution
    schools = _rows(out / "schools.csv")
    assert len([r for r in schools if r["city"] == "Новокузнецк" and r["number"] == "53"]) == 2  # split
    mentions = _rows(out / "mentions.csv")
    spec78 = _school(out, "Новокузнецк", "Спецшкола № 78")["school_id"]
    assert next(m for m in mentions if m["text"] == "МКОУ «СПЕЦИ № 78»")["entity_id"] == spec78


def test_a_broken_registry_file_is_a_usage_error_naming_the_line(tmp_path, capsys):
    registry = tmp_path / "registry.csv"
    registry.write_text("action,city,kind,number,name,inn,ogrn,alias\ninstitution,Новокузнецк,школа №,1,,,,\n", encoding="utf-8")
    assert main(["run", str(CORPUS / "spb-resursy-plus-2023.txt"), "-o", str(tmp_path / "o"), "--registry", str(registry)]) == 2
    assert f"{registry}:2" in capsys.readouterr().err
