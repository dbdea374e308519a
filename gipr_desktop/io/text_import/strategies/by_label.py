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
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.schema import Table
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.tables import TableReading, find_rows, read_hits
from gipr_desktop.io.text_import.tokens import Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading:
    reading = TableReading()
    read_hits(table, find_rows(table, tokens, format_id, reading.notes), reading, known)
    return reading


STRATEGY = Strategy("行名后接各栏数字", frozenset({"groups", "grid"}), read)
