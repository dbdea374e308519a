"""生成数据说明: the standard sentences of sections 二, 三 and 四, drafted from the tables.

The most common serious error in published reports is a text that says other numbers than its
table. A sentence drafted from the table agrees with it by construction; the user inserts it or
edits it. A figure the table does not hold (an empty cell) is left out of the sentence, never
written as 0, and the draft says which figures were missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gipr_desktop.core.cell_text import format_cell
from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import CellRef, Table

ACTIVE, APPLICATIONS, REVIEW = "active", "applications", "review_litigation"
_NUMBERING = re.compile(r"^（[一二三四五六七八九十]+）")
_NOTE = re.compile(r"（[^）]*）$")
_UNIT = re.compile(r"（单位：万元）$")


@dataclass
class Draft:
    section: str  # "2" | "3" | "4"
    text: str
    missing: list[str] = field(default_factory=list)  # what the table does not yet hold


def _sum(report: Report, refs: list[CellRef]) -> Value | None:
    values = [report.get(ref) for ref in refs]
    return None if not values or any(v is None for v in values) else sum(values)


def _clauses(report: Report, parts: list[tuple[str, list[CellRef], str]], missing: list[str]) -> list[str]:
    """「予以公开 5 件」… for the parts whose cells are all known; the others named in ``missing``."""
    said = []
    for name, refs, unit in parts:
        value = _sum(report, refs)
        if value is None:
            missing.append(name)
        else:
            said.append(f"{name}{format_cell(value)}{unit}")
    return said


def _total(table: Table, row_id: str) -> CellRef:
    return CellRef(table.id, row_id, table.row(row_id).columns[-1].id)


def _groups(table: Table) -> list[tuple[str, list[str]]]:
    """The outcome groups of table 三 in printed order: （一）予以公开 … （六）其他处理, each with its rows."""
    groups: dict[str, list[str]] = {}
    for row in table.rows:
        if len(row.path) >= 2 and row.path[0].startswith("三") and "总计" not in row.path[1] and not row.optional:
            groups.setdefault(row.path[1], []).append(row.id)
    return list(groups.items())


def _outcome_name(label: str) -> str:
    """「（二）部分公开（区分处理的，……）」 → 「部分公开」."""
    return _NOTE.sub("", _NUMBERING.sub("", label))


def draft_applications(report: Report) -> Draft:
    table = report.schema.table(APPLICATIONS)
    missing: list[str] = []
    first = _clauses(report, [("本年度共新收政府信息公开申请", [_total(table, "new")], "件"),
                              ("上年结转", [_total(table, "carried_over")], "件")], missing)
    outcomes = _clauses(report, [(_outcome_name(label), [_total(table, row) for row in rows], "件")
                                 for label, rows in _groups(table)], missing)
    handled = _clauses(report, [("已办结", [_total(table, "handled_total")], "件")], missing)
    carried = _clauses(report, [("结转下年度继续办理", [_total(table, "carry_forward")], "件")], missing)
    sentences = []
    if first:
        sentences.append("，".join(first) + "。")
    if handled or outcomes:
        sentences.append("，".join(handled) + ("，其中" if handled and outcomes else "") + "、".join(outcomes) + "。")
    if carried:
        sentences.append("，".join(carried) + "。")
    return Draft("3", "".join(sentences), missing)


def draft_active(report: Report) -> Draft:
    table = report.schema.table(ACTIVE)
    missing: list[str] = []
    sentences = []
    for row in table.rows:
        parts = [(_UNIT.sub("", column.label) + "为", [CellRef(table.id, row.id, column.id)],
                  "万元" if column.kind == "amount" else "") for column in row.columns]
        said = _clauses(report, parts, missing)
        if said:
            sentences.append(f"{row.label}" + "、".join(said))
    text = "本年度，" + "；".join(sentences) + "。" if sentences else ""
    return Draft("2", text, missing)


def draft_review(report: Report) -> Draft:
    table = report.schema.table(REVIEW)
    missing: list[str] = []
    sentences = []
    for row in table.rows:
        total = CellRef(table.id, row.id, "total")
        parts = [(column.label, [CellRef(table.id, row.id, column.id)], "件") for column in row.columns if column.id != "total"]
        name = row.path[0] if len(row.path) == 1 else f"{row.path[0]}（{row.path[-1]}）"
        head = _clauses(report, [(name, [total], "件")], missing)
        rest = _clauses(report, parts, missing)
        if head:
            sentences.append(head[0] + (f"（{'、'.join(rest)}）" if rest else ""))
    text = "本年度，" + "；".join(sentences) + "。" if sentences else ""
    return Draft("4", text, missing)


def drafts(report: Report) -> list[Draft]:
    """The drafts of sections 二, 三 and 四, in that order; a draft with no figure at all is left out."""
    return [d for d in (draft_active(report), draft_applications(report), draft_review(report)) if d.text]
