"""Finding the rows of one schema table in a token stream and reading their cells: the pieces
the text strategies (package ``strategies``, one module per printed layout) are made of.

Numbers are anchored to the row label printed before them, never to a position in the whole
table: a missing, extra or comma-grouped number can only disturb its own row, and a row whose
numbers cannot be placed stays empty and is named in the notes. Where the schema gives the row an
arithmetic rule (R1 for applications, R4 for review and litigation), the rule chooses between
readings and splits digit runs that extraction glued together ("801000081").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from itertools import combinations
from typing import Callable, Sequence

from gipr_desktop.core.labels import (IN_ITS_PLACE, MAX_LABEL, match_row_in, normalize, numbered, similar_rows, similarity,
                                      strip_ordinal)
from gipr_desktop.core.schema import CellRef, Column, Row, Table, get_format
from gipr_desktop.core.values import ValueRefused, checked_value
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.repeated_runs import stretched
from gipr_desktop.io.text_import.numbers import CellText, in_column_unit, one_cell, read_cell, split_digit_run
from gipr_desktop.io.text_import.tokens import Label, LineEnd, Token, Tokens

Values = list  # list[int | Decimal | None], one per column
Slot = tuple[str, Column]  # (row id, column)


@dataclass
class RowHit:
    """A row label found in the stream, and the cells printed after it."""

    row_id: str  # "" for text no row's label, until ``_in_order`` places it by where it stands (or drops it)
    label: str
    cells: list[CellText] = field(default_factory=list)
    similar: bool = False  # the label is like the row's, not the same: taken by its place in the table
    texts: str = ""  # of text no row's label (``row_id`` ""): all its lines, run together

    @property
    def has_values(self) -> bool:
        for cell in self.cells:  # a loop, not any(): asked of every row of every reading, often
            if not cell.blank:
                return True
        return False


@dataclass
class TableReading:
    """What was read of one table: cell values, and notes on what could not be read."""

    values: dict[CellRef, int | Decimal] = field(default_factory=dict)
    notes: list[ImportNote] = field(default_factory=list)
    rows_found: set[str] = field(default_factory=set)
    placeholders: int = 0
    blank: dict[str, list[str]] = field(default_factory=dict)  # row id -> ids of the columns printed blank
    labelled: set[str] = field(default_factory=set)  # the rows whose label is printed, read or not


@cache
def _headers(format_id: str, table_id: str) -> frozenset[str]:
    """The table's column headers, folded: 「其他」「总计」 printed alone are headers, not rows."""
    table = get_format(format_id).table(table_id)
    return frozenset(normalize(column.label) for row in table.rows for column in row.columns)


@cache
def _header_rows(format_id: str, table_id: str) -> dict[str, str]:
    """The rows whose label without its ordinal is also a column header (「总计」: the row （七）总计 and
    the last column), by that word folded."""
    table = get_format(format_id).table(table_id)
    headers = _headers(format_id, table_id)
    return {key: row.id for row in table.rows if (key := strip_ordinal(normalize(row.label))) in headers}


def header_word_rows(table: Table, tokens: Sequence[Token], format_id: str) -> Sequence[Token]:
    """``tokens`` with a line that begins with such a word and goes on with exactly its row's numbers
    (「总计」 and 33 2 0 0 0 0 35 between tabs or bars, a table printing the row without 「（七）」) made
    that row's line: a column header is never followed on its own line by a row's numbers. A line laid
    out in columns by spaces (``pdftotext -layout``) is left to be read by its columns' places."""
    rows = _header_rows(format_id, table.id)
    if not rows or not isinstance(tokens, Tokens):
        return tokens
    rewritten = {}  # index in ``tokens.lines``: the line made its row's
    shortest = 1 + min(len(table.row(row_id).columns) for row_id in rows.values())  # the label and its numbers
    for index, line in enumerate(tokens.lines):
        if len(line) < shortest:
            continue  # too short to be such a row's (most lines of a copy printing a cell a line)
        made = _header_word_row(table, rows, line)
        if made is not None:
            rewritten[index] = made
    if not rewritten:
        return tokens
    result = Tokens()
    result.lines = [rewritten.get(index, line) for index, line in enumerate(tokens.lines)]
    printed = iter(result.lines)
    at_line_start = True
    for token in tokens:  # each printed line's tokens, then its LINE_END; a line without tokens only the latter
        if isinstance(token, LineEnd):
            result.append(token)
            at_line_start = True
        elif at_line_start:
            result.extend(next(printed))
            at_line_start = False
    return result


def _header_word_row(table: Table, rows: dict[str, str], line: Sequence[Token]) -> tuple[Token, ...] | None:
    """``line`` as its row's, where it begins (after blank cells) with a header word that is a row's
    label and goes on with exactly that row's numbers, not laid out in columns; else None."""
    at = 0
    while at < len(line) and isinstance(line[at], CellText) and line[at].blank:
        at += 1
    if at == len(line) or not isinstance(line[at], Label):
        return None
    row_id = rows.get(normalize(line[at].text))
    if row_id is None or len(line) - at - 1 != len(table.row(row_id).columns):
        return None
    numbers = line[at + 1:]
    if laid_out(numbers) or not all(isinstance(t, CellText) and not t.blank for t in numbers):
        return None
    return (*line[:at], Label(table.row(row_id).label, line[at].starts), *numbers)


