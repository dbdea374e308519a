"""Text copied out of a PDF viewer in reading order (``pdftotext``, a viewer's copy) where table
三's numbers come in the table's row order but in blocks: rows far apart (a label over two lines)
come row by row, a cell a paragraph; rows printed close together come column by column, one
column's numbers on consecutive lines, then the next column's; the row labels are printed
before, after or among them::

    （二）部分公开（区分处理的，只计这一情 形，不
    4                  ← （二）部分公开, a cell a paragraph
    …
    4

    1                  ← 自然人 of the ten rows 1.属于国家秘密 … 2.没有现成信息需要另行制作,
    0                     whose labels are printed after them
    …
    3

    0                  ← 商业企业 of the same ten rows
    …

The numbers are read by the table's known shape alone: the rows in the schema's order (the
2021 table with （六）其他处理 as one row or as three), seven numbers a row, either a row at a
time or a block of rows a column at a time where the numbers stand as exactly seven runs of
consecutive lines of the block's height. A reading is taken only where every row sum, column
sum and the balance of the year hold (R1–R3) and it agrees with every row read by its own label
(``by_label``); a cell is read only where every such reading puts the same number in it, the
others stay empty and are named. Where no reading adds up as a whole (an original whose balance
of the year or column sums are wrong) but there is one way only to cut the numbers, in which
every row adds up, a row printed apart from its label is read only where a rule across rows
that takes it in holds. Blank cells leave no trace in such a copy, so a table with any blank is
not read this way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from gipr_desktop.core.schema import CellRef, Row, Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.numbers import CellText
from gipr_desktop.io.text_import.strategies.base import Strategy, arithmetic_holds, read_apart_note, rows_add_up
from gipr_desktop.io.text_import.strategies.by_label import read as by_label
from gipr_desktop.io.text_import.tables import UNREAD, TableReading, row_label, store
from gipr_desktop.io.text_import.tokens import Label, Token

MAX_READINGS = 64  # more ways to cut the numbers into blocks than this: too uncertain to read


@dataclass(frozen=True)
class _Run:
    """Numbers printed together: on one line (``across``), or a number a line on consecutive lines."""

    start: int
    length: int
    across: bool


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    labelled = {row_label(table, token.text, format_id) for token in tokens if isinstance(token, Label)}
    variants = _shapes(table, labelled)
    if not variants:
        return None
    width = len(variants[0][0].columns)
    numbers, runs = _numbers(tokens)
    variants = [rows for rows in variants if len(rows) * width == len(numbers)]
    if not variants:
        return None  # the section holds other numbers too, or lost some: not the table alone
    labelled = by_label(table, tokens, format_id, known)
    found: dict[tuple, tuple[list[Row], list[CellText]]] = {}
    cut: dict[tuple, tuple[list[Row], list[CellText], dict]] = {}  # the readings the labelled rows allow
    for rows in variants:
        for order in _orders(numbers, runs, len(rows), width):
            if order is None:
                return None  # too many ways to cut: nothing is certain
            cells = [numbers[i] for i in order]
            values = {CellRef(table.id, row.id, column.id): 0 if cell.placeholder else cell.value
                      for cell, (row, column) in zip(cells, ((r, c) for r in rows for c in r.columns))}
            if any(labelled.values.get(ref, value) != value for ref, value in values.items()):
                continue  # a row read by its own label says otherwise
            cut[tuple(values.items())] = (rows, cells, values)
            if arithmetic_holds(table, values):
                found[tuple(values.items())] = (rows, cells)
    if found:
        reading = _agreed(table, list(found.values()))
    elif len(cut) == 1:
        reading = _partly(table, *next(iter(cut.values())), labelled.rows_found)
    else:
        return None
    if reading is None:
        return None
    paired = [row.id for row in table.rows if row.id in reading.rows_found - labelled.rows_found]
    if not paired:
        return None
    reading.notes.append(read_apart_note(table, paired, "分开印刷", "表格行序和勾稽关系"))
    return reading


def _shapes(table: Table, labelled: set[str | None]) -> list[list[Row]]:
    """The rows of the table as printed: the schema's non-optional rows; where an optional row stands
    for others (the 2021 table's （六）其他处理 for its three sub-rows) and none of those is labelled
    in the text, also with it in their place."""
    rows = [row for row in table.rows if not row.optional]
    if not rows or any(len(row.columns) != len(rows[0].columns) for row in rows) or len(rows[0].columns) < 2:
        return []
    shapes = [rows]
    for rule in table.rules:
        for combined, replaced in rule.alternatives:
            if table.has_row(combined) and all(table.has_row(r) for r in replaced) and labelled.isdisjoint(replaced):
                at = [i for i, row in enumerate(rows) if row.id in replaced]
                if at:
                    shapes.append(rows[:at[0]] + [table.row(combined)] + [row for row in rows[at[0]:] if row.id not in replaced])
    return shapes


def _numbers(tokens: Sequence[Token]) -> tuple[list[CellText], list[_Run]]:
    """The numbers in printed order, and the runs they are printed in: a line's numbers; lone
    numbers on lines that follow one another (no empty line, no text between)."""
    numbers: list[CellText] = []
    runs: list[_Run] = []
    line: list[CellText] = []
    worded = joins = False  # whether the line holds text; whether its lone number continues a run
    for token in tokens:
        if isinstance(token, Label):
            worded = True
        elif isinstance(token, CellText):
            if not token.blank:
                line.append(token)
        else:
            lone = len(line) == 1 and not worded
            if lone and joins:
                runs[-1] = _Run(runs[-1].start, runs[-1].length + 1, False)
            elif line:
                runs.append(_Run(len(numbers), len(line), not lone))
            joins = lone
            numbers.extend(line)
            line, worded = [], False
    if line:
        runs.append(_Run(len(numbers), len(line), True))
        numbers.extend(line)
    return numbers, runs


def _orders(numbers: list[CellText], runs: list[_Run], height: int, width: int):
    """Each way to read ``height`` rows of ``width`` numbers out of ``numbers`` in row order, as the
    indices of the numbers in row-major order; ``None`` once there are more than ``MAX_READINGS``."""
    if height * width != len(numbers):
        return
    cuts = {run.start for run in runs} | {len(numbers)}  # where a row may begin: a run's start, or a
    for run in runs:                                     # row's width into a run of whole rows
        if not run.length % width:
            cuts.update(range(run.start, run.start + run.length, width))
    run_at = {run.start: run for run in runs}
    done = 0
    stack: list[tuple[int, int, list[int]]] = [(0, 0, [])]
    while stack:
        row, at, order = stack.pop()
        if row == height:
            done += 1
            if done > MAX_READINGS:
                yield None
                return
            yield order
            continue
        if at + width in cuts:
            stack.append((row + 1, at + width, order + list(range(at, at + width))))
        block = run_at.get(at)
        rows = block.length if block is not None and not block.across else 0
        if 2 <= rows <= height - row and _columns(run_at, at, rows, width):
            picked = [at + column * rows + k for k in range(rows) for column in range(width)]
            stack.append((row + rows, at + rows * width, order + picked))


def _columns(run_at: dict[int, _Run], at: int, rows: int, width: int) -> bool:
    """Whether ``width`` runs of ``rows`` numbers a line each begin at ``at``: a block printed by column."""
    for column in range(width):
        run = run_at.get(at + column * rows)
        if run is None or run.across or run.length != rows:
            return False
    return True


def _partly(table: Table, rows: list[Row], cells: list[CellText], values: dict, labelled: set[str]) -> TableReading | None:
    """The one way to cut the numbers, where the table does not add up as a whole (the original's own
    error: several real reports print a balance, R3, that does not hold): only where every row adds
    up (R1), a row is read where its label is printed with its numbers, or a rule across rows that
    takes it in (R2, R3) holds in every column; the other rows stay empty and are named."""
    if not rows_add_up(table, values):
        return None
    confirmed = set(labelled)
    for rule in table.rules:
        if rule.kind != "row_sum" and arithmetic_holds(replace(table, rules=(rule,)), values):
            confirmed.update(rule.left + rule.right + (rule.total,) + rule.parts
                             + tuple(combined for combined, _ in rule.alternatives))
    return _agreed(table, [(rows, cells)], keep=confirmed)


def _agreed(table: Table, found: list[tuple[list[Row], list[CellText]]], keep: set[str] | None = None) -> TableReading:
    """The rows every reading reads alike (of those in ``keep``, when given); the others empty and named."""
    reading = TableReading()
    for row in table.rows:
        width = len(row.columns)
        readings = {tuple(cells[rows.index(row) * width:(rows.index(row) + 1) * width]) if row in rows else None
                    for rows, cells in found}
        if readings == {None}:
            continue  # a row no reading prints (the sub-rows where （六） is printed as one row)
        if len(readings) != 1 or None in readings:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row.id)}：数字按表格行序可有多种分法，"
                                            f"{UNREAD}，请按原文填写", table.id, row.id))
            continue
        if keep is not None and row.id not in keep:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row.id)}：数字与行名分开印刷，"
                                            f"而表中的勾稽关系不成立，无法按行序确认，{UNREAD}，请按原文填写",
                                            table.id, row.id))
            continue
        (cells,) = readings
        reading.rows_found.add(row.id)
        store(list(cells), [(row.id, column) for column in row.columns], table, reading)
    return reading


STRATEGY = Strategy("PDF 复制文字：数字按表格行序分块（逐行或逐栏）", frozenset({"grid"}), read)
