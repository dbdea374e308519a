"""What a careful 政务公开办 reviewer finds in real reports, and nothing they would reject.

Every fix and every rule is tried on the real reports (../shared/seeds, ../shared/fixtures,
tests/fixtures/reports) in both directions: the finding is there when the report gives cause, and
absent when it does not. Where a report gives no cause in one direction, the test changes the one
cell or sentence that would, and says so.
"""

from __future__ import annotations

from functools import lru_cache

import re
from decimal import Decimal

import pytest

from gipr_desktop.core.checks import CHECK_FAILED, INCOMPLETE, WARNING, check
from gipr_desktop.core.notes import BLANK, ImportNote
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.errors import ImportResult
from gipr_desktop.io.registry import read_report

from tests.conftest import FIXTURES, PROJECT_ROOT, SEEDS
from tests.helpers import sample_report, zero_report

REPORTS = PROJECT_ROOT / "tests" / "fixtures" / "reports"
A = "applications"
RL = "review_litigation"


@lru_cache(maxsize=None)
def _imported(name: str) -> ImportResult:
    for folder in (SEEDS, FIXTURES, REPORTS):
        if (folder / name).exists():
            return read_report(folder / name)
    raise FileNotFoundError(name)


def real(name: str) -> ImportResult:
    """The import (report and notes) of a real report by its file name: a copy each test may change."""
    imported = _imported(name)
    return ImportResult(imported.report.copy(), list(imported.notes))


def findings(name: str, rule: str, previous: str | None = None, report=None, notes=None):
    imported = real(name)
    last = real(previous).report if previous else None
    report = imported.report if report is None else report
    return [f for f in check(report, last, imported.notes if notes is None else notes) if f.rule == rule]


# --- U1: what is compared with last year ------------------------------------------------------------


def test_u1_leaves_the_table_headers_of_section_two_alone():
    assert findings("006_pingtan_2023.txt", "U1", "005_pingtan_2022.txt") == []
    # the same copied headers plus a sentence the writer did not update: that sentence is flagged
    last, report = real("005_pingtan_2022.txt").report, real("006_pingtan_2023.txt").report
    sentence = "\n全区各单位主动公开政府信息情况见下表，均已按时更新。"
    last.sections["2"] += sentence
    report.sections["2"] += sentence
    [finding] = [f for f in check(report, last) if f.rule == "U1"]
    assert finding.section == "2" and finding.message == "「二、主动公开政府信息情况」仍是上年报告的文字，待更新"


def test_u1_leaves_a_section_six_that_is_only_the_fee_sentence_alone():
    # 「2022年，无收取信息处理费情况。」 after 「2021年，…」: the standard sentence may repeat
    assert findings("005_pingtan_2022.txt", "U1", "004_pingtan_2021.txt") == []
    last, report = real("004_pingtan_2021.txt").report, real("005_pingtan_2022.txt").report
    last.sections["6"] += "\n2021年，区管委会办公室组织政务公开培训3场。"
    report.sections["6"] += "\n2022年，区管委会办公室组织政务公开培训3场。"
    assert [f.section for f in check(report, last) if f.rule == "U1"] == ["6"]


# --- R13, M1: the statistics period and the year ----------------------------------------------------


def test_r13_reads_a_statistics_period_broken_over_two_lines():
    # 009 prints 「统计周期\n为 2024 年 1 月 1 日至 12 月 31 日」 (a PDF line end inside the sentence): the import
    # joins the sentence; a preamble typed with the line end in it reads the same
    report = real("009_shanghai_kewei_2024.txt").report
    assert "统计周期为 2024 年 1 月 1 日至 12 月 31 日" in report.preamble
    assert findings("009_shanghai_kewei_2024.txt", "R13") == []
    report.preamble = report.preamble.replace("统计周期为 2024 年", "统计周期\n为 2024 年")
    assert [f for f in check(report) if f.rule == "R13"] == []
    report.preamble = report.preamble.replace("统计周期\n为 2024 年 1 月 1 日至 12 月 31 日", "统计周期见附表")
    [finding] = [f for f in check(report) if f.rule == "R13"]
    assert finding.message == "报告未写明数据统计期限（应为 2024 年 1 月 1 日至 2024 年 12 月 31 日）"


