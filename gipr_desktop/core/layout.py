"""The printed shape of each table: where every header, label and value cell stands, with spans.

The official tables have multi-level merged headers (申请人情况 › 法人或其他组织 › 商业企业) and
row hierarchies (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密). This module derives that shape
from the schema's label paths once, and the grid on screen, the spreadsheet and the Word table all
draw from it, so that they look alike and like the printed form.

Three layouts, as in the schema:
- ``grid`` (table 三): label columns for the row path, header rows for the column path;
- ``single_row`` (table 四): no label column; each row of the schema becomes a block of columns
  under its path (行政诉讼 › 未经复议直接起诉 › 结果维持 …) and there is one line of values;
- ``groups`` (table 二): per 第二十条 item a caption line, a header line (信息内容 + column labels)
  and its rows; an item with fewer columns lets its last value span the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, cached_property

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, Table

HEADER, LABEL, VALUE, CAPTION = "header", "label", "value", "caption"


@dataclass(frozen=True)
class Box:
    row: int
    col: int
    rowspan: int
    colspan: int
    kind: str  # header | label | value | caption
    text: str = ""  # for everything but values
    ref: CellRef | None = None  # for values


@dataclass(frozen=True)
class TableLayout:
    table: Table
    rows: int
    cols: int
    header_rows: int  # the first ``header_rows`` lines are headers (frozen on screen, repeated in print)
    label_cols: int
    boxes: tuple[Box, ...]

    def value_boxes(self) -> list[Box]:
        return [box for box in self.boxes if box.kind == VALUE]

    def position(self, ref: CellRef) -> tuple[int, int]:
        return self._positions[ref]

    def box_at(self, row: int, col: int) -> Box | None:
        """The box covering (row, col), whether it starts there or spans over it."""
        return self._cover.get((row, col))

    @cached_property
    def _positions(self) -> dict[CellRef, tuple[int, int]]:
        return {box.ref: (box.row, box.col) for box in self.boxes if box.ref is not None}

    @cached_property
    def _cover(self) -> dict[tuple[int, int], Box]:
        cover = {}
        for box in self.boxes:
            for r in range(box.row, box.row + box.rowspan):
                for c in range(box.col, box.col + box.colspan):
                    cover[(r, c)] = box
        return cover


def _merge_paths(paths: list[tuple[str, ...]], depth: int) -> list[tuple[int, int, int, int, str]]:
    """Lay out label paths side by side: (line, start, length along, depth-span, text) per box.

    Paths are stacked ``depth`` deep; equal neighbouring prefixes merge along, and a path's last
    element spans the remaining depth.
    """
    boxes = []
    for level in range(depth):
        start = 0
        while start < len(paths):
            path = paths[start]
            if level >= len(path):
                start += 1
                continue
            end = start + 1
            while (
                end < len(paths)
                and len(paths[end]) > level
                and paths[end][: level + 1] == path[: level + 1]
                and level < len(path) - 1
                and level < len(paths[end]) - 1
            ):
                end += 1
            down = depth - level if level == len(path) - 1 else 1
            boxes.append((level, start, end - start, down, path[level]))
            start = end
    return boxes


def _grid(table: Table, rows) -> TableLayout:
    columns = rows[0].columns
    header_rows = max(len(c.header) for c in columns)
    label_cols = max(len(r.path) for r in rows)
    boxes = [Box(0, 0, header_rows, label_cols, HEADER, table.corner or table.row_header)]
    for level, start, along, down, text in _merge_paths([c.header for c in columns], header_rows):
        boxes.append(Box(level, label_cols + start, down, along, HEADER, text))
    for level, start, along, down, text in _merge_paths([r.path for r in rows], label_cols):
        boxes.append(Box(header_rows + start, level, along, down, LABEL, text))
    for i, row in enumerate(rows):
        for j, column in enumerate(row.columns):
            boxes.append(Box(header_rows + i, label_cols + j, 1, 1, VALUE, ref=CellRef(table.id, row.id, column.id)))
    return TableLayout(table, header_rows + len(rows), label_cols + len(columns), header_rows, label_cols, tuple(boxes))


def _single_row(table: Table, rows) -> TableLayout:
    paths = [row.path + column.header for row in rows for column in row.columns]
    refs = [CellRef(table.id, row.id, column.id) for row in rows for column in row.columns]
    header_rows = max(len(p) for p in paths)
    boxes = [Box(level, start, down, along, HEADER, text) for level, start, along, down, text in _merge_paths(paths, header_rows)]
    boxes += [Box(header_rows, j, 1, 1, VALUE, ref=ref) for j, ref in enumerate(refs)]
    return TableLayout(table, header_rows + 1, len(refs), header_rows, 0, tuple(boxes))


def _groups(table: Table, rows) -> TableLayout:
    width = max(len(r.columns) for r in rows)
    cols = 1 + width
    boxes: list[Box] = []
    line = 0
    for group in table.groups:
        members = [r for r in rows if r.group == group.id]
        if not members:
            continue
        boxes.append(Box(line, 0, 1, cols, CAPTION, group.label))
        line += 1
        columns = members[0].columns
        boxes.append(Box(line, 0, 1, 1, HEADER, table.row_header))
        for j, column in enumerate(columns):
            span = width - j if j == len(columns) - 1 else 1
            boxes.append(Box(line, 1 + j, 1, span, HEADER, column.label))
        line += 1
        for row in members:
            boxes.append(Box(line, 0, 1, 1, LABEL, row.label))
            for j, column in enumerate(row.columns):
                span = width - j if j == len(row.columns) - 1 else 1
                boxes.append(Box(line, 1 + j, 1, span, VALUE, ref=CellRef(table.id, row.id, column.id)))
            line += 1
    return TableLayout(table, line, cols, 0, 1, tuple(boxes))


_BUILDERS = {"grid": _grid, "single_row": _single_row, "groups": _groups}


@cache
def table_layout(table: Table, optional_rows: frozenset[str] = frozenset()) -> TableLayout:
    """The printed layout of ``table``; optional rows appear only when named in ``optional_rows``."""
    rows = [row for row in table.rows if not row.optional or row.id in optional_rows]
    return _BUILDERS[table.layout](table, rows)


def report_layout(report: Report, table: Table) -> TableLayout:
    """``table`` as ``report`` shows it — the one rule for the grid, the spreadsheet, Word, text and
    HTML: an optional row (2021 （六）其他处理 given as one row) appears when it holds a value, and then
    replaces the empty rows it stands for, as in the original."""
    cells = report.cells

    def filled(row_id: str) -> bool:
        return any(CellRef(table.id, row_id, column.id) in cells for column in table.row(row_id).columns)

    shown = frozenset(row.id for row in table.rows if row.optional and filled(row.id))
    replaced = {row_id for rule in table.rules for combined, parts in rule.alternatives if combined in shown
                for row_id in parts if not filled(row_id)}
    if replaced:
        table = replace(table, rows=tuple(row for row in table.rows if row.id not in replaced))
    return table_layout(table, shown)
