"""Tables that exist only as text, in the layouts real copies print them, each read by its named
strategy (io/text_import/strategies) and said in the import notes. The texts are real:
tests/fixtures/reports/SOURCES.md says how each copy was made."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.labels import strip_ordinal
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report
from gipr_desktop.io.text_import import parse_report_text
from gipr_desktop.io.text_import.strategies import STRATEGIES
from gipr_desktop.io.text_import.strategies.base import arithmetic_confirms
from gipr_desktop.io.text_import.tables import UNREAD
from tests.fixture_truth import BY_STEM, EXPECTED, truth_report
from tests.test_word_and_text import HUAIAN

REPORTS = Path(__file__).parent / "fixtures" / "reports"
PDF_TEXT = REPORTS / "pdf_text"


def _read_report(name: str):
    return read_report(REPORTS / name)


def _read(name: str):
    return parse_report_text((PDF_TEXT / name).read_text(encoding="utf-8"), source=name)


def _table(report, table_id: str) -> list[list]:
    table = report.schema.table(table_id)
    return [[report.get(CellRef(table_id, row.id, column.id)) for column in row.columns]
            for row in table.rows if not row.optional]


def _damaged(path: Path, printed: str, damaged: str, source: str = ""):
    """The text at ``path`` read with ``printed`` (its first occurrence) replaced by ``damaged``."""
    text = path.read_text(encoding="utf-8")
    changed = text.replace(printed, damaged, 1)
    assert changed != text
    return parse_report_text(changed, source=source or path.name)


def _row(result, table_id: str, row_id: str) -> list:
    return [result.report.get(CellRef(table_id, row_id, c.id)) for c in result.report.schema.table(table_id).row(row_id).columns]


def _read_by(result, table_id: str) -> str:
    title = result.report.schema.table(table_id).title
    said = [note.message for note in result.notes if note.kind == READ_BY and f"表「{title}」" in note.message]
    assert len(said) == 1, said
    return said[0].split("按「", 1)[1].removesuffix("」读取")


@pytest.mark.parametrize("copy", ["huaian_2024.pdftotext-layout.txt", "huaian_2024.pdfjs.txt"])
def test_pdftotext_layout_copy_reads_every_cell(copy):
    """`pdftotext -layout` of the 淮安 PDF: columns of numbers separated by runs of spaces; table 四
    is one line of fifteen numbers; two labels are broken around their line of numbers. Firefox's
    viewer (pdf.js) copies it a row a line, its cells one space apart, table 四 on a line too."""
    result = _read(copy)
    for table_id, rows in HUAIAN.items():
        assert _table(result.report, table_id) == rows, table_id
    assert _read_by(result, "review_litigation") == "一行数字印在表头下"


def test_pdftotext_reading_order_copy_reads_by_the_tables_shape_and_arithmetic():
    """`pdftotext` (reading order) of the 淮安 PDF: the labels of （一）（二） and of the rows after
    （五）4. are printed away from their numbers, header words interleave, one token per line.
    The numbers come in table order and every row, column and balance adds up: table 三 is read
    by its shape. Table 四's groups come in an order its totals contradict: the first group is
    read, the two whose order is not certain are left empty and named."""
    result = _read("huaian_2024.pdftotext.txt")
    report = result.report
    assert _table(report, "active") == HUAIAN["active"]
    assert _table(report, "applications") == HUAIAN["applications"]
    assert _read_by(result, "applications") == "PDF 复制文字：数字按表格行序，行名错位"
    review = _table(report, "review_litigation")
    assert review == [HUAIAN["review_litigation"][0], [None] * 5, [None] * 5]
    table = report.schema.table("review_litigation")
    for row_id in ("direct_suit", "suit_after_review"):
        assert any(note.row == row_id and table.row_name(row_id) in note.message and "未能读取" in note.message
                   for note in result.notes), row_id


COPIES = sorted(path.name for path in PDF_TEXT.glob("*.lo.*.txt"))
KNOWN_WRONG: dict = {}  # copy -> an xfail mark naming a known defect of the importer (none today)


def copies_of(name: str):
    return _read(name), truth_report(BY_STEM[name.split(".lo.")[0]])


@pytest.fixture(scope="module")
def copies():
    return {name: copies_of(name) for name in COPIES}


def test_every_real_report_has_its_three_pdf_text_copies():
    made = {name for name in COPIES if name.endswith((".lo.pdftotext.txt", ".lo.pdftotext-layout.txt", ".lo.pdfium.txt"))}
    assert len(made) == 3 * len(EXPECTED)


@pytest.mark.parametrize("name", [pytest.param(n, marks=KNOWN_WRONG.get(n, ())) for n in COPIES])
def test_pdf_text_copies_never_get_a_number_wrong(copies, name):
    """The program's Word export of each real report, through LibreOffice's PDF and pdftotext in
    both orders, and as a browser's PDF viewer copies it (PDFium): a cell is read right or left
    empty, never given another number."""
    result, truth = copies[name]
    wrong = {ref: (value, result.report.get(ref)) for ref, value in truth.cells.items()
             if result.report.get(ref) not in (None, value)}
    assert wrong == {}
    assert set(result.report.cells) <= set(truth.cells)



@pytest.mark.parametrize("name", COPIES)
def test_a_row_the_notes_say_was_not_read_holds_no_number(copies, name):
    """The notes never contradict the table: a row they name as not read (未能读取) is empty."""
    result, _ = copies[name]
    for note in result.notes:
        if note.row and UNREAD in note.message:
            table = result.report.schema.table(note.table)
            held = [result.report.get(CellRef(table.id, note.row, column.id)) for column in table.row(note.row).columns]
            assert held == [None] * len(held), note.message


LAYOUT_COPIES = [name for name in COPIES if name.endswith(".lo.pdftotext-layout.txt")
                 and not name.startswith("103_")]  # 103's PDF→markdown copy prints rows without their blanks


@pytest.mark.parametrize("name", LAYOUT_COPIES)
def test_a_layout_copy_reads_every_cell(copies, name):
    """`pdftotext -layout` keeps each row on its line, its cells in their columns: every cell is read."""
    result, truth = copies[name]
    assert [ref for ref in truth.cells if result.report.get(ref) is None] == []

# one real text per strategy: the file, and the table of it that the strategy reads
STRATEGY_FIXTURES = {
    "detached": ("009_shanghai_kewei_2024.txt", "applications"),
    "by_label": ("010_shuyang_fagaiju_2023.txt", "applications"),  # one cell per line
    "table_order": ("pdf_text/huaian_2024.pdftotext.txt", "applications"),
    "group_rows": ("011_shuyang_xianzhengfu_2025.txt", "review_litigation"),
    "one_row": ("pdf_text/huaian_2024.pdftotext-layout.txt", "review_litigation"),
    "regrouped": ("pdf_text/huaian_2024.pdftotext.txt", "review_litigation"),
    "labels_after": ("pdf_text/008_pingtan_2025.lo.pdftotext.txt", "applications"),
    "layout_columns": ("pdf_text/001_shanghai_szfbgt_2019.lo.pdftotext-layout.txt", "applications"),
    "blocks": ("pdf_text/101_huaian_hongzequ_2023.pdftotext.txt", "applications"),
    "headed_numbers": ("pdf_text/102_huaian_hongzequ_2024.pdftotext.txt", "active"),
    "headed_columns": ("pdf_text/104_shanghai_szfbgt_2019.lo.pdftotext-layout.txt", "review_litigation"),
}


def test_every_strategy_has_a_real_fixture():
    assert {strategy.read.__module__.rsplit(".", 1)[1] for strategy in STRATEGIES} == set(STRATEGY_FIXTURES)


@pytest.mark.parametrize("module", STRATEGY_FIXTURES)
def test_the_notes_say_which_strategy_read_the_table(module):
    name, table_id = STRATEGY_FIXTURES[module]
    path = REPORTS / name
    result = parse_report_text(path.read_text(encoding="utf-8"), source=path.name)
    strategy = next(s for s in STRATEGIES if s.read.__module__.endswith("." + module))
    assert _read_by(result, table_id) == strategy.name


# --- labels damaged -------------------------------------------------------------------------------


def test_a_long_label_with_a_character_lost_or_wrong_is_read_by_similarity_and_place_and_said():
    """010 (one cell per line, as the page prints it) with two labels damaged as OCR damages them:
    「需要」 lost a character, 「内容」 became 「内客」."""
    name = "010_shuyang_fagaiju_2023.txt"
    text = (REPORTS / name).read_text(encoding="utf-8")
    damaged = text.replace("2.没有现成信息需要另行制作", "2.没有现成信息需另行制作").replace(
        "3.补正后申请内容仍不明确", "3.补正后申请内客仍不明确")
    assert damaged.count("需另行制作") == 1 and damaged.count("内客") == 1
    result = parse_report_text(damaged, source=name)
    undamaged = parse_report_text(text, source=name)
    assert result.report.cells == undamaged.report.cells
    assert _table(result.report, "applications") == _table(undamaged.report, "applications")
    for row_id in ("unavailable_needs_creation", "unavailable_unclear"):
        assert CellRef("applications", row_id, "total") in result.report.cells, row_id
    said = [note.message for note in result.notes if "相近" in note.message]
    assert len(said) == 2 and any("「2.没有现成信息需另行制作」" in message for message in said)


@pytest.mark.parametrize("name, printed, damaged, row_id", [
    ("010_shuyang_fagaiju_2023.txt", "3.补正后申请内容仍不明确", "3.补正后申请某某仍不明确", "unavailable_unclear"),
    ("010_shuyang_fagaiju_2023.txt", "行政事业性收费", "行政事业型收费", "fees"),
    ("062_sanming_shizhengfu_2022.txt", "行政事业性收费", "行政事业型收费", "fees"),
])
def test_a_label_too_damaged_to_be_like_any_row_is_read_in_the_one_place_it_can_stand(name, printed, damaged, row_id):
    """A label damaged past likeness on its own (two characters of 「补正后申请内容仍不明确」, 「性」 for 「型」
    in a label of seven), printed between the rows before and after it in the table, where that one row
    alone can stand: it is that row's label, its cells are read, and the notes say so."""
    path = REPORTS / name
    result = _damaged(path, printed, damaged)
    original = parse_report_text(path.read_text(encoding="utf-8"), source=name)
    table = result.report.schema.table("applications" if row_id.startswith("unavailable") else "active")
    assert _row(result, table.id, row_id) == _row(original, table.id, row_id) != [None] * len(table.row(row_id).columns)
    assert result.report.cells == original.report.cells
    assert any("相近" in note.message and damaged in note.message for note in result.notes)


