"""Find a report in spreadsheet cells by its printed labels, wherever on whichever sheet they stand.

Spreadsheet readers (.xlsx, .xls, .ods) turn each sheet into a ``Grid`` (cell values by position,
merged ranges, which cells are formulas) and hand the grids to ``read_grids``. A table is found by
its row labels and column headers, matched with ``core.labels``, never by fixed coordinates: our
own export reads back, and so does a sheet a person filled in from the official template with the
table moved, blank rows and columns added, cells merged differently or numbers typed as text.

What could not be read, or was read with a choice, becomes an ``ImportNote``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from gipr_desktop.core.checks import sum_of_parts
from gipr_desktop.core.labels import match_column, match_row, normalize, strip_ordinal
from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import CellRef, Format, Table, format_for_year, formats, report_years
from gipr_desktop.core.values import ValueRefused, checked_value, shown
from gipr_desktop.io.errors import ImportNote, ImportResult, ReadError
from gipr_desktop.io.imported import settled
from gipr_desktop.io.text_import.numbers import read_cell
from gipr_desktop.io.workbook_labels import FIELDS

MAX_LABEL_LENGTH = 80  # a longer text is a narrative, not a label
HEADER_SEARCH = 8  # how many lines above a row label its column headers may stand
_TITLE = re.compile(r"^(.*?)\s*((?:19|20|21)\d\d)\s*年度?\s*政府信息公开工作年度报告")

Pos = tuple[int, int]


@dataclass
class Grid:
    """One sheet: non-empty cell values by (row, column), 1-based, and what else a reader knows."""

    name: str
    values: dict[Pos, object]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, first col, last row, last col
    formulas: set[Pos] = field(default_factory=set)  # cells holding a formula; value = its stored result or absent

    def __post_init__(self) -> None:
        self._merge_at = {(m[0], m[1]): m for m in self.merges}
        self._texts = [
            (pos, value.strip()) for pos, value in sorted(self.values.items())
            if isinstance(value, str) and value.strip() and pos not in self.formulas
        ]

    def texts(self, max_length: int = MAX_LABEL_LENGTH) -> Iterator[tuple[Pos, str]]:
        for pos, text in self._texts:
            if len(text) <= max_length:
                yield pos, text

    def bottom_right(self, pos: Pos) -> Pos:
        merge = self._merge_at.get(pos)
        return (merge[2], merge[3]) if merge else pos

    def covering_text(self, row: int, col: int) -> str:
        """The text shown at (row, col): its own, that of a merged range over it, or, when no range
        covers it (a header typed without merging), that of the nearest filled cell to its left."""
        value = self.values.get((row, col))
        if value is None:
            for r1, c1, r2, c2 in self.merges:
                if r1 <= row <= r2 and c1 <= col <= c2:
                    value = self.values.get((r1, c1))
                    break
            else:
                for c in range(col - 1, max(0, col - 16), -1):
                    if (row, c) in self.values:
                        value = self.values[(row, c)]
                        break
        return value.strip() if isinstance(value, str) else ""


@dataclass
class _Found:
    """The cells of one table located on one grid: where each value stands."""

    grid: Grid
    places: dict[CellRef, Pos] = field(default_factory=dict)


# --- locating tables ------------------------------------------------------------------------------


def _row_labels(grid: Grid, table: Table, format_id: str) -> dict[int, tuple[int, str]]:
    """Sheet line → (column, row id) of its deepest (rightmost) row label."""
    lines: dict[int, tuple[int, str]] = {}
    labelled = [((r, r), c, text) for (r, c), text in grid.texts()]
    # A line under a merged label and no deeper one of its own is that label's row: （六）其他处理
    # printed as one row below its three sub-rows.
    labelled += [((r1 + 1, r2), c1, text) for r1, c1, r2, _ in grid.merges
                 if r2 > r1 and isinstance(text := grid.values.get((r1, c1)), str)]
    for (first, last), c, text in labelled:
        row_id = match_row(table, text, format_id)
        for r in range(first, last + 1) if row_id else ():
            if r not in lines or c > lines[r][0]:
                lines[r] = (c, row_id)
    return lines


def _find_grid_table(grid: Grid, table: Table, format_id: str) -> _Found:
    """Table 三: row labels down the left, column headers above."""
    columns = table.rows[0].columns
    headers = [(pos, col_id) for pos, text in grid.texts() if (col_id := match_column(table.rows[0], text))]
    labels = _row_labels(grid, table, format_id)
    found = _Found(grid)
    plain_header_cols = [c for (r, c), _ in headers if r not in labels or labels[r][0] != c]
    if not headers or not labels:
        return found
    first_data_col = min(plain_header_cols or [c for (_, c), _ in headers])
    lines = {r: row_id for r, (c, row_id) in labels.items() if c < first_data_col}
    if not lines:
        return found
    first_line = min(lines)
    where: dict[str, Pos] = {}
    for (r, c), col_id in headers:
        if first_line - HEADER_SEARCH <= r < first_line and c >= first_data_col:
            if col_id not in where or r > where[col_id][0]:
                where[col_id] = (r, c)
    for r, row_id in sorted(lines.items()):
        if r - first_line > 3 * len(table.rows):  # another table further down
            break
        for column in table.row(row_id).columns:
            if column.id in where and column in columns:
                found.places.setdefault(CellRef(table.id, row_id, column.id), (r, where[column.id][1]))
    return found


def _find_groups_table(grid: Grid, table: Table, format_id: str) -> _Found:
    """Table 二: each item's rows under their own header line."""
    found = _Found(grid)
    for (r, c), text in grid.texts():
        row_id = match_row(table, text, format_id)
        if not row_id:
            continue
        row = table.row(row_id)
        where: dict[str, int] = {}
        for line in range(r - 1, max(0, r - HEADER_SEARCH), -1):
            for (hr, hc), header in grid.texts():
                if hr == line and hc > c and (col_id := match_column(row, header)):
                    where.setdefault(col_id, hc)
            if where:
                break
        if not where and len(row.columns) == 1:
            where[row.columns[0].id] = grid.bottom_right((r, c))[1] + 1  # no header: the cell beside the label
        for col_id, col in where.items():
            found.places.setdefault(CellRef(table.id, row_id, col_id), (r, col))
    return found


