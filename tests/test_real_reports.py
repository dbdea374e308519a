"""Real published reports gathered from bodies the program was not written against
(tests/fixtures/reports 012 on; sources in SOURCES.md, truth for every cell in expected.json)
import with no wrong number, and every cell the importer leaves empty is named in its notes.

Truth was read from the originals by hand and checked by the schema's arithmetic; where an original
breaks a rule (R2, R3, R4 on 020, 021, 025, 028) the truth keeps what it prints.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.text_import import parse_report_text
from tests.fixture_truth import truth_report

REPORTS = Path(__file__).parent / "fixtures" / "reports"
EXPECTED = {name: entry for name, entry in json.loads((REPORTS / "expected.json").read_text(encoding="utf-8")).items()
            if 12 <= int(name[:3]) < 100}  # 1NN: tests/test_more_reports.py

KNOWN_WRONG: dict = {}  # file -> an xfail mark naming a known defect (none today)


def _value(value):
    return Decimal(str(value)) if isinstance(value, float) else value


def _cells(entry):
    for table_id, rows in entry["tables"].items():
        for row_id, columns in rows.items():
            for col_id, value in columns.items():
                yield CellRef(table_id, row_id, col_id), value


def _named(notes, ref: CellRef) -> bool:
    """A note says this cell was left empty: it names the cell's row (or the whole table) and says 留空."""
    return any(note.table == ref.table and note.row in (ref.row, "") and note.col in (ref.col, "")
               and "留空" in note.message for note in notes)


@pytest.fixture(scope="module")
def imported():
    return {name: read_report(REPORTS / name) for name in EXPECTED}


def test_at_least_fifteen_reports_gathered_with_every_cell_known():
    assert len(EXPECTED) >= 15
    for name, entry in EXPECTED.items():
        assert (REPORTS / name).is_file(), name
        # a cell is null only where the original prints it blank or not at all (050 on), and the entry says so
        assert all(value is not None for _, value in _cells(entry)) or "null" in entry["notes"], name


@pytest.mark.parametrize("name", [pytest.param(n, marks=KNOWN_WRONG.get(n, ())) for n in EXPECTED])
def test_no_cell_holds_a_number_the_original_does_not_print(imported, name):
    report = imported[name].report
    wrong = {ref: (report.get(ref), value) for ref, value in _cells(EXPECTED[name])
             if report.get(ref) is not None and report.get(ref) != _value(value)}
    assert wrong == {}


@pytest.mark.parametrize("name", [pytest.param(n, marks=KNOWN_WRONG.get(n, ())) for n in EXPECTED])
def test_a_copy_in_traditional_characters_holds_no_number_the_original_does_not_print(name):
    opencc = pytest.importorskip("opencc")
    text = opencc.OpenCC("s2t").convert((REPORTS / name).read_text(encoding="utf-8"))
    result = parse_report_text(text, source=name)
    wrong = {ref for ref, value in _cells(EXPECTED[name])
             if result.report.get(ref) is not None and result.report.get(ref) != _value(value)}
    unnamed = {ref for ref, _ in _cells(EXPECTED[name])
               if result.report.get(ref) is None and not _named(result.notes, ref)}
    assert (wrong, unnamed) == (set(), set())


