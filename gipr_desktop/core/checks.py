"""The checks a report is held to: arithmetic rules of the schema, cell values, structure.

``check(report)`` returns findings; each names its rule, its severity, the cells (or section) it
involves and a Chinese message in the official wording with expected and actual values.
Empty is not zero: an arithmetic rule some of whose cells are empty is neither passed nor failed;
all such cells are listed in one ``INCOMPLETE`` finding, so that a half-filled report is not red.
What the importer said of the original (``CheckContext.notes``) tells empty cells apart: printed
blank (V2, 「应填 0」), not read (「未能读取，请按原文填写」), or simply not filled; and a missing table
from a blank or an unread one (S2). A report begun but with many parts missing reads as cut off:
one S6 lists them instead of separate M1/S1/S2 findings.

Further checks plug in by adding a function to ``CHECKS``: last year's report (``checks_cross_year``),
the text against the tables and the year (``checks_text``), the reviewers' warnings (``checks_review``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable

from gipr_desktop.core import checks_cross_year, checks_review, checks_text
from gipr_desktop.core.findings import (  # noqa: F401 (SEVERITY_NAMES and CheckContext are used from here)
    ERROR, INFO, SEVERITY_NAMES, WARNING, CheckContext, Finding,
)
from gipr_desktop.core.notes import BLANK, NO_HEADING, NO_TABLE, ImportNote
from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import (
    CellRef, Format, Table, cell_kind, cell_kinds, format_for_year, get_format, review_policy,
)
from gipr_desktop.core.values import ValueRefused, checked_value

INCOMPLETE = "INCOMPLETE"
# a line that reads as a section's heading: its numbering (「五、」「5.」「（五）」「# 五、」), then its words
_HEADING_LINE = r"^[\s#*]*[（(]?[一二三四五六七八九十0-9]{{1,2}}[）)]?\s*[、.．，,]?\s*(?:政府信息公开工作)?(?:{})"
CHECK_FAILED = "CHECK"
log = logging.getLogger(__name__)


# --- arithmetic rules, compiled once per format -------------------------------------------------


@dataclass(frozen=True)
class Equation:
    """sum(left) == sum(right) for one row or column of a rule; ``left[0]`` is the stated total."""

    rule: str
    table: Table
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]
    alternatives: tuple[tuple[CellRef, tuple[CellRef, ...]], ...]
    balance_names: tuple[str, str] = ("", "")  # for balance rules: how the two sides are named
    col_label: str = ""

    def message(self, left: Value, right: Value) -> str:
        if self.balance_names[0]:
            a, b = self.balance_names
            return f"{self.table.title}·{self.col_label}：{a}为 {left}，{b}为 {right}，两者应相等"
        return f"{self.table.cell_name(self.left[0])}应为 {right}（各项之和），实为 {left}"


@cache
def _equations(format_id: str) -> tuple[Equation, ...]:
    fmt = get_format(format_id)
    result = []
    for table in fmt.tables:
        for rule in table.rules:
            if rule.kind == "row_sum":
                for row in table.rows:
                    ids = {c.id for c in row.columns}
                    if rule.total not in ids:
                        continue
                    ref = lambda col, r=row.id: CellRef(table.id, r, col)  # noqa: E731
                    result.append(
                        Equation(rule.id, table, (ref(rule.total),), tuple(ref(p) for p in rule.parts), ())
                    )
            else:
                for column in table.row(rule.total or rule.left[0]).columns:
                    ref = lambda row, c=column.id: CellRef(table.id, row, c)  # noqa: E731
                    alternatives = tuple(
                        (ref(alt), tuple(ref(r) for r in replaced)) for alt, replaced in rule.alternatives
                    )
                    if rule.kind == "column_sum":
                        result.append(
                            Equation(rule.id, table, (ref(rule.total),), tuple(ref(p) for p in rule.parts),
                                     alternatives)
                        )
                    elif rule.kind == "balance":
                        result.append(
                            Equation(rule.id, table, tuple(ref(r) for r in rule.left),
                                     tuple(ref(r) for r in rule.right), alternatives,
                                     (rule.left_name, rule.right_name), column.label)
                        )
                    else:
                        raise ValueError(f"unknown rule kind {rule.kind}")
    return tuple(result)


def _alternative_rows_in_use(report: Report, eq: Equation) -> list[CellRef]:
    """Apply alternatives: a filled alternative cell stands for its empty sub-cells."""
    right = list(eq.right)
    cells = report.cells
    for alt, replaced in eq.alternatives:
        if alt in cells and not any(r in cells for r in replaced):
            right = [r for r in right if r not in replaced] + [alt]
    return right


def sum_of_parts(report: Report, total: CellRef) -> Value | None:
    """What the rules make the stated total ``total``: the sum of its parts, when all are known.

    Importers use it for a total given as a formula whose result the file does not hold."""
    cells = report.cells
    for eq in _equations(report.format):
        if eq.left == (total,):
            right = _alternative_rows_in_use(report, eq)
            if all(ref in cells for ref in right):
                return sum(cells[ref] for ref in right)
    return None


def check_rules(report: Report, context: CheckContext) -> Iterable[Finding]:
    cells = report.cells
    for eq in _equations(report.format):
        right = _alternative_rows_in_use(report, eq)
        missing = [ref for ref in (*eq.left, *right) if ref not in cells]
        if missing:
            continue  # neither passed nor failed: the cells are listed by check_incomplete
        left_sum = sum(cells[ref] for ref in eq.left)
        right_sum = sum(cells[ref] for ref in right)
        if left_sum != right_sum:
            hint = _left_out(report, eq, right, right_sum - left_sum) if not eq.balance_names[0] else ""
            yield Finding(eq.rule, ERROR, eq.message(left_sum, right_sum) + hint, (*eq.left, *right))


def _left_out(report: Report, eq: Equation, parts: list[CellRef], missing: Value) -> str:
    """When a total falls short by exactly the sum of one group of its parts (「（六）其他处理」),
    and of that group only, the hint that the group was left out of the total."""
    if missing <= 0:
        return ""
    groups: dict[str, list[CellRef]] = {}
    for ref in parts:
        path = eq.table.row(ref.row).path
        if len(path) > 1:
            groups.setdefault(path[1], []).append(ref)
    fitting = [label for label, refs in groups.items() if sum(report.cells[ref] for ref in refs) == missing]
    if len(fitting) != 1:
        return ""
    name = re.match(r"（[^）]*）[^（]*", fitting[0])
    return f"；{name.group(0) if name else fitting[0]} {missing} 件可能未计入总计"


# --- values ---------------------------------------------------------------------------------------


def refused_values(report: Report) -> dict[CellRef, str]:
    """The cells whose values their kind may not hold (a report built in code or a foreign file can
    have them), with the reason. Every other check sees these cells as empty."""
    kinds = cell_kinds(report.format)
    count_max = cell_kind("count").maximum
    refused = {}
    for ref, value in report.cells.items():
        kind = kinds.get(ref)
        if kind == "count" and type(value) is int and 0 <= value <= count_max:
            continue  # the common case, kept fast: checks run on every keystroke
        if kind is None:
            refused[ref] = "不是本格式的单元格"
            continue
        try:
            checked_value(kind, value)
        except ValueRefused as exc:
            refused[ref] = str(exc)
    return refused


def _value_findings(report: Report, refused: dict[CellRef, str]) -> Iterable[Finding]:
    fmt = report.schema
    for ref, reason in refused.items():
        name = fmt.cell_name(ref) if fmt.has_cell(ref) else "·".join(ref)
        yield Finding("V1", ERROR, f"{name}：{reason}", (ref,) if fmt.has_cell(ref) else ())


# --- structure ------------------------------------------------------------------------------------


def _table_is_empty(report: Report, table: Table) -> bool:
    return not any(ref in report.cells for ref in table.cells())


def _notes_on(context: CheckContext, table: Table) -> list[ImportNote]:
    return [note for note in context.notes if note.table == table.id]


def _missing_table(context: CheckContext, table: Table) -> str:
    """What to say of a table without any value: not in the original, printed blank, or not read."""
    notes = _notes_on(context, table)
    if not notes or any(note.kind == NO_TABLE for note in notes):
        return "缺少表格（表中没有任何数据）"
    if all(note.kind == BLANK for note in notes):
        return f"的表格「{table.title}」原文各栏均为空白，应填写数字（没有的填 0）"
    return f"的表格「{table.title}」未能读取（见导入说明），请按原文填写"


def _heading_missing(report: Report, context: CheckContext, section_id: str) -> bool:
    """Whether an empty section's heading was not found (its text then sits in the section before):
    the importer says so, or another section's text holds a line with the section's heading words."""
    if any(note.kind == NO_HEADING and note.section == section_id for note in context.notes):
        return True
    heading = _HEADING_LINE.format("|".join(map(re.escape, report.schema.section(section_id).keywords)))
    return any(
        re.match(heading, line)
        for other, text in report.sections.items() if other != section_id
        for line in text.splitlines()
    )


def check_structure(report: Report, context: CheckContext) -> Iterable[Finding]:
    """M1 metadata, S3 the format, S1/S2 missing sections and tables — or, when so many are missing
    that the text reads as cut off, one S6 listing them — and S4 （六） printed as one row."""
    fmt = report.schema
    missing: list[tuple[Finding, str]] = []  # each with how the list of a cut-off report names it
    if not report.unit.strip():
        missing.append((Finding("M1", WARNING, "机关名称未填写"), "机关名称"))
    year = report.year if report.year is not None else checks_text.stated_year(report)
    if year is None:
        missing.append((Finding("M1", WARNING, "报告年度未填写"), "报告年度"))
    else:
        expected = format_for_year(year)
        if expected != report.format:
            wanted = get_format(expected)
            yield Finding(
                "S3",
                WARNING,
                f"{year}年度报告应使用{wanted.name}（{wanted.notice}），实为{fmt.name}",
            )
    for section in fmt.sections:
        tables = [t for t in fmt.tables if t.section == section.id]
        if tables:
            for table in tables:
                if _table_is_empty(report, table):
                    missing.append((Finding("S2", WARNING, f"「{section.title}」{_missing_table(context, table)}",
                                            tuple(table.cells()), section.id), f"「{section.title}」的表格"))
        elif not report.sections.get(section.id, "").strip():
            if _heading_missing(report, context, section.id):
                message = f"「{section.title}」的标题未找到（其内容可能并在上一部分中），请补上标题并核对内容"
            else:
                message = f"「{section.title}」没有内容"
            missing.append((Finding("S1", WARNING, message, (), section.id), f"「{section.title}」"))
    started = bool(report.cells) or any(text.strip() for text in report.sections.values())
    if started and len(missing) >= review_policy().cut_off_parts:  # a form not yet begun is not cut off
        parts = "、".join(name for _, name in missing)
        yield Finding("S6", WARNING, f"文本不完整，缺少{parts}；请核对原文是否完整，或是否只导入了一部分",
                      tuple(ref for f, _ in missing for ref in f.cells))
    else:
        yield from (f for f, _ in missing)
    yield from _check_alternative_rows(report, fmt)


def _check_alternative_rows(report: Report, fmt: Format) -> Iterable[Finding]:
    for table in fmt.tables:
        for rule in table.rules:
            for alt_row, replaced in rule.alternatives:
                alt_cells = [ref for ref in report.cells if ref.table == table.id and ref.row == alt_row]
                if not alt_cells:
                    continue
                yield Finding(
                    "S4",
                    WARNING,
                    f"「{table.row_name(alt_row)}」按一行填写；{fmt.name}应分为"
                    + "、".join(table.row(r).label for r in replaced)
                    + f"共 {len(replaced)} 项分别填写",
                    tuple(sorted(alt_cells)),
                )


# --- the incomplete cells -------------------------------------------------------------------------


def _stood_for(report: Report, table: Table) -> set[str]:
    """Rows a filled alternative row (2021 （六） printed as one row) stands for."""
    rows: set[str] = set()
    for rule in table.rules:
        for alt_row, replaced in rule.alternatives:
            if any(CellRef(table.id, alt_row, c.id) in report.cells for c in table.row(alt_row).columns):
                rows.update(replaced)
    return rows


def _unread(context: CheckContext) -> set[tuple[str, str, str]]:
    """(table, row, col) of the notes that name a row or a cell; col "" for a whole row."""
    return {(note.table, note.row, note.col) for note in context.notes
            if note.table and note.row and note.kind != BLANK}


def check_incomplete(report: Report, context: CheckContext) -> Iterable[Finding]:
    """The cells still empty, in the words that fit each: printed blank in the original (V2, a
    warning: a blank is not 0 and must be filled), not read by the importer, or not yet filled
    (one INFO finding ``INCOMPLETE``). It runs after the other checks."""
    fmt = report.schema
    unread_marks = _unread(context)
    blank_rows = {(note.table, note.row) for note in context.notes if note.kind == BLANK}  # row "": the whole table
    blank, unread, empty = [], [], []
    for table in fmt.tables:
        if _table_is_empty(report, table):
            continue  # reported as a missing table
        skip = _stood_for(report, table)
        optional = {row.id for row in table.rows if row.optional}
        for ref in table.cells():
            if ref in report.cells or ref in context.refused or ref.row in skip or ref.row in optional:
                continue
            if (ref.table, ref.row, "") in unread_marks or tuple(ref) in unread_marks:
                unread.append(ref)
            elif (ref.table, ref.row) in blank_rows or (ref.table, "") in blank_rows:
                blank.append(ref)
            else:
                empty.append(ref)
    if blank:
        yield Finding("V2", WARNING, f"原文空白，应填 0（空白不表示 0，表中数字不能留空）：{_names(fmt, blank)}",
                      tuple(blank))
    parts = []
    if unread:
        parts.append(f"未能读取，请按原文填写：{_names(fmt, unread)}")
    if empty:
        parts.append(f"{'其余' if unread else ''}未填写：{_names(fmt, empty)}")
    if parts:
        yield Finding(INCOMPLETE, INFO, f"尚有单元格为空，相关勾稽关系暂不能核对。{'；'.join(parts)}",
                      tuple(unread + empty))


def _names(fmt: Format, refs: list[CellRef]) -> str:
    names = "、".join(fmt.cell_name(ref) for ref in refs[:5])
    return names + (f" 等 {len(refs)} 个" if len(refs) > 5 else "")


Check = Callable[[Report, CheckContext], Iterable[Finding]]
CHECKS: list[Check] = [check_rules, check_structure]


CHECKS += [
    checks_cross_year.check_previous_year,
    checks_text.check_text_counts,
    checks_text.check_text_years,
    checks_text.check_fee_statement,
    checks_text.check_foreign_labels,
    checks_review.check_summary_length,
    checks_review.check_regulations_maker,
    checks_review.check_other_handling,
    checks_review.check_publication_date,
    checks_review.check_accountability,
    checks_review.check_summary_topics,
]


def check(report: Report, previous: Report | None = None, notes: Iterable[ImportNote] = ()) -> list[Finding]:
    """All findings for ``report``, errors first; ``previous`` is last year's report when known
    (by default the one attached to the report); ``notes`` what the importer said of the original
    (blank cells, tables or headings not found), by which missing parts are told apart.

    A total function: whatever the report holds, it returns findings and never raises. Values their
    cell may not hold are V1 errors and count as empty for every other rule; a rule that fails all
    the same is logged and named in one finding, and the other rules still run."""
    refused = refused_values(report)
    findings = list(_value_findings(report, refused))
    report = _without(report, refused)
    last_year = previous if previous is not None else report.previous
    context = CheckContext(previous=None if last_year is None else _without(last_year, refused_values(last_year)),
                           refused=frozenset(refused), notes=tuple(notes))
    for run in (*CHECKS, check_incomplete):
        findings.extend(_guarded(run, report, context))
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    findings.sort(key=lambda f: order[f.severity])
    return findings


def _without(report: Report, refused: dict[CellRef, str]) -> Report:
    if not refused:
        return report
    clean = report.copy()
    for ref in refused:
        del clean.cells[ref]
    return clean


def _guarded(run: Check, report: Report, context: CheckContext) -> list[Finding]:
    try:
        return list(run(report, context))
    except Exception:  # a defect in one rule must not cost the user the other rules, or the window
        log.exception("check %s failed", getattr(run, "__name__", run))
        return [Finding(CHECK_FAILED, INFO, f"有一项检查（{getattr(run, '__name__', '?')}）未能完成，"
                                             "其余检查照常进行；详细情况已记入日志")]


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
