"""The district's 汇总: cell-by-cell sums, refused formats, unknown parts, bounds, and the file it makes."""

from decimal import Decimal

import openpyxl
import pytest

from gipr_desktop.core.aggregate import Accumulator, MixedFormats, aggregate, default_unit
from gipr_desktop.core.checks import check
from gipr_desktop.core.schema import CellRef, cell_kind
from gipr_desktop.io import project
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.workbook_labels import AGGREGATED_SHEET

from tests.helpers import sample_report, zero_report

NEW = CellRef("applications", "new", "natural_person")
NEW_TOTAL = CellRef("applications", "new", "total")
FEES = CellRef("active", "fees", "amount")


def _body(unit, **values):
    report = zero_report()
    report.unit = unit
    for ref, value in values.items():
        report.set(ref if isinstance(ref, CellRef) else CellRef(*ref.split("__")), value)
    return report


def test_reports_are_summed_cell_by_cell_and_the_sum_passes_its_own_checks():
    a, b = sample_report(), sample_report()
    b.unit = "示例市示例区教育局"
    result = aggregate([("甲", a), ("乙", b)], unit="示例区汇总")
    for ref, value in a.cells.items():
        assert result.report.cells[ref] == value * 2
    assert result.report.unit == "示例区汇总" and result.report.year == a.year
    assert result.report.aggregate_of == ("甲", "乙") and result.bodies == ["甲", "乙"]
    assert result.notes == []
    assert [f for f in check(result.report) if f.severity == "error"] == []


def test_amounts_are_summed_exactly():
    a, b = _body("甲"), _body("乙")
    a.set(FEES, Decimal("5949.088667"))
    b.set(FEES, Decimal("0.911333"))
    assert aggregate([("甲", a), ("乙", b)]).report.cells[FEES] == Decimal("5950.000000")


def test_mixing_formats_is_refused_naming_the_odd_ones():
    reports = [("甲.xlsx", zero_report("2021")), ("乙.gipr", zero_report("2021")), ("丙.docx", zero_report("2019", 2020))]
    with pytest.raises(MixedFormats) as refused:
        aggregate(reports)
    message = str(refused.value)
    assert "格式" in message and "丙.docx" in message and "2019年版格式" in message
    assert "甲.xlsx" not in message


def test_an_unknown_part_makes_the_sum_unknown_and_names_the_bodies_lacking_it():
    a = _body("甲街道办事处")
    b = _body("乙街道办事处")
    b.set(NEW, None)
    c = _body("丙镇人民政府")
    c.set(NEW, None)
    result = aggregate([(r.unit, r) for r in (a, b, c)])
    assert NEW not in result.report.cells  # unknown, never the sum of the known parts
    assert result.report.cells[NEW_TOTAL] == 0
    assert result.lacking[NEW].names == ["乙街道办事处", "丙镇人民政府"]
    note = next(n for n in result.notes if (n.table, n.row, n.col) == NEW)
    assert "乙街道办事处" in note.message and "丙镇人民政府" in note.message and "甲街道办事处" not in note.message


def test_a_note_names_the_first_bodies_and_counts_the_rest():
    reports = []
    for i in range(25):
        report = _body(f"第{i}街道办事处")
        report.set(NEW, None)
        reports.append((report.unit, report))
    note = next(n for n in aggregate(reports).notes if (n.table, n.row, n.col) == NEW)
    assert "第0街道办事处" in note.message and "等 25 个机关" in note.message and "第24街道办事处" not in note.message


def test_a_sum_over_the_bound_is_refused_for_that_cell_with_a_note():
    biggest = cell_kind("count").maximum
    a, b = _body("甲"), _body("乙")
    a.set(NEW, biggest)
    b.set(NEW, 1)
    result = aggregate([("甲", a), ("乙", b)])
    assert NEW not in result.report.cells
    note = next(n for n in result.notes if (n.table, n.row, n.col) == NEW)
    assert "超出范围" in note.message
    project.dumps(result.report)  # what is stored can be saved


def test_a_body_giving_other_handling_as_one_row_is_summed_with_those_giving_its_three_items():
    other = [CellRef("applications", row, "natural_person") for row in ("other_no_correction", "other_no_fee", "other_misc")]
    one_row = CellRef("applications", "other", "natural_person")
    a = _body("甲")
    for ref, value in zip(other, (1, 2, 3)):
        a.set(ref, value)
    b = _body("乙")
    for ref in other:
        b.set(ref, None)
    b.set(one_row, 4)
    result = aggregate([("甲", a), ("乙", b)]).report
    assert result.cells[one_row] == 10  # 1 + 2 + 3 and 4
    assert not any(ref in result.cells for ref in other)
    # when nobody uses the one-row form, the optional row stays out of the sum
    assert one_row not in aggregate([("甲", a), ("丙", _body("丙"))]).report.cells


