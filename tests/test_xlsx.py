"""The submission spreadsheet: its official layout, reading it back, hand-filled sheets, hostile files."""

from __future__ import annotations

import math
import unicodedata
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from gipr_desktop.cli import main
from gipr_desktop.core.layout import VALUE, table_layout
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, get_format
from gipr_desktop.io import project
from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.workbook_labels import FINDINGS_SHEET, INFO_SHEET, table_sheet_name
from gipr_desktop.io import xlsx_writer
from gipr_desktop.io.xlsx_writer import TOP
from gipr_desktop.paths import resource

from tests.helpers import sample_report, zero_report

FORMULA_TEXT = "=HYPERLINK(\"http://x\",\"点此\")"


def full_report(format_id: str) -> Report:
    """Every cell of the format filled with a distinct value, optional rows included, odd texts."""
    report = Report(format=format_id, unit="-某某街道办事处", year=2020 if format_id == "2019" else 2023)
    for i, ref in enumerate(report.schema.cells()):
        kind = report.schema.column(ref).kind
        value = {"count": i, "signed": -i, "amount": Decimal(i) + Decimal("0.25")}[kind]
        report.set(ref, value)
    report.contact = "@联系人：张三\n电话：010-12345678"
    report.preamble = "+本报告依据条例编制。"
    report.published = "2024-01-20"
    for section in report.schema.sections:
        report.sections[section.id] = f"{section.title}的正文。\n第二段，含 100% 与 “引号”。"
    report.sections["5"] = FORMULA_TEXT
    return report


def export(report: Report, tmp_path, name: str = "report.xlsx"):
    path = tmp_path / name
    write_report(report, path)
    return path


# --- export ---------------------------------------------------------------------------------------


def test_each_table_on_its_own_sheet_in_the_official_shape(tmp_path):
    report = sample_report()
    fmt = report.schema
    book = openpyxl.load_workbook(export(report, tmp_path))
    assert book.sheetnames == [table_sheet_name(fmt, t) for t in fmt.tables] + [INFO_SHEET, FINDINGS_SHEET]
    for table in fmt.tables:
        sheet = book[table_sheet_name(fmt, table)]
        layout = table_layout(table)
        merged = {str(r) for r in sheet.merged_cells.ranges}
        for box in layout.boxes:
            top, left = TOP + box.row, 1 + box.col
            cell = sheet.cell(top, left)
            if box.rowspan > 1 or box.colspan > 1:
                bottom, right = top + box.rowspan - 1, left + box.colspan - 1
                assert f"{cell.coordinate}:{get_column_letter(right)}{bottom}" in merged
            if box.kind == VALUE:
                assert cell.value is None or isinstance(cell.value, (int, float))
                stored = Decimal(repr(cell.value)) if isinstance(cell.value, float) else cell.value
                assert stored == report.get(box.ref), fmt.cell_name(box.ref)
            else:
                assert cell.value == box.text
            assert cell.border.left.style == "thin"
        assert sheet.cell(1, 1).value == report.title
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.freeze_panes is not None and sheet.print_title_rows
        assert sheet.cell(1, 1).font.name == "宋体"