@pytest.mark.parametrize("name", EXPECTED)
def test_a_copy_in_traditional_characters_with_taiwan_words_reads_as_the_original(imported, name):
    """A 繁體 view converted with Taiwan phrases (OpenCC s2twp, as some sites' views and mirrors make
    it) prints 政府資訊公開, 規範性檔案, 上一年專案數量, 聯絡方式, 釋出時間, 原始連結: the same cells, format,
    year, unit, publication date and contact as the original, and its preamble begins where the
    original's does (its 檔案館 an archive still)."""
    opencc = pytest.importorskip("opencc")
    text = (REPORTS / name).read_text(encoding="utf-8")
    result = parse_report_text(opencc.OpenCC("s2twp").convert(text), source=name)
    original = imported[name].report
    particulars = ("format", "year", "unit", "published", "contact")
    assert [getattr(result.report, name) for name in particulars] == [getattr(original, name) for name in particulars]
    assert result.report.preamble[:20] == original.preamble[:20]  # no page's fields (原始連結) before it
    assert result.report.cells == original.cells
    assert any("台湾用词" in note.message for note in result.notes)
    texts = ["".join([report.preamble, *report.sections.values()]) for report in (result.report, original)]
    assert texts[0].count("档案馆") == texts[1].count("档案馆")
    for word, official in (("资讯", "信息"), ("档案", "文件"), ("资料", "数据"), ("专案", "项目"), ("联络", "联系"),
                           ("释出", "发布"), ("入口网", "门户网")):  # the section texts in the official words
        assert texts[0].count(word) <= texts[1].count(word), word
        assert texts[0].count(official) >= texts[1].count(official), official


@pytest.mark.parametrize("name", ["012_pingtan_gonganju_2024.txt", "050_pingtan_shehuishiyeju_2019.txt",
                                  "064_putian_yingjiguanliju_2021.txt"])
def test_a_copy_in_traditional_characters_with_one_taiwan_word_reads_as_the_original(imported, name):
    """A 繁體 mirror converted word by word prints 規範性檔案 but keeps 政府信息公開: the same cells."""
    opencc = pytest.importorskip("opencc")
    text = opencc.OpenCC("s2t").convert((REPORTS / name).read_text(encoding="utf-8")).replace("文件", "檔案")
    result = parse_report_text(text, source=name)
    assert result.report.cells == imported[name].report.cells
    assert any("台湾用词" in note.message for note in result.notes)


@pytest.mark.parametrize("name", EXPECTED)
def test_every_cell_left_empty_is_named_in_the_notes(imported, name):
    result = imported[name]
    unnamed = [ref for ref, _ in _cells(EXPECTED[name])
               if result.report.get(ref) is None and not _named(result.notes, ref)]
    assert unnamed == []


@pytest.mark.parametrize("name", EXPECTED)
def test_format_unit_and_year_as_printed(imported, name):
    report, entry = imported[name].report, EXPECTED[name]
    assert (report.format, report.unit, report.year) == (entry["format"], entry["unit"], entry["year"])


@pytest.mark.parametrize("name", ["057_pingtan_shehuishiyeju_2024.txt"])
def test_a_printed_table_that_cannot_be_read_is_not_said_to_be_missing(imported, name):
    notes = [note.message for note in imported[name].notes if note.table == "review_litigation"]
    assert any("未能读取" in message for message in notes)
    assert not any("未找到" in message for message in notes)


@pytest.mark.parametrize("name", ["020_pingtan_jingfaju_2025.txt", "025_pingtan_shenpiju_2024.txt"])
def test_a_glued_table_four_of_one_digit_a_cell_is_read_as_printed_though_its_totals_are_wrong(imported, name):
    """These flattened pages print table 四 as fifteen digits in one run, 「010000000000000」: one
    digit a cell is the only way to read them, and no reading with a cell printed blank adds up
    either; the original's 总计 of 0 beside a 纠正 of 1 is kept and said, and R4 flags it."""
    result, entry = imported[name], EXPECTED[name]
    table = {ref: value for ref, value in _cells(entry) if ref.table == "review_litigation"}
    assert {ref: result.report.get(ref) for ref in table} == table
    assert any(note.table == "review_litigation" and "每栏一位数" in note.message and "与总计不符" in note.message
               for note in result.notes)


@pytest.mark.parametrize("name", ["020_pingtan_jingfaju_2025.txt", "025_pingtan_shenpiju_2024.txt", "101_huaian_hongzequ_2023.pdf"])
def test_a_report_whose_totals_are_wrong_in_the_original_reads_back_from_its_text_export(tmp_path, name):
    """Rows that do not add up as printed (R2–R4 in the original) are kept as printed in the program's
    own text export: its cells stand between separators, so reopening it loses none of them."""
    report = read_report(REPORTS / name).report if name.endswith(".pdf") else truth_report(name)
    write_report(report, tmp_path / "r.txt")
    assert read_report(tmp_path / "r.txt").report.cells == report.cells