@cache
def _header_pieces(format_id: str, table_id: str) -> frozenset[str]:
    """Runs of two or more characters of the table's column headers and captions that are in no
    row's label, folded: 「企业」 of 「商业企业」 printed on a line of its own."""
    table = get_format(format_id).table(table_id)
    heads = {column.label for row in table.rows for column in row.columns} | _captions(table)
    return frozenset(_runs(heads) - _runs({row.label for row in table.rows} | {a for row in table.rows for a in row.aliases}))


def _captions(table: Table) -> set[str]:
    """The table's words above and beside its cells that are neither a row's nor a column's: group
    captions (「第二十条第（一）项」), the row header, the corner."""
    return {group.label for group in table.groups} | {table.row_header, table.corner}


@cache
def _group_captions(format_id: str, table_id: str) -> tuple[str, ...]:
    return tuple(sorted({normalize(group.label) for group in get_format(format_id).table(table_id).groups}))


@lru_cache(maxsize=16384)
def _other_text(format_id: str, table_id: str, text: str) -> tuple[bool, bool, bool]:
    """What text no row's label is to a table, asked once per text and table in a program run: a
    group's caption (「第二十条第（九）项」: the rows above it are another group's), whole or with the
    group's header words after it on its line (a copy run onto one line: 「第二十条第（九）项 信息内容
    采购项目数量 采购总金额」); text numbered as a sub-row is (``numbered``); a piece of the header
    (``_is_header_piece``)."""
    return (normalize(text).startswith(_group_captions(format_id, table_id)), numbered(text),
            _is_header_piece(format_id, table_id, text))


def _is_header_piece(format_id: str, table_id: str, text: str) -> bool:
    return len(text) <= MAX_LABEL and normalize(text) in _header_pieces(format_id, table_id)


def is_header(table: Table, text: str, format_id: str) -> bool:
    """Whether ``text`` is a word of the table's column header, whole or a piece of it (「企业」)."""
    return _label_of(format_id, table.id, text)[1] or _is_header_piece(format_id, table.id, text)


@cache
def _table_fragments(format_id: str, table_id: str) -> tuple[frozenset[str], int]:
    """Every run of two or more characters of the table's printed words (header words at each
    level, group captions, the row header, the corner, row labels), folded; and the longest."""
    table = get_format(format_id).table(table_id)
    words = table.labels() | _captions(table)
    words |= {alias for row in table.rows for alias in row.aliases}
    return frozenset(_runs(words)), max((len(normalize(word)) for word in words), default=0)


def _runs(words) -> set[str]:
    """Every run of two or more characters of ``words``, folded."""
    keys = {normalize(word) for word in words} - {""}
    return {key[i:j] for key in keys for i in range(len(key)) for j in range(i + 2, len(key) + 1)}


TABLE_LINE_COVER = 2 / 3  # a line this much made of runs of the table's words is the table, printed as text
_SENTENCE = re.compile(r"[，。；,;]")


def is_table_line(table: Table, line: str, format_id: str) -> bool:
    """Whether ``line`` is a piece of the table printed as text, not a sentence of the section: a
    run of figures (「3   0   0   0   0   0   3」), a row's label with figures (「规章   22   235」), or, without a sentence's
    punctuation, words of the table's header and labels, whole or cut at a cell's edge
    (「第二十条第（一）项信息内容本年新制作数量本年新公开」, 「于第三项加第四项之和）  自然  社会」)."""
    parts = line.split()
    words = [part for part in parts if read_cell(part) is None]
    figures = len(parts) - len(words)
    if figures >= 3 and figures * 2 >= len(parts):
        return True
    if figures and words and match_row_in(table, "".join(words), format_id) is not None:
        return True
    key = normalize(line)
    if not key or _SENTENCE.search(line):
        return False
    runs, longest = _table_fragments(format_id, table.id)
    covered, at = 0, 0
    while at < len(key):
        length = next((n for n in range(min(longest, len(key) - at), 1, -1) if key[at:at + n] in runs), 0)
        covered += length
        at += length or 1
    return covered >= len(key) * TABLE_LINE_COVER


def printed_rows(table: Table, labelled: set[str]) -> list[Row]:
    """The rows of ``table`` a copy prints, given the rows whose labels it prints (``labelled``): the
    rows every report prints, and an optional row that stands for others (2021's （六）其他处理 printed
    as one row, a rule's ``alternatives``) in their place, where its label is printed and none of theirs."""
    rows = [row for row in table.rows if not row.optional]
    for rule in table.rules:
        for combined, replaced in rule.alternatives:
            at = [i for i, row in enumerate(rows) if row.id in replaced]
            if combined in labelled and at and labelled.isdisjoint(replaced):
                rows[at[0]:at[-1] + 1] = [table.row(combined)]
    return rows


