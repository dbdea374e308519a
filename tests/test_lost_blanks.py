"""Rows whose blank cells a PDF-viewer copy dropped (``io.text_import.lost_blanks``): the copy
prints six numbers for seven columns, and the table's arithmetic across rows says which column
was blank — or, where it cannot tell, the row stays empty and named. Never another number."""

from __future__ import annotations

from pathlib import Path

from gipr_desktop.core.schema import CellRef, get_format
from gipr_desktop.io.text_import import parse_report_text
from tests.fixture_truth import BY_STEM, EXPECTED

PDF_TEXT = Path(__file__).parent / "fixtures" / "reports" / "pdf_text"
APPLICATIONS = get_format("2021").table("applications")
ROWS = [row for row in APPLICATIONS.rows if not row.optional]
COLUMNS = [column.id for column in ROWS[0].columns]


def _read(name: str):
    return parse_report_text((PDF_TEXT / name).read_text(encoding="utf-8"), source=name)


def _row(result, row_id: str) -> list:
    return [result.report.get(CellRef("applications", row_id, col)) for col in COLUMNS]


def _notes(result, row_id: str) -> list[str]:
    return [note.message for note in result.notes if note.table == "applications" and note.row == row_id]


# --- the stored copy of a real report --------------------------------------------------------------

def test_rows_whose_blank_totals_a_pdf_copy_dropped_are_placed_by_the_tables_arithmetic():
    """上海市政府办公厅 2019 leaves 总计 blank in eleven rows of table 三; its PDF copy prints six numbers
    for their seven columns. Every number is placed in its column; the 总计 cells stay empty and the
    notes say they are printed blank."""
    stem = "001_shanghai_szfbgt_2019"
    result = _read(f"{stem}.lo.pdftotext.txt")
    truth = EXPECTED[BY_STEM[stem]]["tables"]["applications"]
    short = [row_id for row_id, cells in truth.items() if None in cells.values()]
    assert len(short) == 11
    for row_id, cells in truth.items():
        assert {col: result.report.get(CellRef("applications", row_id, col)) for col in cells} == cells, row_id
    for row_id in short:
        said = " ".join(_notes(result, row_id))
        assert "只印有 6 个数字，应有 7 栏" in said and "「总计」为原文空白" in said and "请核对" in said
        assert "未能读取" not in said


def test_a_real_report_with_blanks_in_most_cells_gets_no_wrong_number():
    """The published 2019 PDF of the same report prints most cells blank: the numbers of a row can
    shift a column and still add up, and its 总计 row is not found; nothing is placed by guess."""
    stem = "104_shanghai_szfbgt_2019"
    result = _read(f"{stem}.lo.pdftotext.txt")
    truth = EXPECTED[BY_STEM[stem]]["tables"]["applications"]
    for row_id, cells in truth.items():
        for col, want in cells.items():
            assert result.report.get(CellRef("applications", row_id, col)) in (None, want), (row_id, col)


# --- a small text of the layout, made here ----------------------------------------------------------

def _grid() -> dict[str, list]:
    """A table 三 that adds up (R1–R3) with （一）予以公开 printed blank in 商业企业 (counted 0)."""
    parts = {row.id: [0] * 6 for row in ROWS}
    parts["disclosed"] = [5, None, 3, 0, 0, 0]
    parts["withheld_law"] = [1, 2, 0, 0, 0, 0]
    parts["unavailable_not_held"] = [4, 0, 1, 2, 0, 0]
    results = [r.id for r in ROWS if r.id not in ("new", "carried_over", "handled_total", "carry_forward")]
    parts["handled_total"] = [sum(parts[r][i] or 0 for r in results) for i in range(6)]
    parts["carry_forward"] = [1, 0, 0, 0, 0, 0]
    parts["carried_over"] = [0, 1, 0, 0, 0, 0]
    parts["new"] = [h + c - o for h, c, o in zip(parts["handled_total"], parts["carry_forward"], parts["carried_over"])]
    return {row_id: cells + [sum(v or 0 for v in cells)] for row_id, cells in parts.items()}