def test_m1_takes_the_report_year_from_the_statistics_period():
    report = real("002_c011582259751f09.txt").report
    report.year = None
    assert not any(f.message == "报告年度未填写" for f in check(report))
    report.preamble = "根据《条例》规定，现公布本街道政府信息公开工作年度报告。"  # names no year
    assert any(f.rule == "M1" and f.message == "报告年度未填写" for f in check(report))


# --- S1, S2, S5, S6: what is missing -------------------------------------------------------------------


def test_s1_says_the_heading_was_not_found_when_it_was_not():
    [finding] = findings("009_shanghai_kewei_2024.txt", "S1")
    assert finding.message == "「五、存在的主要问题及改进情况」的标题未找到（其内容可能并在上一部分中），请补上标题并核对内容"
    imported = real("002_c011582259751f09.txt")
    imported.report.sections["5"] = ""  # a section truly left empty, its heading where it belongs
    [finding] = [f for f in check(imported.report, None, imported.notes) if f.rule == "S1"]
    assert finding.message == "「五、存在的主要问题及改进情况」没有内容"
    # typed in without notes: the heading sits as a line of section 四, so 五's text is there
    imported.report.sections["4"] += "\n五、存在的主要问题及改进情况\n一是政策解读形式单一。"
    [finding] = [f for f in check(imported.report) if f.rule == "S1"]
    assert finding.message.startswith("「五、存在的主要问题及改进情况」的标题未找到")
    imported.report.sections["4"] = imported.report.sections["4"].replace("五、存在的主要问题", "下文说明存在的主要问题")
    assert [f.message for f in check(imported.report) if f.rule == "S1"] == ["「五、存在的主要问题及改进情况」没有内容"]


def test_s2_tells_a_missing_table_from_a_blank_and_an_unread_one():
    # 003 prints no table 二 at all
    [finding] = findings("003_3b6d8eb9ad11ab1a.txt", "S2")
    assert finding.message == "「二、主动公开政府信息情况」缺少表格（表中没有任何数据）"
    report = real("002_c011582259751f09.txt").report
    for ref in [ref for ref in report.cells if ref.table == "active"]:
        del report.cells[ref]
    blank = [ImportNote("表「主动公开政府信息情况」有 21 个单元格为空白，保留为空（未知），未按 0 读取", "active", kind=BLANK)]
    [finding] = [f for f in check(report, None, blank) if f.rule == "S2"]
    assert finding.message == "「二、主动公开政府信息情况」的表格「主动公开政府信息情况」原文各栏均为空白，应填写数字（没有的填 0）"
    unread = [ImportNote("表「主动公开政府信息情况」规章：数字「000」连在一起，本行留空", "active")]
    [finding] = [f for f in check(report, None, unread) if f.rule == "S2"]
    assert finding.message == "「二、主动公开政府信息情况」的表格「主动公开政府信息情况」未能读取（见导入说明），请按原文填写"


def test_a_cut_off_report_gets_one_finding_listing_what_is_missing(tmp_path):
    text = (SEEDS / "002_c011582259751f09.txt").read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: text.index("3、 收到和处理政府信息公开申请情况")], encoding="utf-8")  # cut after 二
    imported = read_report(cut)
    found = check(imported.report, None, imported.notes)
    [summary] = [f for f in found if f.rule == "S6"]
    assert summary.message == (
        "文本不完整，缺少「三、收到和处理政府信息公开申请情况」的表格、「四、政府信息公开行政复议、行政诉讼情况」的表格、"
        "「五、存在的主要问题及改进情况」、「六、其他需要报告的事项」；请核对原文是否完整，或是否只导入了一部分")
    assert not any(f.rule in ("S1", "S2", "S5") for f in found)
    assert findings("002_c011582259751f09.txt", "S6") == []  # the whole report


def test_s5_is_not_repeated_when_section_six_is_empty():
    report = real("004_a5beddac6e9ed429.txt").report
    report.sections["6"] = ""
    found = check(report)
    assert [f.rule for f in found if f.section == "6"] == ["S1"]
    report.sections["6"] = "无其他需要报告的事项。"
    assert [f.rule for f in check(report) if f.section == "6"] == ["S5"]


# --- V2 and INCOMPLETE: blank, unread and unfilled cells ---------------------------------------------


