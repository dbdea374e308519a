"""Real reports in the forms they are published and passed on in — the web page's HTML and the
Word document a user saves it as — read whole: every cell as the original prints it (a blank
cell stays empty), and the report's title, unit, year, format, date and sections.

Cells are checked against expected.json by tests/test_more_reports.py; this file checks what the
forms add: the page's metadata and text, and the defects found reading them (a failing test
first, marked xfail(strict=True) where the fix lies in another part of the reader).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.grid_tables import Grid
from gipr_desktop.io.registry import read_report
from gipr_desktop.io.text_import import parse_report_text

REPORTS = Path(__file__).parent / "fixtures" / "reports"
SHANGHAI_2019 = ("104_shanghai_szfbgt_2019.html", "105_shanghai_szfbgt_2019.docx")


@pytest.fixture(scope="module", params=SHANGHAI_2019)
def shanghai_2019(request):
    return read_report(REPORTS / request.param)


def test_the_page_and_its_word_copy_give_the_reports_particulars(shanghai_2019):
    report = shanghai_2019.report
    assert (report.unit, report.year, report.format) == ("上海市人民政府办公厅", 2019, "2019")
    assert report.published == "2020-01-31"
    assert report.preamble.startswith("本年度报告根据《中华人民共和国政府信息公开条例》")
    assert report.sections["1"].startswith("2019年，上海市人民政府办公厅坚持以习近平新时代")
    assert "《上海市贯彻<长江三角洲区域一体化发展规划纲要>实施方案》" in report.sections["1"]  # &lt; &gt; decoded
    assert report.sections["5"].startswith("（一）主要问题")
    assert report.sections["6"] == "无。"


def test_a_blank_printed_as_no_break_space_stays_empty_and_is_named(shanghai_2019):
    report, notes = shanghai_2019.report, shanghai_2019.notes
    assert report.get(CellRef("applications", "new", "research")) is None
    assert report.get(CellRef("applications", "disclosed", "total")) is None  # the 总计 column printed blank
    assert report.get(CellRef("review_litigation", "review", "corrected")) is None
    assert any(n.row == "disclosed" and "原文空白" in n.message and "总计" in n.message for n in notes)
    assert report.get(CellRef("active", "central_procurement", "amount")) == 251000  # 「251000元」


# Table 四 of a Word or PDF copy whose left-most column ran off the page: 「行政复议」 and its first
# column 「结果维持」 are not printed; the header's last line ends in a blank cell (the cut 总计 of
# 复议后起诉). Its visible cells must be read under their own headers, or left empty — never moved.
CUT_TABLE_FOUR = [
    ["", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", ""],
    ["", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", ""],
    ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", ""],
    ["", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", ""],
]
CUT_MERGES = [(1, 1, 1, 5), (1, 6, 1, 14), (2, 1, 3, 1), (2, 2, 3, 2), (2, 3, 3, 3), (2, 4, 3, 4), (2, 5, 3, 5),
              (2, 6, 2, 10), (2, 11, 2, 14)]
PRINTED = {("review", "pending"): 2, ("review", "total"): 7, ("direct_suit", "upheld"): 8,
           ("direct_suit", "pending"): 1, ("direct_suit", "total"): 9}


def test_a_table_four_cut_at_the_left_never_moves_a_number():
    grid = Grid.from_rows(CUT_TABLE_FOUR, "第 1 个表格", CUT_MERGES)
    text = "2019年上海市人民政府办公厅政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n"
    report = parse_report_text(text, tables=[grid], source="cut.pdf").report
    got = {(row, col): report.get(CellRef("review_litigation", row, col))
           for row in ("review", "direct_suit", "suit_after_review")
           for col in ("upheld", "corrected", "other", "pending", "total")}
    wrong = {cell: value for cell, value in got.items() if value is not None and value != PRINTED.get(cell)}
    assert wrong == {}


# A copy whose lines were run together (the 平潭 pages' text, one line) ends with the signature glued
# to the last sentence: 「…六、其他需要报告的事项无。 平潭综合实验区经济发展局2025年1月27日」.
SIGNED_AT_THE_END = {
    "013_pingtan_caijinju_2023.txt": "2024-01-29", "021_pingtan_gonganju_2021.txt": "2022-01-07",
    "022_pingtan_touzicujinju_2024.txt": "2025-01-26", "024_pingtan_guoziju_2023.txt": "2024-01-26",
    "026_pingtan_jiaojianju_2025.txt": "2026-01-22", "028_pingtan_jingfaju_2023.txt": "2024-01-29",
    "029_pingtan_caijinju_2019.txt": "2020-01-02", "106_pingtan_jingfaju_2024.txt": "2025-01-27",
}


@pytest.mark.parametrize("name", SIGNED_AT_THE_END)
def test_a_signature_glued_to_the_last_sentence_gives_the_date(name):
    result = parse_report_text((REPORTS / name).read_text(encoding="utf-8"), source=name)
    assert result.report.published == SIGNED_AT_THE_END[name]
    assert any("文末落款" in note.message for note in result.notes)


def test_the_unit_is_taken_from_a_glued_signature_where_the_title_does_not_give_it():
    text = ("根据《中华人民共和国政府信息公开条例》编制本报告。报告中所列数据统计时限为2024年1月1日至2024年12月31日。"
            "一、总体情况本局推进公开。六、其他需要报告的事项无。 平潭综合实验区经济发展局2025年1月27日")
    report = parse_report_text(text, source="报告.txt").report
    assert (report.unit, report.published) == ("平潭综合实验区经济发展局", "2025-01-27")


@pytest.mark.parametrize("ending", ["截至2024年12月31日", "全年无收费。2023年1月1日", "。下一步将于2025年1月27日"])
def test_a_date_inside_the_narrative_is_no_signature(ending):
    text = ("2024年政府信息公开工作年度报告\n报告中所列数据统计时限为2024年1月1日至2024年12月31日。"
            "六、其他需要报告的事项" + ending)
    assert parse_report_text(text, source="x.txt").report.published == ""


# The same one-line copies: a table section's own sentence stands glued before its table
# (「三、收到和处理政府信息公开申请情况2024年，共收到政府信息公开申请3条。（本列数据的勾稽关系为…」).
TABLE_SECTION_SENTENCES = {
    "028_pingtan_jingfaju_2023.txt": {"3": "2023年，共收到政府信息公开申请0条。",
                                      "4": "2023年，没有政府信息公开行政复议及行政诉讼情况。"},
    "106_pingtan_jingfaju_2024.txt": {"3": "2024年，共收到政府信息公开申请3条。",
                                      "4": "2024年，没有政府信息公开行政复议及行政诉讼情况。"},
}
_TABLE_WORDS = ("第二十条第", "信息内容", "勾稽关系", "申请人情况", "结果维持", "尚未审结")


@pytest.mark.parametrize("name", TABLE_SECTION_SENTENCES)
def test_a_table_sections_sentence_glued_to_its_table_is_kept(name):
    sections = parse_report_text((REPORTS / name).read_text(encoding="utf-8"), source=name).report.sections
    for section_id, sentence in TABLE_SECTION_SENTENCES[name].items():
        assert sentence in sections[section_id], section_id


@pytest.mark.parametrize("name", TABLE_SECTION_SENTENCES)
def test_no_table_words_in_a_table_sections_text(name):
    sections = parse_report_text((REPORTS / name).read_text(encoding="utf-8"), source=name).report.sections
    debris = {section_id: word for section_id in ("2", "3", "4") for word in _TABLE_WORDS if word in sections[section_id]}
    assert debris == {}
