"""The publishable exports (Word, text, Markdown, HTML), the Word and PDF imports, and their round trips."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from gipr_desktop.cli import main as gipr
from gipr_desktop.core.checks import check
from gipr_desktop.core.labels import normalize
from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.layout import table_layout
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io import docx_writer, markup_writer
from gipr_desktop.io.docx_reader import table_grid
from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.text_import import parse_report_text
from gipr_desktop.io.text_writer import display_width
from tests.conftest import SEEDS
from tests.fuzz.seeds import pdf_of
from tests.helpers import sample_report

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _seed_report(path: Path):
    return parse_report_text(path.read_text(encoding="utf-8"), source=path.name).report


def _same(a, b) -> None:
    for key in ("format", "unit", "year", "contact", "published", "preamble", "sections", "cells"):
        assert getattr(a, key) == getattr(b, key), key


# --- round trips ------------------------------------------------------------------------------

@pytest.mark.parametrize("ext", [".docx", ".txt", ".md", ".html"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_seed_comes_back_identical(seed, ext, tmp_path):
    report = _seed_report(seed)
    assert report.cells, "the seed must import with cells, or the round trip proves nothing"
    target = tmp_path / f"report{ext}"
    write_report(report, target)
    _same(read_report(target).report, report)


@pytest.mark.parametrize("ext", [".docx", ".txt", ".md"])
def test_contact_publication_date_and_amounts_come_back(ext, tmp_path):
    report = sample_report()
    report.set(CellRef("active", "fees", "amount"), Decimal("5949.088667"))
    assert report.contact and report.published
    write_report(report, tmp_path / f"r{ext}")
    _same(read_report(tmp_path / f"r{ext}").report, report)


def test_empty_cells_stay_unknown_not_zero(tmp_path):
    report = sample_report()
    ref = CellRef("applications", "new", "research")
    report.set(ref, None)
    write_report(report, tmp_path / "r.docx")
    assert read_report(tmp_path / "r.docx").report.get(ref) is None


# --- Word export ------------------------------------------------------------------------------

def _label_cells(grid):
    return [[normalize(cell) for cell in row] for row in grid]


def test_word_tables_have_the_official_templates_shape(tmp_path, shared_fixtures_dir):
    template = docx.Document(str(shared_fixtures_dir / "official-template-2021.docx"))
    write_report(sample_report(), tmp_path / "r.docx")
    exported = docx.Document(str(tmp_path / "r.docx"))
    assert len(exported.tables) == len(template.tables) == 3
    fmt = sample_report().schema
    for table, ours, theirs in zip(fmt.tables, exported.tables, template.tables):
        mine, official = _label_cells(table_grid(ours._tbl).rows()), _label_cells(table_grid(theirs._tbl).rows())
        assert (len(mine), len(mine[0])) == (len(official), len(official[0])), table.id
        values = {(box.row, box.col) for box in table_layout(table).value_boxes()}
        for r, (row_mine, row_official) in enumerate(zip(mine, official)):
            for c, (cell_mine, cell_official) in enumerate(zip(row_mine, row_official)):
                if (r, c) not in values:  # every header, label and merge as in the template
                    assert cell_mine == cell_official, (table.id, r, c)


def test_word_document_is_set_like_an_official_document(tmp_path):
    report = sample_report()
    write_report(report, tmp_path / "r.docx")
    document = docx.Document(str(tmp_path / "r.docx"))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    title = document.paragraphs[0]
    assert title.text == report.title and title.style.name == "Title"
    assert title.style.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == docx_writer.TITLE_FONT
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [section.title for section in report.schema.sections]
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml  # page numbers
    subheading = next(p for p in document.paragraphs if p.text.startswith("（一）主动公开"))
    assert subheading.runs[0].element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == docx_writer.SUBHEADING_FONT


def test_word_names_standard_fonts_for_machines_without_the_gb2312_ones():
    fonts = docx_writer.dumps(sample_report())
    with zipfile.ZipFile(io.BytesIO(fonts)) as archive:
        table = archive.read("word/fontTable.xml").decode("utf-8")
    assert "仿宋_GB2312" in table and 'w:altName w:val="仿宋"' in table


def test_writing_into_a_missing_folder_is_a_message_not_a_traceback(tmp_path):
    from gipr_desktop.io.errors import WriteError

    with pytest.raises(WriteError, match="无法"):
        write_report(sample_report(), tmp_path / "no" / "such" / "r.docx")


# --- text, Markdown, HTML --------------------------------------------------------------------

def test_text_export_opens_right_in_notepad_and_aligns_its_tables(tmp_path):
    write_report(sample_report(), tmp_path / "r.txt")
    raw = (tmp_path / "r.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.decode("utf-8-sig").split("\r\n")
    table = [line for line in lines if line.startswith("| ")]
    runs, current = [], []
    for line in lines:  # each table's lines are one block of equal width
        if line.startswith("| "):
            current.append(display_width(line))
        elif current:
            runs.append(current)
            current = []
    assert len(runs) == 3 and all(len(set(widths)) == 1 for widths in runs)
    assert any("三、本年度办理结果" in line for line in table)


def test_display_width_counts_chinese_characters_double():
    assert display_width("规章 12") == 7


def test_html_keeps_merged_headers_and_markdown_keeps_every_column():
    report = sample_report()
    page = markup_writer.html_dumps(report)
    assert 'colspan="7"' in page and 'rowspan="' in page and page.count("<table>") == 3
    assert "<script" not in markup_writer.html_dumps(_with_section_1(report, "<script>alert(1)</script>"))
    markdown = markup_writer.md_dumps(report)
    assert markdown.startswith(f"# {report.title}") and "## 六、其他需要报告的事项" in markdown
    table_lines = [line for line in markdown.splitlines() if line.startswith("|")]
    assert {line.count(" | ") for line in table_lines if "---" not in line} >= {3, 9, 14}


def _with_section_1(report, text):
    changed = report.copy()
    changed.sections["1"] = text
    return changed


def test_markdown_file_is_written(tmp_path):
    write_report(sample_report(), tmp_path / "r.md")
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")


# --- Word import ------------------------------------------------------------------------------

def _fill_template(template: Path, report, target: Path) -> None:
    """What an office does with the national template: title, texts and numbers typed in."""
    document = docx.Document(str(template))
    placeholders = [p for p in document.paragraphs if p.text.startswith("（文字描述")]
    for paragraph, section_id in zip(placeholders, ("1", "5", "6")):
        for run in paragraph.runs[1:]:
            run.text = ""
        paragraph.runs[0].text = report.sections[section_id]
    title = next(p for p in document.paragraphs if "模板" in p.text)
    for run in title.runs[1:]:
        run.text = ""
    title.runs[0].text = report.title
    for table, word_table in zip(report.schema.tables, document.tables):
        for box in table_layout(table).value_boxes():
            value = report.get(box.ref)
            word_table.cell(box.row, box.col).text = "" if value is None else str(value)
    document.save(str(target))


def test_a_filled_in_official_template_imports(tmp_path, shared_fixtures_dir):
    report = sample_report()
    for section_id in ("2", "3", "4"):
        report.sections[section_id] = ""
    report.contact = report.published = report.preamble = ""
    _fill_template(shared_fixtures_dir / "official-template-2021.docx", report, tmp_path / "filled.docx")
    imported = read_report(tmp_path / "filled.docx")
    assert imported.report.unit == report.unit and imported.report.year == report.year
    assert imported.report.cells == report.cells
    assert imported.report.sections == report.sections


def test_the_template_as_circulated_imports_as_empty_not_zero(shared_fixtures_dir):
    imported = read_report(shared_fixtures_dir / "official-template-2021.docx")
    assert imported.report.cells == {}
    assert imported.notes  # it says what it could not find


def test_word_table_merged_cells_are_given_once(tmp_path):
    write_report(sample_report(), tmp_path / "r.docx")
    grid = table_grid(docx.Document(str(tmp_path / "r.docx")).tables[1]._tbl).rows()
    assert [row[0] for row in grid[3:6]] == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果"]
    assert grid[6][0] == "" and grid[0][1] == ""


# --- PDF import -------------------------------------------------------------------------------

HUAIAN = {  # every cell of the published tables, row by row in schema order
    "active": [[1, 0, 11], [8, 26, 66], [447228], [3985758], [88283], [Decimal("96171.6")]],
    "applications": [
        [3001, 53, 0, 0, 61, 4, 3119], [34, 0, 0, 0, 0, 0, 34], [1288, 21, 0, 0, 50, 3, 1362],
        [447, 7, 0, 0, 0, 0, 454], [2, 0, 0, 0, 0, 0, 2], [30, 1, 0, 0, 0, 0, 31], [5, 0, 0, 0, 0, 0, 5],
        [6, 0, 0, 0, 0, 0, 6], [7, 1, 0, 0, 0, 0, 8], [12, 0, 0, 0, 0, 0, 12], [9, 0, 0, 0, 0, 0, 9],
        [105, 0, 0, 0, 0, 0, 105], [746, 12, 0, 0, 10, 1, 769], [11, 0, 0, 0, 0, 0, 11], [1, 0, 0, 0, 0, 0, 1],
        [56, 6, 0, 0, 0, 0, 62], [25, 0, 0, 0, 0, 0, 25], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0, 1], [67, 3, 0, 0, 1, 0, 71], [6, 0, 0, 0, 0, 0, 6], [108, 2, 0, 0, 0, 0, 110],
        [2932, 53, 0, 0, 61, 4, 3050], [103, 0, 0, 0, 0, 0, 103],
    ],
    "review_litigation": [[72, 64, 178, 37, 351], [13, 4, 8, 1, 26], [12, 1, 1, 6, 20]],
}


@pytest.fixture(scope="module")
def huaian(shared_fixtures_dir):
    return read_report(shared_fixtures_dir / "huaian-city-2024.pdf")


def test_the_published_pdf_imports_with_every_cell_right(huaian):
    report = huaian.report
    assert (report.unit, report.year, report.format) == ("淮安市人民政府", 2024, "2021")
    for table in report.schema.tables:
        rows = [row for row in table.rows if not row.optional]
        got = [[report.get(CellRef(table.id, row.id, column.id)) for column in row.columns] for row in rows]
        assert got == HUAIAN[table.id], table.id
    assert report.get(CellRef("applications", "other", "total")) is None
    assert [note.message for note in huaian.notes if "取自" not in note.message and note.kind != READ_BY] == []
    assert [note.message for note in huaian.notes if note.kind == READ_BY] == [
        f"表「{table.title}」按原表格读取" for table in report.schema.tables]
    # the tables add up; what a reviewer would say is that section 一 is longer than asked and that a
    # city government's report says nothing of 考核、评议、追究 (条例第五十条)
    assert sorted(f.rule for f in check(report)) == ["R17", "R9"]


def test_the_pdf_text_is_reflowed_into_paragraphs_without_page_numbers(huaian):
    sections = huaian.report.sections
    assert "政府信息公开申请 3119 件" in sections["1"]
    assert len(sections["5"].split("\n")) == 2 and "- 5 -" not in sections["5"]
    assert "统计期限" in huaian.report.preamble


# --- hostile and wrong files -----------------------------------------------------------------

def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_zip_bomb_named_docx_is_refused_before_it_is_unpacked(tmp_path):
    bomb = _zip(tmp_path / "bomb.docx", {"word/document.xml": b"\0" * (60 * 1024 * 1024)})
    with pytest.raises(ReadError, match="拒绝"):
        read_report(bomb)


def test_a_docx_with_thousands_of_members_is_refused(tmp_path):
    many = _zip(tmp_path / "many.docx", {f"x/{i}.xml": b"" for i in range(2500)})
    with pytest.raises(ReadError, match="部件"):
        read_report(many)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_a_damaged_docx_is_a_message(tmp_path, content):
    (tmp_path / "bad.docx").write_bytes(content)
    with pytest.raises(ReadError, match="bad.docx"):
        read_report(tmp_path / "bad.docx")


def test_a_zip_that_is_not_a_word_document_is_a_message(tmp_path):
    with pytest.raises(ReadError, match="Word"):
        read_report(_zip(tmp_path / "other.docx", {"hello.txt": b"hi"}))


def test_a_truncated_export_is_a_message(tmp_path):
    data = docx_writer.dumps(sample_report())
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError):
        read_report(tmp_path / "cut.docx")


_BLANK_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_a_scanned_pdf_without_text_says_so(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(_BLANK_PDF)
    with pytest.raises(ReadError, match="扫描件"):
        read_report(tmp_path / "scan.pdf")


def _garbled_pdf() -> bytes:
    """A report's Chinese drawn byte by byte in a Western font without a map back to its
    characters, as some converters make them: every glyph is there, the text taken out is 乱码."""
    lines = ["平潭综合实验区某某局2023年政府信息公开工作年度报告", "一、总体情况", "本年新收政府信息公开申请数量 5 1 0 0 0 0 6"] * 4
    content = b"BT /F1 10 Tf 40 800 Td 14 TL "
    for line in lines:
        raw = line.encode("utf-8").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        content += b"(" + raw + b") Tj T* "
    return _one_page_pdf(content + b"ET")


def test_a_pdf_whose_text_comes_out_garbled_says_so_and_reads_nothing(tmp_path):
    (tmp_path / "乱码.pdf").write_bytes(_garbled_pdf())
    with pytest.raises(ReadError, match="「乱码.pdf」中的文字无法正确提取"):
        read_report(tmp_path / "乱码.pdf")


@pytest.mark.parametrize("content", [b"", b"%PDF-1.7\n garbage", b"\x00" * 1000])
def test_a_damaged_pdf_is_a_message(tmp_path, content):
    (tmp_path / "bad.pdf").write_bytes(content)
    with pytest.raises(ReadError, match="bad.pdf"):
        read_report(tmp_path / "bad.pdf")


# --- command line -----------------------------------------------------------------------------

def test_gipr_convert_makes_a_word_document_from_a_published_pdf(tmp_path, capsys, shared_fixtures_dir):
    target = tmp_path / "淮安.docx"
    assert gipr(["convert", str(shared_fixtures_dir / "huaian-city-2024.pdf"), str(target)]) == 0
    assert docx.Document(str(target)).paragraphs[0].text == "淮安市人民政府2024年政府信息公开工作年度报告"


def _one_page_pdf(content: bytes, font: bytes = b"", extra: tuple[bytes, ...] = (), xobjects: bytes = b"") -> bytes:
    """A one-page PDF drawing ``content`` with Helvetica as /F1 (``font``: more of its dictionary),
    ``extra`` objects numbered from 6 on, ``xobjects`` the page's /XObject dictionary entries."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> "
        b"/XObject << " + xobjects + b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " + font + b" >>",
        *extra,
    ]
    return pdf_of(objects)


