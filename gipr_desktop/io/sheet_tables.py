"""A report from the sheets of a spreadsheet: what only spreadsheets have.

Spreadsheet readers (.xlsx, .xls, .ods) turn each sheet into a ``grid_tables.Grid`` (cell values by
position, merged ranges, which cells are formulas) and hand the grids to ``read_grids``. The tables
are found by ``grid_tables``, the one header/label locator every source with real tables uses; the
title, unit and year by the text side (``text_import.sections``, ``front_matter``), as in any document,
in the sheets' cells outside the tables, line by line; the format by the labels only one format
prints (``text_import.version``). Here are the spreadsheet's own matters: the label–value fields of
the program's export (``workbook_labels``), which say unit, year, format, texts and the sections
beside their headings, and formulas — a stored result kept and compared with its parts, a missing
one recomputed from them.

What could not be read, or was read with a choice, becomes an ``ImportNote``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterator

from gipr_desktop.core.checks import sum_of_parts
from gipr_desktop.core.labels import normalize, strip_ordinal
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, Format, format_for_year, formats, report_years
from gipr_desktop.core.values import ValueRefused
from gipr_desktop.io.errors import ImportNote, ImportResult, ReadError
from gipr_desktop.io.grid_tables import Found as Located, Grid, Pos, cell_value, is_placeholder, locate
from gipr_desktop.io.imported import settled
from gipr_desktop.io.text_import.front_matter import Found, find_unit, find_year, notes_for
from gipr_desktop.io.text_import.sections import find_title
from gipr_desktop.io.text_import.version import detect_format
from gipr_desktop.io.workbook_labels import FIELDS

def _read_table(report: Report, found: Located, notes: list[ImportNote], pending: list[CellRef],
                formulas: list[CellRef]) -> None:
    fmt = report.schema
    for ref, pos in found.places.items():
        if pos in found.grid.formulas:
            if found.grid.values.get(pos) is None:
                pending.append(ref)
                continue
            formulas.append(ref)
        try:
            value, converted = cell_value(found.grid.values.get(pos), fmt.column(ref))
        except ValueError as exc:  # ValueRefused included: the cell stays empty, named in the note
            notes.append(ImportNote(
                f"「{found.grid.name}」中「{fmt.cell_name(ref)}」无法读取：{exc}，已留空", *ref))
            continue
        if converted:
            notes.append(ImportNote(f"「{fmt.cell_name(ref)}」：{converted}", *ref))
        if value is not None:
            report.set(ref, value)
            raw = found.grid.values.get(pos)
            if is_placeholder(raw):
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


def _outside_lines(grids: list[Grid], fmt_tables: list[tuple[str, object]]) -> list[str]:
    """The sheets' text outside the tables, line by line (a line's cells joined by tabs): where the
    text side finds the title, unit and year, as in any document."""
    lines: list[str] = []
    for grid in grids:
        inside = {r for format_id, table in fmt_tables if (found := locate([grid], table, format_id))
                  for r in found.span()}
        by_line: dict[int, list[str]] = {}
        for (r, c), value in sorted(grid.values.items()):
            if r not in inside and (r, c) not in grid.formulas and value is not None:
                by_line.setdefault(r, []).append(_text(value).strip())
        lines += ["\t".join(cell for cell in cells if cell) for _, cells in sorted(by_line.items())]
    return [line for line in lines if line]


def _format_id(fields: dict[str, object], year: int | None, grids: list[Grid], notes: list[ImportNote]) -> str:
    """The format the sheet states (our export's field), else the one whose own labels it prints
    (``text_import.version``, as for every document), else the one most of whose cells are found."""
    stated = fields.get("format")
    if stated:
        key = normalize(str(stated))
        for format_id, fmt in formats().items():
            if key in (format_id, normalize(fmt.name)):
                return format_id
        notes.append(ImportNote(f"不认识的报告格式「{stated}」，已按表格内容判断"))
    detected, _ = detect_format("\n".join(text for grid in grids for _, text in grid.texts(200)))
    if detected:
        return detected
    scores = {}
    for format_id, fmt in formats().items():
        scores[format_id] = sum(len(f.places) for t in fmt.tables if (f := locate(grids, t, format_id)))
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
    lines = _outside_lines(grids, [(fid, table) for fid, fmt in formats().items() for table in fmt.tables])
    title = find_title(lines)
    if "year" in fields:
        year = _year(fields["year"], where, notes)
    else:
        found_year = Found(title.year) if title.year is not None else find_year(lines, where.strip("「」"))
        year = found_year.value
        notes.extend(notes_for(found_year))
    report = Report(format=_format_id(fields, year, grids, notes), year=year)
    if fields.get("unit"):
        report.unit = _text(fields["unit"])
    else:
        found_unit = Found(title.unit) if title.unit else find_unit(lines, [], where.strip("「」"))
        report.unit = found_unit.value or ""
        notes.extend(notes_for(found_unit))
    for attribute in ("contact", "published", "preamble"):
        setattr(report, attribute, _text(fields.get(attribute)))
    fmt: Format = report.schema
    sections = _read_sections(grids, fmt)
    report.sections.update(sections)
    pending: list[CellRef] = []
    formulas: list[CellRef] = []
    located = 0
    for table in fmt.tables:
        found = locate(grids, table, fmt.id)
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