def row_label(table: Table, text: str, format_id: str) -> str | None:
    """The row whose label ``text`` is; a column header printed alone (「其他」, 「总计」, where
    a PDF copy prints the headers among the numbers) is no row's label."""
    return _label_of(format_id, table.id, text)[0]


def _label_of(format_id: str, table_id: str, text: str) -> tuple[str | None, bool, str]:
    """What printed text is to a table: the row whose label it is (or ``None``), whether it is a
    column header, and the one row a damaged label is like (``core.labels.similar_rows``; "" for
    none, for a header or for a row's own label). Asked once per label and table in a program
    run, as the labels are matched."""
    if len(text) > MAX_LABEL:
        return _label(format_id, table_id, text)
    return _label_cached(format_id, table_id, text)


@lru_cache(maxsize=16384)
def _label_cached(format_id: str, table_id: str, text: str) -> tuple[str | None, bool, str]:
    return _label(format_id, table_id, text)


def _label(format_id: str, table_id: str, text: str) -> tuple[str | None, bool, str]:
    if normalize(text) in _headers(format_id, table_id):
        return None, True, ""
    table = get_format(format_id).table(table_id)
    row_id = match_row_in(table, text, format_id)
    if row_id is not None:
        return row_id, False, ""
    similar = similar_rows(table, text, format_id)
    if not similar or (len(similar) > 1 and similar[1][1] > similar[0][1] - 0.05):
        return None, False, ""
    return None, False, similar[0][0]


def _in_order(table: Table, format_id: str, hits: list[RowHit], notes: list[ImportNote]) -> list[RowHit]:
    """The hits, less those taken by similarity that do not sit between the rows printed before
    and after them in the table's order. Text no row's label that stands where one row only of the
    table can be, between the rows printed before and after it, is that row's label where it is
    like it (``IN_ITS_PLACE``: 「行政事业型收费」 after 行政强制, 「补正后申请某某仍不明确」 between 2. and
    （五）1.); other such text is no label, and numbers printed after it are named unread."""
    order = _order(format_id, table.id)
    rows = list(order)
    kept = []
    for i, hit in enumerate(hits):
        if hit.similar:
            if not (hit.row_id or hit.cells):
                continue  # text with nothing after it: nothing to read, nothing to say
            after = next((order[h.row_id] for h in hits[i + 1:] if not h.similar), len(order))
            before = next((order[h.row_id] for h in reversed(hits[:i]) if not h.similar), -1)
            if not hit.row_id:
                gap = rows[before + 1:after]
                if len(gap) == 1 and similarity(table, hit.label, format_id, gap[0]) >= IN_ITS_PLACE:
                    hit.row_id = gap[0]
                else:
                    if hit.has_values and len(hit.label) <= 40:
                        notes.append(ImportNote(f"表「{table.title}」中「{hit.label}」不是可识别的行名，其后的数字未读取", table.id))
                    continue
            if not before < order[hit.row_id] < after:
                continue
        kept.append(hit)
    return kept


@cache
def _order(format_id: str, table_id: str) -> dict[str, int]:
    return {row.id: i for i, row in enumerate(get_format(format_id).table(table_id).rows)}


def find_rows(table: Table, tokens: Sequence[Token], format_id: str, notes: list[ImportNote]) -> list[RowHit]:
    """The row labels of ``table`` in ``tokens``, each with the cells after it. Text that is not
    a row label ends the cells of the row before it, once that row has a value; a column header
    ends it at once, and so do a group's caption and text numbered as a row is (「3.补正后申请某某仍不明确」,
    a label damaged); the rest of a label broken over two lines does not, and lines of text that
    are no label each but one together (a label cut over lines) are that row's label. Numbers after text that
    is neither a row label nor a column header (a PDF copy prints the headers among the numbers)
    are named in the notes as unread."""
    hits: list[RowHit] = []
    current: RowHit | None = None
    headed = table.layout == "single_row"  # table 四's groups are each printed above their own headers
    order = _order(format_id, table.id)
    cells: list[CellText] = []  # the cells of the current row
    valued = False
    placed: str | None = None  # the last row found by its label
    for token in tokens:
        if isinstance(token, CellText):
            if current is not None:
                cells.append(token)
                valued = valued or not token.blank
        elif isinstance(token, Label):
            row_id, header, like = _label_of(format_id, table.id, token.text)
            if row_id is None and current is not None and current.texts:
                # a label cut over lines: a page saved as text prints 「3.」「危及」「“」「三安全一稳定」「”」 each
                # on a line, as its markup cut the cell; 「3.」「其他」 is the row, not the column header 「其他」;
                # a copy laid out in columns prints the numbers beside the label's first line. Its pieces,
                # not its printed line, make it: taken by its place in the table, as a damaged label is
                joined = _label_of(format_id, table.id, current.texts + token.text)[0]
                if joined is not None:
                    current.row_id, current.label, current.similar = joined, current.texts + token.text, True
                    if not valued:
                        cells.clear()  # blank pieces between the label's own: no cells of its row
                    continue
            # a damaged label is taken for the row it is like only after the row before it
            similar = like if like and not (placed is not None and order[like] <= order[placed]) else ""
            if row_id is not None or similar:
                current = RowHit(row_id or similar, token.text, similar=bool(similar))
                cells = current.cells
                valued = False  # current.has_values, kept as its cells come
                hits.append(current)
                placed = current.row_id
            else:
                caption, numbered_, piece = _other_text(format_id, table.id, token.text)
                if current is not None and (valued or not headed and header or numbered_ or caption):
                    current = None  # a column header after a label: the row's numbers are printed elsewhere;
                    # a label that cannot be read (damaged): the numbers after it are its row's
                words = header or caption or piece
                if current is not None and not current.row_id:  # text after text, before any number
                    if words:  # the header's: the text before is no label
                        current = None
                        hits.pop()
                    else:
                        current.label = token.text  # the last text is the label
                        current.texts += token.text
                elif current is None and not words:
                    current = RowHit("", token.text, similar=True, texts=token.text)  # a label damaged, or no label: ``_in_order``
                    cells = current.cells
                    valued = False
                    hits.append(current)
    return _in_order(table, format_id, hits, notes)


