"""A faster way to read a .docx report for a batch: only the main document part is parsed.

python-docx's ``Document`` opens and parses every part of the package (styles, numbering, theme,
settings …) — a third of the time a report takes to read — while a report's text and tables are
all in the main part. Here that part alone is found (the package's relationships and content
types, as python-docx finds it), parsed with python-docx's own parser (entities not resolved) and
read by ``docx_reader``'s code, so that the report read is the same; the archive is checked first.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from gipr_desktop.io.archive_guard import check_archive
from gipr_desktop.io.docx_reader import body_text, not_a_document
from gipr_desktop.io.errors import ImportResult
from gipr_desktop.io.text_import import parse_report_text

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"


def _main_part(archive: zipfile.ZipFile) -> str:
    """The name of the package's main document part, when it is a Word document's."""
    from docx.oxml.parser import parse_xml

    rels = parse_xml(archive.read("_rels/.rels"))
    targets = [rel.get("Target", "") for rel in rels.iter(_RELATIONSHIPS) if rel.get("Type") == _OFFICE_DOCUMENT
               and rel.get("TargetMode") != "External"]
    if len(targets) != 1:
        raise KeyError("officeDocument")
    name = posixpath.normpath(targets[0].lstrip("/"))
    types = parse_xml(archive.read("[Content_Types].xml"))
    content_type = next((t.get("ContentType") for t in types.iter(f"{_TYPES}Override")
                         if t.get("PartName", "").lstrip("/") == name), None)
    if content_type is None:
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        content_type = next((t.get("ContentType") for t in types.iter(f"{_TYPES}Default")
                             if t.get("Extension", "").lower() == extension), None)
    if content_type != _MAIN:
        raise KeyError(content_type)
    return name


def read(path: str | Path) -> ImportResult:
    """The report in a .docx file, as ``docx_reader.read_docx`` reads it."""
    from docx.oxml.parser import parse_xml

    path = Path(path)
    check_archive(path, kind="Word 文件")
    try:
        with zipfile.ZipFile(path) as archive:
            root = parse_xml(archive.read(_main_part(archive)))
    except (KeyError, ValueError, OSError, EOFError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise not_a_document(path) from None
    body = root.find(_BODY)
    if body is None:
        raise not_a_document(path)
    text, tables = body_text(body)
    return parse_report_text(text, tables=tables, source=path.name)
