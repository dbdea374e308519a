"""The batch as tables (pandas): the summary of every body, the counts by level, the year-over-year
comparison and the list of every finding — what the review workbook writes and a reviewer filters.

pandas is imported only here, and this module only by what writes or shows these tables, so that
neither the window's start-up nor ``gipr --version`` pays for it. An unknown figure stays unknown
(``None``): a sum over bodies one of which lacks the figure is unknown too, never a smaller number.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

import pandas as pd

from gipr_desktop.core.batch import KEY_FIGURES, LEVELS, STATUSES, BodyRow
from gipr_desktop.core.findings import ERROR, INFO, SEVERITY_NAMES, WARNING
from gipr_desktop.core.schema import get_format

FIGURE_NAMES = [name for _, name in KEY_FIGURES]
COUNT_NAMES = [SEVERITY_NAMES[ERROR], SEVERITY_NAMES[WARNING], SEVERITY_NAMES[INFO]]
SUMMARY_COLUMNS = ["序号", "机关名称", "层级", "年度", "格式", "文件", *COUNT_NAMES, "状态", *FIGURE_NAMES, "说明"]
FINDING_COLUMNS = ["序号", "机关名称", "文件", "类别", "规则", "涉及单元格", "说明"]


def _remark(row: BodyRow) -> str:
    parts = [row.message] if row.message else []
    parts += [f"{flag}" for flag in row.flags]
    if row.notes:
        parts.append(f"导入说明 {len(row.notes)} 条")
    return "；".join(parts)


def summary_frame(rows: Sequence[BodyRow]) -> pd.DataFrame:
    """One line per report: name, level, year, format, file, finding counts, status, key figures."""
    records = []
    for i, row in enumerate(rows, start=1):
        counts = row.counts if row.readable else {}
        records.append([
            i, row.name, row.level if row.readable else "", row.year, row.format_name, row.file_name,
            *(counts.get(s) if row.readable else None for s in (ERROR, WARNING, INFO)),
            row.status, *(row.figures.get(f) for f, _ in KEY_FIGURES), _remark(row),
        ])
    return pd.DataFrame.from_records(records, columns=SUMMARY_COLUMNS).astype(object)


def _known_sum(values: pd.Series) -> object:
    """The sum when every value is known, else None."""
    if values.isna().any():
        return None
    return sum(values)


def level_frame(rows: Sequence[BodyRow]) -> pd.DataFrame:
    """Per level (政府 / 部门 / 街道 / 乡镇) and in all: how many reports in each status, and the sums
    of the key figures (unknown where a body of the level lacks one)."""
    readable = [row for row in rows if row.readable]
    data = pd.DataFrame.from_records(
        [[row.level, row.status, *(row.figures.get(f) for f, _ in KEY_FIGURES)] for row in readable],
        columns=["层级", "状态", *FIGURE_NAMES],
    ).astype(object)
    statuses = pd.crosstab(data["层级"], data["状态"]) if len(data) else pd.DataFrame()
    sums = data.groupby("层级")[FIGURE_NAMES].agg(_known_sum) if len(data) else pd.DataFrame(columns=FIGURE_NAMES)
    levels = [level for level in LEVELS if level in set(data["层级"])]
    table = pd.DataFrame(index=pd.Index(levels, name="层级"))
    table["报告数"] = [int((data["层级"] == level).sum()) for level in levels]
    for status in STATUSES[1:]:
        table[status] = [int(statuses.loc[level, status]) if status in statuses.columns else 0 for level in levels]
    for name in FIGURE_NAMES:
        table[name] = [sums.loc[level, name] for level in levels]
    total = {"报告数": len(readable), **{s: int(table[s].sum()) for s in STATUSES[1:]},
             **{name: _known_sum(data[name]) if len(data) else None for name in FIGURE_NAMES}}
    table.loc["合计"] = pd.Series(total)
    table["未读取"] = [*([None] * len(levels)), sum(1 for row in rows if not row.readable)]
    return table.reset_index().astype(object)


def comparison_frame(rows: Sequence[BodyRow]) -> pd.DataFrame:
    """Each body's key figures this year and last, and the change (unknown where either is)."""
    columns = ["机关名称", "层级", "本年文件", "上年文件"]
    for _, name in KEY_FIGURES:
        columns += [f"{name}·本年", f"{name}·上年", f"{name}·增减"]
    records = []
    for row in rows:
        if not row.readable:
            continue
        record = [row.name, row.level, row.file_name, Path(row.previous_path).name if row.previous_path else "（无）"]
        for figure, _ in KEY_FIGURES:
            record += [row.figures.get(figure), row.previous_figures.get(figure), row.change(figure)]
        records.append(record)
    return pd.DataFrame.from_records(records, columns=columns).astype(object)


def finding_records(rows: Sequence[BodyRow]) -> Iterator[list]:
    """Every finding of every body, one per line (a generator: a province's batch has very many)."""
    number = 0
    for row in rows:
        if not row.readable:
            number += 1
            yield [number, row.name, row.file_name, "无法读取", "", "", row.message]
            continue
        fmt = get_format(row.format)
        for finding in row.findings:
            number += 1
            cells = "、".join(fmt.cell_name(ref) for ref in finding.cells[:10])
            if len(finding.cells) > 10:
                cells += f" 等 {len(finding.cells)} 个"
            yield [number, row.name, row.file_name, SEVERITY_NAMES[finding.severity], finding.rule, cells,
                   finding.message]