def test_a_flattened_pages_heading_worded_otherwise_ends_where_its_text_begins(imported):
    """平潭 公安局 2024's page, flattened onto one line, heads section 五 「五、存在的主要问题及明年工作计划」
    and goes straight on 「2024年，我局…」: the heading was not found, its text stood in section 四, and
    the Word export printed 「五、存在的主要问题…」 as a paragraph under heading 四."""
    result = imported["012_pingtan_gonganju_2024.txt"]
    assert result.report.sections["4"] == ""
    assert result.report.sections["5"].startswith("2024年，我局政府信息公开工作能力进一步增强")
    assert not any(note.section == "5" for note in result.notes)


def test_a_flattened_pages_fields_are_cut_off_its_preamble_not_the_preamble_with_them():
    """平潭 2021's page, flattened onto one line, runs its fields into the preamble after the title
    (「来源：平潭县人民政府 时间：2022-02-08 16:34 根据《中华人民共和国政府信息公开条例》…」): the
    fields went, and the whole preamble with them; the Word export printed none."""
    report = read_report(REPORTS / "004_pingtan_2021.txt").report
    assert report.preamble.startswith("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）")
    assert "来源：" not in report.preamble and "16:34" not in report.preamble
    assert "电话/传真：0591-23165370" in report.contact


@pytest.mark.parametrize("name, words", [
    ("005_pingtan_2022.txt", "动态更新本年度制发的规范性文件88件。"),
    ("006_pingtan_2023.txt", "动态更新本年度制发的规范性文件77件。"),
    ("008_pingtan_2025.txt", "全年办理因政府信息公开申请引发的行政复议36起"),
    ("014_pingtan_shenpiju_2023.txt", "全面梳理了我局现行有效的规范性文件16件"),
    ("052_pingtan_haitanpianqu_2024.txt", "办理因政府信息公开引起的行政复议1件"),
    # a label whose number is counted (「…件」「…起」) is a sentence's, whatever stands before it
    ("003_pingtan_2020.txt", "已宣布废止规范性文件5件"),
    ("005_pingtan_2022.txt", "集中公开现行有效行政规范性文件698件"),
    ("007_pingtan_2024.txt", "动态更新发布本年度制发行政规范性文件62件"),
    ("014_pingtan_shenpiju_2023.txt", "因依申请公开引发行政复议1起、行政诉讼1起"),
    ("015_pingtan_guanweihuibangongshi_2022.txt", "共发布信息2479条（含行政规范性文件34件）"),
    ("025_pingtan_shenpiju_2024.txt", "我局废止规范性文件6件，制定规范性文件15件"),
    ("027_pingtan_guanweihuibangongshi_2025.txt", "制发行政规范性文件9件"),
])
def test_a_row_label_in_a_flattened_pages_sentence_does_not_cut_the_sentence(name, words):
    """A flattened page is cut before each row label followed by a number, but 「…本年度制发的规范性文件88件」
    is a sentence: a label right after 「的」 is a noun of the sentence, and so is one whose number a
    measure word counts (「规范性文件5件」, 「行政复议1起」); a table's cell is never so printed."""
    report = read_report(REPORTS / name).report
    assert any(words in paragraph for paragraph in report.sections["1"].split("\n"))


def test_a_row_label_after_a_spaced_de_in_a_flattened_page_does_not_cut_the_sentence():
    text = (REPORTS / "005_pingtan_2022.txt").read_text(encoding="utf-8").replace("制发的规范性文件88件", "制发的 规范性文件88件")
    assert "制发的 规范性文件88件" in text
    sections = parse_report_text(text).report.sections
    assert any("制发的 规范性文件88件。" in paragraph for paragraph in sections["1"].split("\n"))


