"""The report as plain text (``.txt``) that reads well in Windows Notepad and reads back in.

UTF-8 with a byte-order mark and CRLF line ends, so that even old Notepad shows it right; tables
are drawn with ``|`` between cells and padded by display width (a Chinese character is two
columns wide), one printed line of the official table per line of text, a merged cell written
once. The text importer reads this file back to the same report.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from gipr_desktop.core.report import Report
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.printed import Heading, Paragraph, PrintedTable, report_blocks

NEWLINE = "\r\n"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a Chinese monospaced font: wide, full-width and ambiguous count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def table_lines(table: PrintedTable) -> list[str]:
    """The table as aligned text lines: ``| a | b |``, a box spanning columns drawn once across them."""
    layout = table.layout
    widths = [0] * layout.cols
    starts = sorted(table.texts.items(), key=lambda item: item[0].colspan)
    for box, text in starts:  # single columns first, then widen the last column of a span if needed
        span = range(box.col, box.col + box.colspan)
        room = sum(widths[c] for c in span) + 3 * (box.colspan - 1)
        widths[span[-1]] += max(0, display_width(text) - room)
    lines = []
    for row in range(layout.rows):
        cells = []
        col = 0
        while col < layout.cols:
            box = layout.box_at(row, col)
            span = box.colspan if box is not None else 1
            width = sum(widths[col:col + span]) + 3 * (span - 1)
            text = table.texts[box] if box is not None and box.row == row and box.col == col else ""
            cells.append(_pad(text, width))
            col += span
        lines.append(("| " + " | ".join(cells) + " |").rstrip())
    return lines


def dumps(report: Report) -> str:
    lines: list[str] = []
    for block in report_blocks(report):
        if isinstance(block, PrintedTable):
            lines += ["", *table_lines(block), ""]
        elif isinstance(block, Heading):
            lines += ["", block.text]
        elif isinstance(block, Paragraph):
            lines.append(block.text)
            if block.role == "title":
                lines.append("")
    text = NEWLINE.join(lines).strip(NEWLINE)
    while NEWLINE * 3 in text:
        text = text.replace(NEWLINE * 3, NEWLINE * 2)
    return text + NEWLINE


def write(report: Report, path: str | Path) -> None:
    write_atomic(path, dumps(report).encode("utf-8-sig"))
