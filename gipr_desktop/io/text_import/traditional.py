"""Reports copied in traditional characters (繁體), read as the simplified report they are.

Government sites offer a 繁體 view of every page, and a copy of it prints 《中華人民共和國政府信息
公開條例》, 總體情況, 本年新收…: no label, heading or format word of the schema matches. Such a
text is converted to simplified characters with OpenCC (the t2s conversion) before it is
recognised, and its section texts are offered in simplified characters. A simplified text is
never converted: it is told by counting common characters that differ between the two scripts,
which costs nothing for the usual report. A view converted with Taiwan phrases (政府資訊公開,
規範性檔案, 聯絡方式) is given the official words back (``TAIWAN_WORDS``), and said; so is one that
prints each converted character's pinyin after it (「規(guī)章」), without the pinyin.
"""

from __future__ import annotations

import logging
import re
from functools import cache

log = logging.getLogger(__name__)

# Pairs (simplified, traditional) of characters every report prints many times.
_PAIRS = ("国國", "开開", "条條", "总總", "况況", "请請", "数數", "处處", "关關", "报報", "务務", "为為",
          "应應", "发發", "门門", "单單", "办辦", "议議", "实實", "审審", "诉訴", "讼訟", "类類", "费費",
          "统統", "计計", "机機", "构構", "这這", "对對", "时時", "们們", "规規", "范範", "责責", "种種")
_SIMPLIFIED_CHAR = re.compile("[" + "".join(pair[0] for pair in _PAIRS) + "]")  # one scan in C, not one per character
_TRADITIONAL_CHAR = re.compile("[" + "".join(pair[1] for pair in _PAIRS) + "]")
MIN_TRADITIONAL = 10  # fewer is a simplified report quoting a name, not a traditional copy

NOTE_CONVERTED = "原文为繁体字，已转换为简体字后识别；各部分文字以简体字填入，请对照原文核对"
NOTE_TAIWAN_WORDS = "原文使用台湾用词（资讯、档案、资料等），已改为「信息」「文件」「数据」等规范用词"
# official phrases in Taiwan words, which a report in the official words never prints: a copy
# converted whole prints 政府資訊公開 throughout, one converted word by word at least one of the others
_TAIWAN_PHRASES = ("政府资讯", "规范性档案", "专案数量", "本列资料")
# The official words as a view converted with Taiwan phrases prints them (OpenCC s2twp: 政府資訊公開,
# 規範性檔案, 上一年專案數量, 本列資料的勾稽關係, 聯絡方式, 釋出時間, 入口網站, 原始連結), once in simplified
# characters; an archive (档案馆, 档案局) is 档案 in both.
TAIWAN_WORDS = {"资讯": "信息", "档案": "文件", "资料": "数据", "专案": "项目", "联络": "联系", "释出": "发布",
                "入口网": "门户网", "连结": "链接"}
_TAIWAN_WORD = re.compile("|".join(word + ("(?![馆局室])" if word == "档案" else "") for word in TAIWAN_WORDS))
NOTE_UNCONVERTED = "原文为繁体字，但本机缺少繁简转换组件（OpenCC），无法识别；请改用简体字版本的原文"


# the pinyin, tones marked, that some 繁體 mirrors print after each character they converted: 「區(qū)委」
_TONED = r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]"  # a bracket, then a syllable with its tone marked
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff]){_TONED}[a-zü]*\)")
_MAY_HOLD_PINYIN = re.compile(_TONED)  # sought by its 「(」, sooner than a search that looks behind each character
NOTE_PINYIN = "原文在汉字后印有拼音（如「規(guī)章」），已去掉拼音后识别"


def without_pinyin(text: str) -> tuple[str, bool]:
    """``text`` without the pinyin a mirror printed after its characters, and whether it had any."""
    if not _MAY_HOLD_PINYIN.search(text):
        return text, False
    plain = _PINYIN.sub("", text)
    return plain, plain != text


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters."""
    traditional = len(_TRADITIONAL_CHAR.findall(text))
    if traditional < MIN_TRADITIONAL:
        return False
    return traditional > len(_SIMPLIFIED_CHAR.findall(text))


@cache
def _converter():
    import opencc  # imported only for a traditional text

    return opencc.OpenCC("t2s")


def to_simplified(texts: list[str]) -> list[str] | None:
    """``texts`` in simplified characters, or None where the converter is not installed."""
    try:
        convert = _converter().convert
    except Exception:  # a missing or broken install: said to the user, the text left as it is
        log.exception("the traditional-to-simplified converter could not be loaded")
        return None
    return [convert(text) if text else text for text in texts]


def in_taiwan_words(texts: list[str]) -> bool:
    """Whether simplified ``texts`` (converted from a 繁體 copy) print the official words in Taiwan's."""
    return any(phrase in text for text in texts for phrase in _TAIWAN_PHRASES)


def with_official_words(texts: list[str]) -> list[str]:
    """``texts`` with the official words for Taiwan's (``TAIWAN_WORDS``)."""
    return [_TAIWAN_WORD.sub(lambda found: TAIWAN_WORDS[found.group()], text) for text in texts]
