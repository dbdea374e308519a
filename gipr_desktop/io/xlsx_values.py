"""A fast way to read an .xlsx report when only its values matter: through python-calamine.

openpyxl spends most of a read building styled cell objects (``MergedCell`` above all); calamine
hands back the same workbook's values and merged ranges in a millisecond or two. What calamine
cannot say is which cells hold formulas, whose stored results ``xlsx_reader`` treats with care;
so a workbook with any formula goes to ``xlsx_reader.read``, and one without (every workbook this
program exports) is read here, with the same archive checks and the same table finding
(``grid_tables``, through ``sheet_tables``). calamine is native code: it runs through ``isolated``, in a child process —
or directly, in a batch's reading worker, which is itself such a process.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from gipr_desktop.io import xlsx_reader
from gipr_desktop.io.archive_guard import check_archive
from gipr_desktop.io.calamine_reader import load_grids
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.isolated import run_isolated
from gipr_desktop.io.grid_tables import Grid
from gipr_desktop.io.sheet_tables import read_grids

_SHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def has_formulas(path: Path) -> bool:
    """Whether any sheet of the (already checked) archive holds a formula element."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(_FORMULA.search(archive.read(name)) for name in archive.namelist() if _SHEET.match(name))
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
        raise ReadError(f"「{path.name}」不是有效的 Excel 文件（{type(exc).__name__}）") from None


def read(path: str | Path) -> ImportResult:
    """The report in an .xlsx file, as ``xlsx_reader.read`` reads it, faster when it holds no formula."""
    path = Path(path)
    where = f"「{path.name}」"
    check_archive(path, xlsx_reader.LIMITS, "Excel 文件")
    if has_formulas(path):
        return xlsx_reader.read(path)
    sheets = run_isolated(load_grids, str(path), where=where)
    return read_grids([Grid(name, values, merges) for name, values, merges in sheets], where)
