"""What a user types into a cell, and what a cell shows: the one place numbers become text and back.

Office users type full-width digits, thousands separators and stray spaces, and paste from Excel;
all of that is accepted. What is not a number of the cell's kind is refused with a Chinese message
that says why, so the grid can tell the user instead of storing a wrong value.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from gipr_desktop.core.report import Value
from gipr_desktop.core.schema import cell_kind
from gipr_desktop.core.values import ValueRefused, checked_value, shown

_MINUS = "-−－—"
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_MAX_DIGITS = 30  # longer digit runs are refused without being turned into a number


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    for minus in _MINUS:
        text = text.replace(minus, "-")
    return re.sub(r"[\s,，]", "", text)


def parse_cell(kind: str, text: str) -> Value | None:
    """The value ``text`` stands for in a cell of ``kind`` (count|signed|amount); ``None`` when empty.

    Raises ``ValueError`` with a Chinese message when the text is not a value of that kind, or one
    outside the kind's bounds (``core.values``).
    """
    cleaned = _clean(text)
    if not cleaned:
        return None
    if kind == "amount":
        if not _DECIMAL.fullmatch(cleaned):
            raise ValueError(f"「{text.strip()}」不是金额（应为数字，如 12.5）")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"「{text.strip()}」不是金额") from None
        return checked_value(kind, value)
    if not _INTEGER.fullmatch(cleaned):
        raise ValueError(f"「{text.strip()}」不是整数（此处只能填写件数）")
    if len(cleaned.lstrip("+-").lstrip("0")) > _MAX_DIGITS:  # before int(): 400 nines stay a refusal
        raise ValueRefused(f"「{shown(cleaned)}」超出范围（最大 {cell_kind(kind).maximum}）")
    return checked_value(kind, int(cleaned))


def format_cell(value: Value | None) -> str:
    """How a cell shows its value — on screen, in print, in every export: empty for unknown, plain
    digits otherwise, an amount with the decimals it was given (「12.00」 stays 「12.00」, never 1E+3)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
