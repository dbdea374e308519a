"""The ``.gipr`` project file: UTF-8 JSON, the program's own format and the interchange contract.

    {"gipr": 1, "format": "2021", "unit": "…", "year": 2024, "contact": "", "published": "",
     "preamble": "…", "tables": {table: {row: {col: value}}}, "sections": {"1": "…", … "6": "…"},
     "previous": {…}}

``previous`` (optional) is last year's report of the same body, with the same keys but no ``gipr``
and no ``previous`` of its own: written by rollover (or when the user attaches last year's report),
it lets the cross-year checks run whenever the file is opened. ``aggregate_of`` (optional, a list of
names) is written only for a supervising office's aggregated report (汇总): the bodies it sums.

Only filled cells are written: a missing cell is unknown, never zero. Reading is strict: a damaged,
truncated or foreign file, or one from a newer program, is refused with a message that says why.
"""

from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal
from pathlib import Path

from gipr_desktop.core.checks import refused_values
from gipr_desktop.core.report import Report
from gipr_desktop.core.values import ValueRefused, checked_text, checked_year, text_problem
from gipr_desktop.core.schema import SECTION_IDS, CellRef, formats
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.errors import ImportResult, ReadError, WriteError, checked_size

FILE_VERSION = 1
PROJECT_EXTENSIONS = (".gipr", ".json")  # the file types that keep everything, last year's report included
MAX_FILE_BYTES = 20 * 1024 * 1024
_TEXT_FIELDS = ("unit", "contact", "published", "preamble")
_KEYS = {"gipr", "format", "year", "tables", "sections", "previous", "aggregate_of", *_TEXT_FIELDS}
MAX_AGGREGATED = 100_000  # bodies an aggregated report may name: a province's reports, and more


def to_json_data(report: Report) -> dict:
    data = _report_data(report)
    if report.previous is not None:
        data["previous"] = _report_data(report.previous)
    return {"gipr": FILE_VERSION, **data}


def _report_data(report: Report) -> dict:
    tables: dict = {}
    for ref in report.schema.cells():  # schema order, so that files diff well
        if ref in report.cells:  # a Decimal stays a Decimal: ``dumps`` writes it as an exact number
            tables.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.col] = report.cells[ref]
    return {
        "format": report.format,
        "unit": report.unit,
        "year": report.year,
        "contact": report.contact,
        "published": report.published,
        "preamble": report.preamble,
        "tables": tables,
        "sections": {key: report.sections.get(key, "") for key in SECTION_IDS},
        **({"aggregate_of": list(report.aggregate_of)} if report.aggregate_of else {}),
    }


def dumps(report: Report) -> str:
    """The file's text. 万元 amounts are written digit for digit (never through a float), and a
    report holding what it may not (built in code) is refused rather than written unreadable."""
    _refuse_unwritable(report)
    marker = secrets.token_hex(8)

    def exact(value: object) -> str:
        if isinstance(value, Decimal):
            return f"{marker}{format(value, 'f')}{marker}"
        raise TypeError(type(value).__name__)

    text = json.dumps(to_json_data(report), ensure_ascii=False, indent=1, default=exact)
    return re.sub(f'"{marker}(-?[0-9.]+){marker}"', r"\1", text) + "\n"


def _refuse_unwritable(report: Report) -> None:
    for what in (report, report.previous):
        if what is None:
            continue
        refused = refused_values(what)
        if refused:
            ref, reason = next(iter(refused.items()))
            raise WriteError(f"报告中有不能保存的数值：{what.schema.cell_name(ref)}：{reason}")
        if len(what.aggregate_of) > MAX_AGGREGATED:
            raise WriteError(f"汇总报告包含的机关过多（{len(what.aggregate_of)} 个，最多 {MAX_AGGREGATED} 个）")
        for field, text in _texts(what):
            problem = text_problem(field, text) if isinstance(text, str) else "应为文字"
            if problem:
                raise WriteError(f"报告中有不能保存的文字：{problem}")


def _texts(report: Report):
    yield from ((field, getattr(report, field)) for field in _TEXT_FIELDS)
    yield from (("section", text) for text in report.sections.values())
    yield from (("unit", name) for name in report.aggregate_of)


def write(report: Report, path: str | Path) -> None:
    write_atomic(path, dumps(report).encode("utf-8"))


def _reject_constant(name: str):
    raise ValueError(name)