def _copy(grid: dict[str, list], labels: dict[str, str] | None = None) -> str:
    """The table as a PDF viewer's reading-order copy prints it: a cell a paragraph, a blank cell
    not at all."""
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织",
             "法律服务机构", "其他", "总计", ""]
    for row in ROWS:
        lines += [(labels or {}).get(row.id, row.label), ""]
        lines += [part for value in grid[row.id] if value is not None for part in (str(value), "")]
    return "\n".join(["某某局2023年政府信息公开工作年度报告", "一、总体情况", "略。", *lines,
                      "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "略。",
                      "六、其他需要报告的事项", "无。"]) + "\n"


def test_a_blank_cell_in_a_middle_column_is_found_by_the_column_sums():
    """（一）予以公开 prints 5, blank, 3, 0, 0, 0, 8: the copy keeps 5 3 0 0 0 8. Read alone, the blank could
    be any of the columns; the column sums of （七）总计 say it is 商业企业."""
    grid = _grid()
    result = parse_report_text(_copy(grid), source="copy.txt")
    assert _row(result, "disclosed") == [5, None, 3, 0, 0, 0, 8]
    said = " ".join(_notes(result, "disclosed"))
    assert "「商业企业」为原文空白" in said and "「（七）总计」等于各项之和" in said
    assert any(note.kind == "blank" and note.row == "disclosed" and note.col == "commercial" for note in result.notes)
    assert _row(result, "withheld_law") == grid["withheld_law"]


def test_a_blank_among_zeros_leaves_those_cells_empty():
    """（一）予以公开 prints 5, 0, 0, 0, blank, 0, 5: which of the zeros' columns was blank no sum can say;
    5 and its total are placed, the five cells that are 0 or blank stay empty and are named."""
    grid = _grid()
    grid["disclosed"] = [5, 0, 0, 0, None, 0, 5]
    grid["withheld_law"] = [1, 2, 3, 0, 0, 0, 6]
    grid["handled_total"] = [10, 2, 4, 2, 0, 0, 18]
    grid["new"] = [11, 1, 4, 2, 0, 0, 18]
    result = parse_report_text(_copy(grid), source="copy.txt")
    assert _row(result, "disclosed") == [5, None, None, None, None, None, 5]
    said = " ".join(_notes(result, "disclosed"))
    assert "无法判断原文是空白还是 0" in said and "「商业企业」" in said and "「其他」" in said


def test_a_short_row_whose_own_total_is_wrong_is_not_placed():
    """The original's own 总计 of the row is wrong (9 for 5 + 3): no way to place its numbers adds up."""
    grid = _grid()
    grid["disclosed"] = [5, None, 3, 0, 0, 0, 9]
    result = parse_report_text(_copy(grid), source="copy.txt")
    assert _row(result, "disclosed") == [None] * 7
    assert any("未能读取" in message for message in _notes(result, "disclosed"))


def test_a_column_total_that_is_wrong_places_nothing():
    """The original's （七）总计 is wrong in 商业企业 by the 3 a shifted reading would put there: no
    placement makes every column add up, and none is taken."""
    grid = _grid()
    grid["handled_total"][1] += 3
    grid["handled_total"][6] += 3
    grid["new"][1] += 3
    grid["new"][6] += 3
    result = parse_report_text(_copy(grid), source="copy.txt")
    assert _row(result, "disclosed") == [None] * 7


