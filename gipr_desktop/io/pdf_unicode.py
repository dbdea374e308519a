"""The text of a PDF written by Qt, made to say what its pages show: 人民, not ⼈⺠.

A PDF names the character each glyph stands for (its ToUnicode map); search, copy and every PDF
reader — this program's own import of last year's PDF among them — take the text from there. Qt's
PDF writer names each glyph by the lowest code point the font draws with it, and CJK fonts (Noto
CJK among them) draw the Kangxi and supplementary radicals (⼈ U+2F08, ⺠ U+2EA0) and some variants
with the glyphs of the ideographs (人, 民): the pages showed 人民政府 and the text said ⼈⺠政府.
The writer (gui/printing.py, which knows its fonts) works out which names are wrong;
``corrected_text`` puts the right ones in, in place: a name is four hex digits before and after, so
no offset in the file moves.
"""

from __future__ import annotations

import re

_MAP = re.compile(rb"begincmap.*?endcmap", re.S)
_ARRAY = re.compile(rb"\[[^\]]*\]")  # bfrange: <first glyph> <last glyph> [<name> <name> …]
_CHARS = re.compile(rb"beginbfchar.*?endbfchar", re.S)  # bfchar: <glyph> <name>, one a line
_CHAR = re.compile(rb"(<[0-9A-Fa-f]+>\s+)<([0-9A-Fa-f]{4})>")
_NAME = re.compile(rb"<([0-9A-Fa-f]{4})>")


def corrected_text(pdf: bytes, renames: dict[int, int]) -> bytes:
    """``pdf`` with each glyph named ``old`` renamed ``renames[old]`` (code points of the BMP);
    the same length, the same offsets."""
    if not renames:
        return pdf

    def name(hex_digits: bytes) -> bytes:
        code = int(hex_digits, 16)
        return b"<%04X>" % renames.get(code, code)

    def fix_map(cmap: re.Match) -> bytes:
        text = _ARRAY.sub(lambda array: _NAME.sub(lambda found: name(found.group(1)), array.group(0)), cmap.group(0))
        return _CHARS.sub(lambda chars: _CHAR.sub(lambda char: char.group(1) + name(char.group(2)), chars.group(0)), text)

    return _MAP.sub(fix_map, pdf)