def test_a_damaged_label_in_a_gap_of_two_rows_is_not_taken():
    """Two neighbouring labels damaged alike stand in a gap two rows wide: neither is taken, their
    numbers are not read, and both rows are named."""
    name = "010_shuyang_fagaiju_2023.txt"
    text = (REPORTS / name).read_text(encoding="utf-8")
    damaged = text.replace("2.没有现成信息需要另行制作", "2.没有现成某某需要另行制作").replace(
        "3.补正后申请内容仍不明确", "3.补正后申请某某仍不明确")
    result = parse_report_text(damaged, source=name)
    for row_id in ("unavailable_needs_creation", "unavailable_unclear"):
        assert result.report.get(CellRef("applications", row_id, "total")) is None
        assert any(note.row == row_id for note in result.notes)


def test_a_damaged_label_out_of_its_place_in_the_table_is_not_taken():
    """The same damaged label printed before the rows that precede it is no row: its numbers are
    not read, and the row is named."""
    text = ("三、收到和处理政府信息公开申请情况\n"
            "3.补正后申请内客仍不明确\t1\t0\t0\t0\t0\t0\t1\n"
            "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n"
            "1.本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2\n")
    result = parse_report_text(text)
    assert result.report.get(CellRef("applications", "unavailable_unclear", "total")) is None
    assert result.report.get(CellRef("applications", "unavailable_not_held", "total")) == 2
    assert any(note.row == "unavailable_unclear" for note in result.notes)


def test_letter_spaced_labels_are_the_labels():
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本 年 新 收 政 府 信 息 公 开 申 请 数 量\t3\t0\t0\t0\t0\t0\t3\n")
    assert parse_report_text(text).report.get(CellRef("applications", "new", "total")) == 3


@pytest.mark.parametrize("printed", ["8（其中修订3件）", "8(其中修订3件)", "8 （其中修订3件）"])
def test_a_note_printed_in_a_cell_is_left_out_and_said(printed):
    """010 with the note a drafter wrote into the cell of 本年制发件数 ("22（其中修订16件）")."""
    name = "010_shuyang_fagaiju_2023.txt"
    text = (REPORTS / name).read_text(encoding="utf-8").replace("规范性文件\n8\n", f"规范性文件\n{printed}\n", 1)
    assert printed in text
    result = parse_report_text(text, source=name)
    assert [result.report.get(CellRef("active", "normative_documents", c)) for c in ("issued", "repealed", "in_force")] == [8, 0, 18]
    assert any("其中修订3件" in note.message and note.row == "normative_documents" for note in result.notes)


def test_a_note_moved_out_of_its_cell_ends_nothing_and_is_no_number():
    text = ("二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
            "行政规范性文件\t22\t3\t40\n（其中修订16件）\n行政许可\t5\n")
    report = parse_report_text(text).report
    assert [report.get(CellRef("active", "normative_documents", c)) for c in ("issued", "repealed", "in_force")] == [22, 3, 40]
    assert report.get(CellRef("active", "licensing", "decisions")) == 5


# --- glued digits in table 二, split by what the report and last year's say ------------------------

ISSUED = CellRef("active", "normative_documents", "issued")


def _normative(report) -> list:
    return [report.get(CellRef("active", "normative_documents", c)) for c in ("issued", "repealed", "in_force")]


def test_a_glued_row_of_table_two_is_split_by_the_counts_the_narrative_states():
    """005 prints 「行政规范性文件8855698」 and says 「现行有效行政规范性文件698件」「制发的规范性文件88件」."""
    result = _read_report("005_pingtan_2022.txt")
    assert _normative(result.report) == [88, 55, 698]
    assert any("8855698" in note.message and "正文所述" in note.message and "拆分为 88 55 698" in note.message
               for note in result.notes)


def test_a_glued_row_of_table_two_is_split_by_last_years_stock_when_the_previous_report_is_given():
    """005 with its narrative counts taken out: only 2021's 现行有效 665 (004) is known, and
    665 + 88 − 55 = 698 is the one split that carries it over."""
    text = (REPORTS / "005_pingtan_2022.txt").read_text(encoding="utf-8")
    text = text.replace("现行有效行政规范性文件698件", "现行有效行政规范性文件").replace("制发的规范性文件88件", "制发的规范性文件")
    alone = parse_report_text(text, source="005")
    assert _normative(alone.report) == [None, None, None]
    assert any(note.row == "normative_documents" and "未能读取" in note.message for note in alone.notes)
    result = parse_report_text(text, source="005", previous=truth_report("004_pingtan_2021.txt"))
    assert _normative(result.report) == [88, 55, 698]
    assert any("上年报告的现行有效件数（665）" in note.message for note in result.notes)


