"""Table 二 copied out of a PDF viewer in reading order where a row's label is printed apart from
its numbers by its group's column headers: the headers, the numbers, then the label::

    第二十条第（八）项
    信息内容
    上一年项目数量
    本年增/减
    35
    0
    行政事业性收费     ← its label, after its numbers, nothing after it
    第二十条第（九）项

or its label first, then its columns' headers, then its numbers::

    行政事业性收费
    上一年项目数量
    本年增/减
    35
    -15

Rows are read label by label (``by_label``); a row whose label is followed by no number of its
own is then given the numbers printed just before it or after its headers, only where they are
exactly as many as its columns, come straight after the header of its last column, text (or
nothing) follows them, and no other row's label is so placed to them — nor printed, as bare,
right after it (one of the two rows then printed blank, and the copy cannot say which). Its own
group's caption may stand between such numbers and the label (the group's first row)::

    上一年项目数量
    本年增/减
    处理决定数量
    72
    0
    0
    第二十条第（五）项
    信息内容
    行政许可

Table 二 has no arithmetic to confirm this by, so the notes name every row so read.
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.labels import normalize
from gipr_desktop.core.schema import Row, Table
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.numbers import CellText
from gipr_desktop.io.text_import.strategies.base import Strategy, read_apart_note
from gipr_desktop.io.text_import.strategies.by_label import read as by_label
from gipr_desktop.io.text_import.tables import TableReading, row_label, store
from gipr_desktop.io.text_import.tokens import Label, LineEnd, Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    printed = [token for token in tokens if not isinstance(token, LineEnd)
               and not (isinstance(token, CellText) and token.blank)]
    claims: dict[int, set[str]] = {}  # where a row's numbers begin: the rows that may own them
    for i, token in enumerate(printed):
        row_id = row_label(table, token.text, format_id) if isinstance(token, Label) else None
        if row_id is None or (i + 1 < len(printed) and isinstance(printed[i + 1], CellText)):
            continue  # no row's label, or its own numbers follow it
        for start in _spans(table, table.row(row_id), printed, i):
            claims.setdefault(start, set()).add(row_id)
            if start < i:  # numbers before the label: the label printed next, as bare, may own them too
                claims[start].update(_bare_next(table, printed, i, format_id, len(table.row(row_id).columns)))
    owned = {start: next(iter(rows)) for start, rows in claims.items() if len(rows) == 1}
    if not owned:
        return None
    reading = by_label(table, tokens, format_id, known)
    added: list[str] = []
    for start, row_id in sorted(owned.items()):
        if row_id in reading.rows_found or list(owned.values()).count(row_id) > 1:
            continue
        columns = table.row(row_id).columns
        reading.notes[:] = [note for note in reading.notes if note.row != row_id]
        reading.rows_found.add(row_id)
        store(printed[start:start + len(columns)], [(row_id, column) for column in columns], table, reading)  # type: ignore[arg-type]
        added.append(row_id)
    if not added:
        return None
    reading.notes.append(read_apart_note(table, added, "隔着栏目名称印刷", "栏目"))
    return reading


def _bare_next(table: Table, printed: list[Token], at: int, format_id: str, width: int) -> set[str]:
    """The row labelled right after the label at ``at`` where no number of its own follows it and it
    has ``width`` columns, as that row has (「规章」「行政规范性文件」 after 0 0 0: one of the two rows
    printed blank)."""
    after = printed[at + 1] if at + 1 < len(printed) else None
    other = row_label(table, after.text, format_id) if isinstance(after, Label) else None
    if other is None or (at + 2 < len(printed) and isinstance(printed[at + 2], CellText)):
        return set()
    return {other} if len(table.row(other).columns) == width else set()


def _spans(table: Table, row: Row, printed: list[Token], at: int) -> list[int]:
    """Where the numbers of the row labelled at ``at`` may begin: straight after its label and the
    headers of all its columns, or straight after its last column's header and just before its label
    (or before its own group's caption and the row header printed just before its label, 「第二十条第
    （五）项」「信息内容」); in both, exactly as many numbers as it has columns, with text (or nothing)
    after them."""
    columns = row.columns
    count = len(columns)
    headers = [normalize(column.label) for column in columns]
    captions = {normalize(table.row_header)} | {normalize(g.label) for g in table.groups if g.id == row.group}

    def numbers_at(start: int) -> bool:
        end = start + count
        return (start >= 0 and end <= len(printed) and all(isinstance(t, CellText) for t in printed[start:end])
                and (end == len(printed) or isinstance(printed[end], Label)))

    spans = []
    after = printed[at + 1:at + 1 + count]
    if len(after) == count and all(isinstance(t, Label) and normalize(t.text) == h for t, h in zip(after, headers)):
        if numbers_at(at + 1 + count):
            spans.append(at + 1 + count)
    label = at
    while label > 0 and isinstance(printed[label - 1], Label) and normalize(printed[label - 1].text) in captions:
        label -= 1
    before = label - count
    if before >= 1 and numbers_at(before) and isinstance(printed[before - 1], Label) \
            and normalize(printed[before - 1].text) == headers[-1]:
        spans.append(before)
    return spans


STRATEGY = Strategy("PDF 复制文字：表二行名与数字隔着栏目名称", frozenset({"groups"}), read)
