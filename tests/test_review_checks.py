"""The review rules R5–R15 and S5: each caught on a report that breaks it, silent on one that does not."""

import pytest

from gipr_desktop.core.checks import ERROR, INFO, WARNING, check, has_errors
from gipr_desktop.core.chinese_numbers import parse_count
from gipr_desktop.core.schema import CellRef

from tests.helpers import sample_report, zero_report

A = "applications"
RL = "review_litigation"


def found(report, rule, previous=None):
    return [f for f in check(report, previous) if f.rule == rule]


def set_row_total(report, row, value, col="natural_person"):
    """Put ``value`` in one column and the total of a row of table 三 (keeps R1)."""
    report.set(CellRef(A, row, col), value)
    report.set(CellRef(A, row, "total"), value)


# --- R5, R6, R10: last year's report ----------------------------------------------------------------


def test_r5_carried_over_must_equal_last_years_carry_forward():
    last, report = zero_report(year=2022), zero_report()
    set_row_total(last, "carry_forward", 2)
    assert found(report, "R5") == []  # last year unknown: nothing to compare
    findings = found(report, "R5", last)
    assert [f.severity for f in findings] == [ERROR, ERROR]
    assert findings[0].cells == (CellRef(A, "carried_over", "natural_person"),)
    set_row_total(report, "carried_over", 2)
    set_row_total(report, "handled_total", 2)
    set_row_total(report, "disclosed", 2)
    assert found(report, "R5", last) == [] and found(report, "R3", last) == []


def test_r6_in_force_follows_from_last_year():
    last, report = zero_report(year=2022), zero_report()
    last.set(CellRef("active", "normative_documents", "in_force"), 37)
    report.set(CellRef("active", "normative_documents", "issued"), 4)
    report.set(CellRef("active", "normative_documents", "repealed"), 2)
    report.set(CellRef("active", "normative_documents", "in_force"), 38)
    [finding] = found(report, "R6", last)
    assert finding.severity == WARNING
    assert finding.message == "行政规范性文件·现行有效件数应为 39（上年 37 + 本年制发件数 4 − 本年废止件数 2），实为 38"
    report.set(CellRef("active", "normative_documents", "in_force"), 39)
    assert found(report, "R6", last) == []


def test_r6_in_the_2019_format_adds_the_newly_published_to_last_years_total():
    last, report = zero_report("2019", 2019), zero_report("2019", 2020)
    last.set(CellRef("active", "regulations", "total_published"), 9)
    [finding] = found(report, "R6", last)
    assert finding.message == "规章·对外公开总数量应为 9（上年 9 + 本年新公开数量 0），实为 0"
    assert not has_errors(check(report, last))
    report.set(CellRef("active", "regulations", "total_published"), 9)
    assert found(report, "R6", last) == []


def test_r10_section_five_nearly_the_same_as_last_year():
    last, report = zero_report(year=2022), zero_report()
    last.sections["5"] = "2022年，我街道政府信息公开工作仍存在不足：一是公开内容不够全面；二是工作人员业务水平有待提高。下一步将加强培训。"
    report.sections["5"] = last.sections["5"].replace("2022", "2023").replace("下一步", "明年")
    [finding] = found(report, "R10", last)
    assert finding.section == "5" and "不得与往年雷同" in finding.message
    report.sections["5"] = "2023年的主要问题是依申请公开答复期限把握不准，已制定答复流程图并逐件跟踪。"
    assert found(report, "R10", last) == []


def test_u1_sections_unchanged_since_last_year_are_noted_not_faulted():
    last, report = zero_report(year=2022), zero_report()
    last.sections["1"] = "2022年，本街道加强政府信息公开。"
    report.sections["1"] = "2023年，本街道加强政府信息公开。"
    flagged = {f.section: f for f in found(report, "U1", last)}
    assert set(flagged) == {"1", "2", "3", "4", "5"}  # 六 is only the fee statement: it may repeat
    assert flagged["1"].severity == INFO and flagged["1"].message == "「一、总体情况」仍是上年报告的文字，待更新"
    report.sections["1"] = "2023年，本街道加强政府信息公开，新设公开专区。"
    assert "1" not in {f.section for f in found(report, "U1", last)}


