"""Finding the rows of one schema table in a token stream and reading their cells.

Numbers are anchored to the row label printed before them, never to a position in the whole
table: a missing, extra or comma-grouped number can only disturb its own row, and a row whose
numbers cannot be placed stays empty and is named in the notes. Where the schema gives the row an
arithmetic rule (R1 for applications, R4 for review and litigation), the rule chooses between
readings and splits digit runs that extraction glued together ("801000081").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Sequence

from gipr_desktop.core.labels import match_row_in, normalize, strip_ordinal
from gipr_desktop.core.schema import CellRef, Column, Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.numbers import CellText, split_digit_run
from gipr_desktop.io.text_import.tokens import Label, LineEnd, Token

Values = list  # list[int | Decimal | None], one per column
Slot = tuple[str, Column]  # (row id, column)


@dataclass
class RowHit:
    """A row label found in the stream, and the cells printed after it."""

    row_id: str
    label: str
    cells: list[CellText] = field(default_factory=list)

    @property
    def has_values(self) -> bool:
        return any(not cell.blank for cell in self.cells)


@dataclass
class TableReading:
    """What was read of one table: cell values, and notes on what could not be read."""

    values: dict[CellRef, int | Decimal] = field(default_factory=dict)
    notes: list[ImportNote] = field(default_factory=list)
    rows_found: set[str] = field(default_factory=set)
    placeholders: int = 0
    blank: dict[str, list[str]] = field(default_factory=dict)  # row id -> ids of the columns printed blank


def find_rows(table: Table, tokens: Sequence[Token], format_id: str, notes: list[ImportNote]) -> list[RowHit]:
    """The row labels of ``table`` in ``tokens``, each with the cells after it. Text that is not
    a row label ends the cells of the row before it, once that row has a value."""
    hits: list[RowHit] = []
    current: RowHit | None = None
    stray: str | None = None  # unknown text whose values follow: said in the notes
    for token in tokens:
        if isinstance(token, LineEnd):
            continue
        if isinstance(token, Label):
            row_id = match_row_in(table, token.text, format_id)
            if row_id is not None:
                current = RowHit(row_id, token.text)
                hits.append(current)
                stray = None
            else:
                if current is not None and current.has_values:
                    current = None
                stray = token.text if current is None else None
        elif current is not None:
            current.cells.append(token)
        elif stray is not None and not token.blank and len(stray) <= 40:
            notes.append(ImportNote(f"表「{table.title}」中「{stray}」不是可识别的行名，其后的数字未读取", table.id))
            stray = None
    return hits


def _lines(tokens: Sequence[Token]) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    for token in tokens:
        if isinstance(token, LineEnd):
            lines.append([])
        else:
            lines[-1].append(token)
    return [line for line in lines if line]


def detached_rows(table: Table, tokens: Sequence[Token], format_id: str, notes: list[ImportNote]) -> list[RowHit]:
    """Rows of a PDF copy that printed some rows' numbers apart from their labels: label lines
    without numbers first, bare lines of numbers later (or earlier), each in table order. Used
    only where rows are otherwise printed one per line (label and numbers together) and the
    bare lines of numbers and the bare labels are equally many; they are then paired in order,
    and the notes say so. Anything else: ``[]``, and rows are read label by label."""
    width = max(len(row.columns) for row in table.rows)
    if width < 2:
        return []
    hits: list[RowHit] = []
    bare_labels: list[RowHit] = []
    bare_values: list[list[CellText]] = []
    whole_rows = 0
    for line in _lines(tokens):
        labels = [t for t in line if isinstance(t, Label)]
        cells = [t for t in line if isinstance(t, CellText)]
        row_ids = [r for r in (match_row_in(table, label.text, format_id) for label in labels) if r]
        if row_ids and sum(not c.blank for c in cells) >= 2:
            hits.append(RowHit(row_ids[-1], labels[-1].text, cells))
            whole_rows += 1
        elif row_ids and not cells and (has_ordinal(labels[-1].text) or len(normalize(labels[-1].text)) >= 4):
            hit = RowHit(row_ids[-1], labels[-1].text)
            hits.append(hit)
            bare_labels.append(hit)
        elif not labels and len(cells) == width and sum(not c.blank for c in cells) >= 2:
            bare_values.append(cells)
    if not bare_values or whole_rows < 2 or len(bare_values) != len(bare_labels):
        return []
    for hit, cells in zip(bare_labels, bare_values):
        hit.cells.extend(cells)
    names = "、".join(table.row_name(hit.row_id) for hit in bare_labels)
    notes.append(ImportNote(f"表「{table.title}」有 {len(bare_labels)} 行的数字与行名分开印刷（PDF 转换所致），"
                            f"已按先后顺序配对：{names}；请核对", table.id))
    return hits


def rule_check(table: Table, slots: Sequence[Slot]) -> Callable[[Values], bool | None]:
    """A test of a reading against the table's row-sum rules: True, False, or None (cannot tell:
    the total is blank)."""
    position = {(row_id, column.id): i for i, (row_id, column) in enumerate(slots)}
    checks = []
    for rule in table.rules:
        if rule.kind != "row_sum":
            continue
        for row_id in dict.fromkeys(r for r, _ in slots):
            if (row_id, rule.total) in position and all((row_id, p) in position for p in rule.parts):
                checks.append((position[(row_id, rule.total)], [position[(row_id, p)] for p in rule.parts]))

    def verdict(values: Values) -> bool | None:
        if not checks:
            return None
        known = False
        for total, parts in checks:
            if values[total] is None:
                continue
            known = True
            if values[total] != sum(values[p] or 0 for p in parts):
                return False
        return True if known else None

    verdict.has_rules = bool(checks)  # type: ignore[attr-defined]
    return verdict


def _value(cell: CellText):
    if cell.blank:
        return None
    return 0 if cell.placeholder else cell.value


UNREAD = "未能读取，本行留空"  # the words every note on a row that could not be read ends with


def fit(cells: Sequence[CellText], slots: Sequence[Slot], table: Table, where: str, notes: list[ImportNote],
        row_id: str = "") -> list[CellText] | None:
    """Choose the ``len(slots)`` cells of a row among the cells printed after its label."""
    count = len(slots)
    verdict = rule_check(table, slots)
    cells = list(cells)
    if len(cells) == count:
        return cells
    if len(cells) > count:
        windows = [cells[o : o + count] for o in range(len(cells) - count + 1)
                   if all(c.blank for c in cells[:o]) and all(c.blank for c in cells[o + count:])]
        if windows:
            agreeing = [w for w in windows if verdict([_value(c) for c in w])]
            if len(agreeing) == 1:
                return agreeing[0]
            return windows[-1]  # the blanks before the numbers are the label's merged cells
        filled = [c for c in cells if not c.blank]
        if len(filled) == count and verdict([_value(c) for c in filled]) is not False:
            return filled  # as many numbers as columns: the blanks among them are merged cells, not printed
        opening = [cells[o : o + count] for o in range(len(cells) - count + 1) if all(c.blank for c in cells[:o])]
        extra = f"{where}：印有 {sum(not c.blank for c in cells)} 个数字，多于 {count} 栏；"
        agreeing = [w for w in opening if verdict([_value(c) for c in w])]
        if agreeing:
            notes.append(ImportNote(f"{extra}按行内勾稽关系取前 {count} 个，其余未读取", table.id))
            return agreeing[0]
        if opening and verdict([_value(c) for c in opening[0]]) is None:
            notes.append(ImportNote(f"{extra}取紧随行名的 {count} 个，其余未读取", table.id))
            return opening[0]
        notes.append(ImportNote(f"{where}：印有 {sum(not c.blank for c in cells)} 个数字，多于 {count} 栏，"
                                f"无法确定各数字所属栏目，{UNREAD}", table.id, row_id))
        return None
    glued = [c.text for c in cells if c.text.isdigit() and len(c.text) > 1]
    filled = sum(not c.blank for c in cells)
    if not glued:
        notes.append(ImportNote(f"{where}：只找到 {filled} 个数字，应有 {count} 栏，无法确定各数字所属栏目，{UNREAD}",
                                table.id, row_id))
        return None
    shown = "、".join(glued)
    readings = split_digit_run(cells, count, lambda values: verdict(values) is True)
    if verdict.has_rules:  # type: ignore[attr-defined]
        chosen, why = _plausible(readings)
    else:  # no arithmetic to check: only a run with one digit per cell has one reading
        readings = split_digit_run(cells, count, lambda values: True)[:2]
        chosen, why = (readings[0], "每栏一位数，") if len(readings) == 1 else (None, "")
    if chosen is None:
        reason = "没有符合行内勾稽关系的拆法" if not readings else "有多种同样可能的拆法"
        notes.append(ImportNote(f"{where}：数字「{shown}」连在一起，{reason}，{UNREAD}，请按原文填写", table.id, row_id))
        return None
    notes.append(ImportNote(f"{where}：数字「{shown}」连在一起，{why}拆分为 {' '.join(str(v) for v in chosen)}，请核对", table.id))
    return [CellText(str(v), value=v) for v in chosen]


def _plausible(readings: list[list]) -> tuple[list | None, str]:
    """The one reading of a glued run, or the one with fewest non-zero cells (most cells of a
    published table are 0) when that is unique; and how it was chosen."""
    if len(readings) == 1:
        return readings[0], "按行内勾稽关系唯一地"
    if not readings:
        return None, ""
    weight = [sum(1 for v in reading if v) for reading in readings]
    least = min(weight)
    if weight.count(least) == 1:
        return readings[weight.index(least)], f"有 {len(readings)} 种拆法符合行内勾稽关系，取非零栏最少的一种，"
    return None, ""


def store(chosen: Sequence[CellText], slots: Sequence[Slot], table: Table, reading: TableReading) -> None:
    """Put the chosen cells into ``reading``, each checked against its column's kind."""
    for cell, (row_id, column) in zip(chosen, slots):
        ref = CellRef(table.id, row_id, column.id)
        if cell.blank:
            reading.blank.setdefault(row_id, []).append(column.id)
            continue
        if cell.placeholder:
            reading.placeholders += 1
            reading.values[ref] = Decimal(0) if column.kind == "amount" else 0
            continue
        value = cell.value
        if column.kind == "amount":
            reading.values[ref] = Decimal(value)
        elif isinstance(value, Decimal) and value != value.to_integral_value():
            reading.notes.append(ImportNote(f"{_where(table, ref)}：「{cell.text}」不是整数，未能读取，留空", table.id, row_id, column.id))
        elif value < 0 and column.kind == "count":
            reading.notes.append(ImportNote(f"{_where(table, ref)}：「{cell.text}」为负数，未能读取，留空", table.id, row_id, column.id))
        else:
            reading.values[ref] = int(value)