def test_a_row_whose_label_is_not_recognised_is_read_by_its_place_before_its_blanks_are_placed():
    """A row whose label is not recognised printed 5 in 其他; counted as 0 it would let （一）予以公开's
    5 shift into 其他 and its total be taken for blank. Every other row is read by its label, so the
    numbers after （一） are its own six and then that row's seven, in table order: the row is read
    by its place; where （一）'s blank stands each row's sum cannot tell, but the column sums then
    place its 5 and its total, the cells that are 0 or blank left empty."""
    grid = _grid()
    grid["disclosed"] = [5, None, 0, 0, 0, 0, 5]
    grid["withheld_law"] = [0, 0, 0, 0, 0, 5, 5]
    grid["unavailable_not_held"] = [4, 0, 0, 2, 0, 0, 6]
    grid["carried_over"] = [0] * 7
    results = [r.id for r in ROWS if r.id not in ("new", "carried_over", "handled_total", "carry_forward")]
    grid["handled_total"] = [sum(grid[r][i] or 0 for r in results) for i in range(7)]
    grid["new"] = [h + c - o for h, c, o in zip(grid["handled_total"], grid["carry_forward"], grid["carried_over"])]
    result = parse_report_text(_copy(grid, {"withheld_law": "某某某某某某"}), source="copy.txt")
    assert _row(result, "withheld_law") == grid["withheld_law"]
    assert _row(result, "disclosed") == [5, None, None, None, None, None, 5]
    assert "无法判断原文是空白还是 0" in " ".join(_notes(result, "disclosed"))
    assert _row(result, "new") == grid["new"]  # the rows printed whole are read


def test_a_row_not_found_whose_numbers_cannot_be_told_from_a_blank_elsewhere_places_nothing():
    """As above, but 其他 of the unrecognised row is 0: the run of zeros after （一）'s 5 could hide its
    blank anywhere, and the unrecognised row's cells with it; nothing is read by guess."""
    grid = _grid()
    grid["disclosed"] = [5, None, 0, 0, 0, 0, 5]
    grid["withheld_law"] = [1, 0, 0, 0, 0, 0, 1]
    grid["unavailable_not_held"] = [4, 0, 0, 2, 0, 0, 6]
    results = [r.id for r in ROWS if r.id not in ("new", "carried_over", "handled_total", "carry_forward")]
    grid["handled_total"] = [sum(grid[r][i] or 0 for r in results) for i in range(7)]
    grid["new"] = [h + c - o for h, c, o in zip(grid["handled_total"], grid["carry_forward"], grid["carried_over"])]
    result = parse_report_text(_copy(grid, {"withheld_law": "某某某某某某"}), source="copy.txt")
    for row_id, cells in grid.items():
        assert all(got in (None, want) for got, want in zip(_row(result, row_id), cells)), row_id


def test_a_row_of_zeros_short_of_a_cell_is_not_placed():
    """Six zeros for seven columns: any column could be the blank one."""
    grid = _grid()
    grid["partial"] = [0, 0, None, 0, 0, 0, 0]
    result = parse_report_text(_copy(grid), source="copy.txt")
    assert _row(result, "partial") == [None] * 7
    assert any("未能读取" in message for message in _notes(result, "partial"))
    assert _row(result, "disclosed") == [5, None, 3, 0, 0, 0, 8]


def test_a_row_is_placed_only_where_every_column_is_checked():
    """（七）总计 prints 0.5 in 法律服务机构 (refused: not a whole number): that column's sum cannot be
    checked, and （一）予以公开, whose blank the other columns' sums would place, is left empty and named."""
    grid = _grid()
    grid["handled_total"][4] = "0.5"
    result = parse_report_text(_copy(grid), source="copy.txt")
    assert _row(result, "handled_total")[4] is None and _row(result, "handled_total")[0] == grid["handled_total"][0]
    assert _row(result, "disclosed") == [None] * 7
    assert any("未能读取" in message for message in _notes(result, "disclosed"))


def test_rows_printed_blank_in_every_cell_add_nothing_and_are_said_to_be_blank():
    """Two rows printed blank in every cell leave only their labels in the copy. Counted as adding
    nothing, they let the column sums place （一）予以公开's blank; they are said to be printed blank,
    not unread, and stay empty."""
    grid = _grid()
    grid["withheld_security"] = [None] * 7
    grid["rejected_mass"] = [None] * 7
    result = parse_report_text(_copy(grid), source="copy.txt")
    assert _row(result, "disclosed") == [5, None, 3, 0, 0, 0, 8]
    for row_id in ("withheld_security", "rejected_mass"):
        assert _row(result, row_id) == [None] * 7
        said = " ".join(_notes(result, row_id))
        assert "原文空白" in said and "未能读取" not in said, said


