"""`reports run` on the real corpus with the bad files mixed in: nothing lost, every failure explained."""

import csv
from collections import Counter
import subprocess
import sys

import pytest

from reports.cli import main
from reports.contract import COLUMNS
from tests.conftest import CORPUS

BAD_FILES = {
    "empty.pdf": "empty file",
    "truncated.pdf": "damaged PDF",
    "encrypted.pdf": "encrypted PDF, password required",
    "not-a-zip.docx": "not a DOCX file (not a ZIP archive)",
    "wrong-extension.pdf": "not a PDF (content is a DOCX/ZIP package)",
    "random-bytes.txt": "binary content, not a text file",
    "zip-bomb.docx": "archive member too large",
    "billion-laughs.docx": "XML entity declarations not allowed",
}
VALID_BAD_NEIGHBOURS = ["huge-table.docx", "Отчёт с пробелами «кавычки».txt"]


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_run_writes_every_contract_file_with_its_header(mixed_run):
    out = mixed_run["out"]
    for name, columns in COLUMNS.items():
        with (out / name).open(encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == columns, name


def test_run_exit_code_says_some_files_failed(mixed_run):
    assert mixed_run["code"] == 1


@pytest.mark.parametrize("name,message", sorted(BAD_FILES.items()))
def test_each_bad_file_is_one_clear_error_row_and_one_failed_document(mixed_run, name, message):
    out = mixed_run["out"]
    errors = [r for r in _rows(out / "errors.csv") if r["path"] == f"bad/{name}"]
    assert len(errors) == 1
    assert message in errors[0]["error"]
    docs = [r for r in _rows(out / "documents.csv") if r["path"] == f"bad/{name}"]
    assert [d["status"] for d in docs] == ["failed"]


def test_good_files_are_unaffected_by_bad_neighbours(mixed_run):
    docs = {r["path"]: r for r in _rows(mixed_run["out"] / "documents.csv")}
    for path in CORPUS.iterdir():
        if path.suffix != ".md":
            assert docs[f"corpus/{path.name}"]["status"] == "ok", path.name
    for name in VALID_BAD_NEIGHBOURS:
        assert docs[f"bad/{name}"]["status"] == "ok", name
    assert len(docs) == len([p for p in CORPUS.iterdir() if p.suffix != ".md"]) + len(BAD_FILES) + 2


def test_every_corpus_file_is_read_legacy_formats_and_the_scan_included(mixed_run):
    errors = {r["path"] for r in _rows(mixed_run["out"] / "errors.csv")}
    assert not [e for e in errors if e.startswith("corpus/")]
    docs = {r["path"]: r for r in _rows(mixed_run["out"] / "documents.csv")}
    assert "converted:doc->docx" in docs["corpus/nk-dni-nauki-2023.doc"]["warnings"]
    assert "ocr" in docs["corpus/chelyabinsk-letter-2022-13170-scan.pdf"]["warnings"].split(";")


def test_huge_table_is_read_whole(mixed_run):
    out = mixed_run["out"]
    doc = next(r for r in _rows(out / "documents.csv") if r["path"] == "bad/huge-table.docx")
    tables = [t for t in _rows(out / "tables.csv") if t["doc_id"] == doc["doc_id"]]
    assert len(tables) == 1 and tables[0]["n_rows"] == "20001" and tables[0]["n_cols"] == "6"


def test_cyrillic_path_with_spaces_and_quotes_is_kept_exactly(mixed_run):
    paths = [r["path"] for r in _rows(mixed_run["out"] / "documents.csv")]
    assert "bad/Отчёт с пробелами «кавычки».txt" in paths


def test_text_files_and_table_csvs_match_the_index(mixed_run):
    out = mixed_run["out"]
    for doc in _rows(out / "documents.csv"):
        if doc["status"] == "ok" and "duplicate-of" not in doc["warnings"]:
            text = (out / "text" / f"{doc['doc_id']}.txt").read_text(encoding="utf-8")
            assert len(text) == int(doc["chars"])
    for table in _rows(out / "tables.csv"):
        grid = list(csv.reader((out / table["csv_path"]).open(encoding="utf-8", newline="")))
        assert all(len(r) == int(table["n_cols"]) for r in grid)


def test_cells_csv_gives_values_roles_and_spans(mixed_run):
    out = mixed_run["out"]
    doc = next(r for r in _rows(out / "documents.csv") if r["path"] == "corpus/nk-dni-nauki-2023.docx")
    cells = [c for c in _rows(out / "cells.csv") if c["table_id"] == f"{doc['doc_id']}-t2"]
    total = [c for c in cells if c["role"] == "total"]
    assert [c["value"] for c in total if c["value"]] == ["229", "584", "813"]
    spanned = [c["text"] for c in cells if c["spanned"] == "true" and c["col"] == "0"]
    assert spanned.count("ДЕНЬ ЮЖНОЙ АГЛОМЕРАЦИИ") == 3


def test_ids_are_identical_across_two_runs(mixed_run, tmp_path):
    out2 = tmp_path / "again"
    assert main(["run", str(mixed_run["inputs"]), "-o", str(out2), "--quiet"]) == 1
    for name in ("documents.csv", "tables.csv", "cells.csv", "errors.csv"):
        assert (out2 / name).read_bytes() == (mixed_run["out"] / name).read_bytes(), name


def test_rerun_replaces_the_output_folder_whole(tmp_path):
    out = tmp_path / "out"
    assert main(["run", str(CORPUS / "spb-resursy-plus-2023.txt"), "-o", str(out), "-q"]) == 0
    (out / "stale.csv").write_text("left from an old run")
    assert main(["run", str(CORPUS / "nk-dni-nauki-2023.txt"), "-o", str(out), "-q"]) == 0
    assert not (out / "stale.csv").exists()
    assert [r["path"] for r in _rows(out / "documents.csv")] == ["nk-dni-nauki-2023.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # no staging left behind


def test_run_refuses_to_replace_a_folder_it_did_not_write(tmp_path, capsys):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("mine")
    assert main(["run", str(CORPUS / "spb-resursy-plus-2023.txt"), "-o", str(precious)]) == 2
    assert (precious / "thesis.docx").read_text() == "mine"
    assert "not an edu-reports output folder" in capsys.readouterr().err


def test_missing_input_is_a_usage_error(tmp_path):
    assert main(["run", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


def test_all_ok_run_exits_zero_and_console_script_works(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "reports.cli", "run", str(CORPUS / "nk-dni-nauki-2023.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "1 files: 1 ok, 0 partial, 0 failed" in proc.stderr


def test_formula_like_text_is_written_as_text(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil.txt").write_text(
        "Отчёт о семинаре для педагогов города\n\nШкола\tУчастники\n=HYPERLINK(\"http://x\")\t5\n@SUM(A1)\t-3\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "-q"]) == 0
    texts = [c["text"] for c in _rows(out / "cells.csv")]
    assert "'=HYPERLINK(\"http://x\")" in texts and "'@SUM(A1)" in texts
    assert "-3" in texts  # a negative number stays a number


def test_audit_runs_as_part_of_the_run_and_the_huge_table_adds_up(mixed_run):
    out = mixed_run["out"]
    doc = next(r for r in _rows(out / "documents.csv") if r["path"] == "bad/huge-table.docx")
    findings = [f for f in _rows(out / "audit.csv") if f["doc_id"] == doc["doc_id"]]
    checks = Counter((f["check"], f["status"]) for f in findings)
    assert checks == {("row_total", "ok"): 20001, ("column_total", "ok"): 4}


def test_reports_audit_prints_mismatches_first(mixed_run, capsys):
    assert main(["audit", str(mixed_run["out"])]) == 0
    printed = capsys.readouterr().out
    statuses = [line.split()[0] for line in printed.splitlines() if line[:1].isupper() and line.split()[0] in
                ("MISMATCH", "UNVERIFIABLE", "OK")]
    assert statuses and statuses == sorted(statuses, key=["MISMATCH", "UNVERIFIABLE", "OK"].index)
    assert "declared 25, computed 23, difference 2" in printed


def test_reports_audit_on_a_folder_without_a_run_is_a_usage_error(tmp_path):
    assert main(["audit", str(tmp_path)]) == 2
