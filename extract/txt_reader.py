"""Plain-text reports: encoding detection, TAB tables, `**bold**` markup, printed-line exports."""

from __future__ import annotations

import re

from extract.blocks import guess_heading, is_caption, list_marker
from extract.errors import ReadError
from extract.hyphenation import join_lines
from extract.limits import Limits
from extract.model import RawCell, RawParagraph, RawTable
from extract.printed_table import recover_event_table

_BOLD = re.compile(r"\*\*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CYR_LOWER = re.compile(r"[а-яё]")
_CYR = re.compile(r"[а-яёА-ЯЁ]")


def _cyrillic_score(text: str) -> float:
    """Real Russian text is mostly lower-case; a wrong single-byte code page gives capitals mid-word."""
    letters = len(_CYR.findall(text))
    return len(_CYR_LOWER.findall(text)) / letters if letters else 0.0


def decode(data: bytes, limits: Limits) -> tuple[str, list[str]]:
    """Return the text and the warnings that record how it was decoded."""
    if len(data) > limits.max_text_bytes:
        raise ReadError(f"text file too large ({len(data)} bytes; the limit is {limits.max_text_bytes})")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), ["encoding:utf-8-sig"]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ["encoding:utf-16"]
    if b"\x00" in data or len(_CONTROL.findall(data[:65536].decode("latin-1"))) > 0.01 * min(len(data), 65536):
        raise ReadError("binary content, not a text file (NUL or control bytes); check the file type")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    candidates = [(enc, data.decode(enc, errors="replace")) for enc in ("cp1251", "koi8-r")]
    enc, text = max(candidates, key=lambda c: _cyrillic_score(c[1]))
    if _cyrillic_score(text) < 0.5:
        raise ReadError("not UTF-8, cp1251 or koi8-r text: the encoding could not be recognised")
    return text, [f"encoding:{enc}"]


def _is_printed_layout(lines: list[str]) -> bool:
    """A PDF text dump: one printed line per line, a blank line after each."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 20:
        return False
    isolated = sum(1 for i in nonblank if (i + 1 >= len(lines) or not lines[i + 1].strip()))
    long_lines = sum(1 for i in nonblank if len(lines[i]) > 140)
    return isolated > 0.9 * len(nonblank) and long_lines < 0.05 * len(nonblank)


def _printed_paragraphs(lines: list[str]) -> list[list[str]]:
    """Group printed lines: two blank lines, or a sentence end followed by an indent, end a paragraph."""
    paras: list[list[str]] = []
    cur: list[str] = []
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        prev = cur[-1].rstrip() if cur else ""
        starts_new = (
            blanks >= 3
            or list_marker(line.strip()) is not None
            or (prev.endswith((".", ":", ";", "!", "?")) and (line.startswith(" ") or line[:1].isupper()))
        )
        if cur and starts_new:
            paras.append(cur)
            cur = []
        cur.append(line)
        blanks = 0
    if cur:
        paras.append(cur)
    return paras


def _printed_items(lines: list[str], page: int) -> list[RawParagraph | RawTable]:
    """Paragraphs of a printed-line export; after a «Таблица N» caption, try to rebuild the table."""
    items: list[RawParagraph | RawTable] = []
    start = 0
    i = 0
    while i < len(lines):
        if is_caption(lines[i].strip()):
            recovered = recover_event_table(lines[i + 1 :])
            if recovered is not None:
                table, used = recovered
                items.extend(_printed_block(lines[start : i + 1], page))
                items.append(table)
                i = start = i + 1 + used
                continue
        i += 1
    items.extend(_printed_block(lines[start:], page))
    return items


def _printed_block(lines: list[str], page: int) -> list[RawParagraph]:
    out = []
    for para in _printed_paragraphs(lines):
        body = _BOLD.sub("", join_lines(para))
        kind = "list_item" if list_marker(body) is not None else "paragraph"
        out.append(RawParagraph(body, kind, page))
    return out


def _table_block(lines: list[str]) -> RawTable:
    return RawTable(rows=[[RawCell(c) for c in line.split("\t")] for line in lines], header_rows=0, infer_merges=True)


def _text_block(lines: list[str], page: int) -> list[RawParagraph]:
    joined = "\n".join(lines)
    bold_all = joined.lstrip().startswith("**") and joined.rstrip().endswith("**")
    lines = [_BOLD.sub("", line) for line in lines]
    out: list[RawParagraph] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            text = "\n".join(plain)
            kind = "heading" if bold_all or guess_heading(text) else "paragraph"
            out.append(RawParagraph(text, kind, page))
            plain.clear()

    for line in lines:
        if list_marker(line.strip()) is not None:
            flush()
            out.append(RawParagraph(line.strip(), "list_item", page))
        else:
            plain.append(line)
    flush()
    return out


def read_txt(data: bytes, limits: Limits) -> tuple[list[RawParagraph | RawTable], list[str], int]:
    text, warnings = decode(data, limits)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = text.count("\f") + 1
    items: list[RawParagraph | RawTable] = []
    for page_no, page_text in enumerate(text.split("\f"), start=1):
        lines = page_text.split("\n")
        if _is_printed_layout(lines):
            if "printed-lines" not in warnings:
                warnings.append("printed-lines")
            items.extend(_printed_items(lines, page_no))
            continue
        for block in re.split(r"\n[ \t]*\n", page_text):
            blines = [line for line in block.split("\n") if line.strip()]
            if not blines:
                continue
            tabbed = sum(1 for line in blines if "\t" in line)
            if tabbed and tabbed * 2 >= len(blines):
                items.append(_table_block(blines))
                continue
            items.extend(_text_block(blines, page_no))
            items.append(RawParagraph("", page=page_no))  # keeps a blank-line gap visible to stitching
    return items, warnings, pages