def test_a_previous_report_of_another_year_is_not_compared():
    last, report = zero_report(year=2020), zero_report()
    set_row_total(last, "carry_forward", 2)
    [finding] = found(report, "X1", last)
    assert "所附上年报告为 2020 年度，不是 2022 年度" in finding.message
    assert found(report, "R5", last) == []


# --- R7: counts in the text ------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, count", [
    ("2024年,岭东区人民政府共收到2件依申请公开事项。", 2),
    ("2023 年，街道办共接到依申请公开办件 0 件。", 0),
    ("全年新收政府信息公开申请十二件，上年结转2件。", 12),
    ("本年度共收到政府信息公开申请一百零三件。", 103),
    ("本年度受理依申请公开两件。", 2),
    ("2024 年度，本街道未收到政府信息公开申请。", 0),
    ("鸿城街道全年未有依申请公开信息，但也不断做到规范流程。", 0),
])
def test_r7_applications_received_in_the_text(sentence, count):
    report = zero_report()
    report.sections["1"] = sentence
    report.set(CellRef(A, "carried_over", "total"), 2 if "上年结转2件" in sentence else 0)  # said too
    set_row_total(report, "new", count)
    set_row_total(report, "disclosed", count)
    set_row_total(report, "handled_total", count)
    assert found(report, "R7") == []
    set_row_total(report, "new", count + 1)
    set_row_total(report, "disclosed", count + 1)
    set_row_total(report, "handled_total", count + 1)
    [finding] = found(report, "R7")
    assert finding.severity == WARNING and finding.section == "1"
    assert finding.cells == (CellRef(A, "new", "total"),)
    assert f"（{count} 件），但表中「一、本年新收政府信息公开申请数量·总计」为 {count + 1}" in finding.message
    assert finding.message.startswith("「一、总体情况」写明「")


def test_r7_received_may_count_last_years_carried_over_applications_too():
    # published reports write 「全区收到政府信息公开申请75件」 for 74 new and 1 carried over
    report = zero_report()
    report.sections["1"] = "2023年，全区收到政府信息公开申请75件，均在法定期限内予以答复。"
    for row, value in (("new", 74), ("carried_over", 1), ("disclosed", 75), ("handled_total", 75)):
        set_row_total(report, row, value)
    assert found(report, "R7") == []
    report.sections["1"] = report.sections["1"].replace("75件", "76件")
    assert len(found(report, "R7")) == 1


def test_r7_review_litigation_and_normative_documents():
    report = zero_report()
    report.sections["4"] = "2023年，因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。"
    report.sections["1"] = "全年主动公开政府信息1265条，制发行政规范性文件4件。"
    messages = [f.message for f in found(report, "R7")]
    assert len(messages) == 3
    assert any("（2 件），但表中「行政复议·总计」为 0" in m for m in messages)
    assert any("（1 件），但表中「行政诉讼·未经复议直接起诉·总计」与「行政诉讼·复议后起诉·总计」之和为 0" in m
               for m in messages)
    assert any("（4 件），但表中「行政规范性文件·本年制发件数」为 0" in m for m in messages)


def test_r7_no_review_or_suit_stated_as_zero():
    report = zero_report()
    report.sections["4"] = "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"
    assert found(report, "R7") == []
    report.set(CellRef(RL, "direct_suit", "upheld"), 1)
    report.set(CellRef(RL, "direct_suit", "total"), 1)
    [finding] = found(report, "R7")
    assert "之和为 1" in finding.message


def test_r7_is_silent_on_other_counts_and_on_empty_cells():
    report = zero_report()
    report.sections["1"] = "全年共计报送信息190篇,采用183条，发布信息24条；安排 1 名人员专职负责，开展培训2次。"
    assert found(report, "R7") == []
    report.sections["1"] = "共收到政府信息公开申请5件。"
    report.set(CellRef(A, "new", "total"), None)
    assert found(report, "R7") == []  # unknown is not a contradiction


