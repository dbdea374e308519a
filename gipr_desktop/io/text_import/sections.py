"""The parts of a printed report: title (unit and year), preamble, and the six sections.

Headings are numbered loosely ("三、", "3、", "（三）", full or half width, stray spaces) and
worded loosely ("改进措施" for "改进情况"); ``core.labels.match_section`` knows the wording. A
heading is taken in order (一 before 二 …) and only where its number, if printed, is its own, so
that a sub-heading such as "（一）主动公开政府信息情况" inside section 一 is not section 二. A
second pass accepts a heading numbered differently (reports that number their own parts) when
it lies between the sections found around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gipr_desktop.core.labels import match_section, normalize, strip_ordinal
from gipr_desktop.core.schema import SECTION_IDS, Format
from gipr_desktop.io.text_import.front_matter import UNIT_END, looks_like_unit
from gipr_desktop.io.text_import.page_fields import BREADCRUMB, TITLE_FIELD

_NUMERALS = "一二三四五六七八九十"
_ORDINAL = re.compile(r"^\(?([一二三四五六七八九十]+|\d+)\)?\.?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TITLE_TAIL = re.compile(r"(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:年度)?报告.*$")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\ufeff"  # zero-width spaces and joiners, a byte-order mark
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_DEBRIS = re.compile(r"\[bookmark:[^\]]*\]|\[(?:image|图片)[^\]]*\]|" + _INVISIBLE.pattern + "|<!--.*?-->")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_METADATA = re.compile(r"^\s*[-*•]\s*\S{1,6}\s*[:：]")
MAX_HEADING = 60


@dataclass
class Layout:
    """Where the parts of a report lie, as line indices into ``lines``."""

    lines: list[str]
    headings: dict[str, int] = field(default_factory=dict)  # section id -> line index of its heading
    sub_headed: set[str] = field(default_factory=set)  # sections begun at a sub-heading: its line is their text

    def body(self, section_id: str) -> list[str]:
        """The lines of a section, after its heading (from it, where it is a sub-heading standing in
        for a heading not printed) and before the next heading found."""
        start = self.headings.get(section_id)
        if start is None:
            return []
        later = [index for index in self.headings.values() if index > start]
        heading = 0 if section_id in self.sub_headed else 2 if _ORDINAL_ONLY.match(self.lines[start]) else 1
        return self.lines[start + heading : min(later, default=len(self.lines))]

    def front(self) -> list[str]:
        """The lines before the first heading: title, metadata, preamble."""
        return self.lines[: min(self.headings.values(), default=len(self.lines))]


# A page's number printed as its own line by a PDF copy: 「— 4 —」「- 4 -」「第 4 页」「第4页 共7页」.
_PAGE_NUMBER = re.compile(r"^\s*(?:[—–\-－]\s*\d{1,3}\s*[—–\-－]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?)\s*$")


_BARE_NUMBER = re.compile(r"^\s*[—–\-－]?\s*\d{1,3}\s*[—–\-－]?\s*$")  # 「3」「-3」 alone on a line


def is_page_number(line: str, outside_tables: bool = False) -> bool:
    """A line that only numbers a page: no part of the report, dropped before anything is read.
    ``outside_tables``: the line is known to stand outside every table (a PDF page's text), so
    that a number alone on it numbers the page too; in a text it may be a table's cell."""
    if len(line) >= 24:
        return False
    first = line.lstrip()[:1]
    if first not in "—–-－第" and not (outside_tables and first.isdigit()):
        return False  # most lines: not even the beginning of a page's number
    return bool(_PAGE_NUMBER.match(line) or outside_tables and _BARE_NUMBER.match(line))


_PAGE_FOOTER = re.compile(r"\n[ \t]*[-—–－]?[ \t]*(\d{1,3})[ \t]*[-—–－]?[ \t]*\n\s*$")  # a page's last line: its number


def drop_page_footers(text: str) -> str:
    """``text`` without the bare numbers a PDF copy (``pdftotext``) prints to number its pages. Only
    where the last lines of three pages at least, and of all pages but one, count the pages (their
    number less their place is the same): those are dropped, and on the other pages the one line
    that holds just that page's number, wherever the copy put it; a page with two such lines keeps
    both, so that a table's cell is never taken for a page's number."""
    if text.count("\f") < 2:
        return text
    pages = text.split("\f")
    found = [_PAGE_FOOTER.search("\n" + page) for page in pages]
    offsets = [int(match.group(1)) - place for place, match in enumerate(found) if match]
    offset = max(set(offsets), key=offsets.count, default=0)
    counted = [bool(match) and int(match.group(1)) - place == offset for place, match in enumerate(found)]
    if sum(counted) < max(3, sum(1 for page in pages if page.strip()) - 1):
        return text
    kept = []
    for place, (page, match, count) in enumerate(zip(pages, found, counted)):
        if count:
            page = ("\n" + page)[1:match.start()] + "\n"
        else:
            lines = page.split("\n")
            at = _page_number_line(lines, place + offset)
            if at is not None:
                del lines[at]
                page = "\n".join(lines)
        kept.append(page)
    return "\f".join(kept)


def _page_number_line(lines: list[str], number: int) -> int | None:
    """Where a page whose last line is not its number prints that number: the one line that says
    so (「—7—」「第 7 页」, never a cell), else the one line of the bare number; ``None`` where there
    are two (a table's cell may be the very number)."""
    said = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line) and re.search(r"\d+", line).group() == str(number)]
    bare = [i for i, line in enumerate(lines) if line.strip() == str(number)]
    found = said or bare
    return found[0] if len(found) == 1 else None


