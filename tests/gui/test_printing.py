"""Printing for the leader's sign-off and exporting for submission: the same A4 pages on paper, in the
preview and in the PDF; the export dialog; the submission files in one step."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui import printing
from gipr_desktop.gui.dialogs import Dialogs
from gipr_desktop.gui.qt import QtCore, QtGui, QtWidgets
from gipr_desktop.io import docx_writer, pdf_unicode
from gipr_desktop.io.registry import read_report
from gipr_desktop.io.workbook_labels import FINDINGS_SHEET
from gipr_desktop.paths import resource
from tests.helpers import sample_report


def page_texts(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_printing_gives_the_pages_of_the_pdf_export(window, tmp_path):
    dialogs = window.context.dialogs
    dialogs.printer_file = str(tmp_path / "printed.pdf")
    window.print_report()
    dialogs.paths = [str(tmp_path / "导出的报告")]
    window.export_pdf()
    printed, exported = page_texts(tmp_path / "printed.pdf"), page_texts(tmp_path / "导出的报告.pdf")
    assert len(printed) >= 3
    assert printed == exported
    assert window.document.report.title in printed[0].replace("\n", "")
    for number, text in enumerate(printed, 1):
        assert text.rstrip().endswith(f"— {number} —")


def test_the_preview_shows_the_printed_pages(window, tmp_path):
    dialogs = window.context.dialogs
    dialogs.printer_file = str(tmp_path / "preview.pdf")
    window.print_preview()
    assert dialogs.previews == 1
    printing.write_pdf(window.document.report, tmp_path / "export.pdf")
    assert page_texts(tmp_path / "preview.pdf") == page_texts(tmp_path / "export.pdf")


def test_a_table_prints_alone_with_its_merged_headers_on_every_page(window, tmp_path):
    dialogs = window.context.dialogs
    dialogs.printer_file = str(tmp_path / "table.pdf")
    window.tabs.setCurrentWidget(window.grids["applications"])
    window.print_report()
    items, current = dialogs.offered[-1]
    assert items[0] == "整份报告" and items[current] == "表：三、收到和处理政府信息公开申请情况"
    pages = page_texts(tmp_path / "table.pdf")
    assert len(pages) >= 2  # table 三 does not fit on one A4 page in 五号
    for text in pages:
        assert "申请人情况" in text and "法人或其他组织" in text and "商业企" in text
    whole = "".join(pages)
    assert "三、收到和处理政府信息公开申请情况" in whole
    assert "六、其他需要报告的事项" not in whole and "行政复议" not in whole


def test_the_pages_chosen_in_the_print_dialog_are_printed(window, tmp_path):
    dialogs = window.context.dialogs
    dialogs.printer_file, dialogs.page_range = str(tmp_path / "pages.pdf"), (2, 3)
    window.print_report()
    printing.write_pdf(window.document.report, tmp_path / "all.pdf")
    assert page_texts(tmp_path / "pages.pdf") == page_texts(tmp_path / "all.pdf")[1:3]


def test_the_print_dialog_cancelled_prints_nothing(window, tmp_path):
    window.context.dialogs.printer_file = ""
    window.print_report()
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_missing_font_falls_back_without_failing(tmp_path, monkeypatch, qapp):
    monkeypatch.setattr(printing, "families", lambda name: ["没有这种字体"])
    printing.write_pdf(sample_report(), tmp_path / "fallback.pdf")
    assert len(page_texts(tmp_path / "fallback.pdf")) >= 3


def test_the_command_line_writes_the_pdf_without_a_screen(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "报告.pdf"
    done = subprocess.run([sys.executable, "-m", "gipr_desktop.cli", "convert", str(resource("sample.gipr")), str(target)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    printing.write_pdf(sample_report(), tmp_path / "window.pdf")
    assert page_texts(target) == page_texts(tmp_path / "window.pdf")


def test_the_pdf_text_says_what_its_pages_show_and_reads_back(qapp, tmp_path):
    """Qt named glyphs by radicals that look alike: the text said ⼈⺠政府 where the page shows 人民政府."""
    report = sample_report()
    printing.write_pdf(report, tmp_path / "report.pdf")
    text = "".join(page_texts(tmp_path / "report.pdf"))
    assert "人民政府" in text and "工作" in text
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)
    back = read_report(tmp_path / "report.pdf")
    assert [note.message for note in back.notes if "取自" not in note.message and note.kind != READ_BY] == []  # where a date was found is said
    assert sum(note.kind == READ_BY and "按原表格读取" in note.message for note in back.notes) == 3
    assert (back.report.unit, back.report.cells, back.report.sections) == (report.unit, report.cells, report.sections)


def test_a_paragraph_running_on_to_the_next_page_is_in_the_text_once(qapp, seeds_dir, tmp_path):
    """Qt drew a page's paragraph with its line from the page before, unseen above the page, and the
    PDF's text had that line twice."""
    report = read_report(seeds_dir / "001_39a3bb303739f26f.txt").report
    printing.write_pdf(report, tmp_path / "seed.pdf")
    pages = [text.split("\n") for text in page_texts(tmp_path / "seed.pdf")]
    assert len(pages) >= 3
    for page, following in zip(pages, pages[1:]):
        assert page[-2] not in following  # the last line of text above the page number
    back = read_report(tmp_path / "seed.pdf").report
    assert (back.cells, back.sections) == (report.cells, report.sections)


