"""Start this year's report from last year's: the main path of the program.

``rollover(last_year)`` makes next year's report in the current format: 上年结转 from last year's
结转下年度 (R5), 现行有效件数 as the starting point (R6), every other count empty (unknown, never 0),
the texts copied with the report year moved on, and last year's report attached as ``previous`` so
that the cross-year checks run and each copied section stays flagged 「待更新」 (rule U1) until edited.
The notes say what was carried, what maps from the 2019 format and what must be entered anew.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CURRENT_FORMAT, CellRef, cross_year_rules, get_format
from gipr_desktop.core.notes import ImportNote

# a year followed by 年 (2023年, 2023 年度), not inside a document title 《…》 or number 〔…〕
_YEAR_OR_PROTECTED = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]*\]|(?<![0-9０-９])(\d{4})(?=\s*年)")


@lru_cache(maxsize=64)
def shift_year(text: str, old: int, new: int) -> tuple[str, int]:
    """``text`` with every ``old``年 that names the report year turned into ``new``年, and how many.

    Years inside 《》 (a document's title) and 〔〕 (a document number) name that document, not the
    report year, and stay.
    """
    count = 0
    old_text = str(old)

    def replace(match: re.Match) -> str:
        nonlocal count
        if match.group(1) != old_text:
            return match.group(0)
        count += 1
        return str(new)

    return _YEAR_OR_PROTECTED.sub(replace, text), count


def carried_cells(last: Report, new_format: str) -> list[tuple[CellRef, CellRef]]:
    """(this year's cell, last year's cell) pairs that carry over, from the schema's cross-year rules."""
    pairs = []
    fmt = get_format(new_format)
    rules = cross_year_rules(new_format)
    for rule in rules.get("carried", ()):
        for column in fmt.table(rule["table"]).row(rule["row"]).columns:
            pairs.append((CellRef(rule["table"], rule["row"], column.id),
                          CellRef(rule["table"], rule["from_row"], column.id)))
    for rule in rules.get("stocks", ()):
        for row in rule["rows"]:
            ref = CellRef(rule["table"], row, rule["col"])
            pairs.append((ref, ref))
    return pairs


def rollover(last_year: Report) -> tuple[Report, list[ImportNote]]:
    """Next year's report, begun from ``last_year``, and the notes on what was carried and what not."""
    year = last_year.year + 1 if last_year.year is not None else None
    report = Report(format=CURRENT_FORMAT, unit=last_year.unit, year=year, contact=last_year.contact)
    report.previous = last_year.copy()
    report.previous.previous = None
    notes: list[ImportNote] = []
    if year is None:
        notes.append(ImportNote("上年报告没有填写报告年度：本年度报告的年度请手工填写，文字中的年份未作替换"))
    last_fmt, fmt = last_year.schema, report.schema
    if last_year.format != report.format:
        notes.append(ImportNote(
            f"上年报告使用{last_fmt.name}（{last_fmt.notice}），本年度报告改用{fmt.name}（{fmt.notice}）："
            + _mapping_summary(last_year.format, report.format)
        ))
    notes += _carry_cells(last_year, report)
    notes += _copy_texts(last_year, report)
    return report, notes


def _carry_cells(last: Report, report: Report) -> list[ImportNote]:
    notes = []
    fmt = report.schema
    carried, unknown = [], []
    for ref, from_ref in carried_cells(last, report.format):
        value = last.cells.get(from_ref) if last.schema.has_cell(from_ref) else None
        if value is None:
            unknown.append((ref, from_ref))
        else:
            report.set(ref, value)
            carried.append(ref)
    for row in dict.fromkeys((r.table, r.row) for r in carried):
        table = fmt.table(row[0])
        names = "、".join(fmt.column(r).label for r in carried if (r.table, r.row) == row)
        notes.append(ImportNote(f"「{table.row_name(row[1])}」已从上年报告结转：{names}", row[0], row[1]))
    for ref, from_ref in unknown:
        if last.schema.has_cell(from_ref):
            why = f"上年报告中「{last.schema.cell_name(from_ref)}」未填写"
        else:
            why = f"上年报告的{last.schema.name}没有「{fmt.column(ref).label}」"
        notes.append(ImportNote(f"「{fmt.cell_name(ref)}」无法结转（{why}），请填写", *ref))
    notes.append(ImportNote("其余各项数字均为本年度数据，已留空待填写（空格表示未知，不是 0）"))
    return notes


def _copy_texts(last: Report, report: Report) -> list[ImportNote]:
    notes = []
    old, new = last.year, report.year
    report.preamble, count = _shifted(last.preamble, old, new)
    if count:
        notes.append(ImportNote(f"开头说明中的「{old}年」已改为「{new}年」（{count} 处），请核对统计期限"))
    for section in report.schema.sections:
        text, count = _shifted(last.sections.get(section.id, ""), old, new)
        report.sections[section.id] = text
        if text.strip():
            changed = f"，其中「{old}年」已改为「{new}年」{count} 处" if count else ""
            notes.append(ImportNote(f"「{section.title}」沿用上年文字{changed}，待更新"))
    return notes


def _shifted(text: str, old: int | None, new: int | None) -> tuple[str, int]:
    if old is None or new is None:
        return text, 0
    return shift_year(text, old, new)


def _mapping_summary(old_format: str, new_format: str) -> str:
    """What maps between two formats, derived from the schema: rows kept, rows changed, dropped, new."""
    old_fmt, new_fmt = get_format(old_format), get_format(new_format)
    parts, changed, dropped, added = [], [], [], []
    for new_table in new_fmt.tables:
        old_table = old_fmt.table(new_table.id)
        kept = 0
        for row in new_table.rows:
            if row.optional:
                continue
            if not old_table.has_row(row.id):
                added.append(new_table.row_name(row.id))
            elif [c.id for c in row.columns] == [c.id for c in old_table.row(row.id).columns]:
                kept += 1
            else:
                changed.append(f"{new_table.row_name(row.id)}（栏目由"
                               + "、".join(c.label for c in old_table.row(row.id).columns) + "改为"
                               + "、".join(c.label for c in row.columns) + "）")
        dropped += [old_table.row_name(r.id) for r in old_table.rows if not new_table.has_row(r.id)]
        if kept:
            parts.append(f"「{new_table.title}」表有 {kept} 行栏目相同，照原样对应")
    if changed:
        parts.append("栏目不同、须按新格式重新填写：" + "；".join(changed))
    if added:
        parts.append("新格式新增、须填写：" + "、".join(added))
    if dropped:
        parts.append("新格式已取消、不再填写：" + "、".join(dropped))
    return "；".join(parts) + "。"