def clean_lines(lines: list[str], text: str) -> list[str]:
    """``lines``, the lines of ``text``, without conversion debris (a Word page's
    「<!--[if !supportMisalignedColumns]-->」 kept as text by a copy) and without markdown heading
    marks ("## 一、总体情况"). The whole text says at once whether any line has either."""
    debris = "[" in text or "<!--" in text or any(char in text for char in _INVISIBLE_CHARS)  # a find each, sooner than a search
    if not debris and "#" not in text:
        return lines
    return [_clean_line(line, debris) for line in lines]


def _clean_line(line: str, debris: bool) -> str:
    if debris and ("[" in line or "<!--" in line or not line.isascii() and _INVISIBLE.search(line)):
        line = _DEBRIS.sub("", line)
    return _MARKDOWN_HEADING.sub("", line) if "#" in line else line


def _ordinal_number(key: str) -> int | None:
    match = _ORDINAL.match(key)
    if not match:
        return None
    token = match.group(1)
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    return _NUMERALS.index(token[-1]) + 1 if len(token) == 1 else None


_ORDINAL_ONLY = re.compile(r"^\s*(?:(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）])\s*$")
_ORDINAL_FIRST = "一二三四五六七八九十（(0123456789"  # what such a line begins and ends with: most lines, a
_ORDINAL_LAST = "、.．)）"  # cell's number among them, are told by these at once


def _heading_text(lines: list[str], index: int) -> str:
    """The line, or, where it is a heading's number alone (「一、」 or 「1.」 on a line and 「总体情况」 on
    the next, as a page broken at every inline tag prints it), the number with the next line."""
    line = lines[index]
    first = line.lstrip()[:1]
    if first and first in _ORDINAL_FIRST and line.rstrip()[-1:] in _ORDINAL_LAST and _ORDINAL_ONLY.match(line) \
            and index + 1 < len(lines):
        return line.strip() + lines[index + 1].strip()
    return line


def find_headings(fmt: Format, lines: list[str]) -> dict[str, int]:
    candidates = []  # (line index, section id, printed number or None, exact wording, numbered as a sub-heading)
    for index in range(len(lines)):
        line = _heading_text(lines, index)
        if "\t" in line or "|" in line or len(line) > MAX_HEADING * 2:
            continue
        key = normalize(line)
        if not key or len(key) > MAX_HEADING:
            continue
        section_id = match_section(fmt, line)
        if section_id is None:
            continue
        number = _ordinal_number(key)
        heading = normalize(fmt.section(section_id).heading)
        exact = key == heading
        # numbered as a sub-heading: in brackets (「（四）…」); in arabic figures, but for the part's own words (「2.主动
        # 公开情况。全年…」: a body numbering part 一's sub-headings so; 「2.主动公开政府信息情况」: its parts)
        sub = key.startswith("(") or key[:1].isdigit() and strip_ordinal(key) != heading
        candidates.append((index, section_id, number, exact, sub))
    found: dict[str, int] = {}
    last = -1
    for index, section_id, number, _, sub in candidates:  # first pass: numbered as its own, in order, as a
        # part is (「四、」: a sub-heading of 总体情况 numbered 「（四）」 may name a later part, 「（四）因…行政复议…情况」)
        if index > last and section_id not in found and int(section_id) > max(map(int, found), default=0):
            if number == int(section_id) and not sub:
                found[section_id] = index
                last = index
    # then, between the sections found around it: a heading printed without a number in its exact
    # words (not a preamble's list of the parts, one a line, before the numbered headings), and
    # last one numbered otherwise
    for takes in (lambda number, exact: number is None and exact, lambda number, exact: number is not None):
        for index, section_id, number, exact, _ in candidates:
            if section_id in found or not takes(number, exact):
                continue
            before = max((found[s] for s in found if int(s) < int(section_id)), default=-1)
            after = min((found[s] for s in found if int(s) > int(section_id)), default=len(lines))
            if before < index < after:
                found[section_id] = index
    return {s: found[s] for s in SECTION_IDS if s in found}


def sub_headed(lines: list[str], headings: dict[str, int]) -> set[str]:
    """The sections whose heading is not printed and which ``find_headings`` found at a sub-heading
    of theirs numbered otherwise (「（一）2024 年工作中存在问题的改进情况」 where 「五、…」 is missing)."""
    return {section_id for section_id, index in headings.items()
            if (key := normalize(lines[index])).startswith("(") and _ordinal_number(key) not in (None, int(section_id))}


@dataclass
class Title:
    unit: str = ""
    year: int | None = None
    line: int | None = None  # index of the title's first line
    end: int | None = None  # index of the first line after the title


