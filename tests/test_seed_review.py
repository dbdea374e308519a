"""The five published reports: exactly what a careful reviewer says of each, and rolling each over.

000 a 2023 report in the 2019 format, section 六 silent on fees.
001 no statistics period; the fee sentence sits in section 一 instead of 六.
002 clean: its text (「全年未有依申请公开信息」) agrees with its table, its years are 2023.
003 section 二 without its table, （六） printed as one row, section 六 silent on fees, and, a
    district 人民政府, silent on 考核、评议、追究; its text (「共收到2件依申请公开事项」) agrees with the table.
004 the fee statement names 2022 in a 2024 report; no statistics period.
"""

import re

import pytest

from gipr_desktop.cli import main
from gipr_desktop.core.checks import check
from gipr_desktop.core.rollover import rollover
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report

from tests.conftest import PROJECT_ROOT

PROJECT_FIXTURES = PROJECT_ROOT / "tests" / "fixtures"

SEEDS = {
    "000_555b38ce0adfb193.txt": [
        ("S3", "2023年度报告应使用2021年版格式（国办公开办函〔2021〕30号），实为2019年版格式（试行）"),
        ("S5", "「六、其他需要报告的事项」未说明收取信息处理费的情况（包括未收取）"),
    ],
    "001_39a3bb303739f26f.txt": [
        ("R13", "报告未写明数据统计期限（应为 2023 年 1 月 1 日至 2023 年 12 月 31 日）"),
        ("S5", "「六、其他需要报告的事项」未说明收取信息处理费的情况（包括未收取）"
               "（收费情况写在了「一、总体情况」中，应移至本部分）"),
        ("S7", "「一、总体情况」未写到主动公开、依申请公开、政府信息管理、平台建设方面的情况"),
    ],
    "002_c011582259751f09.txt": [],
    "003_3b6d8eb9ad11ab1a.txt": [
        ("S2", "「二、主动公开政府信息情况」缺少表格（表中没有任何数据）"),
        ("S4", "「（六）其他处理」按一行填写；2021年版格式应分为"),
        ("S5", "「六、其他需要报告的事项」未说明收取信息处理费的情况（包括未收取）"),
        ("R17", "岭东区人民政府的年度报告应说明政府信息公开工作考核、社会评议和责任追究结果情况（条例第五十条），"
                "正文未写到：工作考核、社会评议、责任追究"),
    ],
    "004_a5beddac6e9ed429.txt": [
        ("R8", "「六、其他需要报告的事项」中的收费情况说明写的是 2022 年：「按照《国务院办公厅关于印发政府信息公开"),
        ("R13", "报告未写明数据统计期限（应为 2024 年 1 月 1 日至 2024 年 12 月 31 日）"),
    ],
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_each_seed_gets_exactly_the_reviewers_findings(seeds_dir, name):
    findings = check(read_report(seeds_dir / name).report)
    assert [f.rule for f in findings] == [rule for rule, _ in SEEDS[name]]
    for finding, (_, message) in zip(findings, SEEDS[name]):
        assert finding.message.startswith(message)


def test_gipr_check_prints_the_findings_of_the_five_seeds(seeds_dir, capsys):
    assert main(["check", *(str(seeds_dir / name) for name in sorted(SEEDS))]) == 0  # warnings only
    printed = capsys.readouterr().out
    for name, expected in SEEDS.items():
        block = printed.split(name)[1].split(".txt")[0]
        hints = [rule for rule, _ in expected if rule == "S7"]
        for rule, message in expected:
            assert f"{'提示' if rule in hints else '警告'} [{rule}] {message}" in block
        assert f"共 0 个错误，{len(expected) - len(hints)} 个警告，{len(hints)} 条提示" in block


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_each_seed_rolls_over_into_next_years_2021_report(seeds_dir, name):
    last = read_report(seeds_dir / name).report
    report, notes = rollover(last)
    assert (report.format, report.year, report.unit) == ("2021", last.year + 1, last.unit)
    table = report.schema.table("applications")
    for column in table.row("carried_over").columns:
        assert report.cells[CellRef("applications", "carried_over", column.id)] == \
            last.cells[CellRef("applications", "carry_forward", column.id)]
    outside_titles = re.sub(r"《[^》]*》", "", report.sections["1"]).replace(" ", "")  # titles keep their year
    assert f"{last.year}年" not in outside_titles and f"{report.year}年" in outside_titles
    findings = check(report)
    # 六 of every seed is only the fee statement or 「无」, which may rightly read the same each year
    assert {f.section for f in findings if f.rule == "U1"} == {"1", "5"}
    assert {f.section for f in findings if f.rule == "R10"} == {"5"}  # 五 as last year's until rewritten
    assert not any(f.rule in ("R5", "R6", "R7") for f in findings)
    messages = [note.message for note in notes]
    assert any(m.startswith("「一、总体情况」沿用上年文字") and m.endswith("待更新") for m in messages)


def test_rolling_over_the_2019_format_seed_states_what_must_be_entered_anew(seeds_dir):
    report, notes = rollover(read_report(seeds_dir / "000_555b38ce0adfb193.txt").report)
    assert notes[0].message.startswith("上年报告使用2019年版格式（试行）（国办公开办函〔2019〕60号），"
                                       "本年度报告改用2021年版格式（国办公开办函〔2021〕30号）")
    assert "新格式已取消、不再填写：其他对外管理服务事项、政府集中采购" in notes[0].message
    assert "统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止" in report.preamble
    assert not any(f.rule in ("S3", "R13") for f in check(report))


def test_rolling_over_the_seed_without_section_two_asks_for_the_documents_in_force(seeds_dir):
    _, notes = rollover(read_report(seeds_dir / "003_3b6d8eb9ad11ab1a.txt").report)
    assert "「规章·现行有效件数」无法结转（上年报告中「规章·现行有效件数」未填写），请填写" in [n.message for n in notes]


def test_a_fee_statement_naming_an_older_year_stays_wrong_after_rollover(seeds_dir):
    # 004 names 2022 in its 2024 report; rolling over changes 2024 only, so the 2025 report keeps the fault
    report, _ = rollover(read_report(seeds_dir / "004_a5beddac6e9ed429.txt").report)
    assert any(f.rule == "R8" and "写的是 2022 年" in f.message for f in check(report))


PINGTAN = [f"00{i}_pingtan_{year}.txt" for i, year in zip(range(2, 9), range(2019, 2026))]


@pytest.mark.parametrize("last_name, name", list(zip(PINGTAN, PINGTAN[1:])))
def test_seven_real_consecutive_years_of_one_body_raise_no_cross_year_fault(last_name, name):
    # R5 holds in the printed series, each year's 五 is rewritten, and 「收到申请75件」 (74 new + 1
    # carried over, 2022) is not a contradiction
    reports = PROJECT_FIXTURES / "reports"
    findings = check(read_report(reports / name).report, read_report(reports / last_name).report)
    assert not any(f.rule in ("R5", "R7", "R10", "X1") for f in findings)
