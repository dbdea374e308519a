"""Checks of the report's own text against its tables and its year — what reviewers find most often.

R7  the narrative against the tables (the schema's ``review_cells``): a count it states
    (「共收到依申请公开申请2件」「未收到政府信息公开申请」「两件」, 「含上年结转」, 办结, 结转, the outcome
    breakdown 予以公开…其他处理, reviews and suits and their outcomes, 现行有效规范性文件) that
    disagrees with its cells, a share (「占51.85%」) that is not the count's share of （七）总计, and
    「均获维持」「均已结案」「未被纠错」 while a 纠正, 其他 or 尚未审结 cell is not 0;
R8  a year in the title, the statistics period or the fee statement that is not the report year;
R13 the statistics period missing, or not 1 January – 31 December of the report year;
S5  section 六 without the statement on information-processing fees (2021 format, 国办函〔2020〕109号);
S8  a hint: a table section printing another format's labels (a table copied from the old template).

All are warnings quoting the sentence, but S8, a hint. What the text says depends on the text alone and is cached,
so that the check, run on every keystroke, only compares numbers when no text has changed.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import lru_cache
from typing import Iterable, NamedTuple

from gipr_desktop.core.findings import INFO, WARNING, CheckContext, Finding
from gipr_desktop.core.chinese_numbers import NUMBER, parse_count
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, format_for_year, format_policy, named_cells
from gipr_desktop.core.text_tables import foreign_labels
_N = rf"(?P<n>{NUMBER})"
_GAP = r"[^，。；,;：:\n]"  # within one clause
_APPLICATION = r"(?:依申请公开|政府信息公开申请|信息公开申请|公开申请)"
_RECEIVED = r"(?:收到|接到|受理|新收|接收)"
_NONE = r"(?:未|没有|无)"
_HAPPENED = r"(?:发生|收到|出现|产生|涉及|被)"
_ISSUED = r"(?:制发|印发|出台|制定)"
_PIECES = r"\s*(?:件|个|份|宗|起|次)"
_OUTCOME_GAP = r"[^，。；,;：:\n0-9０-９（(]{0,4}?\s*"

# the outcomes of the applications handled (table 三), as a breakdown states them: (review_cells group, pattern)
_OUTCOME_STATEMENTS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(p)) for name, p in (
    ("disclosed_or_partial", rf"予以公开(?:及|和|与|、)部分公开{_OUTCOME_GAP}{_N}{_PIECES}"),
    ("disclosed", rf"(?:予以公开|同意公开)(?!及|和|与|、)(?:答复)?{_OUTCOME_GAP}{_N}{_PIECES}"),
    ("partial", rf"(?<![及和与、])部分公开(?:答复)?{_OUTCOME_GAP}{_N}{_PIECES}"),
    ("withheld", rf"不予公开(?:答复)?{_OUTCOME_GAP}{_N}{_PIECES}"),
    ("unavailable", rf"无法提供(?:的)?{_OUTCOME_GAP}{_N}{_PIECES}"),
    ("rejected", rf"不予处理{_OUTCOME_GAP}{_N}{_PIECES}"),
    ("other_outcomes", rf"其他处理{_OUTCOME_GAP}{_N}{_PIECES}"),
))
# what a sentence states: (review_cells group, pattern); a pattern without (?P<n>) states zero. Each group is
# read from its first pattern that matches, whatever the order of the groups
_STATEMENTS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(p)) for name, p in (
    ("applications_received", rf"{_RECEIVED}{_GAP}{{0,12}}?{_APPLICATION}[^，。；,;：:\n0-9０-９]{{0,6}}?{_N}{_PIECES}"),
    ("applications_received", rf"{_RECEIVED}\s*{_N}{_PIECES}{_GAP}{{0,4}}?{_APPLICATION}"),
    ("applications_received", rf"{_NONE}(?:收到|接到|受理|发生|有|产生){_GAP}{{0,8}}?{_APPLICATION}"),
    ("review_cases", rf"行政复议(?:案件|申请)?[^，。；,;：:\n0-9０-９、和及与]{{0,4}}?{_N}{_PIECES}"),
    ("review_cases", rf"{_HAPPENED}\s*{_N}{_PIECES}{_GAP}{{0,6}}?行政复议"),
    ("review_cases", rf"{_NONE}{_HAPPENED}?{_GAP}{{0,16}}?行政复议"),
    ("litigation_cases", rf"行政诉讼(?:案件)?[^，。；,;：:\n0-9０-９、和及与]{{0,4}}?{_N}{_PIECES}"),
    ("litigation_cases", rf"{_HAPPENED}\s*{_N}{_PIECES}{_GAP}{{0,6}}?行政诉讼"),
    ("litigation_cases", rf"{_NONE}{_HAPPENED}?{_GAP}{{0,20}}?行政诉讼"),
    ("normative_documents_issued", rf"{_ISSUED}(?:的)?(?:行政)?规范性文件[^，。；,;：:\n0-9０-９]{{0,4}}?{_N}\s*件"),
    ("normative_documents_issued", rf"{_ISSUED}{_GAP}{{0,4}}?{_N}\s*件(?:行政)?规范性文件"),
    ("normative_documents_issued", rf"{_NONE}{_ISSUED}{_GAP}{{0,6}}?规范性文件"),
    ("normative_documents_in_force", rf"现行有效(?:的)?(?:行政)?规范性文件{_GAP}{{0,4}}?{_N}\s*件"),
    ("normative_documents_in_force", rf"现行有效(?:的)?(?:行政)?规范性文件[^，。；,;：:\n0-9０-９]{{0,4}}?(?:为|共|计)?\s*{_N}\s*件"),
    ("handled", rf"(?<!公开)(?<!提供)(?<!处理)(?:办结|答复|办理)(?:了)?(?:依申请公开(?:申请)?|政府信息公开申请|信息公开申请|申请)?\s*{_N}{_PIECES}"),
    ("carry_forward", rf"(?<!上年)(?<!上年度)(?:结转|顺延)(?:至|到)?(?:下一?年度?|\d{{4}}\s*年)(?:继续办理|答复)?\s*{_N}{_PIECES}"),
    ("carry_forward", rf"{_N}{_PIECES}(?:申请)?(?:结转|顺延)(?:至|到)?(?:下一?年度?|\d{{4}}\s*年)"),
    ("carried_over", rf"上年度?(?:结转|转入)(?:的)?(?:政府信息公开)?(?:申请)?\s*{_N}{_PIECES}"),
)) + _OUTCOME_STATEMENTS
# the outcomes of reviews and suits (table 四), in a sentence about one of them only
_CASE_STATEMENTS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(p)) for name, p in (
    ("upheld", rf"(?:结果)?维持\s*{_N}{_PIECES}"),
    ("corrected", rf"(?:结果)?纠正\s*{_N}{_PIECES}"),
    ("other", rf"其他结果\s*{_N}{_PIECES}"),
    ("pending", rf"(?:尚未审结|未审结|未结案|正在审理)\s*{_N}{_PIECES}"),
))
# words on the outcomes that the cells must bear out: (word, the cells that must then be 0, of which
# cases: "" both reviews and suits the sentence names, else the one prefix the word speaks of)
_OUTCOME_WORDS: tuple[tuple[re.Pattern, str, str, str], ...] = tuple(
    (re.compile(p), group, word, of) for p, group, word, of in (
        (r"(?:均|全部|都)(?:获|被|予以|得到)?维持", "not_upheld", "均获维持", ""),
        (r"(?:均|全部|都)已?(?:结案|审结)", "pending", "均已结案", ""),
        (r"未被[^，。；,;：:\n]{0,10}?(?:纠错|纠正)|无(?:一)?(?:被)?纠错|零纠错|没有被[^，。；,;：:\n]{0,10}?(?:纠错|纠正)"
         r"|(?:未|没有)(?:发生|出现)[^，。；,;：:\n]{0,20}?被[^，。；,;：:\n]{0,10}?(?:纠错|纠正)",
         "corrected", "未被纠错", ""),
        (r"(?:未|没有)(?:发生|出现)[^，。；,;：:\n]{0,30}?诉讼败诉|零败诉|无败诉", "corrected", "未败诉", "litigation"),
    ))
# what a negation is about when more follows its subject in the clause: an outcome (「未发生…被行政复议纠错」),
# or, after applications, the reviews and suits they brought (「未发生因政府信息公开申请提起的行政复议」); not the
# subject's count, which then is stated nowhere
_OUTCOME_WORD = r"纠错|纠正|败诉|撤销|确认违法"
_OUTCOME_AFTER = re.compile(rf"[^，。；,;：:\n]*?(?:{_OUTCOME_WORD})")
_CASES_AFTER = re.compile(rf"[^，。；,;：:\n]{{0,10}}?(?:复议|诉讼|{_OUTCOME_WORD})")
# a way of applying named in a negation (「未收到以信函方式提出的政府信息公开申请」): none came that way, not none at all
_CHANNEL = re.compile(r"当面|信函|传真|网上|网络|在线|电子邮件|邮件|邮寄|现场|口头|书面|窗口|电话")
_OF_CLOSED = re.compile(r"已审结|已结案|审结的|结案的|审结\s*\d+\s*件")
_CASES = (("review", "行政复议", re.compile(r"复议")), ("litigation", "行政诉讼", re.compile(r"诉讼")))
# words that count applications only where the sentence, or the one before, speaks of applications
_OF_APPLICATIONS = frozenset({"handled", "carry_forward"})
_OUTCOMES = frozenset(name for name, _ in _OUTCOME_STATEMENTS)
# a count of documents published actively: the sentence counts documents by how they are disclosed
# (「其中主动公开299份，依申请公开及不予公开388份」), and states no outcome of applications
_ACTIVE_DOCUMENTS = re.compile(rf"主动公开[^，。；,;：:\n0-9０-９]{{0,6}}?{NUMBER}\s*(?:份|条|件|个)")
_INCLUDES_CARRIED = re.compile(r"^[（(]?\s*(?:含|包括|其中)\s*上年度?结转")
_SHARE_AFTER = re.compile(r"^[，,、]?\s*占(?:比)?(?:总数的?)?\s*(\d+(?:\.\d+)?)\s*[%％]")

_SUBJECTS = re.compile(r"申请|复议|诉讼|规范性文件|公开|提供|处理|办结|答复|办理|结转|顺延")  # a sentence without these states none of the counts
_SENTENCE_END = re.compile(r"(?<=[。；;！!？?\n])")
_PROTECTED = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]*\]")  # document titles and numbers name no report year
_YEAR = re.compile(r"(?<![0-9])(\d{4})\s*年")
_TITLE_YEAR = re.compile(r"(?<![0-9])(\d{4})\s*年度?[^\n，。；]{0,30}?政府信息公开工作\s*年度\s*报告")
_FEE = re.compile(r"处理费|收费|收取费用|缴费")
_NOT_FEE = re.compile(r"行政事业性收费")
_ENACTED = re.compile(r"施行|实施|印发|发布|颁布|出台")
_DATE = r"(?:(?P<{y}>\d{{4}})\s*年\s*)?(?P<{m}>\d{{1,2}})\s*月\s*(?P<{d}>\d{{1,2}})\s*日"
_PERIOD = re.compile(
    _DATE.format(y="y1", m="m1", d="d1") + r"\s*起?\s*(?:至|到|—|–|-|~|～)\s*" + _DATE.format(y="y2", m="m2", d="d2")
)
_STATISTICS = re.compile(r"统计")
_LINE_BREAK = re.compile(r"(?<![。；;！!？?\n])[ \t]*\n[ \t]*(?=[^\n])")  # a line end inside a sentence (PDF)
_NOTHING_ELSE = re.compile(r"^(?:无|没有)(?:其他)?(?:需要)?(?:报告|说明)?的?(?:其他)?事项?[。.]?$|^(?:无|暂无)[。.]?$")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


class Statement(NamedTuple):
    group: str  # a review_cells group of the schema
    count: int
    sentence: str
    share: str = ""  # the share stated with the count (「占51.85%」), as printed


class OutcomeWord(NamedTuple):
    group: str  # the review_cells group whose cells the word says are all 0
    word: str  # the word, as a message names it
    sentence: str


class Period(NamedTuple):
    start: tuple[int | None, int, int]
    end: tuple[int | None, int, int]
    sentence: str


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _SENTENCE_END.split(text) if s.strip())


def quote(sentence: str, limit: int = 60) -> str:
    """A sentence as a message quotes it: on one line, cut to ``limit`` characters with 「…」."""
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def joined_lines(text: str) -> str:
    """``text`` with the line ends inside sentences taken out (a PDF breaks lines anywhere)."""
    return _LINE_BREAK.sub("", text)


def check_foreign_labels(report: Report, context: CheckContext) -> Iterable[Finding]:
    """S8 (a hint): a table section still printing another format's labels (「规范性文件」「对外公开总数量」
    in a 2021 report): the table was copied from the old template."""
    for section in report.schema.sections:
        for name, words in foreign_labels(report, section.id).items():
            labels = "、".join(f"「{word}」" for word in words)
            yield Finding("S8", INFO, f"「{section.title}」的表格栏目用的是{name}的名称：{labels}；"
                                      f"本报告为{report.schema.name}，请按{report.schema.name}的栏目核对表格", (), section.id)


def standard_sentences_only(report: Report, text: str) -> bool:
    """Whether ``text`` says only what every year's report may say alike: the fee statement,
    「无其他需要报告的事项」, the body's name and a date under it."""
    unit = report.unit.strip()
    for sentence in _sentences(text):
        if _fee_sentences(sentence) or _NOTHING_ELSE.match(sentence) or _DATE_LINE.match(sentence) \
                or (unit and sentence == unit):
            continue
        return False
    return True