@pytest.mark.parametrize("name", ["005_pingtan_2022.txt", "007_pingtan_2024.txt", "016_pingtan_guoziju_2021.txt",
                                  "019_pingtan_jiaojianju_2020.txt", "021_pingtan_gonganju_2021.txt",
                                  "106_pingtan_jingfaju_2024.txt"])
def test_a_flattened_pages_preamble_is_not_cut_at_the_report_name_it_quotes(name):
    """The line after the title holds the whole report; its preamble quotes 「…关于印发〈中华人民共和国政府
    信息公开工作年度报告格式〉的通知》」: cut after that 「年度报告」 as if a title ended there, the Word
    export printed the preamble as two paragraphs, the second beginning 「格式〉的通知》」."""
    report = read_report(REPORTS / name).report
    assert "\n" not in report.preamble and not report.preamble.startswith(("格式", "有关事项"))


def test_an_enumerations_number_a_page_printed_on_a_line_of_its_own_goes_on_with_its_words(imported):
    """莆田 林业局 2024's page breaks 「三是」 and 「四」 off their words (「严格规范性文件管理。」,
    「是做好政务公开信息自查。」): a numeral alone, or with 「是」, is no paragraph of its own."""
    paragraphs = imported["069_putian_linyeju_2024.txt"].report.sections["6"].split("\n")
    assert "三是严格规范性文件管理。" in paragraphs and "四是做好政务公开信息自查。" in paragraphs
    assert not [p for p in paragraphs if p.strip() in ("三是", "四")]


def test_a_figure_a_page_printed_on_a_line_of_its_own_goes_on_with_its_measure(imported):
    """莆田 统计局 2019's page breaks 「2019」 off 「年没有需要报告的其他事项。」: a figure alone on its line,
    the next beginning with the year, month, day or count it measures, is no paragraph of its own."""
    paragraphs = imported["070_putian_tongjiju_2019.txt"].report.sections["6"].split("\n")
    assert paragraphs[0] == "2019年没有需要报告的其他事项。"


def test_a_flattened_pages_table_header_is_not_section_text(imported):
    """平潭 公安局 2024's table 二, run into one line, left its header words as the text of section
    二 (「第二十条第（一）项信息内容 本年制发件数 本年废止件数 现行有效件数」)."""
    assert imported["012_pingtan_gonganju_2024.txt"].report.sections["2"] == ""


TABLE_WORDS = {"2": ("信息内容", "第二十条第"), "3": ("商业企业", "科研机构", "法律服务机构"), "4": ("结果维持", "尚未审结")}
COPIES = sorted((REPORTS / "pdf_text").glob("*.txt")) + sorted(REPORTS.glob("0*.txt"))


@pytest.mark.parametrize("path", COPIES, ids=lambda path: path.name)
def test_a_tables_header_and_figures_are_not_its_sections_text(path):
    """Every real report's section 二 held its table's header as text (「第二十条第（一）项信息内容本年制发
    件数…」), and copies out of PDFs also the table's lines of figures (「规章   13   13   524」): the
    Word export printed them as paragraphs above the table."""
    sections = parse_report_text(path.read_text(encoding="utf-8"), source=path.name).report.sections
    for section_id, words in TABLE_WORDS.items():
        lines = [line for line in sections[section_id].split("\n") if any(word in line for word in words)]
        assert lines == [], section_id
        figures = [line for line in sections[section_id].split("\n")
                   if sum(part.isdigit() for part in line.split()) >= 2 and not re.search("[，。；、]", line)]
        assert figures == [], section_id


def test_a_sentence_made_of_the_tables_words_stays_section_text():
    sentence = "办理结果分为予以公开、部分公开、不予公开、无法提供、不予处理和其他处理。"
    text = f"某局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n{sentence}\n四、政府信息公开行政复议、行政诉讼情况\n"
    assert parse_report_text(text).report.sections["3"] == sentence


