"""Text copied out of a PDF viewer in reading order where, at a page break, the numbers of several
rows come in one run after the first row's label, and the other rows' labels follow the run::

    4.无正当理由大量反复申请
    0  0  0  0  0  0  0        ← its own numbers
    8  0  0  0  0  0  8        ← 5.要求行政机关确认…, whose label is printed below
    …
    147  1  0  0  0  0  148   ← （七）总计
    5.要求行政机关确认或重新出具已获取信息
    1.申请人无正当理由逾期不补正…
    …
    （七）总计

Rows are read label by label (``by_label``); a run of numbers as long as several rows is then
cut into rows of the table's width and given to the label before it and the row labels after it,
only where those labels are consecutive rows of the table, every row adds up (R1), and the whole
table still does, with a rule across rows (R2, R3) that takes them in checked and holding: each
row's own sum holds as well when every row is paired one off. Where every other row is read by
its own label, the numbers no row owns are the unread rows' and nobody else's: they are paired
in table order with no rule across rows (an original whose （七）总计 is wrong is read as printed,
and its checks say so), each row still adding up; a run one number short of its rows (a cell
printed blank, which such a copy keeps no trace of) is so read too, a row only where every place
of the blank that lets the rows add up gives it the same cells. The notes name the rows so read.

A row at the top of a page, its label among the words of the table's repeated header and its
numbers after them, may be printed with a cell out of its column's place::

    自然 / 人 / 四、结转下年度继续办理 / 商业 / 企业 / … / 其他
    2  0  0  0  0  6  4        ← 4 2 0 0 0 0 6, its 自然人 cell printed last

Such a row is read only in the order, as printed or with one cell moved, that its own sum and
the year's balance (R3), checked in every column, confirm; otherwise it stays empty and is named.
"""

from __future__ import annotations

from itertools import combinations
from typing import Callable, Sequence

from gipr_desktop.core.schema import CellRef, Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.numbers import BLANK, CellText
from gipr_desktop.io.text_import.strategies.base import Strategy, arithmetic_confirms, arithmetic_holds
from gipr_desktop.io.text_import import lost_blanks
from gipr_desktop.io.text_import.tables import (NOT_ADDING_UP, UNREAD, TableReading, _values, find_rows, is_header,
                                                 printed_rows, read_hits, row_label, rule_check, store)
from gipr_desktop.io.text_import.tokens import Label, LineEnd, Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    labelled = {row_id for token in tokens if isinstance(token, Label) and (row_id := row_label(table, token.text, format_id))}
    rows = printed_rows(table, labelled)
    width = len(rows[0].columns) if rows else 0
    if width < 2 or any(len(row.columns) != width for row in rows):
        return None
    place = {row.id: i for i, row in enumerate(rows)}
    pieces: list[tuple[str, str] | list[CellText]] = []  # row labels (row id, text) and runs of numbers
    headed: set[str] = set()  # rows whose label the header's words follow, then their numbers (at a page top)
    header_after: str | None = None  # the row whose label the header's words follow
    for token in tokens:
        if isinstance(token, LineEnd):
            continue
        if isinstance(token, Label):
            row_id = row_label(table, token.text, format_id)
            if row_id in place:
                pieces.append((row_id, token.text))
            elif pieces and not isinstance(pieces[-1], list) and is_header(table, token.text, format_id):
                header_after = pieces[-1][0]
            continue
        if token.blank:
            continue
        if not pieces or not isinstance(pieces[-1], list):
            if header_after is not None and pieces and pieces[-1][0] == header_after:
                headed.add(header_after)
            pieces.append([])
        pieces[-1].append(token)  # type: ignore[union-attr]
    if not any(isinstance(piece, list) and len(piece) > width for piece in pieces):
        return None  # no run of numbers longer than a row: every label has its own
    reading = TableReading()
    hits = find_rows(table, tokens, format_id, reading.notes)
    read_hits(table, hits, reading, known)  # as ``by_label`` reads it
    added: list[str] = []
    used: set[int] = set()  # the pieces of numbers paired
    for i, piece in enumerate(pieces):
        if not isinstance(piece, list) or len(piece) < 2 * width or len(piece) % width or i == 0:
            continue
        before = pieces[i - 1]
        if isinstance(before, list):
            continue
        count = len(piece) // width
        # the labels printed after the run, of rows below the first: the numbers keep the table's
        # row order, so a row above it (printed blank, its label late) owns none of the run
        after = [p[0] for p in pieces[i + 1:] if not isinstance(p, list) and place[p[0]] > place[before[0]]][: count - 1]
        names = [before[0], *after]
        if len(names) != count or [place[n] for n in names] != list(range(place[names[0]], place[names[0]] + count)):
            continue
        if any(name in reading.rows_found for name in names):
            continue
        chunks = [piece[k * width:(k + 1) * width] for k in range(count)]
        trial = _with(table, reading, names, chunks)
        if not arithmetic_holds(table, trial) or not arithmetic_confirms(table, trial, names):
            continue
        _pair(table, names, chunks, reading)
        added.extend(names)
        used.add(i)
    paired = set(added)
    reading.notes[:] = [note for note in reading.notes if note.row not in paired]  # read now; ``_forced`` clears its own
    added.extend(_forced(table, pieces, place, used, reading, headed))
    if not added:
        return None
    reading.notes.append(ImportNote(f"表「{table.title}」有 {len(added)} 行的数字印在一处、行名印在其后（PDF 转换所致），"
                                    f"已按表格行序配对：{'、'.join(table.row_name(name) for name in added)}；请核对", table.id))
    lost_blanks.place(table, hits, reading)  # the rows paired may be what the rows short of numbers add up to
    return reading