@lru_cache(maxsize=64)
def statements(text: str) -> tuple[Statement, ...]:
    """The counts ``text`` states, at most one per subject and sentence."""
    found = []
    before = ""
    for sentence in _sentences(joined_lines(text)):
        context, before = before + sentence, sentence
        if not _SUBJECTS.search(sentence):
            continue
        seen = set(_OUTCOMES) if _ACTIVE_DOCUMENTS.search(sentence) else set()
        for group, pattern in _STATEMENTS:
            if group in seen or (group in _OF_APPLICATIONS and "申请" not in context):
                continue
            match = pattern.search(sentence)
            if match is None:
                continue
            stated = "n" in pattern.groupindex
            if not stated and _about_else(group, sentence, match):
                continue
            count = parse_count(match.group("n")) if stated else 0
            if count is None:
                continue
            seen.add(group)
            after = sentence[match.end():]
            if group == "applications_received" and _INCLUDES_CARRIED.match(after):
                group = "applications_received_also"  # 「收到申请75件（含上年结转1件）」: new and carried together
            share = _SHARE_AFTER.match(after)
            found.append(Statement(group, count, sentence, share.group(1) if share else ""))
        found += _case_statements(sentence)
    return tuple(found)


def _about_else(group: str, sentence: str, match: re.Match) -> bool:
    """Whether a negation is about something other than its subject's count: an outcome further on
    (「未发生…被行政复议纠错」, which ``outcome_words`` reads), the reviews applications brought, or a
    way of applying."""
    if group != "applications_received":
        return _OUTCOME_AFTER.match(sentence, match.end()) is not None
    return _CASES_AFTER.match(sentence, match.end()) is not None or _CHANNEL.search(match.group(0)) is not None


