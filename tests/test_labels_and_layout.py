"""Label matching as real reports print labels, and the printed shape of each table."""

import pytest

from gipr_desktop.core.labels import match_column, match_row, match_section, normalize
from gipr_desktop.core.layout import CAPTION, HEADER, LABEL, VALUE, table_layout
from gipr_desktop.core.schema import CellRef, get_format

F21 = get_format("2021")
APPL = F21.table("applications")


@pytest.mark.parametrize("printed,row", [
    ("(一) 予以公开", "disclosed"),
    ("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", "partial"),
    ("（二）部分公开", "partial"),
    ("7. 属于行政执法案卷", "withheld_enforcement"),
    ("3. 危及“三安全一稳定”", "withheld_security"),
    ("3.危及\"三安全一稳定\"", "withheld_security"),
    ("1．本机关不掌握相关政府信息", "unavailable_not_held"),
    ("（七）总计", "handled_total"),
    ("四、结转下年度继续办理", "carry_forward"),
    ("一、本年新收政府信息公开申请数量", "new"),
    ("二、上年结转政府信息 公开申请数量", "carried_over"),
    ("(六) 其他处理", "other"),
])
def test_application_rows_as_printed(printed, row):
    assert match_row(APPL, printed, "2021") == row


def test_unrelated_or_ambiguous_text_matches_nothing():
    assert match_row(APPL, "三、 本年 度办 理结 果", "2021") is None  # a heading, no cells of its own
    assert match_row(APPL, "本年度报告包括总体情况", "2021") is None
    assert match_row(APPL, "", "2021") is None


def test_active_row_aliases_and_the_repealed_typo():
    active = F21.table("active")
    assert match_row(active, "规范性文件", "2021") == "normative_documents"
    assert match_row(get_format("2019").table("active"), "行政规范性文件", "2019") == "normative_documents"
    assert match_column(active.row("regulations"), "本年度止件数") == "repealed"
    assert normalize("（本年 收费金额）") == "(本年收费金额)"


@pytest.mark.parametrize("printed,section", [
    ("3、 收到和处理政府信息公开申请情况", "3"),
    ("（四）因政府信息公开工作被申请行政复议、提起行政诉讼情况", "4"),
    ("五、存在的主要问题及改进措施", "5"),
    ("六、其他需要报告的事项", "6"),
    ("一、总体情况", "1"),
    ("(一) 主动公开", None),
])
def test_section_headings_however_numbered(printed, section):
    assert match_section(F21, printed) == section


def test_applications_layout_is_the_official_shape():
    layout = table_layout(APPL)
    assert (layout.rows, layout.cols, layout.header_rows, layout.label_cols) == (28, 10, 3, 3)
    corner = layout.box_at(0, 0)
    assert corner.kind == HEADER and corner.rowspan == 3 and corner.colspan == 3
    assert "第一项加第二项之和" in corner.text
    legal = layout.box_at(1, 4)
    assert (legal.text, legal.colspan) == ("法人或其他组织", 5)
    assert layout.box_at(2, 9).text == "总计" and layout.box_at(2, 9).rowspan == 2
    group = layout.box_at(10, 0)
    assert group.kind == LABEL and group.text == "三、本年度办理结果" and group.rowspan == 22
    assert layout.position(CellRef("applications", "handled_total", "total")) == (26, 9)


def test_review_layout_has_one_value_line_under_three_header_lines():
    layout = table_layout(F21.table("review_litigation"))
    assert (layout.rows, layout.cols, layout.header_rows) == (4, 15, 3)
    assert layout.box_at(0, 5).text == "行政诉讼" and layout.box_at(0, 5).colspan == 10
    assert layout.box_at(1, 0).text == "结果维持" and layout.box_at(1, 0).rowspan == 2
    assert layout.position(CellRef("review_litigation", "suit_after_review", "total")) == (3, 14)


def test_active_layout_stacks_the_article_20_items():
    layout = table_layout(F21.table("active"))
    captions = [b.text for b in layout.boxes if b.kind == CAPTION]
    assert captions == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    fee = next(b for b in layout.boxes if b.ref == CellRef("active", "fees", "amount"))
    assert fee.kind == VALUE and fee.colspan == 3


def test_optional_row_appears_only_when_asked():
    plain = table_layout(APPL)
    with_other = table_layout(APPL, frozenset({"other"}))
    assert with_other.rows == plain.rows + 1
    assert CellRef("applications", "other", "total") in {b.ref for b in with_other.value_boxes()}


def test_one_rule_decides_which_rows_a_report_shows_in_the_grid_the_spreadsheet_and_the_print():
    """2021 （六） given as one row: the grid, the .xlsx, Word, text and HTML all show one row, without
    its three empty sub-rows; once a sub-row holds a value, it is shown again everywhere."""
    from gipr_desktop.core.layout import report_layout
    from gipr_desktop.core.report import Report
    from gipr_desktop.io.printed import printed_table
    from gipr_desktop.io.xlsx_writer import build_workbook

    report = Report()
    report.set(CellRef("applications", "other", "total"), 4)
    shown = {box.ref.row for box in report_layout(report, APPL).value_boxes()}
    assert "other" in shown and not shown & {"other_no_correction", "other_no_fee", "other_misc"}
    assert printed_table(report, APPL).layout == report_layout(report, APPL)
    sheet = build_workbook(report)[next(n for n in build_workbook(report).sheetnames if "三" in n)]
    labels = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert not any(label.startswith("1.申请人无正当理由逾期不补正") for label in labels)
    report.set(CellRef("applications", "other_misc", "total"), 1)
    shown = {box.ref.row for box in report_layout(report, APPL).value_boxes()}
    assert {"other", "other_misc"} <= shown
