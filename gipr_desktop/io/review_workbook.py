"""The review workbook of a batch (.xlsx): what the district's office files and works from.

汇总表 — one line per body: level, year, format, finding counts, status and the key figures;
按层级统计 — the same by level; 与上年比较 — each key figure this year, last year and the change
(when last year's reports were given); 批次核对 — bodies reporting twice, missing this year,
reports whose year or format does not fit; 问题清单 — every finding of every body, one per line,
with an autofilter; then the aggregate (汇总) in the official layout, drawn by ``xlsx_writer`` from
``core.layout``, and 汇总说明 — the bodies it includes, what could not be summed, and its checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gipr_desktop.core.aggregate import Aggregate
from gipr_desktop.core.batch import BatchIssue, BodyRow
from gipr_desktop.core.checks import SEVERITY_NAMES, check
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.workbook_labels import table_sheet_name
from gipr_desktop.io.xlsx_writer import FONT_NAME, display_width, draw_table, put_text

SUMMARY_SHEET = "汇总表"
LEVEL_SHEET = "按层级统计"
COMPARISON_SHEET = "与上年比较"
ISSUES_SHEET = "批次核对"
FINDINGS_SHEET = "问题清单"
AGGREGATE_NOTES_SHEET = "汇总说明"
AGGREGATE_PREFIX = "汇总·"
_FIRST = 3  # the header line of each listing, under its title and a blank line

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name=FONT_NAME, size=10)
_BOLD = Font(name=FONT_NAME, size=10, bold=True)
_TITLE = Font(name=FONT_NAME, size=14, bold=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_WIDEST = 60


@dataclass
class Review:
    """Everything the workbook shows; ``aggregate`` is None when the batch could not be summed
    (``aggregate_refused`` says why)."""

    rows: Sequence[BodyRow]
    issues: Sequence[BatchIssue] = ()
    aggregate: Aggregate | None = None
    aggregate_refused: str = ""
    compared: bool = False  # last year's reports were given
    title: str = "年度报告审核"
    excluded: list[str] = field(default_factory=list)  # files left out of the sum, with why


def aggregate_sheet_name(fmt, table) -> str:
    return f"{AGGREGATE_PREFIX}{table_sheet_name(fmt, table)}"[:31]


def _title(ws: Worksheet, text: str) -> None:
    put_text(ws, 1, 1, text).font = _TITLE


def _content_widths(frame, sample: int = 500) -> dict[str, float]:
    """Each column as wide as its header and its longest value (among the first ``sample``) need."""
    widths = {}
    for name in frame.columns:
        values = [str(v) for v in frame.column(name)[:sample] if v is not None]
        longest = max((display_width(v) for v in values), default=0)
        widths[name] = min(_WIDEST, max(6, display_width(str(name)) + 2, longest + 2))
    return widths


def _frame_sheet(book, frame, name: str, title: str, widths: dict[str, float] | None = None) -> Worksheet:
    """A sheet holding ``frame`` (a ``core.batch_tables.Table``) under a title: a header line, then a
    line per record; text is written as text (``put_text``), never as a formula."""
    ws = book.create_sheet(name)
    _title(ws, title)
    for j, column in enumerate(frame.columns, start=1):
        put_text(ws, _FIRST, j, str(column))
    for i, record in enumerate(frame.records, start=_FIRST + 1):
        for j, value in enumerate(record, start=1):
            if value is None:  # unknown, left empty
                continue
            if isinstance(value, str):
                put_text(ws, i, j, value)
            else:
                ws.cell(i, j, value)
    _style_listing(ws, list(frame.columns), len(frame), {**_content_widths(frame), **(widths or {})})
    return ws


def _style_listing(ws: Worksheet, header: list[str], count: int, widths: dict[str, float]) -> None:
    for j, name in enumerate(header, start=1):
        cell = ws.cell(_FIRST, j)
        cell.font, cell.border = _BOLD, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        width = widths.get(name, min(_WIDEST, max(6, display_width(str(name)) + 2)))
        ws.column_dimensions[get_column_letter(j)].width = width
    last = get_column_letter(max(1, len(header)))
    ws.auto_filter.ref = f"A{_FIRST}:{last}{_FIRST + max(count, 1)}"
    ws.freeze_panes = f"C{_FIRST + 1}"
    ws.print_title_rows = f"{_FIRST}:{_FIRST}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_findings(ws: Worksheet, rows: Sequence[BodyRow]) -> None:
    from gipr_desktop.core.batch_tables import FINDING_COLUMNS, finding_records

    _title(ws, "问题清单（每行一个问题；可按机关、类别、规则筛选）")
    for j, name in enumerate(FINDING_COLUMNS, start=1):
        put_text(ws, _FIRST, j, name)
    count = 0
    for count, record in enumerate(finding_records(rows), start=1):
        ws.cell(_FIRST + count, 1, record[0])
        for j, text in enumerate(record[1:], start=2):
            put_text(ws, _FIRST + count, j, str(text))
    _style_listing(ws, FINDING_COLUMNS, count, {"机关名称": 30, "文件": 24, "涉及单元格": 40, "说明": 80})
    if not count:
        put_text(ws, _FIRST + 1, 2, "未发现问题。")


def _write_issues(ws: Worksheet, issues: Sequence[BatchIssue], excluded: Sequence[str]) -> None:
    _title(ws, "批次核对：重复报送、本年缺报、年度或格式不符")
    header = ["序号", "类别", "说明"]
    for j, name in enumerate(header, start=1):
        put_text(ws, _FIRST, j, name)
    lines = [(issue.kind, issue.message) for issue in issues] + [("未计入汇总", text) for text in excluded]
    for i, (kind, message) in enumerate(lines, start=1):
        ws.cell(_FIRST + i, 1, i)
        put_text(ws, _FIRST + i, 2, kind)
        put_text(ws, _FIRST + i, 3, message).alignment = _WRAP
    _style_listing(ws, header, len(lines), {"类别": 12, "说明": 100})
    if not lines:
        put_text(ws, _FIRST + 1, 3, "未发现重复报送、缺报或年度、格式不符的报告。")


def _write_aggregate_notes(ws: Worksheet, review: Review) -> None:
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 110
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    aggregate = review.aggregate
    if aggregate is None:
        _title(ws, "汇总：未能汇总")
        put_text(ws, 3, 2, review.aggregate_refused).alignment = _WRAP
        return
    report = aggregate.report
    _title(ws, f"汇总说明：{report.title}（{report.schema.name}，{len(aggregate.bodies)} 个机关）")
    line = 3
    findings = check(report)
    blocks = (
        ("汇总的机关", aggregate.bodies),
        ("未能汇总的单元格", [note.message for note in aggregate.notes] or ["无：所有单元格均已汇总。"]),
        ("汇总报告的检查结果", [f"{SEVERITY_NAMES[f.severity]} [{f.rule}] {f.message}" for f in findings]
         or ["未发现问题。"]),
    )
    for heading, items in blocks:
        ws.merge_cells(start_row=line, start_column=1, end_row=line, end_column=2)
        put_text(ws, line, 1, heading).font = _BOLD
        line += 1
        for i, text in enumerate(items, start=1):
            ws.cell(line, 1, i).font = _FONT
            cell = put_text(ws, line, 2, text)
            cell.font, cell.alignment = _FONT, _WRAP
            line += 1
        line += 1


def build(review: Review):
    """The bytes of the workbook of ``review``."""
    from gipr_desktop.core.batch_tables import comparison_frame, level_frame, summary_frame

    book = Workbook()
    book.remove(book.active)
    _frame_sheet(book, summary_frame(review.rows), SUMMARY_SHEET,
                 f"{review.title}：{len(review.rows)} 份报告", {"说明": 50})
    _frame_sheet(book, level_frame(review.rows), LEVEL_SHEET, "按层级统计（各项数字为该层级各机关之和）")
    if review.compared:
        _frame_sheet(book, comparison_frame(review.rows), COMPARISON_SHEET,
                     "与上年比较（增减 = 本年 − 上年；任一年未填写的项目不作比较）")
    _write_issues(book.create_sheet(ISSUES_SHEET), review.issues, review.excluded)
    _write_findings(book.create_sheet(FINDINGS_SHEET), review.rows)
    if review.aggregate is not None:
        report = review.aggregate.report
        for table in report.schema.tables:
            draw_table(book.create_sheet(aggregate_sheet_name(report.schema, table)), report, table)
    _write_aggregate_notes(book.create_sheet(AGGREGATE_NOTES_SHEET), review)
    book.properties.title = review.title
    book.properties.creator = "gipr-desktop"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(review: Review, path: str | Path) -> None:
    """Save the review workbook at ``path``, atomically."""
    write_atomic(path, build(review))