def _case_subject(sentence: str) -> tuple[str, str] | None:
    """(group prefix, name) of reviews or suits, when the sentence speaks of one of them only."""
    subjects = [(prefix, name) for prefix, name, pattern in _CASES if pattern.search(sentence)]
    return subjects[0] if len(subjects) == 1 else None


def _case_statements(sentence: str) -> list[Statement]:
    subject = _case_subject(sentence)
    if subject is None:
        return []
    found = []
    for name, pattern in _CASE_STATEMENTS:
        match = pattern.search(sentence)
        count = parse_count(match.group("n")) if match else None
        if count is not None:
            found.append(Statement(f"{subject[0]}_{name}", count, sentence))
    return found


@lru_cache(maxsize=64)
def outcome_words(text: str) -> tuple[OutcomeWord, ...]:
    """What ``text`` says of the outcomes of its reviews and suits: 「均获维持」「均已结案」「未被纠错」."""
    found = []
    for sentence in _sentences(joined_lines(text)):
        cases = [prefix for prefix, _, pattern in _CASES if pattern.search(sentence)]
        for pattern, group, word, of in _OUTCOME_WORDS:
            if pattern.search(sentence):
                if group == "not_upheld" and _OF_CLOSED.search(sentence):
                    group = "not_upheld_closed"  # 「已审结的均获维持」: says nothing of the pending ones
                found += [OutcomeWord(f"{prefix}_{group}", word, sentence) for prefix in cases if of in ("", prefix)]
    return tuple(found)


