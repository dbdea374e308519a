"""Reading a report from a text-based PDF, as published on government web sites.

PDFium reads the pages' characters and ruled lines, and pdfplumber finds the ruled tables (with
their merged cells, from the cells' boxes) and the text around them, in a child process bounded in
memory and time (``pdf_pages``, ``isolated``); the text
and the tables, as ``grid_tables.Grid``s, go to ``parse_report_text``, the one recognition for every
source. A table broken over a page boundary arrives as two grids, which the recogniser stacks. Boxes of
one column (a framed preamble) are text, not tables. A scanned PDF has no text layer; it is
refused with a message saying what to do, never read as an empty report; so is one whose text
comes out garbled, its Chinese drawn in a font that maps no glyph back to its character. The lines of the text
are joined back into paragraphs by where they end on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from gipr_desktop.core.report import Report
from gipr_desktop.io.errors import ImportResult, ReadError, checked_size
from gipr_desktop.io.grid_tables import Grid
from gipr_desktop.io.isolated import run_isolated
from gipr_desktop.io.pdf_pages import extract
from gipr_desktop.io.text_import import parse_report_text

MAX_FILE_BYTES = 50 * 1024 * 1024
MIN_TEXT_CHARS = 50  # fewer letters than this on all pages: no text layer (a scan); fewer Chinese
# characters than this in the text: characters drawn in a font without a map back to them (乱码)
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
RUN_ON_SLACK = 2.0  # characters short of the right margin a line may end and run on: a page's last line, not justified, and a character held back from the next line's start (「，」 may not begin a line)


def _mode(values: list[float]) -> float:
    return Counter(round(value) for value in values).most_common(1)[0][0] if values else 0.0


def reflow(lines: list[dict]) -> str:
    """Printed lines as paragraphs: a line that runs to the right margin (or within two characters of
    it: the last line of a page, where the paragraph goes on, is not always justified) continues on
    the next unless that one is indented; the centred lines of a title broken in two are one line."""
    left, right = _mode([line["x0"] for line in lines]), _mode([line["x1"] for line in lines])
    middle = (left + right) / 2
    paragraphs: list[str] = []
    previous = None
    for line in lines:
        size = line["size"]
        indented = line["x0"] > left + size / 2
        centred = (
            line["x0"] > left + 2 * size
            and line["x1"] < right - size
            and abs((line["x0"] + line["x1"]) / 2 - middle) < size
        )
        if previous is not None and (
            (previous["x1"] >= right - size * RUN_ON_SLACK and not indented)
            or (centred and previous.get("centred"))
        ):
            paragraphs[-1] += line["text"]
        else:
            paragraphs.append(line["text"])
        previous = {**line, "centred": centred}
    return "\n".join(paragraphs)


def read_pdf(path: str | Path, previous: Report | None = None) -> ImportResult:
    """A PDF's report; ``previous``, last year's report when known (as for a text)."""
    path = Path(path)
    checked_size(path, MAX_FILE_BYTES)
    lines, tables = run_isolated(extract, str(path), f"「{path.name}」", where=f"「{path.name}」")
    text = reflow(lines)
    grids = [Grid.from_rows(table["rows"], f"第 {i} 个表格", table["merges"]) for i, table in enumerate(tables, 1)]
    letters = sum(1 for ch in text if not ch.isspace())
    letters += sum(len(str(value).strip()) for grid in grids for value in grid.values.values())
    if letters < MIN_TEXT_CHARS:
        raise ReadError(
            f"「{path.name}」没有可读取的文字（可能是扫描件或图片）。请改用该报告的 Word 或网页版本，"
            "或先用 WPS、Adobe Acrobat 等软件做文字识别（OCR）后另存为 PDF 或 Word 再打开"
        )
    shown = text + "".join(str(value) for grid in grids for value in grid.values.values())
    if len(_CHINESE.findall(shown)) < MIN_TEXT_CHARS:
        raise ReadError(
            f"「{path.name}」中的文字无法正确提取（PDF 的字体没有字符对照，取出的是乱码）。请改用该报告的 Word "
            "或网页版本，或先用 WPS、Adobe Acrobat 等软件做文字识别（OCR）后另存为 PDF 或 Word 再打开"
        )
    return parse_report_text(text, tables=grids, source=path.name, previous=previous)
