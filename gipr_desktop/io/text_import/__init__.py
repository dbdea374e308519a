"""Import of published reports from text: plain text files, saved web pages, and — through
``parse_report_text`` — the text and tables other importers (Word, PDF) extract.

Modules: ``decoding`` (bytes to text), ``numbers`` (one printed cell), ``tokens`` (a printed
table as labels and cells), ``tables`` (rows anchored to their labels), ``sections`` (title,
headings, section texts), ``version`` (2019 or 2021 format), ``html_text`` (a web page's text
and tables), ``recognise`` (the whole report), ``readers`` (the file readers). A document's real
tables (Word, web page, PDF) are read by ``io.grid_tables``, as spreadsheets are; ``tokens`` and
``tables`` read the tables that exist only as text.
"""

from __future__ import annotations

__all__ = ["parse_report_text", "read_text_file", "read_html_file"]


def __getattr__(name: str):
    """The entry points, imported when first asked for: ``io.grid_tables`` reads cells with
    ``numbers`` and is read by ``recognise``, so the package may not import ``recognise`` first."""
    if name == "parse_report_text":
        from gipr_desktop.io.text_import.recognise import parse_report_text

        return parse_report_text
    if name in ("read_text_file", "read_html_file"):
        from gipr_desktop.io.text_import import readers

        return getattr(readers, name)
    raise AttributeError(name)
