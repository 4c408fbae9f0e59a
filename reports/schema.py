"""The documented schema of every output CSV, written into OUT as a Frictionless `datapackage.json`.

Field types, a description of every column, primary keys and the foreign keys that join the files:
what an analyst needs to load the folder into pandas, DuckDB or a spreadsheet without guessing.
"""

from __future__ import annotations

import json
from pathlib import Path

from reports.contract import COLUMNS, CONTRACT_VERSION

# column -> (type, description); a column repeated across files means the same everywhere
FIELDS: dict[str, tuple[str, str]] = {
    "doc_id": ("string", "Document id: the first 12 hex digits of the SHA-256 of the file's bytes"),
    "path": ("string", "The file's path relative to the input folder it was found in"),
    "format": ("string", "docx, pdf, txt, doc, rtf or odt"),
    "sha256": ("string", "SHA-256 of the file's bytes"),
    "pages": ("integer", "Pages (DOCX: counted from explicit page breaks, a lower bound)"),
    "chars": ("integer", "Length of the document's text in text/DOC_ID.txt"),
    "title": ("string", "Title: the block that opens with the document's type, and the lines after it"),
    "issuer": ("string", "The body that issued the document (its letterhead)"),
    "city": ("string", "City, in the nominative"),
    "region": ("string", "Region, in the nominative"),
    "doc_date": ("date", "Date of a letter or order («23.12.2022 № 13170»)"),
    "doc_number": ("string", "Number of a letter or order"),
    "event_start": ("date", "First day of the event the document reports on"),
    "event_end": ("date", "Last day of the event the document reports on"),
    "status": ("string", "ok, partial (some stage failed; see errors.csv) or failed"),
    "warnings": ("string", "Short codes joined by ';' (encoding:cp1251, ocr, converted:doc->docx, …)"),
    "table_id": ("string", "Table id: DOC_ID-tN"),
    "n": ("integer", "1-based order of the table in its document"),
    "caption": ("string", "The «Таблица N – …» line above the table"),
    "page_start": ("integer", "First page of the table"),
    "page_end": ("integer", "Last page of the table"),
    "n_rows": ("integer", "Body rows (totals included, header rows not)"),
    "n_cols": ("integer", "Columns"),
    "header": ("string", "Header cells joined by ' | '"),
    "continued": ("boolean", "true when stitched from parts split by page breaks or repeated headers"),
    "csv_path": ("string", "The table as a rectangular grid: tables/TABLE_ID.csv"),
    "row": ("integer", "0-based row in the table, header rows included"),
    "col": ("integer", "0-based column in the table"),
    "text": ("string", "Text, whitespace collapsed, line-end hyphenation repaired"),
    "value": ("number", "The number, when the cell is one («1 393» → 1393); empty otherwise"),
    "role": ("string", "cells: header, body or total; mentions: the position stated beside a person's name"),
    "spanned": ("boolean", "true when the text was copied here from a merged cell"),
    "rowspan": ("integer", "On a merged cell's origin: the rows it covers"),
    "colspan": ("integer", "On a merged cell's origin: the columns it covers"),
    "start": ("integer", "Char offset into text/DOC_ID.txt where it starts"),
    "end": ("integer", "Char offset into text/DOC_ID.txt where it ends"),
    "mention_id": ("string", "Mention id: DOC_ID-mN, in text order"),
    "type": ("string", "SCHOOL, PERSON, ORG, LOC or DATE"),
    "normal": ("string", "Normal form: canonical school name, name in the nominative, ISO date or START/END"),
    "entity_id": ("string", "school_id for a SCHOOL, person_id for a PERSON"),
    "gender": ("string", "m, f or empty"),
    "kind": ("string", "Kind of school, or of event"),
    "school_id": ("string", "Institution id: a hash of its canonical key (city, numbering, number or name)"),
    "district": ("string", "District of the city"),
    "number": ("string", "The institution's number"),
    "name": ("string", "Canonical display name («СОШ № 110», «Ильясов Д.Ф.»)"),
    "full_name": ("string", "The most recent full form seen («МАОУ «СОШ № 110»»)"),
    "legal_forms": ("string", "Legal forms seen, typos folded, joined by ';'"),
    "honorific": ("string", "«им. В.П. Чкалова»"),
    "profile": ("string", "«с углубленным изучением информатики»"),
    "variants": ("string", "Surface forms seen, joined by ';'"),
    "n_mentions": ("integer", "Mentions linked to it"),
    "n_docs": ("integer", "Documents that mention it"),
    "confidence": ("number", "0..1: lower when the kind was settled by a majority"),
    "review": ("boolean", "true when a person should confirm the merge"),
    "inn": ("string", "INN, from the user's registry file"),
    "ogrn": ("string", "OGRN, from the user's registry file"),
    "person_id": ("string", "Person id: a hash of city, surname and initials"),
    "surname": ("string", "Surname in the nominative"),
    "first_name": ("string", "First name, when written in full"),
    "patronymic": ("string", "Patronymic, when written in full"),
    "initials": ("string", "Initials («Д.Ф.»)"),
    "roles": ("string", "Positions seen, joined by ';'"),
    "affiliations": ("string", "school_ids or organisation names from the roles, joined by ';'"),
    "event_id": ("string", "Event id: DOC_ID-eN"),
    "date_start": ("date", "First day of the event"),
    "date_end": ("date", "Last day of the event"),
    "time": ("string", "Start time, HH:MM"),
    "venue_school_id": ("string", "The school that hosted the event"),
    "participants": ("integer", "Participants, from the event's row"),
    "check_id": ("string", "Finding id: DOC_ID-aN"),
    "check": ("string", "column_total, row_total, claim, cross_table or count"),
    "where": ("string", "Where the checked figure is, in words"),
    "declared": ("number", "The figure the report states"),
    "computed": ("number", "The figure recomputed from the table"),
    "difference": ("number", "declared − computed"),
    "evidence": ("string", "The sentence or row that states the declared figure"),
    "reason": ("string", "Why an unverifiable figure could not be checked"),
    "stage": ("string", "Where it failed: read, parse, ner, normalize, audit, limits, engine"),
    "error": ("string", "What is wrong with the file and what the user can do about it"),
}
# a few columns mean something else in one file
OVERRIDES = {
    ("cells.csv", "text"): ("string", "The cell's text, whitespace collapsed, hyphenation repaired"),
    ("mentions.csv", "text"): ("string", "The mention as written in the document"),
    ("mentions.csv", "city"): ("string", "SCHOOL: the city the text places the school in"),
    ("people.csv", "city"): ("string", "City of the documents that name the person"),
    ("events.csv", "kind"): ("string", "Kind of event read from its title (семинар, круглый стол, …)"),
    ("events.csv", "title"): ("string", "Title of the event"),
    ("events.csv", "row"): ("integer", "Row of the event in its table"),
    ("errors.csv", "path"): ("string", "The file that could not be read"),
    ("events.csv", "table_id"): ("string", "Table the event row is in; empty for an event from the prose"),
    ("audit.csv", "table_id"): ("string", "The table checked; for cross_table, the summary and the breakdown joined by ';'"),
    ("audit.csv", "row"): ("integer", "Row of the cell holding the declared figure (in the first table of table_id)"),
    ("audit.csv", "col"): ("integer", "Column of the cell holding the declared figure"),
}
DESCRIPTIONS = {
    "documents.csv": "One row per input file, with its status and metadata",
    "tables.csv": "One row per logical table (parts split across pages stitched)",
    "cells.csv": "One row per table cell, long form",
    "mentions.csv": "One row per entity mention, with provenance (offsets, or the table cell)",
    "schools.csv": "The canonical school registry: one row per institution per city",
    "people.csv": "One row per person across documents",
    "events.csv": "One row per event reported (event tables and prose)",
    "audit.csv": "One row per check of a total or a stated figure",
    "errors.csv": "One row per failure",
}
PRIMARY_KEYS = {
    "tables.csv": ["table_id"], "cells.csv": ["table_id", "row", "col"], "mentions.csv": ["mention_id"],
    "schools.csv": ["school_id"], "people.csv": ["person_id"], "events.csv": ["event_id"], "audit.csv": ["check_id"],
    "documents.csv": ["path"],
}
FOREIGN_KEYS = {
    "cells.csv": [("table_id", "tables", "table_id")],
    "mentions.csv": [("table_id", "tables", "table_id")],
    "events.csv": [("venue_school_id", "schools", "school_id")],
}


