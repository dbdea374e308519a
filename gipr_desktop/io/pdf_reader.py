"""Reading a report from a text-based PDF, as published on government web sites.

pdfplumber finds the ruled tables (their merged cells come back empty) and the text around them;
both go to the text importer's ``parse_report_text``, the one recognition for every source. A
table broken over a page boundary arrives as two pieces, which the importer joins by their row
labels. Boxes of one column (a framed preamble) are text, not tables. A scanned PDF has no text
layer; it is refused with a message saying what to do, never read as an empty report. The
lines of the text are joined back into paragraphs by where they end on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from gipr_desktop.io.errors import ImportResult, ReadError, checked_size
from gipr_desktop.io.text_import import parse_report_text

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PAGES = 200  # a report has some 4–20 pages
_PAGE_NUMBER = re.compile(r"^\s*[-—–－]?\s*\d{1,3}\s*[-—–－]?\s*$")
MIN_TEXT_CHARS = 50  # fewer letters than this on all pages: no text layer (a scan)


def _outside(boxes):
    def keep(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    return keep


def _page_content(page) -> tuple[list[dict], list[list[list[str]]]]:
    """A page's text lines outside its tables, and its tables of more than one column."""
    tables = [table for table in page.find_tables() if max((len(row) for row in table.extract()), default=0) > 1]
    grids = [[[cell or "" for cell in row] for row in table.extract()] for table in tables]
    lines = page.filter(_outside([table.bbox for table in tables])).extract_text_lines()
    return [line for line in lines if not _PAGE_NUMBER.match(line["text"])], grids


def _mode(values: list[float]) -> float:
    return Counter(round(value) for value in values).most_common(1)[0][0] if values else 0.0


def reflow(lines: list[dict]) -> str:
    """Printed lines as paragraphs: a line that runs to the right margin continues on the next
    unless that one is indented; the centred lines of a title broken in two are one line."""
    left, right = _mode([line["x0"] for line in lines]), _mode([line["x1"] for line in lines])
    middle = (left + right) / 2
    paragraphs: list[str] = []
    previous = None
    for line in lines:
        size = line["chars"][0]["size"] if line["chars"] else 12
        indented = line["x0"] > left + size / 2
        centred = (
            line["x0"] > left + 2 * size
            and line["x1"] < right - size
            and abs((line["x0"] + line["x1"]) / 2 - middle) < size
        )
        if previous is not None and (
            (previous["x1"] >= right - size * 0.8 and not indented)
            or (centred and previous.get("centred"))
        ):
            paragraphs[-1] += line["text"]
        else:
            paragraphs.append(line["text"])
        previous = {**line, "centred": centred}
    return "\n".join(paragraphs)


def read_pdf(path: str | Path) -> ImportResult:
    path = Path(path)
    checked_size(path, MAX_FILE_BYTES)
    import pdfplumber  # imported here: opening other files needs none of its start-up time
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    lines: list[dict] = []
    tables: list[list[list[str]]] = []
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ReadError(f"「{path.name}」有 {len(pdf.pages)} 页，不像一份年度报告（最多读取 {MAX_PAGES} 页）")
            for page in pdf.pages:
                page_lines, grids = _page_content(page)
                lines += page_lines
                tables += grids
    except ReadError:
        raise
    except PDFPasswordIncorrect:
        raise ReadError(f"「{path.name}」设有打开密码，无法读取；请先取消密码再打开") from None
    except Exception:  # pdfminer raises many kinds of error for a damaged or foreign file
        raise ReadError(f"「{path.name}」不是有效的 PDF 文件，或已损坏") from None
    text = reflow(lines)
    letters = sum(1 for ch in text if not ch.isspace())
    letters += sum(len(cell.strip()) for table in tables for row in table for cell in row)
    if letters < MIN_TEXT_CHARS:
        raise ReadError(
            f"「{path.name}」没有可读取的文字（可能是扫描件或图片）。请改用该报告的 Word 或网页版本，"
            "或先用 WPS、Adobe Acrobat 等软件做文字识别（OCR）后另存为 PDF 或 Word 再打开"
        )
    return parse_report_text(text, tables=tables, source=path.name)
