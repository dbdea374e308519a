"""Import of published reports from text: plain text files, saved web pages, and — through
``parse_report_text`` — the text and tables other importers (Word, PDF) extract.

Modules: ``decoding`` (bytes to text), ``numbers`` (one printed cell), ``tokens`` (a printed
table as labels and cells), ``tables`` (rows anchored to their labels), ``sections`` (title,
headings, section texts), ``version`` (2019 or 2021 format), ``html_text`` (a web page's text
and tables), ``recognise`` (the whole report), ``readers`` (the file readers).
"""

from gipr_desktop.io.text_import.readers import read_html_file, read_text_file
from gipr_desktop.io.text_import.recognise import parse_report_text

__all__ = ["parse_report_text", "read_text_file", "read_html_file"]
