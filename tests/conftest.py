"""Shared fixtures: the project's corpus, the bad files, and one real run over both (session-scoped)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.read import read_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BAD = Path(__file__).resolve().parent / "data" / "corpus-bad"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Conversions and OCR run for real in every test session, cached only within it."""
    import os

    os.environ["EDU_REPORTS_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def read_corpus():
    """Read a corpus file once per session, by name."""
    cache = {}

    def _read(name: str):
        if name not in cache:
            cache[name] = read_file(CORPUS / name, name)
        return cache[name]

    return _read


@pytest.fixture(scope="session")
def mixed_run(tmp_path_factory):
    """One real `reports run` over the corpus and the bad files side by side."""
    from reports.cli import main

    base = tmp_path_factory.mktemp("mixed")
    inputs = base / "in"
    shutil.copytree(CORPUS, inputs / "corpus")
    shutil.copytree(BAD, inputs / "bad")
    out = base / "out"
    code = main(["run", str(inputs), "-o", str(out), "--quiet"])
    return {"code": code, "out": out, "inputs": inputs}
