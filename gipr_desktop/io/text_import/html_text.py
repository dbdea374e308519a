"""A saved web page as text and tables, parsed by lxml (libxml2's HTML parser).

libxml2 takes linear time on any input; the standard library's ``html.parser`` takes minutes on a
megabyte of unterminated ``<!--``. The parsed tree is played to ``_PageParser`` as start tags,
texts and end tags.

Block elements end lines; each ``<table>`` becomes a ``grid_tables.Grid``, its cells placed on the
grid with their rowspan and colspan kept as merged ranges (the text of a merged cell stands once, at
its top-left), for the one header/label locator; text inside tables is kept out of the running text so that the section texts carry no table debris. Scripts and styles
are dropped. The parser is forgiving: broken markup still gives text.
"""

from __future__ import annotations

import re

from lxml import etree

from typing import TYPE_CHECKING

from gipr_desktop.io.errors import ReadError

if TYPE_CHECKING:  # grid_tables reads cells with text_import.numbers: imported when a table is made
    from gipr_desktop.io.grid_tables import Grid

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
                     "article", "header", "footer", "ul", "ol", "dd", "dt", "pre", "blockquote", "title"})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
MAX_SPAN = 50
MAX_SPANNED = 100_000  # grid positions the spans of all cells of a page may cover; a report's cover some 2 000
MAX_ELEMENTS = 200_000  # a saved report page has some 2 000–20 000
_DIGITS = re.compile(r"[0-9]{1,6}")
# lxml's own parser, without lxml.html's element classes: the tree is only walked, and a plain
# element is made several times sooner
_HTML = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


class _Table:
    """An open ``<table>``: the cells placed so far (rowspan and colspan kept), and the cell being read."""

    def __init__(self) -> None:
        self.values: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.taken: set[tuple[int, int]] = set()  # grid positions a cell (or a cell's span) occupies
        self.row = 0
        self.cell: list[str] | None = None
        self.start = (0, 0)
        self.span = (1, 1)

    def new_row(self) -> None:
        self.row += 1

    def open_cell(self, rowspan: int, colspan: int) -> None:
        if self.row == 0:
            self.row = 1
        col = 1
        while (self.row, col) in self.taken:
            col += 1
        self.start, self.span = (self.row, col), (rowspan, colspan)
        self.taken.update((self.row + i, col + j) for i in range(rowspan) for j in range(colspan))
        self.cell = []

    def close_cell(self, text: str) -> None:
        (r, c), (rows, cols) = self.start, self.span
        if text:
            self.values[(r, c)] = text
        if rows > 1 or cols > 1:
            self.merges.append((r, c, r + rows - 1, c + cols - 1))
        self.cell = None

    def grid(self, name: str) -> Grid:
        from gipr_desktop.io.grid_tables import Grid

        # rows a rowspan reaches past the last <tr> are not printed
        merges = [(r1, c1, min(r2, self.row), c2) for r1, c1, r2, c2 in self.merges]
        reach: dict[int, int] = {}
        for r, c in self.taken:
            reach[r] = max(c, reach.get(r, 0))
        width = max((c for r, c in reach.items() if r <= self.row), default=0)
        return Grid(name, self.values, [m for m in merges if (m[0], m[1]) != (m[2], m[3])], shape=(self.row, width),
                    ends={r: c for r, c in reach.items() if c < width and r <= self.row})


def _span(value: str | None) -> int:
    """A ``colspan`` as the page means it: 1 unless it is a plain number (never "²" or "-3")."""
    text = (value or "").strip()
    return min(int(text), MAX_SPAN) if _DIGITS.fullmatch(text) and int(text) > 0 else 1


