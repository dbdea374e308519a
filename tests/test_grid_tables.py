"""The one header/label locator (io/grid_tables.py) on the real tables of Word files, web pages and
PDFs: every cell where it stands, merged cells kept, a table broken in two put back together, and
a cell that cannot be placed left empty and named, never shifted."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.grid_tables import Grid, broken_line
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.text_import import parse_report_text
from tests.fixture_truth import REPORTS

SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))


def _seed(path: Path):
    return parse_report_text(path.read_text(encoding="utf-8"), source=path.name).report


def _read_as(result) -> list[str]:
    return [note.message for note in result.notes if note.kind == READ_BY]


@pytest.mark.parametrize("extension", [".docx", ".html"])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_a_seed_written_as_word_or_web_page_reads_back_from_its_tables(seed, extension, tmp_path):
    report = _seed(seed)
    write_report(report, tmp_path / f"r{extension}")
    back = read_report(tmp_path / f"r{extension}")
    assert back.report.cells == report.cells
    assert _read_as(back) == [f"表「{table.title}」按原表格读取" for table in report.schema.tables]


def _word_tables(report, path: Path):
    write_report(report, path)
    document = docx.Document(str(path))
    return document, {table.id: word for table, word in zip(report.schema.tables, document.tables)}


SEED_2021 = next(p for p in SEEDS if p.name.startswith("001_"))


def test_a_table_broken_over_two_pages_with_its_header_repeated_reads_as_one(tmp_path):
    """The second piece repeats the header rows, as Word and PDF do after a page break."""
    report = _seed(SEED_2021)
    document, tables = _word_tables(report, tmp_path / "r.docx")
    table = tables["applications"]._tbl
    rows = table.findall(docx.oxml.ns.qn("w:tr"))
    second = copy.deepcopy(table)
    for tr in second.findall(docx.oxml.ns.qn("w:tr"))[3:15]:  # header (3 rows) kept, first 12 lines cut
        second.remove(tr)
    for tr in rows[15:]:
        table.remove(tr)
    paragraph = document.add_paragraph("（续表）")._p
    table.addnext(paragraph)
    paragraph.addnext(second)
    document.save(str(tmp_path / "broken.docx"))
    back = read_report(tmp_path / "broken.docx")
    assert len(docx.Document(str(tmp_path / "broken.docx")).tables) == 4
    assert {r: v for r, v in back.report.cells.items() if r.table == "applications"} == \
           {r: v for r, v in report.cells.items() if r.table == "applications"}
    assert "表「收到和处理政府信息公开申请情况」按原表格读取" in _read_as(back)


def test_a_word_row_that_lost_a_cell_is_left_empty_and_named_not_shifted(tmp_path):
    report = _seed(SEED_2021)
    report.set(CellRef("applications", "new", "commercial"), 7)  # a row whose numbers differ
    report.set(CellRef("applications", "new", "total"), report.get(CellRef("applications", "new", "total")) + 7)
    document, tables = _word_tables(report, tmp_path / "r.docx")
    new_line = tables["applications"].rows[3]._tr
    cells = new_line.findall(docx.oxml.ns.qn("w:tc"))
    new_line.remove(cells[-3])  # one value cell gone: the row is a cell short
    document.save(str(tmp_path / "short.docx"))
    back = read_report(tmp_path / "short.docx")
    row = [CellRef("applications", "new", column.id) for column in report.schema.table("applications").row("new").columns]
    assert [back.report.get(ref) for ref in row] == [None] * 7
    assert any(note.row == "new" and "未能读取" in note.message for note in back.notes)
    others = {r: v for r, v in report.cells.items() if r.table == "applications" and r.row != "new"}
    assert {r: v for r, v in back.report.cells.items() if r in others} == others


def test_a_word_cell_that_is_no_number_is_left_empty_and_named(tmp_path):
    report = _seed(SEED_2021)
    document, tables = _word_tables(report, tmp_path / "r.docx")
    tables["applications"].rows[3].cells[-1].text = "见附件"
    document.save(str(tmp_path / "text.docx"))
    back = read_report(tmp_path / "text.docx")
    ref = CellRef("applications", "new", "total")
    assert back.report.get(ref) is None
    assert any((note.row, note.col) == ("new", "total") and "见附件" in note.message for note in back.notes)
    assert {r: v for r, v in back.report.cells.items()} == {r: v for r, v in report.cells.items() if r != ref}


def test_a_web_table_with_rowspans_places_the_rows_under_them(tmp_path):
    """Under 「三、本年度办理结果」 (rowspan) the lines start a column further right; without the
    rowspan kept, 「（一）予以公开」's numbers would stand one column to the left."""
    page = """<html><body><p>某局2024年政府信息公开工作年度报告</p><table>
    <tr><td colspan="2" rowspan="2">本列数据的勾稽关系</td><td colspan="7">申请人情况</td></tr>
    <tr><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
    <tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td><td></td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
    <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
    <tr><td>（七）总计</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
    </table></body></html>"""
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    back = read_report(tmp_path / "r.html")
    columns = [c.id for c in back.report.schema.table("applications").row("new").columns]
    got = {row: [back.report.get(CellRef("applications", row, c)) for c in columns] for row in ("new", "disclosed", "handled_total")}
    assert got == {"new": [5, 1, None, 0, 0, 0, 6], "disclosed": [3, 1, 0, 0, 0, 0, 4], "handled_total": [3, 1, 0, 0, 0, 0, 4]}
    assert any("原文空白 1 栏（科研机构）" in note.message for note in back.notes)