def test_the_heading_of_the_three_other_rows_is_no_row_printed_blank():
    """「（六）其他处理」 printed over its three sub-rows has no numbers of its own: it is a heading, not a
    row printed blank, and no note calls it blank."""
    grid = _grid()
    grid["rejected_mass"] = [None] * 7
    first = APPLICATIONS.row("other_no_correction").label
    text = _copy(grid).replace(first, "（六）其他处理\n\n" + first, 1)
    result = parse_report_text(text, source="copy.txt")
    assert _row(result, "disclosed") == [5, None, 3, 0, 0, 0, 8]
    assert not [note for note in result.notes if note.row == "other" and "原文空白" in note.message]


def test_numbers_after_a_row_read_from_glued_digits_are_not_counted_from_its_place():
    """（一）予以公开 prints 5 0 3 0 00 8 — six numbers, 「00」 two cells — and the copy then prints,
    after a stray 「果」, the numbers of （二） and （三）1. before their labels; the rows from （五）4.
    on come as a page whose labels follow it. （一） holds seven cells but printed six numbers: the
    numbers after it are not counted from its seventh, so none of the rows whose labels come late
    is given a neighbour's number (（二） would read 1 0 0 0 0 3 for 2 1 0 0 0 0 3)."""
    grid = _grid()
    grid["disclosed"] = [5, 0, 3, 0, 0, 0, 8]
    grid["partial"] = [2, 1, 0, 0, 0, 0, 3]
    grid["withheld_state_secret"] = [1, 0, 0, 0, 0, 0, 1]
    results = [r.id for r in ROWS if r.id not in ("new", "carried_over", "handled_total", "carry_forward")]
    grid["handled_total"] = [sum(grid[r][i] or 0 for r in results) for i in range(7)]
    grid["new"] = [h + c - o for h, c, o in zip(grid["handled_total"], grid["carry_forward"], grid["carried_over"])]
    text = _copy(grid)
    label = {row_id: APPLICATIONS.row(row_id).label for row_id in grid}
    start, end = text.index(label["disclosed"]), text.index(label["withheld_law"])
    late = grid["partial"] + grid["withheld_state_secret"]
    text = (text[:start] + f"{label['disclosed']}\n\n5\n\n0\n\n3\n\n0\n\n00\n\n8\n\n果\n\n"
            + "".join(f"{v}\n\n" for v in late) + f"{label['partial']}\n\n{label['withheld_state_secret']}\n\n" + text[end:])
    page = ["rejected_mass", "rejected_confirmation", "other_no_correction", "other_no_fee", "other_misc",
            "handled_total", "carry_forward"]
    start, end = text.index(label["rejected_mass"]), text.index("四、政府信息公开行政复议")
    text = (text[:start] + f"{label['rejected_mass']}\n\n" + "".join(f"{v}\n\n" for r in page for v in grid[r])
            + "".join(f"{label[r]}\n\n" for r in page[1:]) + text[end:])
    result = parse_report_text(text, source="copy.txt")
    for row_id, cells in grid.items():
        assert all(got in (None, want) for got, want in zip(_row(result, row_id), cells)), (row_id, _row(result, row_id))
    assert _row(result, "disclosed") == grid["disclosed"]


# --- a glued run cut by the rules across rows ------------------------------------------------------

REPORTS = Path(__file__).parent / "fixtures" / "reports"
FLAT_058 = "058_pingtan_ziranziyuanju_2023.txt"  # flattened onto one line, its rows' digits run together


