"""Bytes of a text file to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Published reports saved on Chinese Windows are often GBK; GB18030 is its superset and decodes it.
Files that are not text at all (binary junk, a renamed Word file) end in a ``ReadError``.
"""

from __future__ import annotations

import codecs
import html
import re

from gipr_desktop.io.errors import ImportNote, ReadError, refuse_if_too_large

MAX_TEXT_BYTES = 4 * 1024 * 1024  # a report as text is some 10–60 KB; more is not a report
_CONTROL = (*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20))  # never in a text file
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def encoding_notes(encoding: str) -> list[ImportNote]:
    """What the import notes say of the encoding ``decode`` read a file in: GBK, not the usual UTF-8."""
    return [ImportNote("文件按 GBK/GB18030 编码读取")] if encoding == "gb18030" else []


def check_size(size: int, name: str, limit: int = MAX_TEXT_BYTES) -> None:
    refuse_if_too_large(name, size, limit)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in."""
    check_size(len(data), name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    if sum(data.count(bytes([byte])) for byte in _CONTROL) > max(4, len(data) // 100):
        raise ReadError(f"「{name}」不是文本文件（含有二进制数据）；请打开报告的 .txt 或 .html 文件")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ReadError(f"「{name}」的文字编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）；请另存为 UTF-8 文本后再导入")


_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def unescape_references(text: str) -> tuple[str, list[str]]:
    """A page turned into text by a tool that left HTML's character references in (「&nbsp;」 in a
    blank cell, 「&ldquo;」): each complete reference read as the character it stands for. Returns
    the text and the references found, to be said. A bare 「&」, or a reference without its 「;」,
    is text as printed."""
    if "&" not in text:
        return text, []
    found: list[str] = []

    def character(match: re.Match) -> str:
        reference = match.group()
        meant = html.unescape(reference)
        if meant == reference:
            return reference
        if reference not in found:
            found.append(reference)
        return " " if meant == "\xa0" else meant

    return _REFERENCE.sub(character, text), found