def test_a_word_pages_conditional_comments_are_not_section_text(imported):
    """平潭 财政金融局 2019's page, saved from Word, printed 「<!--[if !supportMisalignedColumns]--><!--[endif]-->」
    where its table was; a copy of it kept that as text."""
    assert "<!--" not in "".join(imported["029_pingtan_caijinju_2019.txt"].report.sections.values())


@pytest.mark.parametrize("name", ["023_pingtan_caijinju_2020.txt", "056_pingtan_lvyouwentiju_2019.txt"])
def test_a_procurement_count_printed_with_its_measure_word_is_read(imported, name):
    """「政府集中采购 2笔 984361元」 (023) and 「政府集中采购1个246900元」 (056, run together): the number of
    projects is printed with its measure word, 笔 or 个, the amount with 元."""
    truth = EXPECTED[name]["tables"]["active"]["central_procurement"]
    report = imported[name].report
    assert {col: report.get(CellRef("active", "central_procurement", col)) for col in truth} == truth


@pytest.mark.parametrize("name", ["062_sanming_shizhengfu_2022.txt", "063_sanming_shizhengfu_2020.txt",
                                  "064_putian_yingjiguanliju_2021.txt", "065_putian_minzuzongjiaoju_2022.txt",
                                  "067_putian_chengshiguanliju_2020.txt", "069_putian_linyeju_2024.txt"])
def test_a_page_saved_by_a_crawler_with_its_fields_and_broken_at_every_tag_is_read_cell_for_cell(imported, name):
    """The 三明 pages as a crawler saved them: the page's fields first (「标题：」…「正文：」), every
    cell and every inline run on a line of its own (「一、」 above 「总体情况」), the six parts listed in
    the preamble one a line: every cell is read."""
    report = imported[name].report
    assert {ref: report.get(ref) for ref, _ in _cells(EXPECTED[name])} == \
        {ref: _value(value) for ref, value in _cells(EXPECTED[name])}


BROKEN_AT_EVERY_TAG = [name for name in EXPECTED if name[:3] in {"062", "063", "064", "065", "066", "067", "068", "069"}]
BROKEN_CONTACTS = {
    "062_sanming_shizhengfu_2022.txt": "联系电话：0598-8231086",
    "063_sanming_shizhengfu_2020.txt": "联系电话：0598—8231086；电子邮箱：szfbdzzwk@126.com",
    "064_putian_yingjiguanliju_2021.txt": "地址：莆田市荔城中大道2169号市政府5号楼403；邮编：351100；电话：0594-2298938；传真：0594-2339655",
    "066_putian_shizhengfubangongshi_2019.txt": "地址：莆田市荔城中大道2169号机关大院3号楼419室；邮编：351100；电话：0594-2293293",
}
_PIECE = re.compile(r"^(?:[、，,。；;：:）)〕」》”%]|[\d\s.\-]+$)")  # a paragraph that is only a piece of a sentence


@pytest.mark.parametrize("name", BROKEN_CONTACTS)
def test_a_contact_a_page_broke_over_lines_is_read_whole(imported, name):
    """「电话：」「0594-2」「298938」 on three lines: the telephone is 0594-2298938, not 「0594-2」."""
    assert imported[name].report.contact == BROKEN_CONTACTS[name]


@pytest.mark.parametrize("name", BROKEN_AT_EVERY_TAG)
def test_a_page_broken_at_every_tag_gives_its_text_in_sentences_without_the_pages_fields(imported, name):
    """The preamble and the text of the sections without a table are whole sentences (no paragraph
    「。」, 「20」 or 「，邮编：」), and the fields the saved page begins with (「文号：」…「正文：」) are
    no part of the preamble."""
    report = imported[name].report
    paragraphs = [p for text in (report.preamble, *(report.sections[s] for s in "156")) for p in text.split("\n")]
    assert [p for p in paragraphs if _PIECE.match(p)] == []
    assert not re.search(r"^(?:文号|发布机构|索引号|来源|栏目|原始链接|本地目录|正文)\s*[:：]", report.preamble, re.M)