def _pair(table: Table, names: Sequence[str], chunks: Sequence[Sequence[CellText]], reading: TableReading) -> None:
    for name, chunk in zip(names, chunks):
        reading.rows_found.add(name)
        store(list(chunk), [(name, column) for column in table.row(name).columns], table, reading)


def _forced(table: Table, pieces: list, place: dict[str, int], used: set[int], reading: TableReading,
            headed: set[str]) -> list[str]:
    """The rows still unread, paired in table order with the numbers no row read by its label owns,
    where those numbers make exactly these rows: a reading-order copy keeps the numbers in the
    table's row order wherever it prints the labels, so nothing else is possible, no rule across
    rows need confirm the pairing, and none can where the original's own totals are wrong. Each
    row must still add up (R1), but for one row whose sum fails as printed (the original's error),
    left empty and named; a row printed with its own numbers after its label that do not add up
    keeps them, unread. One number short is one cell printed blank, a row's worth
    short whole rows printed blank (such a copy keeps no trace of them): they are tried in every
    place that lets each row add up and the rules across rows hold (a blank 总计 leaves its own row
    unchecked; a row blank in every cell adds 0), and a row is read only where every such place gives
    it the same cells; the others stay empty and are named. A row in ``headed`` (its label at a page
    top among the words of the repeated header, its own numbers after them) may be printed with its
    cells out of their columns' order (a copy of LibreOffice's PDF gives its 自然人 cell last): it is
    read only in the order the rules across rows confirm (``_ordered``), and named; where none is
    confirmed, left empty and named. Returns the rows so read."""
    labels = [piece[0] for piece in pieces if not isinstance(piece, list)]
    if len(labels) != len(set(labels)):
        return []  # a row labelled twice (its row quoted in the text too): the numbers' owners are not certain
    width = len(table.row(next(iter(place))).columns) if place else 0
    checks = {row_id: rule_check(table, [(row_id, column) for column in table.row(row_id).columns]) for row_id in place}

    def fails(row_id: str, cells: Sequence[CellText]) -> bool:
        return checks[row_id](_values(cells)) is False  # its own sum (R1) does not hold

    owners = {i: pieces[i - 1][0] for i, piece in enumerate(pieces)
              if isinstance(piece, list) and i and not isinstance(pieces[i - 1], list)}
    # a row not read whose label a row's numbers follow that do not add up: its own, refused as printed
    refused = {owner for i, owner in owners.items()
               if owner not in reading.rows_found and len(pieces[i]) == width and fails(owner, pieces[i])}
    # a row printed among a page's header's words, a row's numbers after them: its own, their order to be found
    placed = {owner: pieces[i] for i, owner in owners.items()
              if owner in headed and owner not in reading.rows_found and i not in used and len(pieces[i]) == width}
    unread = [row_id for row_id in place if row_id not in reading.rows_found | refused | placed.keys()]
    orphans: list[CellText] = []
    for i, piece in enumerate(pieces):
        if not isinstance(piece, list) or i in used or owners.get(i) in refused | placed.keys():
            continue
        owner = owners.get(i)
        if owner in reading.rows_found:
            if not _owns(table, owner, piece[:width], reading):
                return []  # a row read by its label from other numbers than these: nothing is certain
            piece = piece[width:]  # the numbers after a row read by its label's own (header words between)
        orphans.extend(piece)
    short = len(unread) * width - len(orphans)
    if not unread and placed:
        return _order_found(table, placed, reading, fails)
    if not unread or short < 0:
        return []
    readings = []
    failing: set[int] = set()  # rows of the one exact reading whose own sum fails as printed
    for cells in _with_blanks(orphans, short, len(unread), width):
        chunks = [cells[k * width:(k + 1) * width] for k in range(len(unread))]
        failed = {k for k, (name, chunk) in enumerate(zip(unread, chunks)) if fails(name, chunk)}
        if failed and (short or len(failed) > 1):
            continue  # a blank misplaced, or rows one off: more than the original's own slip
        if short and not arithmetic_holds(table, _with(table, reading, unread, chunks)):
            continue  # a blank 总计 leaves its row's sum unchecked: the rules across rows must hold
        failing = failed
        readings.append(chunks)
    read: list[str] = []
    said = unread if readings else []  # the rows the notes below name: their readers' notes go
    reading.notes[:] = [note for note in reading.notes if note.row not in said]
    missing = f"少 {short // width} 行的数字（整行原文空白）" if short > 1 and not short % width else f"少 {short} 个数字（原文空白）"
    for k, name in enumerate(unread):
        if k in failing:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(name)}：数字印在一处、行名印在其后，"
                                            f"按表格行序，{NOT_ADDING_UP}", table.id, name))
        elif readings and all(chunks[k] == readings[0][k] for chunks in readings):
            _pair(table, [name], [readings[0][k]], reading)
            read.append(name)
        elif readings:
            zero_or_blank = all(all(cell.blank or cell.value == 0 for cell in chunks[k]) for chunks in readings)
            why = "各栏为 0 还是原文空白无法判断" if zero_or_blank else "空白所在栏目无法确定"
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(name)}：数字印在一处、行名印在其后，"
                                            f"{missing}，{why}，{UNREAD}，请按原文填写", table.id, name))
    return read + _order_found(table, placed, reading, fails)


