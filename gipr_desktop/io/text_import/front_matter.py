"""Year, unit, contact and publication date, found where a careful reader finds them.

The title names the unit and the year, but a copied report often lacks it (a page's title is not
part of its article), splits it over lines or cuts it off. A reader then takes the year from the
statistics period (「统计期限为2024年1月1日至2024年12月31日」), from a sentence such as 「现将我局2021年
政府信息公开工作报告如下」 or 「汇报我镇2023年政府信息公开工作」, from a heading (「一、2023年政府信息公开
工作总体情况」), from the file name, from the summary's first sentence (「2020年,庄窠乡认真贯彻…」), or,
failing all of these, from the year the narrative speaks of far more often than any other; the unit
from 「现将××局…」, from the signature at the end (on lines of its own, or run onto the last sentence
where a copy joined the lines), from the file name, from 「本报告由××镇人民政府党政办公室编制」 or 「为认真
做好××局政府信息公开工作」, or from the subject of the summary's first sentence. So does the importer,
and it says where each came from. The publication date is read only where a full date is printed
(a 「发布日期」 line, or the signature date); the contact block from the address, post code, telephone
and e-mail the preamble or the end prints. Nothing is guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

from gipr_desktop.core.labels import normalize
from gipr_desktop.core.schema import format_policy, formats, report_years
from gipr_desktop.io.errors import ImportNote

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
_YEAR = r"((?:19|20)\d{2}|[〇零○Ｏ一二三四五六七八九]{4})"
_MONTH_DAY = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = _YEAR + r"\s*[-年./]\s*" + _MONTH_DAY + r"\s*[-月./]\s*" + _MONTH_DAY + r"\s*日?"
# 「发布日期：」, and the page's 政府信息公开目录 fields as a copy prints them (「| 生成日期 | 2026-01-23 16:24:38 |」)
_LABELLED_DATE = re.compile(r"(?:(?:发布|成文|印发|发文|生成|公开)(?:日期|时间)[\s|｜]*[:：]?|(?:^|[\s:：|｜])(?:时间|日期)\s*[:：])[\s|｜]*"
                            + _DATE)
_DATE_LINE = re.compile(r"^[\s(（]*" + _DATE + r"[\s)）]*$")
# the page's date over the report, with its time and before its other fields: 「• 2024-01-16 16:50:00 来源：…」
_PAGE_DATE = re.compile(r"^[\s•·\[]*" + _DATE + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:[\s\]]*$|\s+\S{1,6}\s*[:：])")
# the signature run onto the last sentence where a copy joined the lines: 「…无。 平潭综合实验区经济发展局2025年1月27日」
_GLUED_SIGNATURE = re.compile(r"[。！？!?]\s*([^\s，。；：:,;！？!?、“”《》()（）\d]{2,30}?)?\s*" + _DATE + r"[\s)）]*$")
_PERIOD = re.compile(r"统计(?:期限|时限|期间|区间|时间|范围)[^。；]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
                     r"[^。；]{0,6}?(?:至|到|—|-|～)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日")
_REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?(?:的)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?(?:年度)?报告")
_HEADING_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?(?:的)?(?:政府)?(?:信息公开|政务公开)")
_PRESENTS = re.compile(r"(?:现将|现公布|现向社会公布|现发布|现予以公布)(?!我|本|全)([^\s，。；：、“”《》()（）\d]{2,30}?)"
                       r"\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:及[^，。；]{0,20}?)?的?(?:政府)?信息公开")
UNIT_END = re.compile(r"(?:人民政府|政府|办事处|街道|委员会|管委会|局|办公室|办公厅|厅|委|中心|院|署|所|站|队|镇|乡|公司)$")
# what precedes the second part: a sentence on the body's own work names the report's year there
# (「汇报我镇2023年政府信息公开工作」), and the plans of 五 (「对照我局2022年…」) are not yet read
_PART_TWO = re.compile(r"二\s*[、.．]\s*主动公开")
_OWN_WORK_YEAR = re.compile(r"(?:我|本)(?:街道|镇|乡|街|局|区|县|市|委|办|单位|机关|部门|中心|厅|院|署)\s*((?:19|20)\d{2})\s*年度?的?"
                            r"(?:政府)?(?:信息公开|政务公开)(?:工作)?")
# the summary's first sentence (``_summary_opening``) opens with the report's year and often names the
# body as the subject of its first clause (「2020年,庄窠乡认真贯彻…」, 「2023 年，在区委、区政府的正确领导
# 下，荷花路街道办事处结合工作实际…」): the words before the first of these acts
_LEADERSHIP = r"(?:在[^，。；,;]{2,30}?下\s*[，,]\s*)*"  # 「在区委、区政府的正确领导下，」
_ACTS = ("认真|严格|坚持|深入|全面|紧紧|始终|高度|积极|按照|围绕|继续|进一步|以|不断|扎实|切实|结合|依照|依据|根据|贯彻|落实"
         "|立足|聚焦|大力|持续|着力|强化|加强|紧扣|牢牢|紧密|全力")
_OPENING_SUBJECT = re.compile(rf"(?:19|20)\d{{2}}\s*年度?\s*[，,]\s*{_LEADERSHIP}([\u4e00-\u9fff]{{2,30}}?)(?:{_ACTS})")
_SELF_WORDS = ("我", "本", "全", "该", "各")  # how a body speaks of itself: 「我镇」「全镇」 name none
_COMPILED = re.compile(r"由([^\s，。；：:、“”《》()（）\d]{2,30}?)(?:负责)?(?:组织)?编制")
# 「为认真做好京山市卫生健康局政府信息公开工作，我局…」: the body whose work the preamble speaks of
_DOING = re.compile(r"(?:做好|推进|加强)([^\s，。；：:、“”《》()（）\d]{2,30}?)(?:的)?(?:政府信息公开|政务公开)工作")
_OFFICES = ("党政办公室", "综合办公室", "办公室", "办公厅", "党政办")  # the office that compiles a body's report
OPENING_QUOTED = 40  # characters of the summary's first sentence a note quotes
_NAMED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")  # a year, not a date's
MIN_NAMED = 2  # times the narrative must name a year, and more than twice any other, for it to be the report's
_SENTENCE = re.compile(r"[，。；：:,;！？!?、]")
_CLAUSE = re.compile(r"[，。；,;！？!?]")  # a heading may hold 「一、」, not a clause
# The labels of a contact's items, longer first where one holds another: what begins an item of its own.
CONTACT_LABELS = ("通讯地址", "通信地址", "联系地址", "办公地址", "地址", "邮政编码", "邮编", "联系电话", "咨询电话", "办公电话",
                  "电话", "传真", "电子邮箱", "电子信箱", "邮箱")
_PHONES = ("联系电话", "咨询电话", "办公电话", "电话")  # printed as 「电话/传真：」 too
_EMAIL_INITIALS = "Ee"  # 「E-mail」「email」「Email」: the initial spelt out, the rest in either case
_EMAIL = "|".join(initial + "(?i:-?mail)" for initial in _EMAIL_INITIALS)
CONTACT_ITEMS = "|".join(label + ("(?:/传真)?" if label in _PHONES else "") for label in CONTACT_LABELS) + "|" + _EMAIL
_CONTACT_ITEM = re.compile(r"^\s*(?:" + CONTACT_ITEMS + r")\s*[:：]")
_NUMBERED = "|".join(label for label in CONTACT_LABELS if label in (*_PHONES, "传真", "邮政编码", "邮编"))
_MAILED = "|".join(label for label in CONTACT_LABELS if label.endswith("箱")) + "|" + _EMAIL
# An item printed with its colon, or without one (「电话0356-5221239」, 「联系电话为…」, 「邮箱abc@163.com」)
# where what follows can only be a number (six characters at least, as a post code's: 「热线电话12345」
# is none) or an address of its kind. The first characters of the labels are looked ahead for first,
# so that the search skips other text at once; a value ends where another label and its colon begin
# (「电话：6211002电子邮箱：…」, a footer's 「网站标识码：」). The groups: label and value of whichever of
# the three matched.
_CONTACT_FIRST = "".join(sorted({label[0] for label in CONTACT_LABELS} | set(_EMAIL_INITIALS)))
_CONTACT_PART = re.compile(
    f"(?=[{_CONTACT_FIRST}])(?:({CONTACT_ITEMS})" + r"\s*[:：]\s*((?:(?!\s*[\u4e00-\u9fff]{2,6}\s*[:：])[^，,；;。()（）\n]){2,80})"
    f"|({_NUMBERED})" + r"(?:为|是)?\s*([(（]?\d[\d\-—－–()（） ]{4,30}\d)"
    f"|({_MAILED})" + r"(?:为|是)?\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))")
_ASKING = ("疑问", "意见", "建议", "咨询")  # in the sentence 「如对本报告有任何疑问，请与…联系（地址：…）」
ASKING_LINES = 80  # the lines at the top that sentence is looked for among
# 「邮 编 ：」: spaces between characters, looked for by the space first (a search then skips the characters)
_LETTER_SPACED = re.compile(r"(?=[ \u3000])(?<=[\u4e00-\u9fff：，；])[ \u3000]+(?=[\u4e00-\u9fff：，；])")
_REPORT_NAME = re.compile(r"报告|年报|信息公开")  # a file name that names the report, not any file with a number
_FILE_TAIL = re.compile(r"(?:政府)?信息公开.*$")
END_LINES = 8  # the signature is among the last lines that hold text


@dataclass
class Found:
    value: object = None
    note: str = ""


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if len(token) == 4:  # 二〇二五
        return int("".join(str(_CN_DIGITS[c]) for c in token))
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + _CN_DIGITS[token[1]]
    if token.endswith("十"):
        return 10 * _CN_DIGITS[token[0]]
    if "十" in token:
        return 10 * _CN_DIGITS[token[0]] + _CN_DIGITS[token[-1]]
    return _CN_DIGITS[token]


def _iso(match: re.Match) -> str:
    """The date a match prints, as YYYY-MM-DD, or "" where it is not a date of the calendar."""
    try:
        year, month, day = (_number(group) for group in match.groups()[-3:])
        return date(year, month, day).isoformat()
    except (KeyError, ValueError, IndexError):
        return ""


def _text_lines(lines: list[str]) -> list[str]:
    return [line.strip(" \t\u3000") for line in lines if line.strip(" \t\u3000")]


def _end_lines(lines: list[str]) -> list[str]:
    """The last ``END_LINES`` lines that hold text, trimmed: the signature among them."""
    end: list[str] = []
    for line in reversed(lines):
        text = line.strip(" \t\u3000")
        if text:
            end.append(text)
            if len(end) == END_LINES:
                break
    return end[::-1]


def find_year(lines: list[str], source: str) -> Found:
    """The report year where the title does not give it: a year a report may have (the schema's
    ``report_years``), from the statistics period, a sentence naming the report, or the file name."""
    text = "\n".join(lines)
    years = report_years()
    for match in _PERIOD.finditer(text):
        if match.group(2) in (None, match.group(1)) and int(match.group(1)) in years:
            return Found(int(match.group(1)), "报告年度取自正文中的统计期限")
    for match in _REPORT_YEAR.finditer(text):
        if int(match.group(1)) in years:
            return Found(int(match.group(1)), f"报告年度取自正文「{match.group(0)}」")
    for line in _text_lines(lines):  # a heading: 「一、2023年政府信息公开工作总体情况」
        match = _HEADING_YEAR.search(line)
        if match and len(line) <= 40 and not _CLAUSE.search(line) and int(match.group(1)) in years:
            return Found(int(match.group(1)), f"报告年度取自小标题「{line}」")
    before_two = _before_part_two(text)
    for match in _OWN_WORK_YEAR.finditer(before_two):
        if int(match.group(1)) in years:
            return Found(int(match.group(1)), f"报告年度取自正文「{match.group(0)}」")
    match = re.search(r"((?:19|20)\d{2})\s*年", source) if _REPORT_NAME.search(source) else None
    if match and int(match.group(1)) in years:
        return Found(int(match.group(1)), f"报告年度取自文件名「{source}」")
    opening = _summary_opening().search(before_two)
    if opening and int(opening.group(2)) in years:
        return Found(int(opening.group(2)), f"报告年度取自「一、总体情况」首句「{_quoted(opening.group(1))}」")
    named = Counter(int(m.group(1)) for m in _NAMED_YEAR.finditer(text) if int(m.group(1)) in years).most_common(2)
    if named and named[0][1] >= MIN_NAMED and (len(named) == 1 or named[0][1] > 2 * named[1][1]):
        return Found(named[0][0], f"报告年度取自正文中最常提到的年份（「{named[0][0]}年」{named[0][1]} 次）")
    return Found()


def looks_like_unit(line: str) -> bool:
    return 2 <= len(line) <= 30 and not _SENTENCE.search(line) and bool(UNIT_END.search(line))


def _glued_signature(lines: list[str]) -> re.Match | None:
    """The signature (the unit, if printed, and the date) that ends the last line of text, run
    onto its last sentence; a unit that does not look like one is no signature."""
    end = _end_lines(lines)
    match = _GLUED_SIGNATURE.search(end[-1]) if end else None
    return match if match and (match.group(1) is None or looks_like_unit(match.group(1))) else None


def find_unit(lines: list[str], front: list[str], source: str) -> Found:
    """The unit where the title does not give it: the signature, a sentence that presents the
    report, or the file name."""
    end = _end_lines(lines)
    for index, line in enumerate(end):
        if _DATE_LINE.match(line) and index > 0 and looks_like_unit(end[index - 1]):
            return Found(end[index - 1], "机关名称取自文末落款")
    glued = _glued_signature(lines)
    if glued and glued.group(1):
        return Found(glued.group(1), "机关名称取自文末落款")
    for line in front:
        match = _PRESENTS.search(line)
        if match and looks_like_unit(match.group(1)):
            return Found(match.group(1), f"机关名称取自正文「{match.group(0)}」")
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", source)
    match = re.search(r"(?:19|20)\d{2}\s*年", stem) if _REPORT_NAME.search(stem) else None
    if match:
        unit = _FILE_TAIL.sub("", stem[: match.start()]).strip(" _-—《》")
        if looks_like_unit(unit):
            return Found(unit, f"机关名称取自文件名「{source}」")
    before_two = _before_part_two("\n".join(lines))
    for match in (*_COMPILED.finditer(before_two), *_DOING.finditer("\n".join(front))):
        unit = _without_office(match.group(1))
        if looks_like_unit(unit) and not unit.startswith(_SELF_WORDS):
            return Found(unit, f"机关名称取自正文「{match.group(0)}」")
    opening = _summary_opening().search(before_two)
    subject = _OPENING_SUBJECT.match(opening.group(1)) if opening else None
    if subject and looks_like_unit(subject.group(1)) and not subject.group(1).startswith(_SELF_WORDS):
        return Found(subject.group(1), f"机关名称取自「一、总体情况」首句「{_quoted(opening.group(1))}」")
    return Found()


@cache
def _summary_opening() -> re.Pattern:
    """The summary's heading, worded as any format's (its section keywords: 「总体情况」「概述」…), and the
    first sentence under it when that opens with a year."""
    words = {normalize(word) for fmt in formats().values()
             for word in fmt.section(format_policy(fmt.id).summary).keywords}
    heading = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?:(?:^|\n)[ \t\u3000]*(?:[一1]\s*[、.．]\s*)?|[一1]\s*[、.．]\s*)(?:工作)?(?:{heading})"
                      r"\s*(((?:19|20)\d{2})\s*年度?\s*[，,][^。；\n]*)")


def _before_part_two(text: str) -> str:
    found = _PART_TWO.search(text)
    return text[: found.start()] if found else text


def _without_office(unit: str) -> str:
    """The body whose office compiled its report (「两城镇人民政府党政办公室」: 两城镇人民政府)."""
    for office in _OFFICES:
        if unit.endswith(office) and UNIT_END.search(unit[: -len(office)]):
            return unit[: -len(office)]
    return unit


def _quoted(sentence: str) -> str:
    return sentence if len(sentence) <= OPENING_QUOTED else sentence[:OPENING_QUOTED] + "…"


def find_published(lines: list[str], front: list[str], year: int | None) -> Found:
    """The publication date printed in a 「发布日期」 or 「时间：」 line, or the signature date at
    the end (or under the title). A date before the report year is not the publication."""
    candidates: list[tuple[str, str]] = []
    for line in lines[:80]:
        match = _LABELLED_DATE.search(line) if "日期" in line or "时间" in line else None  # what it says first
        if match:
            candidates.append((_iso(match), "发布日期取自「发布日期/时间」一栏"))
    for line in reversed(_end_lines(lines)):
        match = _DATE_LINE.match(line)
        if match:
            candidates.append((_iso(match), "发布日期取自文末落款日期"))
    if glued := _glued_signature(lines):
        candidates.append((_iso(glued), "发布日期取自文末落款日期"))
    for line in _text_lines(front)[:6]:
        match = _DATE_LINE.match(line) or _PAGE_DATE.match(line)
        if match:
            candidates.append((_iso(match), "发布日期取自标题下的日期"))
    for iso, note in candidates:
        if iso and (year is None or int(iso[:4]) >= year):
            return Found(iso, note)
    return Found()


_SPACE_BY_CJK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\u3000\xa0]+|[ \t\u3000\xa0]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def tidy_contact(text: str) -> str:
    """A contact without the spaces a PDF copy puts beside Chinese characters and full-width marks
    (「邮 编 ： 350400 ；」, 「7 号楼」); spaces between Latin letters and digits stay."""
    return _SPACE_BY_CJK.sub("", text)


def begins_contact_item(line: str) -> bool:
    """Whether ``line`` begins an item of a contact (「邮编：」, letter-spaced 「邮 编 ：」 too)."""
    return bool(_CONTACT_ITEM.match(_LETTER_SPACED.sub("", line)))


def find_contact(front: list[str], lines: list[str]) -> Found:
    """Address, post code, telephone and e-mail as printed in the preamble, else in the sentence that
    invites questions wherever it stands (a report without a preamble prints it in its first section),
    else at the end."""
    for where, part in (("前言", lambda: front), ("正文", lambda: _asking(lines)), ("文末", lambda: _end_lines(lines))):
        parts: dict[str, str] = {}
        for match in _CONTACT_PART.finditer(_LETTER_SPACED.sub("", "\n".join(part()))):
            label, value = next((match.group(g), match.group(g + 1)) for g in (1, 3, 5) if match.group(g))
            parts.setdefault(label, f"{label}：{value.strip()}")
        if parts:
            return Found("；".join(parts.values()), f"联系方式取自{where}")
    return Found()


def _asking(lines: list[str]) -> list[str]:
    """The sentences among the first lines that invite questions and say whom to contact."""
    return [sentence for line in lines[:ASKING_LINES] if "联系" in line for sentence in line.split("。")
            if "联系" in sentence and any(word in sentence.partition("联系")[0] for word in _ASKING)]


def notes_for(*found: Found) -> list[ImportNote]:
    return [ImportNote(item.note) for item in found if item.value and item.note]
