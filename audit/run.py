"""Audit one document: every check that its tables and prose make possible."""

from __future__ import annotations

from audit.claims import check_statements
from audit.cross_table import cross_tables
from audit.findings import Finding
from audit.totals import column_totals, row_totals
from extract.model import Document


def audit_document(doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    for table in doc.tables:
        findings.extend(column_totals(doc, table))
        findings.extend(row_totals(doc, table))
    findings.extend(cross_tables(doc))
    findings.extend(check_statements(doc))
    return findings
