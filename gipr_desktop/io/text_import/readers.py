"""The file readers registered for ``.txt``, ``.html`` and ``.htm``."""

from __future__ import annotations

import re
from pathlib import Path

from gipr_desktop.core.report import Report
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.text_import.decoding import check_size, decode, encoding_notes
from gipr_desktop.io.text_import.html_text import html_text_and_tables
from gipr_desktop.io.text_import.recognise import parse_report_text

MAX_HTML_BYTES = 16 * 1024 * 1024  # saved pages carry scripts and styles; the report is a small part
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


def file_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, refused with a ``ReadError`` when it cannot be read or is over ``limit``."""
    try:
        if limit is not None:
            check_size(path.stat().st_size, path.name, limit)
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法打开「{path.name}」：{exc.strerror or exc}") from exc


def read_text_file(path: str | Path, previous: Report | None = None) -> ImportResult:
    """A report saved as plain text, in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK;
    ``previous``, last year's report when known."""
    path = Path(path)
    text, encoding = decode(file_bytes(path), path.name)
    result = parse_report_text(text, source=path.name, previous=previous)
    result.notes[:0] = encoding_notes(encoding)
    return result


def read_html_file(path: str | Path, previous: Report | None = None) -> ImportResult:
    """A saved web page: its text, and its ``<table>`` cells for the tables; ``previous``, last
    year's report when known."""
    path = Path(path)
    data = file_bytes(path, MAX_HTML_BYTES)
    declared = _META_CHARSET.search(data[:4096])
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii").lower().replace("gb2312", "gb18030").replace("gbk", "gb18030"))
        except (LookupError, UnicodeError, ValueError):  # an unknown, non-text or wrong charset
            text = None
    if text is None:
        text, _ = decode(data, path.name) if len(data) <= 4 * 1024 * 1024 else (data.decode("utf-8", "replace"), "")
    body, tables = html_text_and_tables(text, path.name)
    return parse_report_text(body, tables=tables, source=path.name, previous=previous)