def test_blank_printed_cells_are_a_warning_and_stay_unknown():
    # 010 prints every 法人或其他组织 column blank
    [finding] = findings("010_shuyang_fagaiju_2023.txt", "V2")
    assert finding.severity == WARNING and finding.message.startswith("原文空白，应填 0")
    assert "一、本年新收政府信息公开申请数量·商业企业" in finding.message and len(finding.cells) == 125
    assert findings("010_shuyang_fagaiju_2023.txt", "R1") == []  # arithmetic reads them as unknown
    imported = real("010_shuyang_fagaiju_2023.txt")
    for ref in finding.cells:
        imported.report.set(ref, 0)
    assert not any(f.rule in ("V2", INCOMPLETE) for f in check(imported.report, None, imported.notes))


def test_incomplete_says_which_cells_could_not_be_read():
    # 001 (上海市人民政府办公厅): many cells printed blank; one row as the importer leaves a row it cannot read
    imported = real("001_shanghai_szfbgt_2019.txt")
    row = "withheld_law"
    for ref in [ref for ref in imported.report.cells if ref.row == row and ref.table == "applications"]:
        del imported.report.cells[ref]
    unread = ImportNote("表「收到和处理政府信息公开申请情况」（三）不予公开·2.其他法律行政法规禁止公开：未能读取，本行留空",
                        "applications", row)
    [incomplete] = [f for f in check(imported.report, None, [*imported.notes, unread]) if f.rule == INCOMPLETE]
    assert "未能读取，请按原文填写：（三）不予公开·2.其他法律行政法规禁止公开·自然人" in incomplete.message
    assert findings("001_shanghai_szfbgt_2019.txt", "V2")[0].message.startswith("原文空白，应填 0")
    # without the importer's notes nothing says why a cell is empty: the plain wording
    [plain] = findings("001_shanghai_szfbgt_2019.txt", INCOMPLETE, notes=())
    assert "未填写：" in plain.message and "未能读取" not in plain.message
    assert findings("001_shanghai_szfbgt_2019.txt", "V2", notes=()) == []


# --- R11, R12, R16: the tables' plausibility ---------------------------------------------------------


def test_r11_names_the_2019_row_in_a_2019_report():
    [finding] = findings("003_pingtan_2020.txt", "R11")
    assert finding.message.endswith("请核对是否应填在「规范性文件」行")
    report = zero_report()
    report.unit = "岭东区中心街道办事处"
    report.set(CellRef("active", "regulations", "issued"), 1)
    assert [f.message for f in check(report) if f.rule == "R11"][0].endswith("请核对是否应填在「行政规范性文件」行")


def test_r11_reads_how_a_body_without_a_name_speaks_of_itself():
    report = real("002_c011582259751f09.txt").report  # the text says 「我街道」
    report.set(CellRef("active", "regulations", "issued"), 1)
    report.unit = ""
    [finding] = [f for f in check(report) if f.rule == "R11"]
    assert "本机关（正文自称「我街道」）无权制定规章" in finding.message
    for key in report.sections:
        report.sections[key] = report.sections[key].replace("我街道", "鸿城街道")
    assert [f for f in check(report) if f.rule == "R11"] == []


def test_r12_gives_the_breakdown_of_other_handling():
    # 009: 14 of 35 under （六）, 10 of them 逾期不补正 — a lawful outcome, not a way around a reason
    [finding] = findings("009_shanghai_kewei_2024.txt", "R12")
    assert finding.message == ("（六）其他处理共 14 件，占办理总数 35 件的 40%；其中1.申请人无正当理由逾期不补正 10 件、"
                               "3.其他 4 件；请核对各项是否如实分类")
    assert findings("008_pingtan_2025.txt", "R12") == []  # 11 of 148


def test_r12_keeps_its_advice_for_the_2019_single_row():
    report = zero_report("2019", 2020)
    for row, value in (("new", 10), ("disclosed", 4), ("other", 6), ("handled_total", 10)):
        report.set(CellRef(A, row, "natural_person"), value)
        report.set(CellRef(A, row, "total"), value)
    [finding] = [f for f in check(report) if f.rule == "R12"]
    assert finding.message.endswith("能归入前五类办理结果的，不应计入「其他处理」")


