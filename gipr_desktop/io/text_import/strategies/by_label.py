"""Each row label followed by its cells: on the same line (tabs, ``|`` or spaces between them),
or one cell per line after the label. The layout of Word and HTML tables copied as text, of
most web pages, and of the program's own text export::

    一、本年新收政府信息公开申请数量	3001	53	0	0	61	4	3119

or::

    （一）予以公开
    1288
    21
    …

A row is read only from the cells after its own label, so a damaged row cannot disturb another.

In a table that prints its rows a line each, label and numbers together, a line of numbers alone
after two or more labels printed without any (a PDF copy that moved some rows' numbers away from
their labels: 「属于三类内部事务信息」「本机关不掌握相关政府信息」, then 「1 0 0 0 0 0 1」) may be any of
their rows'. It is read as the last label's only where a rule across rows (R2, R3) that takes that
row in can be checked and holds; otherwise the row stays empty and is named.
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.schema import Table
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies.base import Strategy, arithmetic_confirms, arithmetic_holds
from gipr_desktop.io.text_import.tables import TableReading, find_rows, line_parts, lines, read_hits
from gipr_desktop.io.text_import.tokens import Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading:
    reading = TableReading()
    hits = find_rows(table, tokens, format_id, reading.notes)
    read_hits(table, hits, reading, known)
    if all(before.cells or not after.cells or table.row(before.row_id).optional for before, after in zip(hits, hits[1:])):
        return reading  # every label has numbers after it before the next, but a heading's (（六）其他处理
        # over its sub-rows): most tables
    guessed = [row_id for row_id in _after_other_labels(table, tokens, format_id) if row_id in reading.rows_found]
    if not guessed or (arithmetic_holds(table, reading.values) and arithmetic_confirms(table, reading.values, guessed)):
        return reading
    reading = TableReading()
    for hit in hits:
        if hit.row_id in guessed:
            hit.cells.clear()  # its label printed, its numbers not certain: named as such
    read_hits(table, hits, reading, known)
    return reading


def _after_other_labels(table: Table, tokens: Sequence[Token], format_id: str) -> list[str]:
    """The rows whose label is the last of two or more printed without numbers before a line of
    numbers alone, in a table that prints at least two rows label and numbers on one line."""
    whole, guessed, waiting = 0, [], []  # rows printed whole; the rows so followed; labels since the last numbers
    for line in lines(tokens):
        parts = line_parts(table, line, format_id)
        if parts.numbers >= 2 and not parts.labels and len(waiting) >= 2:
            guessed.append(waiting[-1])
        whole += parts.whole
        if parts.numbers:
            waiting = []
        elif parts.rows:
            waiting.append(parts.rows[-1])
    return guessed if whole >= 2 else []


STRATEGY = Strategy("行名后接各栏数字", frozenset({"groups", "grid"}), read)