def rule_check(table: Table, slots: Sequence[Slot]) -> Callable[[Values], bool | None]:
    """A test of a reading against the table's row-sum rules: True, False, or None (cannot tell:
    the total is blank)."""
    checks = _row_sums(table, tuple([(row_id, column.id) for row_id, column in slots]))

    def verdict(values: Values) -> bool | None:
        if not checks:
            return None
        known = False
        for total, parts in checks:
            expected = values[total]
            if expected is None:
                continue
            known = True
            added = 0
            for p in parts:  # a loop, not sum() of a generator: asked of every row a reading tries
                if values[p]:
                    added += values[p]
            if expected != added:
                return False
        return True if known else None

    verdict.has_rules = bool(checks)  # type: ignore[attr-defined]
    return verdict


def _row_sums(table: Table, slots: tuple[tuple[str, str], ...]) -> list[tuple[int, list[int]]]:
    """The row sums of ``table`` among ``slots`` (row id, column id): the place of each total and of
    its parts; worked out once per table and slots."""
    known = _memo(table, "row sums")
    if slots in known:
        return known[slots]
    position = {slot: i for i, slot in enumerate(slots)}
    checks = []
    for rule in table.rules:
        if rule.kind != "row_sum":
            continue
        for row_id in dict.fromkeys(r for r, _ in slots):
            if (row_id, rule.total) in position and all((row_id, p) in position for p in rule.parts):
                checks.append((position[(row_id, rule.total)], [position[(row_id, p)] for p in rule.parts]))
    known[slots] = checks
    return checks


_MEMO: dict[int, tuple[Table, dict[str, dict]]] = {}
MEMO_TABLES = 256  # the schema has six tables; past this many (tables a test made), all are forgotten


def _memo(table: Table, what: str) -> dict:
    """Where ``what`` is kept once worked out for ``table`` (its row sums; its rows' widths, slots,
    names and sum checks), by the table's identity: a ``Table`` hashes by all its rows and columns,
    too slowly to be asked per row. The table is kept with it, so that its id is never another's."""
    entry = _MEMO.get(id(table))
    if entry is None:
        if len(_MEMO) >= MEMO_TABLES:
            _MEMO.clear()
        entry = _MEMO[id(table)] = (table, {})
    return entry[1].setdefault(what, {})


def _values(cells: Sequence[CellText]) -> Values:
    """The values of ``cells`` as a reading holds them: a blank unknown, a placeholder 0."""
    return [None if cell.blank else 0 if cell.placeholder else cell.value for cell in cells]


def _adds_up(verdict: Callable[[Values], bool | None], cells: Sequence[CellText], slots: Sequence[Slot]) -> bool | None:
    """``verdict`` on the values of ``cells`` their columns may hold; a value a cell may not hold
    is unknown (it is refused and named when stored) and cannot tell a reading wrong."""
    if not verdict.has_rules:  # type: ignore[attr-defined]
        return None  # no sum to check: whatever the cells hold
    return verdict(_held_values(_values(cells), slots))


def _held_values(values: Values, slots: Sequence[Slot]) -> Values:
    held: Values = []
    for value, (_, column) in zip(values, slots):
        try:
            held.append(None if value is None else checked_value(column.kind, value))
        except ValueRefused:
            held.append(None)
    return held