CONTACTS_WRAPPED = {  # copy: how the PDF broke the contact the program's export printed on one line
    "002_pingtan_2019.lo.pdfium.txt": "the line wrapped before 「电子邮箱：」",
    "012_pingtan_gonganju_2024.lo.pdftotext.txt": "the items after the first letter-spaced (「邮 编 ：」), the e-mail after 「邮 箱 ：」",
    "019_pingtan_jiaojianju_2020.lo.pdftotext.txt": "a label broken over the lines (「；邮」 / 「箱：ptzsjtjs@126.com」)",
    "054_pingtan_nongyenongcunju_2021.lo.pdftotext-layout.txt": "letter-spaced items",
}


@pytest.mark.parametrize("copy", CONTACTS_WRAPPED)
def test_a_contact_a_pdf_copy_wrapped_is_read_whole_and_kept_out_of_the_preamble(copy):
    """The contact, 「联系方式：地址：…；邮编：…；电话：…；电子邮箱：…」 on one line in the Word file, comes
    out of the PDF over several lines (see ``CONTACTS_WRAPPED``): it is read whole, as the original's,
    and none of its items is left to stand as a paragraph of the preamble."""
    stem = copy.split(".lo.")[0]
    original = read_report(next(path for path in REPORTS.glob(stem + ".*") if path.suffix != ".json")).report
    report = parse_report_text((REPORTS / "pdf_text" / copy).read_text(encoding="utf-8"), source=copy).report
    assert report.contact == original.contact  # without the spaces the PDF put beside its characters
    items = re.compile(r"^(?:联系)?(?:地址|邮编|电话|传真|电子邮箱|邮箱)[:：]")
    assert [p for p in report.preamble.split("\n") if items.match("".join(p.split()))] == []


def test_a_sentence_a_pdf_wrapped_before_a_word_and_a_colon_is_one_paragraph():
    """「…平台互动功能仍有不足。下一步」 / 「整改措施：一是强化…」: only a contact's or a page's own labels
    begin an item of their own; 「整改措施：」 goes on with the line before."""
    copy = REPORTS / "pdf_text" / "008_pingtan_2025.lo.pdftotext.txt"
    report = parse_report_text(copy.read_text(encoding="utf-8")).report
    assert any("仍有不足。下一步整改措施：一是强化政务公开队伍建设" in "".join(p.split()) for p in report.sections["5"].split("\n"))


WRAPPED_COPIES = ["058_pingtan_ziranziyuanju_2023.lo.pdftotext-layout.txt", "059_pingtan_ziranziyuanju_2024.lo.pdftotext-layout.txt",
                  "101_huaian_hongzequ_2023.pdftotext.txt", "102_huaian_hongzequ_2024.pdfium.txt"]


def _paragraph_texts(report) -> dict[str, list[str]]:
    """Each part's paragraphs, spaces dropped (a PDF copy prints 「2021 年」 for 「2021年」)."""
    parts = {"preamble": report.preamble, **report.sections}
    return {part: ["".join(p.split()) for p in text.split("\n") if p.strip()] for part, text in parts.items()}


@pytest.mark.parametrize("copy", WRAPPED_COPIES)
def test_text_copied_out_of_a_pdf_gives_the_paragraphs_of_the_original_not_its_printed_lines(copy):
    """A PDF's text breaks every paragraph at the page's edge (「（一）加强组织领导，强化责任分工一是进一步强化政治」
    /「引领。深入开展…」): the report's text has the paragraphs the original prints, one each."""
    original = next(path for path in REPORTS.glob(copy.split(".")[0] + ".*") if path.suffix != ".json")
    assert _paragraph_texts(read_report(REPORTS / "pdf_text" / copy).report) == _paragraph_texts(read_report(original).report)


def _repeats_dropped(text: str) -> str:
    """The text as the 莆田 crawler saved its pages: a line kept only where it differs from the one before."""
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n".join(line for i, line in enumerate(lines) if i == 0 or line.strip() != lines[i - 1].strip())