def test_a_glued_row_the_narrative_contradicts_stays_empty_and_named():
    """006 prints 「行政规范性文件77132470」 but says 现行有效 393 (and 005 leaves 698 + 77 − 132 = 643):
    no split agrees with everything known."""
    text = (REPORTS / "006_pingtan_2023.txt").read_text(encoding="utf-8")
    result = parse_report_text(text, source="006", previous=truth_report("005_pingtan_2022.txt"))
    assert _normative(result.report) == [None, None, None]
    assert any(note.row == "normative_documents" and "77132470" in note.message and "不符" in note.message
               for note in result.notes)


# --- a cell lost from a row -----------------------------------------------------------------------


def test_a_row_whose_numbers_do_not_add_up_is_left_empty_and_named_never_shifted():
    """淮安's layout copy with its 本年新收 printed with its 自然人 3001 moved behind the total, as
    008's reading-order copy prints a row under a page's repeated header: seven numbers, but the
    total is not the sum of the others, and this row is printed where the table's order holds."""
    row = truth_report("008_pingtan_2025.txt").schema.table("applications").row("new")
    text = (PDF_TEXT / "huaian_2024.pdftotext-layout.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("一、本年新收"))
    label, *numbers = line.split()
    moved = text.replace(line, "  ".join([label, *numbers[1:], numbers[0]]))
    assert numbers == ["3001", "53", "0", "0", "61", "4", "3119"] and moved != text
    result = parse_report_text(moved, source="huaian")
    assert [result.report.get(CellRef("applications", "new", c.id)) for c in row.columns] == [None] * 7
    assert any(note.row == "new" and "总计不等于各栏之和" in note.message for note in result.notes)


def test_two_laid_out_rows_moved_alike_do_not_place_each_others_columns():
    """淮安's layout copy with the numbers of 本年新收 and 上年结转 both moved one column to the right
    (the total first) and set in the same wrong columns: neither adds up, and neither may vouch for
    the other's columns — only rows that add up place them — so both stay empty."""
    text = (PDF_TEXT / "huaian_2024.pdftotext-layout.txt").read_text(encoding="utf-8")
    for start in ("一、本年新收", "二、上年结转"):
        line = next(line for line in text.splitlines() if line.startswith(start))
        label, *numbers = line.split()
        text = text.replace(line, label + "".join(f"{n:>9}" for n in [numbers[-1], *numbers[:-1]]))
    result = parse_report_text(text, source="huaian")
    for row_id in ("new", "carried_over"):
        row = result.report.schema.table("applications").row(row_id)
        assert [result.report.get(CellRef("applications", row_id, c.id)) for c in row.columns] == [None] * 7, row_id


def test_a_blank_lost_from_a_one_cell_per_line_row_leaves_the_row_empty_and_named():
    """010 prints one cell per line and a blank cell as a line holding a space; one of those lines
    lost: the row has six cells, and the next row's numbers are not taken for its seventh."""
    name = "010_shuyang_fagaiju_2023.txt"
    result = _damaged(REPORTS / name, "1.属于国家秘密\n0\n \n", "1.属于国家秘密\n0\n")
    assert _row(result, "applications", "withheld_state_secret") == [None] * 7
    assert any(note.row == "withheld_state_secret" and "未能读取" in note.message for note in result.notes)
    undamaged = parse_report_text((REPORTS / name).read_text(encoding="utf-8"), source=name).report
    others = {ref: value for ref, value in undamaged.cells.items() if ref.row != "withheld_state_secret"}
    assert {ref: value for ref, value in result.report.cells.items()} == others


# --- every empty cell is named ----------------------------------------------------------------------

ALL_TEXTS = sorted([f"pdf_text/{name}" for name in (path.name for path in PDF_TEXT.glob("*.txt"))] + list(EXPECTED))


@pytest.mark.parametrize("name", ALL_TEXTS)
def test_the_notes_name_every_row_left_empty(name):
    """A cell left empty is named in the notes: its row printed blank (原文空白), its row not read
    (未能读取), or its table not found."""
    result = _read_report(name)
    report = result.report
    for table in report.schema.tables:
        notes = [note for note in result.notes if note.table == table.id]
        if any(note.kind == "no_table" or (not note.row and "未能读取" in note.message) for note in notes):
            continue  # the table not found, or found and not read (a one-row table): every cell named
        named = {note.row for note in notes}
        for row in table.rows:
            if row.optional or (row.id.startswith("other_") and "other" in {r.row for r in report.cells}):
                continue
            empty = [c.id for c in row.columns if report.get(CellRef(table.id, row.id, c.id)) is None]
            if empty:
                assert row.id in named, (table.id, row.id, empty)


def test_a_page_of_numbers_printed_before_its_labels_is_paired_by_row_order_and_arithmetic(copies):
    """008's LibreOffice PDF in reading order: after 「4.无正当理由大量反复申请」 come the numbers of
    six rows, then the labels of the five rows after it."""
    result, truth = copies["008_pingtan_2025.lo.pdftotext.txt"]
    table = result.report.schema.table("applications")
    for row_id in ("rejected_mass", "rejected_confirmation", "other_no_correction", "other_no_fee", "other_misc",
                   "handled_total"):
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs], row_id
    assert any("行名印在其后" in note.message and table.row_name("handled_total") in note.message for note in result.notes)


def test_table_four_cut_by_header_words_is_read_in_order_where_every_group_adds_up(copies):
    """005's LibreOffice PDF in reading order prints nine numbers, the 复议后起诉 headers, then six."""
    result, truth = copies["005_pingtan_2022.lo.pdftotext.txt"]
    assert _table(result.report, "review_litigation") == _table(truth, "review_litigation")


@pytest.mark.parametrize("name", ["020_pingtan_jingfaju_2025.lo.pdftotext.txt", "020_pingtan_jingfaju_2025.lo.pdftotext-layout.txt",
                                  "025_pingtan_shenpiju_2024.lo.pdftotext.txt", "025_pingtan_shenpiju_2024.lo.pdftotext-layout.txt"])
def test_table_four_printed_under_its_headers_is_read_in_their_order_though_its_totals_are_wrong(copies, name):
    """These originals print a 总计 of 0 beside a 维持 (纠正) of 1, so R4 cannot confirm the order of
    table 四's numbers in a PDF copy; the headers can: each run of numbers follows as many column
    headers as it holds numbers (nine, then six, in reading order; fifteen in layout order)."""
    result, truth = copies[name]
    assert _table(result.report, "review_litigation") == _table(truth, "review_litigation")
    assert any(note.table == "review_litigation" and "表头" in note.message and "与总计不符" in note.message
               for note in result.notes)


def test_table_four_whose_numbers_outnumber_the_headers_before_them_is_not_read_in_order(copies):
    """The same copy with the 复议后起诉 headers moved after the numbers: the first run of numbers
    is no longer under headers of its own, so the order cannot be told and the table stays empty."""
    path = PDF_TEXT / "020_pingtan_jingfaju_2025.lo.pdftotext.txt"
    text = path.read_text(encoding="utf-8")
    start = text.index("复议后起诉\n")
    end = text.index("\n", text.index("审结", start)) + 1
    moved = text[:start] + text[end:].replace("五、存在的主要问题", text[start:end] + "五、存在的主要问题", 1)
    result = parse_report_text(moved, source=path.name)
    assert all(value is None for row in _table(result.report, "review_litigation") for value in row)


SPARSE_FOUR = "104_shanghai_szfbgt_2019.lo.pdftotext-layout.txt"


