"""查找: where a word stands in a report — its preamble, its six sections, its tables' row labels.

Office users look for 「依申请」 in the text or 「行政复议」 in a table the way they would in Word.
Full-width and half-width forms are the same to the search (「１２」 finds 「12」), and so are upper
and lower case; a match gives back its place in the original text, to be selected there.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef


@dataclass(frozen=True)
class Match:
    kind: str  # "preamble" | "section" | "row"
    section: str = ""  # the section's id, for "section"
    start: int = 0  # where the match begins in the text, for "preamble" and "section"
    length: int = 0
    ref: CellRef | None = None  # the row's first cell, for "row"
    label: str = ""  # how the user is told where it is: 「三、收到和处理……」、「正文第二部分」


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded if len(folded) == len(text) else text.casefold()  # positions must stay those of the text


def _positions(text: str, needle: str) -> list[int]:
    haystack = _fold(text)
    found, start = [], haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + max(len(needle), 1))
    return found


def find(report: Report, words: str) -> list[Match]:
    """Every place ``words`` stands, in the order of the printed report."""
    needle = _fold(words.strip())
    if not needle:
        return []
    fmt = report.schema
    matches = [Match("preamble", start=i, length=len(needle), label="开头说明") for i in _positions(report.preamble, needle)]
    tables = {table.section: table for table in fmt.tables}
    for section in fmt.sections:
        text = report.sections.get(section.id, "")
        matches += [Match("section", section.id, i, len(needle), label=f"正文「{section.title}」")
                    for i in _positions(text, needle)]
        table = tables.get(section.id)
        if table is None:
            continue
        for row in table.rows:
            if needle in _fold("".join(row.path)) and row.columns:
                matches.append(Match("row", ref=CellRef(table.id, row.id, row.columns[0].id),
                                     label=f"表「{table.title}」·{table.row_name(row.id)}"))
    return matches
