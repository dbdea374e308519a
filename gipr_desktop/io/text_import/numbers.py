"""Reading the value printed in one table cell, and splitting digit runs that extraction glued.

A printed cell may hold 全角 digits, thousands separators, a unit ("251000元"), a sign (the 2019
「本年增/减」 column) or a placeholder for nothing ("-", "—", "/", "无"). Placeholders are read as
0: published tables use them where the official template prints 0; the importer says so in its
notes. A blank cell stays empty (unknown).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterator, Sequence

from gipr_desktop.core.schema import Column
from gipr_desktop.core.values import ValueRefused, checked_value, shown

# Printed in place of a number; read as 0 (and said so).
PLACEHOLDERS = frozenset({"-", "--", "—", "——", "–", "/", "无", "－", "／", "一一"})
_UNITS = ("万元", "元", "件", "个", "项", "条", "笔")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
MAX_RUN = 40  # longer digit runs are not split
CACHED_LENGTH = 60  # texts this short are read once per program run: the labels every report prints
_DEBRIS = re.compile(r"^[-=_:|.…·\s]{3,}$")  # ruler lines and markdown separators, not a cell


@dataclass(frozen=True)
class CellText:
    """One printed cell: ``text`` as printed, ``value`` when it is a number, ``placeholder`` when
    it is "-", "—", "/" or "无", ``blank`` when it is empty; ``remark`` the words in brackets
    printed after the number, left out ("22（其中修订16件）")."""

    text: str
    value: int | Decimal | None = None
    placeholder: bool = False
    remark: str = ""  # a note the drafter printed in the cell after the number ("其中修订16件")
    end: int = field(default=-1, compare=False)  # where it ends in its printed line, in a line laid out
    # in columns by spaces (`pdftotext -layout`); -1 elsewhere
    delimited: bool = field(default=False, compare=False)  # a whole cell between tabs or 「|」 of a line of
    # several cells: it stands in its own column, whatever the cells beside it hold
    alone: bool = field(default=False, compare=False)  # the only thing its line prints (a copy that prints
    # a cell a paragraph): one cell, not the digits of several run together (``one_cell``)
    blank: bool = field(init=False, repr=False, compare=False)  # neither a number nor a placeholder:
    # printed empty; kept, not worked out, as every reading of a table asks it of every cell

    def __post_init__(self) -> None:
        object.__setattr__(self, "blank", self.value is None and not self.placeholder)


BLANK = CellText("")


def fold(text: str) -> str:
    """Width-fold and trim a cell: 全角 digits and signs become ASCII."""
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ").strip()


def is_debris(text: str) -> bool:
    return bool(_DEBRIS.match(text))


_REMARK = re.compile(r"^(?P<number>[^()]+?)\s*\((?P<remark>[^()]*\D[^()]*)\)$")  # after fold: （） are ()


def read_cell(text: str) -> CellText | None:
    """The cell ``text`` is, or ``None`` when it is not a value cell (a label, a sentence)."""
    if text.isdigit() and text.isascii():  # most cells: the same reading, without the folding
        try:
            return CellText(text, value=int(text))
        except ValueError:  # more digits than Python converts: no number of a report
            return None
    return _read_label_cached(text) if len(text) <= CACHED_LENGTH else _read(text)


@lru_cache(maxsize=4096)
def _read_label_cached(text: str) -> CellText | None:
    return _read(text)


def _read(text: str) -> CellText | None:
    raw = fold(text)
    if not raw:
        return BLANK
    remark = _REMARK.match(raw) if raw[-1] == ")" else None
    if remark:
        cell = read_cell(remark.group("number"))
        if cell is None or cell.blank or cell.placeholder:
            return None
        return CellText(raw, value=cell.value, remark=remark.group("remark").strip())
    if raw in PLACEHOLDERS or text.strip() in PLACEHOLDERS:
        return CellText(raw, placeholder=True)
    compact = raw.replace(" ", "")
    for unit in _UNITS:
        if compact.endswith(unit) and len(compact) > len(unit):
            compact = compact[: -len(unit)]
            break
    if not _NUMBER.match(compact):
        return None
    compact = compact.replace(",", "")
    try:
        value: int | Decimal = int(compact) if "." not in compact else Decimal(compact)
    except (ValueError, InvalidOperation):
        return None
    return CellText(raw, value=value)


_MONEY = re.compile(r"(万?元)\s*(?:\([^()]*\))?$")  # after fold: the unit of money a cell prints after its number
_YUAN = {"元": 1, "万元": 10_000}


def in_column_unit(text: str, value: int | Decimal, column: Column) -> tuple[int | Decimal, str]:
    """``value``, printed as ``text``, in its column's unit, and what a note says where the cell
    printed another (「3500元」 in a column of 万元 is 0.35 万元, not 3500 万元); "" where it printed the
    same unit, none, or the column has none (the 2019 template's 采购总金额). The conversion is exact:
    an amount the column cannot hold so converted is refused (``ValueRefused``), never rounded."""
    printed = _MONEY.search(fold(text)) if column.unit in _YUAN else None
    if printed is None or printed.group(1) == column.unit or not value:
        return value, ""
    amount = Decimal(value) * _YUAN[printed.group(1)] / _YUAN[column.unit]
    try:
        amount = checked_value(column.kind, amount)
    except ValueRefused as exc:
        raise ValueRefused(f"「{text.strip()}」换算为{column.unit}是 {shown(amount)}，{exc}") from None
    return amount, f"「{text.strip()}」不是以{column.unit}为单位，已换算为 {shown(amount)} {column.unit}，请核对"


MAX_READINGS = 50


def split_digit_run(
    cells: Sequence[CellText], count: int, accept: Callable[[list[int | Decimal | None]], bool], limit: int = 200_000
) -> list[list[int | Decimal | None]]:
    """Ways to cut the glued digit runs among ``cells`` into ``count`` values that ``accept``
    (the row's own arithmetic). The work is bounded: at most ``limit`` cuts are tried and
    ``MAX_READINGS`` readings returned; a number has no leading 0."""
    runs = [cell.text if _splittable(cell) else None for cell in cells]
    fixed = [None if cell.blank else (cell.value if cell.value is not None else 0) for cell in cells]
    most = [len(run) if run else 1 for run in runs]  # columns each cell can take at most
    most_after = [sum(most[index + 1:]) for index in range(len(cells))]
    found: list[list[int | Decimal | None]] = []
    budget = [limit]

    def walk(index: int, acc: list) -> None:
        if budget[0] <= 0 or len(found) >= MAX_READINGS:
            return
        if index == len(cells):
            budget[0] -= 1
            if len(acc) == count and accept(acc):
                found.append(list(acc))
            return
        room = count - len(acc) - (len(cells) - index - 1)  # every later cell takes a column at least
        if runs[index] is None:
            walk(index + 1, acc + [fixed[index]])
            return
        least = max(1, count - len(acc) - most_after[index])  # fewer parts leave columns no later cell fills
        for parts in range(least, min(room, len(runs[index])) + 1):
            for cut in _cuts(runs[index], parts):
                if budget[0] <= 0 or len(found) >= MAX_READINGS:
                    return
                walk(index + 1, acc + cut)

    walk(0, [])
    return found


def _splittable(cell: CellText) -> bool:
    return isinstance(cell.value, int) and cell.text.isdigit() and 1 < len(cell.text) <= MAX_RUN and not one_cell(cell)


def one_cell(cell: CellText) -> bool:
    """Whether ``cell`` is one cell for certain: the only thing its line prints, and no number printed
    with a leading 0 (「00」 alone on its line is still two cells run together)."""
    return cell.alone and not cell.text.startswith("0")


def _cuts(digits: str, parts: int) -> Iterator[list[int]]:
    """Every way to read ``digits`` as exactly ``parts`` numbers without leading zeros."""
    if parts == 1:
        if len(digits) == 1 or digits[0] != "0":
            yield [int(digits)]
        return
    for end in range(1, len(digits) - parts + 2):
        head = digits[:end]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in _cuts(digits[end:], parts - 1):
            yield [int(head), *rest]