def _stretched(cells: Sequence[CellText], slots: Sequence[Slot], table: Table, where: str, notes: list[ImportNote],
               row_id: str, verdict: Callable[[Values], bool | None]) -> list[CellText] | None:
    """A row of a copy that printed each run of equal lines once, each number stretched over the
    cells it stands for (``repeated_runs``), where the row's own sum lets it be stretched but one way."""
    fits = _fitting(slots)
    has_rules = verdict.has_rules  # type: ignore[attr-defined]
    ways = stretched(_values(cells), len(slots), lambda way: fits(way) and verdict(way) is not False)
    printed = f"{where}：只印有 {len(cells)} 个数字，应有 {len(slots)} 栏（本文件连续相同的行只印一次"
    if len(ways) != 1:
        notes.append(ImportNote(f"{printed}），{'有多种' if ways else '没有'}符合{'行内勾稽关系' if has_rules else '各栏'}的读法，"
                                f"{UNREAD}", table.id, row_id))
        return None
    how = "本行总计等于各栏之和" if has_rules else "各数字依次所占的栏数"
    notes.append(ImportNote(f"{printed}，如连续的「0」只印一个），按{how}只有一种读法：{' '.join(str(v) for v in ways[0])}，请核对",
                            table.id))
    return [CellText(str(v), value=v) for v in ways[0]]


UNREAD = "未能读取，本行留空"  # the words every note on a row that could not be read ends with
NOT_ADDING_UP = f"各栏数字与总计不符（总计不等于各栏之和），数字可能错位或缺少一栏，{UNREAD}，请按原文填写"


def fit(cells: Sequence[CellText], slots: Sequence[Slot], table: Table, where: str, notes: list[ImportNote],
        row_id: str = "", known: Known | None = None, *,
        verdict: Callable[[Values], bool | None] | None = None,
        dropped: Callable[[], bool] = lambda: False) -> list[CellText] | None:
    """Choose the ``len(slots)`` cells of a row among the cells printed after its label.
    ``verdict``: ``rule_check(table, slots)``, where the caller keeps it. ``dropped``: whether another
    row of the table prints fewer digits than it has cells (``blanks_dropped``, asked only where it
    matters): the copy then left no trace of a blank cell, and a run of as many digits as cells is
    not read one digit a cell."""
    count = len(slots)
    cells = list(cells)
    if len(cells) == count:
        # a row that does not add up may have lost a cell and shifted, unless every cell stands
        # between separators of its own (a tab or 「|」 line): then it is read as printed, and the
        # checks say its total is wrong
        if not all(c.delimited for c in cells if not c.blank) and \
                _adds_up(verdict or rule_check(table, slots), cells, slots) is False:
            notes.append(ImportNote(f"{where}：{NOT_ADDING_UP}", table.id, row_id))
            return None
        return cells
    verdict = verdict or rule_check(table, slots)
    if len(cells) > count:
        # the windows with only blanks before and after them
        marks = [i for i, c in enumerate(cells) if not c.blank]
        first, last = (marks[0], marks[-1]) if marks else (len(cells), -1)
        windows = [cells[o : o + count] for o in range(max(0, last - count + 1), min(first, len(cells) - count) + 1)]
        if windows:
            agreeing = [w for w in windows if verdict(_values(w))]
            if len(agreeing) == 1:
                return agreeing[0]
            if _adds_up(verdict, windows[-1], slots) is not False:
                return windows[-1]  # the blanks before the numbers are the label's merged cells
            if first == 0 and all(c.delimited for c in windows[0] if not c.blank):
                return windows[0]  # each number in a cell of its own, only bars after them: read as printed
            notes.append(ImportNote(f"{where}：{NOT_ADDING_UP}", table.id, row_id))
            return None
        filled = [c for c in cells if not c.blank]
        if len(filled) == count and verdict(_values(filled)) is not False:
            return filled  # as many numbers as columns: the blanks among them are merged cells, not printed
        opening = [cells[o : o + count] for o in range(len(cells) - count + 1) if all(c.blank for c in cells[:o])]
        extra = f"{where}：印有 {sum(not c.blank for c in cells)} 个数字，多于 {count} 栏；"
        agreeing = [w for w in opening if verdict(_values(w))]
        if len(filled) >= 2 * count:  # the numbers of other rows follow (or the row's own came earlier)
            agreeing = []
        if agreeing and all(_values(w) == _values(agreeing[0]) for w in agreeing):  # one reading adds up
            notes.append(ImportNote(f"{extra}按行内勾稽关系取前 {count} 个，其余未读取", table.id))
            return agreeing[0]
        notes.append(ImportNote(f"{where}：印有 {sum(not c.blank for c in cells)} 个数字，多于 {count} 栏，"
                                f"无法确定各数字所属栏目，{UNREAD}", table.id, row_id))
        return None
    if cells and not any(c.blank for c in cells) and known is not None and known.repeats_dropped:
        return _stretched(cells, slots, table, where, notes, row_id, verdict)
    glued = [c.text for c in cells if c.text.isdigit() and len(c.text) > 1 and not one_cell(c)]
    filled = sum(not c.blank for c in cells)
    printed = " ".join(c.text for c in cells if not c.blank)  # as printed, the signed part too ("88-720")
    most = _most_cells(cells)
    if not glued or most < count:  # too few digits to be the row's cells glued together
        notes.append(ImportNote(f"{where}：只找到 {filled} 个数字「{printed}」，应有 {count} 栏，无法确定各数字所属栏目，"
                                f"{UNREAD}", table.id, row_id))
        return None
    shown = "、".join(glued)
    fits = _fitting(slots)
    readings = split_digit_run(cells, count, lambda values: verdict(values) is True and fits(values))
    if verdict.has_rules:  # type: ignore[attr-defined]
        chosen, why = _plausible(readings) if readings else \
            (None, "") if dropped() else _one_digit_a_cell(cells, count, verdict, fits)
    else:  # no arithmetic to check: only a run with one digit per cell has one reading, or the one
        # reading that agrees with what the narrative and last year's report say of the row; numbers
        # printed apart are each a cell, and one of them too few is as likely a cell printed blank
        readings = split_digit_run(cells, count, fits)[:2]
        chosen, why = (readings[0], "每栏一位数，") if len(readings) == 1 and filled == 1 and not dropped() else (None, "")
        test = known.constraints([CellRef(table.id, r, column.id) for r, column in slots]) if known else None
        if chosen is None and test is not None:
            readings = split_digit_run(cells, count, lambda values: fits(values) and test[0](values))[:2]
            chosen, why = (readings[0], f"按{'、'.join(test[1])}，") if len(readings) == 1 else (None, "")
            if chosen is None:
                reason = "与" + "、".join(test[1]) + ("不符" if not readings else "仍有多种拆法")
                notes.append(ImportNote(f"{where}：数字「{'、'.join(glued)}」连在一起，没有本行的勾稽关系可据以拆分，"
                                        f"{reason}，{UNREAD}，请按原文填写", table.id, row_id))
                return None
    if chosen is None and not verdict.has_rules and filled > 1 and len(readings) == 1:
        notes.append(ImportNote(f"{where}：只找到 {filled} 个数字「{printed}」，应有 {count} 栏，各数字分开印刷，"
                                f"缺少的一栏可能是空白，无法确定各数字所属栏目，{UNREAD}", table.id, row_id))
        return None
    if chosen is None and filled > 1:  # numbers printed apart: a cell may as well be blank
        notes.append(ImportNote(f"{where}：只找到 {filled} 个数字「{printed}」，应有 {count} 栏，缺少的一栏可能是原文空白，"
                                f"也可能有数字连在一起，无法确定各数字所属栏目，{UNREAD}，请按原文填写", table.id, row_id))
        return None
    if chosen is None:
        reason = ("没有符合行内勾稽关系的拆法" if verdict.has_rules else "没有各栏都能填入的拆法") if not readings \
            else "有多种同样可能的拆法"
        if not readings and dropped():
            reason += "（本表有的行印的数字少于栏数，原文空白的栏未留下痕迹，不能按每栏一位数拆分）"
        notes.append(ImportNote(f"{where}：数字「{printed}」连在一起，{reason}，{UNREAD}，请按原文填写", table.id, row_id))
        return None
    notes.append(ImportNote(f"{where}：数字「{shown}」连在一起，{why}拆分为 {' '.join(str(v) for v in chosen)}，请核对", table.id))
    return [CellText(str(v), value=v) for v in chosen]