def _find_single_row_table(grid: Grid, table: Table, format_id: str) -> _Found:
    """Table 四: one line of values under a three-level header, each column known by its path."""
    found = _Found(grid)
    leaves = {normalize(column.label): column.id for row in table.rows for column in row.columns}
    for (r, c), text in grid.texts():
        col_id = leaves.get(normalize(text))
        if col_id is None:
            continue
        above = {normalize(grid.covering_text(line, c)) for line in range(r - 1, max(0, r - 4), -1)}
        rows = [row for row in table.rows if all(normalize(part) in above for part in row.path)]
        rows = [row for row in rows if len(row.path) == max(len(x.path) for x in rows)]
        if len(rows) != 1:
            continue
        bottom = grid.bottom_right((r, c))[0]
        value_line = bottom + 1
        for line in range(bottom + 1, bottom + 3):
            value = grid.values.get((line, c))
            if isinstance(value, str) and value.strip() and read_cell(value) is None:
                break
            if value is not None or line in grid.formulas:
                value_line = line
                break
        found.places.setdefault(CellRef(table.id, rows[0].id, col_id), (value_line, c))
    return found


_FINDERS = {"grid": _find_grid_table, "groups": _find_groups_table, "single_row": _find_single_row_table}


def _locate(grids: list[Grid], table: Table, format_id: str) -> _Found | None:
    best = None
    for grid in grids:
        found = _FINDERS[table.layout](grid, table, format_id)
        if found.places and (best is None or len(found.places) > len(best.places)):
            best = found
    return best


# --- values ---------------------------------------------------------------------------------------