def test_table_four_printed_with_blank_cells_in_a_layout_copy_is_read_under_its_headers(copies):
    """上海市政府办公厅 2019 prints table 四 with its zero cells blank: a layout copy's one line of
    six numbers (「5  2  7  8  1  9」) is placed by the fifteen column headers stacked above it
    (「结果」 over 「维持」…), each number under the header it begins under, the rest printed blank."""
    result, truth = copies[SPARSE_FOUR]
    assert _table(result.report, "review_litigation") == _table(truth, "review_litigation")
    assert _table(result.report, "review_litigation")[0] == [5, None, None, 2, 7]
    blank = {note.row: note.message for note in result.notes if note.kind == "blank" and note.table == "review_litigation"}
    assert "原文空白 2 栏（结果纠正、其他结果）" in blank["review"]
    assert "原文空白 5 栏" in blank["suit_after_review"]


def _sparse_four(edit) -> list[list]:
    path = PDF_TEXT / SPARSE_FOUR
    text = path.read_text(encoding="utf-8")
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、", start)
    changed = text[:start] + edit(text[start:end]) + text[end:]
    assert changed != text
    return _table(parse_report_text(changed, source=path.name).report, "review_litigation")


@pytest.mark.parametrize("edit", [
    # two numbers under one column's header
    lambda table: table.replace("5                2    7", "5 2                  7", 1),
    # a group that does not add up so placed (7 for 5 + 2 printed 8)
    lambda table: table.replace("2    7    8", "2    8    8", 1),
    # no group's 总计 printed: nothing confirms the columns
    lambda table: table.replace("2    7    8", "2         8", 1).replace("1         9", "1          "),
    # the headers of two columns swapped: 5 would stand under 结果纠正
    lambda table: table.replace("维持   纠正", "纠正   维持", 1),
    # the table cut at the page's edge after 未经复议直接起诉's 总计: five columns have no header
    lambda table: "\n".join(line[:60] for line in table.split("\n")),
    # a header line lost: the columns are no longer each named by their stacked words
    lambda table: table.replace(table.split("\n")[5] + "\n", "", 1),
])
def test_table_four_with_blank_cells_that_its_headers_cannot_place_stays_empty(edit):
    assert all(value is None for row in _sparse_four(edit) for value in row)


def test_rows_laid_out_in_columns_are_read_as_printed_though_their_totals_are_wrong(copies):
    """平潭 海坛片区 2024 prints 总计 0 on every row of table 三 (「5 1 0 0 0 0 0」): in a layout copy each
    row's seven numbers stand on its label's line, one under each column, so none was lost or
    shifted; they are read as printed and the checks flag the totals, as on the original."""
    result, truth = copies["052_pingtan_haitanpianqu_2024.lo.pdftotext-layout.txt"]
    assert _table(result.report, "applications") == _table(truth, "applications")


LAID_OUT = ("三、收到和处理政府信息公开申请情况\n"
            "                                   自然   商业   科研   社会   法律   其他   总计\n"
            "一、本年新收政府信息公开申请数量{first}\n{second}\n"
            "二、上年结转政府信息公开申请数量        0      0      0      0      0      0      0\n")


@pytest.mark.parametrize("first, second, read", [
    ("        5      1      0      0      0      0      0", "", True),
    ("        5      1      0      0", "                                             0      0      0", False),
])
def test_a_laid_out_row_that_does_not_add_up_is_read_as_printed_only_on_one_line(first, second, read):
    """Seven numbers on the label's line, left to right, are the row's seven cells; the same
    numbers over two lines may be two rows' cells, so a row that does not add up stays empty."""
    result = parse_report_text(LAID_OUT.format(first=first, second=second))
    new = [result.report.get(CellRef("applications", "new", column.id))
           for column in result.report.schema.table("applications").row("new").columns]
    assert new == ([5, 1, 0, 0, 0, 0, 0] if read else [None] * 7)


@pytest.mark.parametrize("name", ["050_pingtan_shehuishiyeju_2019.lo.pdftotext.txt", "051_pingtan_ziranziyuanju_2020.lo.pdftotext.txt",
                                  "056_pingtan_lvyouwentiju_2019.lo.pdftotext.txt"])
def test_a_rows_numbers_printed_before_its_groups_caption_and_label_are_read(copies, name):
    """The 2019 format's LibreOffice PDF in reading order prints 行政许可's headers and numbers, then
    its group's caption 「第二十条第（五）项」「信息内容」, then its label: the caption is its own
    group's, so the numbers are its own."""
    result, truth = copies[name]
    refs = [CellRef("active", "licensing", column.id) for column in result.report.schema.table("active").row("licensing").columns]
    assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs]


def test_numbers_before_another_groups_caption_are_not_given_to_the_label_after_it(copies):
    """The same copy with 行政许可 under the caption of 第二十条第（六）项: that caption is not its
    group's, so the numbers before it may be the row of another group, and 行政许可 stays empty."""
    path = PDF_TEXT / "050_pingtan_shehuishiyeju_2019.lo.pdftotext.txt"
    result = _damaged(path, "第二十条第（五）项\n信息内容\n行政许可", "第二十条第（六）项\n信息内容\n行政许可")
    refs = [CellRef("active", "licensing", column.id) for column in result.report.schema.table("active").row("licensing").columns]
    assert [result.report.get(ref) for ref in refs] == [None] * 3


AFTER_MASS = ("rejected_mass", "rejected_confirmation", "other_no_correction", "other_no_fee", "other_misc",
              "handled_total", "carry_forward")


@pytest.mark.parametrize("name", ["106_pingtan_jingfaju_2024.lo.pdftotext.txt", "020_pingtan_jingfaju_2025.lo.pdftotext.txt"])
def test_a_page_of_numbers_whose_rows_are_all_labelled_is_paired_even_where_the_original_does_not_add_up(copies, name):
    """106's and 020's LibreOffice PDFs in reading order: after 「4.无正当理由大量反复申请」 come the
    numbers of seven rows, then the labels of the six rows after it, which end the table; every
    other row is printed with its own numbers. The pairing is forced, so the numbers are read as
    printed — though these originals print a （七）总计 of 0 beside three (four) requests handled,
    which no rule across rows can then confirm (the checks say so, as on the original)."""
    result, truth = copies[name]
    table = result.report.schema.table("applications")
    for row_id in AFTER_MASS:
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs], row_id
    assert any("行名印在其后" in note.message and table.row_name("carry_forward") in note.message
               for note in result.notes)


CARRY_UNDER_HEADER = "四、结转下年度继续办理\n\n商业\n企业\n\n科研\n机构\n\n社会\n公益\n组织\n\n法律\n服务\n机构\n\n其他\n\n"


def _carry_forward_printed(text: str, cells: str) -> str:
    """008's reading-order copy with the numbers of 四、结转下年度继续办理, which that copy prints at the
    top of a page under the table's repeated header, its label among the header's words, as ``cells``."""
    start = text.index(CARRY_UNDER_HEADER) + len(CARRY_UNDER_HEADER)
    end = text.index("总计", start)
    return text[:start] + "\n\n".join(cells.split()) + "\n\n" + text[end:]


def test_a_row_printed_under_a_pages_repeated_header_is_read_in_the_order_the_balance_confirms():
    """008's LibreOffice PDF in reading order prints 四、结转下年度继续办理 at a page top, its label
    among the repeated header's words, and its 自然人 cell last: 「2 0 0 0 0 6 4」 for 4 2 0 0 0 0 6.
    The order of such a row's cells is not the table's: it is read only in the one order, the
    printed one or one cell moved, in which it adds up and the year's balance (R3: 新收 + 上年结转 =
    办理结果 + 结转下年度) holds in every column, and the notes say so."""
    result, truth = copies_of("008_pingtan_2025.lo.pdftotext.txt")
    assert _row(result, "applications", "carry_forward") == [4, 2, 0, 0, 0, 0, 6]
    assert any(note.row == "carry_forward" and "表头" in note.message and "勾稽" in note.message for note in result.notes)


