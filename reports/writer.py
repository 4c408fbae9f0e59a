"""Stream per-document results into the contract files of one output folder."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from normalize.events import EventRecord
from normalize.people import PersonRecord
from normalize.registry_file import Registry
from normalize.run import normalize
from normalize.schools import SchoolRecord
from reports.contract import COLUMNS
from reports.csvsafe import neutralise, write_csv, write_grid
from reports.report_html import write_report
from reports.schema import write_datapackage
from reports.process import DocResult
from reports.rows import audit_rows, cell_rows, mention_rows, document_row, table_csv_path, table_row


MENTIONS_PARTIAL = "mentions.partial.csv"


class RunWriter:
    """Holds every contract CSV open while documents arrive; later stages add their files at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "text").mkdir()
        (folder / "tables").mkdir()
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, csv.writer] = {}
        # mentions wait in a partial file until the registry has given them their entity ids
        for name in ("documents.csv", "tables.csv", "cells.csv", MENTIONS_PARTIAL, "audit.csv", "errors.csv"):
            fh = (folder / name).open("w", encoding="utf-8", newline="")
            self._files[name] = fh
            self._writers[name] = csv.writer(fh, lineterminator="\n")
            self._writers[name].writerow(COLUMNS[name.replace(".partial", "")])
        self.seen: dict[str, str] = {}  # sha256 -> path of the first file with that content
        self.schools: list[SchoolRecord] = []
        self.people: list[PersonRecord] = []
        self.events: list[EventRecord] = []
        self.counts = {"ok": 0, "partial": 0, "failed": 0}

    def _row(self, name: str, row: dict[str, object]) -> None:
        self._writers[name].writerow([neutralise(row.get(c)) for c in COLUMNS[name.replace(".partial", "")]])

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
            self._row(MENTIONS_PARTIAL, row)
        self.schools.extend(result.schools)
        self.people.extend(result.people)
        self.events.extend(result.events)
        for row in audit_rows(doc, result.findings):
            self._row("audit.csv", row)

    def close(self) -> None:
        for fh in self._files.values():
            if not fh.closed:
                fh.close()

    def finish(self, registry: Registry | None = None) -> None:
        """The corpus-level stage: the registry, people and events, then mentions with their ids."""
        self.close()
        result = normalize(self.schools, self.people, self.events, registry)
        write_csv(self.folder / "schools.csv", COLUMNS["schools.csv"], result.schools)
        write_csv(self.folder / "people.csv", COLUMNS["people.csv"], result.people)
        write_csv(self.folder / "events.csv", COLUMNS["events.csv"], result.events)
        partial = self.folder / MENTIONS_PARTIAL
        with partial.open(encoding="utf-8", newline="") as src, (self.folder / "mentions.csv").open(
            "w", encoding="utf-8", newline=""
        ) as dst:
            reader, writer = csv.reader(src), csv.writer(dst, lineterminator="\n")
            header = next(reader)
            writer.writerow(header)
            id_col, entity_col = header.index("mention_id"), header.index("entity_id")
            for row in reader:
                row[entity_col] = result.entity_ids.get(row[id_col], "")
                writer.writerow(row)
        partial.unlink()
        write_datapackage(self.folder)
        write_report(self.folder)