def test_a_sheet_without_a_title_has_its_year_and_unit_found_as_in_any_document(tmp_path):
    """Title, unit and year are found once, by the text side, in the cells outside the tables."""
    import openpyxl

    from tests.helpers import sample_report
    from tests.test_xlsx import person_workbook

    report = sample_report()
    person_workbook(report, tmp_path / "filled.xlsx")
    book = openpyxl.load_workbook(tmp_path / "filled.xlsx")
    book.active["B2"] = "本报告统计期限为2023年1月1日至2023年12月31日。"
    book.save(tmp_path / f"{report.unit}2023年政府信息公开工作年度报告.xlsx")
    back = read_report(tmp_path / f"{report.unit}2023年政府信息公开工作年度报告.xlsx")
    assert (back.report.year, back.report.unit) == (2023, report.unit)
    messages = [note.message for note in back.notes]
    assert "报告年度取自正文中的统计期限" in messages
    assert any(message.startswith("机关名称取自文件名") for message in messages)


def _v_merge(tc, value: str | None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    merge = OxmlElement("w:vMerge")
    if value:
        merge.set(qn("w:val"), value)
    tc.get_or_add_tcPr().append(merge)


def test_a_word_label_merged_over_two_lines_with_its_numbers_on_the_second(tmp_path):
    """「四、结转下年度继续办理」 in a cell two lines high (vMerge), the numbers on its second line."""
    from docx.oxml.ns import qn

    report = _seed(SEED_2021)
    report.set(CellRef("applications", "carry_forward", "natural_person"), 2)
    report.set(CellRef("applications", "carry_forward", "total"), report.get(CellRef("applications", "carry_forward", "total")) + 2)
    document, tables = _word_tables(report, tmp_path / "r.docx")
    top = tables["applications"].rows[-1]._tr
    below = copy.deepcopy(top)
    top.addnext(below)
    top_cells, below_cells = top.findall(qn("w:tc")), below.findall(qn("w:tc"))
    _v_merge(top_cells[0], "restart")
    _v_merge(below_cells[0], None)
    for paragraph in below_cells[0].findall(qn("w:p"))[1:]:
        below_cells[0].remove(paragraph)
    for run in below_cells[0].iter(qn("w:t")):
        run.text = ""
    for tc in top_cells[1:]:
        for run in tc.iter(qn("w:t")):
            run.text = ""
    document.save(str(tmp_path / "tall.docx"))
    back = read_report(tmp_path / "tall.docx")
    row = [CellRef("applications", "carry_forward", c.id) for c in report.schema.table("applications").row("carry_forward").columns]
    assert [back.report.get(ref) for ref in row] == [report.get(ref) for ref in row]
    assert back.report.cells == report.cells


def test_the_published_pdfs_tables_keep_their_merged_cells(shared_fixtures_dir):
    """From the boxes of the cells pdfplumber finds: 「（三）不予公开」 over its eight lines, 「行政复议」
    over its five columns, each given once at its top-left."""
    from gipr_desktop.io.pdf_pages import extract

    _, tables = extract(str(shared_fixtures_dir / "huaian-city-2024.pdf"), "淮安")
    merged = {table["rows"][r1 - 1][c1 - 1].replace("\n", ""): (r1, c1, r2, c2)
              for table in tables for r1, c1, r2, c2 in table["merges"]}
    assert merged["（三）不予公开"] == (8, 2, 15, 2)
    assert merged["行政复议"] == (1, 1, 1, 5) and merged["未经复议直接起诉"] == (2, 6, 2, 10)
    assert merged["三、本年度办理结果"] == (6, 1, 16, 1)


def _row_cells(word_table, label_start: str):
    from docx.oxml.ns import qn

    for tr in word_table._tbl.findall(qn("w:tr")):
        cells = tr.findall(qn("w:tc"))
        if any("".join(t.text or "" for t in tc.iter(qn("w:t"))).startswith(label_start) for tc in cells):
            return cells
    raise AssertionError(label_start)


def _set_text(tc, text: str) -> None:
    from docx.oxml.ns import qn

    runs = list(tc.iter(qn("w:t")))
    for i, run in enumerate(runs):
        run.text = text if i == 0 else ""


def test_a_line_with_its_label_cut_short_and_no_numbers_is_unread_not_blank(tmp_path):
    """At a page break the rest of 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」 and its
    numbers may not come with the table: the row is said unread, never printed blank."""
    report = _seed(SEED_2021)
    document, tables = _word_tables(report, tmp_path / "r.docx")
    cells = _row_cells(tables["applications"], "（二）部分公开")
    label = next(i for i, tc in enumerate(cells) if "部分公开" in "".join(t.text or "" for t in tc.iter(docx.oxml.ns.qn("w:t"))))
    _set_text(cells[label], "（二）部分公开（区分处理的，只计这一情")
    for tc in cells[label + 1:]:
        _set_text(tc, "")
    document.save(str(tmp_path / "cut.docx"))
    back = read_report(tmp_path / "cut.docx")
    notes = [note.message for note in back.notes if note.row == "partial"]
    assert notes and "未能读取" in notes[0] and not any("原文空白" in note for note in notes)
    assert not any(ref.row == "partial" for ref in back.report.cells)


def test_a_label_broken_at_a_page_break_is_read_from_the_line_with_its_numbers():
    """The first piece ends with 「（二）部分公开（区分处理的，只计这一情」, the second repeats the
    header and goes on 「形，不计其他情形）」 with the numbers (as pdfplumber gives a PDF's pages)."""
    header = [["申请人情况", "", "", "", "", "", "", ""],
              ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
              ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    first = [*header, ["一、本年新收政府信息公开申请数量", "9", "1", "0", "0", "0", "0", "10"],
             ["（二）部分公开（区分处理的，只计这一情", "", "", "", "", "", "", ""]]
    second = [*header, ["形，不计其他情形）", "2", "1", "0", "0", "0", "0", "3"],
              ["（七）总计", "9", "1", "0", "0", "0", "0", "10"]]
    result = parse_report_text("某局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n", tables=[first, second])
    columns = [c.id for c in result.report.schema.table("applications").row("new").columns]
    assert [result.report.get(CellRef("applications", "partial", c)) for c in columns] == [2, 1, 0, 0, 0, 0, 3]
    assert [result.report.get(CellRef("applications", "handled_total", c)) for c in columns] == [9, 1, 0, 0, 0, 0, 10]
    assert any("（二）部分公开" in note.message and "分两行" in note.message for note in result.notes)


def test_the_pdf_cells_are_read_as_pdfplumber_reads_them(shared_fixtures_dir):
    import pdfplumber

    from gipr_desktop.io.pdf_pages import _cell_texts

    with pdfplumber.open(str(shared_fixtures_dir / "huaian-city-2024.pdf")) as pdf:
        for page in pdf.pages:
            for table in page.find_tables():
                assert _cell_texts(table, page.chars) == [[cell or "" for cell in row] for row in table.extract()]


def test_a_word_table_of_merges_larger_than_a_report_is_refused(tmp_path):
    """One cell 64 columns wide continued down thousands of lines: a few kilobytes that stand for
    hundreds of thousands of grid positions; refused, never expanded."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from gipr_desktop.io.errors import ReadError

    document = docx.Document()
    document.add_paragraph("某局2024年政府信息公开工作年度报告")
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "一、本年新收政府信息公开申请数量"
    tr = table.rows[0]._tr
    tc = tr.findall(qn("w:tc"))[0]
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "64")
    tc.get_or_add_tcPr().append(span)
    _v_merge(tc, "restart")
    for _ in range(5000):
        line = copy.deepcopy(tr)
        merge = line.find(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:vMerge')}")
        merge.attrib.clear()
        for text in line.iter(qn("w:t")):
            text.text = ""
        table._tbl.append(line)
    document.save(str(tmp_path / "merges.docx"))
    with pytest.raises(ReadError, match="表格过大"):
        read_report(tmp_path / "merges.docx")


def test_a_table_printed_blank_in_a_word_file_is_said_blank_not_unread(tmp_path):
    from gipr_desktop.core.checks import check

    report = _seed(SEED_2021)
    for ref in [ref for ref in report.cells if ref.table == "active"]:
        del report.cells[ref]
    write_report(report, tmp_path / "r.docx")
    back = read_report(tmp_path / "r.docx")
    said = [f.message for f in check(back.report, notes=back.notes) if "主动公开政府信息情况" in f.message]
    assert said and all("原文各栏均为空白" in message for message in said)


@pytest.mark.parametrize("path", [SEEDS[2], Path(__file__).parent / "fixtures" / "reports" / "001_shanghai_szfbgt_2019.txt"],
                         ids=["cells one a row", "header apart from its columns"])
def test_a_page_pasted_without_its_spans_reads_as_its_text_does(path, tmp_path):
    """Tables whose cells stand in no grid (every cell a row of its own; 「复议后起诉」 printed beside
    「未经复议直接起诉」 instead of over its five columns) are read as their text is, never by position."""
    from tests.test_text_import_input import _html_page

    text = path.read_text(encoding="utf-8")
    (tmp_path / "pasted.html").write_text(_html_page(text), encoding="utf-8")
    back = read_report(tmp_path / "pasted.html").report
    truth = parse_report_text(text, source=path.name).report.cells
    assert back.cells.items() <= truth.items()  # nothing the text does not say
    assert {r: v for r, v in back.cells.items() if r.table != "review_litigation"} == \
           {r: v for r, v in truth.items() if r.table != "review_litigation"}


def test_table_four_with_a_blank_under_a_header_one_line_higher_keeps_its_group():
    """行政复议's results stand a line higher than the suits' (their two-line merge not known, as in an
    .ods saved by LibreOffice); its blank 结果纠正 is the group's line, not the line under its header."""
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    grid = [["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
            results + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            [""] * 5 + results + results,
            ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]]
    from gipr_desktop.io.grid_tables import Grid
    from gipr_desktop.io.sheet_tables import read_grids

    result = read_grids([Grid.from_rows([["某局2019年政府信息公开工作年度报告"], *grid], "四")], "「x.ods」")
    columns = ("upheld", "corrected", "other", "pending", "total")
    assert [result.report.get(CellRef("review_litigation", "review", c)) for c in columns] == [5, None, None, 2, 7]
    assert [result.report.get(CellRef("review_litigation", "direct_suit", c)) for c in columns] == [8, None, None, 1, 9]


@pytest.mark.parametrize("name", ["101_huaian_hongzequ_2023.pdf", "102_huaian_hongzequ_2024.pdf"])
def test_a_damaged_label_in_a_real_table_is_read_by_similarity_and_its_place(name):
    """洪泽区's PDFs print 「2.其他法律行政止公开」 (法规禁 lost) between 1.属于国家秘密 and
    3.危及“三安全一稳定”: read as that row, and said."""
    result = read_report(REPORTS / name)
    row = result.report.schema.table("applications").row("withheld_law")
    assert [result.report.get(CellRef("applications", "withheld_law", c.id)) for c in row.columns] == [0] * 7
    assert any("「2.其他法律行政止公开」与「（三）不予公开·2.其他法律行政法规禁止公开」相近" in note.message
               for note in result.notes)


REVIEW_HEADER = [["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
                 ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]]


def test_table_four_with_its_header_line_broken_at_a_page_break_reads_whole():
    """Word and LibreOffice let a row break over pages: table 四's last header line printed 「结果 | 结果
    | 其他 | 尚未」 at the foot of a page and 「维持 | 纠正 | 结果 | 审结」 with the numbers on the next
    (as pdfplumber gives the pages of the official template filled in and printed by LibreOffice)."""
    first = [*REVIEW_HEADER, ["", "", "", "", "", "结果", "结果", "其他", "尚未", "总计", "结果", "结果", "其他", "尚未", "总计"]]
    second = [["", "", "", "", "", "维持", "纠正", "结果", "审结", "", "维持", "纠正", "结果", "审结", ""],
              ["1", "0", "2", "0", "3", "4", "0", "0", "1", "5", "0", "0", "0", "0", "0"]]
    result = parse_report_text("某局2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n",
                               tables=[first, second])
    table = result.report.schema.table("review_litigation")
    cells = [result.report.get(CellRef(table.id, row.id, column.id)) for row in table.rows for column in row.columns]
    assert cells == [1, 0, 2, 0, 3, 4, 0, 0, 1, 5, 0, 0, 0, 0, 0]


def test_lines_of_two_pages_are_never_joined_where_both_print_numbers():
    """Two lines at a page break, each with its own numbers, are two rows: joining them would put
    「10」 where the original prints 1 and 0."""
    first = [*REVIEW_HEADER, ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                              "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
             ["1", "0", "2", "0", "3", "4", "0", "0", "1", "5", "0", "0", "0", "0", "0"]]
    second = [["1", "0", "2", "0", "3", "4", "0", "0", "1", "5", "0", "0", "0", "0", "0"]]
    result = parse_report_text("某局2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n",
                               tables=[first, second])
    assert not any(value == 10 or value == 11 for value in result.report.cells.values())
    assert result.report.get(CellRef("review_litigation", "review", "total")) == 3
    label_above, label_below = Grid.from_rows([["5.要求行政机关确认或重新出具", "1"]]), Grid.from_rows([["已获取信息", "0"]])
    assert not broken_line(label_above, label_below)
    assert broken_line(Grid.from_rows([["5.要求行政机关确认或重新出具", ""]]), label_below)
    assert not broken_line(Grid.from_rows([["结果", ""]]), Grid.from_rows([["", "0"]]))  # no column goes on


def test_the_filled_template_printed_by_libreoffice_reads_table_four_across_the_page():
    """tests/data/template-2021-filled-lo.pdf: the official template filled in with 平潭 财金局 2023
    (tests/fixtures/reports/013) and printed to PDF by LibreOffice; table 四's header breaks over pages."""
    back = read_report(Path(__file__).parent / "data" / "template-2021-filled-lo.pdf").report
    truth = parse_report_text((REPORTS / "013_pingtan_caijinju_2023.txt").read_text(encoding="utf-8")).report
    assert {r: v for r, v in back.cells.items() if r.table == "review_litigation"} == \
           {r: v for r, v in truth.cells.items() if r.table == "review_litigation"}


def test_table_four_with_its_line_of_numbers_alone_on_the_next_page_reads_whole():
    """The template's table 四 repeats no header: at a page break its line of numbers stands alone
    on the next page (LibreOffice's print of the template filled in with 平潭 管委会办公室 2022)."""
    first = [*REVIEW_HEADER, ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                              "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]]
    second = [["0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]]
    result = parse_report_text("某局2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n",
                               tables=[first, second])
    assert result.report.get(CellRef("review_litigation", "direct_suit", "upheld")) == 1
    assert result.report.get(CellRef("review_litigation", "direct_suit", "total")) == 1
    assert len([ref for ref in result.report.cells if ref.table == "review_litigation"]) == 15