def _number(raw: object) -> Value | None:
    """The number a raw spreadsheet value stands for, ``None`` when empty; ``ValueError`` with a
    Chinese message when it is none. Whether the cell may hold it is ``core.values``' to judge."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(f"「{raw}」不是数字")
    if isinstance(raw, str):
        cell = read_cell(raw)
        if cell is None:
            raise ValueError(f"「{shown(raw.strip())}」不是数字")
        if cell.placeholder:
            return 0
        return cell.value
    if isinstance(raw, float):  # inf and nan too: ``checked_value`` refuses them
        return Decimal(repr(raw))
    if isinstance(raw, (int, Decimal)):
        return raw
    raise ValueError(f"「{shown(raw)}」不是数字")


def _read_table(report: Report, found: _Found, notes: list[ImportNote], pending: list[CellRef],
                formulas: list[CellRef]) -> None:
    fmt = report.schema
    for ref, pos in found.places.items():
        if pos in found.grid.formulas:
            if found.grid.values.get(pos) is None:
                pending.append(ref)
                continue
            formulas.append(ref)
        try:
            number = _number(found.grid.values.get(pos))
            value = None if number is None else checked_value(fmt.column(ref).kind, number)
        except ValueError as exc:  # ValueRefused included: the cell stays empty, named in the note
            notes.append(ImportNote(
                f"「{found.grid.name}」中「{fmt.cell_name(ref)}」无法读取：{exc}，已留空", *ref))
            continue
        if value is not None:
            report.set(ref, value)
            raw = found.grid.values.get(pos)
            if isinstance(raw, str) and read_cell(raw).placeholder:
                notes.append(ImportNote(f"「{fmt.cell_name(ref)}」填写为「{raw.strip()}」，已按 0 读取", *ref))


def _recompute(report: Report, pending: list[CellRef], formulas: list[CellRef], notes: list[ImportNote]) -> None:
    """Totals given as formulas without a stored result: the sum of their parts, where known.
    Formulas with a result keep it, and are compared with the sum of the cells they total."""
    fmt = report.schema
    for ref in formulas:
        parts = sum_of_parts(report, ref)
        if parts is not None and parts != report.cells.get(ref):
            notes.append(ImportNote(
                f"「{fmt.cell_name(ref)}」的公式结果为 {report.cells.get(ref)}，而各项之和为 {parts}"
                "（公式可能未计入以文字形式存储的数字），已保留公式结果，请核对", *ref))
    progress = True
    while pending and progress:
        progress = False
        for ref in list(pending):
            value = sum_of_parts(report, ref)
            if value is not None:
                pending.remove(ref)
                progress = True
                try:
                    report.set(ref, value)
                except ValueRefused as exc:
                    notes.append(ImportNote(f"「{fmt.cell_name(ref)}」是未保存计算结果的公式，各项之和不能填入：{exc}，已留空", *ref))
                    continue
                notes.append(ImportNote(f"「{fmt.cell_name(ref)}」是未保存计算结果的公式，已按各项之和计为 {value}", *ref))
    for ref in pending:
        notes.append(ImportNote(f"「{fmt.cell_name(ref)}」是公式，文件未保存其结果且无法由各项算出，已留空", *ref))


# --- metadata and texts ---------------------------------------------------------------------------


def _row_text(grid: Grid, r: int, c: int) -> object:
    """What stands right of a label: one number, or the texts of the following cells joined."""
    parts = [grid.values[(r, col)] for (row, col) in sorted(grid.values) if row == r and col > c]
    if len(parts) == 1 and not isinstance(parts[0], str):
        return parts[0]
    return "".join(str(p) for p in parts)


def _label_lines(grids: list[Grid]) -> Iterator[tuple[Grid, Pos, str]]:
    """Short texts that open their line: the labels of a label–value sheet."""
    for grid in grids:
        firsts: dict[int, int] = {}
        for (r, c) in grid.values:
            firsts[r] = min(c, firsts.get(r, c))
        for (r, c), text in grid.texts(40):
            if firsts.get(r) == c:
                yield grid, (r, c), text


def _read_fields(grids: list[Grid]) -> dict[str, object]:
    labels = {normalize(label): attribute for attribute, label in FIELDS.items()}
    fields: dict[str, object] = {}
    for grid, (r, c), text in _label_lines(grids):
        attribute = labels.get(normalize(text))
        if attribute and attribute not in fields:
            fields[attribute] = _row_text(grid, r, c)
    return fields


def _read_sections(grids: list[Grid], fmt: Format) -> dict[str, str]:
    """Texts beside the exact section headings ("五、存在的主要问题及改进情况"): in a sheet, a loosely
    worded heading is more likely a table header ("行政复议") than a section."""
    headings = {normalize(section.heading): section.id for section in fmt.sections}
    sections: dict[str, str] = {}
    for grid, (r, c), text in _label_lines(grids):
        section_id = headings.get(strip_ordinal(normalize(text)))
        if section_id and not sections.get(section_id):  # a table sheet's title has no text beside it
            content = _row_text(grid, r, c)
            if isinstance(content, str):
                sections[section_id] = content
    return sections


def _title(grids: list[Grid]) -> tuple[str, int | None]:
    """Unit and year from a title line "XX区人民政府2023年政府信息公开工作年度报告"."""
    for grid in grids:
        for _, text in grid.texts(200):
            match = _TITLE.match(normalize(text))
            if match:
                return match.group(1), int(match.group(2))
    return "", None


def _format_id(fields: dict[str, object], year: int | None, grids: list[Grid], notes: list[ImportNote]) -> str:
    stated = fields.get("format")
    if stated:
        key = normalize(str(stated))
        for format_id, fmt in formats().items():
            if key in (format_id, normalize(fmt.name)):
                return format_id
        notes.append(ImportNote(f"不认识的报告格式「{stated}」，已按表格内容判断"))
    scores = {}
    for format_id, fmt in formats().items():
        scores[format_id] = sum(len(f.places) for t in fmt.tables if (f := _locate(grids, t, format_id)))
    best = max(scores.values())
    candidates = [fid for fid, score in scores.items() if score == best]
    return format_for_year(year) if len(candidates) > 1 else candidates[0]


def _text(raw: object) -> str:
    """A field's text; a date the spreadsheet stored as a date is written ISO "YYYY-MM-DD"."""
    if isinstance(raw, (datetime, date)):
        return raw.strftime("%Y-%m-%d")
    return "" if raw is None else str(raw)