def test_r16_other_misc_alone_has_its_own_threshold():
    [finding] = findings("011_shuyang_xianzhengfu_2025.txt", "R16")
    assert finding.message.startswith("（六）其他处理·3.其他共 143 件，占办理总数 718 件的 20%")
    assert findings("008_pingtan_2025.txt", "R16") == []  # 1 of 148


@pytest.mark.parametrize("misc, handled, warns", [(5, 50, True), (4, 40, False), (5, 51, False), (6, 60, True)])
def test_r16_threshold_is_ten_percent_and_five_cases(misc, handled, warns):
    report = zero_report()
    for row, value in (("new", handled), ("disclosed", handled - misc), ("other_misc", misc), ("handled_total", handled)):
        report.set(CellRef(A, row, "natural_person"), value)
        report.set(CellRef(A, row, "total"), value)
    assert bool([f for f in check(report) if f.rule == "R16"]) == warns


# --- R7: the text against the tables -----------------------------------------------------------------


def test_r7_outcome_breakdown_and_shares_that_agree_are_silent():
    # 006: 「予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件…」 all as the table
    assert findings("006_pingtan_2023.txt", "R7") == []
    assert findings("huaian-city-2024.pdf", "R7") == []  # 答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延…）


def test_r7_an_outcome_count_the_table_does_not_bear_out():
    report = real("006_pingtan_2023.txt").report
    report.set(CellRef(A, "withheld_query", "natural_person"), 3)
    report.set(CellRef(A, "withheld_query", "total"), 3)
    [finding] = [f for f in check(report) if f.rule == "R7" and "不予公开5件" in f.message]
    assert "（5 件），但表中「（三）不予公开·1.属于国家秘密·总计」与" in finding.message
    assert finding.message.endswith("之和为 6")


def test_r7_a_share_that_is_not_the_counts_share():
    # 001: 「予以公开及部分公开258件，占33.9%」 with 805 handled: 32.0 %
    [finding] = [f for f in findings("001_shanghai_szfbgt_2019.txt", "R7") if "占 33.9%" in f.message]
    assert finding.message.endswith("但按表中「（七）总计·总计」 805 件计应为 32.0%")
    assert not any("4.34%" in f.message for f in findings("001_shanghai_szfbgt_2019.txt", "R7"))  # 4.347…, cut


def test_r7_handled_and_carried_forward_in_the_text():
    assert findings("008_pingtan_2025.txt", "R7") == []  # 「共办结148件，结转至2026年6件」
    report = real("008_pingtan_2025.txt").report
    report.set(CellRef(A, "carry_forward", "total"), 7)
    [finding] = [f for f in check(report) if f.rule == "R7"]
    assert "（6 件），但表中「四、结转下年度继续办理·总计」为 7" in finding.message


def test_r7_carried_over_from_last_year_in_the_text():
    report = real("huaian-city-2024.pdf").report  # 「含上年度结转申请 34 件」
    report.set(CellRef(A, "carried_over", "total"), 35)
    assert any("（34 件），但表中「二、上年结转政府信息公开申请数量·总计」为 35" in f.message
               for f in check(report) if f.rule == "R7")


def test_r7_applications_said_to_include_last_years():
    # 005: 「收到政府信息公开申请75件」 is 74 new + 1 carried over; stated 「含上年结转」 it must be that sum
    report = real("005_pingtan_2022.txt").report
    assert [f for f in check(report) if f.rule == "R7"] == []
    report.sections["3"] = "2022年，全区收到政府信息公开申请74件（含上年结转1件）。"
    [finding] = [f for f in check(report) if f.rule == "R7"]
    assert "「一、本年新收政府信息公开申请数量·总计」与「二、上年结转政府信息公开申请数量·总计」之和为 75" in finding.message


def test_r7_all_upheld_while_cases_are_pending():
    # 001: 「行政复议7件，诉讼9件，均获维持」 while the table holds 2 and 1 pending
    [finding] = [f for f in findings("001_shanghai_szfbgt_2019.txt", "R7") if "均获维持" in f.message]
    assert finding.message.endswith("（均获维持），但表中「行政复议·尚未审结」为 2、「行政诉讼·未经复议直接起诉·尚未审结」为 1")
    report = real("001_shanghai_szfbgt_2019.txt").report
    for ref in finding.cells:
        report.set(CellRef(ref.table, ref.row, "upheld"), report.cells.get(CellRef(ref.table, ref.row, "upheld"), 0)
                   + report.cells[ref])
        report.set(ref, 0)
    assert not any("均获维持" in f.message for f in check(report) if f.rule == "R7")


