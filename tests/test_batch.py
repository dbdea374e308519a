"""A supervising office's batch: rows, levels, key figures, pairing across years, what the batch flags."""

from gipr_desktop.core.batch import (
    DUPLICATE, HAS_ERRORS, HAS_WARNINGS, MISSING_NOW, ODD_FORMAT, ODD_YEAR, PASSED, UNREAD, BodyRow,
    body_key, in_report_order, key_figures, level_of, pair_previous, previous_paths, review_batch, row_for,
)
from gipr_desktop.core.checks import check
from gipr_desktop.core.findings import ERROR, INFO, WARNING, Finding
from gipr_desktop.core.schema import CellRef

from tests.helpers import zero_report


def _row(unit, path, year=2024, format_id="2021", **cells):
    report = zero_report(format_id, year)
    report.unit = unit
    for name, value in cells.items():
        table, row, col = name.split("__")
        report.set(CellRef(table, row, col), value)
    return row_for(path, report, check(report), [])


def test_the_level_is_read_from_the_name():
    assert level_of("岭东区人民政府") == "政府"
    assert level_of("岭东区教育局") == "部门"
    assert level_of("岭东区人民政府办公室") == "部门"
    assert level_of("岭东区中心街道办事处") == "街道"
    assert level_of("南关区鸿城街道") == "街道"
    assert level_of("岭东区东风镇人民政府") == "乡镇"
    assert level_of("岭东区红星乡") == "乡镇"


def test_a_body_is_known_by_its_name_whatever_the_spacing_and_width():
    assert body_key("岭东区 中心街道办事处") == body_key("岭东区中心街道办事处")
    assert body_key("岭东区（开发区）管委会") == body_key("岭东区(开发区)管委会")
    assert body_key("岭东区教育局") != body_key("岭东区卫生健康局")


def test_key_figures_come_from_the_schema_groups_and_an_empty_cell_is_unknown():
    report = zero_report()
    report.set(CellRef("applications", "new", "total"), 12)
    report.set(CellRef("review_litigation", "direct_suit", "total"), 2)
    report.set(CellRef("review_litigation", "suit_after_review", "total"), 3)
    report.set(CellRef("active", "fees", "amount"), None)
    figures = key_figures(report)
    assert figures["new"] == 12
    assert figures["litigation"] == 5  # both kinds of suit
    assert figures["fees"] is None  # left empty: unknown, not 0
    assert key_figures(zero_report("2019", 2020))["fees"] is None  # the 2019 format states no fee amount


def test_the_status_of_a_row():
    assert BodyRow("a.xlsx", message="「a.xlsx」不是有效的 Excel 文件").status == UNREAD
    assert _row("甲街道办事处", "a.gipr").status == PASSED
    broken = _row("甲街道办事处", "a.gipr", review_litigation__review__upheld=2)
    assert broken.status == HAS_ERRORS and broken.counts[ERROR] >= 1
    warned = BodyRow("b.gipr", unit="乙", format="2021", findings=[Finding("R9", WARNING, "…")])
    assert warned.status == HAS_WARNINGS


def test_a_body_reporting_twice_and_reports_of_another_year_or_format_are_flagged():
    rows = [
        _row("甲街道办事处", "甲.xlsx"),
        _row("甲街道办事处 ", "甲（修改稿）.docx"),
        _row("乙街道办事处", "乙.gipr", year=2023),
        _row("丙镇人民政府", "丙.gipr"),
        _row("丁局", "丁.gipr", year=2020, format_id="2019"),
        BodyRow("坏.xlsx", message="无法读取"),
    ]
    issues = review_batch(rows)
    assert rows[0].flags == [DUPLICATE] and rows[1].flags == [DUPLICATE]
    assert rows[2].flags == [ODD_YEAR]
    assert rows[3].flags == []
    assert rows[4].flags == [ODD_YEAR, ODD_FORMAT]
    kinds = [issue.kind for issue in issues]
    assert kinds.count(DUPLICATE) == 1 and kinds.count(ODD_YEAR) == 2 and kinds.count(ODD_FORMAT) == 1
    duplicate = next(issue for issue in issues if issue.kind == DUPLICATE)
    assert "甲.xlsx" in duplicate.message and "甲（修改稿）.docx" in duplicate.message
    odd = next(issue for issue in issues if issue.kind == ODD_FORMAT)
    assert "丁局" in odd.message and "2019年版格式" in odd.message


