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
from bisect import bisect_right
from functools import cache

from gipr_desktop.core.labels import QUOTE_MARKS, TYPOS, match_section, normalize, strip_ordinal
from gipr_desktop.core.schema import get_format

LONG_LINE = 300
FLAT_LABELS = 4  # row labels with numbers after them on one line: a table run into the line
FLAT_HEADINGS = 3  # numbered section headings (「一、总体情况」) on one line: sections run together
# a numbered heading, not 「第二十条第（一）项」: what it begins with looked ahead for first, so that a search
# skips a paragraph at once instead of looking behind each of its characters
_HEADING = re.compile(r"(?=[一二三四五六七八九十（(])(?<![第])(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])")
_ITEM = re.compile(r"第二十条第")
_TITLE_END = re.compile(r"年度?报告")
# what a title never holds before its 「年度报告」: a clause's mark, a document's name it quotes (「…关于印发
# 〈中华人民共和国政府信息公开工作年度报告格式〉的通知》」), or the words a sentence begins with
_NO_TITLE = re.compile(r"[，。；：,;:〈<]|(?<!^)《|^\s*(?:本报告|根据|按照|依据)")
_HEADING_END = re.compile(r"情况|事项")
_NOTE = r"(?:\s*[（(][^（()）]{1,120}[)）])?"  # a note in brackets after a label (「规章（设区的市…）0 0 0」)
_VALUE_AFTER = re.compile(_NOTE + r"[\s”’」\"']*[\d０-９\-—/无]")  # a label's closing quote, which its key drops, before it
# 「规范性文件5件，」: a sentence's count; a table that prints its cells' units goes on with the next
# cell's number (「政府集中采购1个246900元」)
_COUNTED = re.compile(r"[\s”’」\"']*[\d０-９]+\s*[件起条次项个份](?!\s*[\d０-９])")
_TEXT_BEGINS = re.compile(r"[\d０-９，。；：,;:]")
HEADING_LENGTH = 30  # a numbered heading's words end within this many characters


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


def _normalized_with_positions(line: str) -> tuple[str, _Positions]:
    """``normalize`` applied char by char, with the raw index of each normalized char. Each
    distinct character is folded once; a line of 300 000 characters is then folded in C."""
    folds = {char: _CHAR_FOLDS[char] if char in _CHAR_FOLDS else _fold_char(char) for char in set(line)}
    changed = {ord(char): folded for char, folded in folds.items() if folded != char}
    text = line.translate(changed) if changed else line
    for wrong, right in TYPOS.items():
        if len(wrong) == len(right):
            text = text.replace(wrong, right)
    uneven = "".join(re.escape(char) for char, folded in folds.items() if len(folded) != 1)
    breaks = [(m.start(), len(folds[m.group()])) for m in re.finditer(f"[{uneven}]", line)] if uneven else []
    return text, _Positions(breaks)


_CHAR_FOLDS: dict[str, str] = {}  # characters folded so far (spaces fold to ""), kept once per program run
MAX_CHAR_FOLDS = 20_000  # more distinct characters than any report prints: the rest are folded each time


def _fold_char(char: str) -> str:
    folded = normalize(char) if not char.isspace() else ""
    if not folded and not char.isspace() and char not in QUOTE_MARKS:  # a bar or a rule is kept apart
        folded = unicodedata.normalize("NFKC", char).strip()
    if len(_CHAR_FOLDS) < MAX_CHAR_FOLDS:
        _CHAR_FOLDS[char] = folded
    return folded


class _Positions:
    """The raw index of each folded character, from the characters that fold to other than one
    character (spaces fold to none, 「…」 to three): between them the two run in step."""

    def __init__(self, breaks: list[tuple[int, int]]) -> None:
        self._starts: list[int] = []  # where each such character's fold begins in the folded text
        self._raw: list[int] = []
        self._lengths: list[int] = []
        self._shifts: list[int] = []  # folded index minus raw index after it
        shift = 0
        for raw, length in breaks:
            self._starts.append(raw + shift)
            self._raw.append(raw)
            self._lengths.append(length)
            shift += length - 1
            self._shifts.append(shift)

    def __getitem__(self, index: int) -> int:
        at = bisect_right(self._starts, index) - 1
        if at < 0:
            return index
        if index < self._starts[at] + self._lengths[at]:
            return self._raw[at]
        return index - self._shifts[at]


