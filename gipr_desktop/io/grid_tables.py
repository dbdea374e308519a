"""Finding the schema's tables in 2-D grids — the one header/label locator for every source that has a grid.

Every reader whose file has real tables hands them over as ``Grid``s, with their merged cells
kept: Word (gridSpan, vMerge: ``docx_reader``), web pages (rowspan, colspan: ``text_import.html_text``),
the ruled tables of a PDF (pdfplumber's cell boxes: ``pdf_pages``), spreadsheets (.xlsx, .xls, .ods:
``xlsx_reader``, ``calamine_reader``). A table is found by its row labels and column headers,
matched with ``core.labels``, never by fixed coordinates: our own exports read back, and so does a
table a person made from the official template with the table moved, blank rows and columns added,
cells merged differently, labels split over two lines or numbers typed as text. A table broken over
two pages arrives as two grids; ``stacked`` puts them back under each other.

Where a value cell cannot be placed under a header, it is not guessed: a row whose line is a cell
short, or whose values do not stand under the headers, is read in order only when its cells are
exactly as many as its columns; anything else stays empty and the caller names it. A label broken
over two lines at a page break is read from the line that prints its numbers; a label printed cut
short on a line without numbers is said unread (``Found.cut``), never printed blank.
Tables that exist only as text are the token reader's (``text_import.tables``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from typing import Iterator, Sequence

from gipr_desktop.core.labels import (
    IN_ITS_PLACE,
    match_column,
    match_row_in,
    normalize,
    similar_rows,
    similarity,
    strip_ordinal,
)
from gipr_desktop.core.report import Value
from gipr_desktop.core.schema import CellRef, Column, Table
from gipr_desktop.core.values import checked_value, shown
from gipr_desktop.io.text_import.numbers import in_column_unit, read_cell

MAX_LABEL_LENGTH = 80  # a longer text is a narrative, not a label
HEADER_SEARCH = 8  # how many lines above a row label its column headers may stand

Pos = tuple[int, int]
Merge = tuple[int, int, int, int]  # first row, first col, last row, last col (1-based, inclusive)


@dataclass
class Grid:
    """One table or sheet: non-empty cell values by (row, column), 1-based, its merged ranges
    (a merged cell's value stands at its top-left), and which cells hold formulas."""

    name: str
    values: dict[Pos, object]
    merges: list[Merge] = field(default_factory=list)
    formulas: set[Pos] = field(default_factory=set)  # cells holding a formula; value = its stored result or absent
    shape: Pos = (0, 0)  # at least this many rows and columns: empty ones at the end are still the table's
    ends: dict[int, int] = field(default_factory=dict)  # line → the last column its cells reach, where short

    def __post_init__(self) -> None:
        self._merge_at = {(m[0], m[1]): m for m in self.merges}
        self._texts = [
            (pos, value.strip()) for pos, value in sorted(self.values.items())
            if isinstance(value, str) and value.strip() and pos not in self.formulas
        ]
        places = [*self.values, *((m[2], m[3]) for m in self.merges)]
        self.height = max((r for r, _ in places), default=self.shape[0])
        self.width = max((c for _, c in places), default=self.shape[1])
        self.height, self.width = max(self.height, self.shape[0]), max(self.width, self.shape[1])

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[object]], name: str = "", merges: Sequence[Merge] = ()) -> "Grid":
        """A grid from rows of cells (row 1 first); an empty string or ``None`` is an empty cell."""
        values = {(r, c): value for r, row in enumerate(rows, 1) for c, value in enumerate(row, 1)
                  if value is not None and value != ""}
        width = max((len(row) for row in rows), default=0)
        ends = {r: len(row) for r, row in enumerate(rows, 1) if len(row) < width}
        return cls(name, values, list(merges), shape=(len(rows), width), ends=ends)

    def rows(self) -> list[list[str]]:
        """The grid as printed rows of strings: a merged cell's text once, at its top-left."""
        return [[str(self.values.get((r, c), "")) for c in range(1, self.width + 1)] for r in range(1, self.height + 1)]

    def texts(self, max_length: int = MAX_LABEL_LENGTH) -> Iterator[tuple[Pos, str]]:
        for pos, text in self._texts:
            if len(text) <= max_length:
                yield pos, text

    def bottom_right(self, pos: Pos) -> Pos:
        merge = self._merge_at.get(pos)
        return (merge[2], merge[3]) if merge else pos

    def end(self, row: int) -> int:
        """The last column the cells of ``row`` reach: a row printed with fewer cells than the
        table is wide (a cell lost) ends early, and its cells' columns are not sure."""
        return self.ends.get(row, self.width)

    @property
    def merged_area(self) -> int:
        """How many grid positions the merged cells cover: what a reader bounds before looking inside."""
        return sum((r2 - r1 + 1) * (c2 - c1 + 1) for r1, c1, r2, c2 in self.merges)

    @cached_property
    def _covered(self) -> set[Pos]:
        return {(r, c) for r1, c1, r2, c2 in self.merges for r in range(r1, r2 + 1)
                for c in range(c1, c2 + 1) if (r, c) != (r1, c1)}

    def is_covered(self, pos: Pos) -> bool:
        """Whether ``pos`` lies under a merged cell that starts elsewhere."""
        return pos in self._covered

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


