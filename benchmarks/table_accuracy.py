"""Cell accuracy of PDF table extraction: ours, camelot (lattice) and plain pdfplumber extract_tables().

For every corpus PDF with hand-checked tables (tests/data/expected/tables-*.json) each tool's rows are
aligned in order with the expected rows, and a cell counts as right when its text, whitespace
collapsed, equals the expected text exactly. Repeated header rows, rows broken across pages and
unrepaired hyphenation all cost accuracy, as they would cost an auditor.

    python benchmarks/table_accuracy.py        (camelot comes with: pip install -e '.[bench]')
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.read import read_file  # noqa: E402


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def expected_rows(name: str) -> list[list[str]]:
    data = json.loads((ROOT / "tests" / "data" / "expected" / f"tables-{name}.json").read_text(encoding="utf-8"))
    return [[_norm(c) for c in row] for table in data["tables"] for row in table["rows"]]


def score(expected: list[list[str]], got: list[list[str]], window: int = 6) -> tuple[int, int]:
    """Right cells and expected cells, rows aligned in order (a row may be matched once)."""
    right, pos = 0, 0
    for row in expected:
        best, best_at = 0, None
        for j in range(pos, min(pos + window, len(got))):
            same = sum(1 for a, b in zip(row, got[j]) if a == b)
            if same > best:
                best, best_at = same, j
        if best_at is not None:
            right += best
            pos = best_at + 1
    return right, sum(len(r) for r in expected)


def ours(pdf: Path) -> list[list[str]]:
    doc = read_file(pdf, pdf.name)
    return [[_norm(c.text) for c in row] for t in doc.tables for row in t.rows]


def plain_pdfplumber(pdf: Path) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(pdf) as p:
        return [[_norm(c) for c in row] for page in p.pages for t in page.extract_tables() for row in t]


def camelot_lattice(pdf: Path) -> list[list[str]] | None:
    try:
        import camelot
    except ImportError:
        return None
    tables = camelot.read_pdf(str(pdf), pages="all", flavor="lattice")
    return [[_norm(c) for c in row] for t in tables for row in t.df.values.tolist()]


def main() -> int:
    pdfs = sorted(p for p in (ROOT / "corpus").glob("*.pdf") if (ROOT / "tests/data/expected" / f"tables-{p.stem}.json").exists())
    tools = {"edu-reports": ours, "camelot lattice": camelot_lattice, "pdfplumber extract_tables": plain_pdfplumber}
    print(f"{'document':28} {'tool':28} {'cells right':>14} {'accuracy':>9} {'seconds':>8}")
    for pdf in pdfs:
        expected = expected_rows(pdf.stem)
        for label, tool in tools.items():
            t0 = time.perf_counter()
            got = tool(pdf)
            elapsed = time.perf_counter() - t0
            if got is None:
                print(f"{pdf.name:28} {label:28} {'not installed':>14}")
                continue
            right, total = score(expected, got)
            print(f"{pdf.name:28} {label:28} {right:>6}/{total:<7} {right / total:>9.1%} {elapsed:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