def _texts(report: Report) -> list[tuple[str, str]]:
    """(where, text) for the preamble and each section, as a message names them."""
    result = [("开头说明", report.preamble)] if report.preamble.strip() else []
    for section in report.schema.sections:
        text = report.sections.get(section.id, "")
        if text.strip():
            result.append((f"「{section.title}」", text))
    return result


def _section_of(report: Report, where: str) -> str:
    for section in report.schema.sections:
        if where == f"「{section.title}」":
            return section.id
    return ""


def _sum(report: Report, group: str) -> tuple[tuple[CellRef, ...], int] | None:
    """The cells of a group and their sum, when the format has them and all are filled."""
    refs = named_cells(report.format, group)
    if not refs or any(ref not in report.cells for ref in refs):
        return None
    return refs, sum(report.cells[ref] for ref in refs)


def _cell_names(report: Report, refs: tuple[CellRef, ...]) -> str:
    names = "与".join(f"「{report.schema.cell_name(ref)}」" for ref in refs)
    return names + ("之和" if len(refs) > 1 else "")


def check_text_counts(report: Report, context: CheckContext) -> Iterable[Finding]:
    """R7: a count, a share or an outcome word in the text that the cells do not bear out (cells not
    all filled: no finding). Each finding quotes the sentence and names the cells."""
    for where, text in _texts(report):
        reported = set()
        section = _section_of(report, where)
        for statement in statements(text):
            if (statement.group, statement.count) in reported:
                continue
            readings = [r for r in (_sum(report, statement.group), _sum(report, statement.group + "_also")) if r]
            if readings and all(value != statement.count for _, value in readings):
                reported.add((statement.group, statement.count))
                refs, value = readings[0]
                yield Finding(
                    "R7", WARNING,
                    f"{where}写明「{quote(statement.sentence)}」（{statement.count} 件），"
                    f"但表中{_cell_names(report, refs)}为 {value}",
                    refs, section,
                )
            if statement.share:
                yield from _share_finding(report, where, section, statement)
        contradicted: dict[tuple[str, str], list[CellRef]] = {}
        for said in outcome_words(text):
            # a cell known and not 0 contradicts the word, whatever the cells still empty hold
            contradicted.setdefault((said.word, said.sentence), []).extend(
                ref for ref in named_cells(report.format, said.group) if report.cells.get(ref))
        for (word, sentence), refs in contradicted.items():
            if refs:
                values = "、".join(f"「{report.schema.cell_name(ref)}」为 {report.cells[ref]}" for ref in refs)
                yield Finding("R7", WARNING, f"{where}写明「{quote(sentence)}」（{word}），但表中{values}",
                              tuple(refs), section)


