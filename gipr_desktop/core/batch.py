"""A supervising office's batch of reports: one row per report, paired with last year's, and flagged.

Each January a district's 政务公开办 receives the reports of its 30 to 100 bodies. Reading a file
into a ``BodyRow`` is ``io.batch_read``'s work; here are the rows themselves (plain data, so that a
table model can show them and a worker process can send them), the key figures taken from the
schema's ``key_…`` cell groups, the body's level read from its name, and what a batch as a whole
reveals: a body that reports twice, a body that reported last year and not now, a report whose year
or format does not fit the batch, and each key figure's change against last year.

Bodies are paired across years by their normalised name (``body_key``); the caller may correct a
pairing (``BodyRow.previous_path``) and read that body again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from gipr_desktop.core.findings import ERROR, WARNING, Finding, severity_counts
from gipr_desktop.core.notes import ImportNote
from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import formats, named_cells

# (id, what the review table calls it); the cells are the schema's review_cells group "key_<id>"
KEY_FIGURES = (
    ("new", "本年新收"),
    ("carried_over", "上年结转"),
    ("handled", "办结"),
    ("carry_forward", "结转下年度"),
    ("review", "行政复议"),
    ("litigation", "行政诉讼"),
    ("licensing", "行政许可"),
    ("penalty", "行政处罚"),
    ("fees", "收费（万元）"),
)

GOVERNMENT, DEPARTMENT, STREET, TOWN = "政府", "部门", "街道", "乡镇"
LEVELS = (GOVERNMENT, DEPARTMENT, STREET, TOWN)
_STREET = re.compile(r"街道(?:办事处)?(?:$|[（(])")
_TOWN = re.compile(r"(?:乡|镇)(?:人民政府)?(?:$|[（(])")
_GOVERNMENT = re.compile(r"人民政府(?:$|[（(])")

UNREAD, HAS_ERRORS, HAS_WARNINGS, PASSED = "未读取", "有错误", "有警告", "通过"
STATUSES = (UNREAD, HAS_ERRORS, HAS_WARNINGS, PASSED)

# what the batch says of a row (``BodyRow.flags``) and of the batch (``BatchIssue.kind``)
DUPLICATE, MISSING_NOW, ODD_YEAR, ODD_FORMAT = "重复", "本年缺报", "年度不符", "格式不符"
_NOT_IN_KEY = re.compile(r"[\s\W_]+")


def level_of(unit: str) -> str:
    """政府 / 部门 / 街道 / 乡镇 as the body's name says; a name that says none of these is a 部门."""
    unit = unicodedata.normalize("NFKC", unit).strip()
    if _STREET.search(unit):
        return STREET
    if _TOWN.search(unit):
        return TOWN
    if _GOVERNMENT.search(unit):
        return GOVERNMENT
    return DEPARTMENT


def body_key(unit: str) -> str:
    """The name by which a body is known across years and files: width folded, spaces and
    punctuation dropped (「岭东区 中心街道办事处」 and 「岭东区中心街道办事处」 are one body)."""
    return _NOT_IN_KEY.sub("", unicodedata.normalize("NFKC", unit)).lower()


def key_figures(report: Report) -> dict[str, Value | None]:
    """Each key figure of ``report``: the sum of its cells, None when one is empty or the format has none."""
    result: dict[str, Value | None] = {}
    for figure, _ in KEY_FIGURES:
        refs = named_cells(report.format, f"key_{figure}")
        values = [report.cells.get(ref) for ref in refs]
        result[figure] = sum(values) if refs and None not in values else None
    return result


@dataclass
class BodyRow:
    """One report of the batch, as the review table shows it. A file that could not be read is a
    row too, with ``message`` saying why."""

    path: str
    unit: str = ""
    level: str = ""  # one of LEVELS, read from the name; the reviewer may change it
    year: int | None = None
    format: str = ""
    findings: list[Finding] = field(default_factory=list)
    notes: list[ImportNote] = field(default_factory=list)  # what the reader was unsure of
    figures: dict[str, Value | None] = field(default_factory=dict)
    message: str = ""  # why the file could not be read ("" when it was)
    previous_path: str = ""  # last year's report of the same body, when paired
    previous_figures: dict[str, Value | None] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)  # DUPLICATE, ODD_YEAR, ODD_FORMAT
    cells: dict = field(default_factory=dict, repr=False)  # kept for summing; a long batch drops them

    @property
    def file_name(self) -> str:
        return Path(self.path).name

    @property
    def name(self) -> str:
        """The body's name, or its file's when the report gives none."""
        return self.unit or self.file_name

    @property
    def readable(self) -> bool:
        return not self.message

    @property
    def counts(self) -> dict[str, int]:
        return severity_counts(self.findings)

    @property
    def status(self) -> str:
        if not self.readable:
            return UNREAD
        counts = self.counts
        return HAS_ERRORS if counts[ERROR] else HAS_WARNINGS if counts[WARNING] else PASSED

    @property
    def format_name(self) -> str:
        fmt = formats().get(self.format)
        return fmt.name if fmt else ""

    def change(self, figure: str) -> Value | None:
        """This year's figure less last year's, when both are known."""
        now, before = self.figures.get(figure), self.previous_figures.get(figure)
        return None if now is None or before is None else now - before


