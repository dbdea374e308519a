""".xlsx files in the official layout, read back into a report: our own export, or a sheet a person
filled in from the official template.

The file is untrusted: the archive is checked for zip bombs before openpyxl opens it, openpyxl
parses XML through defusedxml (entity expansion and external entities are refused), and only the
cells present in the file are visited, so a sheet declaring a million rows costs nothing. Finding
the tables by their labels is ``sheet_tables``' work.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import defusedxml  # noqa: F401  a hard dependency: openpyxl parses safely only when it is installed
import openpyxl

from gipr_desktop.io.archive_guard import ArchiveLimits, check_archive
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.sheet_tables import Grid, read_grids

LIMITS = ArchiveLimits(max_members=500, max_unpacked=40 * 1024 * 1024, max_member=10 * 1024 * 1024)
MAX_CELLS = 200_000  # in all sheets together; a report has about 400
MAX_MERGES = 5_000
MAX_SHEETS = 50


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
    if sum(len(c) for c in cells) > MAX_CELLS:
        raise ReadError(f"{name}中的单元格过多，不是年度报告文件")
    if sum(len(sheet.merged_cells.ranges) for sheet in sheets) > MAX_MERGES:
        raise ReadError(f"{name}中的合并单元格过多，不是年度报告文件")
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
            sheet.title,
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
    try:
        grids = _grids(path, name)
    except ReadError:
        raise
    except ValueError as exc:  # defusedxml's refusals (entities, DTDs) are ValueErrors
        raise ReadError(f"{name}含有不安全或无法识别的内容，已拒绝打开（{type(exc).__name__}）") from None
    except (KeyError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ReadError(f"{name}不是有效的 Excel 文件（{type(exc).__name__}）") from None
    return read_grids(grids, name)