def test_the_sample_reports_text_agrees_with_its_tables():
    assert check(sample_report()) == []


@pytest.mark.parametrize("text, value", [
    ("0", 0), ("12", 12), ("１２", 12), ("两", 2), ("十二", 12), ("二十", 20), ("一百零三", 103),
    ("三千二百", 3200), ("一万零五", 10005), ("零", 0),
    ("一二", None), ("十百", None), ("万", None), ("", None), ("十二条", None),
])
def test_counts_written_in_chinese_numerals(text, value):
    assert parse_count(text) == value


def test_a_run_of_digits_longer_than_any_count_is_no_count():
    """A hostile text's 5 000-digit 「…件」 is no count, as a cell of more digits than Python converts
    (4 300) is none: the import failed with 「无法识别（ValueError）」. 400 digits are still a count (R7)."""
    assert parse_count("9" * 5000) is None and parse_count("９" * 5000) is None
    assert parse_count("9" * 400) == int("9" * 400)


# --- R8, R13: years ----------------------------------------------------------------------------------


def test_r8_fee_statement_naming_another_year():
    report = zero_report(year=2024)
    report.sections["6"] = ("按照《国务院办公厅关于印发政府信息公开信息处理费管理办法的通知》（国办函〔2020〕109号）规定，"
                            "2022年本机关依申请公开政府信息未收费。")
    [finding] = found(report, "R8")
    assert finding.section == "6"
    assert finding.message.startswith("「六、其他需要报告的事项」中的收费情况说明写的是 2022 年：「按照《")
    report.sections["6"] = report.sections["6"].replace("2022年", "2024年")
    assert found(report, "R8") == []


def test_r8_ignores_document_titles_numbers_and_enactment_dates():
    report = zero_report(year=2024)
    report.sections["6"] = "根据自2021年1月1日起施行的《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
    report.sections["1"] += "认真贯彻《双鸭山市2023年政务公开工作实施方案》。为做好2025年的政府信息公开工作，将继续努力。"
    assert check(report) == []


def test_r8_title_and_statistics_period_of_another_year():
    report = zero_report(year=2024)
    report.preamble = ("现公布本街道2023年度政府信息公开工作年度报告。"
                       "本报告数据统计期限为2023年1月1日至2023年12月31日止。")
    findings = found(report, "R8")
    assert [f.message.split("：")[0] for f in findings] == ["开头说明中的报告标题写的是 2023 年",
                                                           "开头说明中的统计期限写的是 2023 年"]
    assert found(report, "R13") == []  # the period is stated; its year is R8's finding


def test_r13_statistics_period_missing_or_not_the_whole_year():
    report = zero_report()
    report.preamble = "本报告电子版可在门户网站下载。"
    [finding] = found(report, "R13")
    assert finding.message == "报告未写明数据统计期限（应为 2023 年 1 月 1 日至 2023 年 12 月 31 日）"
    report.preamble = "本报告所列数据统计期限自2023年1月1日至6月30日。"
    assert "统计期限不是 2023 年 1 月 1 日至 12 月 31 日" in found(report, "R13")[0].message
    report.preamble = "本年度报告所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。"
    assert found(report, "R13") == []


# --- S5: the fee statement -------------------------------------------------------------------------------


def test_s5_section_six_without_a_fee_statement():
    report = zero_report()
    report.sections["6"] = "无其他需要报告的事项。"
    [finding] = found(report, "S5")
    assert finding.message == "「六、其他需要报告的事项」未说明收取信息处理费的情况（包括未收取）"
    report.sections["1"] = "围绕办事处日常工作做好公开，本年度没有产生信息公开处理费。"
    assert "（收费情况写在了「一、总体情况」中，应移至本部分）" in found(report, "S5")[0].message
    report.sections["6"] = "本年度未收取信息处理费。"
    assert found(report, "S5") == []


