"""What a cell and a text field may hold: the bounds of the schema, asked by every entry point.

Typing, pasting, every reader and the ``.gipr`` loader hand each number to ``checked_value`` and each
text to ``checked_text`` (or ``clean_text`` first, for text taken from a foreign file). A number
outside its kind's bounds is refused with a Chinese reason, never rounded, clipped or turned into
another number: a count is a whole number of at most nine digits, an amount a ``Decimal`` of at most
twelve integer digits and six decimals, so that sums stay exact and every check can do its arithmetic.
"""

from __future__ import annotations

import re
from decimal import Decimal

from gipr_desktop.core.schema import cell_kind, report_years, text_limit

# characters no field keeps: C0/C1 controls (line breaks and tabs apart) and unpaired surrogates
# (a Python str holds a surrogate code point only when it is unpaired)
_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\n\u2028\u2029\x85]")
_OTHER_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")  # the line breaks that are not ``\n``: what folding to it replaces
_SHOWN = 24  # how much of an offending value a message quotes


class ValueRefused(ValueError):
    """A value or text a field may not hold; the message is a Chinese reason without the field's name."""


def shown(value: object) -> str:
    """A value as a message quotes it: short, whatever its size."""
    text = format(value, "f") if isinstance(value, Decimal) and value.is_finite() and abs(value.adjusted()) < 40 \
        else str(value)
    return text if len(text) <= _SHOWN else f"{text[:8]}…{text[-8:]}（{len(text)} 位）"


def checked_value(kind: str, value: object) -> int | Decimal:
    """``value`` as a cell of ``kind`` holds it: an ``int`` for counts, a ``Decimal`` for amounts.

    Raises ``ValueRefused`` when it is no number, not whole where a whole number is due, or outside
    the kind's bounds. A whole ``Decimal`` in a count cell (``1.0`` in a file) becomes its ``int``.
    """
    spec = cell_kind(kind)
    if type(value) is int and spec.integer_digits is None and spec.minimum <= value <= spec.maximum:
        return value  # most cells: a whole number in bounds, as it is
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueRefused(f"「{shown(value)}」不是数字")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueRefused(f"「{shown(value)}」不是有效的数")
    if value < spec.minimum:
        raise ValueRefused(f"「{shown(value)}」不能为负数" if spec.minimum == 0 else
                           f"「{shown(value)}」小于下限 {spec.minimum}")
    if spec.integer_digits is None:
        return _whole(spec.maximum, value)
    return _decimal(spec.integer_digits, spec.decimals, value)


def _whole(maximum: int, value: int | Decimal) -> int:
    if value > maximum:  # before any conversion: 1E+999999999 must not become an int
        raise ValueRefused(f"「{shown(value)}」超出范围（最大 {maximum}）")
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ValueRefused(f"「{shown(value)}」不是整数（此处只能填写件数）")
        return int(value)
    return value


def _decimal(integer_digits: int, decimals: int, value: int | Decimal) -> Decimal:
    if isinstance(value, int):
        if value >= 10 ** integer_digits:
            raise ValueRefused(f"「{shown(value)}」的整数部分超过 {integer_digits} 位")
        return Decimal(value)
    if value == 0:
        return Decimal(0)
    if value.adjusted() >= integer_digits:
        raise ValueRefused(f"「{shown(value)}」的整数部分超过 {integer_digits} 位")
    sign, digits, exponent = value.as_tuple()
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if exponent + trailing < -decimals:
        raise ValueRefused(f"「{shown(value)}」的小数超过 {decimals} 位")
    if exponent < -decimals:  # trailing zeros only: the same number, held with at most ``decimals`` places
        value = value.quantize(Decimal(1).scaleb(-decimals))
    return value


def checked_year(year: object) -> int | None:
    """A report's year: None (not filled in) or a whole number in ``report_years``."""
    years = report_years()
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or year not in years):
        raise ValueRefused(f"报告年度无效：{shown(year)}（应为 {years.start}–{years.stop - 1} 年）")
    return year


def text_problem(field: str, text: str) -> str | None:
    """Why ``text`` may not stand in ``field`` (a metadata field or "section"), or None."""
    limit = text_limit(field)
    if len(text) > limit.maximum:
        return f"{limit.name}太长（{len(text)} 字，最多 {limit.maximum} 字）"
    bad = _INVALID.search(text) or (None if limit.lines else _LINE_BREAKS.search(text))
    if bad:
        return f"{limit.name}含有无效字符（U+{ord(bad.group()[0]):04X}）"
    return None


def checked_text(field: str, text: object) -> str:
    if not isinstance(text, str):
        raise ValueRefused(f"{text_limit(field).name}应为文字")
    problem = text_problem(field, text)
    if problem:
        raise ValueRefused(problem)
    return text


def clean_text(field: str, text: str) -> str:
    """``text`` without what no field keeps (control characters, unpaired surrogates), line breaks
    folded to ``\\n`` (to spaces in a one-line field). The length is left for ``checked_text`` to judge."""
    text = _OTHER_BREAKS.sub("\n", text) if text_limit(field).lines else _LINE_BREAKS.sub(" ", text)
    return _INVALID.sub("", text)