def test_a_row_under_a_pages_repeated_header_that_adds_up_as_printed_is_not_read_as_printed():
    """The same copy with the row printed 「2 0 0 0 0 4 6」, the 自然人 cell before the total: the row
    adds up so, but the balance holds only with 4 moved first, and so it is read."""
    text = (PDF_TEXT / "008_pingtan_2025.lo.pdftotext.txt").read_text(encoding="utf-8")
    result = parse_report_text(_carry_forward_printed(text, "2 0 0 0 0 4 6"), source="008")
    assert _row(result, "applications", "carry_forward") == [4, 2, 0, 0, 0, 0, 6]


def test_a_row_under_a_pages_repeated_header_that_the_balance_cannot_place_stays_empty_and_named():
    """020's copy prints the row the same way, as 0s; printed 「0 0 0 0 0 3 3」 instead, it adds up,
    but this original's own （七）总计 is wrong, so no order can be confirmed: left empty and named."""
    text = (PDF_TEXT / "020_pingtan_jingfaju_2025.lo.pdftotext.txt").read_text(encoding="utf-8")
    result = parse_report_text(_carry_forward_printed(text, "0 0 0 0 0 3 3"), source="020")
    assert _row(result, "applications", "carry_forward") == [None] * 7
    assert any(note.row == "carry_forward" and "表头" in note.message and "未能读取" in note.message for note in result.notes)




def test_cells_out_of_order_are_confirmed_only_by_a_rule_checked_in_every_column_but_the_total():
    """Whether the balance (R3) takes in 结转下年度继续办理 in every column: with one row's 商业企业
    unknown it does in some column, not in every one; the 总计 column, which the row's own sum gives,
    need not be checked."""
    truth = truth_report("008_pingtan_2025.txt")
    table = truth.schema.table("applications")
    values = dict(truth.cells)
    assert arithmetic_confirms(table, values, ["carry_forward"], every_column=True)
    del values[CellRef("applications", "new", "total")]
    assert arithmetic_confirms(table, values, ["carry_forward"], every_column=True)
    del values[CellRef("applications", "new", "commercial")]
    assert arithmetic_confirms(table, values, ["carry_forward"])
    assert not arithmetic_confirms(table, values, ["carry_forward"], every_column=True)

def test_a_row_under_a_pages_repeated_header_that_adds_up_in_no_order_stays_empty():
    """008's copy with （七）总计's 总计 printed blank, so that the balance cannot check the totals, and
    结转下年度继续办理 printed 「2 0 0 0 0 7 4」: the balance places 4 and 2, but the row's own sum fails
    (4 + 2 is not 7): left empty and named, never read as printed."""
    text = (PDF_TEXT / "008_pingtan_2025.lo.pdftotext.txt").read_text(encoding="utf-8")
    total = "\n\n1\n\n0\n\n0\n\n0\n\n0\n\n148\n"
    assert text.count(total) == 1
    result = parse_report_text(_carry_forward_printed(text.replace(total, "\n\n1\n\n0\n\n0\n\n0\n\n0\n", 1),
                                                      "2 0 0 0 0 7 4"), source="008")
    assert result.report.get(CellRef("applications", "handled_total", "natural_person")) == 147
    assert result.report.get(CellRef("applications", "handled_total", "total")) is None
    assert _row(result, "applications", "carry_forward") == [None] * 7
    assert any(note.row == "carry_forward" and "表头" in note.message and "未能读取" in note.message for note in result.notes)


def test_a_row_under_a_pages_repeated_header_of_one_number_that_does_not_add_up_stays_empty():
    """020's copy with 结转下年度继续办理 printed 「1 1 1 1 1 1 1」 under the page's header: in whatever
    order, 1 is not the sum of six 1s: left empty and named."""
    text = (PDF_TEXT / "020_pingtan_jingfaju_2025.lo.pdftotext.txt").read_text(encoding="utf-8")
    result = parse_report_text(_carry_forward_printed(text, "1 1 1 1 1 1 1"), source="020")
    assert _row(result, "applications", "carry_forward") == [None] * 7
    assert any(note.row == "carry_forward" and "未能读取" in note.message for note in result.notes)


def test_a_page_of_numbers_is_not_paired_by_order_where_a_row_prints_its_numbers_under_a_label_not_read():
    """103's copy (labels printed apart from their rows, out of order) with 3.补正后申请内容仍不明确 damaged
    (「补正后申请某某仍不明确 | 3 | 0 …」): that row prints its numbers after a label that cannot be read,
    so the numbers no row owns are not only the unread rows' and are paired with none of them."""
    result = _damaged(REPORTS / "103_shanghai_szfbgt_2025.txt", "补正后申请内容仍不明确", "补正后申请某某仍不明确")
    truth = truth_report("103_shanghai_szfbgt_2025.txt")
    assert {ref: value for ref, value in result.report.cells.items() if truth.get(ref) != value} == {}

def _without_duplicate_numbers(text: str) -> str:
    start, end = text.index("2.重复申请\n"), text.index("3.要求提供公开出版物")
    return text[:start] + "2.重复申请\n\n" + text[end:]


def _with_a_number_more(text: str) -> str:
    at = text.index("求缴纳费用、行政机关不再处")
    return text[:at] + "3\n\n" + text[at:]


@pytest.mark.parametrize("change", [_without_duplicate_numbers, _with_a_number_more])
def test_a_page_of_numbers_is_not_paired_by_order_where_the_numbers_left_are_not_the_unread_rows(change):
    """The same 106 copy with the numbers of 「2.重复申请」 taken out (the run might then hold them), or
    with a number more after the run: the numbers no row owns are not exactly the unread rows, so
    those rows stay empty and are named, and nothing is wrong."""
    text = (PDF_TEXT / "106_pingtan_jingfaju_2024.lo.pdftotext.txt").read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    result = parse_report_text(changed, source="106")
    truth = truth_report("106_pingtan_jingfaju_2024.txt")
    for row_id in AFTER_MASS:
        assert result.report.get(CellRef("applications", row_id, "total")) is None, row_id
        assert any(note.row == row_id for note in result.notes), row_id
    assert all(result.report.get(ref) in (None, value) for ref, value in truth.cells.items())


def test_rows_printed_blank_whose_labels_come_late_do_not_keep_a_page_of_numbers_from_its_rows(copies):
    """001's LibreOffice PDF whose pages break as the import benchmark's export does, in reading order:
    after 「（七）总计」 come its numbers and those of 结转下年度继续办理, then the labels of three rows
    of （五） printed blank — rows above （七） in the table, whose numbers would have come before —
    and then 结转下年度继续办理's. The run is paired with （七） and 结转; with （七） read, the rows
    of （一）–（五） whose 总计 the original leaves blank are placed by the column sums (R2)."""
    result, truth = copies["001_shanghai_szfbgt_2019.lo.pdftotext-page-breaks.txt"]
    table = result.report.schema.table("applications")
    for row_id in ("handled_total", "carry_forward", "disclosed", "unavailable_not_held", "rejected_duplicate"):
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs], row_id


