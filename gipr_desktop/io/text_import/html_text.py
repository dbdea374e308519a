"""A saved web page as text and tables, parsed by lxml (libxml2's HTML parser).

libxml2 takes linear time on any input; the standard library's ``html.parser`` takes minutes on a
megabyte of unterminated ``<!--``. The parsed tree is played to ``_PageParser`` as start tags,
texts and end tags.

Block elements end lines; ``<table>`` cells become known tables (a colspan repeats nothing, it
leaves empty cells, as the text of a merged cell is printed once); text inside tables is kept
out of the running text so that the section texts carry no table debris. Scripts and styles
are dropped. The parser is forgiving: broken markup still gives text.
"""

from __future__ import annotations

import re

from lxml import etree

from gipr_desktop.io.errors import ReadError

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
                     "article", "header", "footer", "ul", "ol", "dd", "dt", "pre", "blockquote", "title"})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
MAX_SPAN = 50
MAX_ELEMENTS = 200_000  # a saved report page has some 2 000–20 000
_DIGITS = re.compile(r"[0-9]{1,6}")
# lxml's own parser, without lxml.html's element classes: the tree is only walked, and a plain
# element is made several times sooner
_HTML = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


class _Table:
    """An open ``<table>``: its rows so far, and the cell being read."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.span = 1


def _span(value: str | None) -> int:
    """A ``colspan`` as the page means it: 1 unless it is a plain number (never "²" or "-3")."""
    text = (value or "").strip()
    return min(int(text), MAX_SPAN) if _DIGITS.fullmatch(text) and int(text) > 0 else 1


class _PageParser:
    def __init__(self) -> None:
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._stack: list[_Table] = []  # open tables, innermost last; a table in a cell is a table of its own
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "table":
            self._stack.append(_Table())
        elif tag == "tr" and self._stack:
            self._close_cell()
            self._stack[-1].rows.append([])
        elif tag in ("td", "th") and self._stack:
            self._close_cell()
            table = self._stack[-1]
            table.cell = []
            table.span = _span(attrs.get("colspan"))
        if tag in _BLOCKS or tag == "br":
            self._newline()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "table" and self._stack:
            self._close_cell()
            rows = self._stack.pop().rows
            if any(any(cell.strip() for cell in row) for row in rows):
                self.tables.append([row for row in rows if row])
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
        text = " ".join(part.strip() for part in "".join(table.cell).split("\n") if part.strip())
        if not table.rows:
            table.rows.append([])
        table.rows[-1].append(text)
        table.rows[-1].extend([""] * (table.span - 1))
        table.cell = None


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


def html_text_and_tables(markup: str, name: str = "网页") -> tuple[str, list[list[list[str]]]]:
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
