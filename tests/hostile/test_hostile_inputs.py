"""Hostile and broken inputs: each ends as one clear error row, in bounded time, and nothing else is lost."""

import csv
import os
import re
import shutil
import time

import pytest

from reports.batch import run
from tests.conftest import BAD, CORPUS
from tests.hostile import fuzz_inputs

MUST_FAIL = {
    "cut-5.pdf": "PDF", "cut-50.pdf": "PDF", "cut-5.docx": "DOCX", "cut-50.docx": "DOCX", "cut-95.docx": "DOCX",
    "garbage.docx": "not a DOCX", "garbage.doc": "not a Word", "garbage.rtf": "",  # LibreOffice may refuse it, or make symbols of it: either way an error "empty.docx": "empty file",
    "empty.txt": "empty file", "xxe.docx": "entity", "odt-bomb.odt": "archive member too large",
}
MUST_READ = {"long-line.txt", "wide-tsv.txt", "formula=cmd.txt"}


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def fuzz_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("fuzz")
    src = base / "in"
    src.mkdir()
    made = fuzz_inputs.build(src)
    for good in ("nk-dni-nauki-2023.txt", "spb-resursy-plus-2023.txt"):
        shutil.copy(CORPUS / good, src / good)
    start = time.monotonic()
    summary = run([src], base / "out", progress=False, workers=2)
    return {"out": base / "out", "made": made, "seconds": time.monotonic() - start, "summary": summary}


def test_the_fuzz_run_finishes_in_bounded_time(fuzz_run):
    assert fuzz_run["seconds"] < 300


@pytest.mark.parametrize("name,says", sorted(MUST_FAIL.items()))
def test_each_broken_input_is_one_clear_error_row(fuzz_run, name, says):
    errors = [e for e in _rows(fuzz_run["out"] / "errors.csv") if e["path"] == name]
    assert len(errors) == 1, errors
    assert says in errors[0]["error"]
    assert "Traceback" not in errors[0]["error"] and len(errors[0]["error"]) < 400


def test_no_input_gives_more_than_one_error_row_or_none_when_failed(fuzz_run):
    errors = _rows(fuzz_run["out"] / "errors.csv")
    docs = {d["path"]: d for d in _rows(fuzz_run["out"] / "documents.csv")}
    assert len(docs) == len(fuzz_run["made"]) + 2
    for path, doc in docs.items():
        n = sum(1 for e in errors if e["path"] == path)
        assert n <= 1 and (doc["status"] != "failed" or n == 1), path


def test_valid_stress_inputs_and_good_neighbours_are_read(fuzz_run):
    docs = {d["path"]: d for d in _rows(fuzz_run["out"] / "documents.csv")}
    for name in MUST_READ | {"nk-dni-nauki-2023.txt", "spb-resursy-plus-2023.txt"}:
        assert docs[name]["status"] == "ok", name
    wide = [t for t in _rows(fuzz_run["out"] / "tables.csv") if t["doc_id"] == docs["wide-tsv.txt"]["doc_id"]]
    assert wide and wide[0]["n_rows"] == "30001"


def test_output_file_names_never_come_from_inputs(fuzz_run):
    out = fuzz_run["out"]
    allowed = re.compile(r"^([0-9a-f]{12}(-t\d+)?\.(txt|csv)|[a-z_]+\.(csv|json|html)|\.edu-reports)$")
    for path in out.rglob("*"):
        if path.is_file() and ".cache" not in path.parts:
            assert allowed.match(path.name), path


def test_a_worker_that_crashes_costs_its_document_only(tmp_path, monkeypatch):
    import reports.pool

    real = reports.pool.process_file

    def crashing(path, rel, limits):  # runs in the forked worker: a real abort, as a native library would
        if rel == "spb-resursy-plus-2023.txt":
            import faulthandler

            faulthandler.disable()  # pytest's dump of every module would only clutter the log
            os.abort()
        return real(path, rel, limits)

    monkeypatch.setattr(reports.pool, "process_file", crashing)
    files = [CORPUS / "spb-resursy-plus-2023.txt", CORPUS / "nk-dni-nauki-2025.txt", CORPUS / "ust-ilimsk-forum-2022.txt"]
    summary = run(files, tmp_path / "out", progress=False, workers=1, use_cache=False)
    assert (summary.ok, summary.failed, summary.stats.restarts) == (2, 1, 1)
    (error,) = _rows(tmp_path / "out" / "errors.csv")
    assert error["path"] == "spb-resursy-plus-2023.txt" and "crashed (signal 6)" in error["error"]


def test_nothing_is_written_outside_the_output_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("EDU_REPORTS_CACHE", raising=False)  # the run keeps conversions and OCR inside OUT
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    work = tmp_path / "work"
    work.mkdir()
    files = [CORPUS / "spb-resursy-plus-2023.odt", BAD / "Отчёт с пробелами «кавычки».txt"]
    run(files, work / "out", progress=False, workers=1)
    assert sorted(p.name for p in work.iterdir()) == ["out"]
    assert not (tmp_path / "home").exists()
    assert list((work / "out" / ".cache" / "files" / "converted").glob("*.docx"))