def test_the_accumulator_keeps_sums_not_reports():
    accumulator = Accumulator()
    for i in range(3):
        accumulator.add_report(f"机关{i}", _body(f"机关{i}", applications__new__natural_person=i))
    assert accumulator.count == 3
    assert accumulator.result("合计").report.cells[NEW] == 3


def test_nothing_to_sum_is_a_message():
    with pytest.raises(ValueError, match="没有可以汇总的报告"):
        Accumulator().result()


def test_the_aggregate_is_named_after_the_common_place():
    assert default_unit(["岭东区中心街道办事处", "岭东区教育局", "岭东区东风镇人民政府"]) == "岭东区汇总"
    assert default_unit(["甲", "乙"]) == "汇总"


def test_the_aggregate_records_its_bodies_in_the_project_file_and_opens_like_any_report(tmp_path):
    result = aggregate([("岭东区教育局", _body("岭东区教育局")), ("岭东区中心街道办事处", _body("岭东区中心街道办事处"))],
                       unit="岭东区汇总")
    path = tmp_path / "district.gipr"
    project.write(result.report, path)
    back = read_report(path).report
    assert back.aggregate_of == ("岭东区教育局", "岭东区中心街道办事处")
    assert back.cells == result.report.cells and back.unit == "岭东区汇总"
    # an ordinary report's file does not change
    plain = tmp_path / "plain.gipr"
    project.write(sample_report(), plain)
    assert "aggregate_of" not in plain.read_text(encoding="utf-8")


def test_old_files_still_read_and_a_damaged_list_of_bodies_is_refused(tmp_path):
    text = project.dumps(sample_report())
    assert project.loads(text).aggregate_of == ()
    bad = text.replace('"gipr": 1,', '"gipr": 1, "aggregate_of": "甲",')
    with pytest.raises(project.ReadError, match="aggregate_of"):
        project.loads(bad)
    bad = text.replace('"gipr": 1,', '"gipr": 1, "aggregate_of": ["甲\\n乙"],')
    with pytest.raises(project.ReadError, match="所汇总机关的名称"):
        project.loads(bad)


def test_the_aggregate_spreadsheet_lists_its_bodies(tmp_path):
    result = aggregate([("甲街道办事处", _body("甲街道办事处")), ("乙镇人民政府", _body("乙镇人民政府"))], unit="某区汇总")
    path = tmp_path / "district.xlsx"
    write_report(result.report, path)
    sheet = openpyxl.load_workbook(path)[AGGREGATED_SHEET]
    names = [sheet.cell(row, 2).value for row in range(3, 5)]
    assert names == ["甲街道办事处", "乙镇人民政府"]
    assert "2 个" in sheet.cell(1, 1).value
    back = read_report(path).report  # the extra sheet does not disturb reading the tables back
    assert back.cells == result.report.cells


def test_a_selection_of_rows_is_summed_only_when_read_with_its_cells():
    from gipr_desktop.core.aggregate import aggregate_rows
    from gipr_desktop.core.batch import BodyRow, row_for

    a, b = _body("岭东区甲街道办事处"), _body("岭东区乙街道办事处")
    rows = [row_for(f"{r.unit}.gipr", r, [], []) for r in (a, b)]
    result = aggregate_rows(rows)
    assert result.report.unit == "岭东区汇总" and result.report.cells == aggregate([("a", a), ("b", b)]).report.cells
    rows[1].cells = {}
    with pytest.raises(ValueError, match="重新读取"):
        aggregate_rows(rows)
    with pytest.raises(ValueError, match="无法读取"):
        aggregate_rows([BodyRow("坏.xlsx", message="文件已损坏")])


def test_a_row_a_body_left_empty_is_one_note():
    a, b = _body("甲街道办事处"), _body("乙街道办事处")
    review = [CellRef("review_litigation", "review", col) for col in ("upheld", "corrected", "other", "pending", "total")]
    for ref in review:
        b.set(ref, None)
    notes = [n for n in aggregate([("甲街道办事处", a), ("乙街道办事处", b)]).notes if n.row == "review"]
    assert len(notes) == 1
    assert "行政复议" in notes[0].message and "一行未能汇总" in notes[0].message and "乙街道办事处" in notes[0].message
