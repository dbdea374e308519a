""".xls (Excel 97–2003, as WPS and older offices still save) and .ods (LibreOffice) files in the
official layout, read with python-calamine.

calamine is native code that can abort the process on a crafted file, so it runs in a child
process (``isolated``), which hands back plain grids of cell values; finding the tables by their
labels is ``sheet_tables``' work, as for .xlsx. An .ods file is a zip archive and is checked for
zip bombs first; an .xls file is limited by its size.
"""

from __future__ import annotations

from pathlib import Path

from gipr_desktop.io.archive_guard import check_archive
from gipr_desktop.io.errors import ImportResult, ReadError, checked_size
from gipr_desktop.io.isolated import run_isolated
from gipr_desktop.io.sheet_tables import Grid, read_grids
from gipr_desktop.io.xlsx_reader import LIMITS, MAX_CELLS, MAX_MERGES, MAX_SHEETS

MAX_FILE_BYTES = 20 * 1024 * 1024


def load_grids(path: str) -> list[tuple[str, dict, list]]:
    """In the child: each sheet as (name, {(row, col): value}, merged ranges), 1-based."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(path)
    if len(workbook.sheet_names) > MAX_SHEETS:
        raise ReadError(f"含有 {len(workbook.sheet_names)} 个工作表，过多，不是年度报告文件")
    sheets, cells = [], 0
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        cells += sheet.height * sheet.width
        if cells > MAX_CELLS:
            raise ReadError("中的单元格过多，不是年度报告文件")
        top, left = sheet.start or (0, 0)
        values = {
            (top + i + 1, left + j + 1): value
            for i, row in enumerate(sheet.to_python() if sheet.height else ())  # from ``start`` on
            for j, value in enumerate(row)
            if value != "" and value is not None
        }
        merges = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])]
        if len(merges) > MAX_MERGES:
            raise ReadError("中的合并单元格过多，不是年度报告文件")
        sheets.append((name, values, merges))
    return sheets


def read(path: str | Path) -> ImportResult:
    path = Path(path)
    where = f"「{path.name}」"
    checked_size(path, MAX_FILE_BYTES)
    if path.suffix.lower() == ".ods":
        check_archive(path, LIMITS, "ODS 文件")
    sheets = run_isolated(load_grids, str(path), where=where)
    return read_grids([Grid(name, values, merges) for name, values, merges in sheets], where)
