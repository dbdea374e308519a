"""Breaking a report flattened onto one line back into lines.

Some published pages (and copies of them) hold a whole report, tables included, on one line:
"…规章000行政规范性文件77132470第二十条第（五）项…". Before such a line can be read it is cut
before every row label of the schema (with its printed ordinal, which may be glued to the digits
before it: "3200000326.属于四类…"), before every numbered heading, and after the title.
Only long lines that really hold a flattened report are cut — several row labels followed by
their numbers, or several numbered section headings; a long paragraph of a normal report (a
preamble of 900 characters that says 「本年度报告包括…」) passes through whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from gipr_desktop.core.labels import TYPOS, normalize, strip_ordinal
from gipr_desktop.core.schema import get_format

LONG_LINE = 300
FLAT_LABELS = 4  # row labels with numbers after them on one line: a table run into the line
FLAT_HEADINGS = 3  # numbered section headings (「一、总体情况」) on one line: sections run together
_HEADING = re.compile(r"(?<![第])(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])")
_ITEM = re.compile(r"第二十条第")
_TITLE_END = re.compile(r"年度?报告")
_HEADING_END = re.compile(r"情况|事项")
_VALUE_AFTER = re.compile(r"\s*[\d０-９\-—/无]")


@cache
def _row_labels(format_id: str) -> tuple[tuple[str, str], ...]:
    """(ordinal, body) of every row label of the format, normalized, longest body first."""
    labels = set()
    for table in get_format(format_id).tables:
        for row in table.rows:
            for label in (row.label, *row.aliases):
                key = normalize(label)
                body = strip_ordinal(key)
                labels.add((key[: len(key) - len(body)], body))
    return tuple(sorted(labels, key=lambda item: -len(item[1])))


def _normalized_with_positions(line: str) -> tuple[str, list[int]]:
    """``normalize`` applied char by char, with the raw index of each normalized char."""
    chars: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(line):
        folded = normalize(char) if not char.isspace() else ""
        if not folded and not char.isspace():
            folded = unicodedata.normalize("NFKC", char).strip()
        chars.append(folded)
        positions.extend([index] * len(folded))
    text = "".join(chars)
    for wrong, right in TYPOS.items():
        if len(wrong) == len(right):
            text = text.replace(wrong, right)
    return text, positions


def _label_cuts(line: str, format_id: str) -> set[int]:
    """Cut before each row label followed by a value. Longer labels first; a shorter label
    inside a longer one found ("规范性文件" in "行政规范性文件") is not a label of its own.
    A short label that has an official ordinal ("3.其他", "（七）总计") needs it printed."""
    key, positions = _normalized_with_positions(line)
    cuts: set[int] = set()
    taken: list[tuple[int, int]] = []
    for ordinal, body in _row_labels(format_id):
        if not body:
            continue
        start = key.find(body)
        while start >= 0:
            end = start + len(body)
            has_ordinal = bool(ordinal) and key[:start].endswith(ordinal)
            raw_end = positions[end - 1] + 1
            free = not any(a < end and start < b for a, b in taken)
            if free and (has_ordinal or not ordinal or len(body) >= 4) and _VALUE_AFTER.match(line, raw_end):
                begin = start - len(ordinal) if has_ordinal else start
                cuts.add(positions[begin])
                taken.append((begin, end))
            start = key.find(body, end)
    return cuts


def _heading_cuts(line: str) -> set[int]:
    cuts = {m.start() for m in _HEADING.finditer(line)} | {m.start() for m in _ITEM.finditer(line)}
    for match in _HEADING.finditer(line):
        if match.group().endswith("、"):
            end = _HEADING_END.search(line, match.end(), match.end() + 30)
            if end:
                cuts.add(end.end())
    title = _TITLE_END.search(line, 0, 80)
    if title:
        cuts.add(title.end())
    return cuts


def _section_headings(line: str) -> int:
    """How many distinct numbered headings naming a 情况 or 事项 the line holds."""
    numbers = set()
    for match in _HEADING.finditer(line):
        if match.group().endswith("、") and _HEADING_END.search(line, match.end(), match.end() + 30):
            numbers.add(match.group())
    return len(numbers)


def reflow(lines: list[str], format_id: str) -> list[str]:
    """``lines`` with every flattened line longer than ``LONG_LINE`` characters cut into its parts."""
    if all(len(line) <= LONG_LINE for line in lines):
        return lines
    result: list[str] = []
    for line in lines:
        if len(line) <= LONG_LINE:
            result.append(line)
            continue
        labels = _label_cuts(line, format_id)
        if len(labels) < FLAT_LABELS and _section_headings(line) < FLAT_HEADINGS:
            result.append(line)
            continue
        cuts = sorted((labels | _heading_cuts(line)) - {0})
        start = 0
        for cut in cuts:
            result.append(line[start:cut])
            start = cut
        result.append(line[start:])
    return result
