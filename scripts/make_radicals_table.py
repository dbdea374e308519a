"""Print the table of ``gipr_desktop/io/text_import/radicals.py``: which ideograph each Kangxi
radical (U+2F00–U+2FDF) and CJK radical supplement character (U+2E80–U+2EFF) is drawn as by the
simplified-Chinese Noto CJK fonts (the same glyph), as the ``PAIRS`` string of that module.

    QT_QPA_PLATFORM=offscreen python scripts/make_radicals_table.py

Unicode's NFKC maps the Kangxi radicals too, but ⼾ to the traditional 戶 where the page shows 户,
and the supplement not at all (⺠ is drawn as 民).
"""

from __future__ import annotations

import unicodedata

from PySide6 import QtGui, QtWidgets

FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC")
RADICALS = [*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0)]


def main() -> None:
    _app = QtWidgets.QApplication([])  # noqa: F841  fonts need an application
    pairs: dict[str, str] = {}
    for family in FAMILIES:
        raw = QtGui.QRawFont.fromFont(QtGui.QFont(family), QtGui.QFontDatabase.WritingSystem.SimplifiedChinese)
        ideographs: dict[int, int] = {}
        for code in range(0x4E00, 0xA000):
            glyph = raw.glyphIndexesForString(chr(code))[0]
            if glyph:
                ideographs.setdefault(glyph, code)
        for code in RADICALS:
            if unicodedata.category(chr(code)) == "Cn":
                continue
            glyph = raw.glyphIndexesForString(chr(code))[0]
            if glyph in ideographs:
                pairs.setdefault(chr(code), chr(ideographs[glyph]))
    text = "".join(f"{radical}{ideograph}" for radical, ideograph in sorted(pairs.items()))
    print("PAIRS = (")
    for start in range(0, len(text), 60):
        print(f'    "{text[start:start + 60]}"')
    print(")")


if __name__ == "__main__":
    main()
