"""Scanned pages through Tesseract (rus+eng): printed lines with their positions and word confidences.

A page is OCRed only when it has no text layer of its own (a born-digital page never is), so a PDF
with some scanned pages is read page by page. The page is rendered by pypdfium2 (which pdfplumber
already brings) and the lines come back in PDF points, so the PDF reader groups them into paragraphs
exactly as it does born-digital lines.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from extract.errors import ReadError


@dataclass
class OcrLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def _tesseract():
    if shutil.which("tesseract") is None:
        raise ReadError("scanned PDF: Tesseract is not installed, so it cannot be read; `make setup` installs it "
                        "(Debian packages tesseract-ocr, tesseract-ocr-rus)")
    import pytesseract

    return pytesseract


def _cache_file(digest: str, index: int, dpi: int) -> Path:
    from extract.convert import cache_dir

    return cache_dir().parent / "ocr" / f"{digest}-p{index + 1}-{dpi}dpi.json"


def ocr_page(pdf, index: int, dpi: int, digest: str, timeout: int = 120) -> tuple[list[OcrLine], list[float]]:
    """The lines of one page (in PDF points) and the confidence of every word on it; cached by the
    PDF's content hash, so an unchanged scan is read by Tesseract once."""
    cached = _cache_file(digest, index, dpi)
    if cached.is_file():
        data = json.loads(cached.read_text(encoding="utf-8"))
        return [OcrLine(**ln) for ln in data["lines"]], data["confidences"]
    lines, confidences = _run_tesseract(pdf, index, dpi, timeout)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"lines": [asdict(ln) for ln in lines], "confidences": confidences}), encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache only costs speed
    return lines, confidences


def _run_tesseract(pdf, index: int, dpi: int, timeout: int) -> tuple[list[OcrLine], list[float]]:
    pytesseract = _tesseract()
    scale = dpi / 72
    image = pdf[index].render(scale=scale).to_pil().convert("L")
    try:
        data = pytesseract.image_to_data(image, lang="rus+eng", output_type=pytesseract.Output.DICT, timeout=timeout)
    except RuntimeError as exc:  # pytesseract's timeout
        raise ReadError(f"OCR of page {index + 1} did not finish in {timeout} s ({exc})") from None
    except pytesseract.TesseractError as exc:
        raise ReadError(f"Tesseract failed on page {index + 1}: {exc}") from None
    lines: dict[tuple[int, int, int], list[int]] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        if not word.strip():
            continue
        conf = float(data["conf"][i])
        if conf >= 0:
            confidences.append(conf)
        lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    out = []
    for idx in lines.values():
        left = min(data["left"][i] for i in idx)
        right = max(data["left"][i] + data["width"][i] for i in idx)
        top = min(data["top"][i] for i in idx)
        bottom = max(data["top"][i] + data["height"][i] for i in idx)
        text = " ".join(data["text"][i] for i in idx)
        out.append(OcrLine(text, left / scale, right / scale, top / scale, bottom / scale))
    out.sort(key=lambda ln: (round(ln.top / 4), ln.x0))
    return out, confidences
