"""Rows whose blank cells a PDF-viewer copy dropped, placed by the table's arithmetic across rows.

Text copied out of a PDF viewer in reading order keeps no trace of a cell printed blank. The
上海市政府办公厅 2019 report leaves 总计 blank in most rows of table 三, so its copy prints six
numbers for seven columns::

    （一）予以公开
    258
    12
    0
    0
    1
    1

Read alone the row cannot be placed (``tables.fit`` refuses it). Read with the table it can: each
way to put the row's numbers in order into its columns, the others blank, that its columns may
hold and its own sum (R1) does not contradict, is tried together with those of the other such
rows against the rules across rows (R2's column sums, R3's balance), column by column. A cell is
taken only where every joint solution puts the same number in it; blank in every solution, it is
recorded as printed blank; 0 in some solutions and blank in others, it stays empty. No solution,
too many to search, or a column of a rule that cannot be checked (a row in it not read, or read
with a cell refused): nothing is placed, and the row keeps the note that it was not read.

A row a flattened page printed as one run of digits (「191000019」) that its own sum cannot cut —
the original's 总计 is wrong, 19 + 1 ≠ 19 — is such a row too: its ways are every cut of the run
its columns may hold, whatever its own sum. Where the original's totals across rows disagree, the
one glued row left is cut by the rule that can cut it, where every rule that can cuts it alike;
the note names the rules that fail.

A blank cell adds 0 to a column, except a row's 总计: left blank, it adds the row's own sum (R1),
as the original's (七）总计 adds up the rows whose 总计 it left blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from math import comb
from typing import Sequence

from gipr_desktop.core.schema import CellRef, Row, Rule, Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.repeated_runs import stretchable
from gipr_desktop.io.text_import.numbers import MAX_READINGS, CellText, one_cell, split_digit_run
from gipr_desktop.io.text_import.tables import UNREAD, RowHit, TableReading, _fitting, _held_values, laid_out, rule_check

MAX_NODES = 20_000  # rows tried together in the search: past this, nothing is placed

Number = int | Decimal
Assignment = tuple  # a row's cells, one per column: a number, or None for a blank


@dataclass
class _Short:
    """A row that printed fewer numbers than it has columns, and the ways its numbers may stand."""

    row: Row
    printed: int
    ways: dict[tuple, list[Assignment]]  # what the row adds to each column -> the placements doing so
    glued: str = ""  # the one run of digits the row printed, where it is cut into cells instead


def place(table: Table, hits: Sequence[RowHit], reading: TableReading, known: Known | None = None) -> None:
    """Place the rows of ``table`` that ``hits`` printed with fewer numbers than columns and
    ``reading`` could not read, where the table's arithmetic across rows decides them. In a copy
    that printed each run of equal lines once (``Known.repeats_dropped``), a row whose numbers may be
    such runs is none of these: ``tables.fit`` has said why it stays empty."""
    shorts = _short_rows(table, hits, reading, known)
    if not shorts:
        return
    silent = _silent_rows(table, hits, reading, shorts)
    equations, used = _equations(table, reading, shorts, silent)
    if not equations:
        return  # no rule across rows to check them by, or the original's own totals disagree
    supported = _search(shorts, equations)
    failing: list[Rule] = []
    if supported is None:
        equations, failing = _one_rule_alone(shorts, equations)
        supported = _search(shorts, equations) if equations else None
        if supported is None:
            return
        used = {row_id: list(dict.fromkeys(rule for rule, _, terms, _ in equations if row_id in terms)) for row_id in shorts}
    for row_id, short in shorts.items():
        columns = [column.id for column in short.row.columns]
        if not all(any(row_id in terms and col == c for (_, col, terms, _) in equations) for c in columns):
            continue  # a column of the row no rule across rows checks
        ways = [way for vector in supported[row_id] for way in short.ways[vector]]
        cells = [{way[i] for way in ways} for i in range(len(columns))]
        taken = {c: next(iter(v)) for c, v in zip(columns, cells) if len(v) == 1 and None not in v}
        if not taken:
            continue
        blank = [c for c, v in zip(columns, cells) if v == {None}]
        unsure = [c for c, v in zip(columns, cells) if len(v) > 1]
        reading.rows_found.add(row_id)
        for col, value in taken.items():
            reading.values[CellRef(table.id, row_id, col)] = value
        if blank:
            reading.blank.setdefault(row_id, []).extend(blank)
        _drop_unread_notes(table, row_id, reading)
        reading.notes.append(_note(table, short, used.get(row_id, []), blank, unsure, [taken.get(c) for c in columns], failing))
    if not any(row_id in reading.rows_found for row_id in shorts):
        return
    for row_id in [row.id for row in table.rows if row.id in silent]:  # blank as the solutions take them
        reading.rows_found.add(row_id)
        reading.blank[row_id] = [column.id for column in table.row(row_id).columns]
        _drop_unread_notes(table, row_id, reading)


def _drop_unread_notes(table: Table, row_id: str, reading: TableReading) -> None:
    """The notes that ``row_id`` could not be read, dropped: it is read now."""
    reading.notes[:] = [n for n in reading.notes if not (n.table == table.id and n.row == row_id and UNREAD in n.message)]


def _short_rows(table: Table, hits: Sequence[RowHit], reading: TableReading, known: Known | None) -> dict[str, _Short]:
    """The rows not read whose one hit with numbers printed fewer numbers than the row's columns,
    each with its possible placements."""
    by_row: dict[str, list[RowHit]] = {}
    for hit in hits:
        if hit.has_values:
            by_row.setdefault(hit.row_id, []).append(hit)
    shorts = {}
    for row in table.rows:
        found = by_row.get(row.id, [])
        if row.id in reading.rows_found or len(found) != 1:
            continue
        numbers = [0 if cell.placeholder else cell.value for cell in found[0].cells if not cell.blank]
        slots = [(row.id, column) for column in row.columns]
        fits, verdict, total = _fitting(slots), rule_check(table, slots), _total(table, row)
        run = _glued_run(found[0].cells, len(slots))
        # a row laid out in columns by spaces is placed by where its numbers stand (strategies.layout_columns)
        if not 0 < len(numbers) < len(row.columns) or (run is None and laid_out(found[0].cells)):
            continue
        if stretchable(numbers) and known is not None and known.repeats_dropped:
            continue
        if run is not None:  # every cut of the run its columns may hold, whether its own sum holds or not
            ways = {}
            for way in split_digit_run([run], len(slots), fits):
                ways.setdefault(_adds(way, total), []).append(tuple(way))
            if ways:
                shorts[row.id] = _Short(row, len(numbers), ways, run.text)
            continue
        ways: dict[tuple, list[Assignment]] = {}
        for places in combinations(range(len(slots)), len(numbers)):
            way = [None] * len(slots)
            for at, number in zip(places, numbers):
                way[at] = number
            if fits(way) and verdict(_held_values(way, slots)) is not False:
                ways.setdefault(_adds(way, total), []).append(tuple(way))
        if ways:
            shorts[row.id] = _Short(row, len(numbers), ways)
    return shorts


def _glued_run(cells: Sequence[CellText], count: int) -> CellText | None:
    """The row's one printed cell where it is a run of more digits than the row has cells, few enough
    that every way to cut it into ``count`` cells is tried (``MAX_READINGS``)."""
    printed = [cell for cell in cells if not cell.blank]
    if len(printed) != 1 or not printed[0].text.isdigit() or one_cell(printed[0]) or len(printed[0].text) <= count:
        return None
    return printed[0] if comb(len(printed[0].text) - 1, count - 1) <= MAX_READINGS else None


def _silent_rows(table: Table, hits: Sequence[RowHit], reading: TableReading, shorts: dict[str, _Short]) -> set[str]:
    """The rows not read whose label is printed with no number after it (not a row that stands for
    others): in a copy that keeps no trace of a blank cell, a row printed blank in every cell. They add 0 to every column; were
    their numbers printed elsewhere, the row holding them would not be read, and no rule that
    takes it in could be checked."""
    with_numbers = {hit.row_id for hit in hits if hit.has_values}
    return {hit.row_id for hit in hits if hit.row_id not in with_numbers | reading.rows_found | set(shorts)
            and not table.row(hit.row_id).optional}  # （六）其他处理 over its sub-rows: a heading


def _total(table: Table, row: Row) -> tuple[int, list[int]] | None:
    """Where the row's own total (R1) stands among its columns, and its parts."""
    ids = [column.id for column in row.columns]
    for rule in table.rules:
        if rule.kind == "row_sum" and rule.total in ids and all(p in ids for p in rule.parts):
            return ids.index(rule.total), [ids.index(p) for p in rule.parts]
    return None