def test_pages_of_numbers_whose_labels_come_after_them_are_paired_with_one_blank_placed_by_the_rows_sums(copies):
    """009's LibreOffice PDF, pages broken as the import benchmark's export breaks them, in reading
    order: the numbers of （一） to （三）2. come before their labels, those of （五）4. to the end
    after 「4.无正当理由大量反复申请」 with the labels after them — and 结转下年度继续办理 prints its
    总计 blank, so the numbers no read row owns are one short of the unread rows. Where that one
    blank stands only one place lets every row add up (R1): each row is read, the blank named."""
    result, truth = copies["009_shanghai_kewei_2024.lo.pdftotext-page-breaks.txt"]
    table = result.report.schema.table("applications")
    for row_id in ("disclosed", "partial", "withheld_state_secret", "withheld_law", *AFTER_MASS):
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs], row_id
    assert any(note.kind == "blank" and note.row == "carry_forward" and note.col == "total" for note in result.notes)


def test_a_page_of_numbers_two_short_of_the_unread_rows_is_not_paired():
    """The same 009 copy with 结转下年度继续办理's 1 taken out too: two cells missing could stand in
    too many places; the rows whose labels come after their numbers stay empty, nothing is wrong."""
    result = _damaged(PDF_TEXT / "009_shanghai_kewei_2024.lo.pdftotext-page-breaks.txt", "\n35\n\n1\n", "\n35\n\n")
    truth = truth_report("009_shanghai_kewei_2024.txt")
    assert all(result.report.get(ref) in (None, value) for ref, value in truth.cells.items())
    for row_id in AFTER_MASS:
        assert result.report.get(CellRef("applications", row_id, "natural_person")) is None, row_id


def test_a_table_two_row_short_of_a_cell_is_not_split_by_its_digits_where_its_numbers_stand_apart():
    """026's LibreOffice PDF in reading order, its 行政规范性文件 printed with 本年制发 blank: the copy
    keeps 「0」 and 「24」 on lines of their own. 「24」 is one cell, not 2 and 4 run together: the row,
    which has no sum to place its blank by, is left empty and named — never 0 | 2 | 4."""
    result = _damaged(PDF_TEXT / "026_pingtan_jiaojianju_2025.lo.pdftotext.txt",
                      "行政规范性文件\n\n1\n\n0\n\n24\n", "行政规范性文件\n\n0\n\n24\n")
    assert _row(result, "active", "normative_documents") == [None] * 3
    assert any(note.row == "normative_documents" and "只找到 2 个数字" in note.message and "未能读取" in note.message
               for note in result.notes)


def test_a_table_two_row_on_one_line_short_of_a_cell_is_not_split_by_its_digits():
    """026's page text, its 行政规范性文件 printed as 「0 24」 (本年制发 blank): two numbers apart on one
    line for three cells, and no sum. 「24」 could be 2 and 4 run together, or the missing cell a blank:
    the row is left empty and the note says so."""
    result = _damaged(REPORTS / "026_pingtan_jiaojianju_2025.txt", "行政规范性文件1024", "行政规范性文件 0 24 ", "026")
    assert _row(result, "active", "normative_documents") == [None] * 3
    assert any(note.row == "normative_documents" and "缺少的一栏可能是空白" in note.message for note in result.notes)


def test_rows_whose_labels_are_printed_without_numbers_of_their_own_are_not_said_to_be_missing():
    """053's LibreOffice PDF in reading order prints table 二's 0 0 0 before the labels 「规章」 and
    「行政规范性文件」, one of the two rows printed blank: neither is read, and the notes say each label
    is printed without numbers certain to be its own — not that its numbers were not found. 052's
    page prints no 规章 row at all: its note says so."""
    result, _ = copies_of("053_pingtan_shichangjianguanju_2023.lo.pdftotext.txt")
    for row_id in ("regulations", "normative_documents"):
        said = [note.message for note in result.notes if note.table == "active" and note.row == row_id]
        assert said and all("印有行名" in message and "未找到" not in message for message in said), said
    page = read_report(REPORTS / "052_pingtan_haitanpianqu_2024.txt")
    assert any(note.row == "regulations" and "未找到「规章」的数字" in note.message for note in page.notes)


def test_a_table_two_row_printed_with_a_number_more_than_its_cells_is_not_read_by_taking_the_first():
    """007's LibreOffice PDF in reading order with 行政规范性文件's 62 printed twice (a copy that
    repeats a line): 62 62 33 440 for three cells, and no sum to tell which is extra. The row is
    left empty and named — never 62 | 62 | 33."""
    result = _damaged(PDF_TEXT / "007_pingtan_2024.lo.pdftotext-page-breaks.txt",
                      "\n62\n\n33\n\n440\n", "\n62\n\n62\n\n33\n\n440\n")
    assert _row(result, "active", "normative_documents") == [None] * 3
    assert any(note.row == "normative_documents" and "多于 3 栏" in note.message and "未能读取" in note.message
               for note in result.notes)


def test_a_page_of_numbers_with_one_row_whose_own_sum_fails_as_printed_reads_the_others():
    """058's LibreOffice PDF in reading order: the original's （二）部分公开 (8 1 0 0 0 0 8) and （七）总计
    (19 1 0 0 0 0 19) do not add up as printed. （二） prints its numbers after its label and keeps them,
    unread; （七） is in the page whose labels come after its numbers: the other rows of that page are
    read by table order, （七） is left empty and named."""
    result, truth = copies_of("058_pingtan_ziranziyuanju_2023.lo.pdftotext.txt")
    table = result.report.schema.table("applications")
    for row_id in AFTER_MASS:
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        want = [None] * len(refs) if row_id == "handled_total" else [truth.get(ref) for ref in refs]
        assert [result.report.get(ref) for ref in refs] == want, row_id
    for row_id in ("partial", "handled_total"):
        assert any(note.row == row_id and "总计不等于各栏之和" in note.message for note in result.notes), row_id


def test_a_page_of_numbers_short_of_rows_printed_blank_reads_the_rows_the_sums_fix():
    """053's LibreOffice PDF in reading order: after 「4.无正当理由大量反复申请」 come five rows' numbers
    and the labels of the six rows after it — （六）2. and 3. are printed blank. Which two rows are
    blank only the sums can say: （七）总计 and 结转下年度继续办理 stand in the same place whichever
    they are, and are read; the rows of zeros before them may each be 0 or blank, and are named."""
    result, truth = copies_of("053_pingtan_shichangjianguanju_2023.lo.pdftotext.txt")
    table = result.report.schema.table("applications")
    for row_id in ("handled_total", "carry_forward"):
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs], row_id
    for row_id in ("rejected_mass", "rejected_confirmation", "other_no_correction", "other_no_fee", "other_misc"):
        assert result.report.get(CellRef("applications", row_id, "total")) is None, row_id
        assert any(note.row == row_id and "为 0 还是原文空白无法判断" in note.message for note in result.notes), row_id


def test_a_page_of_numbers_that_does_not_add_up_is_not_paired():
    """The same 008 copy with one number of the run changed (148 → 149 in （七）总计): the run is
    not given to the labels after it, and no row is read wrong."""
    text = (PDF_TEXT / "008_pingtan_2025.lo.pdftotext.txt").read_text(encoding="utf-8")
    start = text.index("4.无正当理由大量反复申请")
    changed = text[:start] + text[start:].replace("\n148\n", "\n149\n", 1)
    assert changed != text
    result = parse_report_text(changed, source="008")
    truth = truth_report("008_pingtan_2025.txt")
    assert result.report.get(CellRef("applications", "handled_total", "total")) is None
    assert all(result.report.get(ref) in (None, value) for ref, value in truth.cells.items())