def _year(raw: object, where: str, notes: list[ImportNote]) -> int | None:
    text = normalize(str(raw)) if raw not in (None, "") else ""
    match = re.fullmatch(r"(\d{4})(?:\.0)?年?度?", text)
    if match and int(match.group(1)) in report_years():
        return int(match.group(1))
    if text:
        notes.append(ImportNote(f"{where}的报告年度「{raw}」无法识别，已留空"))
    return None


def read_grids(grids: list[Grid], where: str) -> ImportResult:
    """The report on ``grids`` (the sheets of one file, named ``where`` in messages)."""
    notes: list[ImportNote] = []
    fields = _read_fields(grids)
    title_unit, title_year = _title(grids)
    year = _year(fields["year"], where, notes) if "year" in fields else title_year
    report = Report(format=_format_id(fields, year, grids, notes), year=year)
    report.unit = _text(fields["unit"]) if fields.get("unit") else title_unit
    for attribute in ("contact", "published", "preamble"):
        setattr(report, attribute, _text(fields.get(attribute)))
    fmt: Format = report.schema
    sections = _read_sections(grids, fmt)
    report.sections.update(sections)
    pending: list[CellRef] = []
    formulas: list[CellRef] = []
    located = 0
    for table in fmt.tables:
        found = _locate(grids, table, fmt.id)
        if found is None:
            notes.append(ImportNote(f"{where}中没有找到表格「{fmt.section(table.section).numeral}、{table.title}」", table.id))
            continue
        located += 1
        _read_table(report, found, notes, pending, formulas)
    if not located and not sections:
        raise ReadError(f"{where}中没有找到年度报告的表格或正文（表格应带有官方格式的行、列标题）")
    _recompute(report, pending, formulas, notes)
    if not report.unit:
        notes.append(ImportNote(f"{where}中没有找到机关名称"))
    if report.year is None:
        notes.append(ImportNote(f"{where}中没有找到报告年度"))
    return settled(ImportResult(report, notes), where)
