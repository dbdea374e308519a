"""This year's figures beside last year's: the value, last year's value and the change, per cell.

A reviewer and the body itself look first at what moved: applications doubled, a review count
fell to nought. Last year's report may be in the other format (2019 → 2021): a cell is compared
where both formats have it, and is unknown for last year otherwise. Unknown stays unknown: no
change is given where either year's value is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from gipr_desktop.core.cell_text import format_cell
from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import CellRef


@dataclass(frozen=True)
class Compared:
    ref: CellRef
    table: str  # the table's title
    name: str  # the cell as the printed table names it
    this_year: Value | None
    last_year: Value | None

    @property
    def change(self) -> Value | None:
        return _change(self.this_year, self.last_year)


def _change(this_year: Value | None, last_year: Value | None) -> Value | None:
    return None if this_year is None or last_year is None else this_year - last_year


def last_year_value(report: Report, ref: CellRef) -> Value | None:
    """Last year's value of ``ref``, when last year's report is attached and has that cell."""
    previous = report.previous
    if previous is None or not previous.schema.has_cell(ref):
        return None
    return previous.get(ref)


def beside_last_year(report: Report, ref: CellRef) -> tuple[Value | None, Value | None]:
    """Last year's value of ``ref`` and this year's change against it, each None where unknown."""
    last = last_year_value(report, ref)
    return last, _change(report.get(ref), last)


def compare(report: Report) -> list[Compared]:
    """Every cell of the report's format, in the printed order, with last year's value beside it."""
    fmt = report.schema
    return [Compared(ref, fmt.table(ref.table).title, fmt.cell_name(ref), report.get(ref), last_year_value(report, ref))
            for ref in fmt.cells()]


def change_text(change: Value | None) -> str:
    """「+3」, 「−2」, 「持平」, or "" when unknown."""
    if change is None:
        return ""
    if change == 0:
        return "持平"
    return f"+{format_cell(change)}" if change > 0 else f"−{format_cell(-change)}"
