""".xls (Excel 97–2003, as WPS and older offices still save) and .ods (LibreOffice) files in the
official layout, read with python-calamine.

calamine is native code that can abort the process on a crafted file, so it runs in a child
process (``isolated``), which hands back plain grids of cell values; finding the tables by their
labels is ``grid_tables``' work (through ``sheet_tables``), as for .xlsx. An .ods file is a zip archive: it is checked for
zip bombs, and its XML streamed once (``xml_parts``) for damage, entities and repeats that would
expand beyond a report, before calamine sees it; an .xls file is limited by its size.
"""

from __future__ import annotations

from pathlib import Path

from gipr_desktop.io.archive_guard import check_archive
from gipr_desktop.io.errors import ImportResult, ReadError, checked_size
from gipr_desktop.io.guarded import parsing
from gipr_desktop.io.isolated import run_isolated
from gipr_desktop.io.grid_tables import Grid
from gipr_desktop.io.sheet_tables import read_grids
from gipr_desktop.io.xlsx_reader import LIMITS, MAX_CELLS, MAX_GRID, MAX_MERGES, MAX_SHEETS
from gipr_desktop.io.xml_parts import PartRefused, scan_parts

MAX_FILE_BYTES = 20 * 1024 * 1024
_KINDS = {".xls": "Excel 97-2003 文件", ".ods": "ODS 文件"}


def _count(value: str | None) -> int:
    return int(value) if value and value.isascii() and value.isdigit() else 1


class _OdsBounds:
    """Counts the cells an .ods file's repeats and spans stand for, before calamine expands them.
    Repeated empty cells (LibreOffice writes a million empty rows at a sheet's end) cost nothing."""

    def __init__(self) -> None:
        self.cells = self.merged = 0
        self.rows = 1

    def start(self, part: str, name: str, attrs: dict[str, str]) -> None:
        if part != "content.xml":
            return
        if name == "table-row":
            self.rows = _count(attrs.get("number-rows-repeated"))
        elif name in ("table-cell", "covered-table-cell"):
            if "value-type" in attrs:
                self.cells += self.rows * _count(attrs.get("number-columns-repeated"))
            span = _count(attrs.get("number-columns-spanned")) * _count(attrs.get("number-rows-spanned"))
            self.merged += span if span > 1 else 0
            if self.cells > MAX_CELLS:
                raise PartRefused(f"中的重复单元格共超过 {MAX_CELLS} 个，远多于一份年度报告")
            if self.merged > MAX_CELLS:
                raise PartRefused(f"中的合并单元格共覆盖超过 {MAX_CELLS} 个单元格，远大于一份年度报告的表格")


def _merged_area(merges: list[tuple[int, int, int, int]]) -> int:
    return sum((r2 - r1 + 1) * (c2 - c1 + 1) for r1, c1, r2, c2 in merges)


def load_grids(path: str) -> list[tuple[str, dict, list]]:
    """In the child: each sheet as (name, {(row, col): value}, merged ranges), 1-based."""
    with parsing(f"不是有效的 {_KINDS.get(Path(path).suffix.lower(), '电子表格')}，可能已损坏；"
                 "请用 Excel、WPS 或 LibreOffice 打开它、另存为 .xlsx 后再导入"):
        return _load_grids(path)


def _load_grids(path: str) -> list[tuple[str, dict, list]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(path)
    if len(workbook.sheet_names) > MAX_SHEETS:
        raise ReadError(f"含有 {len(workbook.sheet_names)} 个工作表，过多，不是年度报告文件")
    sheets, grid, filled = [], 0, 0
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        grid += sheet.height * sheet.width
        if grid > MAX_GRID:
            raise ReadError("中的表格范围过大，不是年度报告文件")
        top, left = sheet.start or (0, 0)
        values = {
            (top + i + 1, left + j + 1): value
            for i, row in enumerate(sheet.to_python() if sheet.height else ())  # from ``start`` on
            for j, value in enumerate(row)
            if value != "" and value is not None
        }
        filled += len(values)
        if filled > MAX_CELLS:
            raise ReadError("中的单元格过多，不是年度报告文件")
        merges = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])]
        if len(merges) > MAX_MERGES or _merged_area(merges) > MAX_CELLS:
            raise ReadError("中的合并单元格过多，不是年度报告文件")
        sheets.append((name, values, merges))
    return sheets


def read(path: str | Path) -> ImportResult:
    path = Path(path)
    where = f"「{path.name}」"
    checked_size(path, MAX_FILE_BYTES)
    if path.suffix.lower() == ".ods":
        check_archive(path, LIMITS, _KINDS[".ods"])
        scan_parts(path, _KINDS[".ods"], _OdsBounds())
    sheets = run_isolated(load_grids, str(path), where=where)
    return read_grids([Grid(name, values, merges) for name, values, merges in sheets], where)