def _share_finding(report: Report, where: str, section: str, statement: Statement) -> Iterable[Finding]:
    """A share stated with an outcome's count that is not that count's share of the applications handled."""
    handled = _sum(report, "handled")
    if handled is None or handled[1] == 0:
        return
    exact = Fraction(statement.count * 100) / Fraction(handled[1])  # a count cell may hold 2.0 (a Decimal)
    stated = Fraction(statement.share)
    decimals = len(statement.share.partition(".")[2])
    if abs(stated - exact) < Fraction(1, 10 ** decimals):  # rounded or cut at the printed decimals
        return
    yield Finding(
        "R7", WARNING,
        f"{where}写明「{quote(statement.sentence)}」（{statement.count} 件，占 {statement.share}%），"
        f"但按表中{_cell_names(report, handled[0])} {handled[1]} 件计应为 {_decimal(exact, max(decimals, 1))}%",
        handled[0], section,
    )


def _decimal(value: Fraction, places: int) -> str:
    """``value`` printed with ``places`` decimals, however many digits it has (a float would overflow)."""
    scaled = math.floor(abs(value) * 10 ** places + Fraction(1, 2))  # half up, as people round
    sign, digits = ("-" if value < 0 and scaled else ""), str(scaled).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


@lru_cache(maxsize=64)
def _title_years(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(m.group(1)), sentence) for sentence in _sentences(text)
                 for m in _TITLE_YEAR.finditer(_PROTECTED.sub("", sentence)))


@lru_cache(maxsize=64)
def _fee_sentences(text: str) -> tuple[str, ...]:
    return tuple(s for s in _sentences(text) if _FEE.search(_NOT_FEE.sub("", s)))