def _adds(way: Sequence, total: tuple[int, list[int]] | None) -> tuple:
    """What a row's cells add to each column: a blank 0, a blank 总计 the row's own sum."""
    added = [0 if value is None else value for value in way]
    if total is not None and way[total[0]] is None:
        added[total[0]] = sum(added[p] for p in total[1])
    return tuple(added)


# an equation: (rule, column id, {row id of a short row: sign}, constant); it holds where the
# constant plus each short row's signed addition to the column is 0
Equation = tuple[Rule, str, dict[str, int], Number]


def _equations(table: Table, reading: TableReading, shorts: dict[str, _Short],
               silent: set[str]) -> tuple[list[Equation], dict[str, list[Rule]]]:
    """The column sums and balances of ``table`` in each column that every row in them lets be
    checked; and the rules each short row is checked by. None at all (an empty list) when one
    that takes in no short row does not hold (the original's own totals disagree: its numbers cannot be trusted to place)."""
    equations: list[Equation] = []
    used: dict[str, list[Rule]] = {}
    constants = {row.id: [0] * len(row.columns) if row.id in silent else _constant_row(table, row, reading)
                 for row in table.rows if row.id not in shorts}
    for rule in table.rules:
        if rule.kind not in ("column_sum", "balance"):
            continue
        signed = _signed_rows(rule, reading, set(shorts) | silent)
        columns = [column.id for column in table.row(signed[0][0]).columns] if signed else []
        for index, col in enumerate(columns):
            terms: dict[str, int] = {}
            constant: Number = 0
            for row_id, sign in signed:
                if row_id in shorts:
                    terms[row_id] = terms.get(row_id, 0) + sign
                    continue
                added = constants[row_id]
                if added is None or added[index] is None:
                    break  # a row of the rule not read, or a cell of it refused: not checked here
                constant += sign * added[index]
            else:
                if not terms and constant != 0:
                    return [], used
                if terms:
                    equations.append((rule, col, terms, constant))
                    for row_id in terms:
                        if rule not in used.setdefault(row_id, []):
                            used[row_id].append(rule)
    return equations, used


