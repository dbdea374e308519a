"""What a text strategy is, and the schema arithmetic the strategies check whole readings by.

A strategy reads one schema table from the tokens of the text where the table is printed
(``tokens.text_tokens``) and returns its reading, or ``None`` when the text is not laid out the
way it reads. ``name`` is how the import notes name the layout it read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable, Mapping, Sequence

from gipr_desktop.core.schema import CellRef, Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.tables import TableReading
from gipr_desktop.io.text_import.tokens import Token

Reader = Callable[[Table, Sequence[Token], str, "Known | None"], "TableReading | None"]


@dataclass(frozen=True)
class Strategy:
    """One printed layout of a table and how to read it."""

    name: str  # as the import notes say it: 表「…」按「{name}」读取
    layouts: frozenset[str]  # the schema table layouts it reads ("groups", "grid", "single_row")
    read: Reader


def read_apart_note(table: Table, row_ids: Sequence[str], printed: str, read_by: str) -> ImportNote:
    """The note naming the rows whose numbers a PDF conversion printed apart from their labels
    (``printed``: how), read by ``read_by``, for the user to check."""
    return ImportNote(f"表「{table.title}」有 {len(row_ids)} 行的数字与行名{printed}（PDF 转换所致），"
                      f"已按{read_by}读取：{'、'.join(table.row_name(row_id) for row_id in row_ids)}；请核对", table.id)


def arithmetic_holds(table: Table, values: Mapping[CellRef, int | Decimal]) -> bool:
    """Whether every rule of ``table`` whose cells are all in ``values`` holds: row sums (R1,
    R4), the column sum of the results (R2) and the balance of the year (R3)."""
    def get(row: str, col: str):
        return values.get(CellRef(table.id, row, col))

    columns = [column.id for column in table.rows[0].columns] if table.rows else []
    for rule in table.rules:
        if rule.kind == "row_sum":
            for row in table.rows:
                cells = [get(row.id, rule.total), *(get(row.id, part) for part in rule.parts)]
                if None not in cells and cells[0] != sum(cells[1:]):
                    return False
        elif rule.kind == "column_sum":
            for col in columns:
                cells = [get(rule.total, col), *(get(part, col) for part in _parts(rule, values, table.id, col))]
                if None not in cells and cells[0] != sum(cells[1:]):
                    return False
        elif rule.kind == "balance":
            for col in columns:
                left = [get(row, col) for row in rule.left]
                right = [get(row, col) for row in rule.right]
                if None not in left + right and sum(left) != sum(right):
                    return False
    return True


def rows_add_up(table: Table, values: Mapping[CellRef, int | Decimal]) -> bool:
    """Whether each row of ``values`` adds up by its own sum (R1, R4), whatever the rules across rows say."""
    return arithmetic_holds(replace(table, rules=tuple(rule for rule in table.rules if rule.kind == "row_sum")), values)


def arithmetic_confirms(table: Table, values: Mapping[CellRef, int | Decimal], rows: Sequence[str],
                        every_column: bool = False) -> bool:
    """Whether a rule across rows (R2's column sum, R3's balance) that takes in one of ``rows`` can be
    checked in some column on ``values`` (``every_column``: in each): rows paired with numbers by
    their order alone are taken only when such a rule then holds (``arithmetic_holds``), since each
    row's own sum (R1) holds just as well when every row is one off; cells whose order in their row
    is not certain, only where it can be checked in every column (but a row sum's total, which the
    row's own sum gives)."""
    wanted = set(rows)
    columns = [column.id for column in table.rows[0].columns] if table.rows else []
    if every_column:
        totals = {rule.total for rule in table.rules if rule.kind == "row_sum"}
        columns = [col for col in columns if col not in totals]
    for rule in table.rules:
        if rule.kind == "column_sum":
            involved = [rule.total, *_parts(rule, values, table.id, columns[0] if columns else "")]
        elif rule.kind == "balance":
            involved = [*rule.left, *rule.right]
        else:
            continue
        if wanted.isdisjoint(involved):
            continue
        if (all if every_column else any)(all(CellRef(table.id, row, col) in values for row in involved)
                                          for col in columns):
            return True
    return False


def _parts(rule, values: Mapping[CellRef, int | Decimal], table_id: str, col: str) -> list[str]:
    """The rows a column sum adds up in column ``col``: a row that stands for others (the 2021
    table's （六）其他处理 for its three sub-rows) in their place where it is read and they are not."""
    parts = list(rule.parts)
    for combined, replaced in rule.alternatives:
        if CellRef(table_id, combined, col) in values and not any(CellRef(table_id, r, col) in values for r in replaced):
            parts = [p for p in parts if p not in replaced] + [combined]
    return parts
