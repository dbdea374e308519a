"""NFKC width folding of a whole report's text, fast where the text needs no more than a table.

``unicodedata.normalize("NFKC", …)`` takes some 100 ns a character on Chinese text, most of a
text import's time spent on its labels. A report is written in ASCII, CJK ideographs and the
punctuation of the CJK and full-width blocks; each of those characters is a starter that never
composes with a neighbour, so the text's NFKC form is each character's own, and a text made of
them only is folded by replacing the few characters whose NFKC form differs (「，」 → ","). Any
other character (a combining mark, Hangul, …) sends the text through ``unicodedata`` whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# The blocks a report's punctuation comes from; only characters whose NFKC form is made of
# plain characters (ASCII, ideographs) or of characters that NFKC leaves alone are taken.
BLOCKS = ((0x00A0, 0x0100), (0x2000, 0x2070), (0x2100, 0x2200), (0x2460, 0x2600), (0x2E80, 0x2FE0),
           (0x3000, 0x3040), (0x3200, 0x3400), (0xF900, 0xFB00), (0xFE30, 0xFE70), (0xFF00, 0xFFF0))
_PLAIN = "\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff"  # ASCII and the CJK ideographs: NFKC leaves them alone
SHORT = 64  # shorter texts go through unicodedata: the two scans below cost more than they save


def _plain(char: str) -> bool:
    code = ord(char)
    return code < 0x80 or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF


@cache
def _tables() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """A search for any character outside the table, a search for the characters it folds, and
    their NFKC forms; built on the first long text (some milliseconds)."""
    kept: set[str] = set()
    folded: dict[str, str] = {}
    for low, high in BLOCKS:
        for code in range(low, high):
            char = chr(code)
            form = unicodedata.normalize("NFKC", char)
            if unicodedata.combining(char) or any(unicodedata.combining(c) for c in form):
                continue
            if form == char:
                kept.add(char)
            elif all(_plain(c) or c in kept for c in form):
                folded[char] = form
    other = re.compile("[^" + _PLAIN + re.escape("".join(sorted(kept | set(folded)))) + "]")
    return other, re.compile("[" + re.escape("".join(sorted(folded))) + "]"), folded


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, the same string, sooner for a long report."""
    if len(text) < SHORT:
        return unicodedata.normalize("NFKC", text)
    other, to_fold, folded = _tables()
    if other.search(text) is not None:
        return unicodedata.normalize("NFKC", text)
    # one str.replace per distinct character that folds is sooner than a function called per match;
    # no character's form holds a character that folds, so the order of the replacements is free
    for char in set(to_fold.findall(text)):
        text = text.replace(char, folded[char])
    return text
