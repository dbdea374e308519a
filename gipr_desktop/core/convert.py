"""Convert a report between the 2019 and 2021 formats, keeping what both formats share.

A user who opened last year's 2019-format report, or chose the wrong format for a new one, changes
the format in the window. Cells whose ids exist in both formats keep their values; the rest cannot
be carried over and are listed by name, so the window can say exactly what was lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, get_format


@dataclass
class Conversion:
    report: Report
    lost: list[CellRef] = field(default_factory=list)  # cells of the old format, with values, not kept
    lost_names: list[str] = field(default_factory=list)  # how the old format names them, same order

    def question(self) -> str:
        """A Chinese question before the change: what would be lost (nothing has changed yet)."""
        target = self.report.schema.name
        names = "、".join(self.lost_names[:8]) + (f" 等 {len(self.lost)} 项" if len(self.lost) > 8 else "")
        return (f"改为{target}后，以下 {len(self.lost)} 个单元格在新格式中没有对应项，其数据将不能保留：{names}"
                "\n\n仍要更改格式吗？（可以撤销）")

    def summary(self) -> str:
        """A Chinese sentence for the user: what was kept and what was lost."""
        target = self.report.schema.name
        if not self.lost:
            return f"已转换为{target}，所有已填写的数据均已保留。"
        names = "、".join(self.lost_names[:8]) + (f" 等 {len(self.lost)} 项" if len(self.lost) > 8 else "")
        return f"已转换为{target}；以下 {len(self.lost)} 个单元格在新格式中没有对应项，其数据未能保留：{names}"


def convert_report(report: Report, format_id: str) -> Conversion:
    """A copy of ``report`` in ``format_id``; the original is not changed."""
    old = report.schema
    new = get_format(format_id)
    converted = replace(report.copy(), format=format_id, cells={})
    lost = []
    for ref in old.cells():  # schema order, so that the message reads like the table
        if ref not in report.cells:
            continue
        if new.has_cell(ref):
            converted.cells[ref] = report.cells[ref]
        else:
            lost.append(ref)
    return Conversion(converted, lost, [f"{old.table(ref.table).title}·{old.cell_name(ref)}" for ref in lost])
