"""What of a table section's text is a table left behind: the headers a copied table leaves as text.

A report pasted from Word or a web page often keeps its tables' headers as lines of text in sections
二–四 (「第二十条第（一）项信息内容本年制发件数…」). They are not the writer's narrative: the 「待更新」
note (U1) does not compare them, and when they are another format's labels (「对外公开总数量」 in a
2021 report) the table was copied from the old template (S8). The labels are the schema's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import formats, get_format

_TABLE_WORDS = re.compile(r"第[一二三四五六七八九十]+条第（[一二三四五六七八九十]+）项|信息内容|（?单位：万元）?")


@lru_cache(maxsize=256)
def _table_words(format_id: str, section_id: str) -> tuple[str, ...]:
    """The labels a copied table of ``section_id`` leaves behind as text, longest first."""
    fmt = get_format(format_id)
    words = set()
    for table in fmt.tables:
        if table.section == section_id:
            words |= table.labels() | {table.title}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


@lru_cache(maxsize=256)
def _narrative(format_id: str, section_id: str, text: str) -> str:
    words = _table_words(format_id, section_id)
    if not words:
        return text
    kept = []
    for line in text.splitlines():
        rest = line
        for word in words:
            rest = rest.replace(word, "")
        if not _is_header(rest):
            kept.append(line)
    return "\n".join(kept)


@lru_cache(maxsize=16)
def _own_labels(format_id: str) -> tuple[str, ...]:
    return tuple(sorted({word for section in get_format(format_id).sections for word in _table_words(format_id, section.id)},
                        key=lambda word: (-len(word), word)))


@lru_cache(maxsize=16)
def _foreign_labels(format_id: str) -> tuple[tuple[str, str], ...]:
    """(label, format name) of the labels other formats print in their tables and this one does not,
    longest first (a label that is part of one of ours is found once ours are taken out)."""
    own = set(_own_labels(format_id))
    result: dict[str, str] = {}
    for other in formats().values():
        for section in other.sections:
            for word in _table_words(other.id, section.id):
                if other.id != format_id and word not in own and len(word) >= 4:
                    result.setdefault(word, other.name)
    return tuple(sorted(result.items(), key=lambda item: (-len(item[0]), item[0])))


def foreign_labels(report: Report, section_id: str) -> dict[str, list[str]]:
    """By format name, the labels of another format left as text in a table section of ``report``
    (a table copied from the old template), in the lines that hold nothing but table labels."""
    found: dict[str, list[str]] = {}
    if not _table_words(report.format, section_id):
        return found  # not a table section
    own = _own_labels(report.format)
    for line in report.sections.get(section_id, "").splitlines():
        rest, words = line, {}
        for word in own:
            rest = rest.replace(word, "|")
        for word, name in _foreign_labels(report.format):
            if word in rest:
                words[word] = name
                rest = rest.replace(word, "|")
        if words and _is_header(rest):  # a header left behind, not a sentence that uses the word
            for word, name in words.items():
                if word not in found.get(name, []):
                    found.setdefault(name, []).append(word)
    return found


def _is_header(rest: str) -> bool:
    """Whether what is left of a line once the table labels are taken out is too little for a sentence."""
    return len(re.sub(r"[\s\W\d]", "", _TABLE_WORDS.sub("", rest))) < 6


def narrative(report: Report, section_id: str) -> str:
    """What the writer wrote in a section: without the table headers a copied table leaves there."""
    return _narrative(report.format, section_id, report.sections.get(section_id, ""))
