"""Table 四 copied out of a PDF viewer in reading order (``pdftotext``): the fifteen numbers are
all there, but header words cut the line apart and the groups' totals are printed away from
their four parts, even in another order::

    结果 结果 其他结 尚未 维持 纠正 果 审结 总计
    72 64 178 37
    结 果 结果 其他 复议后起诉 …
    12 1 1 6
    总计
    351
    …
    13 4 8 1 26
    总计
    20

Only where header words cut the numbers apart (printed in one run, they stand in the table's
order, and a group that does not add up is the original's own error), every way to take three
of the numbers as the totals and the rest, in order, as three runs of four parts that add up to
them (R4) is tried. A group is read only where all these readings
put the same numbers in it, and where its parts and its total are in the same place among the
groups; every other group is left empty and named.
"""

from __future__ import annotations

from itertools import combinations, permutations
from typing import Sequence

from gipr_desktop.core.schema import Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.numbers import CellText
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.tables import UNREAD, TableReading, store
from gipr_desktop.io.text_import.tokens import Label, Token

MAX_NUMBERS = 24  # more numbers than this in section 四 are not its table alone


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    rule = next((rule for rule in table.rules if rule.kind == "row_sum"), None)
    at = [i for i, token in enumerate(tokens) if isinstance(token, CellText) and not token.blank]
    numbers = [tokens[i] for i in at]
    groups = len(table.rows)
    width = len(rule.parts) + 1 if rule else 0
    if rule is None or len(numbers) != groups * width or len(numbers) > MAX_NUMBERS:
        return None
    if any(len(row.columns) != width for row in table.rows):
        return None
    if not any(isinstance(token, Label) for token in tokens[at[0]:at[-1]]):
        return None  # printed in one run, in the table's order: its totals stand where it prints them
    values = [0 if cell.placeholder else cell.value for cell in numbers]
    found = _groupings(values, groups, len(rule.parts))
    if not found:
        return None
    reading = TableReading()
    for index, row in enumerate(table.rows):
        readings = {grouping[index] for grouping in found}
        if len(readings) != 1 or None in readings:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row.id)}：各组数字的先后次序无法确定，"
                                            f"{UNREAD}，请按原文填写", table.id, row.id))
            continue
        (group,) = readings
        parts, total = group
        by_id = dict(zip(rule.parts, parts)) | {rule.total: total}
        reading.rows_found.add(row.id)
        cells = [CellText(str(by_id[column.id]), value=by_id[column.id]) for column in row.columns]
        store(cells, [(row.id, column) for column in row.columns], table, reading)
    if not reading.rows_found:
        return None
    return reading


def _groupings(values: list, groups: int, parts: int) -> set[tuple]:
    """Each reading of ``values`` as ``groups`` groups: for each group in table order its (parts,
    total), or ``None`` where the runs of parts and the totals give the group different places."""
    found = set()
    whole = sum(values)
    for totals_at in combinations(range(len(values)), groups):
        if 2 * sum(values[i] for i in totals_at) != whole:
            continue  # the totals add up to the parts, so to half of everything
        rest = [v for i, v in enumerate(values) if i not in totals_at]
        runs = [tuple(rest[k * parts:(k + 1) * parts]) for k in range(groups)]
        totals = [values[i] for i in totals_at]
        for order in permutations(range(groups)):  # order[k]: the total of run k
            if all(sum(runs[k]) == totals[order[k]] for k in range(groups)):
                found.add(tuple((runs[k], totals[k]) if order[k] == k else None for k in range(groups)))
    return found


STRATEGY = Strategy("PDF 复制文字：表四数字次序打乱，按各组总计重组", frozenset({"single_row"}), read)
