""".xlsx files in the official layout, read back into a report: our own export, or a sheet a person
filled in from the official template.

The file is untrusted. Before openpyxl opens it, the archive is checked for zip bombs and every
XML part is streamed once (``xml_parts``): a damaged part, a DTD, entities or a deep nesting is
refused naming the part, and so are the cell counts and ranges openpyxl would materialise — the
cells of every merged range and ranged hyperlink — beyond what a report can have. openpyxl then
parses through defusedxml, and whatever it still raises on a damaged file is a ``ReadError``
(``guarded``). Only the cells present in the file are visited, so a sheet declaring a million
rows costs nothing. Finding the tables by their labels is ``grid_tables``' work (through ``sheet_tables``).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import defusedxml  # noqa: F401  a hard dependency: openpyxl parses safely only when it is installed
import openpyxl
from openpyxl.utils.cell import range_boundaries

from gipr_desktop.io.archive_guard import ArchiveLimits, check_archive
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.guarded import parsing
from gipr_desktop.io.grid_tables import Grid
from gipr_desktop.io.sheet_tables import read_grids
from gipr_desktop.io.xml_parts import PartRefused, scan_parts

LIMITS = ArchiveLimits(max_members=500, max_unpacked=40 * 1024 * 1024, max_member=10 * 1024 * 1024)
# openpyxl spends some 50 µs on each cell and row it reads: these keep a read within seconds
MAX_CELLS = 10_000  # cells held or covered by merged ranges, all sheets together; a report has about 700
MAX_ROWS = 10_000  # row elements, all sheets together; a report has about 150
MAX_GRID = 200_000  # cells of one sheet's used rectangle, which calamine expands (.xls, .ods)
MAX_MERGES = 5_000
MAX_SHEETS = 50
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # Excel's grid
_RANGED = {"mergeCell": "合并单元格", "hyperlink": "超链接"}  # elements whose range openpyxl fills cell by cell


def range_area(ref: str) -> int:
    """The number of cells of an A1-style range ("A1:XFD1048576", "A:C"); ``ValueError`` if it is none
    or leaves Excel's grid. A missing row or column bound is the whole grid's, as openpyxl reads it."""
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    rows = (min_row or 1, max_row or MAX_ROW)
    cols = (min_col or 1, max_col or MAX_COLUMN)
    if not (1 <= rows[0] <= rows[1] <= MAX_ROW and 1 <= cols[0] <= cols[1] <= MAX_COLUMN):
        raise ValueError(ref)
    return (rows[1] - rows[0] + 1) * (cols[1] - cols[0] + 1)


class _SheetBounds:
    """Counts, while the parts stream past, the cells openpyxl would build — those the file holds and
    those its merged ranges and ranged hyperlinks cover — and refuses them past ``MAX_CELLS``."""

    def __init__(self) -> None:
        self.cells = self.rows = self.ranges = 0
        self.largest = (0, "", "")  # area, what, reference of the largest range

    def start(self, part: str, name: str, attrs: dict[str, str]) -> None:
        if name == "c":
            self._add(1)
        elif name == "row":
            self.rows += 1
            if self.rows > MAX_ROWS:
                raise PartRefused(f"等工作表共有超过 {MAX_ROWS} 行，远多于一份年度报告")
        elif name in _RANGED or name == "dimension":
            ref = attrs.get("ref", "")
            what = _RANGED.get(name, "声明的表格")
            try:
                area = range_area(ref)
            except (ValueError, TypeError):
                raise PartRefused(f"中{what}的范围「{ref[:40]}」无效（文件已损坏）") from None
            if name == "dimension":
                return  # declared only: nothing is built from it
            self.ranges += 1
            if self.ranges > MAX_MERGES:
                raise PartRefused(f"等工作表有超过 {MAX_MERGES} 个合并单元格或超链接，远多于一份年度报告")
            self.largest = max(self.largest, (area, what, ref[:40]))
            self._add(area)

    def _add(self, cells: int) -> None:
        self.cells += cells
        if self.cells <= MAX_CELLS:
            return
        area, what, ref = self.largest
        if area > MAX_CELLS // 10:  # one range makes most of them: that is the one to name
            raise PartRefused(f"中{what}「{ref}」覆盖 {area} 个单元格，远大于一份年度报告的表格")
        raise PartRefused(f"等工作表共有超过 {MAX_CELLS} 个单元格（含合并单元格和超链接覆盖的），远多于一份年度报告")


def _load(path: Path, data_only: bool):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of features it drops (validation, styles)
        return openpyxl.load_workbook(path, data_only=data_only, keep_links=False, rich_text=False)


def _grids(path: Path, name: str) -> list[Grid]:
    workbook = _load(path, data_only=False)
    sheets = workbook.worksheets
    if len(sheets) > MAX_SHEETS:
        raise ReadError(f"{name}含有 {len(sheets)} 个工作表，过多，不是年度报告文件")
    # Only the cells the file holds: iterating rows would walk every blank cell up to the
    # dimension the file declares, which a hostile file sets to a million rows.
    cells = [sheet._cells for sheet in sheets]
    formulas = [{pos for pos, cell in sheet_cells.items() if cell.data_type == "f"} for sheet_cells in cells]
    values = [{pos: cell.value for pos, cell in sheet_cells.items() if cell.value is not None} for sheet_cells in cells]
    if any(formulas):  # the results of formulas, where the file stored them, are in a second view
        cached = _load(path, data_only=True).worksheets
        for sheet_values, sheet_formulas, sheet in zip(values, formulas, cached):
            for pos in sheet_formulas:
                value = sheet._cells[pos].value if pos in sheet._cells else None
                if value is None:
                    sheet_values.pop(pos, None)
                else:
                    sheet_values[pos] = value
    return [
        Grid(
            str(sheet.title),
            sheet_values,
            [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges],
            sheet_formulas,
        )
        for sheet, sheet_values, sheet_formulas in zip(sheets, values, formulas)
    ]


def read(path: str | Path) -> ImportResult:
    path = Path(path)
    name = f"「{path.name}」"
    if not openpyxl.DEFUSEDXML:
        raise ReadError("无法安全地读取 Excel 文件：XML 防护已被关闭（环境变量 OPENPYXL_DEFUSEDXML）")
    check_archive(path, LIMITS, "Excel 文件")
    scan_parts(path, "Excel 文件", _SheetBounds())
    with parsing(f"{name}不是有效的 Excel 文件：其中的表格数据已损坏，无法识别；"
                 "可用 Excel 或 WPS 打开它、另存一份后再导入"):
        grids = _grids(path, name)
    return read_grids(grids, name)