_SENTENCE_MARK = re.compile(r"[，。；,;]")
_NOT_TITLE = re.compile(r"^(?:现将|现公布|根据|按照|依据|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])|如下|。$")


def _unit_line(line: str) -> str:
    """A line of its own above the title that names the unit (「荷花路街道办事处」), or "": not a
    sentence, a page's field (「更新时间：」) or its menu (「首页 政务动态 政务公开」)."""
    text = re.sub(r"\s+", "", line)
    if (2 <= len(text) <= 30 and not _SENTENCE_MARK.search(text) and not _YEAR.search(text) and "报告" not in text
            and not _FIELD_MARK.search(text) and sum(len(word) > 1 for word in line.split()) < MENU_WORDS):
        return text
    return ""


_FIELD_MARK = re.compile(r"[:：|｜>＞]")
MENU_WORDS = 3  # words apart on a line: a page's menu, not a unit's name (「中共某某委员会 某某人民政府」, 「荷 花 路」)
_QUOTES = "《》“”\"'「」 :："
_ABOUT = re.compile(r"关于$")  # 「××局关于2023年度政府信息公开工作的年度报告」


def find_title(lines: list[str]) -> Title:
    """Unit and year from the first line naming a year and 信息公开. A title may break over two
    or three lines (the unit on a line of its own above it, or 「报告」 below), be cut off after
    信息公开, be printed only in the page's 「名称：」 field (read where no title line is), or name
    no year (the unit only, from a title line at the top)."""
    return _title(lines, fields=False) or _title(lines, fields=True) or _yearless_title(lines) or Title()


_YEARLESS_TITLE = re.compile(r"^《?(?!(?:人民)?政府信息公开)(\S{2,30}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告》?$")
TITLE_LINES = 5  # the lines of text at the top a title without a year is looked for among


def _yearless_title(lines: list[str]) -> Title | None:
    """A title that names the unit and no year (「驼峰路街道办事处政府信息公开工作年度报告」), among
    the first lines of text: the year is then found elsewhere."""
    seen = 0
    for index, line in enumerate(lines[:80]):
        text = re.sub(r"\s+", "", line)
        if not text:
            continue
        match = _YEARLESS_TITLE.match(text)
        unit = match.group(1) + ("政府" if match.group(1).endswith("人民") else "") if match else ""
        if unit and looks_like_unit(unit) and not _NOT_TITLE.search(text):
            return Title(unit=unit.strip("《》 :："), line=index, end=index + 1)
        seen += 1
        if seen == TITLE_LINES:
            return None
    return None


TITLE_AGAIN = 3  # lines after a title naming no unit within which the title printed again may name it


def _title(lines: list[str], fields: bool) -> Title | None:
    """The first title line; one that names no unit yields to the same title printed again just after
    it under its unit's line (a page's bar 「2022年政府信息公开工作年度报告」 above the article's own)."""
    unitless: Title | None = None
    for index, line in enumerate(lines[:80]):
        if unitless is not None and index > unitless.end + TITLE_AGAIN:
            break
        field = TITLE_FIELD.match(line)
        if (field is None) == fields or (_METADATA.match(line) and not field) or BREADCRUMB.search(line):
            continue
        text = re.sub(r"\s+", "", line[field.end():] if field else line)
        end = index + 1
        rest = re.sub(r"\s+", "", lines[end]) if end < len(lines) and len(lines[end].strip()) < 20 else ""
        if "报告" not in text and "报告" in rest and "信息公开" in text + rest and not _YEAR.search(rest):
            text, end = text + rest, end + 1  # 「报告」 below, or the line broken inside 信息公/开 (a PDF copy)
        if not text or "信息公开" not in text or not _YEAR.search(text) or len(text) > 60:
            continue
        if _NOT_TITLE.search(text) or ("报告" not in text and _SENTENCE_MARK.search(text)):
            continue  # a sentence naming a year and 信息公开, not a title (nor a title cut off)
        year_match = _YEAR.search(text)
        year = int(year_match.group(1))
        unit = text[: year_match.start()] if year_match.start() > 0 else text[year_match.end():].lstrip("度")
        unit = _ABOUT.sub("", _TITLE_TAIL.sub("", unit).strip(_QUOTES)).strip(_QUOTES)
        if unit.endswith("人民"):
            unit += "政府"  # 「××区人民政府信息公开工作年度报告」: 政府 belongs to the unit
        first = index
        above = _unit_line(lines[index - 1]) if index > 0 else ""
        if above and (not unit or UNIT_END.fullmatch(unit)):
            # the unit on a line of its own above, or broken inside its name (「××街道」/「办事处2023年…」)
            unit, first = above + unit, index - 1
        title = Title(unit=unit, year=year, line=first, end=end)
        if unit and (unitless is None or year == unitless.year and UNIT_END.search(unit)):  # again: under a body's name
            return title
        unitless = unitless or title
    return unitless


def paragraphs(lines: list[str]) -> str:
    """Lines as paragraphs: trimmed, blank lines and metadata lines dropped."""
    kept = [line.strip(" \t\u3000") for line in lines]
    return "\n".join(line for line in kept if line and not _METADATA.match(line))
