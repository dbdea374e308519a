"""Checks of the report's own text against its tables and its year — what reviewers find most often.

R7  a count stated in the narrative (「共收到依申请公开申请2件」「未收到政府信息公开申请」「两件」)
    that disagrees with the cells it describes (the schema's ``review_cells``);
R8  a year in the title, the statistics period or the fee statement that is not the report year;
R13 the statistics period missing, or not 1 January – 31 December of the report year;
S5  section 六 without the statement on information-processing fees (2021 format, 国办函〔2020〕109号).

All are warnings quoting the sentence. What the text says depends on the text alone and is cached,
so that the check, run on every keystroke, only compares numbers when no text has changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

from gipr_desktop.core.findings import WARNING, CheckContext, Finding
from gipr_desktop.core.chinese_numbers import NUMBER, parse_count
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import format_for_year, format_policy, get_format, named_cells
_N = rf"(?P<n>{NUMBER})"
_GAP = r"[^，。；,;：:\n]"  # within one clause
_APPLICATION = r"(?:依申请公开|政府信息公开申请|信息公开申请|公开申请)"
_RECEIVED = r"(?:收到|接到|受理|新收|接收)"
_NONE = r"(?:未|没有|无)"
_HAPPENED = r"(?:发生|收到|出现|产生|涉及|被)"
_ISSUED = r"(?:制发|印发|出台|制定)"
_PIECES = r"\s*(?:件|个|份|宗|起|次)"

# what a sentence states: (review_cells group, pattern); a pattern without (?P<n>) states zero
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
    ("normative_documents_issued", rf"{_ISSUED}(?:行政)?规范性文件[^，。；,;：:\n0-9０-９]{{0,4}}?{_N}\s*件"),
    ("normative_documents_issued", rf"{_ISSUED}{_GAP}{{0,4}}?{_N}\s*件(?:行政)?规范性文件"),
    ("normative_documents_issued", rf"{_NONE}{_ISSUED}{_GAP}{{0,6}}?规范性文件"),
))

_SUBJECTS = re.compile(r"申请|复议|诉讼|规范性文件")  # a sentence without these states none of the counts
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
_TABLE_WORDS = re.compile(r"第[一二三四五六七八九十]+条第（[一二三四五六七八九十]+）项|信息内容|（?单位：万元）?")
_NOTHING_ELSE = re.compile(r"^(?:无|没有)(?:其他)?(?:需要)?(?:报告|说明)?的?(?:其他)?事项?[。.]?$|^(?:无|暂无)[。.]?$")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


class Statement(NamedTuple):
    group: str  # a review_cells group of the schema
    count: int
    sentence: str


class Period(NamedTuple):
    start: tuple[int | None, int, int]
    end: tuple[int | None, int, int]
    sentence: str


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _SENTENCE_END.split(text) if s.strip())


def _quote(sentence: str, limit: int = 60) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def joined_lines(text: str) -> str:
    """``text`` with the line ends inside sentences taken out (a PDF breaks lines anywhere)."""
    return _LINE_BREAK.sub("", text)


@lru_cache(maxsize=256)
def _table_words(format_id: str, section_id: str) -> tuple[str, ...]:
    """The labels a copied table of ``section_id`` leaves behind as text, longest first."""
    fmt = get_format(format_id)
    words = set()
    for table in fmt.tables:
        if table.section == section_id:
            for row in table.rows:
                words.update(row.path)
                for column in row.columns:
                    words.update(column.header)
            words.add(table.title)
    return tuple(sorted(words, key=len, reverse=True))


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
        rest = _TABLE_WORDS.sub("", rest)
        if len(re.sub(r"[\s\W\d]", "", rest)) >= 6:  # more than a leftover header
            kept.append(line)
    return "\n".join(kept)


def narrative(report: Report, section_id: str) -> str:
    """What the writer wrote in a section: without the table headers a copied table leaves there."""
    return _narrative(report.format, section_id, report.sections.get(section_id, ""))


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
    for sentence in _sentences(text):
        if not _SUBJECTS.search(sentence):
            continue
        seen = set()
        for group, pattern in _STATEMENTS:
            if group in seen:
                continue
            match = pattern.search(sentence)
            if match is None:
                continue
            count = parse_count(match.group("n")) if "n" in pattern.groupindex else 0
            if count is not None:
                seen.add(group)
                found.append(Statement(group, count, sentence))
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


def check_text_counts(report: Report, context: CheckContext) -> Iterable[Finding]:
    """R7: a count in the text that disagrees with its cells (cells not all filled: no finding)."""
    fmt = report.schema
    for where, text in _texts(report):
        reported = set()
        for statement in statements(text):
            refs = named_cells(report.format, statement.group)
            if not refs or any(ref not in report.cells for ref in refs):
                continue
            value = sum(report.cells[ref] for ref in refs)
            if value == statement.count or _also_meant(report, statement) or \
                    (statement.group, statement.count) in reported:
                continue
            reported.add((statement.group, statement.count))
            names = "与".join(f"「{fmt.cell_name(ref)}」" for ref in refs)
            total = "之和" if len(refs) > 1 else ""
            yield Finding(
                "R7", WARNING,
                f"{where}写明「{_quote(statement.sentence)}」（{statement.count} 件），"
                f"但表中{names}{total}为 {value}",
                refs, _section_of(report, where),
            )


def _also_meant(report: Report, statement: Statement) -> bool:
    """Whether the count is the sum of the group's second reading (schema group ``NAME_also``)."""
    refs = named_cells(report.format, statement.group + "_also")
    return bool(refs) and all(ref in report.cells for ref in refs) and \
        sum(report.cells[ref] for ref in refs) == statement.count


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
                yield Finding("R8", WARNING, f"{where}中的报告标题写的是 {named} 年：「{_quote(sentence)}」，"
                                             f"本报告为 {year} 年度", (), section)
        for named, sentence in dict.fromkeys(_fee_years(text)):
            if named != year:
                yield Finding("R8", WARNING, f"{where}中的收费情况说明写的是 {named} 年：「{_quote(sentence)}」，"
                                             f"本报告为 {year} 年度", (), section)
        for period in periods(text):
            found_period = True
            years = {period.start[0], period.end[0]} - {None}
            if years and years != {year}:
                named = "、".join(str(y) for y in sorted(years))
                yield Finding("R8", WARNING, f"{where}中的统计期限写的是 {named} 年：「{_quote(period.sentence)}」，"
                                             f"本报告为 {year} 年度", (), section)
            elif period.start[1:] != (1, 1) or period.end[1:] != (12, 31):
                yield Finding("R13", WARNING, f"{where}中的统计期限不是 {year} 年 1 月 1 日至 12 月 31 日："
                                              f"「{_quote(period.sentence)}」", (), section)
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
