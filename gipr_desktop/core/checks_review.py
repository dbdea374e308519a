"""Review warnings that need neither last year nor a reading of the text's claims.

R9  section 一 longer than about a thousand characters (the 2021 format asks for brevity);
R11 a non-zero 规章 row from a body that cannot make 规章 (only provincial and city governments and
    State Council departments can);
R12 a large share of the applications handled under （六）其他处理;
R15 published after the deadline for the body's level.

The body's level is read from its name (机关名称); a name that says nothing certain gives no warning.
"""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction
from typing import Iterable

from gipr_desktop.core.findings import WARNING, CheckContext, Finding
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CURRENT_FORMAT, named_cells

SUMMARY_SECTION = "1"
SUMMARY_LIMIT = 1000
OTHER_SHARE = Fraction(3, 10)  # more than this share of handled applications under （六） reads as a way around a reason
OTHER_MIN = 5  # and at least this many, so that two cases out of three do not warn

# whose reports are due when: (pattern of the body's name, deadline month, day, who)
_LEVELS = (
    (re.compile(r"(?:省|自治区)人民政府$"), 3, 31, "省级人民政府"),
    (re.compile(r"(?<![区县旗])市人民政府$"), 3, 10, "市级人民政府"),
    (re.compile(r"(?:区|县|旗)人民政府$"), 2, 20, "县级人民政府"),
)
_BELOW_COUNTY_DEADLINE = (1, 31, "县级人民政府部门、乡镇、街道")
_MAKES_REGULATIONS = re.compile(r"(?:省|自治区|(?<![区县旗])市)人民政府$|^(?:中华人民共和国|国务院|国家)")
_CANNOT_MAKE = re.compile(r"街道|乡|镇|(?<!自治)区|县|旗")


def check_summary_length(report: Report, context: CheckContext) -> Iterable[Finding]:
    if report.format != CURRENT_FORMAT:
        return
    text = report.sections.get(SUMMARY_SECTION, "")
    length = sum(1 for ch in text if not ch.isspace())
    if length > SUMMARY_LIMIT:
        section = report.schema.section(SUMMARY_SECTION)
        yield Finding("R9", WARNING, f"「{section.title}」有 {length} 字，{report.schema.name}要求简明扼要，"
                                     f"原则上不超过 {SUMMARY_LIMIT} 字", (), SUMMARY_SECTION)


def check_regulations_maker(report: Report, context: CheckContext) -> Iterable[Finding]:
    unit = report.unit.strip()
    if not unit or _MAKES_REGULATIONS.search(unit) or not _CANNOT_MAKE.search(unit):
        return
    refs = [ref for ref in named_cells(report.format, "regulations") if report.cells.get(ref)]
    if refs:
        names = "、".join(f"「{report.schema.cell_name(ref)}」为 {report.cells[ref]}" for ref in refs)
        yield Finding("R11", WARNING, f"{names}；{unit}无权制定规章（只有省级、设区的市级人民政府和国务院部门可以），"
                                      "请核对是否应填在「行政规范性文件」行", tuple(refs))


def check_other_handling(report: Report, context: CheckContext) -> Iterable[Finding]:
    handled = named_cells(report.format, "handled")
    other = [ref for ref in named_cells(report.format, "other_handling") if ref in report.cells]
    if not handled or any(ref not in report.cells for ref in handled) or not other:
        return
    total = sum(report.cells[ref] for ref in handled)
    count = sum(report.cells[ref] for ref in other)
    if total > 0 and count >= OTHER_MIN and count > OTHER_SHARE * total:  # exact: no float, no division by 0
        share = round(Fraction(count, total) * 100)
        yield Finding("R12", WARNING, f"（六）其他处理共 {count} 件，占办理总数 {total} 件的 {share}%；"
                                      "能归入前五类办理结果的，不应计入「其他处理」", (*other, *handled))


def deadline(report: Report) -> tuple[date, str] | None:
    """The last day ``report`` may be published, and whose deadline that is."""
    if report.year is None or not report.unit.strip():
        return None
    month, day, who = _BELOW_COUNTY_DEADLINE
    for pattern, level_month, level_day, level in _LEVELS:
        if pattern.search(report.unit.strip()):
            month, day, who = level_month, level_day, level
            break
    return date(report.year + 1, month, day), who


def check_publication_date(report: Report, context: CheckContext) -> Iterable[Finding]:
    if not report.published:
        return
    try:
        published = date.fromisoformat(report.published)
    except ValueError:
        yield Finding("R15", WARNING, f"发布日期「{report.published}」无法识别（应为 年-月-日）")
        return
    due = deadline(report)
    if due is not None and published > due[0]:
        yield Finding("R15", WARNING, f"发布日期 {_chinese_date(published)} 晚于{due[1]}年度报告的公布期限 "
                                      f"{_chinese_date(due[0])}")


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