def _signed_rows(rule: Rule, reading: TableReading, unread: set[str]) -> list[tuple[str, int]]:
    """The rows of a rule across rows with the side they stand on; a row that stands for others
    (（六）其他处理 for its three sub-rows) in their place where it is printed and they are not.
    ``unread``: the rows printed but not read, short of numbers or without any."""
    if rule.kind == "balance":
        return [(r, 1) for r in rule.left] + [(r, -1) for r in rule.right]
    printed = reading.rows_found | unread
    parts = list(rule.parts)
    for combined, replaced in rule.alternatives:
        if combined in printed and not printed.intersection(replaced):
            parts = [p for p in parts if p not in replaced] + [combined]
    return [(rule.total, 1)] + [(p, -1) for p in parts]


def _constant_row(table: Table, row: Row, reading: TableReading) -> list[Number | None] | None:
    """What a row read whole adds to each column (``None`` for a cell refused); a row printed
    with every cell blank, or an optional row not printed, adds 0; any other row not read, ``None``."""
    if row.id not in reading.rows_found:
        return [0] * len(row.columns) if row.optional else None
    blank = set(reading.blank.get(row.id, ()))
    way = [reading.values.get(CellRef(table.id, row.id, column.id)) for column in row.columns]
    refused = [i for i, (value, column) in enumerate(zip(way, row.columns)) if value is None and column.id not in blank]
    total = _total(table, row)
    added = list(_adds(way, total))
    for i in refused:
        added[i] = None
        if total is not None and way[total[0]] is None and i in total[1]:
            added[total[0]] = None  # a blank 总计 adds the row's sum, which a refused cell leaves unknown
    return added


