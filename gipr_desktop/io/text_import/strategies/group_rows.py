"""Table 四 printed as one row per group, each under its own label, as a spreadsheet or a
transposed copy prints it::

    行政复议	27	10	9	15	61
    行政诉讼 未经复议直接起诉	3	1	0	2	6
    行政诉讼 复议后起诉	1	0	0	0	1

Read only when every group is found with exactly its cells.
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.schema import Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.tables import TableReading, find_rows, fit, store
from gipr_desktop.io.text_import.tokens import Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    hits = {hit.row_id: hit for hit in find_rows(table, tokens, format_id, []) if hit.has_values}
    if not all(row.id in hits for row in table.rows):
        return None
    quiet: list[ImportNote] = []
    chosen = [fit(hits[row.id].cells, [(row.id, c) for c in row.columns], table, "", quiet) for row in table.rows]
    if quiet or any(cells is None for cells in chosen):
        return None
    reading = TableReading()
    for row, cells in zip(table.rows, chosen):
        reading.rows_found.add(row.id)
        store(cells, [(row.id, c) for c in row.columns], table, reading)
    return reading


STRATEGY = Strategy("每组一行，行名在前", frozenset({"single_row"}), read)