def test_r7_not_corrected_and_all_closed():
    # 009: 「该行政复议件未被复议审查机关纠错」; 005: 「行政诉讼案件1件、行政复议案件2件，均已结案」
    assert findings("009_shanghai_kewei_2024.txt", "R7") == []
    assert findings("005_pingtan_2022.txt", "R7") == []
    report = real("009_shanghai_kewei_2024.txt").report
    report.set(CellRef(RL, "review", "corrected"), 1)
    assert any("（未被纠错），但表中「行政复议·结果纠正」为 1" in f.message for f in check(report) if f.rule == "R7")
    report = real("005_pingtan_2022.txt").report
    report.set(CellRef(RL, "direct_suit", "pending"), 1)
    assert any("（均已结案），但表中「行政诉讼·未经复议直接起诉·尚未审结」为 1" in f.message
               for f in check(report) if f.rule == "R7")


def test_r7_normative_documents_in_force():
    # 005: 「集中公开现行有效行政规范性文件698件」; the importer left the row empty (digits run together)
    assert findings("005_pingtan_2022.txt", "R7") == []
    report = real("005_pingtan_2022.txt").report
    report.set(CellRef("active", "normative_documents", "in_force"), 698)
    assert [f for f in check(report) if f.rule == "R7"] == []
    report.set(CellRef("active", "normative_documents", "in_force"), 700)
    [finding] = [f for f in check(report) if f.rule == "R7"]
    assert "（698 件），但表中「行政规范性文件·现行有效件数」为 700" in finding.message


# --- R2, R6, R15, R17, S7 ------------------------------------------------------------------------------


def test_r2_names_the_group_left_out_of_the_total():
    # 003 (2020): the result rows sum to 27, （七）总计 prints 21 — exactly （二）部分公开's 6
    by_cell = {f.cells[0].col: f.message for f in findings("003_pingtan_2020.txt", "R2")}
    assert by_cell["total"] == "（七）总计·总计应为 27（各项之和），实为 21；（二）部分公开 6 件可能未计入总计"
    assert by_cell["natural_person"] == "（七）总计·自然人应为 26（各项之和），实为 20"  # 6 予以公开 and 6 部分公开: no guess


def test_r6_in_the_2019_format_across_real_years():
    [finding] = findings("003_pingtan_2020.txt", "R6", "002_pingtan_2019.txt")
    assert finding.message == "规章·对外公开总数量应为 0（上年 0 + 本年新公开数量 0），实为 7"
    report = real("003_pingtan_2020.txt").report
    report.set(CellRef("active", "regulations", "new_published"), 7)
    assert [f for f in check(report, real("002_pingtan_2019.txt").report) if f.rule == "R6"] == []


def test_r15_runs_on_an_imported_report_with_a_publication_date():
    imported = real("001_shanghai_szfbgt_2019.txt")
    assert imported.report.published == "2020-01-31"
    assert findings("001_shanghai_szfbgt_2019.txt", "R15") == []  # a department: due 31 January
    imported.report.published = "2020-02-01"
    assert [f.message for f in check(imported.report) if f.rule == "R15"] == [
        "发布日期 2020年2月1日 晚于县级人民政府部门、乡镇、街道年度报告的公布期限 2020年1月31日"]
    report = real("011_shuyang_xianzhengfu_2025.txt").report
    report.published = "2026-01-23"
    assert [f for f in check(report) if f.rule == "R15"] == []
    report.published = "2026-02-21"
    assert len([f for f in check(report) if f.rule == "R15"]) == 1


def test_r17_a_peoples_government_states_assessment_appraisal_and_accountability():
    [finding] = findings("011_shuyang_xianzhengfu_2025.txt", "R17")  # 考核 yes, 评议 and 追究 no
    assert finding.message.endswith("正文未写到：社会评议、责任追究") and finding.section == "6"
    assert len(findings("huaian-city-2024.pdf", "R17")) == 1
    assert findings("002_c011582259751f09.txt", "R17") == []  # a street office: not asked
    assert [f for f in check(sample_report()) if f.rule == "R17"] == []  # 「开展社会评议，未有责任追究」
    # a title naming the place only (「三明市2022年政府信息公开工作年度报告」) is the city government's report
    report = real("062_sanming_shizhengfu_2022.txt").report
    assert report.unit == "三明市"
    report.sections = {key: text.replace("考核", "检查") for key, text in report.sections.items()}
    report.preamble = report.preamble.replace("考核", "检查")
    assert any("工作考核" in f.message for f in check(report) if f.rule == "R17")