@pytest.mark.parametrize("name", ["064_putian_yingjiguanliju_2021.txt", "069_putian_linyeju_2024.txt"])
def test_a_row_whose_repeated_cells_the_copy_printed_once_is_read_and_said(imported, name):
    """The 莆田 pages print a run of equal lines once: 「1」「0」「1」 is the row 1 0 0 0 0 0 1, its sum the
    only way to stretch it; the notes say each such row was read so."""
    result = imported[name]
    new = {col: result.report.get(CellRef("applications", "new", col)) for col in
           ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")}
    assert new == {col: EXPECTED[name]["tables"]["applications"]["new"][col] for col in new}
    assert any("连续相同的行只印一次" in note.message and "本行总计等于各栏之和" in note.message for note in result.notes)


@pytest.mark.parametrize("name", ["062_sanming_shizhengfu_2022.txt", "063_sanming_shizhengfu_2020.txt"])
def test_a_page_printed_with_its_repeats_dropped_holds_no_wrong_number_and_names_what_it_leaves(name):
    """The 三明 pages (a cell a line) as a crawler that drops repeated lines would save them: a row is
    read where it can be stretched over its cells but one way, and is else left empty and named."""
    result = parse_report_text(_repeats_dropped((REPORTS / name).read_text(encoding="utf-8")), source=name)
    cells = {ref: _value(value) for ref, value in _cells(EXPECTED[name])}
    read = {ref: result.report.get(ref) for ref in cells}
    assert {ref: value for ref, value in read.items() if value is not None and value != cells[ref]} == {}
    assert sum(value is not None for value in read.values()) >= 0.75 * len(cells)
    assert [ref for ref, value in read.items() if value is None and not _named(result.notes, ref)] == []
    # such a copy lost no blank cell: no row is placed as one that did, nor said to have
    assert [note.message for note in result.notes if "不留空白单元格" in note.message] == []


# the pages a crawler saved with each run of equal lines printed once, as their truth's notes say
REPEATS_DROPPED = tuple(name for name, entry in EXPECTED.items() if "COLLAPSED RUNS OF IDENTICAL" in entry.get("notes", ""))


@pytest.mark.parametrize("path", [path for path in COPIES if not path.name.startswith(REPEATS_DROPPED)],
                         ids=lambda path: path.name)
def test_a_copy_that_prints_its_repeated_lines_is_not_said_to_drop_them(path):
    """A figure alone on a line between lines of words (a PDF copy's wrapped header, a row of one
    cell) is no sign that a copy printed its repeats once: no row is stretched, nor said to be."""
    notes = read_report(path).notes
    assert [note.message for note in notes if "连续相同的行只印一次" in note.message] == []


def test_a_row_a_pdf_copy_printed_short_of_its_blanks_is_not_stretched():
    """A PDF viewer's copy never repeats a line either, and prints figures alone on lines between
    words (a wrapped header): a row it printed without its blank cells (「2 1 3」) is no row whose
    repeats were dropped, and is not read or refused as one."""
    path = REPORTS / "pdf_text" / "062_sanming_shizhengfu_2022.lo.pdfium.txt"
    text = path.read_text(encoding="utf-8").replace("1.属于国家秘密 2 1 0 0 0 0 3", "1.属于国家秘密 2 1 3")
    notes = parse_report_text(text, source=path.name).notes
    assert [note.message for note in notes if "连续相同的行只印一次" in note.message] == []


def test_equal_numbers_side_by_side_in_a_copy_that_drops_repeated_lines_are_cells_of_their_own():
    """In a copy that prints a run of equal lines once, numbers printed side by side on one line are
    as the line prints them: 「1 0 0 1」 is no run of zeros dropped but four cells of seven, placed by
    the table's arithmetic with the other three blank, as a PDF copy's row is."""
    path = REPORTS / "064_putian_yingjiguanliju_2021.txt"
    text = path.read_text(encoding="utf-8").replace("一、本年新收政府信息公开申请数量\n1\n0\n1\n", "一、本年新收政府信息公开申请数量\n1 0 0 1\n")
    result = parse_report_text(text, source=path.name)
    [note] = [note.message for note in result.notes if note.row == "new"]
    assert "连续相同的行只印一次" not in note and "无法判断原文是空白还是 0" in note
    assert [result.report.get(CellRef("applications", "new", col)) for col in ("natural_person", "total")] == [1, 1]


PINYIN = {"國": "guó", "開": "kāi", "條": "tiáo", "規": "guī", "項": "xiàng", "數": "shù", "區": "qū", "認": "rèn", "處": "chǔ"}


@pytest.mark.parametrize("name", ["012_pingtan_gonganju_2024.txt", "050_pingtan_shehuishiyeju_2019.txt",
                                  "064_putian_yingjiguanliju_2021.txt"])
def test_a_copy_with_pinyin_after_its_characters_reads_as_the_original(imported, name):
    """A 繁體 mirror that prints the pinyin of each character it converted (「規(guī)章」, 「第二十條(tiáo)」):
    the pinyin is dropped, and said, and the copy reads as the original."""
    opencc = pytest.importorskip("opencc")
    text = opencc.OpenCC("s2t").convert((REPORTS / name).read_text(encoding="utf-8"))
    for char, sound in PINYIN.items():
        text = text.replace(char, f"{char}({sound})")
    result = parse_report_text(text, source=name)
    assert result.report.cells == imported[name].report.cells
    assert result.report.unit == imported[name].report.unit
    assert any("拼音" in note.message for note in result.notes)


EVERY_TEXT = [name for name in json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
              if name.endswith((".txt", ".md", ".html"))]


@pytest.mark.parametrize("name", EVERY_TEXT)
def test_no_row_of_a_table_is_left_in_its_sections_text(name):
    """The text of parts 二, 三 and 四, which the publishable report prints above their tables, holds
    no row of the table with its numbers (「4.无正当理由大量反复申请0000000」, 「政府集中采购13575394432.52元」
    of reports flattened onto one line)."""
    report = read_report(REPORTS / name).report
    for table in report.schema.tables:
        text = report.sections[table.section]
        rows = [row.label.split(".", 1)[-1] for row in table.rows if len(row.label) >= 6]
        assert [label for label in rows if re.search(re.escape(label) + r"\s*\d", text)] == [], table.id


@pytest.mark.parametrize("heading", ["五、工作中存在的不足及改进措施", "五、存在的问题及改进措施", "六、其他事项", "一、概述",
                                     "一、基本情况"])
def test_a_flattened_pages_heading_in_other_words_than_the_formats_is_its_sections(heading):
    """Bodies word the parts' headings their own way (「五、工作中存在的不足及改进措施」, 「六、其他事项」,
    「一、概述」); on 平潭 经发局 2024's page, flattened onto one line, such a heading runs straight on into
    its text (「…改进措施2024年，我局…」): it ends where its text begins."""
    official = {"五": "五、存在的主要问题及改进情况", "六": "六、其他需要报告的事项", "一": "一、总体情况"}[heading[0]]
    text = (REPORTS / "106_pingtan_jingfaju_2024.txt").read_text(encoding="utf-8")
    section = str("一二三四五六".index(heading[0]) + 1)
    before = parse_report_text(text).report.sections
    after = parse_report_text(text.replace(official, heading, 1)).report.sections
    assert before[section] and after == before


def test_a_part_headed_in_its_bodys_own_words_is_found():
    # 平潭 农业农村局 2021 heads part 六 「六、需要说明的其他事项」: its fee statement was lost to part 五
    result = read_report(REPORTS / "054_pingtan_nongyenongcunju_2021.txt")
    assert result.report.sections["6"].startswith("与附表按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》")
    assert "需要说明的其他事项" not in result.report.sections["5"]
    assert not any("第六部分" in note.message for note in result.notes)
