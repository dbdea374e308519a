"""The district's 汇总: the reports of its bodies summed cell by cell into one report of the same format.

Reports of different formats cannot be summed (``MixedFormats`` names the odd ones). Empty is not
zero: a cell some body left empty stays empty in the sum, and the aggregate says which bodies lack
it. A sum beyond what the cell may hold (``core.values``) is refused for that cell, with a note,
never stored. An optional row that stands for other rows (（六）其他处理 as one row) counts, for a
body that filled the detailed rows instead, as the sum of those rows.

``Accumulator`` takes one report at a time and keeps only the sums, so that a province's tens of
thousands of reports are summed in constant memory; ``aggregate`` sums a list at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable, Mapping

from gipr_desktop.core.notes import ImportNote
from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import CellRef, cell_kinds, formats, get_format
from gipr_desktop.core.values import ValueRefused, checked_value

NAMED = 10  # how many bodies a note names before it says 「等 N 个」


class MixedFormats(ValueError):
    """The reports are not all in one format; the message names the odd ones."""


@dataclass
class Lacking:
    """The bodies that left one cell empty: how many, and the first ``NAMED`` of them."""

    count: int = 0
    names: list[str] = field(default_factory=list)

    def add(self, name: str) -> None:
        self.count += 1
        if len(self.names) < NAMED:
            self.names.append(name)

    def said(self) -> str:
        names = "、".join(self.names)
        return names if self.count <= len(self.names) else f"{names} 等 {self.count} 个机关"


@dataclass
class Aggregate:
    report: Report
    bodies: list[str]  # the bodies summed, in the order given
    notes: list[ImportNote]  # cells that could not be summed, and why
    lacking: dict[CellRef, Lacking]  # per cell left empty: the bodies that lack it


@cache
def _stands_for(format_id: str) -> dict[CellRef, tuple[CellRef, ...]]:
    """Optional cells that stand for other cells (a rule's ``alternatives``), with those cells."""
    fmt = get_format(format_id)
    result = {}
    for table in fmt.tables:
        for rule in table.rules:
            for alt_row, rows in rule.alternatives:
                for column in table.row(alt_row).columns:
                    result[CellRef(table.id, alt_row, column.id)] = tuple(CellRef(table.id, r, column.id) for r in rows)
    return result


@cache
def _optional_cells(format_id: str) -> frozenset[CellRef]:
    fmt = get_format(format_id)
    return frozenset(CellRef(t.id, row.id, c.id) for t in fmt.tables for row in t.rows if row.optional
                     for c in row.columns)


class _Sums:
    """The running sums of one format."""

    def __init__(self, format_id: str) -> None:
        self.format = format_id
        self.sums: dict[CellRef, Value] = {}
        self.lacking: dict[CellRef, Lacking] = {}
        self.bodies: list[str] = []
        self.sources: list[str] = []  # how messages name each report (its file, when known)
        self.years: Counter = Counter()
        self.optional_used: set[CellRef] = set()

    def add(self, name: str, cells: Mapping[CellRef, Value], year: int | None, source: str) -> None:
        self.bodies.append(name)
        self.sources.append(source or name)
        self.years[year] += 1
        stands_for, optional = _stands_for(self.format), _optional_cells(self.format)
        for ref in cell_kinds(self.format):
            value = cells.get(ref)
            if ref in optional:
                if value is not None:
                    self.optional_used.add(ref)
                elif ref in stands_for and all(r in cells for r in stands_for[ref]):
                    value = sum(cells[r] for r in stands_for[ref])
            if value is None:
                self.lacking.setdefault(ref, Lacking()).add(name)
            elif ref not in self.lacking:
                self.sums[ref] = self.sums.get(ref, 0) + value

    def result(self, unit: str, year: int | None) -> Aggregate:
        fmt = get_format(self.format)
        report = Report(format=self.format, unit=unit, aggregate_of=tuple(self.bodies))
        common = [y for y, _ in self.years.most_common() if y is not None]
        report.year = year if year is not None else (common[0] if common else None)
        notes: list[ImportNote] = []
        if len(common) > 1:
            notes.append(ImportNote(f"所汇总的报告年度不一致（{'、'.join(str(y) for y in sorted(common))}），"
                                    f"汇总报告按 {report.year} 年度"))
        lacking = {ref: who for ref, who in self.lacking.items()
                   if ref not in _optional_cells(self.format) or ref in self.optional_used}
        notes += _lacking_notes(fmt, lacking)
        kinds = cell_kinds(self.format)
        for ref, total in self.sums.items():
            if ref in lacking or (ref in _optional_cells(self.format) and ref not in self.optional_used):
                continue
            try:
                report.cells[ref] = checked_value(kinds[ref], total)
            except ValueRefused as exc:
                notes.append(ImportNote(f"{fmt.cell_name(ref)}的合计未填入：{exc}", *ref))
        return Aggregate(report, list(self.bodies), notes, lacking)


def _lacking_notes(fmt, lacking: dict[CellRef, Lacking]) -> list[ImportNote]:
    """One note per row whose every cell lacks the same bodies' values, else one per cell."""
    notes = []
    for table in fmt.tables:
        for row in table.rows:
            refs = [CellRef(table.id, row.id, column.id) for column in row.columns]
            missing = [ref for ref in refs if ref in lacking]
            if not missing:
                continue
            whole = len(missing) == len(refs) > 1 and len({(lacking[r].count, tuple(lacking[r].names))
                                                            for r in missing}) == 1
            if whole:
                notes.append(ImportNote(f"「{table.row_name(row.id)}」一行未能汇总：{lacking[missing[0]].said()}"
                                        "未填写此行", table.id, row.id))
                continue
            notes += [ImportNote(f"{fmt.cell_name(ref)}未能汇总：{lacking[ref].said()}未填写此项", *ref)
                      for ref in missing]
    return notes


class Accumulator:
    """Reports added one at a time; ``result`` is their sum, or ``MixedFormats``."""

    def __init__(self) -> None:
        self._by_format: dict[str, _Sums] = {}

    def add(self, name: str, format_id: str, cells: Mapping[CellRef, Value], year: int | None = None,
            source: str = "") -> None:
        """One body's cells; ``source`` (its file) is how a refusal names it, ``name`` by default."""
        self._by_format.setdefault(format_id, _Sums(format_id)).add(name, cells, year, source)

    def add_report(self, name: str, report: Report, source: str = "") -> None:
        self.add(name, report.format, report.cells, report.year, source)

    @property
    def count(self) -> int:
        return sum(len(s.bodies) for s in self._by_format.values())

    def result(self, unit: str = "", year: int | None = None) -> Aggregate:
        if not self._by_format:
            raise ValueError("没有可以汇总的报告")
        if len(self._by_format) > 1:
            raise MixedFormats(mixed_formats_message({f: s.sources for f, s in self._by_format.items()}))
        return next(iter(self._by_format.values())).result(unit, year)


def mixed_formats_message(bodies_by_format: Mapping[str, list[str]]) -> str:
    """The refusal to sum: which format most reports use, and which reports use another."""
    ordered = sorted(bodies_by_format.items(), key=lambda item: -len(item[1]))
    main, _ = ordered[0]
    odd = "；".join(f"{formats()[f].name}：{_named(names)}" for f, names in ordered[1:])
    return (f"所选报告的格式不一致，不能汇总：多数报告使用{formats()[main].name}（{len(ordered[0][1])} 份），"
            f"以下报告使用其他格式——{odd}。请只选择同一格式的报告")


def _named(names: list[str]) -> str:
    shown = "、".join(names[:NAMED])
    return shown if len(names) <= NAMED else f"{shown} 等 {len(names)} 份"


def aggregate(reports: Iterable[tuple[str, Report]], unit: str = "", year: int | None = None) -> Aggregate:
    """Sum ``(name, report)`` pairs into one report named ``unit``."""
    accumulator = Accumulator()
    for name, report in reports:
        accumulator.add_report(name, report)
    return accumulator.result(unit, year)


def aggregate_rows(rows: Iterable, unit: str = "", year: int | None = None) -> Aggregate:
    """Sum the chosen rows of a batch (``core.batch.BodyRow``, read with their cells kept)."""
    accumulator = Accumulator()
    for row in rows:
        if not row.readable:
            raise ValueError(f"「{row.file_name}」无法读取，不能汇总：{row.message}")
        if not row.cells:
            raise ValueError(f"「{row.file_name}」的数字未保留，请重新读取后再汇总")
        accumulator.add(row.name, row.format, row.cells, row.year, row.file_name)
    return accumulator.result(unit or default_unit(row.unit for row in rows), year)


def default_unit(names: Iterable[str]) -> str:
    """A name for the sum of these bodies: their common place name (「岭东区」) and 「汇总」."""
    names = [n for n in names if n]
    prefix = names[0] if names else ""
    for name in names[1:]:
        while not name.startswith(prefix):
            prefix = prefix[:-1]
    cut = max((prefix.rfind(ch) for ch in "省市区县旗"), default=-1)
    return f"{prefix[:cut + 1]}汇总" if cut >= 0 else "汇总"
