"""The two national report formats, read once from ``resources/schema.json``.

Everything that knows a row, a column, a label or a rule asks this module: the model, the checks,
the grids, the importers and the exporters. Nothing else writes a label or a cell id by hand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Iterator, NamedTuple

from gipr_desktop.paths import resource

CELL_KINDS = ("count", "signed", "amount")


@dataclass(frozen=True)
class CellKind:
    """What a cell of one kind may hold (``cell_kinds`` in the schema): whole numbers between
    ``minimum`` and ``maximum``, or, with ``decimals``, decimals of at most ``integer_digits`` digits."""

    id: str
    description: str
    minimum: int
    maximum: int | None = None  # whole-number kinds
    integer_digits: int | None = None  # decimal kinds
    decimals: int = 0


@dataclass(frozen=True)
class TextLimit:
    """How long one text field may be (``text_limits``), and whether it may hold line breaks."""

    field: str
    name: str
    maximum: int
    lines: bool


class CellRef(NamedTuple):
    """One cell of a report: table id, row id, column id (the ids of the spec)."""

    table: str
    row: str
    col: str


@dataclass(frozen=True)
class Column:
    id: str
    header: tuple[str, ...]  # header path, outermost first: ("申请人情况", "法人或其他组织", "商业企业")
    kind: str  # one of CELL_KINDS
    unit: str = ""

    @property
    def label(self) -> str:
        return self.header[-1]


@dataclass(frozen=True)
class Row:
    id: str
    path: tuple[str, ...]  # label path, outermost first: ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")
    columns: tuple[Column, ...]
    group: str = ""
    optional: bool = False  # shown and exported only when it holds a value
    aliases: tuple[str, ...] = ()  # other labels real reports print for this row

    @property
    def label(self) -> str:
        return self.path[-1]

    def column(self, col_id: str) -> Column:
        for column in self.columns:
            if column.id == col_id:
                return column
        raise KeyError(col_id)


@dataclass(frozen=True)
class Group:
    id: str
    label: str


@dataclass(frozen=True)
class Rule:
    """An arithmetic rule of one table, as written in the schema (see ``checks`` for its meaning)."""

    id: str
    kind: str  # row_sum | column_sum | balance
    total: str = ""
    parts: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    left_name: str = ""
    right_name: str = ""
    alternatives: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (row, rows it stands for)


@dataclass(frozen=True)
class Table:
    id: str
    section: str
    title: str
    layout: str  # grid | groups | single_row
    rows: tuple[Row, ...]
    groups: tuple[Group, ...] = ()
    rules: tuple[Rule, ...] = ()
    corner: str = ""
    row_header: str = ""

    def row(self, row_id: str) -> Row:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)

    def has_row(self, row_id: str) -> bool:
        return any(row.id == row_id for row in self.rows)

    def labels(self) -> set[str]:
        """The labels the table prints: each row's label path and each column's header at every level."""
        return {part for row in self.rows for part in (*row.path, *(p for c in row.columns for p in c.header))}

    def cells(self) -> Iterator[CellRef]:
        for row in self.rows:
            for column in row.columns:
                yield CellRef(self.id, row.id, column.id)

    def row_name(self, row_id: str) -> str:
        """The row as a reader of the printed table names it, e.g. 「（三）不予公开·1.属于国家秘密」."""
        path = self.row(row_id).path
        if self.layout == "single_row":
            return "·".join(path)
        if len(path) > 1 and path[-1][:1].isdigit():
            return f"{path[-2]}·{path[-1]}"
        return path[-1]

    def cell_name(self, ref: CellRef) -> str:
        return f"{self.row_name(ref.row)}·{self.row(ref.row).column(ref.col).label}"


@dataclass(frozen=True)
class Section:
    id: str  # "1" … "6"
    numeral: str  # 一 … 六
    heading: str
    guidance: str
    keywords: tuple[str, ...] = ()  # words by which a loosely worded printed heading is known

    @property
    def title(self) -> str:
        return f"{self.numeral}、{self.heading}"


@dataclass(frozen=True)
class Format:
    id: str  # "2021" | "2019"
    name: str
    notice: str
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]

    def table(self, table_id: str) -> Table:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def cells(self) -> Iterator[CellRef]:
        for table in self.tables:
            yield from table.cells()

    def column(self, ref: CellRef) -> Column:
        return self.table(ref.table).row(ref.row).column(ref.col)

    def has_cell(self, ref: CellRef) -> bool:
        return ref in _cell_set(self.id)

    def cell_name(self, ref: CellRef) -> str:
        return self.table(ref.table).cell_name(ref)


def _load_table(data: dict) -> Table:
    column_sets = {
        name: tuple(
            Column(c["id"], tuple(c["header"]), c["kind"], c.get("unit", "")) for c in columns
        )
        for name, columns in data["column_sets"].items()
    }
    rows = tuple(
        Row(
            r["id"],
            tuple(r["path"]),
            column_sets[r["columns"]],
            r.get("group", ""),
            r.get("optional", False),
            tuple(r.get("aliases", ())),
        )
        for r in data["rows"]
    )
    rules = tuple(
        Rule(
            id=r["id"],
            kind=r["kind"],
            total=r.get("total", ""),
            parts=tuple(r.get("parts", ())),
            left=tuple(r.get("left", ())),
            right=tuple(r.get("right", ())),
            left_name=r.get("left_name", ""),
            right_name=r.get("right_name", ""),
            alternatives=tuple((k, tuple(v)) for k, v in r.get("alternatives", {}).items()),
        )
        for r in data.get("rules", ())
    )
    return Table(
        id=data["id"],
        section=data["section"],
        title=data["title"],
        layout=data["layout"],
        rows=rows,
        groups=tuple(Group(g["id"], g["label"]) for g in data.get("groups", ())),
        rules=rules,
        corner=data.get("corner", ""),
        row_header=data.get("row_header", ""),
    )


@cache
def _raw_schema() -> dict:
    return json.loads(resource("schema.json").read_text(encoding="utf-8"))


@cache
def formats() -> dict[str, Format]:
    """All formats by id, newest first."""
    raw = _raw_schema()
    result = {}
    for format_id, data in raw["formats"].items():
        result[format_id] = Format(
            id=format_id,
            name=data["name"],
            notice=data["notice"],
            first_year=data["first_year"],
            last_year=data.get("last_year"),
            sections=tuple(
                Section(s["id"], s["numeral"], s["heading"], s["guidance"], tuple(s.get("keywords", ()))) for s in data["sections"]
            ),
            tables=tuple(_load_table(t) for t in data["tables"]),
        )
    return result


def get_format(format_id: str) -> Format:
    try:
        return formats()[format_id]
    except KeyError:
        raise KeyError(f"未知的报告格式：{format_id}") from None


@cache
def _cell_set(format_id: str) -> frozenset[CellRef]:
    return frozenset(get_format(format_id).cells())


@cache
def cell_kinds(format_id: str) -> dict[CellRef, str]:
    """Every cell of a format with its kind (count | signed | amount)."""
    fmt = get_format(format_id)
    return {ref: fmt.column(ref).kind for ref in fmt.cells()}


@cache
def cell_kind(kind_id: str) -> CellKind:
    raw = _raw_schema()["cell_kinds"][kind_id]
    return CellKind(kind_id, raw["description"], raw["min"], raw.get("max"), raw.get("integer_digits"),
                    raw.get("decimals", 0))


def report_years() -> range:
    """The years a report can be on (``report_years``): the form, the files and the readers ask this."""
    raw = _raw_schema()["report_years"]
    return range(raw["first"], raw["last"] + 1)


@cache
def text_limit(field: str) -> TextLimit:
    """The limit of a metadata field (unit, published, contact, preamble) or of a section's text ("section")."""
    raw = _raw_schema()["text_limits"][field]
    return TextLimit(field, raw["name"], raw["max"], raw["lines"])


