"""Turn document models into the rows of the contract files (documents, tables, cells)."""

from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding
from extract.model import Document, Table
from extract.numbers import format_number


def document_row(doc: Document, error: str = "") -> dict[str, object]:
    row: dict[str, object] = {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "format": doc.format,
        "sha256": doc.sha256,
        "pages": doc.pages if doc.status != "failed" else "",
        "chars": len(doc.text) if doc.status != "failed" else "",
        "status": doc.status,
        "warnings": ";".join(doc.warnings),
    }
    row.update(doc.meta)
    return row


def table_csv_path(table: Table) -> str:
    return f"tables/{table.table_id}.csv"


def table_row(doc: Document, table: Table) -> dict[str, object]:
    return {
        "table_id": table.table_id,
        "doc_id": doc.doc_id,
        "n": table.n,
        "caption": table.caption,
        "page_start": table.page_start,
        "page_end": table.page_end,
        "n_rows": table.n_body_rows,
        "n_cols": table.n_cols,
        "header": " | ".join(table.header),
        "continued": table.continued,
        "csv_path": table_csv_path(table),
    }


def cell_rows(table: Table) -> Iterator[dict[str, object]]:
    for row, role in zip(table.rows, table.roles):
        for cell in row:
            yield {
                "table_id": table.table_id,
                "row": cell.row,
                "col": cell.col,
                "text": cell.text,
                "value": format_number(cell.value),
                "role": role,
                "spanned": cell.spanned,
                "rowspan": cell.rowspan,
                "colspan": cell.colspan,
                "start": cell.start,
                "end": cell.stop,
            }


def audit_rows(doc: Document, findings: list[Finding]) -> Iterator[dict[str, object]]:
    for i, f in enumerate(findings, start=1):
        yield {
            "check_id": f"{doc.doc_id}-a{i}",
            "doc_id": doc.doc_id,
            "table_id": f.table_id,
            "check": f.check,
            "where": f.where,
            "declared": format_number(f.declared),
            "computed": format_number(f.computed),
            "difference": format_number(f.difference),
            "status": f.status,
            "evidence": f.evidence,
            "start": "" if f.start is None else f.start,
            "end": "" if f.end is None else f.end,
            "reason": f.reason,
            "row": "" if f.row is None else f.row,
            "col": "" if f.col is None else f.col,
        }


def mention_rows(doc: Document) -> Iterator[dict[str, object]]:
    for m in doc.mentions:
        yield {
            "mention_id": m.mention_id,
            "doc_id": doc.doc_id,
            "type": m.type,
            "text": m.text,
            "normal": m.normal,
            "start": m.start,
            "end": m.stop,
            "table_id": m.table_id,
            "row": "" if m.row is None else m.row,
            "col": "" if m.col is None else m.col,
            "entity_id": m.entity_id,
            "role": m.role,
            "gender": m.attrs.get("gender", ""),
            "kind": m.attrs.get("kind", ""),
            "city": m.attrs.get("city", ""),
        }
