"""Sentences a copy broke over lines, joined back.

A page saved by a crawler breaks its text at every inline tag: 「联系电话」「:0598」「-」「8231086」「。」
each on a line of their own, with no blank line between paragraphs. Read line by line, the contact
is cut short (「电话：0594-2」, a wrong number) and the exported report has paragraphs of one figure.
A careful reader joins such pieces back into the sentence they belong to, and only where the whole
document is broken so: a report whose paragraphs are whole lines also prints lines without a full
stop (a contact item a line, the signature and its date), and those stay apart.

A line that can but continue the one before it (「；」 or 「。」 alone), an enumeration's number alone
(「三是」) and the words after it, and a figure alone and the measure after it (「2019」「年没有…」), are
joined in any document.
Joining is for the text of the preamble and of the sections without a table; a table's cells are
read from the lines as printed.
"""

from __future__ import annotations

import re

from gipr_desktop.io.printed import CONTACT_PREFIX
from gipr_desktop.io.text_import.front_matter import CONTACT_ITEMS
from gipr_desktop.io.text_import.page_fields import FIELD_NAMES

_SENTENCE_END = re.compile(r"[。！？；!?;][」』”’）)\]】]*\s*$")
_GOES_ON = re.compile(r"^\s*[、，,。；;：:）)〕】」』》”’%％]")  # a line that can only continue the one before it
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]"
                      r"|\d{1,2}\s*[.．、](?!\d)|第[一二三四五六七八九十]+部分|[①-⑳])")
_ORDINAL_ONLY = re.compile(_HEADING.pattern + r"\s*$")
_STARTER_ONLY = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*是?\s*$")  # 「三是」 or 「四」 alone: its words follow
_FIGURE_ONLY = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")  # 「2019」 alone …
_MEASURED = re.compile(r"^\s*(?:年|月|日|件|条|个|项|次|人次|万元|元|%|％)")  # … and the line after goes on with what it counts
_RUN_IN = re.compile(r"[。；;!?！？]")
# 「邮编：」, 「发布日期：」, 「联系方式：」 begin an item of their own; 「编：350400」 (「邮」 on the line before, as a PDF wraps
# it) or 「整改措施：一是…」 go on with the line before
_ITEM = re.compile(r"^\s*(?:" + "|".join([CONTACT_ITEMS, *FIELD_NAMES, CONTACT_PREFIX.rstrip("：")]) + r")\s*[:：]")
_MID_ITEM = re.compile(r"[：:\-—－]\s*$")
_OPEN_END = re.compile(r"[，、,：:（(《「“\-—]\s*$")  # a line that stops where its sentence goes on
_DATE = re.compile(r"^\s*(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年.{1,6}月.{1,4}日\s*$")
HEADING_WORDS = 24  # a sub-heading's words, its number included, are fewer
BROKEN_LEAST = 8  # lines that break off mid-sentence before a document is taken as broken at every tag
BROKEN_SHARE = 1 / 3  # … and their share of the lines followed by another


def _runs_on(heading: str) -> bool:
    """Whether a heading's line holds its text after it: 「（一）主动公开方面。2024年，我局…」, or longer
    than a heading's words are (「（一）加强组织领导，强化责任分工一是进一步强化政治」)."""
    return bool(_RUN_IN.search(heading)) or len("".join(heading.split())) > HEADING_WORDS


def _goes_on(line: str, after: str) -> bool:
    """Whether ``line`` breaks off a sentence that ``after`` continues."""
    if not line.strip() or not after.strip():
        return False
    if _GOES_ON.match(after):
        return True
    if _SENTENCE_END.search(line) or _HEADING.match(after) or _DATE.match(after):
        return False
    if _HEADING.match(line) and not _ORDINAL_ONLY.match(line) and not _runs_on(line):
        return False  # a heading's line ends where its words do
    return not (_ITEM.match(after) and not _OPEN_END.search(line))


def ends_mid_item(line: str) -> bool:
    """Whether ``line`` stops inside an item of a list such as a contact: after its label's colon
    (「邮 箱 ：」) or inside a telephone number (「0598—」); not after a clause (「，」), where prose
    may go on."""
    return bool(_MID_ITEM.search(line))


def is_broken(lines: list[str]) -> bool:
    """Whether the text breaks off mid-sentence at many of its lines, as a page broken at every
    inline tag does."""
    followed = [(line, after) for line, after in zip(lines, lines[1:]) if line.strip() and after.strip()]
    breaks = sum(_goes_on(line, after) for line, after in followed)
    return breaks >= BROKEN_LEAST and breaks >= BROKEN_SHARE * len(followed)


def joined(lines: list[str], broken: bool) -> list[str]:
    """``lines`` with each sentence broken over several joined back onto one line, where the
    document is ``broken`` at every tag; else only a line that can but continue the one before it
    (「；」「。」 alone, 「，邮编：」) is joined to it, one after an enumeration's number alone (「三是」,
    「四」), whose words it holds, and one going on with what the figure alone before it counts
    (「2019」「年…」)."""
    out: list[str] = []
    for before, line in zip(["", *lines], lines):  # the line as printed before: a heading's words after its number go on
        if broken:
            goes_on = _goes_on(before, line)  # an enumeration's number alone included
        else:
            goes_on = bool(before.strip() and _GOES_ON.match(line) or line.strip() and _STARTER_ONLY.match(before)
                           or _FIGURE_ONLY.match(before) and _MEASURED.match(line))
        if goes_on:
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out
