"""Every corpus file in a supported format is read; each reader's contract on real and built files."""

import io

import docx
import pytest

from extract.errors import ReadError
from extract.limits import DEFAULT_LIMITS
from extract.read import read_bytes
from tests.conftest import CORPUS

SUPPORTED = sorted(p.name for p in CORPUS.iterdir() if p.suffix in {".txt", ".docx"}) + [
    "nk-dni-nauki-2023.pdf",
    "nk-dni-nauki-2025.pdf",
]


@pytest.mark.parametrize("name", SUPPORTED)
def test_every_supported_corpus_file_is_read_with_text_and_offsets(read_corpus, name):
    doc = read_corpus(name)
    assert doc.status == "ok"
    assert len(doc.text) > 1000
    assert doc.blocks
    for block in doc.blocks:  # blocks are ordered, disjoint and point at non-empty text
        assert doc.block_text(block).strip()
    starts = [b.start for b in doc.blocks]
    assert starts == sorted(starts)
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                assert doc.text[cell.start : cell.stop] == cell.text


def test_doc_id_is_the_content_hash_prefix(read_corpus):
    doc = read_corpus("spb-resursy-plus-2023.txt")
    assert doc.doc_id == doc.sha256[:12]


# -- TXT --------------------------------------------------------------------------------------


def test_txt_cp1251_is_detected_and_gives_the_same_text_as_utf8(read_corpus):
    cp = read_corpus("spb-resursy-plus-2023-cp1251.txt")
    utf = read_corpus("spb-resursy-plus-2023.txt")
    assert "encoding:cp1251" in cp.warnings
    assert cp.text == utf.text


@pytest.mark.parametrize("encoding,warning", [("koi8-r", "encoding:koi8-r"), ("utf-8-sig", "encoding:utf-8-sig")])
def test_txt_other_russian_encodings_are_detected(encoding, warning):
    original = (CORPUS / "spb-resursy-plus-2023.txt").read_text(encoding="utf-8")
    data = original.encode(encoding, errors="replace")
    doc = read_bytes(data, "txt", "x.txt")
    assert warning in doc.warnings
    assert "ИМЦ Кировского района" in doc.text


def test_txt_bold_markup_is_removed_and_marks_headings(read_corpus):
    doc = read_corpus("nk-dni-nauki-2023.txt")
    assert "**" not in doc.text
    first = doc.blocks[0]
    assert first.kind == "heading"
    assert doc.block_text(first).startswith("Муниципальное автономное образовательное учреждение")
    assert "1096 руководящих" in doc.text  # inline bold removed without a heading


def test_txt_dash_lines_are_list_items(read_corpus):
    doc = read_corpus("nk-dni-nauki-2023.txt")
    items = [doc.block_text(b) for b in doc.blocks if b.kind == "list_item"]
    assert "- наставничество как аспект методической работы школы;" in items


def test_txt_binary_content_is_refused():
    with pytest.raises(ReadError, match="binary content"):
        read_bytes(bytes(range(256)) * 64, "txt", "x.txt")


def test_txt_printed_line_export_is_rejoined_into_paragraphs(read_corpus):
    doc = read_corpus("nk-dni-nauki-2025.txt")
    assert "printed-lines" in doc.warnings
    assert "продвижение инновационных идей в области образования и воспитания" in doc.text


# -- DOCX -------------------------------------------------------------------------------------


def _docx_bytes(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_header_and_footer_text_is_a_warning_not_body_text():
    def build(d):
        d.sections[0].header.paragraphs[0].text = "Управление образования — черновик"
        d.add_paragraph("Текст отчёта о проведении семинара для педагогов города.")

    doc = read_bytes(_docx_bytes(build), "docx", "x.docx")
    assert "header-footer-text" in doc.warnings
    assert "черновик" not in doc.text


def test_docx_nested_table_is_kept_as_its_own_table():
    def build(d):
        outer = d.add_table(rows=2, cols=2)
        outer.cell(0, 0).text, outer.cell(0, 1).text = "Район", "Школы"
        outer.cell(1, 0).text = "Центральный"
        inner = outer.cell(1, 1).add_table(rows=2, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "Школа", "Участники"
        inner.cell(1, 0).text, inner.cell(1, 1).text = "СОШ № 110", "25"

    doc = read_bytes(_docx_bytes(build), "docx", "x.docx")
    assert [t.header for t in doc.tables] == [["Район", "Школы"], ["Школа", "Участники"]]
    assert doc.tables[1].rows[1][1].value == 25


def test_docx_horizontal_merge_copies_text_and_marks_it_spanned():
    def build(d):
        t = d.add_table(rows=3, cols=3)
        for i, h in enumerate(["Район", "Кол-во", "Всего"]):
            t.cell(0, i).text = h
        t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "Центральный", "2", "2"
        merged = t.cell(2, 0).merge(t.cell(2, 1))
        merged.text = "ИТОГО"
        t.cell(2, 2).text = "2"

    doc = read_bytes(_docx_bytes(build), "docx", "x.docx")
    total = doc.tables[0].rows[2]
    assert [(c.text, c.spanned) for c in total] == [("ИТОГО", False), ("ИТОГО", True), ("2", False)]
    assert doc.tables[0].roles[2] == "total"


def test_docx_one_row_layout_table_is_read_as_paragraphs(read_corpus):
    doc = read_corpus("ust-ilimsk-forum-2022.docx")
    assert doc.tables == []
    assert "О. Н. Кузнецова" in doc.text


def test_docx_zip_bomb_is_refused_before_inflating():
    data = (CORPUS.parent / "tests" / "data" / "corpus-bad" / "zip-bomb.docx").read_bytes()
    with pytest.raises(ReadError, match="archive member too large"):
        read_bytes(data, "docx", "zip-bomb.docx", DEFAULT_LIMITS)