def _label_cuts(line: str, format_id: str) -> set[int]:
    """Cut before each row label followed by a value, but for one right after 「的」 or whose number
    a measure word counts (「规范性文件5件」): a noun of a sentence. Longer labels first; a shorter label
    inside a longer one found ("规范性文件" in "行政规范性文件") is not a label of its own.
    A short label that has an official ordinal ("3.其他", "（七）总计") needs it printed."""
    key, positions = _normalized_with_positions(line)
    cuts: set[int] = set()
    taken = bytearray(len(key))  # 1 where a label found lies
    for ordinal, body in _row_labels(format_id):
        if not body:
            continue
        start = key.find(body)
        while start >= 0:
            end = start + len(body)
            has_ordinal = bool(ordinal) and key.endswith(ordinal, 0, start)
            raw_end = positions[end - 1] + 1
            free = taken.find(1, start, end) < 0
            begin = start - len(ordinal) if has_ordinal else start
            if free and (has_ordinal or not ordinal or len(body) >= 4) and _VALUE_AFTER.match(line, raw_end) \
                    and not _COUNTED.match(line, raw_end) and not _in_sentence(line, positions[begin]):
                cuts.add(positions[begin])
                taken[begin:end] = b"\x01" * (end - begin)
            start = key.find(body, end)
    return cuts


_SUB_ORDINAL = re.compile(r"(\d{1,2})[.．]")  # a sub-row's ordinal, as a label cut begins with it


def _next_ordinal_cuts(line: str, cuts: set[int]) -> set[int]:
    """Cuts before the ordinal that follows a cut label's own (「5.」 after 「4.」) where it is printed
    before the next cut, of a label or a heading (「…合法权益00000005.属于三类内容事务信息1000001」): the
    next row, whose label, damaged, was not cut before; or printed blank, its label run into the next
    (「…公开申请3.其他」)."""
    found = set()
    ends = sorted(cuts) + [len(line)]
    for start, end in zip(ends, ends[1:]):
        own = _SUB_ORDINAL.match(line, start)
        if own:
            at = line.find(f"{int(own.group(1)) + 1}.", own.end(), end)
            if at > own.end():
                found.add(at)
    return found


def _may_hold_labels(line: str, format_id: str) -> bool:
    """Whether ``line`` may hold ``FLAT_LABELS`` row labels followed by a value: their bodies are
    counted on the line's plain key, which costs a tenth of ``_label_cuts``'s and never counts
    fewer (what may stand between a label and its value, spaces and quotes, the key drops). A
    long paragraph of a normal report is told so at once."""
    key = normalize(line)
    found = 0
    for _, body in _row_labels(format_id):
        start = key.find(body) if body else -1
        while start >= 0:
            end = start + len(body)
            if _VALUE_AFTER.match(key, end):
                found += 1
                if found >= FLAT_LABELS:
                    return True
            start = key.find(body, end)
    return False


def _in_sentence(line: str, at: int) -> bool:
    """Whether the label at ``at`` follows 「的」 (spaces aside): 「…制发的规范性文件88件」, a noun of a
    sentence, not a row of a table run into the line."""
    at -= 1
    while at >= 0 and line[at].isspace():
        at -= 1
    return at >= 0 and line[at] == "的"


def _heading_cuts(line: str, format_id: str) -> set[int]:
    """Cut before each numbered heading and after it: where it says 情况 or 事项, or, for a heading
    worded otherwise whose words are a section's (「五、存在的主要问题及明年工作计划2024年，我局…」,
    「五、工作中存在的不足及改进措施2024年…」), before the first figure or punctuation after them, where
    its text begins."""
    cuts = {m.start() for m in _HEADING.finditer(line)} | {m.start() for m in _ITEM.finditer(line)}
    for match in _HEADING.finditer(line):
        if match.group().endswith("、"):
            end = _HEADING_END.search(line, match.end(), match.end() + HEADING_LENGTH)
            if end:
                cuts.add(end.end())
            else:
                text = _TEXT_BEGINS.search(line, match.end(), match.end() + HEADING_LENGTH)
                if text and match_section(get_format(format_id), line[match.start():text.start()]) is not None:
                    cuts.add(text.start())
    title = _TITLE_END.search(line, 0, 80)
    if title and not _NO_TITLE.search(line, 0, title.start()):
        cuts.add(title.end())
    return cuts


def _section_headings(line: str) -> int:
    """How many distinct numbered headings naming a 情况 or 事项 the line holds."""
    numbers = set()
    for match in _HEADING.finditer(line):
        if match.group().endswith("、") and _HEADING_END.search(line, match.end(), match.end() + HEADING_LENGTH):
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
        flat_headings = _section_headings(line) >= FLAT_HEADINGS
        labels = _label_cuts(line, format_id) if flat_headings or _may_hold_labels(line, format_id) else set()
        if len(labels) < FLAT_LABELS and not flat_headings:
            result.append(line)
            continue
        headings = _heading_cuts(line, format_id)
        labels |= _next_ordinal_cuts(line, labels | headings)
        cuts = sorted((labels | headings) - {0})
        start = 0
        for cut in cuts:
            result.append(line[start:cut])
            start = cut
        result.append(line[start:])
    return result
