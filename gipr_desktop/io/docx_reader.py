"""Reading a report from Word (``.docx``; old ``.doc`` and ``.wps`` are converted in ``legacy_word``).

The document's paragraphs (in body order, content controls included, deleted tracked text left
out) and its real tables go to the text importer's ``parse_report_text``, which recognises the
title, sections and cells exactly as for any other source. A merged cell is given once, at its
top-left, and the cells it covers are empty, as in the printed grid. The zip archive and its XML
parts are checked before python-docx opens it (``archive_guard``, ``xml_parts``), so that a hostile
file is refused rather than exhausting memory, and whatever python-docx still raises on a damaged
file is a ``ReadError`` (``guarded``).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import nsmap, qn

from gipr_desktop.io.archive_guard import check_archive
from gipr_desktop.io.errors import ImportResult, ReadError
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


def table_grid(tbl) -> list[list[str]]:
    """A Word table as rows of cell strings: a horizontally or vertically merged cell shows its
    text in its first grid cell only."""
    rows = []
    for tr in tbl.iterchildren(_TR):
        row = [""] * _int(_property(tr, "w:trPr/w:gridBefore"), 0)
        for tc in tr.iterchildren(_TC):
            span = max(1, _int(_property(tc, "w:tcPr/w:gridSpan"), 1))
            merge = _property(tc, "w:tcPr/w:vMerge")
            continued = merge is not None and merge != "restart"
            row += ["" if continued else _cell_text(tc)] + [""] * (span - 1)
        rows.append(row[:MAX_TABLE_COLUMNS])
    return rows


def _blocks(container, lines: list[str], tables: list[list[list[str]]]) -> None:
    for child in container.iterchildren():
        if child.tag == _P:
            lines.extend(paragraph_text(child).split("\n"))
        elif child.tag == _TBL:
            tables.append(table_grid(child))
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _blocks(content, lines, tables)


def body_text(body) -> tuple[str, list[list[list[str]]]]:
    """The text (paragraphs, one a line) and the tables of a document's ``w:body`` element."""
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    _blocks(body, lines, tables)
    return "\n".join(lines), tables


def not_a_document(path: Path) -> ReadError:
    return ReadError(f"「{path.name}」不是有效的 Word 文档（.docx），可能已损坏；请用 Word 或 WPS 打开后重新保存")


def read_docx(path: str | Path) -> ImportResult:
    path = Path(path)
    check_archive(path, kind="Word 文件")
    scan_parts(path, "Word 文件")
    with parsing(str(not_a_document(path))):
        document = Document(str(path))
        text, tables = body_text(document.element.body)
    return parse_report_text(text, tables=tables, source=path.name)