# a run of digits, signed (「-10」: 本年增/减 -1 and 0 run together) or ending in an amount's decimals
# (「13575394432.52元」: a count and an amount run together)
_AMOUNT_RUN = re.compile(r"-?(\d+)(?:\.\d+)?(?:万元|元)?")


def _most_cells(cells: Sequence[CellText]) -> int:
    """The cells the numbers printed can make at most (a run of digits one a cell, the first of them
    signed where it is, the last an amount's where it has decimals)."""
    return sum(len(run.group(1)) if (run := _AMOUNT_RUN.fullmatch(c.text)) and not one_cell(c) else 1
               for c in cells if not c.blank)


def blanks_dropped(hits: Sequence[RowHit], widths: dict[str, int]) -> bool:
    """Whether a row with numbers prints fewer digits than it has cells: where this copy of the table
    printed a cell blank, it left no trace (a page flattened with its cells run together)."""
    return any(hit.has_values and _most_cells(hit.cells) < widths[hit.row_id] for hit in hits)


def _fitting(slots: Sequence[Slot]) -> Callable[[Values], bool]:
    """A test of a split: every value is one its column may hold (a minus sign only where the
    column is 本年增/减), so that a split never puts a number where no such number can stand."""
    kinds = [column.kind for _, column in slots]

    def fits(values: Values) -> bool:
        for value, kind in zip(values, kinds):
            if value is not None:
                try:
                    checked_value(kind, value)
                except ValueRefused:
                    return False
        return True

    return fits