def test_a_heading_goes_over_with_its_table_and_a_split_label_stays_on_its_page(qapp, seeds_dir, tmp_path):
    report = read_report(seeds_dir / "000_555b38ce0adfb193.txt").report
    printing.write_pdf(report, tmp_path / "seed.pdf")
    headings = {section.title for section in report.schema.sections}
    with pdfplumber.open(tmp_path / "seed.pdf") as pdf:
        for page in pdf.pages:
            lines = (page.extract_text() or "").split("\n")
            assert lines[-2] not in headings  # the last line above the page number
            rules = [edge["top"] for edge in page.edges if edge["orientation"] == "h" and edge["top"] >= 0]
            above = "".join(word["text"] for word in page.extract_words()
                            if 0 <= word["top"] and word["bottom"] < min(rules, default=page.height))
            assert "不予" not in above  # (三) 不予公开, spanning rows on two pages, was printed in the margin


def test_every_table_stands_within_the_margins_of_the_word_export(qapp, tmp_path):
    """Table 四 (15 columns) stood 40 pt right of the text, past the right margin."""
    printing.write_pdf(sample_report(), tmp_path / "report.pdf")
    points = 72 / 25.4
    left, right = docx_writer.MARGINS["left_margin"].mm * points, docx_writer.MARGINS["right_margin"].mm * points
    with pdfplumber.open(tmp_path / "report.pdf") as pdf:
        rules = [edge["x0"] for page in pdf.pages for edge in page.edges
                 if edge["orientation"] == "v" and 0 <= edge["top"] <= page.height]
        assert len(rules) > 100
        assert left - 1 <= min(rules) and max(rules) <= pdf.pages[0].width - right + 1


def test_renaming_glyphs_keeps_every_offset_of_the_file():
    cmap = (b"1 0 obj\n<< /Length 99 >>\nstream\nbegincmap\n1 beginbfchar\n<2EA0> <2EA0>\nendbfchar\n"
            b"1 beginbfrange\n<2F08> <2F09> [<2F08> <4E00>]\nendbfrange\nendcmap\nendstream\n<2F08>")
    fixed = pdf_unicode.corrected_text(cmap, {0x2EA0: ord("民"), 0x2F08: ord("人")})
    assert len(fixed) == len(cmap)
    assert b"<2EA0> <6C11>" in fixed and b"[<4EBA> <4E00>]" in fixed
    assert fixed.endswith(b"<2F08>")  # glyph numbers and anything outside the maps stay


# --- the export dialog ------------------------------------------------------------------------------


def test_export_offers_the_spreadsheet_first_and_no_project_files(window, tmp_path):
    dialogs = window.context.dialogs
    window.export()
    title, filters, suggested = dialogs.exports[-1]
    assert filters[0] == "Excel 工作簿 (*.xlsx)" and suggested.endswith(".xlsx")
    assert not any(".gipr" in f or ".json" in f for f in filters)
    assert any("*.pdf" in f for f in filters) and any("*.docx" in f for f in filters)


def test_a_name_typed_without_extension_gets_the_chosen_type(window, tmp_path):
    dialogs = window.context.dialogs
    dialogs.paths = [str(tmp_path / "报送表")]
    window.export()
    assert [kind for kind, _, _ in dialogs.shown] == []
    assert read_report(tmp_path / "报送表.xlsx").report.cells == window.document.report.cells
    dialogs.paths, dialogs.export_filters = [str(tmp_path / "公开稿")], ["Word 文档 (*.docx)"]
    window.export()
    assert (tmp_path / "公开稿.docx").exists()


def test_export_starts_in_the_last_folder_with_the_spreadsheet_again(window, tmp_path):
    dialogs = window.context.dialogs
    folder = tmp_path / "年报"
    folder.mkdir()
    dialogs.paths, dialogs.export_filters = [str(folder / "a.docx")], ["Word 文档 (*.docx)"]
    window.export()
    window.export()
    _, _, suggested = dialogs.exports[-1]
    assert Path(suggested).parent == folder and suggested.endswith(".xlsx")


