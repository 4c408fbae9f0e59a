"""PDFs with a text layer, through pdfplumber: ruled tables, paragraphs in reading order, pages kept.

Printed reports are justified and hyphenated, so printed lines are regrouped into paragraphs from
their geometry (indent, short last line, vertical gap) and line-end hyphens are repaired by the
dictionary (`extract.hyphenation`). Running headers, footers and page numbers are dropped, so that a
table printed over two pages is seen with nothing between its parts and can be stitched.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extract.blocks import guess_heading, is_caption, list_marker
from extract.errors import ReadError
from extract.hyphenation import join_lines
from extract.limits import Limits
from extract.model import RawCell, RawParagraph, RawTable
from extract.ocr import ocr_page

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on damaged files are noise to users
_PAGE_ERRORS = (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError, IndexError,
                AttributeError, ZeroDivisionError, OverflowError, AssertionError)
_MIN_CHARS = 10  # a page with fewer characters in its text layer is taken for a scan


_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:стр(?:аница)?\.?\s*)?\d{1,4}(?:\s*(?:из|/)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_MARGIN_TOP, _MARGIN_BOTTOM = 0.07, 0.92


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    bold: bool


def _table(page, table, page_no: int) -> RawTable:
    """One ruled table; a grid position covered by a merged cell gets that cell's text, spanned."""
    cols = table.columns
    texts = table.extract()  # chars are assigned to cells by their centre, lines joined with \n
    by_box: dict[tuple, str] = {}
    for row, row_texts in zip(table.rows, texts):
        for bbox, text in zip(row.cells, row_texts):
            if bbox is not None:
                by_box[bbox] = join_lines((text or "").split("\n"))
    # a column's bbox may be widened by a cell spanning several columns: use the left edges instead
    lefts = [c.bbox[0] for c in cols] + [table.bbox[2]]
    grid: list[list[RawCell]] = []
    for row in table.rows:
        out: list[RawCell] = []
        for j, bbox in enumerate(row.cells):
            if bbox is not None:
                out.append(
                    RawCell(
                        by_box[bbox],
                        rowspan=max(1, sum(1 for r in table.rows if bbox[1] - 1 <= r.bbox[1] < bbox[3] - 1)),
                        colspan=max(1, sum(1 for x in lefts[:-1] if bbox[0] <= x < bbox[2] - 1)),
                    )
                )
                continue
            cx = (lefts[j] + lefts[j + 1]) / 2 if j + 1 < len(lefts) else 0
            cy = (row.bbox[1] + row.bbox[3]) / 2
            origin = next((b for b in by_box if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]), None)
            out.append(RawCell(by_box[origin] if origin else "", spanned=origin is not None))
        grid.append(out)
    edges = tuple(round(c.bbox[0], 1) for c in cols) + ((round(cols[-1].bbox[2], 1),) if cols else ())
    return RawTable(grid, page_no, page_no, 0, edges, top=table.bbox[1], bottom=table.bbox[3])


