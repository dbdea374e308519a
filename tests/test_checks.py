"""Every rule: broken once, satisfied once, in both formats; empty is not zero."""

from decimal import Decimal

import pytest

from gipr_desktop.core.checks import ERROR, INCOMPLETE, INFO, WARNING, check, has_errors
from gipr_desktop.core.schema import CellRef

from tests.helpers import sample_report, zero_report

A = "applications"
RL = "review_litigation"


def rules(findings, severity=None):
    return sorted({f.rule for f in findings if severity is None or f.severity == severity})


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_a_consistent_report_has_no_findings(fmt):
    report = zero_report(fmt, year=2023 if fmt == "2021" else 2020)
    assert check(report) == []


def test_the_sample_report_is_clean():
    assert check(sample_report()) == []


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_r1_row_total(fmt):
    report = zero_report(fmt, 2023 if fmt == "2021" else 2020)
    report.set(CellRef(A, "disclosed", "commercial"), 2)
    report.set(CellRef(A, "disclosed", "total"), 1)
    findings = [f for f in check(report) if f.rule == "R1"]
    assert len(findings) == 1
    assert findings[0].severity == ERROR
    assert findings[0].message == "（一）予以公开·总计应为 2（各项之和），实为 1"
    assert CellRef(A, "disclosed", "total") == findings[0].cells[0]
    assert CellRef(A, "disclosed", "commercial") in findings[0].cells


def test_r2_column_total_names_cell_expected_and_actual():
    report = zero_report()
    report.set(CellRef(A, "partial", "natural_person"), 5)
    report.set(CellRef(A, "partial", "total"), 5)
    report.set(CellRef(A, "handled_total", "natural_person"), 4)
    report.set(CellRef(A, "handled_total", "total"), 4)
    report.set(CellRef(A, "new", "natural_person"), 4)
    report.set(CellRef(A, "new", "total"), 4)
    messages = [f.message for f in check(report) if f.rule == "R2"]
    assert "（七）总计·自然人应为 5（各项之和），实为 4" in messages
    assert rules(check(report)) == ["R2"]


def test_r2_in_2019_counts_the_single_other_row():
    report = zero_report("2019", 2020)
    for col in ("natural_person", "total"):
        report.set(CellRef(A, "other", col), 1)
    assert rules(check(report), ERROR) == ["R2"]
    for col in ("natural_person", "total"):
        report.set(CellRef(A, "handled_total", col), 1)
        report.set(CellRef(A, "new", col), 1)
    assert check(report) == []


def test_r3_balance():
    report = zero_report()
    report.set(CellRef(A, "carry_forward", "research"), 1)
    report.set(CellRef(A, "carry_forward", "total"), 1)
    findings = [f for f in check(report) if f.rule == "R3"]
    assert [f.message for f in findings] == [
        "收到和处理政府信息公开申请情况·科研机构：第一项加第二项之和为 0，第三项加第四项之和为 1，两者应相等",
        "收到和处理政府信息公开申请情况·总计：第一项加第二项之和为 0，第三项加第四项之和为 1，两者应相等",
    ]


@pytest.mark.parametrize("group", ["review", "direct_suit", "suit_after_review"])
def test_r4_each_group(group):
    report = zero_report()
    report.set(CellRef(RL, group, "pending"), 3)
    findings = check(report)
    assert rules(findings) == ["R4"]
    assert findings[0].cells[0] == CellRef(RL, group, "total")
    report.set(CellRef(RL, group, "total"), 3)
    assert check(report) == []


def test_empty_is_not_zero_a_half_filled_report_is_incomplete_not_red():
    report = zero_report()
    report.set(CellRef(A, "withheld_law", "natural_person"), None)
    findings = check(report)
    assert not has_errors(findings)
    incomplete = [f for f in findings if f.rule == INCOMPLETE]
    assert len(incomplete) == 1 and incomplete[0].severity == INFO
    assert incomplete[0].cells == (CellRef(A, "withheld_law", "natural_person"),)
    assert "（三）不予公开·2.其他法律行政法规禁止公开·自然人" in incomplete[0].message


