"""Read one file into a `Document`: check it, pick the reader by extension, assemble the model."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from extract.convert import convert_to_docx
from extract.docx_reader import read_docx
from extract.errors import ReadError
from extract.layout import assemble
from extract.limits import DEFAULT_LIMITS, Limits
from extract.model import Document
from extract.pdf_reader import read_pdf
from extract.txt_reader import read_txt

READERS = {"txt": read_txt, "docx": read_docx, "pdf": read_pdf}
LEGACY = {"doc", "rtf", "odt"}
FORMATS = set(READERS) | LEGACY

_MAGIC = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP package (DOCX/ODT)", b"\xd0\xcf\x11\xe0": "OLE2 (legacy Word .doc)", b"{\\rtf": "RTF"}


def file_format(path: Path) -> str | None:
    ext = path.suffix.lower().lstrip(".")
    return ext if ext in FORMATS else None


def doc_id_for(sha256: str) -> str:
    return sha256[:12]


def _sniff(data: bytes) -> str | None:
    return next((name for magic, name in _MAGIC.items() if data.startswith(magic)), None)


def read_bytes(data: bytes, fmt: str, rel_path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Build the document model from a file's bytes; raises ReadError for a file that cannot be read."""
    sha = hashlib.sha256(data).hexdigest()
    doc = Document(doc_id=doc_id_for(sha), path=rel_path, format=fmt, sha256=sha)
    if not data:
        raise ReadError("empty file (0 bytes)")
    if len(data) > limits.max_file_bytes:
        raise ReadError(f"file too large ({len(data)} bytes; the limit is {limits.max_file_bytes})")
    warnings: list[str] = []
    if fmt in LEGACY:
        data_docx = convert_to_docx(data, fmt, limits)
        items, warnings, pages = read_docx(data_docx, limits)
        warnings = [f"converted:{fmt}->docx", *warnings]
        return _finish(doc, items, warnings, pages)
    actual = _sniff(data)
    if fmt == "docx" and actual not in (None, "ZIP package (DOCX/ODT)"):
        raise ReadError(f"not a DOCX file (content is {actual}); check the file's extension")
    items, warnings, pages = READERS[fmt](data, limits)
    return _finish(doc, items, warnings, pages)


_PLAIN = re.compile(r"[А-Яа-яЁёA-Za-z0-9\s.,;:!?()«»\"'№%/\-–—+=*]")


def _finish(doc: Document, items, warnings: list[str], pages: int) -> Document:
    doc.text, doc.blocks, doc.tables = assemble(items, doc.doc_id)
    doc.warnings = warnings
    doc.pages = pages
    if any(w.startswith("damaged-pages:") for w in warnings):
        doc.status = "partial"  # read, but not whole: never silently ok
    if not doc.text.strip():
        raise ReadError("no text found in the document")
    sample = doc.text[:100_000]
    plain = len(_PLAIN.findall(sample)) / len(sample)
    if plain < 0.7:  # what a converter or decoder made of binary junk: not a report
        raise ReadError(f"the text is mostly symbols ({plain:.0%} letters, digits and punctuation): "
                        "the file is damaged or not a text document")
    return doc


def read_file(path: Path, rel_path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    fmt = file_format(path)
    if fmt is None:
        raise ReadError(f"unsupported file type {path.suffix!r}")
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise ReadError(f"file too large ({size} bytes; the limit is {limits.max_file_bytes})")
    return read_bytes(path.read_bytes(), fmt, rel_path, limits)
