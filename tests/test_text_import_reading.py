"""Text read as a careful person reads it: long paragraphs kept whole, the year and the unit
found where the title does not give them, contact and publication date, blank cells told from
unreadable ones, and reports copied in traditional characters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gipr_desktop.core.checks import check
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.text_import import parse_report_text
from gipr_desktop.io.text_import.page_fields import without_page_fields
from gipr_desktop.io.text_import.sections import find_title
from tests.conftest import SEEDS
from tests.helpers import sample_report

PUNCTUATION_START = tuple("。，、；：）」』”")


def _paragraphs(report) -> list[str]:
    return [p for text in (report.preamble, *report.sections.values()) for p in text.split("\n") if p]


def test_a_long_preamble_in_a_normal_report_is_kept_whole(seeds_dir):
    text = (seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    long_line = next(line for line in text.splitlines() if len(line) > 300 and "年度报告" in line)
    report = parse_report_text(text).report
    assert long_line.strip() in report.preamble.split("\n")


@pytest.mark.parametrize("name", ["000_555b38ce0adfb193.txt", "002_c011582259751f09.txt", "004_a5beddac6e9ed429.txt"])
def test_no_paragraph_begins_with_punctuation(seeds_dir, name):
    report = parse_report_text((seeds_dir / name).read_text(encoding="utf-8")).report
    broken = [p[:30] for p in _paragraphs(report) if p.startswith(PUNCTUATION_START)]
    assert not broken


FIXTURE_REPORTS = Path(__file__).parent / "fixtures" / "reports"
TRADITIONAL_CASES = [("seeds", name) for name in ("000_555b38ce0adfb193.txt", "002_c011582259751f09.txt", "003_3b6d8eb9ad11ab1a.txt")] + [
    ("fixtures", name) for name in ("001_shanghai_szfbgt_2019.txt", "010_shuyang_fagaiju_2023.txt", "004_pingtan_2021.txt")]


@pytest.mark.parametrize(("where", "name"), TRADITIONAL_CASES)
def test_a_copy_in_traditional_characters_reads_as_the_original(seeds_dir, where, name):
    opencc = pytest.importorskip("opencc")
    text = ((seeds_dir if where == "seeds" else FIXTURE_REPORTS) / name).read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(text)
    assert "總體情況" in traditional or "總體情况" in traditional
    original, copy = parse_report_text(text), parse_report_text(traditional)
    assert copy.report.cells == original.report.cells and copy.report.cells
    assert (copy.report.format, copy.report.unit, copy.report.year) == (
        original.report.format, original.report.unit, original.report.year)
    assert copy.report.sections == original.report.sections  # offered in simplified characters
    assert any("繁体字" in note.message and "简体字" in note.message for note in copy.notes)
    assert not any("繁体字" in note.message for note in original.notes)


def test_traditional_table_cells_of_a_document_are_converted():
    pytest.importorskip("opencc")
    grid = [["申請人情況", "自然人", "總計"], ["一、本年新收政府信息公開申請數量", "3", "3"]]
    text = "某某街道辦事處2023年政府信息公開工作年度報告\n" + "根據《中華人民共和國政府信息公開條例》規定，現將本機關政府信息公開工作情況報告如下。" * 2
    result = parse_report_text(text, tables=[grid])
    assert result.report.unit == "某某街道办事处"
    assert any(note.message.startswith("原文为繁体字") for note in result.notes)


def _without_title(text: str) -> str:
    lines = text.split("\n")
    title = find_title(lines)
    return "\n".join(lines[: title.line] + lines[title.end:])


def _untitled(seeds_dir: Path, name: str) -> str:
    return _without_title((seeds_dir / name).read_text(encoding="utf-8"))


def _notes(result) -> list[str]:
    return [note.message for note in result.notes]


def test_without_a_title_the_year_comes_from_the_statistics_period_and_the_unit_from_the_text(seeds_dir):
    text = _without_title((seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8"))
    assert "2023 年政府信息公开工作年度报告" not in text
    result = parse_report_text(text)
    assert (result.report.unit, result.report.year) == ("岭东区中心街道办事处", 2023)
    assert "报告年度取自正文中的统计期限" in _notes(result)
    assert any(note.startswith("机关名称取自正文「现将岭东区中心街道办事处") for note in _notes(result))


def test_without_a_title_the_unit_and_date_come_from_the_signature():
    text = _without_title((FIXTURE_REPORTS / "010_shuyang_fagaiju_2023.txt").read_text(encoding="utf-8"))
    result = parse_report_text(text)
    assert (result.report.unit, result.report.year, result.report.published) == ("沭阳县发展和改革局", 2023, "2024-01-17")
    assert {"机关名称取自文末落款", "发布日期取自文末落款日期"} <= set(_notes(result))


def test_the_year_from_a_sentence_that_presents_the_report(seeds_dir):
    text = _without_title((seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8"))
    assert parse_report_text(text).report.year is None  # nothing in it says the year
    text = text.replace("一、总体情况", "现将我局2021年政府信息公开工作报告如下。\n一、总体情况", 1)
    result = parse_report_text(text)
    assert result.report.year == 2021
    assert "报告年度取自正文「2021年政府信息公开工作报告」" in _notes(result)


def test_the_year_and_unit_from_the_file_name(seeds_dir):
    text = _without_title((seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8"))
    result = parse_report_text(text, source="卫东区北环路街道办事处2024年政府信息公开工作年度报告.docx")
    assert (result.report.unit, result.report.year) == ("卫东区北环路街道办事处", 2024)
    assert any(note.startswith("报告年度取自文件名") for note in _notes(result))
    assert any(note.startswith("机关名称取自文件名") for note in _notes(result))
    assert parse_report_text(text, source="扫描件-2024-3.docx").report.year is None  # a number is not a year


@pytest.mark.parametrize("title", [
    "荷花路街道办事处\n2023 年政府信息公开工作年度报告",  # the unit on a line of its own
    "荷花路街道办事处 2023 年政府信息公开\n工作年度报告",  # 报告 on the next line
    "荷花路街道办事处 2023 年政府信息公开工作",  # cut off
])
def test_a_title_split_or_cut_off_still_names_unit_and_year(seeds_dir, title):
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    text = text.replace("荷花路街道办事处 2023 年政府信息公开工作年度 报告", title, 1)
    report = parse_report_text(text).report
    assert (report.unit, report.year) == ("荷花路街道办事处", 2023)
    assert "荷花路街道办事处" not in report.preamble.split("\n")[:1]
    assert report.sections["1"].startswith("2023 年，在区委、区政府的正确领导下")


UNIT = "荷花路街道办事处"


@pytest.mark.parametrize(("title", "unit"), [
    ("当前位置: 首页 > 政务公开 > 政府信息公开年报 > 2023年 > 正文\n荷花路街道办事处2023年政府信息公开工作报告", UNIT),
    ("首页 政务动态 政务公开 政民互动 领导之窗\n2023年荷花路街道信息公开工作报告", "荷花路街道"),
    ("荷花路街道办事处 关于2023年度政府信息公开工作的年度报告", UNIT),
    ("2023年荷花路街道办事处“政府信息公开工作年度报告”专题页面", UNIT),
    ("| 标 题 | 荷花路街道办事处2023年政府信息公开工作年度报告 | ||\n| 索引号 | 001/2024-00001 | 文 号 | |", UNIT),
    ("名  称: 荷花路街道办事处2023年政府信息公开工作年度报告\n文  号: 主 题 词:", UNIT),
    ("标      题 荷花路街道办事处2023年政府信息公开工作年度报告\n索引号 000014349/2024-00021", UNIT),
    ("某某县荷花路街道\n办事处2023年政府信息公开工作年度报告", "某某县荷花路街道办事处"),
    ("荷 花 路 街 道 办 事 处\n2023年政府信息公开工作年度报告", UNIT),  # a PDF's letter-spaced title
    # the page's bar above the article's own title (a town's page, 2022)
    ("2023年政府信息公开工作年度报告\n荷花路街道办事处\n2023年政府信息公开工作年度报告", UNIT),
])
def test_a_title_among_the_pages_furniture_names_the_unit(seeds_dir, title, unit):
    """Pages print the title under a breadcrumb or a menu, in a field of their own (with pipes, a
    letter-spaced label, no colon), as 「…关于…的年度报告」 or in quotes, or broken inside the unit's
    name: the unit is the title's, never the menu's, the field's label or a broken half."""
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    text = text.replace("荷花路街道办事处 2023 年政府信息公开工作年度 报告", title, 1)
    report = parse_report_text(text).report
    assert (report.unit, report.year) == (unit, 2023)


