"""The batch as tables: the summary of every body, the counts by level, the year-over-year comparison
and the list of every finding — what the review workbook writes and a reviewer filters.

Plain Python (a ``Table`` is its column names and its records): the installed program leaves numpy
and pandas out (they would double its size), and the window's 导出审核工作簿 must work there as
from the command line. An unknown figure stays unknown (``None``): a sum over bodies one of which
lacks the figure is unknown too, never a smaller number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from gipr_desktop.core.batch import KEY_FIGURES, LEVELS, STATUSES, BodyRow
from gipr_desktop.core.findings import ERROR, INFO, SEVERITY_NAMES, WARNING
from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.schema import get_format

FIGURE_NAMES = [name for _, name in KEY_FIGURES]
COUNT_NAMES = [SEVERITY_NAMES[ERROR], SEVERITY_NAMES[WARNING], SEVERITY_NAMES[INFO]]
SUMMARY_COLUMNS = ["序号", "机关名称", "层级", "年度", "格式", "文件", *COUNT_NAMES, "状态", *FIGURE_NAMES, "说明"]
FINDING_COLUMNS = ["序号", "机关名称", "文件", "类别", "规则", "涉及单元格", "说明"]


@dataclass
class Table:
    """Records under named columns, as a sheet of the review workbook shows them."""

    columns: list[str]
    records: list[list]

    def __len__(self) -> int:
        return len(self.records)

    def column(self, name: str) -> list:
        j = self.columns.index(name)
        return [record[j] for record in self.records]


def _remark(row: BodyRow) -> str:
    parts = [row.message] if row.message else []
    parts += [f"{flag}" for flag in row.flags]
    said = [note for note in row.notes if note.kind != READ_BY]  # how a table was read is nothing to check
    if said:
        parts.append(f"导入说明 {len(said)} 条")
    return "；".join(parts)


def summary_frame(rows: Sequence[BodyRow]) -> Table:
    """One line per report: name, level, year, format, file, finding counts, status, key figures."""
    records = []
    for i, row in enumerate(rows, start=1):
        counts = row.counts if row.readable else {}
        records.append([
            i, row.name, row.level if row.readable else "", row.year, row.format_name, row.file_name,
            *(counts.get(s) if row.readable else None for s in (ERROR, WARNING, INFO)),
            row.status, *(row.figures.get(f) for f, _ in KEY_FIGURES), _remark(row),
        ])
    return Table(list(SUMMARY_COLUMNS), records)


def _known_sum(values: Iterable) -> object:
    """The sum when every value is known, else None (an empty sum is 0)."""
    values = list(values)
    if any(v is None for v in values):
        return None
    return sum(values)


def level_frame(rows: Sequence[BodyRow]) -> Table:
    """Per level (政府 / 部门 / 街道 / 乡镇) and in all: how many reports in each status, and the sums
    of the key figures (unknown where a body of the level lacks one)."""
    readable = [row for row in rows if row.readable]
    levels = [level for level in LEVELS if any(row.level == level for row in readable)]
    columns = ["层级", "报告数", *STATUSES[1:], *FIGURE_NAMES, "未读取"]
    records = []
    for level in levels:
        members = [row for row in readable if row.level == level]
        records.append([level, len(members), *(sum(1 for row in members if row.status == s) for s in STATUSES[1:]),
                        *(_known_sum(row.figures.get(f) for row in members) for f, _ in KEY_FIGURES), None])
    records.append(["合计", len(readable), *(sum(1 for row in readable if row.status == s) for s in STATUSES[1:]),
                    *(_known_sum(row.figures.get(f) for row in readable) if readable else None for f, _ in KEY_FIGURES),
                    sum(1 for row in rows if not row.readable)])
    return Table(columns, records)


def comparison_frame(rows: Sequence[BodyRow]) -> Table:
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
    return Table(columns, records)


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
