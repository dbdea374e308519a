"""Reports copied in traditional characters (繁體), read as the simplified report they are.

Government sites offer a 繁體 view of every page, and a copy of it prints 《中華人民共和國政府信息
公開條例》, 總體情況, 本年新收…: no label, heading or format word of the schema matches. Such a
text is converted to simplified characters with OpenCC (the t2s conversion) before it is
recognised, and its section texts are offered in simplified characters. A simplified text is
never converted: it is told by counting common characters that differ between the two scripts,
which costs nothing for the usual report.
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
NOTE_UNCONVERTED = "原文为繁体字，但本机缺少繁简转换组件（OpenCC），无法识别；请改用简体字版本的原文"


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
