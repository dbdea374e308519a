"""The ways a table that exists only as text is printed, and which one reads a given table.

Each module here reads one printed layout and says which in its docstring, with an example;
``STRATEGIES`` lists them in the order they are tried, the layouts recognised by a distinct sign
first. Every strategy returns its reading of the table, or ``None`` when the text is not laid out
its way. The reading that finds the most rows wins, the earlier one on a tie (a reading of every
row ends the search); a later strategy never replaces an earlier reading it contradicts on a
cell both read. The import notes say which strategy read each table.

A new layout found in a real report gets its own module, a place in ``STRATEGIES``, and a real
text it reads (tests/fixtures/reports) named in ``STRATEGY_FIXTURES`` of tests/test_text_strategies.py.
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.notes import READ_BY, ImportNote
from gipr_desktop.core.schema import Table
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies import (
    blocks,
    by_label,
    detached,
    group_rows,
    headed_columns,
    headed_numbers,
    labels_after,
    layout_columns,
    one_row,
    regrouped,
    table_order,
)
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.tables import TableReading, header_word_rows
from gipr_desktop.io.text_import.tokens import Token

STRATEGIES: tuple[Strategy, ...] = (
    detached.STRATEGY,  # before by_label: where it applies, by_label pairs bare lines with the wrong label
    by_label.STRATEGY,
    headed_numbers.STRATEGY,
    table_order.STRATEGY,
    labels_after.STRATEGY,
    layout_columns.STRATEGY,
    blocks.STRATEGY,
    group_rows.STRATEGY,
    one_row.STRATEGY,
    headed_columns.STRATEGY,
    regrouped.STRATEGY,
)


def read_table(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None,
               said: bool = True) -> TableReading:
    """Read ``table`` from ``tokens`` with the strategy that reads it best; rows that cannot be
    read stay empty and are noted. ``known``: what the report's narrative and last year's report
    say of the cells, to split glued digits by. ``said``: whether the notes say which strategy
    read it (not for a document's own table, Word's or a web page's, whose cells are known)."""
    best: tuple[Strategy, TableReading] | None = None
    tokens = header_word_rows(table, tokens, format_id)
    for strategy in STRATEGIES:
        if table.layout not in strategy.layouts:
            continue
        reading = strategy.read(table, tokens, format_id, known)
        if reading is None:
            continue
        if best is None or (len(reading.rows_found) > len(best[1].rows_found) and _agree(best[1], reading)):
            best = (strategy, reading)
        if _complete(table, best[1]):
            break  # every row read: no later strategy can do better
    if best is None:
        return TableReading()
    strategy, reading = best
    if reading.rows_found and said:
        reading.notes.insert(0, ImportNote(f"表「{table.title}」按「{strategy.name}」读取", kind=READ_BY))
    return reading


def _agree(earlier: TableReading, later: TableReading) -> bool:
    return all(later.values[ref] == value for ref, value in earlier.values.items() if ref in later.values)


def _complete(table: Table, reading: TableReading) -> bool:
    """Whether every row is read (（六）其他处理 read as one row stands for its three sub-rows)."""
    found = reading.rows_found
    return all(row.id in found or (row.id.startswith("other_") and "other" in found)
               for row in table.rows if not row.optional)