def _pdf_with_rare_ideograph() -> bytes:
    """A one-page PDF printing 「村x」 where the font's ToUnicode map says 「x」 is 𬌗 (U+2C317, beyond
    the first 65 536 characters: two UTF-16 halves), as Word writes rare ideographs of place names."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /R def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"2 beginbfchar <41> <6751> <78> <D870DF17> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    return _one_page_pdf(b"BT /F1 24 Tf 72 700 Td (Ax) Tj ET", font=b"/ToUnicode 6 0 R",
                         extra=(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",))


def test_a_rare_ideograph_beyond_the_first_65536_characters_is_read_whole(tmp_path):
    from gipr_desktop.io.pdf_pages import extract

    (tmp_path / "rare.pdf").write_bytes(_pdf_with_rare_ideograph())
    lines, _ = extract(str(tmp_path / "rare.pdf"), "「rare.pdf」")
    assert [line["text"] for line in lines] == ["村\U0002C317"]


_GRID = b"72 600 100 20 re 172 600 100 20 re 72 580 100 20 re 172 580 100 20 re "  # two rows of two cells
_RAISED = _GRID.replace(b" 600 ", b" 700 ").replace(b" 580 ", b" 680 ")
_CELLS = b"BT /F1 10 Tf 80 606 Td (a) Tj 100 0 Td (b) Tj -100 -20 Td (c) Tj 100 0 Td (d) Tj ET"


@pytest.mark.parametrize(("drawing", "xobjects", "extra", "tables"), [
    (_GRID + b"S " + _CELLS, b"", (), [[["a", "b"], ["c", "d"]]]),  # ruled lines stroked
    (b"q 1 0 0 1 0 -150 cm /G Do Q " + _CELLS, b"/G 6 0 R",
     (b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 942] /Matrix [1 0 0 1 0 50] /Length %d >>\nstream\n"
      % len(_RAISED + b"S") + _RAISED + b"S\nendstream",), [[["a", "b"], ["c", "d"]]]),  # a form placed 100 points lower
    (b"q " + _GRID + b"W n Q " + _CELLS, b"", (), []),  # the same boxes only clip: no table
], ids=["lines", "lines-in-a-form", "clipping-boxes"])
def test_a_pdf_table_is_its_painted_ruled_lines(tmp_path, drawing, xobjects, extra, tables):
    """A table is found from the lines a page paints, drawn on the page or in a form it places
    (Word and WPS draw pages so); boxes that only clip what is drawn are no table."""
    from gipr_desktop.io.pdf_pages import extract

    (tmp_path / "t.pdf").write_bytes(_one_page_pdf(drawing, xobjects=xobjects, extra=extra))
    _, found = extract(str(tmp_path / "t.pdf"), "「t.pdf」")
    assert [table["rows"] for table in found] == tables


def test_a_published_pdfs_paragraph_is_read_as_printed(shared_fixtures_dir):
    """淮安's sub-heading 「（一）主动公开情况。」 is set in another font than the sentence it runs
    on into, on the same line: the line is read whole, with no spaces the page does not print."""
    report = read_report(shared_fixtures_dir / "huaian-city-2024.pdf").report
    text = "\n".join(report.sections.values())
    assert "（一）主动公开情况。2024 年，市政府网站主动公开各类政" in text
    assert "坚持“先审查、后公开”“一事一" in text


def test_a_justified_lines_small_gaps_are_no_spaces(tmp_path):
    """A justified line is set with small gaps between its letters (a TJ kerning of a quarter em):
    PDFium puts a space of its own in each, which is no character the page prints."""
    from gipr_desktop.io.pdf_pages import extract

    (tmp_path / "j.pdf").write_bytes(_one_page_pdf(b"BT /F1 10 Tf 72 700 Td [(re) -250 (port)] TJ ET"))
    lines, _ = extract(str(tmp_path / "j.pdf"), "「j.pdf」")
    assert [line["text"] for line in lines] == ["report"]