def test_s7_a_summary_missing_several_of_its_topics():
    [finding] = findings("001_39a3bb303739f26f.txt", "S7")
    assert finding.message.startswith("「一、总体情况」未写到主动公开、依申请公开、政府信息管理、平台建设方面的情况")
    assert findings("002_c011582259751f09.txt", "S7") == []
    assert findings("huaian-city-2024.pdf", "S7") == []


def test_s8_a_2021_report_still_printing_the_2019_table_labels():
    # 004 (2021) leaves its table 二 headers in the text: 2021 labels, nothing to say; 003 (2020) is a
    # 2019-format report with 2019 labels, nothing to say either
    assert findings("004_pingtan_2021.txt", "S8") == []
    assert findings("003_pingtan_2020.txt", "S8") == []
    report = real("004_pingtan_2021.txt").report
    # the old template's table 二 headers pasted as text (the importer keeps a table's lines out of the
    # section text now: 003's own are no longer there to take)
    report.sections["2"] = ("第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量\n"
                            "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量")
    [finding] = [f for f in check(report) if f.rule == "S8"]
    assert finding.section == "2" and finding.severity == "info"
    assert finding.message.startswith("「二、主动公开政府信息情况」的表格栏目用的是2019年版格式（试行）的名称：「")
    assert "「对外公开总数量」" in finding.message and "「本年新制作数量」" in finding.message
    assert finding.message.endswith("本报告为2021年版格式，请按2021年版格式的栏目核对表格")
    report.sections["2"] += "\n本年度对外公开总数量较上年有所增加，各单位均按时更新。"  # a sentence using the word: not a header
    assert len([f for f in check(report) if f.rule == "S8"]) == 1


def test_r7_words_of_counts_that_are_not_applications_are_left_alone():
    report = real("002_c011582259751f09.txt").report
    report.sections["1"] += "\n全年办理12件人大建议和政协提案，结转下年度2个项目。"
    assert [f for f in check(report) if f.rule == "R7"] == []
    report.sections["1"] += "\n全年共收到政府信息公开申请2件。全年办理12件。"  # after a sentence on applications: counted
    assert any("（12 件），但表中「（七）总计·总计」为 0" in f.message for f in check(report) if f.rule == "R7")


def test_r7_upheld_of_the_closed_cases_says_nothing_of_the_pending_ones():
    report = real("001_shanghai_szfbgt_2019.txt").report  # 2 reviews and 1 suit pending
    report.sections["1"] = "信息公开类行政复议7件，诉讼9件，已审结的均获维持。"
    assert not any("均获维持" in f.message for f in check(report) if f.rule == "R7")
    report.set(CellRef(RL, "review", "corrected"), 1)
    assert any("（均获维持），但表中「行政复议·结果纠正」为 1" in f.message for f in check(report) if f.rule == "R7")


def test_r7_a_share_stated_with_a_count_of_hundreds_of_digits_is_named_not_failed():
    # damaged text: the count runs on for 400 digits; the share is still checked, and no rule fails
    report = real("001_shanghai_szfbgt_2019.txt").report
    report.sections["3"] = "予以公开及部分公开" + "9" * 400 + "件，占33.9%。"
    found = check(report)
    assert not [f for f in found if f.rule == CHECK_FAILED]
    [finding] = [f for f in found if f.rule == "R7" and "9999 件，占 33.9%" in f.message]
    assert re.search(r"件计应为 \d{390,}\.\d%$", finding.message)


def test_r7_a_share_against_a_total_typed_as_a_decimal_is_checked():
    report = zero_report()
    report.cells[CellRef(A, "handled_total", "total")] = Decimal("2.0")  # a whole number, as a file may hold it
    report.sections["6"] = "予以公开及部分公开1件，占60%；"
    found = check(report)
    assert not [f for f in found if f.rule == CHECK_FAILED]
    assert any(f.rule == "R7" and f.message.endswith("件计应为 50.0%") for f in found)


