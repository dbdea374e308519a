"""Reading a report from Word (``.docx``; old ``.doc`` and ``.wps`` are converted in ``legacy_word``).

The document's paragraphs (in body order, content controls included, deleted tracked text left
out) and its real tables, as ``grid_tables.Grid``s with their merged cells (gridSpan, vMerge) kept,
go to ``parse_report_text``, which finds the title and sections in the text as for any other source
and the cells in the grids with the one header/label locator (``grid_tables``). The zip archive and its XML
parts are checked before python-docx opens it (``archive_guard``, ``xml_parts``), so that a hostile
file is refused rather than exhausting memory, and whatever python-docx still raises on a damaged
file is a ``ReadError`` (``guarded``).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import nsmap, qn

from gipr_desktop.core.report import Report
from gipr_desktop.io.archive_guard import check_archive
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.grid_tables import Grid
from gipr_desktop.io.guarded import parsing
from gipr_desktop.io.text_import import parse_report_text
from gipr_desktop.io.xml_parts import scan_parts

_P, _TBL, _SDT, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tr"), qn("w:tc")
_TEXT, _TAB, _BREAKS = qn("w:t"), qn("w:tab"), (qn("w:br"), qn("w:cr"))
_NAMESPACES = {"w": nsmap["w"]}
MAX_TABLE_COLUMNS = 64  # a declared span beyond this is damage, not a report table


def paragraph_text(p) -> str:
    parts = []
    for node in p.iter(_TEXT, _TAB, *_BREAKS):
        if node.tag == _TEXT:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc) -> str:
    return "\n".join(paragraph_text(p) for p in tc.iter(_P)).strip()


def _property(element, path: str) -> str | None:
    found = element.find(path, _NAMESPACES)
    return None if found is None else found.get(qn("w:val"), "")


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value), MAX_TABLE_COLUMNS)) if value is not None else default
    except ValueError:
        return default


def table_grid(tbl, name: str = "") -> Grid:
    """A Word table as a ``Grid``: each cell's text at its top-left grid position, horizontal
    (gridSpan) and vertical (vMerge) merges kept as merged ranges."""
    values: dict[tuple[int, int], str] = {}
    spans: dict[tuple[int, int], list[int]] = {}  # top-left → [last row, last col]
    above: dict[int, tuple[int, int]] = {}  # grid column → the top-left of the cell that may continue down
    reach: dict[int, int] = {}  # line → the last grid column its cells (and declared gridAfter) reach
    for r, tr in enumerate(tbl.iterchildren(_TR), 1):
        c = 1 + _int(_property(tr, "w:trPr/w:gridBefore"), 0)
        for tc in tr.iterchildren(_TC):
            span = max(1, _int(_property(tc, "w:tcPr/w:gridSpan"), 1))
            if c + span - 1 > MAX_TABLE_COLUMNS:
                break
            merge = _property(tc, "w:tcPr/w:vMerge")
            start = above.get(c) if merge is not None and merge != "restart" else None
            if start is not None and spans[start][0] == r - 1:
                spans[start][0] = r
            else:
                start = (r, c)
                spans[start] = [r, c + span - 1]
                text = _cell_text(tc)
                if text:
                    values[start] = text
            for col in range(c, c + span):
                above[col] = start
            c += span
        reach[r] = c - 1 + _int(_property(tr, "w:trPr/w:gridAfter"), 0)
    merges = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in spans.items() if (r2, c2) != (r1, c1)]
    shape = (max((r for r, _ in spans), default=0), max((c for _, c in spans.values()), default=0))
    return Grid(name, values, merges, shape=shape, ends={r: c for r, c in reach.items() if c < shape[1]})


def _blocks(container, lines: list[str], tables: list[Grid]) -> None:
    for child in container.iterchildren():
        if child.tag == _P:
            lines.extend(paragraph_text(child).split("\n"))
        elif child.tag == _TBL:
            tables.append(table_grid(child, f"第 {len(tables) + 1} 个表格"))
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _blocks(content, lines, tables)


def body_text(body) -> tuple[str, list[Grid]]:
    """The text (paragraphs, one a line) and the tables of a document's ``w:body`` element."""
    lines: list[str] = []
    tables: list[Grid] = []
    _blocks(body, lines, tables)
    return "\n".join(lines), tables


def not_a_document(path: Path) -> ReadError:
    return ReadError(f"「{path.name}」不是有效的 Word 文档（.docx），可能已损坏；请用 Word 或 WPS 打开后重新保存")


def read_docx(path: str | Path, previous: Report | None = None) -> ImportResult:
    """A Word file's report; ``previous``, last year's report when known (as for a text)."""
    path = Path(path)
    check_archive(path, kind="Word 文件")
    scan_parts(path, "Word 文件")
    with parsing(str(not_a_document(path))):
        document = Document(str(path))
        text, tables = body_text(document.element.body)
    return parse_report_text(text, tables=tables, source=path.name, previous=previous)
