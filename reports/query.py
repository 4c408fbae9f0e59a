"""`reports query OUT "SQL"`: DuckDB over the output CSVs, each a table named after its file.

Columns get the types the data package documents (dates as DATE, counts as BIGINT, flags as BOOLEAN),
so a query compares and sums without casting. Results print as a table or go to a CSV; the whole
folder can also be copied to Parquet or to one Excel workbook (a sheet per file, formulas defused).
"""

from __future__ import annotations

import csv
from pathlib import Path

from reports.contract import COLUMNS
from reports.csvsafe import neutralise
from reports.schema import FIELDS, OVERRIDES

DUCK_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}
EXCEL_MAX_ROWS = 1_048_575  # a sheet holds 1 048 576 rows, header included


def _type(file: str, column: str) -> str:
    return DUCK_TYPES[(OVERRIDES.get((file, column)) or FIELDS[column])[0]]


def connect(out: Path):
    """An in-memory DuckDB with one view per CSV of OUT: documents, tables, cells, mentions, …"""
    import duckdb

    con = duckdb.connect()
    for file, columns in COLUMNS.items():
        path = out / file
        if not path.is_file():
            continue
        types = ", ".join(f"'{c}': '{_type(file, c)}'" for c in columns)
        escaped = str(path).replace("'", "''")
        con.execute(
            f"CREATE VIEW {file.removesuffix('.csv')} AS SELECT * FROM read_csv('{escaped}', header=true, "
            f"columns={{{types}}}, nullstr='', quote='\"', escape='\"')"
        )
    return con


def run_query(out: Path, sql: str):
    """(column names, rows) of a query."""
    con = connect(out)
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description] if cursor.description else []
    return names, cursor.fetchall()


def format_table(names: list[str], rows: list[tuple], limit: int = 100) -> str:
    shown = [["" if v is None else str(v) for v in row] for row in rows[:limit]]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in shown])) for i, n in enumerate(names)]
    def line(cells):
        return " | ".join(c[:w].ljust(w) for c, w in zip(cells, widths))
    out = [line(names), "-+-".join("-" * w for w in widths)] + [line(r) for r in shown]
    more = f"\n({len(rows)} rows, {limit} shown)" if len(rows) > limit else f"\n({len(rows)} rows)"
    return "\n".join(out) + more


def write_result_csv(path: Path, names: list[str], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([neutralise("" if v is None else v) for v in row])


def export_parquet(out: Path) -> Path:
    folder = out / "parquet"
    folder.mkdir(exist_ok=True)
    con = connect(out)
    for file in COLUMNS:
        name = file.removesuffix(".csv")
        if (out / file).is_file():
            target = str(folder / f"{name}.parquet").replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {name}) TO '{target}' (FORMAT parquet)")
    return folder


def export_excel(out: Path, target: Path) -> Path:
    """One sheet per CSV; every text cell goes through the same formula defusing as the CSVs."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for file in COLUMNS:
        path = out / file
        if not path.is_file():
            continue
        sheet = book.create_sheet(file.removesuffix(".csv"))
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.reader(fh)):
                if i > EXCEL_MAX_ROWS:
                    sheet.append([f"… {file} has more rows than a sheet holds; use the CSV"])
                    break
                sheet.append([neutralise(v) for v in row])
    book.save(target)
    return target