@lru_cache(maxsize=64)
def _fee_years(text: str) -> tuple[tuple[int, str], ...]:
    """Years a fee statement names, leaving out documents' titles, numbers and enactment dates."""
    result = []
    for sentence in _fee_sentences(text):
        for clause in re.split(r"[，,]", _PROTECTED.sub("", sentence)):
            if _ENACTED.search(clause):
                continue
            result += [(int(m.group(1)), sentence) for m in _YEAR.finditer(clause)]
    return tuple(result)


@lru_cache(maxsize=64)
def periods(text: str) -> tuple[Period, ...]:
    """The statistics periods ``text`` states: date ranges in sentences that speak of 统计."""
    result = []
    for sentence in _sentences(joined_lines(text)):
        if not _STATISTICS.search(sentence):
            continue
        for m in _PERIOD.finditer(sentence):
            y1 = int(m.group("y1")) if m.group("y1") else None
            y2 = int(m.group("y2")) if m.group("y2") else y1
            result.append(Period((y1, int(m.group("m1")), int(m.group("d1"))),
                                 (y2, int(m.group("m2")), int(m.group("d2"))), sentence))
    return tuple(result)


def stated_year(report: Report) -> int | None:
    """The report year its text names, when it names one only: in the statistics period, else in
    the report's title; None when the text names none or several."""
    texts = [text for _, text in _texts(report)]
    for years in ({y for text in texts for p in periods(text) for y in (p.start[0], p.end[0]) if y},
                  {y for text in texts for y, _ in _title_years(text)}):
        if len(years) == 1:
            return years.pop()
        if years:
            return None
    return None


def check_text_years(report: Report, context: CheckContext) -> Iterable[Finding]:
    """R8 years in the title, statistics period and fee statement; R13 the statistics period."""
    year = report.year
    if year is None:
        return
    found_period = False
    for where, text in _texts(report):
        section = _section_of(report, where)
        for named, sentence in _title_years(text):
            if named != year:
                yield Finding("R8", WARNING, f"{where}中的报告标题写的是 {named} 年：「{quote(sentence)}」，"
                                             f"本报告为 {year} 年度", (), section)
        for named, sentence in dict.fromkeys(_fee_years(text)):
            if named != year:
                yield Finding("R8", WARNING, f"{where}中的收费情况说明写的是 {named} 年：「{quote(sentence)}」，"
                                             f"本报告为 {year} 年度", (), section)
        for period in periods(text):
            found_period = True
            years = {period.start[0], period.end[0]} - {None}
            if years and years != {year}:
                named = "、".join(str(y) for y in sorted(years))
                yield Finding("R8", WARNING, f"{where}中的统计期限写的是 {named} 年：「{quote(period.sentence)}」，"
                                             f"本报告为 {year} 年度", (), section)
            elif period.start[1:] != (1, 1) or period.end[1:] != (12, 31):
                yield Finding("R13", WARNING, f"{where}中的统计期限不是 {year} 年 1 月 1 日至 12 月 31 日："
                                              f"「{quote(period.sentence)}」", (), section)
    if not found_period:
        yield Finding("R13", WARNING, f"报告未写明数据统计期限（应为 {year} 年 1 月 1 日至 {year} 年 12 月 31 日）")


def check_fee_statement(report: Report, context: CheckContext) -> Iterable[Finding]:
    """S5: the fee section must say whether information-processing fees were charged, where the
    format in force asks it (2021 format, 国办函〔2020〕109号). An empty section is S1's alone."""
    required_from = report.format if report.year is None else format_for_year(report.year)
    if not format_policy(required_from).fee_statement:
        return  # a report on 2019 or 2020: the fee notice did not apply yet
    fmt, section = report.schema, format_policy(report.format).fees
    text = report.sections.get(section, "")
    if _fee_sentences(text) or not text.strip():
        return
    elsewhere = [where for where, text in _texts(report) if _fee_sentences(text)]
    hint = f"（收费情况写在了{'、'.join(elsewhere)}中，应移至本部分）" if elsewhere else ""
    yield Finding(
        "S5", WARNING,
        f"「{fmt.section(section).title}」未说明收取信息处理费的情况（包括未收取）{hint}",
        (), section,
    )