def test_a_rule_with_empty_cells_is_not_failed_even_when_filled_cells_disagree():
    report = zero_report()
    report.set(CellRef(A, "new", "natural_person"), 7)  # R1 on row new would fail …
    report.set(CellRef(A, "new", "total"), None)  # … but its total is unknown
    assert "R1" not in rules(check(report))


def test_2021_other_printed_as_one_row_counts_for_its_sub_items_and_is_warned():
    report = zero_report()
    for row in ("other_no_correction", "other_no_fee", "other_misc"):
        for col in report.schema.table(A).row(row).columns:
            report.set(CellRef(A, row, col.id), None)
    for col in ("natural_person", "total"):
        report.set(CellRef(A, "other", col), 2)
        report.set(CellRef(A, "handled_total", col), 2)
        report.set(CellRef(A, "new", col), 2)
    for col in ("commercial", "research", "social_welfare", "legal_service", "other_org"):
        report.set(CellRef(A, "other", col), 0)
    findings = check(report)
    assert rules(findings) == ["S4"]
    assert findings[0].severity == WARNING


def test_negative_and_fractional_counts_are_refused_and_errors():
    report = zero_report()
    with pytest.raises(ValueError, match="行政许可·本年处理决定数量：「-1」不能为负数"):
        report.set(CellRef("active", "licensing", "decisions"), -1)
    # a report built in code may hold them all the same: the check names them
    report.cells[CellRef("active", "licensing", "decisions")] = -1
    report.cells[CellRef(RL, "review", "upheld")] = Decimal("1.5")
    messages = [f.message for f in check(report) if f.rule == "V1"]
    assert "行政许可·本年处理决定数量：「-1」不能为负数" in messages
    assert "行政复议·结果维持：「1.5」不是整数（此处只能填写件数）" in messages


def test_decimal_amounts_and_negative_2019_change_are_fine():
    report = zero_report("2019", 2020)
    report.set(CellRef("active", "penalty", "change"), -185)
    report.set(CellRef("active", "central_procurement", "amount"), Decimal("73802895.90"))
    assert check(report) == []
    report21 = zero_report()
    report21.set(CellRef("active", "fees", "amount"), Decimal("5949.088667"))
    assert check(report21) == []
    report21.cells[CellRef("active", "fees", "amount")] = Decimal("-0.5")
    assert rules(check(report21)) == ["V1"]


def test_2019_format_for_a_2021_or_later_report_is_warned():
    report = zero_report("2019", 2023)
    findings = check(report)
    assert rules(findings) == ["S3"] and findings[0].severity == WARNING
    assert "2023年度报告应使用2021年版格式" in findings[0].message
    assert check(zero_report("2019", 2020)) == []


def test_missing_table_and_empty_section_are_warned():
    report = zero_report()
    for ref in list(report.schema.table("active").cells()):
        report.set(ref, None)
    report.sections["5"] = "  \n"
    findings = check(report)
    assert rules(findings) == ["S1", "S2"]
    s2 = next(f for f in findings if f.rule == "S2")
    assert "二、主动公开政府信息情况" in s2.message and s2.section == "2"
    assert next(f for f in findings if f.rule == "S1").section == "5"
    assert not any(f.rule == INCOMPLETE for f in findings)  # a missing table is one finding, not 10


def test_missing_unit_and_year_are_warned():
    report = zero_report()
    report.unit = ""
    report.year = None
    report.preamble = ""  # the statistics period would name the year
    assert [f.message for f in check(report)] == ["机关名称未填写", "报告年度未填写"]


def test_errors_come_first():
    report = zero_report("2019", 2023)
    report.set(CellRef(RL, "review", "pending"), 1)
    severities = [f.severity for f in check(report)]
    assert severities == sorted(severities, key=[ERROR, WARNING, INFO].index)
