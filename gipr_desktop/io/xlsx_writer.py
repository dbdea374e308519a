"""The submission spreadsheet: the report's three tables in the official printed shape, as .xlsx.

One sheet per table, then one with the metadata and the six section texts, then one with the
findings of the checks at export time. Each table gets its own sheet because the three tables have
different widths (4, 10 and 15 columns): on its own sheet each prints on one A4 page with column
widths that fit it, and an office that collects many units' files finds a given number at the same
address in every file. Every cell's place comes from ``core.layout``; nothing is placed by hand.

Text is always written as text: a unit name or narrative that begins with "=", "+", "-" or "@" is
stored as a string with Excel's quote prefix, never as a formula.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gipr_desktop.core.checks import SEVERITY_NAMES, check
from gipr_desktop.core.layout import CAPTION, HEADER, VALUE, TableLayout, report_layout
from gipr_desktop.core.report import Report
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.workbook_labels import (
    AGGREGATED_SHEET, FIELDS, FINDINGS_HEADER, FINDINGS_SHEET, INFO_SHEET, table_sheet_name,
)

FONT_NAME = "宋体"  # the face of the printed official forms; LibreOffice and WPS substitute a CJK face
TOP = 3  # the table starts on this line, under the report title and the table's title
MAX_CELL_TEXT = 32_000  # Excel holds at most 32,767 characters in a cell; longer text continues to the right
_FORMULA_START = ("=", "+", "-", "@")
LINE_HEIGHT, MAX_ROW_HEIGHT = 14, 409  # points per line of 10 pt text; the highest row Excel keeps
# 序号, 类别, 规则, 说明, 涉及单元格: within the 125 character widths of landscape A4 between its margins
FINDINGS_WIDTHS = (5, 6, 8, 60, 46)

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
_FONT = Font(name=FONT_NAME, size=10)
_BOLD = Font(name=FONT_NAME, size=10, bold=True)
_TITLE = Font(name=FONT_NAME, size=14, bold=True)


def display_width(text: str) -> int:
    """Width in Excel's character units: CJK characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def put_text(ws: Worksheet, row: int, col: int, text: str):
    """Write ``text`` as a string, never a formula, without characters XML cannot hold."""
    cell = ws.cell(row, col)
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True
    return cell


def _lines(text: str, width: float) -> int:
    return sum(max(1, math.ceil(display_width(part) / max(width, 1))) for part in text.split("\n"))


def _height(lines: int) -> float:
    """The height in points of a line of cells showing ``lines`` lines of 10 pt text (Excel's limit: 409)."""
    return min(MAX_ROW_HEIGHT, max(20, LINE_HEIGHT * lines + 4))


def _write_table(ws: Worksheet, report: Report, layout: TableLayout) -> None:
    table = layout.table
    fmt = report.schema
    widths = [8.0] * layout.cols
    for box in layout.boxes:
        if box.colspan == 1 and box.kind != VALUE:
            cap = 36 if box.col < layout.label_cols else 12
            widths[box.col] = max(widths[box.col], min(cap, display_width(box.text) + 2))
    for j, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(1 + j)].width = width

    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=layout.cols)
    put_text(ws, 1, 1, report.title).font = _TITLE
    ws.cell(1, 1).alignment = _CENTER
    ws.row_dimensions[1].height = 30
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=layout.cols)
    put_text(ws, 2, 1, table_sheet_name(fmt, table)).font = _BOLD
    ws.cell(2, 1).alignment = _LEFT

    heights = [1] * layout.rows
    for box in layout.boxes:
        top, left = TOP + box.row, 1 + box.col
        bottom, right = top + box.rowspan - 1, left + box.colspan - 1
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                ws.cell(r, c).border = _BORDER
        if box.rowspan > 1 or box.colspan > 1:
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        cell = ws.cell(top, left)
        if box.kind == VALUE:
            value = report.get(box.ref)
            if value is not None:
                cell.value = value
            amount = fmt.column(box.ref).kind == "amount"
            cell.number_format = "0.00##" if amount else "0"
            cell.alignment = _CENTER
            cell.font = _FONT
            continue
        put_text(ws, top, left, box.text)
        cell.font = _BOLD if box.kind in (HEADER, CAPTION) else _FONT
        cell.alignment = _LEFT if box.kind == CAPTION or (box.col < layout.label_cols and box.kind != HEADER) else _CENTER
        if box.rowspan == 1:
            heights[box.row] = max(heights[box.row], _lines(box.text, sum(widths[box.col:box.col + box.colspan])))
    for i, lines in enumerate(heights):
        ws.row_dimensions[TOP + i].height = _height(lines)

    last_header = TOP + layout.header_rows - 1
    ws.print_title_rows = f"1:{max(2, last_header)}"
    ws.freeze_panes = f"{get_column_letter(1 + layout.label_cols)}{TOP + layout.header_rows}"
    _a4(ws, landscape=layout.cols > 6)


