"""The fields a web page prints around a report's text, as copies and crawlers keep them.

A report copied from its page, or saved by a crawler, begins with the page's fields, one a line
(「标题：…」「发布时间：2024-01-20」「文号：」「索引号：…」「正文：」), and a page flattened onto one line
runs them into the preamble (「来源：平潭县人民政府 时间：2022-02-08 16:34 根据《条例》…」). They are no
part of the report: the fields are named once here, for the title (``TITLE_FIELD``, whose value is
the title) and for the front matter (``without_page_fields``).
"""

from __future__ import annotations

import re

FIELD_NAMES = ("标题", "名称", "时间", "发布时间", "发布日期", "成文日期", "生成日期", "文号", "发文字号", "发布机构", "发文机关",
               "索引号", "来源", "信息来源", "栏目", "所属栏目", "分类", "主题分类", "原始链接", "原文链接", "链接", "本地目录", "正文")
TITLE_FIELDS = ("名称", "标题")  # whose value is the title
DATE_FIELDS = ("发布日期", "发布时间")  # a line of the front matter that only dates the page, wherever it stands
_BULLET = r"^\s*(?:[-*•|]\s*)?"  # a field as a copy of the page's list or table prints it, or as a crawler saves it


def _spaced(names: tuple[str, ...]) -> str:
    """The names as a page may print them, letter-spaced to the width of the longest (「索 引 号」)."""
    return "|".join(r"[ \u3000]*".join(name) for name in names)


PAGE_FIELD = re.compile(_BULLET + f"(?:{_spaced(FIELD_NAMES)})" + r"\s*[:：]")
# the title's field, its label closed by a colon, by the table's 「|」 or by spaces alone (「标      题 …」)
TITLE_FIELD = re.compile(_BULLET + f"(?:{_spaced(TITLE_FIELDS)})" + r"(?:\s*[:：]\s*\|?|\s*\||[ \u3000]+)\s*")
# where the page says where the report stands on the site: 「当前位置：首页 > 政务公开 > …」
BREADCRUMB = re.compile(r"^\s*(?:当前|您的|您现在的|所在)(?:所在)?位置|[>＞›»]")
_FIELD_VALUE = re.compile(PAGE_FIELD.pattern + r"\s*(?:(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                          r"|[^\s。，；]{0,40})\s*")  # a field and its value: a date (and time), or words without a space
RUN_ON_TEXT = 20  # characters of text after a page's fields on their line: a preamble run on, not a value's second word


def without_page_fields(front: list[str]) -> list[str]:
    """The front matter without the fields a saved page begins with (「文号：」「原始链接：…」「正文：」)
    and without the lines that date the page. Where a page flattened onto one line runs its last
    field line on into the preamble, the fields are cut off and the preamble kept."""
    start = 0
    while start < len(front) and (not front[start].strip() or PAGE_FIELD.match(front[start])):
        start += 1
    run_on = _after_fields(front[start - 1]) if start else ""
    kept = [run_on, *front[start:]] if run_on else front[start:]
    return [line for line in kept if not line.lstrip().startswith(DATE_FIELDS)]


def _after_fields(line: str) -> str:
    """What a line of page fields goes on with after their values, where it is sentences of text
    (as long as ``RUN_ON_TEXT`` and holding a full stop); else nothing: a field's value of two words
    (「发布机构：平潭县 人民政府」) leaves no text."""
    rest = line
    while match := _FIELD_VALUE.match(rest):
        rest = rest[match.end():]
    return rest.strip() if len(rest.strip()) >= RUN_ON_TEXT and "。" in rest else ""
