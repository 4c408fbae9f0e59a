"""Throughput benchmark: documents/s, pages/s, stage shares, 1→2 worker speedup, cached re-run, RSS,
and our cost per document against the floor of raw parsing plus raw natasha NER over the same text.

It builds an archive of N documents (default 500) by copying the corpus's TXT, DOCX and text PDFs with
a small change to each copy (so no two share a content hash), then runs the pipeline on it several
times in this one process. Legacy files and the scan are left out: LibreOffice and Tesseract would
dominate every figure.

    python benchmarks/throughput.py [--docs N]
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reports.batch import run  # noqa: E402

SOURCES = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in {".txt", ".docx"}) + [
    ROOT / "corpus" / "nk-dni-nauki-2023.pdf", ROOT / "corpus" / "nk-dni-nauki-2025.pdf"]


def _variant(src: Path, i: int) -> bytes:
    data = src.read_bytes()
    if src.suffix == ".txt":
        return data + f"\n\nКопия № {i} для замера.\n".encode("utf-8")
    if src.suffix == ".pdf":
        return data + f"\n% copy {i}\n".encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr(f"customXml/bench{i}.xml", f"<bench n='{i}'/>")
    return buf.getvalue()


def build_archive(folder: Path, n: int) -> None:
    for i in range(n):
        src = SOURCES[i % len(SOURCES)]
        (folder / f"{i:05d}-{src.name}").write_bytes(_variant(src, i))


def floor_seconds(files: list[Path]) -> float:
    """Raw parsing (pdfplumber / python-docx / decode) plus raw natasha NER over the text, per document."""
    import docx
    import pdfplumber
    from natasha import Doc

    from extract.ner import models

    m = models()
    total = 0.0
    for path in files:
        t = time.perf_counter()
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                parts = []
                for page in pdf.pages:
                    parts.append(page.extract_text() or "")
                    page.find_tables()
                text = "\n".join(parts)
        elif path.suffix == ".docx":
            d = docx.Document(str(path))
            text = "\n".join(p.text for p in d.paragraphs)
            text += "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
        else:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1251")
        doc = Doc(text)
        doc.segment(m.segmenter)
        doc.tag_ner(m.ner)
        total += time.perf_counter() - t
    return total / len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="edu-bench-"))
    archive = work / "archive"
    archive.mkdir()
    build_archive(archive, args.docs)
    print(f"archive: {args.docs} documents ({', '.join(sorted({p.suffix for p in SOURCES}))}) in {archive}")

    def timed(label, **kw):
        t = time.perf_counter()
        summary = run([archive], work / label, progress=False, **kw)
        return time.perf_counter() - t, summary

    t1, s1 = timed("w1", workers=1, use_cache=False)
    t2, s2 = timed("w2", workers=2, use_cache=False)
    shutil.copytree(work / "w2", work / "cached", dirs_exist_ok=True)
    tc_cold, _ = timed("cache", workers=2)  # fills OUT/.cache
    tc, sc = timed("cache", workers=2)  # every document from the cache
    pages = sum(int(r.split(",")[4] or 0) for r in (work / "w1" / "documents.csv").read_text(encoding="utf-8").splitlines()[1:])
    sample = sorted(archive.iterdir())[: len(SOURCES) * 2]
    floor = floor_seconds(sample)
    ours_per_doc = t1 / args.docs
    stage_total = sum(s1.seconds.values())
    print(f"1 worker : {t1:7.1f} s  {args.docs / t1:6.2f} docs/s  {pages / t1:6.1f} pages/s  peak RSS/worker {s1.stats.peak_rss_kb / 1024:6.0f} MB")
    print(f"2 workers: {t2:7.1f} s  {args.docs / t2:6.2f} docs/s  {pages / t2:6.1f} pages/s  peak RSS/worker {s2.stats.peak_rss_kb / 1024:6.0f} MB")
    print(f"speedup 1→2 workers: {t1 / t2:.2f}x   (target ≥ 1.7x)")
    print(f"cached re-run: {tc:.1f} s, {tc_cold / tc:.1f}x faster than its cold run ({tc_cold:.1f} s), {sc.cached} from the cache   (target ≥ 20x)")
    print(f"cost per document: ours {ours_per_doc * 1000:.0f} ms, floor (raw parse + raw natasha NER) {floor * 1000:.0f} ms, "
          f"ratio {ours_per_doc / floor:.2f}   (target ≤ 1.5)")
    print("time share by stage (1 worker, summed over documents):")
    for stage, seconds in sorted(s1.seconds.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:16} {seconds:7.1f} s  {seconds / stage_total:6.1%}")
    print(f"  corpus-level stages and writing: {t1 - stage_total:.1f} s of the {t1:.1f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
