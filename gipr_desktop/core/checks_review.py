"""Review warnings that need neither last year nor a reading of the text's claims.

R9  the summary section longer than the format allows (2021: about a thousand characters);
R11 a non-zero 规章 row from a body that cannot make 规章 (only provincial and city governments and
    State Council departments can), known by its name or, without one, by how its text speaks of itself;
R12 a large share of the applications handled under （六）其他处理, with its breakdown;
R16 a large share under （六）3.其他 alone, which should hold only what fits no other outcome;
R15 published after the deadline for the body's level;
R17 a 人民政府's report silent on the results of 工作考核、社会评议、责任追究 (条例第五十条);
S7  a hint: the summary section silent on several of the topics the format lists for it.

Every limit, threshold, deadline and name pattern is the schema's (``review_policy``, ``format_policy``).
A body whose level nothing says for certain gives no warning.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Iterable

from gipr_desktop.core.findings import INFO, WARNING, CheckContext, Finding
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, Share, Topics, format_policy, named_cells, review_policy


def body_name(report: Report) -> str:
    """The body's name as the level rules read it: a place's name only (a title 「三明市2022年政府信息
    公开工作年度报告」) or with 政府 only (「沭阳县政府」) is that place's 人民政府."""
    unit = report.unit.strip()
    place = unit[:-2] if unit.endswith("政府") else unit  # 「…人民」 of 「…人民政府」 is no place
    return place + "人民政府" if review_policy().place_only.search(place) else unit


def check_summary_length(report: Report, context: CheckContext) -> Iterable[Finding]:
    policy = format_policy(report.format)
    if policy.summary_limit is None:
        return
    text = report.sections.get(policy.summary, "")
    length = sum(1 for ch in text if not ch.isspace())
    if length > policy.summary_limit:
        section = report.schema.section(policy.summary)
        yield Finding("R9", WARNING, f"「{section.title}」有 {length} 字，{report.schema.name}要求简明扼要，"
                                     f"原则上不超过 {policy.summary_limit} 字", (), policy.summary)


def _self_name(report: Report) -> str:
    """How a report without a body's name speaks of itself, when that says it cannot make 规章."""
    for text in (report.preamble, *report.sections.values()):
        match = review_policy().cannot_make_self_names.search(text)
        if match:
            return match.group(0)
    return ""


def check_regulations_maker(report: Report, context: CheckContext) -> Iterable[Finding]:
    policy = review_policy()
    unit = body_name(report)
    if unit:
        if policy.regulation_makers.search(unit) or not policy.cannot_make_regulations.search(unit):
            return
        who = report.unit.strip()
    else:
        said = _self_name(report)
        if not said:
            return
        who = f"本机关（正文自称「{said}」）"
    refs = [ref for ref in named_cells(report.format, "regulations") if report.cells.get(ref)]
    if refs:
        names = "、".join(f"「{report.schema.cell_name(ref)}」为 {report.cells[ref]}" for ref in refs)
        row = report.schema.table("active").row(format_policy(report.format).normative_documents_row).label
        yield Finding("R11", WARNING, f"{names}；{who}无权制定规章（只有省级、设区的市级人民政府和国务院部门可以），"
                                      f"请核对是否应填在「{row}」行", tuple(refs))


def _reached(threshold: Share, count: int, total: int) -> bool:
    return total > 0 and count >= threshold.minimum and count >= threshold.share * total  # exact: no float


def _percent(count: int | Decimal, total: int | Decimal) -> int:
    """The share in whole per cent, exactly: a count may be held as an int or as a whole Decimal."""
    return round(Fraction(count) / Fraction(total) * 100)


def _handled(report: Report) -> int | None:
    handled = named_cells(report.format, "handled")
    if not handled or any(ref not in report.cells for ref in handled):
        return None
    return sum(report.cells[ref] for ref in handled)


def _short_label(report: Report, ref: CellRef) -> str:
    return report.schema.table(ref.table).row(ref.row).label.split("、")[0]


def check_other_handling(report: Report, context: CheckContext) -> Iterable[Finding]:
    """R12 all of （六）其他处理, R16 （六）3.其他 alone."""
    policy = review_policy()
    total = _handled(report)
    other = [ref for ref in named_cells(report.format, "other_handling") if ref in report.cells]
    if total is None or not other:
        return
    count = sum(report.cells[ref] for ref in other)
    if _reached(policy.other_handling, count, total):
        parts = [ref for ref in other if ref.row != "other" and report.cells[ref]]
        if parts:
            breakdown = "、".join(f"{_short_label(report, ref)} {report.cells[ref]} 件" for ref in parts)
            advice = f"其中{breakdown}；请核对各项是否如实分类"
        else:
            advice = "能归入前五类办理结果的，不应计入「其他处理」"
        yield Finding(policy.other_handling.rule, WARNING,
                      f"（六）其他处理共 {count} 件，占办理总数 {total} 件的 {_percent(count, total)}%；{advice}",
                      (*other, *named_cells(report.format, "handled")))
    misc = [ref for ref in named_cells(report.format, "other_misc") if ref in report.cells]
    misc_count = sum(report.cells[ref] for ref in misc)
    if misc and _reached(policy.other_misc, misc_count, total):
        yield Finding(policy.other_misc.rule, WARNING,
                      f"（六）其他处理·3.其他共 {misc_count} 件，占办理总数 {total} 件的 {_percent(misc_count, total)}%；"
                      "「3.其他」只计不属于前五类办理结果、也不属于逾期不补正或逾期未缴费的情形，请核对",
                      (*misc, *named_cells(report.format, "handled")))


def deadline(report: Report) -> tuple[date, str] | None:
    """The last day ``report`` may be published, and whose deadline that is."""
    if report.year is None or not report.unit.strip():
        return None
    unit = body_name(report)
    for level in review_policy().deadlines:
        if level.pattern.search(unit):
            return date(report.year + 1, level.month, level.day), level.who
    return None


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


def _unspoken(topics: Topics, text: str) -> list[str]:
    return [name for name, words in zip(topics.names, topics.words) if not any(word in text for word in words)]


def check_accountability(report: Report, context: CheckContext) -> Iterable[Finding]:
    """R17: a 人民政府 (district, county, city, province) reports on 考核、评议、追究."""
    policy = review_policy()
    if not policy.people_government.search(body_name(report)):
        return
    unit = report.unit.strip()
    text = "".join((report.preamble, *report.sections.values())).replace("\n", "")
    if not text.strip():
        return
    missing = _unspoken(policy.accountability, text)
    if missing:
        section = format_policy(report.format).accountability
        yield Finding(policy.accountability.rule, WARNING,
                      f"{unit}的年度报告应说明政府信息公开工作考核、社会评议和责任追究结果情况（条例第五十条），"
                      f"正文未写到：{'、'.join(missing)}", (), section)


def check_summary_topics(report: Report, context: CheckContext) -> Iterable[Finding]:
    """S7 (a hint): the summary names each topic the format asks it to cover."""
    policy = format_policy(report.format)
    text = report.sections.get(policy.summary, "").replace("\n", "")
    if not text.strip():
        return
    missing = _unspoken(policy.summary_topics, text)
    if len(missing) >= policy.summary_topics_missing:
        section = report.schema.section(policy.summary)
        yield Finding(policy.summary_topics.rule, INFO,
                      f"「{section.title}」未写到{'、'.join(missing)}方面的情况（应概述"
                      f"{'、'.join(policy.summary_topics.names)}等方面）", (), policy.summary)
