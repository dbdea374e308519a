"""The names the spreadsheet writer gives its sheets and fields, and the reader looks for.

The table sheets are named after the report's sections ("三、收到和处理政府信息公开申请情况"), from
the schema. The metadata fields are not part of the national format, so their labels live here,
once, for the writer and the reader alike.
"""

from __future__ import annotations

from gipr_desktop.core.schema import Format, Table

INFO_SHEET = "报告信息与正文"
FINDINGS_SHEET = "检查结果"
AGGREGATED_SHEET = "汇总的机关"  # only in an aggregated report (汇总): the bodies it sums

# Report attribute → the label of its line on the info sheet, in the order written.
FIELDS = {
    "unit": "机关名称",
    "year": "报告年度",
    "format": "报告格式",
    "published": "发布日期",
    "contact": "联系方式",
    "preamble": "前言",
}

FINDINGS_HEADER = ("序号", "类别", "规则", "说明", "涉及单元格")


def table_sheet_name(fmt: Format, table: Table) -> str:
    """"二、主动公开政府信息情况": the section's numeral and the table's title (under Excel's 31 characters)."""
    return f"{fmt.section(table.section).numeral}、{table.title}"[:31]
