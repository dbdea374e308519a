"""A saved web page as text and tables, with the standard library's ``html.parser``.

Block elements end lines; ``<table>`` cells become known tables (a colspan repeats nothing, it
leaves empty cells, as the text of a merged cell is printed once); text inside tables is kept
out of the running text so that the section texts carry no table debris. Scripts and styles
are dropped. The parser is forgiving: broken markup still gives text.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
                     "article", "header", "footer", "ul", "ol", "dd", "dt", "pre", "blockquote", "title"})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
MAX_SPAN = 50


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._stack: list[list[list[str]]] = []  # open tables, innermost last
        self._cell: list[str] | None = None
        self._span = 1
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "table":
            self._stack.append([])
        elif tag == "tr" and self._stack:
            self._stack[-1].append([])
        elif tag in ("td", "th") and self._stack:
            self._close_cell()
            if not self._stack[-1]:
                self._stack[-1].append([])
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = min(int(span), MAX_SPAN) if span.strip().isdigit() and int(span) > 0 else 1
        if tag in _BLOCKS or tag == "br":
            self._newline()

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._newline()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "table" and self._stack:
            self._close_cell()
            table = self._stack.pop()
            if any(any(cell.strip() for cell in row) for row in table):
                self.tables.append([row for row in table if row])
            self.text.append("\n")
        if tag in _BLOCKS:
            self._newline()

    def handle_data(self, data):
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif not self._stack:
            self.text.append(data.replace("\n", " ") if data.strip() else "")

    def _newline(self):
        if self._cell is not None:
            self._cell.append("\n")
        elif not self._stack:
            self.text.append("\n")

    def _close_cell(self):
        if self._cell is None or not self._stack:
            self._cell = None
            return
        text = " ".join(part.strip() for part in "".join(self._cell).split("\n") if part.strip())
        row = self._stack[-1][-1]
        row.append(text)
        row.extend([""] * (self._span - 1))
        self._cell = None


def html_text_and_tables(markup: str) -> tuple[str, list[list[list[str]]]]:
    """The running text of ``markup`` (tables left out) and its tables' cells."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.text).split("\n")]
    return "\n".join(line for line in lines if line), parser.tables