def _field(file: str, column: str) -> dict[str, str]:
    kind, description = OVERRIDES.get((file, column)) or FIELDS[column]
    spec = {"name": column, "type": kind, "description": description}
    if kind == "boolean":
        spec["trueValues"], spec["falseValues"] = ["true"], ["false"]
    return spec


def datapackage() -> dict:
    resources = []
    for file, columns in COLUMNS.items():
        schema: dict = {"fields": [_field(file, c) for c in columns], "missingValues": [""]}
        if file in PRIMARY_KEYS:
            schema["primaryKey"] = PRIMARY_KEYS[file]
        if file in FOREIGN_KEYS:
            schema["foreignKeys"] = [
                {"fields": col, "reference": {"resource": res, "fields": ref}} for col, res, ref in FOREIGN_KEYS[file]
            ]
        resources.append({
            "name": file.removesuffix(".csv"), "path": file, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": DESCRIPTIONS[file], "schema": schema,
        })
    return {
        "name": "edu-reports-output", "title": "Education reports made into data (edu-reports)",
        "version": CONTRACT_VERSION, "profile": "tabular-data-package", "resources": resources,
    }


def write_datapackage(folder: Path) -> None:
    (folder / "datapackage.json").write_text(json.dumps(datapackage(), ensure_ascii=False, indent=1), encoding="utf-8")
