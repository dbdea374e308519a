"""Text copied out of a PDF viewer in reading order (``pdftotext``) where labels went astray:
the numbers still come row by row in the table's order, but some labels are printed before or
after their numbers, header words interleave, and every token may be on a line of its own::

    一、本年新收政府信息公开申请数量
    3001
    …
    3119
    二、上年结转政府信息公开申请数量
    34
    …
    34
    1288        ← （一）予以公开, whose label is printed further down
    21
    …

The numbers are read by the table's known shape alone: exactly as many as the table has cells,
cut into rows in the schema's order, and taken only where every row sum, column sum and the
balance of the year hold (R1–R3) and every window of the numbers that holds them reads the same.
Blank cells leave no trace in such a copy, so a table with any blank is not read this way.
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.schema import CellRef, Table
from gipr_desktop.io.text_import.numbers import CellText
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies.base import Strategy, arithmetic_holds
from gipr_desktop.io.text_import.tables import TableReading, store
from gipr_desktop.io.text_import.tokens import Token

MAX_SPARE = 3  # a section with more than three tables' worth of numbers is not one table in order


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    rows = [row for row in table.rows if not row.optional]
    slots = [(row.id, column) for row in rows for column in row.columns]
    numbers = [token for token in tokens if isinstance(token, CellText) and not token.blank]
    if not slots or not len(slots) <= len(numbers) <= MAX_SPARE * len(slots) or not table.rules:
        return None
    readings = {}
    for start in range(len(numbers) - len(slots) + 1):
        window = numbers[start:start + len(slots)]
        values = {CellRef(table.id, row_id, column.id): 0 if cell.placeholder else cell.value
                  for cell, (row_id, column) in zip(window, slots)}
        if arithmetic_holds(table, values):
            readings[tuple(values.values())] = window
    if len(readings) != 1:
        return None
    (window,) = readings.values()
    reading = TableReading()
    reading.rows_found.update(row.id for row in rows)
    store(window, slots, table, reading)
    return reading


STRATEGY = Strategy("PDF 复制文字：数字按表格行序，行名错位", frozenset({"grid"}), read)
