"""Legacy Word, RTF and ODT through real LibreOffice; scans through real Tesseract."""

import io
import re

import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from extract.entities import tag_entities
from extract.errors import ReadError
from extract.read import read_bytes
from tests.conftest import CORPUS


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def similarity(a: str, b: str) -> float:
    """1 − normalised edit distance over whitespace-collapsed text: character accuracy against b."""
    a, b = _norm(a), _norm(b)
    return 1 - Levenshtein.distance(a, b) / max(len(b), 1)


@pytest.mark.parametrize(
    "legacy,reference",
    [
        ("nk-dni-nauki-2023.doc", "nk-dni-nauki-2023.docx"),
        ("ust-ilimsk-forum-2022.doc", "ust-ilimsk-forum-2022.docx"),
        ("ust-ilimsk-forum-2022.rtf", "ust-ilimsk-forum-2022.docx"),
        ("spb-resursy-plus-2023.odt", "spb-resursy-plus-2023.txt"),
    ],
)
def test_legacy_file_text_matches_its_counterpart(read_corpus, legacy, reference):
    doc = read_corpus(legacy)
    assert doc.status == "ok" and doc.warnings[0].startswith("converted:")
    assert similarity(doc.text, read_corpus(reference).text) >= 0.99


@pytest.mark.parametrize("legacy", ["nk-dni-nauki-2023.doc", "ust-ilimsk-forum-2022.rtf"])
def test_legacy_file_gives_the_same_tables_as_the_docx(read_corpus, legacy):
    ours = read_corpus(legacy).tables
    ref = read_corpus(legacy.rsplit(".", 1)[0] + ".docx").tables
    assert [[[c.text for c in r] for r in t.rows] for t in ours] == [[[c.text for c in r] for r in t.rows] for t in ref]
    assert [[c.spanned for c in r] for t in ours for r in t.rows] == [[c.spanned for c in r] for t in ref for r in t.rows]


def test_a_damaged_doc_is_a_clear_error_not_a_crash():
    data = (CORPUS / "nk-dni-nauki-2023.doc").read_bytes()[:3000]
    with pytest.raises(ReadError, match="LibreOffice cannot open|no text found"):
        read_bytes(data, "doc", "broken.doc")


def test_a_docx_named_doc_is_read_by_its_content_and_a_text_named_doc_is_refused():
    with pytest.raises(ReadError, match=r"not a Word 97–2003 \(\.doc\) file"):
        read_bytes("Отчёт о семинаре".encode("utf-8"), "doc", "x.doc")


def test_scan_is_read_by_ocr_with_its_confidence(read_corpus):
    doc = read_corpus("chelyabinsk-letter-2022-13170-scan.pdf")
    assert "ocr" in doc.warnings and "ocr-pages:3/3" in doc.warnings
    confidence = int(next(w for w in doc.warnings if w.startswith("ocr-confidence:")).split(":")[1])
    assert confidence >= 80
    assert similarity(doc.text, read_corpus("chelyabinsk-letter-2022-13170.txt").text) >= 0.9


def test_scan_gives_the_same_people_and_dates_within_ocr_tolerance(read_corpus):
    def entities(name):
        doc = read_corpus(name)
        tag_entities(doc)
        return {(m.type, m.normal) for m in doc.mentions if m.type in ("PERSON", "DATE")}

    ref = entities("chelyabinsk-letter-2022-13170.txt")
    scan = entities("chelyabinsk-letter-2022-13170-scan.pdf")
    assert len(ref & scan) >= 0.8 * len(ref)
    assert len(scan - ref) <= 0.2 * len(scan)


def _pdf_of_images(images) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=200)
    return buf.getvalue()


def test_a_pdf_with_some_scanned_pages_is_read_page_by_page():
    import pypdfium2

    born_digital = pypdfium2.PdfDocument((CORPUS / "nk-dni-nauki-2025.pdf").read_bytes())
    scan = pypdfium2.PdfDocument((CORPUS / "chelyabinsk-letter-2022-13170-scan.pdf").read_bytes())
    mixed = pypdfium2.PdfDocument.new()
    mixed.import_pages(born_digital, [0])
    mixed.import_pages(scan, [2])
    buf = io.BytesIO()
    mixed.save(buf)
    doc = read_bytes(buf.getvalue(), "pdf", "mixed.pdf")
    assert "ocr-pages:1/2" in doc.warnings  # the born-digital page is never OCRed
    assert "Таблица 1 – Количество участников" in doc.text and "Коузова" in doc.text


def test_a_scan_too_poor_to_read_says_so_with_the_confidence():
    import random

    rng = random.Random(7)
    noise = Image.frombytes("L", (800, 1100), bytes(rng.randrange(256) for _ in range(800 * 1100)))
    with pytest.raises(ReadError, match=r"scan too poor to read: mean OCR confidence \d+%|no readable scanned pages"):
        read_bytes(_pdf_of_images([noise]), "pdf", "noise.pdf")