def _one_digit_a_cell(cells: Sequence[CellText], count: int, verdict: Callable[[Values], bool | None],
                      fits: Callable[[Values], bool]) -> tuple[list | None, str]:
    """A run of exactly as many digits as the row has cells, whose one-digit-a-cell reading breaks
    the row's sums, read so all the same — as the original prints it, which the checks then flag —
    unless the digits could also be the row with a cell or two printed blank (which a page copy
    drops) and a number of two digits, and that reading adds up: then nobody can tell which it is."""
    filled = [cell for cell in cells if not cell.blank]
    if len(filled) != 1 or len(filled[0].text) != count:
        return None, ""
    readings = split_digit_run(filled, count, fits)
    if not readings:
        return None, ""
    for blanks in (1, 2):
        def adds_up_with_blanks(values: Values) -> bool:
            for places in combinations(range(count), blanks):
                padded = list(values)
                for place in places:
                    padded.insert(place, 0)
                if verdict(padded) is True:
                    return True
            return False
        if split_digit_run(filled, count - blanks, lambda values: fits(values) and adds_up_with_blanks(values), limit=2_000):
            return None, ""
    return readings[0], "每栏一位数（按此拆分各栏之和与总计不符，应是原文如此），"


def _plausible(readings: list[list]) -> tuple[list | None, str]:
    """The one reading of a glued run, or the one with fewest non-zero cells (most cells of a
    published table are 0) when that is unique; and how it was chosen."""
    if len(readings) == 1:
        return readings[0], "按行内勾稽关系唯一地"
    if not readings:
        return None, ""
    weight = [sum(1 for v in reading if v) for reading in readings]
    least = min(weight)
    if weight.count(least) == 1:
        return readings[weight.index(least)], f"有 {len(readings)} 种拆法符合行内勾稽关系，取非零栏最少的一种，"
    return None, ""


_cell = cache(CellRef)  # the schema's few hundred cells, each made once


def store(chosen: Sequence[CellText], slots: Sequence[Slot], table: Table, reading: TableReading) -> None:
    """Put the chosen cells into ``reading``, each checked against its column's kind."""
    values, table_id = reading.values, table.id
    for cell, (row_id, column) in zip(chosen, slots):
        if cell.blank:
            reading.blank.setdefault(row_id, []).append(column.id)
            continue
        value = cell.value
        ref = _cell(table_id, row_id, column.id)
        if type(value) is int and value >= 0 and column.kind != "amount" and not cell.remark:  # most cells
            values[ref] = value
            continue
        if cell.placeholder:
            reading.placeholders += 1
            reading.values[ref] = Decimal(0) if column.kind == "amount" else 0
            continue
        if cell.remark:
            reading.notes.append(ImportNote(f"{_where(table, ref)}印为「{cell.text}」，读取为 {value}，括号内的说明「{cell.remark}」"
                                            "未读入表格，请核对", table.id, row_id, column.id))
        if column.kind == "amount":
            try:
                value, converted = in_column_unit(cell.text, value, column)
            except ValueRefused as exc:
                reading.notes.append(ImportNote(f"{_where(table, ref)}：{exc}，未能读取，留空", table.id, row_id, column.id))
                continue
            if converted:
                reading.notes.append(ImportNote(f"{_where(table, ref)}：{converted}", table.id, row_id, column.id))
            reading.values[ref] = Decimal(value)
        elif isinstance(value, Decimal) and value != value.to_integral_value():
            reading.notes.append(ImportNote(f"{_where(table, ref)}：「{cell.text}」不是整数，未能读取，留空", table.id, row_id, column.id))
        elif value < 0 and column.kind == "count":
            reading.notes.append(ImportNote(f"{_where(table, ref)}：「{cell.text}」为负数，未能读取，留空", table.id, row_id, column.id))
        else:
            reading.values[ref] = int(value)


def similar_label_note(table: Table, printed: str, row_id: str) -> ImportNote:
    """The note on a damaged row label read as ``row_id`` by its likeness and its place in the table,
    wherever the table was read (text or a document's own table)."""
    return ImportNote(f"表「{table.title}」中的行名「{printed}」与「{table.row_name(row_id)}」相近"
                      "（有错字或缺字），按其在表中的位置认作该行，请核对", table.id)


def _where(table: Table, ref: CellRef) -> str:
    return f"表「{table.title}」{table.cell_name(ref)}"


def has_ordinal(label: str) -> bool:
    key = normalize(label)
    return strip_ordinal(key) != key


def laid_out(cells: Sequence[CellText]) -> bool:
    """Whether ``cells`` stand in columns laid out by spaces (``pdftotext -layout``): two numbers
    of one line two spaces apart or more. Numbers one space apart (a PDF viewer's copy, which
    keeps no trace of a blank cell) or each on a line of its own stand in no column."""
    placed = [cell for cell in cells if not cell.blank and cell.end >= 0]
    return any(b.end - len(b.text) - a.end >= 2 for a, b in zip(placed, placed[1:]))