def stacked(grids: Sequence[Grid], name: str = "", join_broken_lines: bool = False) -> Grid:
    """Grids under each other, aligned on their right edge (where a table's value columns are):
    the pieces of a table a page break cut in two, or a table printed in parts. With
    ``join_broken_lines``, a piece's first line that goes on with the line above it (``broken_line``:
    Word and LibreOffice let a row break over pages) is joined to that line, cell by cell."""
    if len(grids) == 1:
        return grids[0]
    width = max(grid.width for grid in grids)
    values: dict[Pos, object] = {}
    merges: list[Merge] = []
    formulas: set[Pos] = set()
    ends: dict[int, int] = {}
    top = 0
    for before, grid in zip([None, *grids], grids):
        joined = join_broken_lines and before is not None and broken_line(before, grid)
        top -= joined
        shift = width - grid.width
        for (r, c), value in grid.values.items():
            pos = (r + top, c + shift)
            values[pos] = f"{values[pos]}{value}" if joined and r == 1 and pos in values else value
        ends.update({r + top: c + shift for r, c in grid.ends.items()})
        merges += [(r1 + top, c1 + shift, r2 + top, c2 + shift) for r1, c1, r2, c2 in grid.merges]
        formulas |= {(r + top, c + shift) for r, c in grid.formulas}
        top += grid.height
    return Grid(name or grids[0].name, values, merges, formulas, (top, width), ends)


def goes_on(upper: Grid, lower: Grid) -> bool:
    """Whether ``lower``, a grid that names no table, may be the rest of ``upper`` on the next page:
    as wide, and either its first line the rest of ``upper``'s last or nothing in it but numbers
    (table 四's line of values under a header left on the page before)."""
    return upper.width == lower.width and (broken_line(upper, lower) or all(
        read_cell(str(value)) is not None for value in lower.values.values() if str(value).strip()))


def broken_line(upper: Grid, lower: Grid) -> bool:
    """Whether ``lower``'s first line may be the rest of ``upper``'s last, broken at a page break:
    as wide, at least one column printing words on both, and no column printing a number on one and
    anything on the other (two lines of numbers are two rows, never one)."""
    if upper.width != lower.width:
        return False
    words = False
    for c in range(1, upper.width + 1):
        above, below = upper.values.get((upper.height, c)), lower.values.get((1, c))
        if not (str(above or "").strip() and str(below or "").strip()):
            continue
        if read_cell(str(above)) is not None or read_cell(str(below)) is not None:
            return False
        words = True
    return words


@dataclass
class Found:
    """The cells of one table located on one grid: where each value stands, and the rows whose
    label was found but whose cells could not all be placed."""

    grid: Grid
    places: dict[CellRef, Pos] = field(default_factory=dict)
    rows: set[str] = field(default_factory=set)  # rows whose label was found
    lines: set[int] = field(default_factory=set)  # grid lines the table was read from: headers, labels, values
    continued: list[str] = field(default_factory=list)  # rows read from the line below their label's first
    cut: set[str] = field(default_factory=set)  # rows whose label is printed cut short and whose line prints nothing
    alone: set[str] = field(default_factory=set)  # rows whose label has no cell after it: a line of text, no grid row
    similar: dict[str, str] = field(default_factory=dict)  # row id -> its label as printed, damaged (see _damaged_labels)

    def span(self) -> range:
        """The grid lines from the table's first header to its last value."""
        lines = self.lines | {r for r, _ in self.places.values()}
        return range(min(lines), max(lines) + 1) if lines else range(0)


# --- locating tables ------------------------------------------------------------------------------


