"""Workers, the cache, resuming after SIGKILL, per-document limits and the Dask engine, on real files."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.limits import DEFAULT_LIMITS
from reports.batch import run
from tests.conftest import BAD, CORPUS, ROOT

SMALL = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".docx"})
CONTRACT = ("documents.csv", "tables.csv", "cells.csv", "mentions.csv", "audit.csv", "errors.csv",
            "schools.csv", "people.csv", "events.csv")


def _same_outputs(a: Path, b: Path) -> None:
    for name in CONTRACT:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert sorted(p.name for p in (a / "tables").iterdir()) == sorted(p.name for p in (b / "tables").iterdir())


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    out = tmp_path_factory.mktemp("one") / "out"
    run(SMALL, out, progress=False, workers=1, use_cache=False)
    return out


def test_two_workers_give_the_same_outputs_as_one(one_worker, tmp_path):
    run(SMALL, tmp_path / "two", progress=False, workers=2, use_cache=False)
    _same_outputs(one_worker, tmp_path / "two")


def test_a_rerun_takes_every_document_from_the_cache_and_gives_the_same_outputs(one_worker, tmp_path):
    out = tmp_path / "out"
    first = run(SMALL, out, progress=False, workers=2)
    second = run(SMALL, out, progress=False, workers=2)
    assert (first.processed, second.processed, second.cached) == (len(SMALL), 0, len(SMALL))
    _same_outputs(one_worker, out)


def test_a_changed_file_is_redone_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in SMALL[:3]:
        (src / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    run([src], out, progress=False, workers=1)
    changed = src / SMALL[0].name
    if changed.suffix == ".txt":
        changed.write_text(changed.read_text(encoding="utf-8") + "\nДополнение к отчёту.\n", encoding="utf-8")
    else:
        changed.write_bytes(SMALL[2].read_bytes())
    again = run([src], out, progress=False, workers=1)
    assert again.processed <= 1 and again.cached == 2


def test_a_run_killed_with_sigkill_resumes_to_the_same_outputs(one_worker, tmp_path):
    out = tmp_path / "out"
    code = (
        "import sys; from pathlib import Path; from reports.batch import run; "
        f"run([Path(p) for p in {[str(p) for p in SMALL]!r}], Path({str(out)!r}), progress=False, workers=1)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, start_new_session=True)
    staging = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill once a few documents are cached, mid-run
        found = list(tmp_path.glob(".out.tmp-*/.cache/*/*.pickle"))
        if len(found) >= 3:
            staging = found[0].parents[2]
            break
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert staging is not None and not out.exists()
    resumed = run(SMALL, out, progress=False, workers=1)
    assert resumed.cached >= 3 and resumed.processed <= len(SMALL) - 3
    assert not list(tmp_path.glob(".out.tmp-*"))  # the killed run's staging folder was taken over and removed
    _same_outputs(one_worker, out)


def test_a_document_over_the_time_limit_is_an_error_row_and_the_run_goes_on(tmp_path, monkeypatch):
    from dataclasses import replace

    limits = replace(DEFAULT_LIMITS, document_seconds=3)
    files = [CORPUS / "chelyabinsk-letter-2022-13170-scan.pdf", CORPUS / "spb-resursy-plus-2023.txt"]
    monkeypatch.setenv("EDU_REPORTS_CACHE", str(tmp_path / "fresh-cache"))  # so the OCR really runs and overruns
    summary = run(files, tmp_path / "out", progress=False, workers=2, limits=limits, use_cache=False)
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8")
    assert "longer than 3 s" in errors and "chelyabinsk-letter-2022-13170-scan.pdf" in errors
    assert (summary.ok, summary.failed) == (1, 1)


def test_a_worker_out_of_memory_costs_its_document_only(tmp_path):
    from dataclasses import replace

    limits = replace(DEFAULT_LIMITS, worker_memory_mb=1)  # far below what a 20 000-row table needs
    summary = run([BAD / "huge-table.docx", CORPUS / "spb-resursy-plus-2023.txt"], tmp_path / "out", progress=False,
                  workers=1, limits=limits, use_cache=False)
    # where the allocation fails decides the message (a MemoryError, a parser's error, a killed worker);
    # what must hold is that the document fails alone and the run goes on
    docs = {r.split(",")[1]: r for r in (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8").splitlines()[1:]}
    assert summary.failed >= 1 and docs["huge-table.docx"].endswith(",failed,")
    assert "huge-table.docx" in (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8")


def test_dask_engine_on_a_local_cluster_gives_the_same_outputs(one_worker, tmp_path):
    from reports.dask_engine import dask_engine

    run(SMALL, tmp_path / "dask", progress=False, engine=dask_engine(None), use_cache=False)
    _same_outputs(one_worker, tmp_path / "dask")


def test_a_cached_result_that_no_longer_loads_is_computed_again(one_worker, tmp_path):
    out = tmp_path / "out"
    run(SMALL, out, progress=False, workers=1)
    for pickled in (out / ".cache").rglob("*.pickle"):
        pickled.write_bytes(b"not a pickle")
    run(SMALL, out, progress=False, workers=1)
    _same_outputs(one_worker, out)
