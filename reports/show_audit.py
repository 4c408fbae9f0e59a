"""`reports audit OUT`: the findings of an existing run as a readable table, mismatches first."""

from __future__ import annotations

import csv
import shutil
import textwrap
from pathlib import Path

ORDER = {"mismatch": 0, "unverifiable": 1, "ok": 2}


def load_findings(out: Path) -> list[dict[str, str]]:
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        paths = {row["doc_id"]: row["path"] for row in csv.DictReader(fh)}
    with (out / "audit.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["path"] = paths.get(row["doc_id"], row["doc_id"])
    rows.sort(key=lambda r: (ORDER.get(r["status"], 3), r["path"], r["check_id"]))
    return rows


def render(rows: list[dict[str, str]], width: int | None = None, shown: str = "") -> str:
    """One block per finding, so long Russian evidence wraps instead of breaking a grid."""
    width = width or shutil.get_terminal_size((100, 20)).columns
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in ORDER}
    head = f"{len(rows)} findings: {counts['mismatch']} mismatch, {counts['unverifiable']} unverifiable, {counts['ok']} ok"
    lines = [head + (f" (showing {shown} only)" if shown else ""), ""]
    for r in rows:
        figures = f"declared {r['declared'] or '—'}, computed {r['computed'] or '—'}"
        if r["difference"] not in ("", "0"):
            figures += f", difference {r['difference']}"
        lines.append(f"{r['status'].upper():<12} {r['check']:<12} {r['path']}")
        lines.append(f"{'':13}{r['where']}")
        lines.append(f"{'':13}{figures}")
        if r.get("reason"):
            lines.append(f"{'':13}why: {r['reason']}")
        evidence = r["evidence"].replace("\n", " ")
        if r["start"]:
            evidence += f"  [chars {r['start']}–{r['end']}]"
        lines.extend(textwrap.wrap(f"«{evidence}»", width=max(40, width - 13), initial_indent=" " * 13,
                                   subsequent_indent=" " * 13, max_lines=3, placeholder=" …"))
        lines.append("")
    return "\n".join(lines)