@pytest.mark.parametrize("above", ["更新时间:", "首页 政务动态 政务公开 政民互动"])
def test_a_field_or_menu_above_a_title_without_its_unit_is_no_unit(seeds_dir, above):
    """「更新时间：」 or the site's menu on the line above 「2023年政府信息公开工作年度报告」 names no unit:
    the unit is then found where the report names itself, else left empty and named."""
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    text = text.replace("荷花路街道办事处 2023 年政府信息公开工作年度 报告", f"{above}\n2023年政府信息公开工作年度报告", 1)
    result = parse_report_text(text)
    assert (result.report.unit, result.report.year) == ("荷花路街道办事处", 2023)  # 「…荷花路街道办事处结合工作实际…」
    assert any(note.startswith("机关名称取自「一、总体情况」首句") for note in _notes(result))
    unnamed = parse_report_text(text.replace("荷花路街道办事处结合工作实际", "结合工作实际", 1))
    assert unnamed.report.unit == ""
    assert "未找到标题中的机关名称，请在「基本信息」中填写" in _notes(unnamed)


FURNITURE = [
    ["发布时间:2024-01-19 18:36", "分享:"],
    ["字号: 大 中 小", "[字体: ] 打印", "【字体: 】【 打印】 【 关闭", "分享到:"],
    ["打印 打印", "纠错 纠错", "分享到"],
    ["| 索引号 | 001/2024-00001 | 文 号 | |", "|---|---|---|---|", "| 发布机构 | 发布日期 | 2024-01-20 17:56:13 | |"],
    ["索 引 号 | H085/2024-00369 | 成文日期 | 2024-01-15 |", "发布机构 | 中心街道 | 主题分类 | 综合政务 |"],
    ["索 引 号:zhongxin/2024-00001  发文字号:", " 主题分类:电子政务  发布日期:2024-01-25", "浏览:[]次"],
    ["2024-01-16 16:50:00 来源: 岭东区人民政府", "• 扫一扫在手机打开当前页", "用微信扫描二维码分享至好友和朋友圈"],
    ["• 2024-01-27 14:42", "当前位置:首页>政府信息公开>政府信息公开年报", "首页 > 政务公开 > 年度报告", "政务公开 > 年报 > 正文"],
    ["编稿时间:2024-01-10 08:46 来源:岭东区 浏览:", "作者: 来自: 时间:2024-01-23 08:47:06", "更新时间:", "点击:"],
    ["发布时间:2024-01-19", "岭东区中心街道办事处", "2023 年政府信息公开工作年度报告"],  # the title again
    ["分享:", "双鸭山市岭东区中心街道办事处2023年政府", "信息公开工作年度报告"],  # longer, broken elsewhere
]