def test_s5_does_not_apply_to_reports_on_2019_and_2020():
    report = zero_report("2019", 2020)
    report.sections["6"] = "无。"
    assert found(report, "S5") == []
    assert found(zero_report("2019", 2023), "S5") == []  # the helper's section 六 states the fee


def test_s5_ignores_administrative_fees():
    report = zero_report()
    report.sections["6"] = "本年度行政事业性收费情况见上表。"
    assert len(found(report, "S5")) == 1


# --- R9, R11, R12, R15 -------------------------------------------------------------------------------------


def test_r9_overlong_summary():
    report = zero_report()
    report.sections["1"] = "加强政府信息公开工作。" * 91  # 1001 characters
    [finding] = found(report, "R9")
    assert "有 1001 字" in finding.message
    report.sections["1"] = "加强政府信息公开工作。" * 90
    assert found(report, "R9") == []


@pytest.mark.parametrize("unit, warns", [
    ("岭东区中心街道办事处", True), ("岭东区人民政府", True), ("某某县财政局", True), ("某某镇人民政府", True),
    ("双鸭山市人民政府", False), ("广西壮族自治区人民政府", False), ("黑龙江省人民政府", False), ("", False),
])
def test_r11_regulations_from_a_body_that_cannot_make_them(unit, warns):
    report = zero_report()
    report.unit = unit
    assert found(report, "R11") == []  # 0 規章 is always fine
    report.set(CellRef("active", "regulations", "issued"), 1)
    assert bool(found(report, "R11")) == warns


def test_r12_large_share_of_other_handling():
    report = zero_report()
    for row, value in (("new", 10), ("disclosed", 4), ("other_misc", 6), ("handled_total", 10)):
        set_row_total(report, row, value)
    [finding] = found(report, "R12")
    assert finding.message.startswith("（六）其他处理共 6 件，占办理总数 10 件的 60%")
    for row, value in (("disclosed", 8), ("other_misc", 2)):
        set_row_total(report, row, value)
    assert found(report, "R12") == []


@pytest.mark.parametrize("unit, published, warns", [
    ("测试街道办事处", "2024-01-31", False),
    ("测试街道办事处", "2024-02-01", True),
    ("岭东区人民政府", "2024-02-20", False),
    ("岭东区人民政府", "2024-02-21", True),
    ("双鸭山市人民政府", "2024-03-10", False),
    ("黑龙江省人民政府", "2024-03-31", False),
    ("黑龙江省人民政府", "2024-04-01", True),
    # a report whose title names a place only is that place's government's (「三明市2022年政府信息公开工作年度报告」)
    ("三明市", "2024-03-10", False),
    ("三明市", "2024-03-11", True),
    ("平潭综合实验区", "2024-02-08", False),
    ("平潭综合实验区", "2024-02-21", True),
    ("黑龙江省", "2024-03-31", False),
    ("沭阳县政府", "2024-02-20", False),  # 政府 for 人民政府
    ("沭阳县政府办", "2024-02-01", True),  # its office: a department
    ("某某社区", "2024-02-01", True),  # a community is no district
    ("三明市财政局", "2024-02-01", True),
])
def test_r15_published_after_the_deadline(unit, published, warns):
    report = zero_report()
    report.unit, report.published = unit, published
    assert bool(found(report, "R15")) == warns


def test_r15_unreadable_publication_date():
    report = zero_report()
    report.published = "去年"
    assert "发布日期「去年」无法识别" in found(report, "R15")[0].message


def test_r12_share_of_other_handling_when_a_count_is_held_as_a_whole_decimal():
    """A count read as Decimal('5') (a whole number from a spreadsheet cell) is a count like 5: R12 says
    its share, and no check fails."""
    from decimal import Decimal

    from gipr_desktop.core.report import Report

    report = Report(format="2021")
    report.cells[CellRef("applications", "handled_total", "total")] = 1
    report.cells[CellRef("applications", "other_misc", "total")] = Decimal("5")
    findings = check(report)
    assert not [f for f in findings if "未能完成" in f.message]
    assert any(f.rule == "R12" and "500%" in f.message for f in findings)
