"""A generated set of hostile inputs, built from the corpus so that each is realistic but broken."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from tests.conftest import CORPUS

DOCX_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with(document_xml: str) -> bytes:
    """The nk-dni-nauki-2025 DOCX package with its document.xml replaced."""
    src = zipfile.ZipFile(CORPUS / "nk-dni-nauki-2025.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = document_xml.encode("utf-8") if item.filename == "word/document.xml" else src.read(item.filename)
            out.writestr(item, data)
    return buf.getvalue()


def nested_tables(depth: int) -> str:
    inner = "<w:p><w:r><w:t>Центр</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>"
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {DOCX_NS}><w:body>{inner}</w:body></w:document>'


def build(folder: Path, seed: int = 20261122) -> dict[str, str]:
    """Write the fuzz set into folder; return {file name: what it is}."""
    rng = random.Random(seed)
    made: dict[str, str] = {}

    def put(name: str, data: bytes, what: str) -> None:
        (folder / name).write_bytes(data)
        made[name] = what

    pdf = (CORPUS / "nk-dni-nauki-2023.pdf").read_bytes()
    docx = (CORPUS / "nk-dni-nauki-2023.docx").read_bytes()
    for frac in (0.05, 0.5, 0.95):
        put(f"cut-{int(frac * 100)}.pdf", pdf[: int(len(pdf) * frac)], "PDF cut short")
        put(f"cut-{int(frac * 100)}.docx", docx[: int(len(docx) * frac)], "DOCX cut short")
    flipped = bytearray(pdf)
    for _ in range(200):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    put("bit-flipped.pdf", bytes(flipped), "PDF with 200 random bytes changed")
    put("garbage.docx", bytes(rng.randrange(256) for _ in range(20000)), "binary garbage named .docx")
    put("garbage.doc", bytes(rng.randrange(256) for _ in range(20000)), "binary garbage named .doc")
    put("garbage.rtf", b"{\\rtf1 " + bytes(rng.randrange(256) for _ in range(5000)), "RTF header then garbage")
    put("empty.docx", b"", "empty file")
    put("empty.txt", b"", "empty file")
    put("xxe.docx", _docx_with(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document {DOCX_NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'),
        "external entity pointing at /etc/passwd")
    put("nested-tables.docx", _docx_with(nested_tables(300)), "tables nested 300 deep")
    put("long-line.txt", ("Отчёт " + "а" * 3_000_000 + "\n").encode("utf-8"), "one line of 3 million characters")
    rows = "\n".join(f"Школа № {i}\t{i % 97}\t{i % 89}" for i in range(30000))
    put("wide-tsv.txt", f"Отчёт о контингенте\n\nШкола\tA\tB\n{rows}\nИТОГО\t1\t2\n".encode("utf-8"), "30 000-row TAB table")
    put("formula=cmd.txt", "=HYPERLINK(\"http://evil\")\n\n+SUM(1;2)\n\n@cmd\n".encode("utf-8"), "formulas as text")
    put("odt-bomb.odt", _zip_bomb(), "ODT whose content.xml inflates to 300 MB")
    return made


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", b"<a>" + b" " * (300 * 1024 * 1024) + b"</a>")
    return buf.getvalue()
