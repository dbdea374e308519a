"""Table 四 as the official template prints it: three groups of headers, then all fifteen
numbers on one line (or one per line) in the order of the columns::

    行政复议 …… 行政诉讼 …… 维持 纠正 其他 尚未审结 总计 ……
    72   64    178    37    351   13    4    8    1    26   12   1    1    6    20

The longest run of cells between labels that holds numbers is the data row (blank cells that end
a line before any number are not its: the header's last cell, where a column was cut); where header words
cut it (a PDF copy in reading order), all the numbers in order, if they are exactly the table's
cells and every group adds up (R4).
"""

from __future__ import annotations

from functools import cache
from typing import Sequence

from gipr_desktop.core.labels import normalize
from gipr_desktop.core.schema import Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.numbers import CellText
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.tables import TableReading, fit, rule_check, store
from gipr_desktop.io.text_import.tokens import Label, LineEnd, Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading:
    reading = TableReading()
    runs: list[list[CellText]] = [[]]
    for token in tokens:
        if isinstance(token, LineEnd):
            if all(cell.blank for cell in runs[-1]):
                runs[-1] = []  # blank cells ending a header's line are not the data row's (a column cut off)
            continue
        if isinstance(token, Label):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(token)
    best = max(reversed(runs), key=lambda run: sum(not c.blank for c in run))
    if not any(not c.blank for c in best):
        return reading
    slots = [(row.id, column) for row in table.rows for column in row.columns]
    every = [cell for run in runs for cell in run if not cell.blank]
    adds_up = len(every) == len(slots) and rule_check(table, slots)([0 if cell.placeholder else cell.value for cell in every])
    if len(every) == len(slots) and sum(not c.blank for c in best) < len(slots) and adds_up:
        best = every  # header words printed between the numbers: read in order, where every group adds up
    elif len(every) == len(slots) and not adds_up and _under_their_headers(table, tokens):
        reading.notes.append(ImportNote(f"表「{table.title}」：各组数字之和与总计不符（应是原文如此），"
                                        "各数字紧随其表头印出，按表头的顺序读取，请核对", table.id))
        best = every
        reading.rows_found.update(row.id for row in table.rows)
        store(best, slots, table, reading)
        return reading
    chosen = fit(best, slots, table, f"表「{table.title}」", reading.notes, known=known)
    if chosen is not None:
        reading.rows_found.update(row.id for row in table.rows)
        store(chosen, slots, table, reading)
    return reading


def _under_their_headers(table: Table, tokens: Sequence[Token]) -> bool:
    """Whether every run of numbers follows as many of the table's column headers as it holds
    numbers (a header counted by the word no other column's header has: 「维持」「纠正」「其他」
    「审结」「总计」, which survive a header cut over two lines): the headers then give the order of
    the numbers without the sums' help, as a person reading the copy would take it."""
    words = _column_words(table)
    blocks: list[list[int]] = []  # [headers, numbers] of each header block and the numbers after it
    heads: list[str] = []
    for token in tokens:
        if isinstance(token, Label):
            if blocks and blocks[-1][1] and not heads:
                blocks.append([0, 0])
            heads.append(token.text)
        elif isinstance(token, CellText) and not token.blank:
            if heads or not blocks:
                text = normalize("".join(heads))
                blocks.append([sum(text.count(word) for word in words), 0])
                heads = []
            blocks[-1][1] += 1
    return bool(blocks) and all(headers == numbers for headers, numbers in blocks)


@cache
def _column_words(table: Table) -> tuple[str, ...]:
    labels = [normalize(column.label) for column in table.rows[0].columns]
    words = []
    for label in labels:
        own = [label[i:i + 2] for i in range(0, len(label) - 1, 2) if not any(label[i:i + 2] in other for other in labels if other != label)]
        words.append(own[0] if own else label)
    return tuple(words)


STRATEGY = Strategy("一行数字印在表头下", frozenset({"single_row"}), read)