def test_amounts_are_decimal_numbers_and_empty_cells_stay_empty(tmp_path):
    report = zero_report()
    fee = CellRef("active", "fees", "amount")
    report.set(fee, Decimal("12.35"))
    gone = CellRef("applications", "new", "research")
    report.set(gone, None)
    book = openpyxl.load_workbook(export(report, tmp_path))
    fmt = report.schema
    for ref, expected in ((fee, 12.35), (gone, None)):
        sheet = book[table_sheet_name(fmt, fmt.table(ref.table))]
        row, col = table_layout(fmt.table(ref.table)).position(ref)
        assert sheet.cell(TOP + row, 1 + col).value == expected


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    book = openpyxl.load_workbook(export(full_report("2021"), tmp_path))
    formula_cells = [c for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formula_cells == []
    texts = {c.value: c for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in (FORMULA_TEXT, "-某某街道办事处", "+本报告依据条例编制。"):
        assert texts[text].data_type == "s" and texts[text].quotePrefix


def test_findings_of_the_checks_are_listed(tmp_path):
    report = zero_report()
    report.set(CellRef("review_litigation", "review", "upheld"), 2)
    sheet = openpyxl.load_workbook(export(report, tmp_path))[FINDINGS_SHEET]
    messages = [sheet.cell(r, 4).value for r in range(3, sheet.max_row + 1)]
    assert "行政复议·总计应为 2（各项之和），实为 0" in messages
    assert sheet.cell(3, 2).value == "错误"


def test_the_findings_sheet_prints_every_finding_in_full_within_the_page(tmp_path):
    """Wrapped texts used to overlap (no row heights) and the 涉及单元格 column ran off the page."""
    report = zero_report()
    for ref in list(report.cells)[::7]:
        report.set(ref, 3)  # many findings, naming many cells each
    sheet = openpyxl.load_workbook(export(report, tmp_path))[FINDINGS_SHEET]
    widths = [sheet.column_dimensions[get_column_letter(c)].width for c in range(1, 6)]
    # Excel's width unit: a digit of the default font, about 7 px at 96 dpi, plus 5 px of padding
    width_mm = sum(width * 7 + 5 for width in widths) * 25.4 / 96
    printable_mm = 297 - 25.4 * (sheet.page_margins.left + sheet.page_margins.right)
    assert sheet.page_setup.orientation == "landscape" and width_mm <= printable_mm
    assert sheet.max_row > 20
    for row in range(3, sheet.max_row + 1):
        for col in (4, 5):
            cell = sheet.cell(row, col)
            lines = math.ceil(xlsx_writer.display_width(cell.value) / widths[col - 1])
            assert cell.alignment.wrap_text
            assert sheet.row_dimensions[row].height >= 12 * lines, (row, col, cell.value)


def test_the_sample_report_exports_no_findings(tmp_path):
    sheet = openpyxl.load_workbook(export(sample_report(), tmp_path))[FINDINGS_SHEET]
    assert sheet.cell(2, 1).value == "未发现问题。"


# --- round trip -----------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", ["2021", "2019"])
def test_every_cell_and_text_comes_back(tmp_path, format_id):
    report = full_report(format_id)
    result = read_report(export(report, tmp_path))
    assert result.report == report
    assert result.notes == []


def test_empty_cells_come_back_empty_not_zero(tmp_path):
    report = sample_report()
    for ref in list(report.cells)[::3]:
        report.set(ref, None)
    report.sections["3"] = ""
    assert read_report(export(report, tmp_path)).report == report


def test_sample_report_round_trips_through_the_command_line(tmp_path, capsys):
    xlsx, back = tmp_path / "报告.xlsx", tmp_path / "back.gipr"
    assert main(["convert", str(resource("sample.gipr")), str(xlsx)]) == 0
    assert main(["convert", str(xlsx), str(back)]) == 0
    assert project.read(back).report == sample_report()


def test_text_longer_than_an_excel_cell_continues_beside_it(tmp_path):
    report = sample_report()
    report.sections["1"] = "很长的正文。" * 12_000  # 72,000 characters
    assert read_report(export(report, tmp_path)).report.sections["1"] == report.sections["1"]


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=25, deadline=None)
@given(unit=_TEXT, section=_TEXT)
def test_any_printable_text_round_trips(tmp_path_factory, unit, section):
    report = zero_report()
    report.unit, report.sections["6"] = unit, section
    back = read_report(export(report, tmp_path_factory.mktemp("t"))).report
    assert (back.unit, back.sections["6"]) == (unit, section)


# --- a sheet a person filled in from the official template ----------------------------------------


def _person_text(text: str) -> str:
    """How a person retypes a label: half-width brackets, a stray space."""
    text = unicodedata.normalize("NFKC", text)
    return text[:2] + " " + text[2:] if len(text) > 6 else text


def _person_number(value, i: int):
    if isinstance(value, Decimal):
        return f"{value:.2f}"  # typed as text
    return (str(value), value, unicodedata.normalize("NFKC", str(value)).translate({48 + d: 0xFF10 + d for d in range(10)}))[i % 3]


def person_workbook(report: Report, path) -> None:
    """All three tables on one sheet, moved, with a blank line and a blank column inside each, numbers
    partly as (full-width) text, table 四 without merged cells, and table 三's totals as formulas
    without stored results, as a spreadsheet program other than Excel leaves them."""
    fmt = report.schema
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"] = report.title
    top = 5
    for table in fmt.tables:
        layout = table_layout(table)
        sheet.cell(top, 2, f"{fmt.section(table.section).numeral}、{table.title}")
        top += 2
        blank_line = layout.header_rows + 2
        blank_col = max(layout.label_cols, 1)

        def line(r, top=top, blank_line=blank_line):
            return top + r + (r >= blank_line)

        def col(c, blank_col=blank_col):
            return 2 + c + (c >= blank_col)

        for i, box in enumerate(layout.boxes):
            r, c = line(box.row), col(box.col)
            r2, c2 = line(box.row + box.rowspan - 1), col(box.col + box.colspan - 1)
            if (r, c) != (r2, c2) and table.id != "review_litigation":
                sheet.merge_cells(start_row=r, start_column=c, end_row=r2, end_column=c2)
            if box.kind != VALUE:
                sheet.cell(r, c, _person_text(box.text))
            elif box.ref.row == "handled_total":
                sheet.cell(r, c, f"=SUM({get_column_letter(c)}{r - 22}:{get_column_letter(c)}{r - 1})")
            elif box.ref.col == "total" and table.id == "applications":
                sheet.cell(r, c, f"=SUM({get_column_letter(c - 7)}{r}:{get_column_letter(c - 1)}{r})")
            elif box.ref in report.cells:
                sheet.cell(r, c, _person_number(report.cells[box.ref], i))
        top = line(layout.rows) + 3
    book.save(path)


def test_a_hand_filled_official_template_is_read_by_its_labels(tmp_path):
    report = sample_report()
    report.year, report.contact, report.preamble, report.published = 2023, "", "", ""
    path = tmp_path / "填报.xlsx"
    person_workbook(report, path)
    result = read_report(path)
    assert result.report.cells == report.cells
    assert (result.report.unit, result.report.year, result.report.format) == (report.unit, 2023, "2021")
    recomputed = [n for n in result.notes if "公式" in n.message]
    assert recomputed and all(n.table == "applications" for n in recomputed)


def test_a_formula_total_whose_parts_are_missing_is_left_empty_and_said(tmp_path):
    report = sample_report()
    report.set(CellRef("applications", "new", "commercial"), None)
    path = tmp_path / "填报.xlsx"
    person_workbook(report, path)
    result = read_report(path)
    assert CellRef("applications", "new", "total") not in result.report.cells
    assert any(n.row == "new" and n.col == "total" and "无法" in n.message for n in result.notes)


def test_a_2019_format_sheet_is_recognised_by_its_labels(tmp_path):
    report = zero_report("2019", 2020)
    path = tmp_path / "2019.xlsx"
    person_workbook(report, path)
    result = read_report(path)
    assert result.report.format == "2019"
    assert result.report.cells == report.cells


def test_unreadable_numbers_are_left_empty_and_named(tmp_path):
    path = export(sample_report(), tmp_path)
    book = openpyxl.load_workbook(path)
    fmt = get_format("2021")
    ref = CellRef("applications", "disclosed", "natural_person")
    row, col = table_layout(fmt.table("applications")).position(ref)
    book[table_sheet_name(fmt, fmt.table("applications"))].cell(TOP + row, 1 + col, "约七件")
    book.save(path)
    result = read_report(path)
    assert ref not in result.report.cells
    assert any("（一）予以公开·自然人" in n.message and "约七件" in n.message for n in result.notes)


# --- bad and hostile files ------------------------------------------------------------------------


def _rewrite_member(path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in items:
            target.writestr(info.filename, data if info.filename == member else content)


def test_not_an_excel_file_is_refused(tmp_path):
    path = tmp_path / "假的.xlsx"
    path.write_text("这不是表格", encoding="utf-8")
    with pytest.raises(ReadError, match="不是有效的 ?Excel 文件"):
        read_report(path)


def test_a_truncated_file_is_refused(tmp_path):
    path = export(sample_report(), tmp_path)
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(ReadError, match="「report.xlsx」"):
        read_report(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = export(sample_report(), tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/bomb.bin", b"\0" * (12 * 1024 * 1024))
    with pytest.raises(ReadError, match="已拒绝打开"):
        read_report(path)


def test_an_archive_of_many_members_is_refused(tmp_path):
    path = export(sample_report(), tmp_path)
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(600):
            archive.writestr(f"xl/junk/{i}.xml", b"")
    with pytest.raises(ReadError, match="内部部件"):
        read_report(path)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""


def test_an_xml_entity_bomb_is_refused(tmp_path):
    path = export(sample_report(), tmp_path)
    _rewrite_member(path, "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    with pytest.raises(ReadError, match="不安全"):
        read_report(path)


def test_an_external_entity_is_refused(tmp_path):
    path = export(sample_report(), tmp_path)
    xxe = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>"""
    _rewrite_member(path, "xl/worksheets/sheet1.xml", xxe)
    with pytest.raises(ReadError, match="不安全"):
        read_report(path)


def test_a_sheet_declaring_a_million_rows_reads_quickly(tmp_path):
    path = export(sample_report(), tmp_path)
    book = openpyxl.load_workbook(path)
    book[INFO_SHEET]["XFD1048576"] = "远处的单元格"
    book.save(path)
    assert read_report(path).report == sample_report()


def test_a_workbook_without_a_report_is_refused(tmp_path):
    path = tmp_path / "空白.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "工资表"
    book.save(path)
    with pytest.raises(ReadError, match="没有找到年度报告"):
        read_report(path)


def test_a_word_file_renamed_to_xlsx_is_refused(tmp_path, shared_fixtures_dir):
    path = tmp_path / "template.xlsx"
    path.write_bytes((shared_fixtures_dir / "official-template-2021.docx").read_bytes())
    with pytest.raises(ReadError, match="不是有效的 ?Excel 文件"):
        read_report(path)


# --- the real reports -----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["000_555b38ce0adfb193.txt", "001_39a3bb303739f26f.txt", "002_c011582259751f09.txt",
                                  "003_3b6d8eb9ad11ab1a.txt", "004_a5beddac6e9ed429.txt"])
def test_every_seed_round_trips_through_xlsx(seeds_dir, tmp_path, seed):
    report = read_report(seeds_dir / seed).report
    result = read_report(export(report, tmp_path))
    assert result.report == report
    assert result.notes == []


@pytest.mark.parametrize("typed,value,note", [("-", 0, "已按 0 读取"), ("／", 0, "已按 0 读取"), ("1,234", 1234, None),
                                             ("５件", 5, None), (" 7 ", 7, None)])
def test_numbers_as_people_type_them(tmp_path, typed, value, note):
    path = export(sample_report(), tmp_path)
    book = openpyxl.load_workbook(path)
    fmt = get_format("2021")
    ref = CellRef("review_litigation", "direct_suit", "pending")
    row, col = table_layout(fmt.table(ref.table)).position(ref)
    book[table_sheet_name(fmt, fmt.table(ref.table))].cell(TOP + row, 1 + col, typed)
    book.save(path)
    result = read_report(path)
    assert result.report.cells[ref] == value
    notes = [n.message for n in result.notes if (n.row, n.col) == (ref.row, ref.col)]
    assert (len(notes) == 1 and note in notes[0]) if note else notes == []
