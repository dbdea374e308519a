"""Which characters Qt's PDF writer will name wrongly in a PDF's text, and what they really are.

A PDF names the character each glyph stands for; Qt takes, for each glyph, the lowest code point the
font draws with it. CJK fonts (Noto CJK among them) draw the Kangxi and supplementary radicals
(⼈ U+2F08, ⺠ U+2EA0, ⼾ U+2F3E) with the glyphs of the ideographs 人, 民, 户, so a PDF of 人民政府
said ⼈⺠政府 to search, copy and every reader of its text. ``misnamed`` asks each font the pages
use which of their characters share a glyph with a lower code point; ``io.pdf_unicode`` renames them.
"""

from __future__ import annotations

from gipr_desktop.gui.qt import QtGui

_BMP_CODES = [code for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]  # what Qt's PDF writer looks up
_BMP = "".join(map(chr, _BMP_CODES))
_ALWAYS = "0123456789—"  # page numbers, drawn outside the document
_by_font: dict[str, tuple[dict[int, int], dict[int, int]]] = {}


def _glyph_names(font: QtGui.QFont) -> tuple[dict[int, int], dict[int, int]]:
    """(glyph → the lowest code point drawn with it, code point → glyph) of ``font``; empty when
    the font cannot be loaded."""
    key = font.key()
    if key not in _by_font:
        raw = QtGui.QRawFont.fromFont(font, QtGui.QFontDatabase.WritingSystem.SimplifiedChinese)
        glyphs = raw.glyphIndexesForString(_BMP) if raw.isValid() else []
        lowest: dict[int, int] = {}
        for code, glyph in zip(_BMP_CODES, glyphs):
            if glyph:
                lowest.setdefault(glyph, code)
        _by_font[key] = lowest, dict(zip(_BMP_CODES, glyphs))
    return _by_font[key]


def _fonts(document: QtGui.QTextDocument, more: list[QtGui.QFont]) -> list[QtGui.QFont]:
    fonts = {font.key(): font for font in more}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            font = fragments.fragment().charFormat().font()
            fonts.setdefault(font.key(), font)
            fragments += 1
        block = block.next()
    return list(fonts.values())


def misnamed(document: QtGui.QTextDocument, more_fonts: list[QtGui.QFont]) -> dict[int, int]:
    """Wrong name → right character, for the text of ``document`` (and digits drawn in ``more_fonts``).
    A code point that the text itself holds is never renamed."""
    text = {ord(ch) for ch in document.toPlainText() + _ALWAYS if ord(ch) <= 0xFFFF}
    renames = {}
    for font in _fonts(document, more_fonts):
        lowest, by_code = _glyph_names(font)
        for code in text:
            named = lowest.get(by_code.get(code, 0), code)
            if named != code and named not in text:
                renames[named] = code
    return renames
