""".csv files: a sheet as Excel and WPS save it (「CSV（逗号分隔）」 in GBK on Chinese Windows,
「CSV UTF-8」 with a BOM), a semicolon or tab list, or a table typed by hand.

A CSV file is one grid of values with no merges and no formulas (only their results): it goes
through the one header/label locator (``grid_tables``, through ``sheet_tables``) as a sheet does.
Its bytes are decoded as a text file's are (``text_import.decoding``), with the same limits.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.grid_tables import Grid
from gipr_desktop.io.sheet_tables import read_grids
from gipr_desktop.io.text_import.decoding import MAX_TEXT_BYTES, decode, encoding_notes
from gipr_desktop.io.text_import.readers import file_bytes
from gipr_desktop.io.xlsx_reader import MAX_CELLS

DELIMITERS = ",;\t"  # what a CSV file separates its cells with: Excel's list separator is 「,」 or 「;」
SNIFF_CHARACTERS = 8192  # how much of the file the delimiter is told from


def read(path: str | Path) -> ImportResult:
    path = Path(path)
    where = f"「{path.name}」"
    text, encoding = decode(file_bytes(path, MAX_TEXT_BYTES), path.name)
    try:
        dialect = csv.Sniffer().sniff(text[:SNIFF_CHARACTERS], delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel  # one column, or no delimiter told apart: commas
    rows, cells = [], 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            cells += len(row)
            if cells > MAX_CELLS:
                raise ReadError(f"{where}中的单元格过多，不是年度报告文件")
            rows.append(row)
    except csv.Error as exc:  # a cell too long for a report's, or a quote not closed
        raise ReadError(f"{where}不是有效的 CSV 文件（有单元格过长或引号不配对）；请用 Excel、WPS 或 "
                        "LibreOffice 打开它、另存为 .xlsx 后再导入") from exc
    result = read_grids([Grid.from_rows(rows, path.stem)], where)
    result.notes[:0] = encoding_notes(encoding)
    return result