def test_a_later_strategy_never_replaces_a_reading_it_contradicts(monkeypatch):
    """Two strategies: the first reads one row, the second more rows but another number in that
    row. The first reading is kept."""
    from gipr_desktop.io.text_import import strategies
    from gipr_desktop.io.text_import.strategies.base import Strategy
    from gipr_desktop.io.text_import.tables import TableReading

    def reading(values: dict) -> TableReading:
        read = TableReading()
        for (row_id, col_id), value in values.items():
            read.values[CellRef("applications", row_id, col_id)] = value
            read.rows_found.add(row_id)
        return read

    first = Strategy("一", frozenset({"grid"}), lambda *args: reading({("new", "total"): 3}))
    second = Strategy("二", frozenset({"grid"}), lambda *args: reading({("new", "total"): 4, ("carried_over", "total"): 1}))
    monkeypatch.setattr(strategies, "STRATEGIES", (first, second))
    table = parse_report_text("").report.schema.table("applications")
    got = strategies.read_table(table, [], "2021")
    assert got.values == {CellRef("applications", "new", "total"): 3}
    assert got.notes[0].message == f"表「{table.title}」按「一」读取"


def test_a_pdf_viewer_copy_with_blank_cells_is_placed_by_the_tables_arithmetic(copies):
    """A browser's PDF viewer copies 001's table 三 a row a line, its cells one space apart and no
    trace of its blank 总计 (「（一）予以公开 258 12 0 0 1 1」): one space says nothing of a column,
    so the rows are placed as a reading-order copy's are, by the rules across rows."""
    result, truth = copies["001_shanghai_szfbgt_2019.lo.pdfium.txt"]
    table = result.report.schema.table("applications")
    for row_id in ("disclosed", "withheld_query", "unavailable_not_held", "rejected_duplicate"):
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs], row_id
        assert any(note.kind == "blank" and note.row == row_id and "原文空白" in note.message for note in result.notes)


@pytest.mark.parametrize("viewer", ["pdfium", "pdfjs"])
@pytest.mark.parametrize("name", ["101_huaian_hongzequ_2023", "102_huaian_hongzequ_2024"])
def test_a_published_pdf_copied_out_of_a_browsers_pdf_viewer_reads_every_cell(name, viewer):
    """洪泽区's own PDFs (not LibreOffice's), their text as a browser's PDF viewer copies it: Chrome's
    (PDFium) or Firefox's (pdf.js, the browser of 麒麟 desktops)."""
    result = parse_report_text((PDF_TEXT / f"{name}.{viewer}.txt").read_text(encoding="utf-8"), source=name)
    truth = truth_report(f"{name}.pdf")
    assert {ref: result.report.get(ref) for ref in truth.cells} == dict(truth.cells)


def test_a_label_whose_quotes_a_pdf_viewer_moved_is_still_its_row(copies):
    """The viewer prints 「3.危及“三安全一稳定”」 as 「3.危及 三“ ” 安全一稳定」: quotes say nothing of
    which row a label is, and the row is read."""
    result, truth = copies["009_shanghai_kewei_2024.lo.pdfium.txt"]
    assert "危及 三“ ” 安全一稳定" in (PDF_TEXT / "009_shanghai_kewei_2024.lo.pdfium.txt").read_text(encoding="utf-8")
    row = _row(result, "applications", "withheld_security")
    assert row == [truth.get(CellRef("applications", "withheld_security", c.id))
                   for c in result.report.schema.table("applications").row("withheld_security").columns]
    assert row == [0] * 7


def test_a_layout_copy_with_blank_cells_reads_each_number_in_the_column_it_stands_under(copies):
    """001 prints its 总计 column blank in the result rows; `pdftotext -layout` of its PDF then
    prints six numbers for seven columns, and the two pages place the columns differently."""
    result, truth = copies["001_shanghai_szfbgt_2019.lo.pdftotext-layout.txt"]
    table = result.report.schema.table("applications")
    for row_id in ("disclosed", "withheld_query", "unavailable_not_held", "rejected_duplicate"):
        refs = [CellRef("applications", row_id, column.id) for column in table.row(row_id).columns]
        assert [result.report.get(ref) for ref in refs] == [truth.get(ref) for ref in refs], row_id
        assert truth.get(CellRef("applications", row_id, "total")) is None
        assert any(note.kind == "blank" and note.row == row_id and "原文空白" in note.message for note in result.notes)


@pytest.mark.parametrize("name", ["104_shanghai_szfbgt_2019.lo.pdftotext-layout.txt",
                                  "105_shanghai_szfbgt_2019.lo.pdftotext-layout.txt"])
def test_a_layout_copy_whose_every_row_has_blanks_reads_each_number_under_its_header(copies, name):
    """104's and 105's originals print a blank for every 0: in `pdftotext -layout` of their PDF no row
    of table 三 prints all seven columns, so only the headers (「自然」/「人」, 「商业」/「企业」 … on
    lines of their own, placed again on the second page) say where each column is. Every number
    of the table is read in the column it stands under, the other cells left empty as printed blank."""
    result, truth = copies[name]
    table = result.report.schema.table("applications")
    refs = [CellRef("applications", row.id, column.id) for row in table.rows for column in row.columns]
    assert {ref: result.report.get(ref) for ref in refs if truth.get(ref) is not None} == \
        {ref: truth.get(ref) for ref in refs if truth.get(ref) is not None}
    assert not [ref for ref in refs if result.report.get(ref) is not None and truth.get(ref) is None]
    assert any(note.kind == "blank" and note.row == "disclosed" and "原文空白" in note.message for note in result.notes)


def _headers_out_of_order(text: str) -> str:
    line = next(line for line in text.split("\n") if line.split() == ["商业", "科研", "总计"])
    return text.replace(line, line.replace("商业", "@@").replace("科研", "商业").replace("@@", "科研"), 1)


def _no_total_on_the_first_page(text: str) -> str:
    for label, total in (("一、本年新收政府信息公开申请数量", "859"), ("二、上年结转政府信息公开申请数量", "18")):
        line = next(line for line in text.split("\n") if line.startswith(label))
        text = text.replace(line, line.rstrip().removesuffix(total).rstrip(), 1)
    return text


def _a_number_between_two_headers(text: str) -> str:
    line = next(line for line in text.split("\n") if "（一）予以公开" in line and "258" in line)
    return text.replace(line, line.replace("258    12      ", "258          12", 1), 1)


