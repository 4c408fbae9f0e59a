"""cross_table: a breakdown table under an event's heading against that event's row in the summary.

A report gives a summary table of events with their participants (Таблица 1), then, under each
event's heading, a breakdown of the same participants by district. The breakdown is linked to the
summary row whose title the heading names (`audit.links`), and its total is compared with the
row's count.
"""

from __future__ import annotations

import re

from audit.columns import count_columns
from audit.findings import Finding, compare
from audit.links import event_rows, is_event_table, section_row, table_label
from extract.model import Document, Table


def main_count_column(table: Table) -> int | None:
    """The column that counts people: «Всего», «Кол-во …», or else the last count column."""
    counts = count_columns(table)
    for c in counts:
        if re.match(r"^\s*(всего|итого|кол)", table.header[c], re.IGNORECASE):
            return c
    return counts[-1] if counts else None


def cross_tables(doc: Document) -> list[Finding]:
    findings = []
    for b, block in enumerate(doc.blocks):
        if block.table is None:
            continue
        table = doc.tables[block.table]
        if table.caption or is_event_table(table):
            continue  # a captioned or event table is a summary, not a breakdown
        col = main_count_column(table)
        link = section_row(doc, b, exclude=table) if col is not None else None
        if link is None:
            continue
        summary, r = link
        s_col = main_count_column(summary)
        if s_col is None or summary.rows[r][s_col].value is None:
            continue
        declared = summary.rows[r][s_col].value
        computed = sum(row[col].value or 0.0 for row, role in zip(table.rows, table.roles) if role == "body")
        row = summary.rows[r]
        evidence = doc.text[row[0].start : row[-1].stop].replace("\t", " | ")
        title = dict(event_rows(summary)).get(r, "")
        title = title if len(title) <= 60 else title[:57] + "…"
        where = (
            f"{table_label(summary)}, строка «{title}», столбец «{summary.header[s_col]}» = сумма столбца "
            f"«{table.header[col]}» таблицы {table.n} (разбивка под заголовком мероприятия)"
        )
        findings.append(
            Finding("cross_table", f"{summary.table_id};{table.table_id}", where, declared, computed,
                    compare(declared, computed), evidence, row[0].start, row[-1].stop, row=r, col=s_col)
        )
    return findings