def _page_lines(page, page_no: int, table_boxes: list) -> list[_Line]:
    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in table_boxes)

    lines = []
    for ln in page.filter(outside).extract_text_lines(strip=True, return_chars=True):
        chars = [c for c in ln["chars"] if c["text"].strip()]
        bold = bool(chars) and all("bold" in (c.get("fontname") or "").lower() for c in chars)
        lines.append(_Line(ln["text"], ln["x0"], ln["x1"], ln["top"], ln["bottom"], page_no, bold))
    return lines


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> None:
    """Remove page numbers and lines repeated in the top or bottom margin of several pages."""
    def in_margin(line: _Line, h: float) -> bool:
        return line.top < h * _MARGIN_TOP or line.bottom > h * _MARGIN_BOTTOM

    repeated = Counter(
        re.sub(r"\d+", "#", ln.text) for lines, h in zip(pages, heights) for ln in lines if in_margin(ln, h)
    )
    min_repeats = max(3, len(pages) // 2)
    for i, (lines, h) in enumerate(zip(pages, heights)):
        pages[i] = [
            ln
            for ln in lines
            if not (in_margin(ln, h) and (_PAGE_NUMBER.match(ln.text) or repeated[re.sub(r"\d+", "#", ln.text)] >= min_repeats))
        ]


def _paragraphs(lines: list[_Line], left: float, right: float) -> list[RawParagraph]:
    paras: list[RawParagraph] = []
    cur: list[_Line] = []

    def flush() -> None:
        if not cur:
            return
        text = join_lines([ln.text for ln in cur])
        if list_marker(text) is not None:
            kind = "list_item"
        elif (all(ln.bold for ln in cur) or _centred(cur[0], left, right)) and guess_heading(text):
            kind = "heading"
        else:
            kind = "paragraph"
        paras.append(RawParagraph(text, kind, cur[0].page))
        cur.clear()

    for ln in lines:
        if cur:
            prev = cur[-1]
            height = max(prev.bottom - prev.top, 1.0)
            # justified text: a line that reaches the right margin is continued by the next one
            centred_run = _centred(prev, left, right) and _centred(ln, left, right)
            new = (
                (ln.page == prev.page and ln.top - prev.bottom > 0.9 * height)
                or list_marker(ln.text) is not None
                or is_caption(ln.text)
                or (ln.x0 > left + 12 and prev.text.rstrip().endswith((".", ":", ";", "!", "?")))
                or (prev.x1 < right - 40 and not centred_run)
                or ln.bold != prev.bold
                or _centred(prev, left, right) != _centred(ln, left, right)
            )
            if new:
                flush()
        cur.append(ln)
    flush()
    return paras


def _centred(line: _Line, left: float, right: float) -> bool:
    return abs((line.x0 - left) - (right - line.x1)) < 20 and line.x0 > left + 12


def _mode(values: list[float], default: float) -> float:
    if not values:
        return default
    return Counter(round(v) for v in values).most_common(1)[0][0]


def _open(data: bytes):
    if not data.startswith(b"%PDF"):
        kind = "a DOCX/ZIP package" if data.startswith(b"PK") else "not PDF data"
        raise ReadError(f"not a PDF (content is {kind}); check the file's extension")
    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as wrapped:
        exc = wrapped.args[0] if wrapped.args else wrapped
        if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError("encrypted PDF, password required; save an unprotected copy to process it") from None
        raise ReadError(f"damaged PDF: cannot be parsed ({type(exc).__name__}: {exc}); the file may be truncated") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise ReadError(f"damaged PDF: cannot be parsed ({type(exc).__name__}: {exc}); the file may be truncated") from None


def read_pdf(data: bytes, limits: Limits) -> tuple[list[RawParagraph | RawTable], list[str], int]:
    warnings: list[str] = []
    digest = hashlib.sha256(data).hexdigest()
    with _open(data) as pdf:
        try:
            n_pages = len(pdf.pages)
        except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
            raise ReadError(f"damaged PDF: the page tree cannot be read ({type(exc).__name__}); the file may be truncated") from None
        if n_pages == 0:
            raise ReadError("damaged PDF: no pages could be read; the file may be truncated")
        if n_pages > limits.max_pdf_pages:
            raise ReadError(f"PDF has {n_pages} pages; the limit is {limits.max_pdf_pages}")
        page_lines: list[list[_Line]] = []
        page_tables: list[list[RawTable]] = []
        heights: list[float] = []
        scanned: list[int] = []
        confidences: list[float] = []
        rendered = None  # a pypdfium2 document, opened only when a page needs OCR
        damaged: list[int] = []
        for page_no, page in enumerate(pdf.pages, start=1):
            try:
                height = float(page.height)
                if len(page.chars) < _MIN_CHARS and page.images:  # an image of text: read it by OCR
                    if rendered is None:
                        import pypdfium2

                        rendered = pypdfium2.PdfDocument(data)
                    lines, conf = ocr_page(rendered, page_no - 1, limits.ocr_dpi, digest)
                    heights.append(height)
                    page_lines.append([_Line(ln.text, ln.x0, ln.x1, ln.top, ln.bottom, page_no, False) for ln in lines])
                    page_tables.append([])
                    scanned.append(page_no)
                    confidences.extend(conf)
                    continue
                found = page.find_tables()
                tables = [_table(page, t, page_no) for t in found]
                lines = _page_lines(page, page_no, [t.bbox for t in found])
            except _PAGE_ERRORS:  # a damaged page is skipped; the document becomes partial
                damaged.append(page_no)
                heights.append(heights[-1] if heights else 842.0)
                page_lines.append([])
                page_tables.append([])
                continue
            finally:
                page.flush_cache()
            heights.append(height)
            page_tables.append([t for t in tables if len(t.rows) > 1 or len(t.rows[0]) > 2])
            page_lines.append(lines)
        if damaged:
            if len(damaged) == n_pages:
                raise ReadError(f"damaged PDF: none of its {n_pages} pages can be read")
            warnings.append("damaged-pages:" + ",".join(map(str, damaged)))
    if rendered is not None:
        rendered.close()
    if scanned:
        mean = sum(confidences) / len(confidences) if confidences else 0.0
        if mean < limits.min_ocr_confidence:
            raise ReadError(f"scan too poor to read: mean OCR confidence {mean:.0f}% "
                            f"(below {limits.min_ocr_confidence}%); a clearer scan at 300 dpi would help")
        warnings += ["ocr", f"ocr-pages:{len(scanned)}/{n_pages}", f"ocr-confidence:{mean:.0f}"]
    if not any(page_lines) and not any(page_tables):
        raise ReadError("no text in the PDF: no text layer and no readable scanned pages")
    _drop_running_lines(page_lines, heights)
    body = [ln for lines in page_lines for ln in lines]
    left = _mode([ln.x0 for ln in body], 0.0)
    right = _mode([ln.x1 for ln in body if ln.x1 > left + 200], 10_000.0)
    items: list[RawParagraph | RawTable] = []
    chunk: list[_Line] = []  # lines since the last table; a paragraph may run on to the next page
    for lines, tables in zip(page_lines, page_tables):
        # interleave paragraphs and tables by their vertical position on the page
        pending = sorted(tables, key=lambda t: t.top)
        for ln in lines:
            while pending and pending[0].top < ln.top:
                items.extend(_paragraphs(chunk, left, right))
                chunk = []
                items.append(pending.pop(0))
            chunk.append(ln)
        if pending:
            items.extend(_paragraphs(chunk, left, right))
            chunk = []
            items.extend(pending)
    items.extend(_paragraphs(chunk, left, right))
    return items, warnings, n_pages
