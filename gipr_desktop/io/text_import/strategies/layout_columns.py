"""Text of a PDF laid out in columns by spaces (``pdftotext -layout``, some viewers' copy) whose
table prints blank cells: a row then has fewer numbers than columns, and only where each number
stands tells its column::

    一、本年新收政府信息公开申请数量              821    35        0      0       2        1   859
         （一）予以公开                  258    12        0      0       1        1
    三、          1.属于国家秘密          14     0         0      0       0        0

Rows are read label by label (``by_label``); where rows printed with every column give each
column its place (where its numbers end), a row with fewer numbers has each of them put in the
column it stands under in the full rows printed nearest above and below it (a page may place the
columns elsewhere), the others kept empty as printed blank, only where every number is clearly
under one column, in order, both full rows agree, and the row still adds up (R1). A row printed
with every column whose sum fails as printed (an original's own wrong total, 「5 1 0 0 0 0 0」) is
read as printed where each of its numbers stands under its own column as the nearest full rows
that add up place them: none of them was then lost or moved, and the checks flag the total.

Where no two rows print every column (an original that prints a blank for every 0), the column
headers place the columns instead, as the nearest header above a row prints them: each column's
header is found by its first word (「自然」 of 「自然人」 over 「人」, 「商业」 of 「商业企业」), and a
number belongs to the column whose header it begins under — only where that is also the header
whose middle is nearest its own, and only where some row so read adds up (R1)::

                                         自然                      社会       法律
                                         商业        科研                          总计
                                  人                      公益       服务   其他
    一、本年新收政府信息公开申请数量              821    35                       2        1   859
         （一）予以公开                  258    12                       1        1
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from gipr_desktop.core.labels import normalize
from gipr_desktop.core.schema import Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.numbers import BLANK, CellText
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.strategies.by_label import read as by_label
from gipr_desktop.io.text_import.tables import TableReading, lines, rule_check, row_label, store
from gipr_desktop.io.text_import.tokens import Label, Token

MIN_FULL_ROWS = 2  # rows printed with every column, to place the columns by
SLACK = 2  # characters a number may stand off its column's place


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    rows = [row for row in table.rows if not row.optional]
    width = len(rows[0].columns) if rows else 0
    if width < 2 or any(len(row.columns) != width for row in rows):
        return None
    printed = []  # (row id or None, placed numbers) per line
    for line in lines(tokens):
        labels = [token for token in line if isinstance(token, Label)]
        cells = [token for token in line if isinstance(token, CellText) and not token.blank]
        row_id = row_label(table, labels[-1].text, format_id) if labels else None
        printed.append((row_id, cells if cells and all(cell.end >= 0 for cell in cells) else []))
    full = [i for i, (_, cells) in enumerate(printed) if len(cells) == width]
    reading = by_label(table, tokens, format_id, known)
    unread_full = [i for i in full if printed[i][0] is not None and printed[i][0] not in reading.rows_found]
    if not any(0 < len(cells) < width for _, cells in printed) and not unread_full:
        return None
    if len(full) >= MIN_FULL_ROWS:
        def placed_at(i: int, cells: list[CellText]) -> tuple[list[CellText] | None, object]:
            return _placed(cells, [printed[j][1] for j in _nearest(full, i)]), None
    else:
        headers = _headers(table, lines(tokens))
        if not any(headers):
            return None

        def placed_at(i: int, cells: list[CellText]) -> tuple[list[CellText] | None, object]:
            header = headers[i]
            return (under_headers(cells, header[1]) if header else None), header[0] if header else -1
    found = []  # (row id, its cells as placed, their slots, what placed them)
    confirmed = {None}  # what placed a row that adds up (R1): the full rows are trusted as they are
    as_printed: list[str] = []  # full rows that do not add up, each number under its column
    pending: str | None = None  # a row label printed without numbers: its numbers may be on the next line
    for i, (row_id, cells) in enumerate(printed):
        if row_id is not None and not cells:
            pending = row_id
            continue
        target = row_id if row_id is not None else pending
        pending = None
        if target is None or target in reading.rows_found or not 0 < len(cells) <= width:
            continue
        if len(cells) == width:  # a full row by_label refused: its sum fails as printed
            if not _in_their_columns(table, i, printed, full):
                continue
            found.append((target, cells, [(target, column) for column in table.row(target).columns], None))
            as_printed.append(target)
            continue
        placed, by = placed_at(i, cells)
        if placed is None:
            continue
        slots = [(target, column) for column in table.row(target).columns]
        verdict = rule_check(table, slots)([None if c.blank else 0 if c.placeholder else c.value for c in placed])
        if verdict is False:
            continue
        if verdict:
            confirmed.add(by)
        found.append((target, placed, slots, by))
    added = []
    for target, placed, slots, by in found:
        if by not in confirmed or target in reading.rows_found:
            continue  # a header no row's sum confirms places no column
        reading.notes[:] = [note for note in reading.notes if note.row != target]
        reading.rows_found.add(target)
        store(placed, slots, table, reading)
        added.append(target)
    if not added:
        return None
    blanks = [row_id for row_id in added if row_id not in as_printed]
    if blanks:
        reading.notes.append(ImportNote(f"表「{table.title}」有 {len(blanks)} 行印有空白栏，已按各数字所在的栏位读取："
                                        f"{'、'.join(table.row_name(row_id) for row_id in blanks)}；请核对", table.id))
    for row_id in as_printed:
        if row_id in added:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row_id)}：各栏数字与总计不符（应是原文如此），"
                                            "各数字都在其栏位上，按原样读取，请核对", table.id, row_id))
    return reading


def _in_their_columns(table: Table, i: int, printed: list, full: list[int]) -> bool:
    """Whether every number of the full row on line ``i`` stands under its own column as the full
    rows that add up (R1), printed nearest above and below it, place the columns: then none of its
    numbers was lost or moved, whatever its sum."""
    sound = [j for j in full if j != i and printed[j][0] is not None and rule_check(
        table, [(printed[j][0], column) for column in table.row(printed[j][0]).columns])(
        [0 if c.placeholder else c.value for c in printed[j][1]])]
    placed = _placed(printed[i][1], [printed[j][1] for j in _nearest(sound, i)])
    return placed is not None and all(cell is not BLANK for cell in placed)


def _nearest(full: list[int], i: int) -> list[int]:
    """The full rows printed nearest above and below line ``i`` (a page further on may place the
    columns elsewhere)."""
    at = bisect_left(full, i)
    return full[max(at - 1, 0):at] + full[at:at + 1]


def _placed(cells: list[CellText], beside: list[list[CellText]]) -> list[CellText] | None:
    """The row as the full rows beside it place its numbers: only where those that place all of
    them place them alike."""
    found = {}
    for full in beside:
        places = [cell.end for cell in full]
        if any(b - a <= SLACK for a, b in zip(places, places[1:])):
            continue
        row = _place(cells, places)
        if row is not None:
            found[tuple(cell is BLANK for cell in row)] = row
    return next(iter(found.values())) if len(found) == 1 else None


def _place(cells: list[CellText], places: list[float]) -> list[CellText] | None:
    """The row with each of ``cells`` in the column it stands under and blanks elsewhere, or
    ``None`` when a number is under no column, or two under one."""
    row: list[CellText] = [BLANK] * len(places)
    last = -1
    for cell in cells:
        near = [j for j, place in enumerate(places) if abs(cell.end - place) <= SLACK]
        if len(near) != 1 or near[0] <= last:
            return None
        last = near[0]
        row[last] = cell
    return row


def _headers(table: Table, printed: Sequence[Sequence[Token]]) -> list[tuple[int, list[tuple[int, int]]] | None]:
    """Per printed line, the nearest header above it: its line, and where it prints each column (the
    begin and end of its header's first word); ``None`` where no header above names every column once."""
    names = [normalize(column.label) for column in table.rows[0].columns]
    found: dict[int, list[tuple[int, int]]] = {}  # column -> its header words, of the header being printed
    current: tuple[int, list[tuple[int, int]]] | None = None
    placed: list[tuple[int, list[tuple[int, int]]] | None] = []
    for at, line in enumerate(printed):
        for token in line:
            if isinstance(token, Label) and token.starts:
                for word, start in zip(token.text.split(), token.starts):
                    key = normalize(word)
                    columns = [j for j, name in enumerate(names) if name == key or len(key) >= 2 and name.startswith(key)]
                    if len(columns) == 1:
                        found.setdefault(columns[0], []).append((start, start + len(word)))
        if found and any(isinstance(token, CellText) and not token.blank for token in line):
            words = [found.get(j, []) for j in range(len(names))]
            places = [word[0] for word in words] if all(len(word) == 1 for word in words) else None
            in_order = places is not None and all(a[0] < b[0] for a, b in zip(places, places[1:]))
            current = (at, places) if in_order else None
            found = {}
        placed.append(current)
    return placed


def under_headers(cells: list[CellText], headers: list[tuple[int, int]]) -> list[CellText] | None:
    """The row with each of ``cells`` in the column whose header it begins under, blanks elsewhere;
    ``None`` where a number stands before the first header, or another header's middle is nearer
    its own, or two stand under one."""
    row: list[CellText] = [BLANK] * len(headers)
    last = -1
    for cell in cells:
        begin = cell.end - len(cell.text)
        under = [j for j, (start, _) in enumerate(headers) if start - SLACK <= begin]
        middle = (begin + cell.end) / 2
        nearest = min(range(len(headers)), key=lambda j: abs(sum(headers[j]) / 2 - middle))
        if not under or under[-1] != nearest or nearest <= last:
            return None
        last = nearest
        row[last] = cell
    return row


STRATEGY = Strategy("pdftotext -layout 分栏文字：按栏位读取", frozenset({"grid"}), read)