def _row_labels(grid: Grid, table: Table, format_id: str, skip: set[Pos] = frozenset()) -> dict[int, tuple[int, str]]:
    """Grid line → (column, row id) of its deepest (rightmost) row label; labels standing at
    ``skip`` (column headers such as 总计) are none."""
    lines: dict[int, tuple[int, str]] = {}
    labelled = [((r, r), c, text) for (r, c), text in grid.texts() if (r, c) not in skip]
    # A line under a merged label and no deeper one of its own is that label's row: （六）其他处理
    # printed as one row below its three sub-rows.
    labelled += [((r1 + 1, r2), c1, text) for r1, c1, r2, _ in grid.merges
                 if r2 > r1 and (r1, c1) not in skip and isinstance(text := grid.values.get((r1, c1)), str)]
    for (first, last), c, text in labelled:
        row_id = match_row_in(table, text, format_id)
        for r in range(first, last + 1) if row_id else ():
            if r not in lines or c > lines[r][0]:
                lines[r] = (c, row_id)
    return lines


def _damaged_labels(grid: Grid, table: Table, format_id: str, lines: dict[int, tuple[int, str]],
                    skip: set[Pos]) -> dict[str, str]:
    """Lines whose label is damaged (characters lost or wrong: 「2.其他法律行政止公开」), each read as
    a row labelled on no other line that stands, in the table's order, between the rows labelled on
    the lines above and below it: the one row it is most similar to (``core.labels.similar_rows``),
    or, where the lines above and below leave a gap of exactly one row, that row when the label is
    like it (``IN_ITS_PLACE``). Added to ``lines``; returned as row id -> the label as printed."""
    labelled = sorted(lines)
    if len(labelled) < 2:
        return {}
    order = {row.id: i for i, row in enumerate(table.rows)}
    taken = {row_id for _, row_id in lines.values()}
    added: dict[str, tuple[int, int, str]] = {}
    for (r, c), text in grid.texts():
        if r in lines or (r, c) in skip or not labelled[0] < r < labelled[-1]:
            continue
        above = lines[max(line for line in labelled if line < r)][1]
        below = lines[min(line for line in labelled if line > r)][1]
        candidates = similar_rows(table, text, format_id)
        if order[below] - order[above] == 2:  # one row missing between them: this line's, if like it
            gap = table.rows[order[above] + 1].id
            candidates = [(gap, 1.0)] if similarity(table, text, format_id, gap) >= IN_ITS_PLACE else []
        if not candidates or (len(candidates) > 1 and candidates[1][1] == candidates[0][1]):
            continue
        row_id = candidates[0][0]
        if row_id in taken or not order[above] < order[row_id] < order[below]:
            continue
        if row_id in added:  # two damaged lines for one row: neither is certain
            added[row_id] = (-1, -1, "")
            continue
        added[row_id] = (r, c, text)
    for row_id, (r, c, _) in added.items():
        if r >= 0:
            lines[r] = (c, row_id)
    return {row_id: text for row_id, (r, _, text) in added.items() if r >= 0}


def _cells_after(grid: Grid, r: int, c: int) -> list[Pos]:
    """The cells of line ``r`` right of the label at column ``c`` (its merged width included)."""
    end = grid.bottom_right((r, c))[1]
    return [(r, col) for col in range(end + 1, grid.end(r) + 1) if not grid.is_covered((r, col))]


def _in_order(grid: Grid, table: Table, row_id: str, r: int, c: int, found: Found) -> None:
    """A row whose cells do not stand under their headers (or has none): its cells read in order
    when exactly as many as its columns, once the empty cells before and after them are left out
    (a label column no rowspan covers, an empty column at the edge); otherwise none."""
    columns = table.row(row_id).columns
    cells = _cells_after(grid, r, c)
    if not cells:
        found.alone.add(row_id)
    if len(cells) != len(columns):
        filled = [i for i, pos in enumerate(cells) if pos in grid.values]
        cells = cells[filled[0]:filled[-1] + 1] if filled else []
    if len(cells) == len(columns):
        for column, pos in zip(columns, cells):
            found.places.setdefault(CellRef(table.id, row_id, column.id), pos)


def _place(grid: Grid, table: Table, row_id: str, r: int, c: int, where: dict[str, int], found: Found) -> None:
    """The cells of the row labelled at (r, c), under the header columns ``where`` (column id →
    grid column) when the line has all its cells and every value it prints stands under one of
    them, right of its label; else in order (``_in_order``), never shifted under another header."""
    columns = [column for column in table.row(row_id).columns if column.id in where]
    end = grid.bottom_right((r, c))[1]
    under = {where[column.id] for column in columns}
    printed = {col for col in range(end + 1, grid.width + 1) if (r, col) in grid.values}
    if columns and printed <= under and min(under) > end and grid.end(r) == grid.width:
        for column in columns:
            found.places.setdefault(CellRef(table.id, row_id, column.id), (r, where[column.id]))
    else:
        _in_order(grid, table, row_id, r, c, found)


