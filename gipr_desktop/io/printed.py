"""The report as printed matter: the sequence of title, paragraphs, headings and tables.

The Word, text, Markdown and HTML writers all publish the same document in the same order, so
they take it from here and differ only in how they draw each block. Headings come from the
schema's sections, tables from ``core.layout`` (the official shape with its merged headers), so
that every export looks like the national format and the importers can read each one back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gipr_desktop.core.cell_text import format_cell
from gipr_desktop.core.layout import VALUE, Box, TableLayout, report_layout
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import Table

TITLE, DATELINE, BODY = "title", "dateline", "body"
CONTACT_PREFIX = "联系方式："  # the text importer reads this line back as the contact
PUBLISHED_PREFIX = "发布日期："

# A numbered sub-heading at the start of a paragraph, 「（一）主动公开情况。」: set in 楷体 in Word.
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)][^。；：\n]{1,30}?(?:[。：]|$)")


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: str = BODY  # title | dateline (the publication date under the title) | body


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class PrintedTable:
    layout: TableLayout
    texts: dict[Box, str]  # what each box shows: labels and headers, or the cell's value

    def grid(self) -> list[list[str]]:
        """One list of strings per printed line; a merged box shows its text in its first cell only."""
        lines = [["" for _ in range(self.layout.cols)] for _ in range(self.layout.rows)]
        for box, text in self.texts.items():
            lines[box.row][box.col] = text
        return lines


Block = Paragraph | Heading | PrintedTable


def subheading_split(text: str) -> tuple[str, str]:
    """(sub-heading, rest) of a paragraph that opens with 「（一）……。」, else ("", text)."""
    found = _SUBHEADING.match(text)
    if not found:
        return "", text
    return found.group(0), text[found.end():]


def printed_table(report: Report, table: Table) -> PrintedTable:
    """``table`` as the report prints it (``core.layout.report_layout``: the rows it shows)."""
    layout = report_layout(report, table)
    texts = {box: format_cell(report.get(box.ref)) if box.kind == VALUE else box.text for box in layout.boxes}
    return PrintedTable(layout, texts)


def _date_text(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日"


def _lines(text: str) -> list[Paragraph]:
    return [Paragraph(line) for line in text.split("\n")] if text else []


def report_blocks(report: Report) -> list[Block]:
    """The whole report, in print order: title, publication date, preamble, contact, the six sections."""
    fmt = report.schema
    blocks: list[Block] = [Paragraph(report.title, TITLE)]
    if report.published:
        blocks.append(Paragraph(PUBLISHED_PREFIX + _date_text(report.published), DATELINE))
    blocks += _lines(report.preamble)
    if report.contact:
        blocks += [Paragraph(CONTACT_PREFIX + line) for line in report.contact.split("\n")]
    tables = {table.section: table for table in fmt.tables}
    for section in fmt.sections:
        blocks.append(Heading(section.title))
        blocks += _lines(report.sections.get(section.id, ""))
        if section.id in tables:
            blocks.append(printed_table(report, tables[section.id]))
    return blocks