class _PageParser:
    def __init__(self) -> None:
        self.text: list[str] = []
        self.tables: list[Grid] = []
        self._stack: list[_Table] = []  # open tables, innermost last; a table in a cell is a table of its own
        self._skip = 0
        self._spanned = MAX_SPANNED

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "table":
            self._stack.append(_Table())
        elif tag == "tr" and self._stack:
            self._close_cell()
            self._stack[-1].new_row()
        elif tag in ("td", "th") and self._stack:
            self._close_cell()
            spans = dict(attrs)
            rows, cols = _span(spans.get("rowspan")), _span(spans.get("colspan"))
            if rows * cols > self._spanned:  # a page of hostile spans: the rest are cells of their own
                rows = cols = 1
            self._spanned -= rows * cols
            self._stack[-1].open_cell(rows, cols)
        if tag in _BLOCKS or tag == "br":
            self._newline()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "table" and self._stack:
            self._close_cell()
            table = self._stack.pop()
            if table.values:
                self.tables.append(table.grid(f"第 {len(self.tables) + 1} 个表格"))
            self.text.append("\n")
        if tag in _BLOCKS:
            self._newline()

    def handle_data(self, data):
        if self._skip:
            return
        if self._stack and self._stack[-1].cell is not None:
            self._stack[-1].cell.append(data)
        elif not self._stack:
            self.text.append(data.replace("\n", " ") if data.strip() else "")

    def _newline(self):
        if self._stack and self._stack[-1].cell is not None:
            self._stack[-1].cell.append("\n")
        elif not self._stack:
            self.text.append("\n")

    def _close_cell(self):
        if not self._stack or self._stack[-1].cell is None:
            return
        table = self._stack[-1]
        table.close_cell(" ".join(part.strip() for part in "".join(table.cell).split("\n") if part.strip()))


def _walk(root, parser: _PageParser) -> None:
    """Play the parsed tree to ``parser`` as start tags, texts and end tags, in document order
    (iteratively: the tree may be as deep as the parser allows)."""
    stack = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else None  # comments, processing instructions
        if closing:
            if tag:
                parser.handle_endtag(tag.lower())
            if element.tail:
                parser.handle_data(element.tail)
            continue
        stack.append((element, True))
        if tag:
            parser.handle_starttag(tag.lower(), element.attrib)
            if element.text:
                parser.handle_data(element.text)
            stack.extend((child, False) for child in reversed(element))


def html_text_and_tables(markup: str, name: str = "网页") -> tuple[str, list[Grid]]:
    """The running text of ``markup`` (tables left out) and its tables' cells. ``name`` names the
    page in the ``ReadError`` for a page of more elements than a report can be."""
    parser = _PageParser()
    markup = markup.replace("\x00", "")
    try:
        root = etree.fromstring(markup, parser=_HTML) if markup.strip() else None  # None: no document
    except (etree.ParserError, etree.XMLSyntaxError):  # nothing a page is made of: no text
        root = None
    if root is not None:
        if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
            raise ReadError(f"「{name}」含有超过 {MAX_ELEMENTS} 个网页元素，不像一份年度报告的网页")
        _walk(root, parser)
    lines = [line.strip() for line in "".join(parser.text).split("\n")]
    return "\n".join(line for line in lines if line), parser.tables


_TABLE_START = re.compile(r"<table\b", re.IGNORECASE)
_DOCUMENT = re.compile(r"[\s\ufeff]*(?:<!doctype\s+html|<html\b)", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)


def tables_in_text(text: str, name: str = "文本") -> tuple[str, list[Grid]]:
    """A text that holds its tables as HTML markup — Markdown written by a tool converting a PDF or a
    scan, which keeps a table with merged cells so (「<table><tr><td rowspan="2">…」), or a page's
    source pasted as text: the text with each table taken out, a line of its own, and the tables'
    cells, as a web page's are read; else the text as it is and no table. One pass over the text:
    each table ends at the first 「</table>」 after its start, and a start never closed ends the search.
    A whole page's source (「<!DOCTYPE html>」「<html>」 first) is read as the page is."""
    if _DOCUMENT.match(text):
        return html_text_and_tables(text, name)
    kept, tables, at = [], [], 0
    while (start := _TABLE_START.search(text, at)) is not None and (end := _TABLE_END.search(text, start.end())):
        kept.append(text[at:start.start()])
        tables.append(text[start.start():end.end()])
        at = end.end()
    if not tables:
        return text, []
    kept.append(text[at:])
    return "\n".join(kept), html_text_and_tables("".join(tables), name)[1]