def _find_grid_table(grid: Grid, table: Table, format_id: str) -> Found:
    """Table 三: row labels down the left, column headers above."""
    headers = [(pos, col_id) for pos, text in grid.texts() if (col_id := match_column(table.rows[0], text))
               and strip_ordinal(key := normalize(text)) == key]  # "（七）总计" is a row, "总计" a column
    header_at = {pos for pos, _ in headers}
    lines = _row_labels(grid, table, format_id, header_at)
    found = Found(grid, similar=_damaged_labels(grid, table, format_id, lines, header_at))
    if not lines:
        return found
    first_line = min(lines)
    where: dict[str, Pos] = {}
    for (r, c), col_id in headers:
        if first_line - HEADER_SEARCH <= r < first_line:
            if col_id not in where or r > where[col_id][0]:
                where[col_id] = (r, c)
    columns = {col_id: c for col_id, (_, c) in where.items()}
    found.lines.update(r for r, _ in where.values())
    chosen: dict[str, tuple[int, int]] = {}  # row id → (line, label column) its cells are read from
    for r, (c, row_id) in sorted(lines.items()):
        if r - first_line > 3 * len(table.rows):  # another table further down
            break
        # the first line of the row's label, or, under a label merged over several lines, the first
        # of them that prints a value (the label's top line may be empty, its numbers below)
        if row_id not in chosen or (not _has_values(grid, *chosen[row_id]) and _has_values(grid, r, c)
                                    and grid.bottom_right((chosen[row_id][0], chosen[row_id][1]))[0] >= r):
            chosen[row_id] = (r, c)
    for row_id, (r, c) in chosen.items():
        below = _continuation(grid, r, c, lines)
        if below:
            r = below
            found.continued.append(row_id)
        found.rows.add(row_id)
        found.lines.add(r)
        if not _has_values(grid, r, c) and _cut_short(table, row_id, grid.covering_text(r, c)):
            found.cut.add(row_id)
        _place(grid, table, row_id, r, c, columns, found)
    return found


def _cut_short(table: Table, row_id: str, printed: str) -> bool:
    """Whether ``printed`` is only the beginning of the row's label (the rest on a line or page
    that did not come with it)."""
    row = table.row(row_id)
    key = strip_ordinal(normalize(printed))
    return all(key != strip_ordinal(normalize(label)) for label in (row.label, *row.aliases))


def _continuation(grid: Grid, r: int, c: int, labelled: dict) -> int:
    """For a row label whose line prints nothing: the line its numbers are on when the label was
    broken over two lines at a page break (「…只计这一情」, the header repeated, 「形，不计其他情形）」) —
    the next line that prints only numbers, before any other row's label; else 0."""
    if _has_values(grid, r, c):
        return 0
    for line in range(r + 1, min(r + HEADER_SEARCH, grid.height + 1)):
        if line in labelled:
            return 0
        if _has_numbers(grid, line, c):
            return line
    return 0


def _has_values(grid: Grid, r: int, c: int) -> bool:
    return any(pos in grid.values for pos in _cells_after(grid, r, c))


def _has_numbers(grid: Grid, r: int, c: int) -> bool:
    """Whether line ``r`` prints values right of column ``c``, every one of them a number or a mark for none."""
    printed = [grid.values[pos] for pos in _cells_after(grid, r, c) if pos in grid.values]
    return bool(printed) and all(not isinstance(v, str) or read_cell(v) is not None for v in printed)


def _find_groups_table(grid: Grid, table: Table, format_id: str) -> Found:
    """Table 二: each item's rows under their own header line."""
    found = Found(grid)
    for (r, c), text in grid.texts():
        row_id = match_row_in(table, text, format_id)
        if not row_id or row_id in found.rows:
            continue
        found.rows.add(row_id)
        found.lines.add(r)
        row = table.row(row_id)
        where: dict[str, int] = {}
        for line in range(r - 1, max(0, r - HEADER_SEARCH), -1):
            for (hr, hc), header in grid.texts():
                if hr == line and hc > c and (col_id := match_column(row, header)):
                    where.setdefault(col_id, hc)
            if where:
                found.lines.add(line)
                break
        if not where and len(row.columns) == 1:
            where[row.columns[0].id] = grid.bottom_right((r, c))[1] + 1  # no header: the cell beside the label
        _place(grid, table, row_id, r, c, where, found)
    return found


