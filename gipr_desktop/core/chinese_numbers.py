"""Counts as reports write them in running text: 「2件」「２件」「两件」「十二件」「一百零三件」.

Text checks compare such counts with table cells; anything that is not a well-formed number is
refused (``None``) rather than guessed.
"""

from __future__ import annotations

import re

NUMBER = r"[0-9０-９]+|[零〇一二两三四五六七八九十百千万]+"
_ARABIC = re.compile(r"[0-9０-９]+")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_count(text: str) -> int | None:
    """The integer ``text`` writes, in Arabic (half- or full-width) or Chinese numerals, else None."""
    text = text.strip()
    if _ARABIC.fullmatch(text):
        try:
            return int(text.translate(_FULL_WIDTH))
        except ValueError:  # more digits than Python converts (as numbers.read_cell): no count of a report
            return None
    if not text:
        return None
    total = section = 0
    digit: int | None = None
    last_unit = 10 ** 9
    for ch in text:
        if ch in _DIGITS:
            if digit:  # two digits in a row, 「一二」: not a number
                return None
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:  # 「十百」, 「百百」
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif ch == "万":
            if total or (not section and not digit):  # a second 万, or 万 with nothing before it
                return None
            total = (section + (digit or 0)) * 10000
            section, digit, last_unit = 0, None, 10 ** 9
        else:
            return None
    return total + section + (digit or 0)