def _where(table: Table, ref: CellRef) -> str:
    return f"表「{table.title}」{table.cell_name(ref)}"


def has_ordinal(label: str) -> bool:
    key = normalize(label)
    return strip_ordinal(key) != key


def read_table(table: Table, tokens: Sequence[Token], format_id: str) -> TableReading:
    """Read ``table`` from ``tokens``; rows that cannot be read stay empty and are noted."""
    reading = TableReading()
    if table.layout == "single_row":
        _read_single_row(table, tokens, format_id, reading)
    else:
        _read_rows(table, tokens, format_id, reading)
    return reading


def _read_rows(table: Table, tokens: Sequence[Token], format_id: str, reading: TableReading) -> None:
    """Each row from the first of its labels whose cells can be read: a column header of the
    same name ("总计"), or a heading above a row ("### 一、本年新收…"), yields to the row itself.
    A label printed with its ordinal is tried before one without."""
    hits: dict[str, list[RowHit]] = {}
    printed_blank: dict[str, RowHit] = {}  # a row printed with every cell blank ("2.其他…\t\t\t")
    for hit in detached_rows(table, tokens, format_id, reading.notes) or find_rows(table, tokens, format_id, reading.notes):
        if hit.has_values:
            hits.setdefault(hit.row_id, []).append(hit)
        elif len(hit.cells) == len(table.row(hit.row_id).columns):
            printed_blank.setdefault(hit.row_id, hit)
    for row in table.rows:
        candidates = sorted(hits.get(row.id, []), key=lambda hit: not has_ordinal(hit.label))
        slots = [(row.id, column) for column in row.columns]
        if not candidates and row.id in printed_blank:
            reading.rows_found.add(row.id)
            store(printed_blank[row.id].cells, slots, table, reading)
            continue
        where = f"表「{table.title}」{table.row_name(row.id)}"
        first_notes: list[ImportNote] | None = None
        for hit in candidates:
            row_notes: list[ImportNote] = []
            chosen = fit(hit.cells, slots, table, where, row_notes, row.id)
            if chosen is not None:
                reading.notes.extend(row_notes)
                reading.rows_found.add(row.id)
                store(chosen, slots, table, reading)
                break
            first_notes = row_notes if first_notes is None else first_notes
        else:
            reading.notes.extend(first_notes or [])