def _search(shorts: dict[str, _Short], equations: list[Equation]) -> dict[str, set[tuple]] | None:
    """The placements of each short row that some joint solution of ``equations`` uses; ``None``
    when there is none, or the search would take more than ``MAX_NODES`` steps."""
    order = sorted(shorts, key=lambda r: len(shorts[r].ways))
    options = {r: list(shorts[r].ways) for r in order}
    column_of = {}
    for k, (rule, col, terms, _) in enumerate(equations):
        row_id = next(iter(terms))
        column_of[k] = [c.id for c in shorts[row_id].row.columns].index(col)
    # the least and most each row may still add to each equation
    low = {r: [min(t.get(r, 0) * v[column_of[k]] for v in options[r]) for k, (_, _, t, _) in enumerate(equations)] for r in order}
    high = {r: [max(t.get(r, 0) * v[column_of[k]] for v in options[r]) for k, (_, _, t, _) in enumerate(equations)] for r in order}
    sums = [constant for (_, _, _, constant) in equations]
    rest_low = [sum(low[r][k] for r in order) for k in range(len(equations))]
    rest_high = [sum(high[r][k] for r in order) for k in range(len(equations))]
    supported: dict[str, set[tuple]] = {r: set() for r in order}
    chosen: list[tuple] = []
    nodes = [0]
    # the equations each row is in, with its sign, the column it adds and its bounds: no other changes
    involved = {r: [(k, terms[r], column_of[k], low[r][k], high[r][k])
                    for k, (_, _, terms, _) in enumerate(equations) if terms.get(r, 0)] for r in order}

    def walk(depth: int) -> bool:
        if depth == len(order):
            for r, vector in zip(order, chosen):
                supported[r].add(vector)
            return True
        r = order[depth]
        own = involved[r]
        for vector in options[r]:
            nodes[0] += 1
            if nodes[0] > MAX_NODES:
                return False
            fine = True
            for k, sign, column, least, most in own:
                sums[k] += sign * vector[column]
                rest_low[k] -= least
                rest_high[k] -= most
                if not sums[k] + rest_low[k] <= 0 <= sums[k] + rest_high[k]:
                    fine = False
            if fine:
                chosen.append(vector)
                going = walk(depth + 1)
                chosen.pop()
            else:
                going = True
            for k, sign, column, least, most in own:
                sums[k] -= sign * vector[column]
                rest_low[k] += least
                rest_high[k] += most
            if not going:
                return False
        return True

    if not walk(0) or not any(supported.values()):
        return None
    return supported


def _one_rule_alone(shorts: dict[str, _Short], equations: list[Equation]) -> tuple[list[Equation], list[Rule]]:
    """Where the one row not read is a glued run and the rules across rows have no joint solution
    (the original's own totals disagree, as 平潭 自然资源局 2023's R3 does): the equations of the
    rules that each cut the run one way, and the rules that fail, where all those rules cut it the
    same way and no other rule can cut it at all; else nothing."""
    if len(shorts) != 1 or not next(iter(shorts.values())).glued:
        return [], []
    rules = list(dict.fromkeys(rule for rule, _, _, _ in equations))
    cuts = {}
    for rule in rules:
        own = [equation for equation in equations if equation[0] is rule]
        found = _search(shorts, own)
        if found is not None:
            cuts[rule.id] = (own, next(iter(found.values())))
    vectors = {vector for _, found in cuts.values() for vector in found}
    if len(vectors) != 1:
        return [], []
    held = [equation for own, _ in cuts.values() for equation in own]
    return held, [rule for rule in rules if rule.id not in cuts]


def _rule_words(table: Table, rule: Rule) -> str:
    if rule.kind == "balance":
        return f"{rule.left_name}等于{rule.right_name}" if rule.left_name else "各项收支相抵"
    return f"「{table.row(rule.total).label}」等于各项之和"


def _note(table: Table, short: _Short, rules: list[Rule], blank: list[str], unsure: list[str],
          values: list, failing: list[Rule]) -> ImportNote:
    row = short.row

    def names(ids: list[str]) -> str:
        return "、".join(f"「{row.column(c).label}」" for c in ids)

    how = ["本行总计等于各栏之和"] if _total(table, row) and not short.glued else []
    how += [_rule_words(table, rule) for rule in rules]
    said = [f"表「{table.title}」{table.row_name(row.id)}：数字「{short.glued}」连在一起",
            f"已按全表的勾稽关系（{'；'.join(how)}）拆分为 {' '.join(str(v) for v in values)}"] if short.glued else \
        [f"表「{table.title}」{table.row_name(row.id)}：只印有 {short.printed} 个数字，应有 {len(row.columns)} 栏"
         "（PDF 复制的文字不留空白单元格的痕迹）",
         f"已按全表的勾稽关系（{'；'.join(how)}）定出各数字所在栏目"]
    if blank:
        said.append(f"{names(blank)}为原文空白")
    if unsure:
        said.append(f"{names(unsure)}无法判断原文是空白还是 0，留空")
    total = _total(table, row)
    if short.glued and total is not None and values[total[0]] != sum(values[p] or 0 for p in total[1]):
        said.append("本行各栏之和与总计不符（应是原文如此）")
    if failing:
        said.append(f"原文的{'、'.join(_rule_words(table, rule) for rule in failing)}不成立")
    return ImportNote("，".join(said) + "，请核对", table.id, row.id)
