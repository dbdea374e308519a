"""Text copied out of a PDF viewer in reading order (issue 12, class 3): row labels printed before or
after their numbers, header words among them, rows printed close together come column by column.
The table is read by its known shape and the schema's arithmetic, never by adjacency alone: what a
user sees is every cell the original prints, or the cell empty and named — never another number."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.schema import CellRef, get_format
from gipr_desktop.io.text_import import parse_report_text
from gipr_desktop.io.text_import.sections import drop_page_footers
from gipr_desktop.io.text_import.strategies import blocks, headed_numbers
from tests.fixture_truth import BY_STEM, EXPECTED

PDF_TEXT = Path(__file__).parent / "fixtures" / "reports" / "pdf_text"
APPLICATIONS = get_format("2021").table("applications")


def _read(name: str):
    return parse_report_text((PDF_TEXT / name).read_text(encoding="utf-8"), source=name)


def _truth(stem: str, table_id: str) -> dict[CellRef, object]:
    rows = EXPECTED[BY_STEM[stem]]["tables"][table_id]
    return {CellRef(table_id, r, c): Decimal(str(v)) if isinstance(v, float) else v
            for r, cols in rows.items() for c, v in cols.items() if v is not None}


def _read_by(result, table_id: str) -> str:
    title = result.report.schema.table(table_id).title
    said = [note.message for note in result.notes if note.kind == READ_BY and f"表「{title}」" in note.message]
    return said[0].split("按「", 1)[1].removesuffix("」读取") if said else ""


@pytest.mark.parametrize("stem", ["101_huaian_hongzequ_2023", "102_huaian_hongzequ_2024"])
def test_a_published_pdf_copied_in_reading_order_reads_table_three_whole(stem):
    """The 洪泽区 PDFs' own `pdftotext`: （一）（二） a cell a paragraph, then ten (2024: nine) rows
    printed column by column, four (five) more on the next page, （六） and （七） two by two, the labels
    of most rows printed away from their numbers. Every cell of table 三 as printed, （六） as one row."""
    result = _read(f"{stem}.pdftotext.txt")
    truth = _truth(stem, "applications")
    got = {ref: result.report.get(ref) for ref in truth}
    assert got == truth
    assert _read_by(result, "applications") == blocks.STRATEGY.name
    assert not [ref for ref in result.report.cells if ref.table == "applications" and ref not in truth]


# --- a small text of the layout, made here ----------------------------------------------------------

ROWS = [row for row in APPLICATIONS.rows if not row.optional]


def _grid() -> list[list[int]]:
    """A table 三 that adds up (R1–R3), with distinct numbers in the rows printed by column."""
    parts = {row.id: [0] * 6 for row in ROWS}
    parts["disclosed"] = [5, 1, 0, 0, 0, 0]
    parts["withheld_state_secret"] = [2, 0, 0, 0, 1, 0]
    parts["withheld_law"] = [1, 3, 0, 0, 0, 0]
    parts["unavailable_not_held"] = [4, 0, 0, 2, 0, 0]
    parts["other_misc"] = [0, 0, 1, 0, 0, 0]
    results = [r.id for r in ROWS if r.id not in ("new", "carried_over", "handled_total", "carry_forward")]
    parts["handled_total"] = [sum(parts[r][i] for r in results) for i in range(6)]
    parts["carry_forward"] = [1, 0, 0, 0, 0, 0]
    parts["carried_over"] = [0, 1, 0, 0, 0, 0]
    parts["new"] = [h + c - o for h, c, o in zip(parts["handled_total"], parts["carry_forward"], parts["carried_over"])]
    return [parts[row.id] + [sum(parts[row.id])] for row in ROWS]


def _copy(grid: list[list[int]], by_column: range) -> str:
    """The table as a reading-order copy prints it: a cell a paragraph, except the rows ``by_column``,
    printed a column at a time (its numbers on consecutive lines), their labels after them."""
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织",
             "法律服务机构", "其他", "总计", ""]
    for i, row in enumerate(ROWS):
        if i in by_column:
            if i == by_column.start:
                for column in range(7):
                    lines += [str(grid[k][column]) for k in by_column] + [""]
                lines += [ROWS[k].label for k in by_column] + [""]
            continue
        lines += [row.label, ""] + [part for value in grid[i] for part in (str(value), "")]
    return "\n".join(["某某局2023年政府信息公开工作年度报告", "一、总体情况", "略。", *lines,
                      "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "略。",
                      "六、其他需要报告的事项", "无。"]) + "\n"


def _cells(report) -> list[list]:
    return [[report.get(CellRef("applications", row.id, c.id)) for c in row.columns] for row in ROWS]


def test_rows_printed_column_by_column_are_read_by_the_tables_shape():
    grid = _grid()
    result = parse_report_text(_copy(grid, range(4, 14)), source="copy.txt")
    assert _cells(result.report) == grid
    assert _read_by(result, "applications") == blocks.STRATEGY.name


def test_a_block_whose_arithmetic_fails_is_not_read_and_nothing_is_wrong():
    """One number of the rows printed by column changed: no reading adds up; the rows whose labels
    are printed with their numbers are read, the others stay empty and are named."""
    grid = _grid()
    text = _copy(grid, range(4, 14))
    changed = text.replace("\n2\n0\n", "\n7\n0\n", 1)
    assert changed != text
    result = parse_report_text(changed, source="copy.txt")
    got = _cells(result.report)
    assert all(value in (None, want) for row, wanted in zip(got, grid) for value, want in zip(row, wanted))
    assert got[4] == [None] * 7
    assert any(note.row == ROWS[4].id and "未能读取" in note.message for note in result.notes)


def test_a_number_more_or_less_than_the_table_holds_is_not_read_by_order():
    """The table's shape is exactly its cells: a stray number (or one lost) leaves the rows printed
    away from their labels empty, however the rest would add up."""
    grid = _grid()
    text = _copy(grid, range(4, 14))
    for damaged in (text.replace("总计\n\n", "总计\n\n9\n\n", 1), text.replace("\n\n0\n\n", "\n\n", 1)):
        assert damaged != text
        got = _cells(parse_report_text(damaged, source="copy.txt").report)
        assert all(value in (None, want) for row, wanted in zip(got, grid) for value, want in zip(row, wanted))
        assert got[4] == [None] * 7


@pytest.mark.parametrize("stem", ["021_pingtan_gonganju_2021", "028_pingtan_jingfaju_2023"])
def test_rows_apart_from_their_labels_in_a_table_that_does_not_balance_are_read_as_printed(stem):
    """021 and 028 print a balance of the year that does not hold (R3, the originals' own error); in
    the LibreOffice PDF copied in reading order the labels of the seven rows from （五）4. on are
    printed away from their numbers. Every other row is read by its own label and the numbers left
    make exactly those seven rows: they are read as printed, 结转下年度继续办理 too, which only the
    failing balance takes in, and the notes name them for the user to check."""
    result = _read(f"{stem}.lo.pdftotext.txt")
    truth = _truth(stem, "applications")
    for row_id in ("rejected_mass", "rejected_confirmation", "other_no_correction", "other_no_fee", "other_misc",
                   "handled_total", "carry_forward"):
        refs = [ref for ref in truth if ref.row == row_id]
        assert [result.report.get(ref) for ref in refs] == [truth[ref] for ref in refs], row_id
    assert any("已按表格行序配对" in note.message and APPLICATIONS.row_name("carry_forward") in note.message
               for note in result.notes)


def test_a_table_whose_column_sums_fail_reads_the_rows_the_balance_confirms():
    """003 (2020) prints a （七）总计 that is not the sum of the result rows (R2, the original's error) but
    balances the year (R3): its two last rows, printed apart from their labels, are read as printed."""
    result = _read("003_pingtan_2020.lo.pdftotext.txt")
    truth = _truth("003_pingtan_2020", "applications")
    for row_id in ("handled_total", "carry_forward"):
        refs = [ref for ref in truth if ref.row == row_id]
        assert [result.report.get(ref) for ref in refs] == [truth[ref] for ref in refs], row_id


# --- table 二: a row's label apart from its numbers by its group's headers --------------------------

@pytest.mark.parametrize(("name", "rows"), [
    ("002_pingtan_2019.lo.pdftotext.txt", ("fees", "central_procurement")),  # headers, numbers, label
    ("003_pingtan_2020.lo.pdftotext.txt", ("fees", "central_procurement")),  # label, headers, numbers
    ("101_huaian_hongzequ_2023.pdftotext.txt", ("licensing", "fees")),  # the published PDF's own copy
    ("102_huaian_hongzequ_2024.pdftotext.txt", ("licensing",)),
])
def test_table_two_rows_printed_apart_from_their_labels_by_the_headers_are_read_and_said(name, rows):
    result = _read(name)
    truth = _truth(name.split(".")[0], "active")
    assert {ref: result.report.get(ref) for ref in truth} == truth
    assert _read_by(result, "active") == headed_numbers.STRATEGY.name
    said = [note.message for note in result.notes if "隔着栏目名称印刷" in note.message]
    assert len(said) == 1 and all(result.report.schema.table("active").row_name(r) in said[0] for r in rows)


TABLE_TWO = """某某局2023年政府信息公开工作年度报告
一、总体情况
略。
二、主动公开政府信息情况
第二十条第（一）项
信息内容
本年制发件数
本年废止件数
现行有效件数
规章
1
0
5
行政规范性文件
2
1
9
第二十条第（五）项
信息内容
本年处理决定数量
{licensing}
第二十条第（六）项
信息内容
本年处理决定数量
行政处罚
30
行政强制
4
第二十条第（八）项
信息内容
{fees}
三、收到和处理政府信息公开申请情况
"""


@pytest.mark.parametrize(("licensing", "fees", "read"), [
    ("55\n行政许可", "行政事业性收费\n本年收费金额（单位：万元）\n1.5", (55, Decimal("1.5"))),
    ("行政许可\n55", "本年收费金额（单位：万元）\n1.5\n行政事业性收费", (55, Decimal("1.5"))),
    ("55\n66\n行政许可", "1.5\n本年收费金额（单位：万元）\n行政事业性收费", (None, None)),  # two numbers; none after the header
])
def test_a_table_two_row_takes_only_the_numbers_its_headers_and_label_enclose(licensing, fees, read):
    result = parse_report_text(TABLE_TWO.format(licensing=licensing, fees=fees), source="copy.txt")
    got = tuple(result.report.get(CellRef("active", row, col)) for row, col in (("licensing", "decisions"), ("fees", "amount")))
    assert got == read
    assert result.report.get(CellRef("active", "penalty", "decisions")) == 30
    for row_id, value in zip(("licensing", "fees"), read):
        if value is None:
            assert any(note.row == row_id for note in result.notes), row_id


def test_numbers_between_two_rows_labels_that_could_each_own_them_are_read_by_neither():
    """「行政许可 本年处理决定数量 55 行政处罚」 with 行政处罚's own numbers nowhere: 55 is 行政许可's by its
    headers and 行政处罚's by its place before the label — neither is taken."""
    text = TABLE_TWO.replace("第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n30\n", "第二十条第（六）项\n信息内容\n")
    text = text.format(licensing="行政许可\n本年处理决定数量\n55\n行政处罚", fees="行政事业性收费\n本年收费金额（单位：万元）\n1.5")
    result = parse_report_text(text, source="copy.txt")
    assert result.report.get(CellRef("active", "licensing", "decisions")) is None
    assert result.report.get(CellRef("active", "penalty", "decisions")) is None
    assert result.report.get(CellRef("active", "fees", "amount")) == Decimal("1.5")


# --- table 四 printed after the next heading ---------------------------------------------------------

@pytest.mark.parametrize("order", ["pdftotext", "pdftotext-layout"])
def test_table_four_printed_after_the_next_heading_is_read(order):
    """012's LibreOffice PDF copied as text prints the heading 四, then 五 and its paragraphs, then
    table 四 (the table begins a page): the table is read where it is printed."""
    result = _read(f"012_pingtan_gonganju_2024.lo.{order}.txt")
    truth = _truth("012_pingtan_gonganju_2024", "review_litigation")
    assert {ref: result.report.get(ref) for ref in truth} == truth


def test_a_row_two_readings_that_both_add_up_put_different_numbers_in_is_left_empty_and_named():
    """Where the numbers can be cut into rows two ways that both add up, only the rows both ways read
    alike are read; the others stay empty, each named."""
    from gipr_desktop.io.text_import.numbers import CellText

    def cells(values):
        return [CellText(str(v), value=v) for v in values]

    rows = ROWS[:2]
    first = cells([1, 0, 0, 0, 0, 0, 1] + [2, 0, 0, 0, 0, 0, 2])
    second = cells([1, 0, 0, 0, 0, 0, 1] + [0, 2, 0, 0, 0, 0, 2])
    reading = blocks._agreed(APPLICATIONS, [(rows, first), (rows, second)])
    assert reading.rows_found == {"new"}
    assert CellRef("applications", "carried_over", "total") not in reading.values
    assert [note.row for note in reading.notes] == ["carried_over"]


# --- pages numbered by a bare number ------------------------------------------------------------------

def _bare_footers(text: str) -> str:
    """The copy as a PDF numbering its pages 「3」 rather than 「-3-」 prints it."""
    bare = re.sub(r"(?m)^([ \t]*)[-—]\s*(\d+)\s*[-—][ \t]*$", r"\1\2", text)
    assert bare != text
    return bare


@pytest.mark.parametrize("stem", ["101_huaian_hongzequ_2023", "102_huaian_hongzequ_2024"])
def test_bare_page_numbers_of_a_pdf_copy_are_no_cells(stem):
    """洪泽区's own copies with each page numbered by a bare number: the same report is read, though
    2024's page 2 prints its number between 「行政许可」 and 「本年处理决定数量 9487」."""
    text = (PDF_TEXT / f"{stem}.pdftotext.txt").read_text(encoding="utf-8")
    dashed = parse_report_text(text, source=stem).report
    bare = parse_report_text(_bare_footers(text), source=stem).report
    assert bare.cells == dashed.cells
    assert bare.sections == dashed.sections


def test_a_page_number_printed_inside_a_page_is_dropped_and_a_cell_of_that_number_kept():
    """103's LibreOffice PDF in reading order: page 7 prints 「—7—」 between the two halves of table 四,
    whose 复议后起诉 row prints a 7 of its own further down the page. The footer goes, the cell stays."""
    pages = [f"第{i}页的正文\n—{i}—\n" for i in range(1, 7)]
    pages.append("行政复议\n40\n0\n—7—\n复议后起诉\n6\n0\n9\n7\n22\n")
    pages.append("五、存在的主要问题及改进情况\n—8—\n")
    kept = drop_page_footers("\f".join(pages)).split("\f")
    assert kept[6].split() == ["行政复议", "40", "0", "复议后起诉", "6", "0", "9", "7", "22"]
    assert "—8—" not in kept[7] and "—3—" not in kept[2]


def test_numbers_that_end_pages_without_counting_them_are_kept():
    """A bare number that ends a page is a page's number only where the pages' last lines count the
    pages: cells that happen to end pages are kept."""
    pages = ["规章\n3\n\n0\n", "行政许可\n5\n", "行政处罚\n0\n", "行政强制\n7\n"]
    assert drop_page_footers("\f".join(pages)) == "\f".join(pages)
    numbered = "\f".join(page + f"\n{i}\n" for i, page in enumerate(pages, 1))
    assert drop_page_footers(numbered) == "\f".join(page + "\n" for page in pages)


COPIES_IN_READING_ORDER = sorted(path for path in PDF_TEXT.glob("*.lo.pdftotext*.txt") if "layout" not in path.name)


LOST_NUMBER_LINES = {  # copy -> lines (1-based) whose number, taken out, once gave a cell another number
    "011_shuyang_xianzhengfu_2025.lo.pdftotext.txt": (622,),  # （六）3.其他's 1: its 143 read as 其他, 总计 blank
    "103_shanghai_szfbgt_2025.lo.pdftotext.txt": (140,),  # 规章's 22: 「235」 alone read as 2 | 3 | 5
    "008_pingtan_2025.lo.pdftotext.txt": (183,),  # （一）予以公开's 33: the other 「33」 read as 3 | 3
}


@pytest.mark.parametrize("path", COPIES_IN_READING_ORDER, ids=lambda path: path.name.split(".")[0])
def test_a_copy_that_lost_a_number_gets_no_cell_wrong(path):
    """Each stored reading-order copy with one number taken out (two places, chosen the same way on
    every run, and the places in ``LOST_NUMBER_LINES``), as a cell printed blank or a damaged copy
    loses it: every cell is still read right or left empty. A number printed alone on its line is
    one cell, never digits of two run together."""
    import random

    from tests.fixture_truth import truth_report

    truth = truth_report(BY_STEM[path.name.split(".lo.")[0]])
    lines = path.read_text(encoding="utf-8").split("\n")
    numbers = [i for i, line in enumerate(lines) if re.fullmatch(r"\s*\d+\s*", line)]
    places = random.Random(path.name).sample(numbers, 2) + [at - 1 for at in LOST_NUMBER_LINES.get(path.name, ())]
    for at in places:
        report = parse_report_text("\n".join(lines[:at] + lines[at + 1:]), source=path.name).report
        assert {ref: report.get(ref) for ref, value in truth.cells.items() if report.get(ref) not in (None, value)} == {}, at
        assert set(report.cells) <= set(truth.cells), at


def _rows_a_number_a_paragraph(lines: list[str]) -> list[int]:
    """Where a row's seven numbers begin, each a paragraph of its own (a number, an empty line)."""
    number = [bool(re.fullmatch(r"\s*\d+\s*", line)) for line in lines]
    return [i for i in range(len(lines) - 12) if all(number[i + 2 * k] for k in range(7))]


COPIES_WITH_ROWS_APART = [path for path in COPIES_IN_READING_ORDER
                          if _rows_a_number_a_paragraph(path.read_text(encoding="utf-8").split("\n"))]


@pytest.mark.parametrize("path", COPIES_WITH_ROWS_APART, ids=lambda path: path.name.split(".")[0])
def test_a_copy_that_lost_a_whole_rows_numbers_gets_no_cell_wrong(path):
    """Each stored reading-order copy with the seven numbers of one row taken out (one place, chosen
    the same way on every run), as a row printed blank leaves no trace: every cell is still read right
    or left empty — 017's page after （五）4., a row of zeros short, must not give 3.其他 the 11 of
    （七）总计, whose row the report's text also quotes."""
    import random

    from tests.fixture_truth import truth_report

    truth = truth_report(BY_STEM[path.name.split(".lo.")[0]])
    lines = path.read_text(encoding="utf-8").split("\n")
    places = [random.Random(path.name).choice(_rows_a_number_a_paragraph(lines))]
    if path.name == "017_pingtan_jiaojianju_2022.lo.pdftotext.txt":
        places.append(520)
    for at in places:
        text = "\n".join(line for i, line in enumerate(lines) if i not in {at + 2 * k for k in range(7)})
        report = parse_report_text(text, source=path.name).report
        assert {ref: report.get(ref) for ref, value in truth.cells.items() if report.get(ref) not in (None, value)} == {}, at


def _without_the_runs_last_number(text: str, label: str) -> str:
    """``text`` less the last number of the run printed after ``label``, one number a line: a copy
    of a table whose last row of that run printed its 总计 blank (the 上海科委 2024 report's
    「四、结转下年度继续办理」 does), which such a copy keeps no trace of."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == label)
    last = None
    for i in range(start + 1, len(lines)):
        if re.fullmatch(r"\s*\d+\s*", lines[i]):
            last = i
        elif lines[i].strip():
            break
    return "\n".join(lines[:last] + lines[last + 1:])


def test_a_run_of_several_rows_numbers_one_short_is_read_where_only_one_blank_lets_every_row_add_up():
    """008's rows （五）4. … （七）总计 are printed as one run of 42 numbers after the first row's label,
    their labels after it. With （七）总计's 总计 printed blank the run is one number short: only a blank
    in that very place lets every row add up, so every other cell is read, and that one stays empty."""
    path = PDF_TEXT / "008_pingtan_2025.lo.pdftotext.txt"
    text = path.read_text(encoding="utf-8")
    whole = parse_report_text(text).report
    short = parse_report_text(_without_the_runs_last_number(text, "4.无正当理由大量反复申请")).report
    blank = CellRef("applications", "handled_total", "total")
    assert whole.get(blank) == 148 and short.get(blank) is None
    assert {ref: value for ref, value in whole.cells.items() if ref != blank} == short.cells


def test_a_run_of_rows_of_zeros_one_short_leaves_those_rows_empty_and_named():
    """020's run of six rows, most of them 0, one number short: the blank may stand in many cells, so
    none of them is read, each is named, and no other cell changes. 结转下年度继续办理, printed among
    the words of the next page's header with its own seven numbers after it, keeps them."""
    path = PDF_TEXT / "020_pingtan_jingfaju_2025.lo.pdftotext.txt"
    text = path.read_text(encoding="utf-8")
    whole = parse_report_text(text).report
    result = parse_report_text(_without_the_runs_last_number(text, "4.无正当理由大量反复申请"))
    run = ["rejected_mass", "rejected_confirmation", "other_no_correction", "other_no_fee", "other_misc",
           "handled_total"]
    assert {ref: value for ref, value in whole.cells.items() if ref.row not in run} == result.report.cells
    named = {note.row for note in result.notes if note.table == "applications" and "未能读取" in note.message}
    assert set(run) <= named


def test_group_captions_numbered_in_arabic_figures_keep_the_rows_labels():
    # 059's PDF copy (-layout) with its groups numbered 「(1)」「(2)」「(7)」 as some bodies' tables print
    # them: 「三、   (1)予以公开   23 0 … 23」 is the row （一）予以公开 after its part's 「三、」
    import re

    text = (PDF_TEXT / "059_pingtan_ziranziyuanju_2024.lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    numbered = re.sub(r"（([一二三四五六七])）(予以公开|部分公开|总计)",
                      lambda m: f"({'一二三四五六七'.index(m.group(1)) + 1}){m.group(2)}", text)
    assert numbered != text
    before, after = parse_report_text(text).report, parse_report_text(numbered).report
    assert after.cells == before.cells


def test_the_total_row_printed_without_its_number_is_the_row_not_the_column_header():
    # 「总计」 is also table 三's last column: printed alone among a PDF copy's headers it is a header, but a
    # line 「总计  33  2  0  0  0  0  35」 (a table that prints the row without 「（七）」) is the row. Read as a
    # header, the row went unread on a browser's copy of 009 (its -layout copy read it by position)
    text = (PDF_TEXT / "009_shanghai_kewei_2024.lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    unnumbered = text.replace("（七）总计", "总计")
    assert unnumbered != text
    before, after = parse_report_text(text).report, parse_report_text(unnumbered).report
    assert after.cells == before.cells
    from gipr_desktop.io import markup_writer
    from tests.fixture_truth import truth_report
    from tests.helpers import flattened

    page = markup_writer.html_dumps(truth_report("009_shanghai_kewei_2024.txt"))
    copied = flattened(page, "\t", "\n")  # a browser's copy: a row a line, its cells tab-separated
    assert "\n（七）总计\t" in copied
    assert parse_report_text(copied.replace("（七）总计", "总计")).report.cells == parse_report_text(copied).report.cells