CURRENT_FORMAT: str = _raw_schema()["current_format"]  # the format reports are written in now
SECTION_IDS = ("1", "2", "3", "4", "5", "6")


@dataclass(frozen=True)
class Share:
    """A share threshold of a review rule: at least ``minimum`` cases and at least ``share`` of the base."""

    rule: str
    share: Fraction
    minimum: int


@dataclass(frozen=True)
class Deadline:
    """When the report of a body whose name matches ``pattern`` is due (month, day of the next year)."""

    pattern: re.Pattern
    month: int
    day: int
    who: str


@dataclass(frozen=True)
class Topics:
    """Topics a text should speak of: each topic's name and the words by any of which it is known."""

    rule: str
    names: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ReviewPolicy:
    """What the review holds every report to (the schema's ``review`` block)."""

    other_handling: Share  # R12: all of （六）其他处理
    other_misc: Share  # R16: （六）3.其他 alone
    similar: float  # R10: section 五 this alike last year's reads as copied
    deadlines: tuple[Deadline, ...]  # R15, the last one for every other body
    regulation_makers: re.Pattern  # R11: names of bodies that may make 规章
    cannot_make_regulations: re.Pattern  # R11: names of bodies that certainly may not
    cannot_make_self_names: re.Pattern  # R11: how such a body speaks of itself in its text
    people_government: re.Pattern  # R17: the name of a 人民政府 (its report states 考核、评议、追究)
    place_only: re.Pattern  # a name that is a place's only (「三明市」): its 人民政府's
    accountability: Topics  # R17
    cut_off_parts: int  # S6: this many missing parts make one 「文本不完整」 finding


