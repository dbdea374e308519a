"""One annual report: metadata, the cells of its three tables, and its six section texts.

A cell holds an ``int`` (counts), a ``Decimal`` (万元 amounts) or nothing: an absent cell is
*unknown*, never zero. Cells live in one flat dict keyed by ``CellRef`` so that copying, comparing
and serialising a report is cheap and needs no knowledge of table shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Mapping, Union

from gipr_desktop.core.schema import CURRENT_FORMAT, SECTION_IDS, CellRef, Format, cell_kinds, get_format
from gipr_desktop.core.values import ValueRefused, checked_value

Value = Union[int, Decimal]


def _empty_sections() -> dict[str, str]:
    return {section_id: "" for section_id in SECTION_IDS}


@dataclass
class Report:
    format: str = CURRENT_FORMAT
    unit: str = ""  # 机关名称
    year: int | None = None
    contact: str = ""  # 联系方式 block, free text
    published: str = ""  # publication date, ISO "YYYY-MM-DD", or ""
    preamble: str = ""  # the paragraph before 一、总体情况
    cells: dict[CellRef, Value] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=_empty_sections)
    # last year's report of the same body, when known (attached by rollover or chosen by the user):
    # the cross-year checks and the 「待更新」 flags compare with it
    previous: Report | None = field(default=None, repr=False)
    # for a supervising office's aggregated report (汇总): the bodies whose reports it sums, by name
    aggregate_of: tuple[str, ...] = ()

    @property
    def schema(self) -> Format:
        return get_format(self.format)

    @property
    def title(self) -> str:
        year = f"{self.year}年" if self.year is not None else ""
        return f"{self.unit}{year}政府信息公开工作年度报告"

    def get(self, ref: CellRef) -> Value | None:
        return self.cells.get(ref)

    def set(self, ref: CellRef, value: Value | None) -> None:
        """Set one cell; ``None`` makes it empty (unknown). Unknown cell ids are a programming error;
        a value the cell may not hold raises ``ValueRefused`` (a ``ValueError``) naming the cell."""
        for _, refused in self.set_all({ref: value}):
            raise refused

    def set_all(self, values: Mapping[CellRef, Value | None]) -> list[tuple[CellRef, ValueRefused]]:
        """Set many cells (a table a reader read), each as ``set`` sets it: the cells whose values
        they may not hold are left as they were, and returned, in order, with the refusal."""
        kinds = cell_kinds(self.format)
        cells = self.cells
        refused = []
        for ref, value in values.items():
            kind = kinds.get(ref)
            if kind is None:
                raise KeyError(f"{self.format} 格式没有单元格 {ref}")
            if value is None:
                cells.pop(ref, None)
                continue
            try:
                cells[ref] = _checked_count(kind, value) if type(value) is int else checked_value(kind, value)
            except ValueRefused as exc:
                refused.append((ref, ValueRefused(f"{self.schema.cell_name(ref)}：{exc}")))
        return refused

    def copy(self) -> Report:
        return replace(self, cells=dict(self.cells), sections=dict(self.sections))


@lru_cache(maxsize=4096)
def _checked_count(kind: str, value: int) -> int | Decimal:
    """``checked_value`` of a whole number, remembered: the cells of a report hold the same few
    small numbers again and again. A refusal is not remembered; it is raised each time."""
    return checked_value(kind, value)