def loads(text: str, where: str = "文件") -> Report:
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ReadError(f"{where}已损坏或不完整：第 {exc.lineno} 行第 {exc.colno} 列处无法解析") from None
    except (ValueError, RecursionError):
        raise ReadError(f"{where}已损坏：含有无法识别的内容") from None
    return from_json_data(data, where)


def from_json_data(data: object, where: str = "文件") -> Report:
    if not isinstance(data, dict) or "gipr" not in data:
        raise ReadError(f"{where}不是本程序的报告文件（缺少 \"gipr\" 版本号）")
    version = data["gipr"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ReadError(f"{where}的文件版本号无效：{version!r}")
    if version > FILE_VERSION:
        raise ReadError(
            f"{where}由更新版本的程序保存（文件版本 {version}，本程序只能读取到版本 {FILE_VERSION}），"
            "请升级程序后再打开"
        )
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ReadError(f"{where}含有本程序不认识的项目：{'、'.join(unknown)}")
    report_format = data.get("format")
    if not isinstance(report_format, str) or report_format not in formats():
        raise ReadError(f"{where}的报告格式无效：{report_format!r}（应为 {'、'.join(formats())}）")
    report = Report(format=report_format)
    for key in _TEXT_FIELDS:
        setattr(report, key, _text(key, data.get(key, ""), where))
    try:
        report.year = checked_year(data.get("year"))
    except ValueRefused as exc:
        raise ReadError(f"{where}的{exc}") from None
    _read_sections(report, data.get("sections", {}), where)
    _read_tables(report, data.get("tables", {}), where)
    report.aggregate_of = _aggregate_of(data.get("aggregate_of", []), where)
    if data.get("previous") is not None:
        report.previous = _read_previous(data["previous"], where)
    return report


def _read_previous(data: object, where: str) -> Report:
    where = f"{where}所附的上年报告"
    if not isinstance(data, dict):
        raise ReadError(f"{where}应为对象")
    if "gipr" in data or "previous" in data:
        raise ReadError(f"{where}含有不应有的项目（gipr 或 previous）")
    return from_json_data({"gipr": FILE_VERSION, **data}, where)


def _read_sections(report: Report, sections: object, where: str) -> None:
    if not isinstance(sections, dict):
        raise ReadError(f"{where}的「sections」应为对象")
    for key, text in sections.items():
        if key not in SECTION_IDS:
            raise ReadError(f"{where}含有不存在的部分「{key}」（应为 1–6）")
        report.sections[key] = _text("section", text, f"{where}第 {key} 部分")


def _read_tables(report: Report, tables: object, where: str) -> None:
    fmt = report.schema
    if not isinstance(tables, dict):
        raise ReadError(f"{where}的「tables」应为对象")
    for table_id, rows in tables.items():
        if not isinstance(rows, dict):
            raise ReadError(f"{where}的表「{table_id}」应为对象")
        for row_id, cols in rows.items():
            if not isinstance(cols, dict):
                raise ReadError(f"{where}的「{table_id}.{row_id}」应为对象")
            for col_id, value in cols.items():
                ref = CellRef(table_id, row_id, col_id)
                if not fmt.has_cell(ref):
                    raise ReadError(f"{where}含有{fmt.name}中不存在的单元格 {table_id}.{row_id}.{col_id}")
                if value is None:
                    continue
                try:
                    report.set(ref, value)
                except ValueRefused as exc:
                    raise ReadError(f"{where}中{exc}") from None


def _aggregate_of(names: object, where: str) -> tuple[str, ...]:
    if not isinstance(names, list) or len(names) > MAX_AGGREGATED:
        raise ReadError(f"{where}的「aggregate_of」应为不超过 {MAX_AGGREGATED} 个机关名称的列表")
    return tuple(_text("unit", name, f"{where}所汇总机关的名称") for name in names)


def _text(field: str, value: object, where: str) -> str:
    try:
        return checked_text(field, value)
    except ValueRefused as exc:
        raise ReadError(f"{where}的{exc}") from None


def read(path: str | Path) -> ImportResult:
    path = Path(path)
    checked_size(path, MAX_FILE_BYTES)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法打开「{path}」：{exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError(f"「{path.name}」不是本程序的报告文件（不是 UTF-8 文本）") from None
    return ImportResult(loads(text, f"「{path.name}」"))
