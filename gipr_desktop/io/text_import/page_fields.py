"""The fields a web page prints around a report's text, as copies and crawlers keep them.

A report copied from its page, or saved by a crawler, begins with the page's fields, one a line
(「标题：…」「发布时间：2024-01-20」「文号：」「索引号：…」「正文：」), and a page flattened onto one line
runs them into the preamble (「来源：平潭县人民政府 时间：2022-02-08 16:34 根据《条例》…」). They are no
part of the report: the fields are named once here, for the title (``TITLE_FIELD``, whose value is
the title) and for the front matter (``without_page_fields``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

FIELD_NAMES = ("标题", "名称", "时间", "发布时间", "发布日期", "成文日期", "生成日期", "文号", "发文字号", "发布机构", "发文机关",
               "索引号", "来源", "信息来源", "栏目", "所属栏目", "分类", "主题分类", "原始链接", "原文链接", "链接", "本地目录", "正文",
               "日期", "更新时间", "编稿时间", "作者", "来自", "投稿", "点击", "点击数", "浏览", "浏览次数", "阅读次数",
               "背景色", "时效性", "公文时效", "效力属性", "主题词", "公开形式", "公开方式", "公开范围")
TITLE_FIELDS = ("名称", "标题")  # whose value is the title
DATE_FIELDS = ("发布日期", "发布时间")  # a line of the front matter that only dates the page, wherever it stands
_BULLET = r"^\s*(?:[-*•|]\s*)?"  # a field as a copy of the page's list or table prints it, or as a crawler saves it


def _spaced(names: tuple[str, ...]) -> str:
    """The names as a page may print them, letter-spaced to the width of the longest (「索 引 号」)."""
    return "|".join(r"[ \u3000]*".join(name) for name in names)


PAGE_FIELD = re.compile(_BULLET + f"(?:{_spaced(FIELD_NAMES)})" + r"\s*[:：]")
# the title's field, its label closed by a colon, by the table's 「|」 or by spaces alone (「标      题 …」)
TITLE_FIELD = re.compile(_BULLET + f"(?:{_spaced(TITLE_FIELDS)})" + r"(?:\s*[:：]\s*\|?|\s*\||[ \u3000]+)\s*")
# where the page says where the report stands on the site: 「当前位置：首页 > 政务公开 > …」, 「首页?>?…」
BREADCRUMB = re.compile(r"^\s*(?:当前|您的|您现在的|所在)(?:所在)?位置|首页\s*\??\s*[>＞›»]|[>＞›»]\s*正文\s*$")
# the page's buttons and links, a line of nothing else: 「【字体：】【打印】【关闭】」, 「字号：大 中 小」
_CONTROLS = ("扫一扫在手机打开当前页", "用微信扫描二维码分享至好友和朋友圈", "点击接收年报语音朗读", "公共资源调用站点", "我要收藏",
             "加入收藏", "设为首页", "文章分享", "站群导航", "分享到", "分享", "打印", "关闭", "纠错", "收藏", "二维码", "手机版",
             "无障碍", "长者版", "简体", "繁体", "字号", "字体", "默认", "大", "中", "小", "次")
_CONTROL_LINE = re.compile(r"^(?:[\s\[\]【】〖〗()（）|｜:：•·/]|" + "|".join(_CONTROLS) + r")+$")
# the page's date (and time) on a line of its own, or before its other fields: 「2024-01-16 16:50:00 来源：…」
_DATED = re.compile(r"^[\s•·(（\[]*(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"
                    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[\s)）\]]*")
TITLE_SHARE = 2 / 3  # of a line in one run of the title: the title printed again
ROW_PIPES = 2  # 「|」s on a line without a full stop: a row of the page's table of fields
_KEY_DROPS = re.compile(r"[\W_]+")  # spaces and marks, for comparing a line with the title
_FIELD_VALUE = re.compile(PAGE_FIELD.pattern + r"\s*(?:(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                          r"|[^\s。，；]{0,40})\s*")  # a field and its value: a date (and time), or words without a space
RUN_ON_TEXT = 20  # characters of text after a page's fields on their line: a preamble run on, not a value's second word


def is_furniture(line: str) -> bool:
    """Whether ``line`` is what the page prints around the report: a field (「发布时间：…」), a row of
    its table of fields (「| 索引号 | … |」), its breadcrumb, its buttons, or its date."""
    text = line.strip()
    dated = _DATED.match(text)
    pipes = text.count("|") + text.count("｜")
    return bool(PAGE_FIELD.match(text) or pipes >= ROW_PIPES and "。" not in text
                or BREADCRUMB.search(text)
                or _CONTROL_LINE.match(text)
                or dated and (dated.end() == len(text) or PAGE_FIELD.match(text[dated.end():])))


def without_page_fields(front: list[str], title: str = "") -> list[str]:
    """The front matter without what a saved page prints before the report's first sentence (its
    fields, buttons and date, the ``title`` once more, whole or a line of it) and without the lines
    that date the page. Where a page flattened onto one line runs its last field line on into the
    preamble, the fields are cut off and the preamble kept."""
    title_key = _KEY_DROPS.sub("", title)
    start = 0
    while start < len(front) and (not front[start].strip() or is_furniture(front[start])
                                  or _repeats(_KEY_DROPS.sub("", front[start]), title_key)):
        start += 1
    run_on = _after_fields(front[start - 1]) if start and PAGE_FIELD.match(front[start - 1]) else ""
    kept = [run_on, *front[start:]] if run_on else front[start:]
    return [line for line in kept if not line.lstrip().startswith(DATE_FIELDS)]


def _repeats(key: str, title_key: str) -> bool:
    """Whether a line (its ``key``) prints the title again: a line of it, or most of the line one run of
    the title (the page's own copy of it, with the district's name before it and broken elsewhere)."""
    if not key or len(key) * TITLE_SHARE > len(title_key):
        return False  # no run of the title is that long (a sentence of the preamble)
    run = SequenceMatcher(None, key, title_key, autojunk=False).find_longest_match(0, len(key), 0, len(title_key))
    return run.size >= len(key) * TITLE_SHARE


def _after_fields(line: str) -> str:
    """What a line of page fields goes on with after their values, where it is sentences of text
    (as long as ``RUN_ON_TEXT`` and holding a full stop); else nothing: a field's value of two words
    (「发布机构：平潭县 人民政府」) leaves no text."""
    rest = line
    while match := _FIELD_VALUE.match(rest):
        rest = rest[match.end():]
    return rest.strip() if len(rest.strip()) >= RUN_ON_TEXT and "。" in rest else ""