# --- the submission files ---------------------------------------------------------------------------


def test_the_submission_files_in_one_step_named_after_unit_and_year(window, tmp_path):
    dialogs = window.context.dialogs
    tmp_path = tmp_path / "报送"
    tmp_path.mkdir()
    dialogs.folders = [str(tmp_path)]
    window.export_submission()
    report = window.document.report
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"{report.title}{ext}" for ext in (".docx", ".pdf", ".xlsx"))
    assert report.unit in names[0] and str(report.year) in names[0]
    assert dialogs.questions() == []
    assert read_report(tmp_path / f"{report.title}.docx").report.cells == report.cells
    assert len(page_texts(tmp_path / f"{report.title}.pdf")) >= 3


def test_the_submission_warns_of_errors_and_lets_the_user_go_on(window, tmp_path):
    dialogs = window.context.dialogs
    tmp_path = tmp_path / "报送"
    tmp_path.mkdir()
    table = window.document.report.schema.table("applications")
    total = CellRef(table.id, table.rows[0].id, "total")
    model = window.models[table.id]
    model.setData(model.index_of(total), str(window.document.report.cells[total] + 2))
    dialogs.answers, dialogs.folders = [False], [str(tmp_path)]
    window.export_submission()
    assert "错误" in dialogs.questions()[-1] and list(tmp_path.iterdir()) == []
    dialogs.answers = [True]
    window.export_submission()
    assert len(list(tmp_path.glob("*.xlsx"))) == 1
    book = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx")))
    assert book[FINDINGS_SHEET].cell(3, 2).value == "错误"


def test_the_submission_asks_before_replacing_files(window, tmp_path):
    dialogs = window.context.dialogs
    dialogs.folders = [str(tmp_path), str(tmp_path)]
    window.export_submission()
    before = (tmp_path / f"{window.document.report.title}.xlsx").stat().st_mtime_ns
    dialogs.answers = [False]
    window.export_submission()
    assert "替换" in dialogs.questions()[-1]
    assert (tmp_path / f"{window.document.report.title}.xlsx").stat().st_mtime_ns == before


@pytest.mark.parametrize("title", ["打印(&P)…", "打印预览(&V)…", "导出 PDF(&D)…", "导出报送文件(&B)…"])
def test_the_file_menu_offers_printing_and_the_submission(window, title):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    assert title in texts
    if title.startswith("打印("):
        action = file_menu.actions()[texts.index(title)]
        assert action.shortcut().toString() == "Ctrl+P"


def test_the_real_preview_and_print_dialogs_open_and_close(qapp, qtbot):
    """The dialogs the window uses (not the scripted ones): the preview draws the pages; cancelling
    the print dialog prints nothing."""
    dialogs, drawn = Dialogs(), []
    pages = printing.report_pages(sample_report())

    def close_when_shown():
        modal = QtWidgets.QApplication.activeModalWidget()
        if modal is None:
            QtCore.QTimer.singleShot(50, close_when_shown)
        else:
            modal.reject()

    def paint(printer):
        drawn.append(printer)
        pages.print_on(printer)

    QtCore.QTimer.singleShot(50, close_when_shown)
    dialogs.print_preview(None, printing.new_printer(), paint)
    assert drawn
    QtCore.QTimer.singleShot(50, close_when_shown)
    assert dialogs.print_setup(None, printing.new_printer()) is False


PAGE_PHASES = 24  # one more paragraph each time moves the tables down a line: a page's height of lines


