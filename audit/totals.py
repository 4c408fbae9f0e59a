"""column_total and row_total: do the ИТОГО/ВСЕГО rows and «Всего» columns add up?"""

from __future__ import annotations

from audit.columns import count_columns, odd_cells, total_column
from audit.findings import Finding, compare
from extract.model import Document, Table


def _row_evidence(doc: Document, table: Table, r: int) -> tuple[str, int, int]:
    row = table.rows[r]
    start, end = row[0].start, row[-1].stop
    return doc.text[start:end].replace("\t", " | "), start, end


def _label(table: Table) -> str:
    return table.caption.split("–")[0].strip() if table.caption else f"Таблица {table.n} (без подписи)"


def _row_name(table: Table, r: int) -> str:
    texts = [c.text for c in table.rows[r] if c.text and c.value is None]
    return texts[0] if texts else f"строка {r}"


def _col_name(table: Table, c: int) -> str:
    header = table.header
    return header[c] if c < len(header) and header[c] else f"столбец {c + 1}"


def _covered_rows(table: Table, total_rows: list[int], t: int) -> list[int]:
    """A subtotal covers the body rows since the previous total; the last total covers every body row."""
    if t == total_rows[-1]:
        return [r for r, role in enumerate(table.roles) if role == "body"]
    prev = max([x for x in total_rows if x < t], default=-1)
    return [r for r in range(prev + 1, t) if table.roles[r] == "body"]


def column_totals(doc: Document, table: Table) -> list[Finding]:
    findings: list[Finding] = []
    counts = count_columns(table)
    total_rows = [r for r, role in enumerate(table.roles) if role == "total"]
    for t in total_rows:
        covered = _covered_rows(table, total_rows, t)
        evidence, start, end = _row_evidence(doc, table, t)
        for c in counts:
            declared = table.rows[t][c].value
            if declared is None:
                continue
            where = f"{_label(table)}, строка {_row_name(table, t)}, столбец {_col_name(table, c)}"
            odd = odd_cells(table, c, covered)
            if odd:
                findings.append(
                    Finding("column_total", table.table_id, where, declared, None, "unverifiable", evidence, start, end,
                            reason=f"cells that are not numbers: {', '.join(odd[:3])}", row=t, col=c)
                )
                continue
            values = [table.rows[r][c].value or 0.0 for r in covered if not table.rows[r][c].spanned]
            computed = sum(values)
            findings.append(
                Finding("column_total", table.table_id, where, declared, computed, compare(declared, computed),
                        evidence, start, end, row=t, col=c)
            )
    return findings


def row_totals(doc: Document, table: Table) -> list[Finding]:
    findings: list[Finding] = []
    counts = count_columns(table)
    total_col = total_column(table, counts)
    if total_col is None:
        return findings
    parts = [c for c in counts if c != total_col]
    for r, role in enumerate(table.roles):
        if role == "header":
            continue
        row = table.rows[r]
        declared = row[total_col].value
        if declared is None:
            continue
        if any(row[c].value is None and row[c].text.strip() not in ("", "-", "–", "—") for c in parts):
            continue
        computed = sum(row[c].value or 0.0 for c in parts)
        evidence, start, end = _row_evidence(doc, table, r)
        where = f"{_label(table)}, строка {_row_name(table, r)}, столбец {_col_name(table, total_col)} = " + " + ".join(
            _col_name(table, c) for c in parts
        )
        findings.append(
            Finding("row_total", table.table_id, where, declared, computed, compare(declared, computed), evidence, start, end,
                    row=r, col=total_col)
        )
    return findings