def test_r7_no_case_corrected_is_no_statement_that_there_were_no_cases():
    # 103: 「全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。」 with 1295 applications, 55 reviews
    # and 34 suits: it says none was corrected, not that none was received
    assert not any("全年未发生" in f.message for f in findings("103_shanghai_szfbgt_2025.txt", "R7"))
    report = real("103_shanghai_szfbgt_2025.txt").report
    report.sections["1"] = "本年度未发生行政复议、行政诉讼案件被纠错的情况。"  # the outcome further on in the clause
    assert [f for f in check(report) if f.rule == "R7"] == []
    report = real("103_shanghai_szfbgt_2025.txt").report
    report.set(CellRef(RL, "review", "corrected"), 2)
    report.set(CellRef(RL, "review", "total"), report.get(CellRef(RL, "review", "total")) + 2)
    [finding] = [f for f in check(report) if f.rule == "R7" and "全年未发生" in f.message]
    assert "（未被纠错），但表中「行政复议·结果纠正」为 2" in finding.message
    report = real("103_shanghai_szfbgt_2025.txt").report
    report.set(CellRef(RL, "direct_suit", "corrected"), 1)
    assert any("全年未发生" in f.message and "「行政诉讼·未经复议直接起诉·结果纠正」为 1" in f.message
               for f in check(report) if f.rule == "R7")


def test_r7_documents_by_their_disclosure_are_no_outcomes_of_applications():
    # 055: 「共发布政府信息（文件）687份，其中主动公开299份，依申请公开及不予公开388份」: documents by how
    # they are disclosed (主动公开 / 依申请公开 / 不予公开), not applications refused; 061 says it of 411
    assert findings("055_pingtan_zonghezhifaju_2023.txt", "R7") == []
    assert findings("061_pingtan_zonghezhifaju_2019.txt", "R7") == []
    report = real("055_pingtan_zonghezhifaju_2023.txt").report
    report.sections["1"] += "\n收到政府信息公开申请5件，不予公开3件。"  # an outcome of applications is still checked
    assert any("不予公开3件" in f.message for f in check(report) if f.rule == "R7")


def test_r7_no_suit_lost_speaks_of_suits_only():
    # 001: 「…诉讼9件，均获维持，继续保持了省级政府零败诉的记录」: no suit lost; a review corrected is no suit
    report = real("001_shanghai_szfbgt_2019.txt").report
    report.set(CellRef(RL, "review", "corrected"), 1)
    assert not any("未败诉" in f.message for f in check(report) if f.rule == "R7")
    report = real("001_shanghai_szfbgt_2019.txt").report
    report.sections["1"] = "本年度未发生政府信息公开行政诉讼败诉的情况。"
    report.set(CellRef(RL, "suit_after_review", "corrected"), 1)
    assert any("（未败诉），但表中「行政诉讼·复议后起诉·结果纠正」为 1" in f.message for f in check(report) if f.rule == "R7")


def test_r7_no_review_brought_by_applications_is_no_statement_that_there_were_no_applications():
    # a 街道's page (2020): 「未发生因政府信息公开申请提起的行政复议和行政诉讼案件」 speaks of reviews and suits
    report = real("103_shanghai_szfbgt_2025.txt").report
    report.sections["1"] = "本年度未发生因政府信息公开申请提起的行政复议和行政诉讼案件。"
    said = [f.message for f in check(report) if f.rule == "R7"]
    assert not any("「一、本年新收政府信息公开申请数量·总计」" in m for m in said)
    assert any("「行政复议·总计」为 55" in m for m in said)  # what it does say is checked
    report.sections["1"] = "本年度未收到政府信息公开申请，未发生行政复议和行政诉讼案件。"
    assert any("「一、本年新收政府信息公开申请数量·总计」为 1295" in f.message for f in check(report) if f.rule == "R7")


def test_r7_no_application_made_one_way_is_no_statement_that_there_were_none():
    report = real("103_shanghai_szfbgt_2025.txt").report  # 1295 applications
    report.sections["1"] = "本年度未收到以信函方式提出的政府信息公开申请。"
    assert [f for f in check(report) if f.rule == "R7"] == []
    report.sections["1"] = "本年度未收到政府信息公开申请。"
    assert any("为 1295" in f.message for f in check(report) if f.rule == "R7")
