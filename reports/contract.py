"""The columns of every output file, as `../shared/output-contract.md` (v1) names them."""

from __future__ import annotations

CONTRACT_VERSION = "1"

COLUMNS: dict[str, list[str]] = {
    "documents.csv": [
        "doc_id", "path", "format", "sha256", "pages", "chars", "title", "issuer", "city", "region",
        "doc_date", "doc_number", "event_start", "event_end", "status", "warnings",
    ],
    "tables.csv": [
        "table_id", "doc_id", "n", "caption", "page_start", "page_end", "n_rows", "n_cols", "header",
        "continued", "csv_path",
    ],
    # rowspan/colspan (on a merge's origin cell) and start/end (offsets into text/DOC_ID.txt) are
    # additions at the end, as the contract allows
    "cells.csv": ["table_id", "row", "col", "text", "value", "role", "spanned", "rowspan", "colspan", "start", "end"],
    "mentions.csv": [
        "mention_id", "doc_id", "type", "text", "normal", "start", "end", "table_id", "row", "col",
        "entity_id", "role",
        "gender", "kind", "city",  # additions: PERSON gender; SCHOOL kind and the city that places it
    ],
    "schools.csv": [
        "school_id", "city", "district", "kind", "number", "name", "full_name", "legal_forms", "honorific",
        "profile", "variants", "n_mentions", "n_docs", "confidence", "review",
        "inn", "ogrn",  # additions: from the user's registry file
    ],
    "people.csv": [
        "person_id", "surname", "first_name", "patronymic", "initials", "name", "gender", "roles",
        "affiliations", "n_mentions", "n_docs",
        "city",  # addition: the city of the documents that name the person
    ],
    "events.csv": [
        "event_id", "doc_id", "date_start", "date_end", "time", "kind", "title", "venue_school_id",
        "participants", "table_id", "row",
    ],
    "audit.csv": [
        "check_id", "doc_id", "table_id", "check", "where", "declared", "computed", "difference", "status",
        "evidence", "start", "end",
        "reason",  # addition: why an unverifiable figure could not be checked
        "row", "col",  # additions: the cell of table_id holding the declared figure
    ],
    "errors.csv": ["path", "stage", "error"],
}