def _under_the_title(seeds_dir: Path, lines: list[str]) -> str:
    """Seed 000 with ``lines`` printed between its title and its preamble, as a page prints them."""
    text = (seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    title = "岭东区中心街道办事处 2023 年政府信息公开工作年度报告\n"
    return text.replace(title, title + "\n".join(lines) + "\n", 1)


@pytest.mark.parametrize("furniture", FURNITURE)
def test_the_pages_furniture_between_title_and_preamble_is_no_preamble(seeds_dir, furniture):
    """What a page prints between the report's title and its first sentence (its date, fields, font
    and print buttons, share links, a breadcrumb, the title once more) is no part of the preamble, which
    the publishable report prints."""
    plain = parse_report_text((seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")).report
    report = parse_report_text(_under_the_title(seeds_dir, furniture)).report
    assert report.preamble == plain.preamble
    assert (report.unit, report.year, report.contact) == (plain.unit, plain.year, plain.contact)


@pytest.mark.parametrize(("printed", "iso"), [
    ("2024-01-16 16:50:00 来源: 岭东区人民政府", "2024-01-16"),
    ("• 2024-01-27 14:42", "2024-01-27"),
    ("日期:2024-03-05 13:32 来源:", "2024-03-05"),
    ("投稿:admin  来源:时间:2024年02月20日", "2024-02-20"),
])
def test_the_date_a_page_prints_over_the_report_is_its_publication(seeds_dir, printed, iso):
    assert parse_report_text(_under_the_title(seeds_dir, [printed])).report.published == iso


def test_the_title_in_the_pages_name_field(seeds_dir):
    text = (seeds_dir / "003_3b6d8eb9ad11ab1a.txt").read_text(encoding="utf-8")
    text = text.replace("\n2024年岭东区人民政府信息公开工作年度报告\n", "\n", 1)
    report = parse_report_text(text).report
    assert (report.unit, report.year) == ("岭东区人民政府", 2024)


def test_contact_read_from_the_preamble(seeds_dir):
    result = parse_report_text((seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8"))
    assert result.report.contact == "地址：双鸭山市岭东区中心街道办事处；邮编：155124；电话：13613699791；电子邮箱：ldqzxb@163.com"
    assert "联系方式取自前言" in _notes(result)


@pytest.mark.parametrize(("printed", "read"), [
    ("邮编:155124, 电话13613699791, 电子邮箱 :ldqzxb@163.com", "邮编：155124；电话：13613699791；电子邮箱：ldqzxb@163.com"),
    ("邮编155124，联系电话为0469-4221239，邮箱ldqzxb@163.com", "邮编：155124；联系电话：0469-4221239；邮箱：ldqzxb@163.com"),
    ("邮编:155124, 电话:13613699791电子邮箱:ldqzxb@163.com", "邮编：155124；电话：13613699791；电子邮箱：ldqzxb@163.com"),
    ("邮编:155124, 电话:13613699791 网站标识码:2305020001", "邮编：155124；电话：13613699791"),
    ("邮编:155124, E-mail:ldqzxb@163.com", "邮编：155124；E-mail：ldqzxb@163.com"),
    ("邮编:155124, email ldqzxb@163.com", "邮编：155124；email：ldqzxb@163.com"),
])
def test_contact_items_printed_without_a_colon_are_read(seeds_dir, printed, read):
    """Many offices print 「电话0356-5221239」 or 「联系电话为…」 with no colon: the number is the contact's,
    not dropped from it while the address beside it is kept. An item run on into the next label (a page
    that lost the space, or its footer's 「网站标识码：」) ends where that label begins."""
    text = (seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    text = text.replace("邮编:155124, 电话:13613699791, 电子邮箱 :ldqzxb@163.com", printed, 1)
    assert parse_report_text(text).report.contact == "地址：双鸭山市岭东区中心街道办事处；" + read


def test_a_contact_printed_in_the_first_section_is_read(seeds_dir):
    """A report without a preamble invites questions in its first paragraph (「如对本报告有任何疑问，请与
    …联系（地址：…）」): that is its contact, as much as a preamble's."""
    text = (seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    preamble = next(line for line in text.split("\n") if "ldqzxb" in line)
    text = text.replace(preamble + "\n", "", 1).replace("(一) 主动公开\n", "(一) 主动公开\n如对本报告有任何疑问，请与我办事处联系"
                                                       "（地址：双鸭山市岭东区中心街道办事处，电话：13613699791）。\n", 1)
    result = parse_report_text(text)
    assert result.report.contact == "地址：双鸭山市岭东区中心街道办事处；电话：13613699791"
    assert "联系方式取自正文" in _notes(result)


def test_a_number_the_preamble_counts_is_no_contact():
    """「热线电话12345」 or 「电话咨询3次」 in a sentence is no telephone number of the office."""
    text = "某某局2023年政府信息公开工作年度报告\n本年度通过热线电话12345受理咨询，电话咨询3次。\n一、总体情况\n无。"
    assert parse_report_text(text).report.contact == ""


def test_no_contact_where_none_is_printed(seeds_dir):
    result = parse_report_text((seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8"))
    assert result.report.contact == "" and result.report.published == ""
    assert not any("联系方式" in note or "发布日期" in note for note in _notes(result))


@pytest.mark.parametrize(("printed", "iso"), [
    ("发布日期：2025-01-20", "2025-01-20"),
    ("来源：某某区人民政府 时间：2025-01-20", "2025-01-20"),
    ("某某街道办事处\n2025年1月20日", "2025-01-20"),
    ("某某街道办事处\n二〇二五年一月二十日", "2025-01-20"),
    ("某某街道办事处\n2025年2月30日", ""),  # not a date of the calendar
    ("某某街道办事处\n2023年1月20日", ""),  # before the report year: not its publication
    ("办公时间：周一至周五", ""),
    # the page's 政府信息公开目录 fields, as a copy of the page prints them
    ("| 生成日期 | 2025-01-20 16:24:38 | 是否有效 |", "2025-01-20"),
    ("| 发布日期 | 2025年01月20日 |", "2025-01-20"),
    ("公开日期：2025-01-20", "2025-01-20"),
])
def test_publication_date_only_where_printed(seeds_dir, printed, iso):
    text = (seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8")
    if printed.startswith(("发布", "来源", "|", "公开")):
        lines = text.split("\n")
        text = "\n".join(lines[:3] + [printed] + lines[3:])
    else:
        text = text.rstrip() + "\n" + printed + "\n"
    result = parse_report_text(text)
    assert result.report.published == iso
    assert any(note.startswith("发布日期取自") for note in _notes(result)) == bool(iso)


def test_printed_blank_and_unreadable_are_told_apart_per_row():

    blank = parse_report_text((FIXTURE_REPORTS / "001_shanghai_szfbgt_2019.txt").read_text(encoding="utf-8"))
    disclosed = [n for n in blank.notes if n.table == "applications" and n.row == "disclosed"]
    assert [n.message for n in disclosed] == ["表「收到和处理政府信息公开申请情况」（一）予以公开："
                                              "原文空白 3 栏（科研机构、社会公益组织、总计），保留为空（未知），未按 0 读取"]
    assert blank.report.get(CellRef("applications", "disclosed", "total")) is None
    assert not any("未能读取" in n.message for n in blank.notes if n.table == "applications")

    glued = parse_report_text((FIXTURE_REPORTS / "004_pingtan_2021.txt").read_text(encoding="utf-8"))
    unread = [n for n in glued.notes if "未能读取" in n.message]
    assert [(n.table, n.row) for n in unread] == [("active", "normative_documents")]
    assert not any("原文空白" in n.message for n in glued.notes if n.row == "normative_documents")


def test_a_row_not_printed_is_unreadable_not_blank():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"
    result = parse_report_text(text)
    carried = [n.message for n in result.notes if n.row == "carried_over"]
    assert len(carried) == 1 and "未能读取" in carried[0] and "原文空白" not in carried[0]


def test_a_number_a_cell_may_not_hold_is_unreadable_and_the_import_goes_on():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 30000000000000\n"
    result = parse_report_text(text)
    assert result.report.get(CellRef("applications", "new", "natural_person")) == 3
    assert result.report.get(CellRef("applications", "new", "total")) is None
    assert any("未能读取" in n.message and (n.row, n.col) == ("new", "total") for n in result.notes)


def test_a_negative_count_printed_in_a_table_is_left_empty_and_named_as_printed():
    result = parse_report_text("二、主动公开政府信息情况\n规章\t-2\t0\t5\n")
    issued = CellRef("active", "regulations", "issued")
    assert result.report.get(issued) is None
    assert result.report.get(CellRef("active", "regulations", "in_force")) == 5
    said = [n.message for n in result.notes if (n.table, n.row, n.col) == issued]
    assert len(said) == 1 and "「-2」为负数，未能读取，留空" in said[0]


def test_a_row_after_an_empty_merged_cell_that_does_not_add_up_is_left_empty_and_said_so():
    result = parse_report_text("三、收到和处理政府信息公开申请情况\n"
                               "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t4\n")
    assert not any(ref.row == "new" for ref in result.report.cells)  # no number put in another's column
    said = [n.message for n in result.notes if n.row == "new"]
    assert len(said) == 1 and "总计不等于各栏之和" in said[0], said


def test_a_damaged_label_like_a_row_printed_earlier_is_no_row_and_its_numbers_are_said_unread():
    damaged = "本年新收政府信息公开申请数X"  # like 一、本年新收…数量, but printed after （一）予以公开
    result = parse_report_text("三、收到和处理政府信息公开申请情况\n"
                               "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n"
                               f"（一）予以公开\t2\t0\t0\t0\t0\t0\t2\n{damaged}\t5\t0\t0\t0\t0\t0\t5\n")
    assert result.report.get(CellRef("applications", "new", "total")) == 3
    assert any(n.table == "applications" and f"「{damaged}」不是可识别的行名，其后的数字未读取" in n.message
               for n in result.notes)


def test_the_publication_deadline_is_checked_on_an_imported_report(seeds_dir):
    """R15 needs the date the report printed; an imported report now has it."""

    text = (seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8")
    late = parse_report_text(text.rstrip() + "\n卫东区北环路街道办事处\n2025年3月20日\n").report
    assert late.published == "2025-03-20"
    assert any(finding.rule == "R15" for finding in check(late))
    on_time = parse_report_text(text.rstrip() + "\n卫东区北环路街道办事处\n2025年1月20日\n").report
    assert not any(finding.rule == "R15" for finding in check(on_time))


def test_the_year_the_text_names_far_most_often(seeds_dir):
    """No title, period, report sentence or heading says the year; a reader takes the year the
    narrative speaks of (「2024年度，…」「2024年，…」) where no other comes near it."""
    text = _without_title((seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8"))
    said = text.replace("一、总体情况", "一、总体情况\n本年度，本街道稳步推进。2024年，本街道未发生因政府信息公开引起的行政复议。2024年，……。", 1)
    result = parse_report_text(said)
    assert result.report.year == 2024
    assert "报告年度取自正文中最常提到的年份（「2024年」3 次）" in _notes(result)
    as_often = said.replace("一、总体情况", "一、总体情况\n2022年以来，本街道……。", 1)
    assert parse_report_text(as_often).report.year is None  # 2022 named twice, 2024 three times: not far enough apart
    once = text.replace("2022年本机关", "本年本机关")
    assert parse_report_text(once).report.year is None  # 「2024 年度」 named once: too little to go by


@pytest.mark.parametrize("title, unit", [
    ("卫东区北环路街道办事处政府信息公开工作年度报告", "卫东区北环路街道办事处"),
    ("卫东区人民政府信息公开工作年度报告", "卫东区人民政府"),  # 政府 belongs to the unit
    ("政府信息公开工作年度报告", ""),  # no unit named
    ("本街道政府信息公开工作情况，报告如下", ""),  # a sentence
    ("以下是本单位政府信息公开工作年度报告", ""),  # no body's name
])
def test_the_unit_from_a_title_without_a_year(seeds_dir, title, unit):
    text = (seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8")
    text = text.replace("卫东区北环路街道办事处 2024 年政府信息公开工作 年度报告", title, 1)
    result = parse_report_text(text)
    assert result.report.unit == unit
    if unit:
        assert title not in result.report.preamble


def test_a_line_far_down_naming_a_unit_and_the_report_is_no_title(seeds_dir):
    text = (seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8")
    text = text.replace("卫东区北环路街道办事处 2024 年政府信息公开工作 年度报告", "本页说明\n" * 5 + "卫东区北环路街道办事处政府信息公开工作年度报告", 1)
    assert parse_report_text(text).report.unit == ""


def test_an_inferred_year_is_one_a_report_may_have(seeds_dir):
    text = _without_title((seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8"))
    assert parse_report_text(text, source="1999年政府信息公开工作年度报告.txt").report.year is None


@pytest.mark.parametrize("quote", [
    "参考香港《公開資料守則》與《檔案法》的做法。",
    # more traditional characters than a name (eleven that differ), still far fewer than the simplified ones
    "参考香港《公開資料守則》：政府部門應為市民提供資料，處理請求時說明理由，報告數據準確，相關事務由總務處負責。",
])
def test_a_simplified_report_quoting_a_few_traditional_words_is_not_converted(seeds_dir, quote):
    text = (seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    quoted = text.replace("六、其他需要报告的事项", f"六、其他需要报告的事项\n{quote}", 1)
    result = parse_report_text(quoted)
    assert "公開資料守則" in result.report.sections["6"]  # left as printed
    assert not any("繁体字" in note.message for note in result.notes)


def test_the_preamble_starts_after_the_title_not_after_the_pages_name_field(seeds_dir):
    report = parse_report_text((seeds_dir / "003_3b6d8eb9ad11ab1a.txt").read_text(encoding="utf-8")).report
    assert report.preamble.startswith("本年度报告按照《中华人民共和国政府信息公开条例》要求")


@pytest.mark.parametrize("ext", [".txt", ".md", ".docx", ".html"])
def test_contact_and_publication_date_survive_export_and_import(tmp_path, ext):

    report = sample_report()
    report.contact, report.published = "地址：示例区示例路1号；电话：0000-1234567", f"{report.year + 1}-01-20"
    write_report(report, tmp_path / f"report{ext}")
    back = read_report(tmp_path / f"report{ext}").report
    assert (back.contact, back.published, back.preamble) == (report.contact, report.published, report.preamble)


def test_the_year_from_a_heading(seeds_dir):
    text = _without_title((seeds_dir / "004_a5beddac6e9ed429.txt").read_text(encoding="utf-8"))
    text = text.replace("一、总体情况", "一、2024年政府信息公开工作总体情况", 1)
    result = parse_report_text(text)
    assert result.report.year == 2024
    assert "报告年度取自小标题「一、2024年政府信息公开工作总体情况」" in _notes(result)


@pytest.mark.parametrize("footer", ["— 4 —", "- 12 -", "－ 3 －", "第 4 页", "第4页 共7页", "  第 2 页，共 9 页  "])
def test_a_page_number_line_of_a_pdf_copy_is_no_part_of_the_report(footer):
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    plain = parse_report_text(text)
    for at in (len(lines) // 4, len(lines) // 2, 3 * len(lines) // 4):  # in the sections or the tables
        with_footer = parse_report_text("\n".join([*lines[:at], footer, *lines[at:]]))
        assert with_footer.report == plain.report, at


@pytest.mark.parametrize(("name", "words"), [
    ("002_pingtan_2019.lo.pdftotext.txt", ["本年增/减", "采购总金额"]),
    ("101_huaian_hongzequ_2023.pdftotext.txt", ["本年处理决定数量"]),
    ("104_shanghai_szfbgt_2019.lo.pdftotext.txt", ["企业", "其他", "总计"])])
def test_a_column_header_printed_before_numbers_is_not_called_an_unknown_row(name, words):
    """A PDF copy prints a table's headers among its numbers (「本年增/减」「采购总金额」「本年处理决定数量」
    「其他」「总计」): the notes do not call such a printed word of the table an unknown row name."""
    text = (FIXTURE_REPORTS / "pdf_text" / name).read_text(encoding="utf-8")
    assert all(f"\n{word}\n" in text for word in words)  # each on a line of its own, numbers after it
    result = parse_report_text(text, source=name)
    named = [word for word in words for note in result.notes if f"「{word}」不是可识别的行名" in note.message]
    assert not named


def test_a_row_short_of_numbers_is_not_said_to_have_its_digits_glued():
    """上海办公厅 2019 prints most cells of table 三 blank: a PDF copy's （一）予以公开 has 「258」 where
    seven columns are wanted. Three digits cannot be seven cells glued together: the note says the row
    is short of numbers (and shows them apart), never 「数字「258」连在一起」."""
    name = "104_shanghai_szfbgt_2019.lo.pdftotext.txt"
    result = parse_report_text((FIXTURE_REPORTS / "pdf_text" / name).read_text(encoding="utf-8"), source=name)
    disclosed = [note.message for note in result.notes if note.row == "disclosed"]
    assert disclosed == ["表「收到和处理政府信息公开申请情况」（一）予以公开：只找到 1 个数字「258」，应有 7 栏，"
                         "无法确定各数字所属栏目，未能读取，本行留空"]
    glued = [note.message for note in result.notes if "连在一起" in note.message and note.table == "applications"]
    assert all(len(note.split("数字「", 1)[1].split("」", 1)[0].replace(" ", "")) >= 7 for note in glued), glued


def test_a_row_of_numbers_printed_apart_but_too_few_says_a_cell_may_be_blank():
    """A browser's PDF viewer copies 上海办公厅 2025's 「规章 22 235」 (本年废止 printed blank): two
    numbers apart for three columns. The note says so — a cell may be blank, or two numbers run
    together — not that 「22 235」 is one run of digits."""
    name = "103_shanghai_szfbgt_2025.lo.pdfium.txt"
    result = parse_report_text((FIXTURE_REPORTS / "pdf_text" / name).read_text(encoding="utf-8"), source=name)
    said = [note.message for note in result.notes if note.row == "regulations"]
    assert said == ["表「主动公开政府信息情况」规章：只找到 2 个数字「22 235」，应有 3 栏，缺少的一栏可能是原文空白，"
                    "也可能有数字连在一起，无法确定各数字所属栏目，未能读取，本行留空，请按原文填写"]



CRAWLER_HEADER = "{field}{title}\n发布时间：2024-01-20\n文号：\n发布机构：\n索引号：\n栏目：政府信息公开年报\n\n正文："


@pytest.mark.parametrize("field", ["标题：", "标题:", "名称："])
def test_a_page_saved_with_its_fields_names_the_unit_without_the_fields_name(field):
    """A crawler's copy of a page begins with the page's fields, one a line and with no bullet
    (「标题：三明市2023年政府信息公开工作年度报告」): the unit is 三明市, not 「标题：三明市」."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    title = find_title(lines)
    header = CRAWLER_HEADER.format(field=field, title="三明市2023年政府信息公开工作年度报告")
    report = parse_report_text("\n".join([header, *lines[title.end:]])).report
    assert (report.unit, report.year) == ("三明市", 2023)


@pytest.mark.parametrize("field", [
    "发布机构：平潭县 人民政府。",  # a value of two words
    "来源：平潭综合实验区 党工委管委会办公室 政务公开与政府信息公开工作科",  # a long one, no sentence
])
def test_a_fields_value_of_words_apart_is_no_part_of_the_preamble(field):
    """Only sentences of text run on after a page's fields are its preamble (a page flattened onto
    one line); a field's value printed with a space in it is not."""
    preamble = "根据《中华人民共和国政府信息公开条例》要求，编制本报告。"
    assert without_page_fields(["标题：三明市2023年政府信息公开工作年度报告", field, preamble]) == [preamble]
    run_on = f"来源：平潭县人民政府 时间：2022-02-08 16:34 {preamble}"
    assert without_page_fields(["标题：平潭综合实验区2021年度政府信息公开工作年度报告", run_on]) == [preamble]


def test_a_contact_printed_an_item_a_line_under_its_heading_is_read_whole():
    """「联系方式：」 on a line of its own, then 「地址：…」「邮编：…」「电话：…」 a line each: the
    contact is those items, one a line, and the preamble holds none of them."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    items = ["地址：岭东区中心街道办事处二楼", "邮编：110000", "电话：024-12345678"]
    at = text.index("一、")
    report = parse_report_text(text[:at] + "\n".join(["联系方式：", *items]) + "\n" + text[at:]).report
    assert report.contact == "\n".join(items)
    assert not any(item in report.preamble for item in items)


def test_every_contact_line_of_the_preamble_is_kept():
    """Two 「联系方式：」 lines (the office's, then the 受理点's): both are the contact, neither is lost."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    at = text.index("一、")
    report = parse_report_text(text[:at] + "联系方式：电话：024-12345678\n本报告电子版可在区政府门户网站下载。\n"
                               "联系方式：受理点电话：024-87654321\n" + text[at:]).report
    assert report.contact == "电话：024-12345678\n受理点电话：024-87654321"
    assert report.preamble.endswith("本报告电子版可在区政府门户网站下载。")


def test_a_contact_line_a_pdf_wrapped_inside_its_telephone_number_is_read_whole():
    """「联系方式：联系电话：0598—」 / 「8231086；电子邮箱：szfbdzzwk@126.com」, as the 三明 2020 report's
    contact comes out of a PDF: one contact, the number whole."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    at = text.index("一、")
    report = parse_report_text(text[:at] + "联系方式：联系电话：0598—\n8231086；电子邮箱：szfbdzzwk@126.com\n"
                               + text[at:]).report
    assert report.contact == "联系电话：0598—8231086；电子邮箱：szfbdzzwk@126.com"
    assert "8231086" not in report.preamble


def test_the_preamble_after_a_contact_whose_last_item_ends_with_a_comma_stays_the_preamble():
    """「电话：024-12345678，」 ends a clause, not an item cut off: the sentence after it is the
    preamble's, not the contact's."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    at = text.index("一、")
    after = "本报告电子版可在区政府门户网站下载。"
    report = parse_report_text(text[:at] + "联系方式：\n地址：岭东区中心街道办事处二楼，\n电话：024-12345678，\n"
                               + after + "\n" + text[at:]).report
    assert report.contact == "地址：岭东区中心街道办事处二楼，电话：024-12345678，"
    assert report.preamble.endswith(after)


def test_a_headings_number_on_a_line_of_its_own_and_the_sections_listed_in_the_preamble():
    """A page whose text breaks at every inline tag (the 三明 pages) prints 「一、」 on one line and
    「总体情况」 on the next, and lists the six parts in its preamble one a line, between lines of
    「、」: the numbered headings further down are the sections, and every table is read."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    plain = parse_report_text(text).report
    listing = "\n、\n".join(["本报告由总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                            "政府信息公开行政复议", "行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项六部分组成。"])
    lines = text.split("\n")
    for heading in ("五、存在的主要问题及改进措施", "一、总体情况"):  # 五 worded otherwise than the format
        at = next(i for i, line in enumerate(lines) if line.startswith(heading))
        lines[at:at + 1] = [heading[:2], heading[2:]]
    report = parse_report_text("\n".join([*lines[:at], listing, *lines[at:]])).report
    assert report.cells == plain.cells
    assert report.sections == plain.sections
    assert "主动公开政府信息情况" in report.preamble and not report.preamble.endswith("一、")


def _broken_at_every_tag(line: str) -> list[str]:
    """A prose line as a page broken at every inline tag prints it: each run of figures, and each
    piece after a comma, on a line of its own (「2023」「年，」「中心街道…」)."""
    if len(line) < 40 or "\t" in line:
        return [line]
    return [piece for piece in re.split(r"(\d+|(?<=，))", line) if piece.strip()]


def test_a_page_broken_at_every_tag_is_read_in_whole_sentences():
    """The 三明 and 莆田 pages, as a crawler saved them, break a line at every inline tag and keep
    no blank line: 「联系电话」「:0598」「-」「8231086」「。」. The preamble, the sections' text and the
    contact read as they would from the page whole, and the page's fields are no part of the preamble."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    text = text.replace("等全\n\n部公开", "等全部公开")  # the seed itself breaks this sentence over two paragraphs
    text += "\n岭东区中心街道办事处\n2024年1月20日\n"  # a signature stays two lines
    plain = parse_report_text(text).report
    lines = text.split("\n")
    title = find_title(lines)
    broken = [piece for line in lines[title.end:] if line.strip() for piece in _broken_at_every_tag(line)]
    header = CRAWLER_HEADER.format(field="标题：", title=lines[title.end - 1].strip())
    report = parse_report_text("\n".join([header, *broken])).report
    unspaced = lambda text: re.sub(r"[ \u3000]", "", text)  # 「2023 年」 broken as 「2023」「年」 reads 「2023年」
    assert unspaced(report.preamble) == unspaced(plain.preamble)
    assert unspaced(report.contact) == unspaced(plain.contact)
    assert {key: unspaced(text) for key, text in report.sections.items()} == \
        {key: unspaced(text) for key, text in plain.sections.items()}
    assert report.cells == plain.cells


def test_lines_a_normal_report_prints_without_a_full_stop_stay_apart():
    """A report whose paragraphs are whole lines keeps its lines printed without a full stop apart:
    the contact one item a line, a sub-heading without a number, the signature and its date."""
    text = (SEEDS / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("六、"))
    lines.insert(at + 2, "信息处理费收取情况")  # after the blank line: the paragraph follows it directly
    title = find_title(lines)
    contact = ["地址：双鸭山市岭东区中心街道办事处", "邮编：155124", "电话：13613699791"]
    signature = ["岭东区中心街道办事处", "2024年1月20日"]
    report = parse_report_text("\n".join([*lines[:title.end], *contact, *lines[title.end:], *signature])).report
    assert all(line in report.preamble.split("\n") for line in contact)
    assert report.sections["6"].split("\n")[0] == "信息处理费收取情况"
    assert report.sections["6"].split("\n")[-2:] == signature


@pytest.mark.parametrize("caption", ["（六）其他处理", "(六)其他处理", "（六） 其他处理"])
def test_a_row_printed_after_its_groups_caption_on_one_line_is_that_row_not_the_group(caption):
    """011's 1.申请人无正当理由逾期不补正… printed after its group's caption in the same cell, as a PDF
    or a page whose cells are spaced out prints it: the row is 1., never （六）其他处理 run on."""
    path = Path(__file__).parent / "fixtures" / "reports" / "011_shuyang_xianzhengfu_2025.txt"
    text = path.read_text(encoding="utf-8")
    printed = "| 1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请 | 9 |"
    assert printed in text
    result = parse_report_text(text.replace(printed, f"| {caption}  {printed[2:]}", 1), source=path.name)
    table = result.report.schema.table("applications")
    cells = [result.report.get(CellRef("applications", "other_no_correction", c.id)) for c in table.row("other_no_correction").columns]
    assert cells == [9, 0, 0, 0, 0, 0, 9]


def test_sub_headings_of_the_first_part_that_name_later_parts_are_not_their_headings(seeds_dir):
    """A 总体情况 whose sub-headings (a 街道's, 2020) are numbered （一）…（四） and named after later parts
    (「（四）因政府信息公开申请的行政复议、行政诉讼情况」): part 四 begins at 「四、政府信息公开行政复议、
    行政诉讼情况」, not at the sub-heading, and the tables of 二 and 三 are read where they are printed."""
    text = (seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    plain = parse_report_text(text).report
    subs = ["（一）主动公开政府信息情况", "本年度主动公开各类信息。", "（四）因政府信息公开申请的行政复议、行政诉讼情况",
            "本年度未发生行政复议、行政诉讼案件。"]
    result = parse_report_text(text.replace("一、总体情况\n", "一、总体情况\n" + "\n".join(subs) + "\n", 1))
    assert result.report.cells == plain.cells
    assert "行政复议、行政诉讼案件" in result.report.sections["1"]
    assert result.report.sections["4"] == plain.sections["4"]
    assert not [note for note in result.notes if "小标题" in note.message]


def test_row_labels_followed_by_a_note_in_brackets_are_those_rows():
    """Some provinces' template prints a note after a label (湖北, 2020: 「规章（设区的市、自治州人民政府
    应提供相关数据）」, 「其他对外管理服务事项（指行政许可以外的政务服务事项）」): the row is the label's."""
    path = Path(__file__).parent / "fixtures" / "reports" / "050_pingtan_shehuishiyeju_2019.txt"
    text = path.read_text(encoding="utf-8")
    plain = parse_report_text(text, source=path.name).report
    noted = text
    for printed, note in (("规章 0 0 0", "（设区的市、自治州人民政府应提供相关数据）"), ("规范性文件 0 3 3", "（行政机关制定发布的决定、公告、通告）"),
                          ("其他对外管理服务事项 0 0 0", "（指行政许可以外的政务服务事项）")):
        label, numbers = printed.split(" ", 1)
        assert printed in noted
        noted = noted.replace(printed, f"{label}{note} {numbers}", 1)
    assert parse_report_text(noted, source=path.name).report.cells == plain.cells



CUT_SHORT_COPY = """某某区某某局2020年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项 | | | |
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
规章 | 0 | 0 | 0 |
规范性文件 | 2 | 2 | 19 |
第二十条第（五）项 | | | |
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 8 | 5 | 93 |
其他对外管理服务事项 | 117 | 0 | 165 |
第二十条第（六）项 | | | |
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政处罚 | 90 | 0 | 22 |
行政强制 | 4 | 4 | 0 |
第二十条第（八）项 | | | |
信息内容 | 上一年项目数量 | 本年增/减 | |
行政事业性收费 | | | |
第二十条第（九）项 | | | |
信息内容 | 采购项目数量（指202
"""


def test_a_number_after_the_next_groups_caption_is_not_the_row_befores():
    """A page copied only up to table 二's last caption, cut off inside its header (「采购项目数量（指202」,
    the 2020 a note printed): the 202 is no cell of 行政事业性收费, printed blank before the caption."""
    result = parse_report_text(CUT_SHORT_COPY, source="copy.txt")
    assert [result.report.get(CellRef("active", "fees", column)) for column in ("prev_count", "change")] == [None, None]
    assert result.report.get(CellRef("active", "coercion", "prev_count")) == 4


def test_a_typo_in_a_label_of_a_report_flattened_onto_one_line_costs_no_row():
    """006 flattened onto one line, its digits glued to the next row's ordinal (「…合法权益00000005.属于…」),
    with a typo a real page prints (「5.属于三类内容事务信息」): the line is still cut before 「5.」, the
    ordinal after 4.'s, so 4. keeps its own numbers and 5. is read in the one place it can stand."""
    path = Path(__file__).parent / "fixtures" / "reports" / "006_pingtan_2023.txt"
    text = path.read_text(encoding="utf-8")
    plain = parse_report_text(text, source=path.name)
    assert "属于三类内部事务信息" in text
    result = parse_report_text(text.replace("属于三类内部事务信息", "属于三类内容事务信息"), source=path.name)
    assert result.report.cells == plain.report.cells
    assert any("「5.属于三类内容事务信息」" in note.message and "相近" in note.message for note in result.notes)


# --- the unit and year a page copy without its title names in its own sentences ----------------------
# Of 42 real page beginnings (16 provinces), 19 named no unit and 8 no year once the page's title was
# not copied; a reader finds both in the summary's first sentence (「2020年,庄窠乡认真贯彻…」), in
# 「本报告由××镇人民政府党政办公室编制」 or in 「汇报我镇2023年政府信息公开工作」.


def _opening_as(seeds_dir, opening: str) -> str:
    """Seed 001 without its title, its summary's first sentence replaced by ``opening``."""
    text = _untitled(seeds_dir, "001_39a3bb303739f26f.txt")
    first = next(line for line in text.split("\n") if line.startswith("2023 年，在区委"))
    return text.replace(first, opening, 1)


def test_the_unit_from_the_summarys_first_sentence(seeds_dir):
    # 「2023 年，在区委、区政府的正确领导下，在县政务公开办的严格要求下，荷花路街道办事处结合工作实际…」
    result = parse_report_text(_untitled(seeds_dir, "001_39a3bb303739f26f.txt"))
    assert result.report.unit == "荷花路街道办事处"
    assert any(note.startswith("机关名称取自「一、总体情况」首句「2023 年，在区委") for note in _notes(result))


@pytest.mark.parametrize(("opening", "unit"), [
    ("2020年,庄窠乡认真贯彻落实县政府信息公开相关文件精神,按照政府信息公开的要求,不断加大公开力度。", "庄窠乡"),
    ("2022年,松木塘镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。", "松木塘镇人民政府"),
    ("2024年,在县委、县政府的坚强领导下,海城镇以习近平新时代中国特色社会主义思想为指引,严格贯彻《条例》。", "海城镇"),
    ("2021年,县乡村振兴局严格按照县委县政府要求,认真贯彻落实《条例》及相关规定。", "县乡村振兴局"),
    ("2023年，我镇坚持以人民为中心，深化政务公开。", ""),  # how a body speaks of itself names none
    ("2023年，全镇坚持以人民为中心，深化政务公开。", ""),
    ("2023年，政务公开工作坚持以人民为中心。", ""),
])
def test_the_unit_from_the_subject_of_a_summary_opening(seeds_dir, opening, unit):
    assert parse_report_text(_opening_as(seeds_dir, opening)).report.unit == unit


@pytest.mark.parametrize(("sentence", "unit"), [
    ("本报告是根据《中华人民共和国政府信息公开条例》要求，由两城镇人民政府党政办公室编制。", "两城镇人民政府"),
    ("本年度报告根据《条例》和《山东省政府信息公开规定》要求，由成山镇人民政府编制。", "成山镇人民政府"),
    ("本报告由某某县教育局编制。", "某某县教育局"),
    ("本报告由本局办公室编制。", ""),  # how a body speaks of itself names none
    ("为认真做好京山市卫生健康局政府信息公开工作，我局按照《条例》的有关要求，精心组织。", "京山市卫生健康局"),
    ("为进一步做好本局政府信息公开工作，现将有关情况报告如下。", ""),
])
def test_the_unit_the_preamble_names_as_compiling_or_doing_the_work(seeds_dir, sentence, unit):
    text = _opening_as(seeds_dir, "全年工作平稳。")  # the summary names no body
    result = parse_report_text(text.replace("一、总体情况", sentence + "\n一、总体情况", 1))
    assert result.report.unit == unit
    assert any(note.startswith("机关名称取自正文「") for note in _notes(result)) == bool(unit)


def test_the_year_from_the_summarys_first_sentence(seeds_dir):
    text = _untitled(seeds_dir, "002_c011582259751f09.txt")
    text = re.sub(r"统计期限为2023年1月1日至2023年12月31日止", "统计期限为全年", text)
    text = text.replace("现公布南关区鸿城街道2023年度政府信息公开工作年度报告", "现公布本街道年度报告")
    text = text.replace("2023年，我街道高效", "本年，我街道高效").replace("2023年街道政务公开专栏", "全年街道政务公开专栏")
    assert text.count("2023年") == 1  # 「2023年，鸿城街道按照…」 only: too few for the most named year
    result = parse_report_text(text)
    assert (result.report.year, result.report.unit) == (2023, "鸿城街道")
    assert "报告年度取自「一、总体情况」首句「2023年，鸿城街道按照中央、省、市、区的要求，及时公开信息，完善工作制度，丰富…」" in _notes(result)
    # a year that opens a later part (「2024年，我街道将…」) is the plans', not the report's
    five = text.replace("2023年，鸿城街道", "全年，鸿城街道", 1)
    five = five.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况\n2024年，我街道将继续深化政务公开。", 1)
    assert parse_report_text(five).report.year is None


def test_the_year_from_a_sentence_on_the_bodys_own_work(seeds_dir):
    untitled = _untitled(seeds_dir, "004_a5beddac6e9ed429.txt")
    text = untitled.replace("一、总体情况", "现结合我镇实际，从六个方面汇报我镇2023年政府信息公开工作。\n一、总体情况", 1)
    assert "报告年度取自正文「我镇2023年政府信息公开工作」" in _notes(parse_report_text(text))
    # in a later part it is last year's work looked back on (「对照我镇2022年政府信息公开工作中的问题」)
    later = untitled.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况\n对照我镇2022年政府信息公开工作中的问题逐项整改。", 1)
    assert parse_report_text(later).report.year is None


def test_a_title_printed_again_under_a_line_that_is_no_body_names_none(seeds_dir):
    # a workbook's sheets each print the title; a table's caption above the second one is no unit
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    text = text.replace("荷花路街道办事处 2023 年政府信息公开工作年度 报告",
                        "2023年政府信息公开工作年度报告\n第二十条第（一）项\n2023年政府信息公开工作年度报告", 1)
    assert find_title(text.split("\n")).unit == ""


def test_a_title_printed_again_far_below_is_not_the_title_again(seeds_dir):
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    text = text.replace("荷花路街道办事处 2023 年政府信息公开工作年度 报告",
                        "2023年政府信息公开工作年度报告\n一\n二\n三\n四\n荷花路街道办事处\n2023年政府信息公开工作年度报告", 1)
    assert find_title(text.split("\n")).unit == ""


def test_the_unit_and_year_under_a_summary_headed_in_other_words(seeds_dir):
    # 「一、基本情况」 (a body's own wording, one of the format's) heads the summary's first sentence too
    text = _untitled(seeds_dir, "001_39a3bb303739f26f.txt").replace("一、总体情况", "一、基本情况", 1)
    assert parse_report_text(text).report.unit == "荷花路街道办事处"