def _rows_across_pages(pages: printing.Pages) -> list[tuple[int, int]]:
    """(table, row) of each printed row whose own cells stand on two pages."""
    layout, height = pages.document.documentLayout(), pages.paper.height()
    tables = [frame for frame in pages.document.rootFrame().childFrames() if isinstance(frame, QtGui.QTextTable)]
    split = []
    for number, table in enumerate(tables):
        for row in range(table.rows()):
            cells = [cell for col in range(table.columns()) if (cell := table.cellAt(row, col)).row() == row
                     and cell.column() == col and cell.rowSpan() == 1]
            tops = {int(layout.blockBoundingRect(cell.firstCursorPosition().block()).top() // height) for cell in cells}
            ends = {int((layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() - 1) // height)
                    for cell in cells}
            if len(tops | ends) > 1:
                split.append((number, row))
    return split


def test_a_table_row_is_never_split_over_two_pages(qapp, tmp_path):
    """A row whose label runs over two lines stood across a page break: half its label at the foot of
    one page, the rest on the next under the repeated header, and its numbers above that header (the
    PDF read back without them). The sample is laid out with a paragraph of 0 … 23 more lines in
    section 一, so that a page break falls in every place of its tables, and that paragraph runs on
    to the next page (split there, which moves every table after it)."""
    base = sample_report()
    for lines in range(PAGE_PHASES):
        report = base.copy()
        report.sections["1"] = base.sections["1"] + "\n" + "本段落只为移动分页的位置。" * (2 * lines)  # ~a line more each
        assert _rows_across_pages(printing.report_pages(report)) == [], lines


def test_a_row_gone_over_to_the_next_page_reads_back_with_its_numbers(qapp, tmp_path):
    """The row above it keeps its numbers on its label's line, and every number is read back; so is
    the text, whose paragraph running on to the next page ends that page with a line not justified."""
    base = sample_report()
    for lines in (1, 10):  # two places where a row stood across the break before it went over whole
        report = base.copy()
        report.sections["1"] = base.sections["1"] + "\n本段落只为移动分页的位置。" * lines
        printing.write_pdf(report, tmp_path / "report.pdf")
        with pdfplumber.open(tmp_path / "report.pdf") as pdf:
            for page in pdf.pages:
                words = page.extract_words()
                for number in (word for word in words if word["text"].isdigit()):
                    assert sum(abs(word["top"] - number["top"]) < 3 for word in words) > 1, (lines, number)
        back = read_report(tmp_path / "report.pdf").report
        assert (back.cells, back.sections) == (report.cells, report.sections), lines


GLUED_TABLE_TWO = """某局2022年政府信息公开工作年度报告
⼀、总体情况
本年度依法公开，⼈⺠群众满意。本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 8855698
三、收到和处理政府信息公开申请情况
"""


def _plain_pdf(text: str, path: Path) -> Path:
    """``text`` as a PDF without ruled tables, written by Qt (whose text layer names radicals)."""
    document = QtGui.QTextDocument()
    document.setPlainText(text)
    writer = QtGui.QPdfWriter(str(path))
    document.print_(writer)
    del writer  # finishes the file
    return path


def test_last_years_report_splits_a_glued_row_of_a_pdf_as_of_a_text(qapp, tmp_path):
    """Last year's 现行有效 665 splits 「8855698」 into 88 | 55 | 698: the PDF reader was given no previous report."""
    from tests.fixture_truth import truth_report

    path = _plain_pdf(GLUED_TABLE_TWO, tmp_path / "glued.pdf")
    ref = CellRef("active", "normative_documents", "in_force")
    assert read_report(path).report.get(ref) is None
    assert read_report(path, previous=truth_report("004_pingtan_2021.txt")).report.get(ref) == 698


def test_a_pdf_whose_text_names_radicals_reads_as_its_pages_show(qapp, tmp_path):
    """A PDF's text layer said 「⼀、总体情况」「⼈⺠群众」 where its page shows 一、人民: the section text kept
    characters no one typed (no search finds 人民 in them)."""
    with pdfplumber.open(_plain_pdf(GLUED_TABLE_TWO.replace("⼀", "一").replace("⼈⺠", "人民"), tmp_path / "r.pdf")) as pdf:
        assert "⼀" in pdf.pages[0].extract_text() or "⼈" in pdf.pages[0].extract_text()  # Qt names radicals
    result = read_report(tmp_path / "r.pdf")
    assert result.report.sections["1"].startswith("本年度依法公开，人民群众满意。本机关坚持以公开为常态")
    assert any("部首" in note.message and "「⼈」为「人」" in note.message for note in result.notes)


def test_a_paragraph_whose_page_ends_a_line_short_reads_back_whole(qapp, tmp_path):
    """平潭 公安局 2024 printed: a page ends 「…作客电台等方」, two characters short of the margin (「式，」
    went over together: 「，」 may not begin a line), and the next page goes on 「式，多层面…」; the text
    read back broke the sentence there into two paragraphs."""
    from tests.fixture_truth import REPORTS

    report = read_report(REPORTS / "012_pingtan_gonganju_2024.txt").report
    printing.write_pdf(report, tmp_path / "report.pdf")
    assert read_report(tmp_path / "report.pdf").report.sections == report.sections


def test_no_real_reports_printout_splits_a_row_over_two_pages(qapp):
    """Every real report of tests/fixtures/reports as printed: tables after paragraphs split at a
    page turn were missed (their place in the document had moved), and five printouts split a row."""
    from tests.fixture_truth import REPORTS

    split = {}
    for path in sorted(REPORTS.glob("*.txt")):
        rows = _rows_across_pages(printing.report_pages(read_report(path).report))
        if rows:
            split[path.name] = rows
    assert split == {}