def lines(tokens: Sequence[Token]) -> Sequence[Sequence[Token]]:
    """The tokens of each printed line (or table row), empty lines left out."""
    if isinstance(tokens, Tokens):
        return tokens.lines  # as the text was cut
    found: list[list[Token]] = [[]]
    for token in tokens:
        if isinstance(token, LineEnd):
            found.append([])
        else:
            found[-1].append(token)
    return [line for line in found if line]


@dataclass(frozen=True)
class LineParts:
    """A printed line as the strategies that pair labels with lines of numbers see it."""

    labels: list[Label]
    cells: list[CellText]
    rows: list[str]  # the rows whose labels its labels are, in order

    @property
    def numbers(self) -> int:
        """How many of its cells are not blank."""
        return sum(1 for cell in self.cells if not cell.blank)

    @property
    def whole(self) -> bool:
        """Whether it prints a row whole: a row's label and its numbers (two at least) on one line."""
        return bool(self.rows) and self.numbers >= 2


def line_parts(table: Table, line: Sequence[Token], format_id: str) -> LineParts:
    labels = [token for token in line if isinstance(token, Label)]
    return LineParts(labels, [token for token in line if isinstance(token, CellText)],
                     [row_id for label in labels if (row_id := row_label(table, label.text, format_id))])


def _printed_again_otherwise(others: Sequence[RowHit], chosen: Sequence[CellText], slots, table: Table, where: str,
                             row_id: str, known: Known | None, verdict, dropped) -> bool:
    """Whether another label of the row has cells of its own that read otherwise: two places print
    the row (a broken narrative 「行政许可」「类」「7条」 where the table's heading was lost), and which is
    it cannot be told."""
    values = _values(chosen)
    for other in others:
        read = fit(other.cells, slots, table, where, [], row_id, known, verdict=verdict, dropped=dropped)
        if read is not None and _values(read) != values:
            return True
    return False


def read_hits(table: Table, hits: Sequence[RowHit], reading: TableReading, known: Known | None = None) -> None:
    """Each row from the first of its labels whose cells can be read: a column header of the
    same name ("总计"), or a heading above a row ("### 一、本年新收…"), yields to the row itself;
    where another of its labels has cells that read otherwise, the row is left empty and named.
    A label printed with its ordinal is tried before one without."""
    with_values: dict[str, list[RowHit]] = {}
    printed_blank: dict[str, RowHit] = {}  # a row printed with every cell blank ("2.其他…\t\t\t")
    reading.labelled.update(hit.row_id for hit in hits)
    widths = _memo(table, "widths")
    if not widths:
        widths.update((row.id, len(row.columns)) for row in table.rows)
    for hit in hits:
        if hit.has_values:
            with_values.setdefault(hit.row_id, []).append(hit)
        elif len(hit.cells) == widths[hit.row_id]:
            printed_blank.setdefault(hit.row_id, hit)
    names, row_slots, verdicts = _memo(table, "where"), _memo(table, "slots"), _memo(table, "verdicts")
    dropped = cache(lambda: blanks_dropped(hits, widths))
    for row in table.rows:
        candidates = with_values.get(row.id, [])
        if len(candidates) > 1:
            candidates.sort(key=lambda hit: (hit.similar, not has_ordinal(hit.label)))
        elif not candidates:
            if row.id in printed_blank:
                reading.rows_found.add(row.id)
                store(printed_blank[row.id].cells, [(row.id, column) for column in row.columns], table, reading)
            continue
        slots = row_slots.get(row.id) or row_slots.setdefault(row.id, [(row.id, column) for column in row.columns])
        where = names.get(row.id) or names.setdefault(row.id, f"表「{table.title}」{table.row_name(row.id)}")
        verdict = verdicts.get(row.id) or verdicts.setdefault(row.id, rule_check(table, slots))
        first_notes: list[ImportNote] | None = None
        for at, hit in enumerate(candidates):
            row_notes: list[ImportNote] = []
            chosen = fit(hit.cells, slots, table, where, row_notes, row.id, known, verdict=verdict, dropped=dropped)
            if chosen is not None and _printed_again_otherwise(candidates[at + 1:], chosen, slots, table, where, row.id,
                                                               known, verdict, dropped):
                reading.notes.append(ImportNote(f"{where}：行名印了不止一次，其后的数字不同，无法确定哪一处是本行，"
                                                f"{UNREAD}，请按原文填写", table.id, row.id))
                break
            if chosen is not None:
                if hit.similar:
                    row_notes.append(similar_label_note(table, hit.label, row.id))
                reading.notes.extend(row_notes)
                reading.rows_found.add(row.id)
                store(chosen, slots, table, reading)
                break
            first_notes = row_notes if first_notes is None else first_notes
        else:
            reading.notes.extend(first_notes or [])
    from gipr_desktop.io.text_import import lost_blanks  # it reads rows with this module's pieces

    # rows short of numbers, placed by the rules across rows
    lost_blanks.place(table, hits, reading, known)