def _a4(ws: Worksheet, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def _write_long_text(ws: Worksheet, row: int, text: str) -> None:
    """Text in column B, continued into C, D … when it exceeds what one cell holds."""
    chunks = [text[i:i + MAX_CELL_TEXT] for i in range(0, len(text), MAX_CELL_TEXT)] or [""]
    for j, chunk in enumerate(chunks):
        cell = put_text(ws, row, 2 + j, chunk)
        cell.alignment = _TOP_LEFT
        cell.font = _FONT
        cell.border = _BORDER
    ws.row_dimensions[row].height = _height(_lines(text, 90))


def _write_info(ws: Worksheet, report: Report) -> None:
    fmt = report.schema
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 90
    ws.merge_cells("A1:B1")
    put_text(ws, 1, 1, report.title).font = _TITLE
    ws.cell(1, 1).alignment = _CENTER
    ws.row_dimensions[1].height = 30
    values = {"year": report.year, "format": fmt.name}
    row = 2
    for attribute, label in FIELDS.items():
        put_text(ws, row, 1, label).font = _BOLD
        ws.cell(row, 1).alignment = _TOP_LEFT
        ws.cell(row, 1).border = _BORDER
        value = values.get(attribute, getattr(report, attribute))
        if isinstance(value, int):
            ws.cell(row, 2, value).border = _BORDER
            ws.cell(row, 2).alignment = _LEFT
        else:
            _write_long_text(ws, row, value or "")
        row += 1
    for section in fmt.sections:
        put_text(ws, row, 1, section.title).font = _BOLD
        ws.cell(row, 1).alignment = _TOP_LEFT
        ws.cell(row, 1).border = _BORDER
        _write_long_text(ws, row, report.sections.get(section.id, ""))
        row += 1
    _a4(ws, landscape=False)


def _write_findings(ws: Worksheet, report: Report) -> None:
    """One line per finding, wrapped within its column, each line as high as its text needs, the
    columns within the width of a landscape A4 page at 100 % (the cell names wrap, never run off)."""
    fmt = report.schema
    findings = check(report)
    for j, width in enumerate(FINDINGS_WIDTHS):
        ws.column_dimensions[get_column_letter(1 + j)].width = width
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(FINDINGS_WIDTHS))
    put_text(ws, 1, 1, f"导出时的检查结果（{datetime.now():%Y-%m-%d %H:%M}）").font = _TITLE
    ws.row_dimensions[1].height = 30
    _a4(ws, landscape=True)
    if not findings:
        put_text(ws, 2, 1, "未发现问题。")
        return
    for j, text in enumerate(FINDINGS_HEADER):
        cell = put_text(ws, 2, 1 + j, text)
        cell.font, cell.border, cell.alignment = _BOLD, _BORDER, _CENTER
    for i, finding in enumerate(findings, start=1):
        cells = "、".join(fmt.cell_name(ref) for ref in finding.cells[:10])
        if len(finding.cells) > 10:
            cells += f" 等 {len(finding.cells)} 个"
        texts = (SEVERITY_NAMES[finding.severity], finding.rule, finding.message, cells)
        number = ws.cell(2 + i, 1, i)
        number.border, number.alignment, number.font = _BORDER, _CENTER, _FONT
        for j, text in enumerate(texts):
            cell = put_text(ws, 2 + i, 2 + j, text)
            cell.font, cell.border, cell.alignment = _FONT, _BORDER, _TOP_LEFT
        lines = max(_lines(text, width) for text, width in zip(texts, FINDINGS_WIDTHS[1:]))
        ws.row_dimensions[2 + i].height = _height(lines)
    ws.print_title_rows = "1:2"
    ws.freeze_panes = "A3"


def draw_table(ws: Worksheet, report: Report, table) -> None:
    """One of ``report``'s tables in the official printed shape, on its own sheet ``ws``."""
    _write_table(ws, report, report_layout(report, table))


def write_aggregated_bodies(ws: Worksheet, report: Report) -> None:
    """The bodies an aggregated report (汇总) sums, one per line."""
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 60
    ws.merge_cells("A1:B1")
    put_text(ws, 1, 1, f"{report.title}所汇总的机关（{len(report.aggregate_of)} 个）").font = _TITLE
    for j, text in enumerate(("序号", "机关名称")):
        cell = put_text(ws, 2, 1 + j, text)
        cell.font, cell.border, cell.alignment = _BOLD, _BORDER, _CENTER
    for i, name in enumerate(report.aggregate_of, start=1):
        ws.cell(2 + i, 1, i).border = _BORDER
        cell = put_text(ws, 2 + i, 2, name)
        cell.font, cell.border = _FONT, _BORDER
    ws.print_title_rows = "1:2"
    _a4(ws, landscape=False)


def build_workbook(report: Report) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    fmt = report.schema
    for table in fmt.tables:
        draw_table(workbook.create_sheet(table_sheet_name(fmt, table)), report, table)
    _write_info(workbook.create_sheet(INFO_SHEET), report)
    if report.aggregate_of:
        write_aggregated_bodies(workbook.create_sheet(AGGREGATED_SHEET), report)
    _write_findings(workbook.create_sheet(FINDINGS_SHEET), report)
    workbook.properties.title = report.title
    workbook.properties.creator = "gipr-desktop"
    return workbook


def write(report: Report, path: str | Path) -> None:
    """Save ``report`` as the submission workbook at ``path``, atomically."""
    buffer = BytesIO()
    build_workbook(report).save(buffer)
    write_atomic(path, buffer.getvalue())