def test_glued_rows_whose_own_sums_fail_are_cut_by_the_rules_across_rows():
    """058 with its 本年新收 printed like its （七）总计, 「191000019」: neither row adds up by itself
    (19 + 1 ≠ 19), so no cut is confirmed by the row's own sum; the column sums (R2) and the
    balance (R3) cut both, as 19 1 0 0 0 0 19, and the notes say so."""
    text = (REPORTS / FLAT_058).read_text(encoding="utf-8")
    changed = text.replace("本年新收政府信息公开申请数量 190000019", "本年新收政府信息公开申请数量 191000019")
    assert changed != text
    result = parse_report_text(changed, source=FLAT_058)
    for row_id in ("new", "handled_total"):
        assert _row(result, row_id) == [19, 1, 0, 0, 0, 0, 19], row_id
        said = " ".join(_notes(result, row_id))
        assert "「191000019」连在一起" in said and "拆分为 19 1 0 0 0 0 19" in said and "与总计不符" in said


def test_a_glued_row_is_cut_by_the_one_rule_across_rows_that_can_cut_it_where_the_original_breaks_another():
    """058 as published: （七）总计 「191000019」 is 19 1 0 0 0 0 19 by the column sums (R2), while the
    original's balance (R3) fails in the 商业企业 column (it received none, answered one): no cut
    satisfies R3, the one R2 allows is taken, and the note names the failing rule."""
    result = parse_report_text((REPORTS / FLAT_058).read_text(encoding="utf-8"), source=FLAT_058)
    truth = EXPECTED[FLAT_058]["tables"]["applications"]["handled_total"]
    assert _row(result, "handled_total") == [truth[c] for c in COLUMNS]
    said = " ".join(_notes(result, "handled_total"))
    assert "等于各项之和" in said and "第一项加第二项之和等于第三项加第四项之和不成立" in said


def test_a_glued_row_two_rules_cut_two_ways_is_not_cut():
    """Where each rule across rows alone cuts the one unread run, but differently, nothing tells
    which of the original's totals is wrong: the row stays unread."""
    from gipr_desktop.io.text_import import lost_blanks

    row = APPLICATIONS.row("handled_total")
    one, other = (1, 1, 0, 0, 0, 0, 2), (11, 0, 0, 0, 0, 0, 2)
    short = lost_blanks._Short(row, 1, {one: [one], other: [other]}, glued="110000002")
    r2, r3 = APPLICATIONS.rules[1], APPLICATIONS.rules[2]
    equations = [(r2, "natural_person", {"handled_total": 1}, -1), (r2, "commercial", {"handled_total": 1}, -1),
                 (r3, "natural_person", {"handled_total": 1}, -11), (r3, "commercial", {"handled_total": 1}, 0)]
    assert lost_blanks._one_rule_alone({"handled_total": short}, equations) == ([], [])
    assert lost_blanks._one_rule_alone({"handled_total": short}, equations[:2] + equations[2:3])[0] == []
    assert lost_blanks._one_rule_alone({"handled_total": short}, equations[:2])[0] == equations[:2]


def test_a_run_of_one_digit_a_cell_is_not_read_where_the_table_shows_blank_cells_were_dropped():
    # 104 (上海市政府办公厅 2019) prints many cells blank; flattened with the digits run together,
    # 「（一）予以公开2581211」 is 258 12 _ _ 1 1 _ — seven digits for seven cells by chance — while other
    # rows (「1.属于国家秘密14」) show that blank cells left no trace: no run is then read one digit a cell
    from tests.fixture_truth import REPORTS, truth_report
    from tests.helpers import flattened

    html = (REPORTS / "104_shanghai_szfbgt_2019.html").read_text(encoding="utf-8")
    result = parse_report_text(flattened(html), source="104_shanghai_szfbgt_2019.html")
    truth = truth_report("104_shanghai_szfbgt_2019.html").cells
    assert {ref: value for ref, value in result.report.cells.items() if ref in truth and truth[ref] != value} == {}
    assert any("「2581211」" in note.message and "未能读取" in note.message for note in result.notes)
    # a table whose every row prints all its cells keeps the reading (052's originals' own totals)
    text = (REPORTS / "052_pingtan_haitanpianqu_2024.txt").read_text(encoding="utf-8")
    assert parse_report_text(text).report.get(CellRef("applications", "new", "natural_person")) == 5