def _find_single_row_table(grid: Grid, table: Table, format_id: str) -> Found:
    """Table 四: one line of values under a three-level header, each column known by its path."""
    found = Found(grid)
    leaves = {normalize(column.label): column.id for row in table.rows for column in row.columns}
    blank: set[CellRef] = set()  # leaves with no value in the lines below: their line is their group's
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
            if value is not None or (line, c) in grid.formulas:
                value_line = line
                break
        else:
            blank.add(CellRef(table.id, rows[0].id, col_id))
        found.rows.add(rows[0].id)
        found.lines.update(line for line in range(r - 1, max(0, r - 4), -1) if grid.covering_text(line, c))
        found.lines.add(r)
        found.places.setdefault(CellRef(table.id, rows[0].id, col_id), (value_line, c))
    for row in table.rows:  # a blank leaf under a header one line higher (its merge not known): its group's line
        printed = {found.places[ref][0] for column in row.columns
                   if (ref := CellRef(table.id, row.id, column.id)) in found.places and ref not in blank}
        for column in row.columns if len(printed) == 1 else ():
            ref = CellRef(table.id, row.id, column.id)
            if ref in blank and ref in found.places:
                found.places[ref] = (next(iter(printed)), found.places[ref][1])
    return _whole_groups(table, found)


def _whole_groups(table: Table, found: Found) -> Found:
    """Only the groups (行政复议, 未经复议直接起诉, 复议后起诉) whose every column was found, side by side
    in one line, in their order and not among another group's: a header printed apart from its
    columns (a page pasted without its spans) makes some columns seem another group's; not guessed."""
    rows = {row.id: [found.places.get(CellRef(table.id, row.id, column.id)) for column in row.columns]
            for row in table.rows}
    for row in table.rows:
        places = rows[row.id]
        cols = [c for _, c in places] if all(places) else []
        whole = bool(cols) and len({r for r, _ in places}) == 1 and cols == sorted(set(cols)) and not any(
            other != row.id and any(place and place[0] == places[0][0] and cols[0] < place[1] < cols[-1]
                                    for place in others)
            for other, others in rows.items())
        if not whole:
            for column in row.columns:
                found.places.pop(CellRef(table.id, row.id, column.id), None)
            found.rows.discard(row.id)
    return found


_FINDERS = {"grid": _find_grid_table, "groups": _find_groups_table, "single_row": _find_single_row_table}


def locate(grids: Sequence[Grid], table: Table, format_id: str) -> Found | None:
    """Where ``table``'s cells stand on the grid among ``grids`` that holds most of them."""
    best = None
    for grid in grids:
        found = _FINDERS[table.layout](grid, table, format_id)
        if found.places and (best is None or len(found.places) > len(best.places)):
            best = found
    return best


def classify(grid: Grid, tables: Sequence[Table], format_id: str) -> str | None:
    """The id of the table ``grid`` is (or is a piece of): the one most of whose row labels (for a
    one-row table, column headers) it prints; ``None`` for a grid that is none of them."""
    texts = [text for _, text in grid.texts(120)]
    keys = {normalize(text) for text in texts}
    best, best_score = None, 0
    for table in tables:
        if table.layout == "single_row":
            headers = {normalize(column.label) for row in table.rows for column in row.columns}
            score = len(headers & keys) + sum(normalize(row.label) in keys for row in table.rows)
        else:
            score = len({match_row_in(table, text, format_id) for text in texts} - {None})
        if score > best_score:
            best, best_score = table.id, score
    return best if best_score >= 2 or (best and best_score >= 1 and len(texts) < 12) else None


# --- values ---------------------------------------------------------------------------------------


def cell_number(raw: object) -> Value | None:
    """The number a raw cell value stands for, ``None`` when empty; a placeholder ("-", "无") is 0.
    ``ValueError`` with a Chinese message when it is none. Whether the cell may hold it is
    ``core.values``' to judge."""
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


def cell_value(raw: object, column: Column) -> tuple[Value | None, str]:
    """The value a located cell holds for ``column``: ``cell_number`` in the column's unit
    (``in_column_unit``), checked by ``core.values``, and what a note says of a unit converted ("" for
    none); ``ValueError`` (``ValueRefused`` included) with a Chinese message when none."""
    number = cell_number(raw)
    if number is None:
        return None, ""
    if isinstance(raw, str) and column.unit:
        number, converted = in_column_unit(raw, number, column)
        if converted:
            return number, converted
    return checked_value(column.kind, number), ""


def is_placeholder(raw: object) -> bool:
    """Whether a cell holds a mark printed for nothing ("-", "—", "/", "无"), read as 0."""
    return isinstance(raw, str) and bool(cell := read_cell(raw)) and cell.placeholder
