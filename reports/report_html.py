"""OUT/report.html: the auditor's report — self-contained (no network, no script), one file.

A summary of findings per document, then per document every mismatch and unverifiable figure with
the declared and computed numbers, the evidence quoted, and the table drawn with the declared cell
(and, for a column total, the cells it should add up) highlighted. Checks that agree are listed
folded. Everything taken from the documents is HTML-escaped.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from html import escape
from pathlib import Path

MAX_ROWS = 60  # rows of a table drawn in the report; the CSV has them all
ORDER = {"mismatch": 0, "unverifiable": 1, "ok": 2}
CSS = """
body{font:14px/1.45 -apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:2rem auto;max-width:1100px;color:#1d2430;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.2rem .45rem;vertical-align:top;text-align:left}
th{background:#f6f8fa}.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-weight:600;font-size:.85rem}
.mismatch{background:#ffebe9;color:#a40e26}.unverifiable{background:#fff8c5;color:#7d4e00}.ok{background:#dafbe1;color:#116329}
.finding{border:1px solid #d0d7de;border-radius:.4rem;padding:.6rem .9rem;margin:.8rem 0}
.finding.is-mismatch{border-left:.35rem solid #cf222e}.finding.is-unverifiable{border-left:.35rem solid #bf8700}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:.25rem solid #d0d7de;color:#3b4350;background:#f6f8fa}
td.declared{background:#ffcecb;font-weight:700;outline:2px solid #cf222e}td.covered{background:#fff1c2}
tr.total td{font-weight:600}.figures{font-size:1.05rem}.muted{color:#59636e}
"""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _table_cells(out: Path, wanted: set[str]) -> dict[str, dict]:
    """Grids of the tables findings point at, read from cells.csv without loading the rest."""
    grids: dict[str, dict] = defaultdict(lambda: {"cells": {}, "roles": {}})
    with (out / "cells.csv").open(encoding="utf-8", newline="") as fh:
        for c in csv.DictReader(fh):
            if c["table_id"] in wanted:
                g = grids[c["table_id"]]
                g["cells"][(int(c["row"]), int(c["col"]))] = c["text"]
                g["roles"][int(c["row"])] = c["role"]
    return grids


def _draw(grid: dict, declared: tuple[int, int] | None, covered_col: int | None, covered_rows: set[int]) -> str:
    if not grid["cells"]:
        return ""
    n_rows = max(r for r, _ in grid["cells"]) + 1
    n_cols = max(c for _, c in grid["cells"]) + 1
    keep = set(range(min(n_rows, MAX_ROWS)))
    if declared:
        keep |= {declared[0]}
    html = ["<table>"]
    for r in sorted(keep):
        role = grid["roles"].get(r, "body")
        cells = []
        for c in range(n_cols):
            text = grid["cells"].get((r, c), "")
            cls = []
            if declared == (r, c):
                cls.append("declared")
            elif covered_col == c and r in covered_rows:
                cls.append("covered")
            if text.replace(" ", "").replace(",", "").replace(".", "").isdigit():
                cls.append("num")
            tag = "th" if role == "header" else "td"
            cells.append(f'<{tag} class="{" ".join(cls)}">{escape(text)}</{tag}>')
        html.append(f'<tr class="{role}">{"".join(cells)}</tr>')
    if n_rows > len(keep):
        html.append(f'<tr><td colspan="{n_cols}" class="muted">… {n_rows - len(keep)} more rows in the table\'s CSV</td></tr>')
    html.append("</table>")
    return "\n".join(html)


def _finding(f: dict[str, str], grids: dict[str, dict]) -> str:
    status = f["status"]
    figures = f"declared <b>{escape(f['declared'] or '—')}</b>, computed <b>{escape(f['computed'] or '—')}</b>"
    if f["difference"] not in ("", "0"):
        figures += f", difference <b>{escape(f['difference'])}</b>"
    parts = [
        f'<div class="finding is-{status}" data-status="{status}" data-check="{escape(f["check"])}">',
        f'<span class="badge {status}">{status}</span> <b>{escape(f["check"])}</b> — {escape(f["where"])}',
        f'<div class="figures">{figures}</div>',
    ]
    if f.get("reason"):
        parts.append(f'<div class="muted">why: {escape(f["reason"])}</div>')
    offsets = f' <span class="muted">[chars {escape(f["start"])}–{escape(f["end"])}]</span>' if f["start"] else ""
    parts.append(f"<blockquote>{escape(f['evidence'])}{offsets}</blockquote>")
    tables = [t for t in f["table_id"].split(";") if t]
    if tables and f.get("row"):
        declared = (int(f["row"]), int(f["col"]))
        grid = grids.get(tables[0], {"cells": {}, "roles": {}})
        covered = {r for r, role in grid["roles"].items() if role == "body"} if f["check"] == "column_total" else set()
        parts.append(_draw(grid, declared, declared[1] if covered else None, covered))
        for other in tables[1:]:  # cross_table: the breakdown whose sum was compared
            parts.append(f'<div class="muted">breakdown table {escape(other)}:</div>')
            parts.append(_draw(grids.get(other, {"cells": {}, "roles": {}}), None, None, set()))
    parts.append("</div>")
    return "\n".join(parts)


def write_report(out: Path) -> Path:
    docs = _rows(out / "documents.csv")
    findings = _rows(out / "audit.csv")
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for f in findings:
        by_doc[f["doc_id"]].append(f)
    wanted = {t for f in findings if f["status"] != "ok" and f.get("row") for t in f["table_id"].split(";") if t}
    grids = _table_cells(out, wanted)
    totals = Counter(f["status"] for f in findings)
    html = [
        "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\">",
        "<title>Аудит отчётов — edu-reports</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Audit of the reports</h1>",
        f'<p class="summary">{len(docs)} documents, {len(findings)} checks: '
        f'<span class="badge mismatch">{totals["mismatch"]} mismatch</span> '
        f'<span class="badge unverifiable">{totals["unverifiable"]} unverifiable</span> '
        f'<span class="badge ok">{totals["ok"]} ok</span></p>',
        "<table><tr><th>document</th><th>status</th><th>mismatch</th><th>unverifiable</th><th>ok</th></tr>",
    ]
    seen = set()
    for d in sorted(docs, key=lambda d: d["path"]):
        c = Counter(f["status"] for f in by_doc.get(d["doc_id"], []))
        anchor = f'<a href="#doc-{escape(d["doc_id"])}">{escape(d["path"])}</a>' if d["doc_id"] in by_doc else escape(d["path"])
        html.append(f"<tr><td>{anchor}</td><td>{escape(d['status'])}</td><td class=num>{c['mismatch']}</td>"
                    f"<td class=num>{c['unverifiable']}</td><td class=num>{c['ok']}</td></tr>")
    html.append("</table>")
    for d in sorted(docs, key=lambda d: d["path"]):
        doc_findings = sorted(by_doc.get(d["doc_id"], []), key=lambda f: (ORDER[f["status"]], int(f["check_id"].rsplit("-a", 1)[1])))
        if not doc_findings or d["doc_id"] in seen:
            continue
        seen.add(d["doc_id"])
        html.append(f'<h2 id="doc-{escape(d["doc_id"])}">{escape(d["path"])}</h2>')
        if d.get("title"):
            html.append(f'<p class="muted">{escape(d["title"])}</p>')
        open_findings = [f for f in doc_findings if f["status"] != "ok"]
        html.extend(_finding(f, grids) for f in open_findings)
        agreed = [f for f in doc_findings if f["status"] == "ok"]
        if agreed:
            html.append(f"<details><summary>{len(agreed)} checks agree</summary><table>"
                        "<tr><th>check</th><th>where</th><th>declared</th><th>computed</th></tr>")
            html.extend(f"<tr><td>{escape(f['check'])}</td><td>{escape(f['where'])}</td><td class=num>{escape(f['declared'])}</td>"
                        f"<td class=num>{escape(f['computed'])}</td></tr>" for f in agreed[:500])
            html.append("</table></details>")
    html.append("</body></html>")
    target = out / "report.html"
    target.write_text("\n".join(html), encoding="utf-8")
    return target