def row_for(path: str, report: Report, findings: list[Finding], notes: Sequence[ImportNote]) -> BodyRow:
    """The row of a report that was read."""
    return BodyRow(
        path=str(path), unit=report.unit, level=level_of(report.unit), year=report.year, format=report.format,
        findings=list(findings), notes=list(notes), figures=key_figures(report), cells=dict(report.cells),
    )


@dataclass(frozen=True)
class BatchIssue:
    """Something the batch as a whole shows (DUPLICATE, MISSING_NOW, ODD_YEAR, ODD_FORMAT)."""

    kind: str
    message: str
    paths: tuple[str, ...] = ()


def _most_common(values: Iterable) -> object:
    counted = Counter(v for v in values if v not in (None, ""))
    return counted.most_common(1)[0][0] if counted else None


def batch_year(rows: Sequence[BodyRow]) -> int | None:
    """The year most reports of the batch are on."""
    return _most_common(row.year for row in rows if row.readable)


def review_batch(rows: Sequence[BodyRow], previous: Sequence[BodyRow] = (),
                 year: int | None = None) -> list[BatchIssue]:
    """Flag the rows (``BodyRow.flags``) and list what the batch shows. ``year`` is the year the batch
    should be on (by default the most common); ``previous`` are last year's rows, paired with this
    year's by ``BodyRow.previous_path``."""
    readable = [row for row in rows if row.readable]
    issues: list[BatchIssue] = []
    for row in rows:
        row.flags.clear()
    year = year if year is not None else batch_year(readable)
    fmt = _most_common(row.format for row in readable)
    by_key: dict[str, list[BodyRow]] = {}
    for row in readable:
        by_key.setdefault(body_key(row.unit), []).append(row)
    for key, same in by_key.items():
        if key and len(same) > 1:
            for row in same:
                row.flags.append(DUPLICATE)
            names = "、".join(row.file_name for row in same)
            issues.append(BatchIssue(DUPLICATE, f"{same[0].unit}报送了 {len(same)} 份报告（{names}），请确认以哪一份为准",
                                     tuple(row.path for row in same)))
    for row in readable:
        if year is not None and row.year != year:
            row.flags.append(ODD_YEAR)
            issues.append(BatchIssue(ODD_YEAR, f"{row.name}（{row.file_name}）的报告年度为 {_year(row.year)}，"
                                               f"本批报告为 {year} 年度", (row.path,)))
        if fmt is not None and row.format != fmt:
            row.flags.append(ODD_FORMAT)
            issues.append(BatchIssue(ODD_FORMAT, f"{row.name}（{row.file_name}）使用{row.format_name}，"
                                                 f"本批其他报告使用{formats()[fmt].name}", (row.path,)))
    issues.extend(_missing_now(rows, previous))
    return issues


def _year(year: int | None) -> str:
    return "（未写明）" if year is None else f"{year} 年"


def _missing_now(rows: Sequence[BodyRow], previous: Sequence[BodyRow]) -> Iterable[BatchIssue]:
    paired = {row.previous_path for row in rows if row.previous_path}
    now = {body_key(row.unit) for row in rows if row.readable}
    for before in previous:
        if before.readable and before.path not in paired and body_key(before.unit) not in now:
            yield BatchIssue(MISSING_NOW, f"{before.name}上年报送了报告（{before.file_name}），本年未见其报告",
                             (before.path,))


def pair_previous(rows: Sequence[BodyRow], previous: Sequence[BodyRow]) -> None:
    """Give each row last year's figures from the row its ``previous_path`` names."""
    by_path = {row.path: row for row in previous}
    for row in rows:
        before = by_path.get(row.previous_path)
        row.previous_figures = dict(before.figures) if before is not None and before.readable else {}


def previous_paths(previous: Sequence[BodyRow]) -> dict[str, str]:
    """Last year's report of each body, by ``body_key``: the first of a body's files when it has several."""
    result: dict[str, str] = {}
    for row in previous:
        key = body_key(row.unit)
        if row.readable and key:
            result.setdefault(key, row.path)
    return result


def sort_rows(rows: Iterable[BodyRow]) -> list[BodyRow]:
    """Rows in the order a reviewer reads them: by level, then by name."""
    order = {level: i for i, level in enumerate(LEVELS)}
    return sorted(rows, key=lambda row: (not row.readable, order.get(row.level, len(LEVELS)), row.name, row.path))


def in_report_order(findings: Iterable[Finding], format_id: str) -> list[Finding]:
    """Findings in the order a reader meets them in the report: those about the report as a whole
    first, then by section (a section's text before its table), then cell by cell in the table's order."""
    fmt = formats()[format_id]
    sections = {section.id: i for i, section in enumerate(fmt.sections, start=1)}
    cells = {ref: i for i, ref in enumerate(fmt.cells())}
    tables = {table.id: table.section for table in fmt.tables}

    def place(finding: Finding) -> tuple[int, int, int]:
        if finding.cells:
            return min((sections.get(tables.get(ref.table, ""), 0), 1, cells.get(ref, 0)) for ref in finding.cells)
        if finding.section:
            return sections.get(finding.section, 0), 0, 0
        return 0, 0, 0

    return sorted(findings, key=place)
