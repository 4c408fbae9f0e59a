"""DOCX reports through python-docx: body order, merged cells resolved, nested tables kept.

python-docx opens the package only after `safezip` has checked it (sizes, no DTDs); the body is then
walked as XML so that paragraphs and tables come out in reading order and every grid cell of a
table knows its text and whether that text was copied from a gridSpan/vMerge origin.
"""

from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn

from extract.blocks import guess_heading, list_marker
from extract.errors import ReadError
from extract.limits import Limits
from extract.model import RawCell, RawParagraph, RawTable
from extract.safezip import check_xml_parts, open_package, read_xml

W_P, W_TBL, W_TR, W_TC, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_TEXT_TAGS = {qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen"), qn("w:ptab")}
_LETTERS = re.compile(r"[A-Za-zА-Яа-яЁё]")


class _Walker:
    def __init__(self, document: docx.document.Document, limits: Limits) -> None:
        self.styles = {s.style_id: (s.name or "") for s in document.styles}
        self.limits = limits
        self.page = 1
        self.cells = 0
        self.items: list[RawParagraph | RawTable] = []

    # -- paragraphs -------------------------------------------------------------------------
    def _para_text(self, p) -> str:
        out: list[str] = []
        for el in p.iter(*_TEXT_TAGS):
            tag = el.tag
            if tag == qn("w:t"):
                out.append(el.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append("\t")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            elif tag == qn("w:br"):
                if el.get(qn("w:type")) == "page":
                    self.page += 1
                out.append("\n")
            else:
                out.append("\n")
        return "".join(out)

    def _para_kind(self, p, text: str) -> str:
        ppr = p.find(qn("w:pPr"))
        style = ""
        if ppr is not None:
            if ppr.find(qn("w:pageBreakBefore")) is not None:
                self.page += 1
            st = ppr.find(qn("w:pStyle"))
            style = self.styles.get(st.get(qn("w:val")), "") if st is not None else ""
            if ppr.find(qn("w:numPr")) is not None:
                return "list_item"
        lowered = style.lower()
        if lowered.startswith(("heading", "заголовок", "title")):
            return "heading"
        if list_marker(text.strip()) is not None:
            return "list_item"
        runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
        all_bold = bool(runs) and all(_is_bold(r) for r in runs)
        centred = ppr is not None and ppr.find(qn("w:jc")) is not None and ppr.find(qn("w:jc")).get(qn("w:val")) == "center"
        if (all_bold or centred) and guess_heading(text.replace("\n", " ")):
            return "heading"
        return "paragraph"

    def paragraph(self, p) -> None:
        text = self._para_text(p)
        kind = self._para_kind(p, text)
        self.items.append(RawParagraph(text, kind, self.page))

    # -- tables -----------------------------------------------------------------------------
    def _cell_text(self, tc, nested: list) -> str:
        parts: list[str] = []
        for child in tc:
            if child.tag == W_P:
                parts.append(self._para_text(child))
            elif child.tag == W_TBL:
                nested.append(child)
            elif child.tag == W_SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    parts.append(self._cell_text(content, nested))
        return " ".join(p for p in parts if p.strip())

    def table(self, tbl) -> None:
        page_start = self.page
        grid: list[list[RawCell]] = []
        header_rows = 0
        nested: list = []
        # vertical merges: grid column -> the origin cell above
        origin: dict[int, RawCell] = {}
        for tr in tbl.iter(W_TR):
            if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:
                continue  # a row of a nested table
            trpr = tr.find(qn("w:trPr"))
            row: list[RawCell] = []
            if trpr is not None:
                before = trpr.find(qn("w:gridBefore"))
                if before is not None:
                    row.extend(RawCell("") for _ in range(int(before.get(qn("w:val"), "0") or 0)))
                if trpr.find(qn("w:tblHeader")) is not None and header_rows == len(grid):
                    header_rows += 1
            for tc in tr.iter(W_TC):
                if tc.getparent() is not tr and tc.getparent().getparent() is not tr:
                    continue
                tcpr = tc.find(qn("w:tcPr"))
                span, vmerge = 1, None
                if tcpr is not None:
                    gs = tcpr.find(qn("w:gridSpan"))
                    if gs is not None:
                        span = max(1, int(gs.get(qn("w:val"), "1") or 1))
                    vm = tcpr.find(qn("w:vMerge"))
                    if vm is not None:
                        vmerge = vm.get(qn("w:val")) or "continue"
                col = len(row)
                if vmerge == "continue" and col in origin:
                    cell = RawCell(origin[col].text, spanned=True)
                    origin[col].rowspan += 1
                else:
                    cell = RawCell(self._cell_text(tc, nested), colspan=span)
                    if vmerge == "restart":
                        origin[col] = cell
                    else:
                        origin.pop(col, None)
                row.append(cell)
                row.extend(RawCell(cell.text, True) for _ in range(span - 1))
                self.cells += span
                if self.cells > self.limits.max_table_cells:
                    raise ReadError(f"too many table cells (over {self.limits.max_table_cells}); refusing the document")
            grid.append(row)
        if len(grid) <= 1:  # a one-row layout table (letterhead, signature): its cells are paragraphs
            for cell in grid[0] if grid else []:
                if not cell.spanned and cell.text.strip():
                    self.items.append(RawParagraph(cell.text, "paragraph", page_start))
        else:
            self.items.append(RawTable(grid, page_start, self.page, header_rows))
        for inner in nested:
            self.table(inner)

    def walk(self, parent) -> None:
        for child in parent:
            if child.tag == W_P:
                self.paragraph(child)
            elif child.tag == W_TBL:
                self.table(child)
            elif child.tag == W_SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.walk(content)


def _is_bold(run) -> bool:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return False
    b = rpr.find(qn("w:b"))
    return b is not None and b.get(qn("w:val"), "true") not in ("0", "false")


def _header_footer_warnings(zf) -> list[str]:
    for name in zf.namelist():
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            root = read_xml(zf, name)
            text = "".join(t.text or "" for t in root.iter(qn("w:t")))
            if _LETTERS.search(text):
                return ["header-footer-text"]
    return []


def read_docx(data: bytes, limits: Limits) -> tuple[list[RawParagraph | RawTable], list[str], int]:
    zf = open_package(data, "DOCX", limits)
    names = zf.namelist()
    if "word/document.xml" not in names:
        raise ReadError("not a DOCX file: the package has no word/document.xml")
    check_xml_parts(zf)
    warnings = _header_footer_warnings(zf)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged packages
        raise ReadError(f"damaged DOCX: python-docx cannot open it ({type(exc).__name__}: {exc})") from None
    walker = _Walker(document, limits)
    walker.walk(document.element.body)
    return walker.items, warnings, walker.page
