"""Table 四 in text laid out in columns by spaces (``pdftotext -layout``) from an original that
prints its zero cells blank: the one line of numbers holds fewer than fifteen, and only the column
headers stacked above it say where each stands::

          行政复议                                           行政诉讼
                                未经复议直接起诉                                复议后起诉
    结果   结果    其他    尚未
                          总计   结果   结果   其他        尚未             结果    结果    其他   尚未
    维持   纠正    结果    审结                                     总计                          总计
                               维持   纠正   结果        审结             维持    纠正    结果   审结
    5                2    7    8                   1         9

The header words that begin at one place, read down, must make the fifteen columns' headers in
the table's order (「结果」 over 「维持」 is 结果维持); each number belongs to the column whose
header it begins under (as ``layout_columns`` places a row of table 三 by its headers), the other
cells printed blank. Read only where every group whose 总计 is printed adds up (R4).
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.labels import normalize
from gipr_desktop.core.schema import Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.numbers import CellText
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.strategies.layout_columns import SLACK, under_headers
from gipr_desktop.io.text_import.tables import TableReading, lines, rule_check, store
from gipr_desktop.io.text_import.tokens import Label, Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    slots = [(row.id, column) for row in table.rows for column in row.columns]
    printed = lines(tokens)
    numbered = [at for at, line in enumerate(printed) if any(isinstance(t, CellText) and not t.blank for t in line)]
    if len(numbered) != 1:
        return None
    line = printed[numbered[0]]
    cells = [token for token in line if isinstance(token, CellText) and not token.blank]
    if len(cells) >= len(slots) or any(isinstance(token, Label) for token in line) or any(c.end < 0 for c in cells):
        return None
    headers = _columns(table, printed[:numbered[0]], len(slots))
    placed = under_headers(cells, headers) if headers else None
    if placed is None or rule_check(table, slots)([None if c.blank else 0 if c.placeholder else c.value for c in placed]) is not True:
        return None
    reading = TableReading()
    reading.rows_found.update(row.id for row in table.rows)
    store(placed, slots, table, reading)
    reading.notes.append(ImportNote(f"表「{table.title}」印有空白栏，已按各数字所在的栏位（其上表头）读取，请核对", table.id))
    return reading


def _columns(table: Table, printed: Sequence[Sequence[Token]], count: int) -> list[tuple[int, int]] | None:
    """Where each of the table's ``count`` columns is printed (the begin and end of its header's
    widest word), from the header words above the numbers; ``None`` unless the words beginning at
    one place, read down, make each column's header in the table's order."""
    labels = [normalize(column.label) for row in table.rows for column in row.columns]
    words = []  # (begin, line, word) of every header word that is part of a column's header
    for at, line in enumerate(printed):
        for token in line:
            if isinstance(token, Label) and token.starts:
                for word, start in zip(token.text.split(), token.starts):
                    key = normalize(word)
                    if len(key) >= 2 and any(key in label for label in labels):
                        words.append((start, at, key))
    words.sort()
    stacks: list[list[tuple[int, int, str]]] = []
    for word in words:
        if stacks and word[0] - stacks[-1][0][0] <= SLACK:
            stacks[-1].append(word)
        else:
            stacks.append([word])
    if len(stacks) != count:
        return None
    found = []
    for stack, label in zip(stacks, labels):
        if "".join(key for _, _, key in sorted(stack, key=lambda word: word[1])) != label:
            return None
        begin = stack[0][0]
        found.append((begin, begin + max(len(key) for _, _, key in stack)))
    return found


STRATEGY = Strategy("pdftotext -layout 分栏文字：表四按表头栏位读取", frozenset({"single_row"}), read)