@pytest.mark.parametrize("change", [_headers_out_of_order, _no_total_on_the_first_page, _a_number_between_two_headers])
def test_headers_that_cannot_place_a_rows_numbers_for_certain_place_none(change):
    """The same 104 copy with the first page's headers out of the columns' order, or with no row on
    that page whose sum could confirm them, or with a number standing between two headers: those
    rows stay empty and are named, and no number is read into another column."""
    text = (PDF_TEXT / "104_shanghai_szfbgt_2019.lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    result = parse_report_text(changed, source="104")
    truth = truth_report("104_shanghai_szfbgt_2019.html")
    assert all(result.report.get(ref) in (None, value) for ref, value in truth.cells.items())
    assert all(truth.get(ref) is not None for ref in result.report.cells)
    assert result.report.get(CellRef("applications", "disclosed", "natural_person")) is None
    assert any(note.row == "disclosed" for note in result.notes)


@pytest.mark.parametrize("name", COPIES)
def test_pdf_text_copies_find_the_unit_year_and_format_even_with_the_title_split(copies, name):
    """The title as LibreOffice breaks it: 「上海市人民政府办公厅 2019 年政府信息公」 / 「开工作年度报告」."""
    result, truth = copies[name]
    assert (result.report.unit, result.report.year, result.report.format) == (truth.unit, truth.year, truth.format)


def test_gipr_check_with_the_previous_report_splits_a_glued_row_by_last_years_stock(tmp_path, capsys):
    """`gipr check --previous 2021.gipr 2022.txt`: the text import knows last year's 现行有效."""
    import json

    from gipr_desktop.cli import main
    from gipr_desktop.io.registry import write_report

    text = (REPORTS / "005_pingtan_2022.txt").read_text(encoding="utf-8")
    (tmp_path / "2022.txt").write_text(
        text.replace("现行有效行政规范性文件698件", "现行有效行政规范性文件").replace("制发的规范性文件88件", "制发的规范性文件"),
        encoding="utf-8")
    write_report(truth_report("004_pingtan_2021.txt"), tmp_path / "2021.gipr")
    main(["check", "--json", "--previous", str(tmp_path / "2021.gipr"), str(tmp_path / "2022.txt")])
    (record,) = json.loads(capsys.readouterr().out)
    assert any("上年报告的现行有效件数（665）" in note["message"] and "拆分为 88 55 698" in note["message"]
               for note in record["import_notes"])
    main(["check", "--json", str(tmp_path / "2022.txt")])
    (alone,) = json.loads(capsys.readouterr().out)
    assert any(note["row"] == "normative_documents" and "未能读取" in note["message"] for note in alone["import_notes"])


def test_a_documents_own_tables_are_read_from_the_table_not_by_a_text_layout(tmp_path):
    """Word's tables have their cells: the notes say each was read from the document's own table,
    and name no text layout (nor does such a note open a dialog: tests/gui/test_files_and_recovery.py, which opens a Word file)."""
    from gipr_desktop.io.registry import read_report, write_report

    write_report(truth_report("010_shuyang_fagaiju_2023.txt"), tmp_path / "r.docx")
    back = read_report(tmp_path / "r.docx")
    assert back.report.cells == truth_report("010_shuyang_fagaiju_2023.txt").cells
    assert [note.message for note in back.notes if note.kind == READ_BY] == [
        f"表「{table.title}」按原表格读取" for table in back.report.schema.tables]


def test_a_layout_row_whose_numbers_crowd_under_one_column_is_not_read():
    """001's layout copy with two numbers of 8.属于行政查询事项 moved together (「10 2」 under
    自然人): no column placing is certain; the row is left empty and named, never read shifted."""
    text = (PDF_TEXT / "001_shanghai_szfbgt_2019.lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "8.属于行政查询事项" in line)
    crowded = text.replace(line, line.replace("10        2   ", "10 2          ", 1))
    assert crowded != text
    result = parse_report_text(crowded, source="001")
    row = result.report.schema.table("applications").row("withheld_query")
    assert [result.report.get(CellRef("applications", row.id, c.id)) for c in row.columns] == [None] * 7
    assert any(note.row == row.id and "未能读取" in note.message for note in result.notes)
    assert parse_report_text(text, source="001").report.get(CellRef("applications", row.id, "natural_person")) == 10


# --- text copied out of published PDFs --------------------------------------------------------------

PUBLISHED = [(stem, kind) for stem, name in sorted(BY_STEM.items()) if name.endswith(".pdf")
             for kind in ("pdftotext", "pdftotext-layout")]


@pytest.mark.parametrize(("stem", "kind"), PUBLISHED)
def test_text_copied_out_of_a_published_pdf_never_gets_a_number_wrong(stem, kind):
    """`pdftotext` of the published PDF itself (not of the program's export): each cell as the truth
    records it, or empty; a cell the original does not print (null) stays empty."""
    result = _read(f"{stem}.{kind}.txt")
    wrong = {}
    for table_id, rows in EXPECTED[BY_STEM[stem]]["tables"].items():
        for row_id, columns in rows.items():
            for col_id, value in columns.items():
                got = result.report.get(CellRef(table_id, row_id, col_id))
                value = Decimal(str(value)) if isinstance(value, float) else value
                if got is not None and (value is None or got != value):
                    wrong[(table_id, row_id, col_id)] = (got, value)
    assert wrong == {}
    assert len(result.report.cells) > (100 if kind == "pdftotext-layout" else 20)  # the copy is read, not refused


def test_last_years_report_splits_a_glued_row_of_a_word_file_as_of_a_text(tmp_path):
    """The same 005 pasted into Word as paragraphs: the Word reader was given no previous report."""
    import docx

    text = (REPORTS / "005_pingtan_2022.txt").read_text(encoding="utf-8")
    text = text.replace("现行有效行政规范性文件698件", "现行有效行政规范性文件").replace("制发的规范性文件88件", "制发的规范性文件")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(tmp_path / "005.docx"))
    assert _normative(read_report(tmp_path / "005.docx").report) == [None, None, None]
    result = read_report(tmp_path / "005.docx", previous=truth_report("004_pingtan_2021.txt"))
    assert _normative(result.report) == [88, 55, 698]


@pytest.mark.parametrize("name", ["002_pingtan_2019.txt", "017_pingtan_jiaojianju_2022.txt", "027_pingtan_guanweihuibangongshi_2025.txt",
                                  "052_pingtan_haitanpianqu_2024.txt", "103_shanghai_szfbgt_2025.txt", "019_pingtan_jiaojianju_2020.txt"])
def test_a_damaged_label_never_gives_its_numbers_to_another_row(name):
    """Each row label of real texts (a report flattened onto one line, glued or spaced, a PDF copy
    to markdown) damaged in turn, two characters in its middle replaced (「没有现成信息某某另行制作」):
    its numbers are never read into the row before it or after it, nor moved along."""
    text = (REPORTS / name).read_text(encoding="utf-8")
    truth = truth_report(name)
    for table in truth.schema.tables:
        for row in table.rows:
            body = strip_ordinal(row.label)
            if len(body) < 6 or text.count(body) != 1:
                continue
            middle = len(body) // 2
            report = parse_report_text(text.replace(body, body[:middle] + "某某" + body[middle + 2:]), source=name).report
            wrong = {ref: value for ref, value in report.cells.items() if truth.get(ref) != value}
            assert wrong == {}, row.id


def test_a_damaged_label_on_a_flattened_line_leaves_the_row_before_it_its_own_numbers():
    """017 prints each row's label and numbers on one line after another: with 2.没有现成信息需要另行制作
    damaged, 1.本机关不掌握相关政府信息 still reads its own 4 0 0 0 0 0 4, not the damaged row's 0s."""
    result = _damaged(REPORTS / "017_pingtan_jiaojianju_2022.txt", "没有现成信息需要另行制作", "没有现成信息某某另行制作")
    assert _row(result, "applications", "unavailable_not_held") == [4, 0, 0, 0, 0, 0, 4]


def test_text_is_cut_after_a_rows_numbers_only_where_it_prints_two_or_more():
    """A line that runs a row's numbers into the next row's label is cut there; a sentence that
    counts one thing at a time (「本年制发规范性文件 5 件，废止 2 件」) stays one text."""
    from gipr_desktop.io.text_import.tokens import Label, piece_tokens

    cut = piece_tokens("1.本机关不掌握相关政府信息 4 0 0 0 0 0 4 2.没有现成信息某某另行制作 0 0 0 0 0 0 0")
    assert [token.text for token in cut if isinstance(token, Label)] == ["1.本机关不掌握相关政府信息", "2.没有现成信息某某另行制作"]
    assert [type(token) for token in piece_tokens("本年制发规范性文件 5 件，废止 2 件")] == [Label]


def test_text_before_a_tables_header_words_is_not_said_to_be_a_label_not_read():
    """011's copy prints 「类别 | 数据1 | 数据2 …」 above each group of rows: 「类别」 is no row's label that
    could not be read, and the notes do not say it is."""
    result = _read_report("011_shuyang_xianzhengfu_2025.txt")
    assert not [note.message for note in result.notes if "「类别」" in note.message]
