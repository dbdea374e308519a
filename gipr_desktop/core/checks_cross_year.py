"""Checks against last year's report of the same body, when it is known (``CheckContext.previous``).

R5 上年结转 = last year's 结转下年度; R6 现行有效件数 = last year's + 本年制发 − 本年废止; R10 section 五
nearly the same as last year's (年年雷同); U1, a note rather than a fault, a section still as rollover
copied it (「待更新」). U1 compares what a writer writes: not the table headers a copied table leaves in
a table's section, and not a fee section that holds only the standard fee sentence (「2023年，无收取信息
处理费情况」), which may rightly read the same every year.
The rules come from the schema's ``cross_year`` block (in the 2019 format R6 is 对外公开总数量 = last
year's + 本年新公开数量); the checks run on every keystroke, so text comparisons are cached.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from gipr_desktop.core.findings import ERROR, INFO, WARNING, CheckContext, Finding
from gipr_desktop.core.report import Report
from gipr_desktop.core.rollover import shift_year
from gipr_desktop.core.checks_text import standard_sentences_only
from gipr_desktop.core.schema import CellRef, cross_year_rules, format_policy, review_policy
from gipr_desktop.core.text_tables import narrative

_NOT_COMPARED = re.compile(r"[\s\d]+")


def check_previous_year(report: Report, context: CheckContext) -> Iterable[Finding]:
    last = context.previous
    if last is None:
        return
    if report.year is not None and last.year is not None and last.year != report.year - 1:
        yield Finding("X1", WARNING, f"所附上年报告为 {last.year} 年度，不是 {report.year - 1} 年度，"
                                     "跨年度核对（R5、R6、R10）未进行")
        return
    yield from _carried(report, last)
    yield from _stocks(report, last)
    yield from _texts(report, last)


def _carried(report: Report, last: Report) -> Iterable[Finding]:
    fmt = report.schema
    for rule in cross_year_rules(report.format).get("carried", ()):
        for column in fmt.table(rule["table"]).row(rule["row"]).columns:
            ref = CellRef(rule["table"], rule["row"], column.id)
            from_ref = CellRef(rule["table"], rule["from_row"], column.id)
            now, before = report.cells.get(ref), last.cells.get(from_ref)
            if now is None or before is None or now == before:
                continue
            yield Finding(
                rule["rule"], ERROR,
                f"{fmt.cell_name(ref)}为 {now}，上年报告的{last.schema.cell_name(from_ref)}为 {before}，两者应相等",
                (ref,),
            )


def _stocks(report: Report, last: Report) -> Iterable[Finding]:
    fmt, cells = report.schema, report.cells
    for rule in cross_year_rules(report.format).get("stocks", ()):
        for row in rule["rows"]:
            table = fmt.table(rule["table"])
            ref = CellRef(rule["table"], row, rule["col"])
            plus = CellRef(rule["table"], row, rule["plus"])
            minus = CellRef(rule["table"], row, rule["minus"]) if rule["minus"] else None
            before = last.cells.get(ref) if last.schema.has_cell(ref) else None
            used = (ref, plus) if minus is None else (ref, plus, minus)
            if before is None or any(r not in cells for r in used):
                continue
            expected = before + cells[plus] - (cells[minus] if minus else 0)
            if cells[ref] == expected:
                continue
            how = f"上年 {before} + {table.row(row).column(rule['plus']).label} {cells[plus]}"
            if minus is not None:
                how += f" − {table.row(row).column(rule['minus']).label} {cells[minus]}"
            yield Finding(rule["rule"], WARNING, f"{fmt.cell_name(ref)}应为 {expected}（{how}），实为 {cells[ref]}", used)


def _texts(report: Report, last: Report) -> Iterable[Finding]:
    policy = format_policy(report.format)
    for section in report.schema.sections:
        text = narrative(report, section.id)
        before = narrative(last, section.id)
        if not text.strip() or not before.strip():
            continue
        if section.id == policy.fees and standard_sentences_only(report, text):
            continue
        if _unchanged(text, before, last.year, report.year):
            yield Finding("U1", INFO, f"「{section.title}」仍是上年报告的文字，待更新", (), section.id)
        if section.id == policy.problems:
            share = similar_share(text, before)
            if share is not None:
                yield Finding(
                    "R10", WARNING,
                    f"「{section.title}」与上年报告的相同部分几乎一样（相似度 {share:.0%}），"
                    "应如实写明本年度的问题和改进情况，不得与往年雷同",
                    (), section.id,
                )


def _unchanged(text: str, before: str, old: int | None, new: int | None) -> bool:
    if text == before:
        return True
    return old is not None and new is not None and text == shift_year(before, old, new)[0]


def similar_share(a: str, b: str) -> float | None:
    """How alike two texts are when at least the review's ``similar``, else None: the share of two-character
    sequences they have in common (Dice), ignoring whitespace and figures; ``similar`` is the
    schema's threshold. Linear in the length,
    so that typing in a long section stays fast."""
    x, y = _bigrams(a), _bigrams(b)
    size = sum(x.values()) + sum(y.values())
    if not size:
        return None
    share = 2 * sum((x & y).values()) / size
    return share if share >= review_policy().similar else None


@lru_cache(maxsize=64)
def _bigrams(text: str) -> Counter:
    text = _NOT_COMPARED.sub("", text)
    return Counter(map(str.__add__, text, text[1:]))
