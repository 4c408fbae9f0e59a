"""Stream per-document results into the contract files of one output folder."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from reports.contract import COLUMNS
from reports.csvsafe import neutralise, write_grid
from reports.process import DocResult
from reports.rows import audit_rows, cell_rows, mention_rows, document_row, table_csv_path, table_row


class RunWriter:
    """Holds every contract CSV open while documents arrive; later stages add their files at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "text").mkdir()
        (folder / "tables").mkdir()
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, csv.writer] = {}
        for name in ("documents.csv", "tables.csv", "cells.csv", "mentions.csv", "audit.csv", "errors.csv"):
            fh = (folder / name).open("w", encoding="utf-8", newline="")
            self._files[name] = fh
            self._writers[name] = csv.writer(fh, lineterminator="\n")
            self._writers[name].writerow(COLUMNS[name])
        self.seen: dict[str, str] = {}  # sha256 -> path of the first file with that content
        self.counts = {"ok": 0, "partial": 0, "failed": 0}

    def _row(self, name: str, row: dict[str, object]) -> None:
        self._writers[name].writerow([neutralise(row.get(c)) for c in COLUMNS[name]])

    def add(self, result: DocResult) -> None:
        doc = result.document
        self.counts[doc.status] += 1
        for stage, message in result.errors:
            self._row("errors.csv", {"path": doc.path, "stage": stage, "error": message})
        if doc.status != "failed" and doc.sha256 in self.seen:
            doc.warnings.append(f"duplicate-of:{self.seen[doc.sha256]}")
            self._row("documents.csv", document_row(doc))
            return
        self._row("documents.csv", document_row(doc))
        if doc.status == "failed":
            return
        self.seen[doc.sha256] = doc.path
        (self.folder / "text" / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
        for table in doc.tables:
            self._row("tables.csv", table_row(doc, table))
            for row in cell_rows(table):
                self._row("cells.csv", row)
            write_grid(self.folder / table_csv_path(table), [[c.text for c in r] for r in table.rows])
        for row in mention_rows(doc):
            self._row("mentions.csv", row)
        for row in audit_rows(doc, result.findings):
            self._row("audit.csv", row)

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