def test_bodies_are_paired_with_last_year_by_name_and_a_body_missing_now_is_flagged():
    last_year = [
        _row("甲街道办事处", "2023/甲.gipr", year=2023, applications__new__total=10),
        _row("乙街道办事处", "2023/乙.gipr", year=2023),
    ]
    pairing = previous_paths(last_year)
    now = [_row("甲 街道办事处", "2024/甲.xlsx", applications__new__total=4)]
    now[0].previous_path = pairing[body_key(now[0].unit)]
    pair_previous(now, last_year)
    assert now[0].previous_path == "2023/甲.gipr"
    assert now[0].previous_figures["new"] == 10 and now[0].change("new") == -6
    issues = review_batch(now, last_year)
    missing = [issue for issue in issues if issue.kind == MISSING_NOW]
    assert len(missing) == 1 and "乙街道办事处" in missing[0].message and missing[0].paths == ("2023/乙.gipr",)


def test_a_pairing_corrected_by_the_caller_wins_over_the_name():
    last_year = [_row("甲街道办事处", "2023/甲.gipr", year=2023, applications__new__total=10),
                 _row("甲街道", "2023/甲街道.gipr", year=2023, applications__new__total=7)]
    now = [_row("甲街道办事处", "2024/甲.gipr")]
    now[0].previous_path = "2023/甲街道.gipr"  # the reviewer knows better
    pair_previous(now, last_year)
    assert now[0].previous_figures["new"] == 7
    missing = [issue for issue in review_batch(now, last_year) if issue.kind == MISSING_NOW]
    assert missing == []  # one file paired by hand, the other's body reported under its own name


def test_a_change_is_unknown_when_either_year_is():
    row = _row("甲街道办事处", "a.gipr")
    row.previous_figures = {"new": None, "handled": 3}
    assert row.change("new") is None
    assert row.change("handled") == -3


def test_findings_are_listed_in_the_order_of_the_report():
    general = Finding("R13", WARNING, "统计期限")
    section_five = Finding("R10", WARNING, "雷同", (), "5")
    section_two = Finding("R9", WARNING, "第二部分", (), "2")
    carried = Finding("R5", ERROR, "上年结转", (CellRef("applications", "carried_over", "total"),))
    new = Finding("R1", ERROR, "新收", (CellRef("applications", "new", "total"),))
    review = Finding("R4", ERROR, "复议", (CellRef("review_litigation", "review", "total"),))
    licensing = Finding("S1", INFO, "许可", (CellRef("active", "licensing", "decisions"),))
    ordered = in_report_order([review, section_five, carried, licensing, general, new, section_two], "2021")
    assert ordered == [general, section_two, licensing, new, carried, review, section_five]


def test_the_level_table_counts_statuses_and_sums_figures_unknown_where_a_body_lacks_one():
    from gipr_desktop.core.batch import BodyRow
    from gipr_desktop.core.batch_tables import level_frame, summary_frame

    rows = [BodyRow("a.gipr", unit="甲街道办事处", level="街道", year=2024, format="2021", figures={"new": 3, "fees": 1}),
            BodyRow("b.gipr", unit="乙街道办事处", level="街道", year=2024, format="2021", figures={"new": 4, "fees": None}),
            BodyRow("c.gipr", unit="某区人民政府", level="政府", year=2024, format="2021", figures={"new": 5, "fees": 2}),
            BodyRow("d.xlsx", message="无法读取")]
    table = level_frame(rows)
    by_level = {record[0]: dict(zip(table.columns, record)) for record in table.records}
    assert by_level["街道"]["报告数"] == 2 and by_level["街道"]["通过"] == 2 and by_level["街道"]["本年新收"] == 7
    assert by_level["街道"]["收费（万元）"] is None  # one street office lacks it: the sum is unknown, never 1
    assert by_level["合计"]["本年新收"] == 12 and by_level["合计"]["未读取"] == 1
    assert list(by_level) == ["政府", "街道", "合计"]
    assert len(summary_frame(rows)) == 4 and summary_frame(rows).column("状态")[-1] == "未读取"