def _read_single_row(table: Table, tokens: Sequence[Token], format_id: str, reading: TableReading) -> None:
    """A table printed as one line of numbers under its headers: the longest run of cells that
    holds numbers is the data row. Where each group is printed as its own row under its own
    label ("行政复议 27 10 9 15 61"), the groups are read by their labels."""
    hits = {hit.row_id: hit for hit in find_rows(table, tokens, format_id, []) if hit.has_values}
    if all(row.id in hits for row in table.rows):
        quiet: list[ImportNote] = []
        by_label = [fit(hits[row.id].cells, [(row.id, c) for c in row.columns], table, "", quiet) for row in table.rows]
        if not quiet and all(chosen is not None for chosen in by_label):
            for row, chosen in zip(table.rows, by_label):
                reading.rows_found.add(row.id)
                store(chosen, [(row.id, c) for c in row.columns], table, reading)
            return
    runs: list[list[CellText]] = [[]]
    for token in tokens:
        if isinstance(token, LineEnd):
            continue
        if isinstance(token, Label):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(token)
    best = max(reversed(runs), key=lambda run: sum(not c.blank for c in run))
    if not any(not c.blank for c in best):
        return
    slots = [(row.id, column) for row in table.rows for column in row.columns]
    chosen = fit(best, slots, table, f"表「{table.title}」", reading.notes)
    if chosen is not None:
        reading.rows_found.update(row.id for row in table.rows)
        store(chosen, slots, table, reading)