def _order_found(table: Table, placed: dict[str, list[CellText]], reading: TableReading,
                 fails: Callable[[str, Sequence[CellText]], bool]) -> list[str]:
    """The rows ``placed`` (row id: the numbers printed after its label under a page's header),
    each read in the order ``_ordered`` finds, the others left empty; all named. Returns those read."""
    read = []
    for name, printed in placed.items():
        cells = _ordered(table, reading, name, printed, fails)
        if cells is None:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(name)}：行名印在续页表头中间，"
                                            f"各栏次序无法按表内勾稽关系确定，{UNREAD}，请按原文填写", table.id, name))
            continue
        if len(set(_values(cells))) > 1:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(name)}：行名印在续页表头中间，"
                                            "各栏次序已按表内勾稽关系确定；请核对", table.id, name))
        _pair(table, [name], [cells], reading)
        read.append(name)
    return read


def _ordered(table: Table, reading: TableReading, name: str, printed: Sequence[CellText],
             fails: Callable[[str, Sequence[CellText]], bool]) -> list[CellText] | None:
    """The cells of row ``name``, ``printed`` in an order not certain, in the order, as printed or with
    one cell moved, in which the row adds up (R1) and the rules across rows hold on ``reading``,
    checked in every column but the total (``arithmetic_confirms``), which the row's own sum gives:
    those columns so fixed, no two orders of the same numbers pass. Cells all alike in any order.
    ``None`` where no order is so confirmed."""
    printed = list(printed)
    orders = {tuple(_values(printed)): printed}
    for i in range(len(printed)):
        rest = printed[:i] + printed[i + 1:]
        for j in range(len(printed)):
            if j != i:
                moved = [*rest[:j], printed[i], *rest[j:]]
                orders.setdefault(tuple(_values(moved)), moved)
    if len(orders) == 1:
        return None if fails(name, printed) else printed
    for cells in orders.values():
        values = _with(table, reading, [name], [cells])  # its own sum (R1) among the rules
        if arithmetic_holds(table, values) and arithmetic_confirms(table, values, [name], every_column=True):
            return cells  # checked in every column, these numbers can stand in no other order
    return None


MAX_BLANK_ROWS = 3  # whole rows printed blank tried among a page's rows: past this, too uncertain


def _with_blanks(cells: list[CellText], short: int, rows: int, width: int):
    """The numbers with the blanks a copy dropped put back, every way: none; one cell printed
    blank, in each place; or whole rows printed blank (``short`` a multiple of the width), each
    choice of rows."""
    if short == 0:
        yield cells
    elif short == 1:
        for gap in range(len(cells) + 1):
            yield [*cells[:gap], BLANK, *cells[gap:]]
    elif not short % width and short // width <= MAX_BLANK_ROWS:
        for blank in combinations(range(rows), short // width):
            row_cells = iter(cells[k * width:(k + 1) * width] for k in range(rows - len(blank)))
            yield [cell for k in range(rows) for cell in ([BLANK] * width if k in blank else next(row_cells))]


def _with(table: Table, reading: TableReading, names: Sequence[str], chunks: Sequence[Sequence[CellText]]) -> dict:
    """The values of ``reading`` with ``chunks`` in the rows ``names``: a blank cell not among them,
    a row blank in every cell adding 0 to every column (its 总计 too, the sum of its blanks)."""
    values = dict(reading.values)
    for name, chunk in zip(names, chunks):
        whole = all(cell.blank for cell in chunk)
        for cell, column in zip(chunk, table.row(name).columns):
            if whole or not cell.blank:
                values[CellRef(table.id, name, column.id)] = 0 if whole or cell.placeholder else cell.value
    return values


def _owns(table: Table, row_id: str, cells: Sequence[CellText], reading: TableReading) -> bool:
    """Whether ``reading`` holds in ``row_id`` the numbers ``cells`` print, one a column."""
    columns = table.row(row_id).columns
    return len(cells) == len(columns) and \
        [reading.values.get(CellRef(table.id, row_id, column.id)) for column in columns] == _values(cells)


STRATEGY = Strategy("PDF 复制文字：数字成段印在行名之前", frozenset({"grid"}), read)