@dataclass(frozen=True)
class FormatPolicy:
    """What one format asks of its sections (the format's ``review`` block)."""

    summary: str  # the section with the summary (R9, S7)
    problems: str  # the section on problems and improvements (R10)
    fees: str  # the section holding the fee statement (S5, U1)
    accountability: str  # where 考核、评议、追究 belong when missing (R17)
    summary_limit: int | None  # R9, characters; None: no limit in this format
    fee_statement: bool  # S5: whether the fee statement is required
    summary_topics: Topics  # S7
    summary_topics_missing: int  # S7 speaks when at least this many topics are missing
    normative_documents_row: str  # the row R11 points to, with this format's label


def _share(raw: dict) -> Share:
    return Share(raw["rule"], Fraction(*raw["share"]), raw["minimum"])


@cache
def review_policy() -> ReviewPolicy:
    raw = _raw_schema()["review"]
    return ReviewPolicy(
        other_handling=_share(raw["other_handling"]),
        other_misc=_share(raw["other_misc"]),
        similar=raw["similar"],
        deadlines=tuple(Deadline(re.compile(d["pattern"]), d["month"], d["day"], d["who"]) for d in raw["deadlines"]),
        regulation_makers=re.compile(raw["regulation_makers"]),
        cannot_make_regulations=re.compile(raw["cannot_make_regulations"]),
        cannot_make_self_names=re.compile(raw["cannot_make_self_names"]),
        people_government=re.compile(raw["people_government"]),
        place_only=re.compile(raw["place_only"]),
        accountability=Topics(raw["accountability"]["rule"], tuple(raw["accountability"]["names"]),
                              tuple(tuple(t) for t in raw["accountability"]["topics"])),
        cut_off_parts=raw["cut_off_parts"],
    )


@cache
def format_policy(format_id: str) -> FormatPolicy:
    raw = _raw_schema()["formats"][format_id]["review"]
    return FormatPolicy(
        summary=raw["roles"]["summary"],
        problems=raw["roles"]["problems"],
        fees=raw["roles"]["fees"],
        accountability=raw["roles"]["accountability"],
        summary_limit=raw["summary_limit"],
        fee_statement=raw["fee_statement"],
        summary_topics=Topics("S7", tuple(raw["summary_topic_names"]), tuple(tuple(t) for t in raw["summary_topics"])),
        summary_topics_missing=raw["summary_topics_missing"],
        normative_documents_row=raw["normative_documents_row"],
    )


def cross_year_rules(format_id: str) -> dict:
    """The ``cross_year`` block of a format: rows carried from last year (R5), stocks (R6)."""
    return _raw_schema()["formats"][format_id].get("cross_year", {})


def filling_notes(format_id: str, ref: CellRef) -> tuple[str, ...]:
    """What counts in cell ``ref`` (``filling_notes``): the table's note, then its row's, then its column's."""
    raw = _raw_schema()["filling_notes"]
    found = []
    for part, key in (("table", None), ("rows", ref.row), ("columns", ref.col)):
        note = ""
        for block in (raw["all"], raw.get(format_id, {})):
            entry = block.get(ref.table, {})
            if key is None:
                note = entry.get("table", note)
                continue
            notes = entry.get(part, {})
            prefixed = [text for name, text in notes.items() if name.endswith("*") and key.startswith(name[:-1])]
            note = notes.get(key, prefixed[0] if prefixed else note)
        if note:
            found.append(note)
    return tuple(found)


@cache
def named_cells(format_id: str, name: str) -> tuple[CellRef, ...]:
    """The cells of the ``review_cells`` group ``name`` (e.g. "applications_received") that the format has."""
    groups = _raw_schema()["formats"][format_id].get("review_cells", {})
    refs = (CellRef(*ref) for ref in groups.get(name, ()))
    return tuple(ref for ref in refs if ref in _cell_set(format_id))


def format_for_year(year: int | None) -> str:
    """The format a report on ``year`` must use: the one in force that year (the oldest before any)."""
    if year is None:
        return CURRENT_FORMAT
    by_age = sorted(formats().values(), key=lambda fmt: fmt.first_year)
    for fmt in by_age:
        if fmt.first_year <= year and (fmt.last_year is None or year <= fmt.last_year):
            return fmt.id
    return by_age[0].id if year < by_age[0].first_year else CURRENT_FORMAT
