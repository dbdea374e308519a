"""Bounds, once, in the schema; checks that cannot raise; reports that save and reopen equal.

The properties run over random reports of both formats: whatever the model holds (a report built in
code may hold anything), ``check`` returns findings; whatever the program accepts, it saves and
reads back exactly, 万元 amounts digit for digit.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gipr_desktop.core.cell_text import parse_cell
from gipr_desktop.core.checks import CHECK_FAILED, check
from gipr_desktop.core.notes import BLANK, NO_HEADING, NO_TABLE, ImportNote
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, cell_kind, cell_kinds, formats, text_limit
from gipr_desktop.core.values import ValueRefused, checked_text, checked_value, clean_text
from gipr_desktop.io import project
from gipr_desktop.io.errors import ReadError, WriteError
from tests.helpers import zero_report

FORMATS = sorted(formats())
TEXT_FIELDS = ("unit", "contact", "published", "preamble")


# --- the bounds -----------------------------------------------------------------------------------


def test_the_bounds_come_from_the_schema():
    assert (cell_kind("count").minimum, cell_kind("count").maximum) == (0, 999_999_999)
    assert cell_kind("signed").minimum == -999_999_999
    assert (cell_kind("amount").integer_digits, cell_kind("amount").decimals) == (12, 6)
    assert text_limit("unit").maximum == 200 and not text_limit("unit").lines


@pytest.mark.parametrize("kind, value, held", [
    ("count", 999_999_999, 999_999_999),
    ("count", Decimal("12.0"), 12),  # 12.0 from a file is the count 12
    ("signed", -999_999_999, -999_999_999),
    ("amount", Decimal("999999999999.999999"), Decimal("999999999999.999999")),
    ("amount", Decimal("5949.0886670000"), Decimal("5949.088667")),  # the same number, six places
    ("amount", 12, Decimal(12)),
])
def test_values_inside_the_bounds_are_held_exactly(kind, value, held):
    result = checked_value(kind, value)
    assert result == held and type(result) is type(held)


@pytest.mark.parametrize("kind, value, reason", [
    ("count", 1_000_000_000, "超出范围（最大 999999999）"),
    ("count", -1, "不能为负数"),
    ("count", Decimal("1.5"), "不是整数"),
    ("count", Decimal("1E+999999999"), "超出范围"),
    ("count", 10 ** 400, "超出范围"),
    ("count", 1.0, "不是数字"),
    ("count", True, "不是数字"),
    ("signed", -1_000_000_000, "小于下限"),
    ("amount", Decimal("1000000000000"), "整数部分超过 12 位"),
    ("amount", Decimal("1E+400"), "整数部分超过 12 位"),
    ("amount", Decimal("0.1234567"), "小数超过 6 位"),
    ("amount", Decimal("Infinity"), "不是有效的数"),
    ("amount", Decimal("NaN"), "不是有效的数"),
    ("amount", Decimal("-0.5"), "不能为负数"),
])
def test_values_outside_the_bounds_are_refused_never_rounded(kind, value, reason):
    with pytest.raises(ValueRefused, match=reason):
        checked_value(kind, value)


def test_a_table_set_at_once_keeps_every_cell_it_may_hold_and_names_each_refused_in_order():
    report = Report(format="2021")
    new, carried, disclosed = (CellRef("applications", row, "total") for row in ("new", "carried_over", "disclosed"))
    refused = report.set_all({new: 12, carried: -3, disclosed: Decimal("1.5")})
    assert report.cells == {new: 12}  # the refused cells stay empty (unknown), never clipped or rounded
    assert [ref for ref, _ in refused] == [carried, disclosed]
    assert "不能为负数" in str(refused[0][1]) and "不是整数" in str(refused[1][1])
    assert all(report.schema.cell_name(ref) in str(exc) for ref, exc in refused)  # each names its cell
    report.set_all({new: None})
    assert report.cells == {}
    with pytest.raises(KeyError):
        report.set_all({CellRef("applications", "new", "nothing"): 1})


@pytest.mark.parametrize("kind, text", [
    ("count", "9" * 400), ("count", "1000000000"), ("amount", "9" * 13), ("amount", "1.1234567"),
])
def test_typed_text_outside_the_bounds_is_refused(kind, text):
    with pytest.raises(ValueError):
        parse_cell(kind, text)


def test_a_message_quotes_a_huge_value_briefly():
    with pytest.raises(ValueRefused) as caught:
        checked_value("count", 10 ** 400)
    assert len(str(caught.value)) < 60 and "401 位" in str(caught.value)


@pytest.mark.parametrize("field, text, reason", [
    ("unit", "单" * 201, "机关名称太长"),
    ("unit", "一\n二", "无效字符"),
    ("section", "x" * 200_001, "正文太长"),
    ("preamble", "a\x00b", "无效字符"),
    ("contact", "\ud800", "无效字符"),
])
def test_texts_outside_their_limits_are_refused(field, text, reason):
    with pytest.raises(ValueRefused, match=reason):
        checked_text(field, text)


def test_cleaning_drops_control_characters_and_surrogates_and_folds_line_breaks():
    assert clean_text("section", "一\r\n二\x0c三\ud800\t四") == "一\n二三\t四"
    assert clean_text("section", "一\r二\u2028三\n四") == "一\n二\n三\n四"  # an old Mac's, a Word field's, a line's
    assert clean_text("unit", "示例\n区") == "示例 区"


# --- checks are total ------------------------------------------------------------------------------

_WILD_VALUES = st.one_of(
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.sampled_from([0, 1, 5, -1, 999_999_999, 10 ** 400, -(10 ** 400)]),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("1E+999999999"), Decimal("-1E+999999999"), Decimal("1.0"), Decimal("0.5"),
                     Decimal("1E-999999999"), Decimal("NaN"), Decimal("-Infinity")]),
    st.floats(allow_nan=True), st.none(), st.text(max_size=3), st.booleans(),
)


@st.composite
def wild_reports(draw):
    """Reports as code may build them: any value in any cell, any text, maybe a previous year."""

    def one(format_id):
        report = Report(format=format_id, unit=draw(st.sampled_from(["", "示例区人民政府", "某街道", "x" * 300])),
                        year=draw(st.one_of(st.none(), st.integers(2008, 2100))))
        refs = sorted(cell_kinds(format_id))
        for ref in draw(st.lists(st.sampled_from(refs), max_size=60, unique=True)):
            value = draw(_WILD_VALUES)
            if value is not None:
                report.cells[ref] = value
        for key in report.sections:
            report.sections[key] = draw(st.sampled_from(["", "共收到申请5件，办结3件。", "本年度未收取信息处理费。",
                                                         "\ud800\x00", "统计期限为2024年1月1日至2024年12月31日",
                                                         "行政复议2件，均获维持，未被纠错。", "予以公开及部分公开3件，占50%；",
                                                         "第二十条第（一）项信息内容对外公开总数量\n规范性文件"]))
        report.published = draw(st.sampled_from(["", "2025-01-20", "不是日期", "2025-02-30"]))
        return report

    format_id = draw(st.sampled_from(FORMATS))
    report = one(format_id)
    if draw(st.booleans()):
        report.previous = one(draw(st.sampled_from(FORMATS)))
    return report


_WILD_NOTES = st.lists(st.builds(
    ImportNote, st.just("某处未能读取"), st.sampled_from(["", "active", "applications", "review_litigation", "x"]),
    st.sampled_from(["", "new", "other", "y"]), st.sampled_from(["", "total", "z"]),
    st.sampled_from(["", BLANK, NO_TABLE, NO_HEADING, "?"]), st.sampled_from(["", "1", "5", "9"])), max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wild_reports(), _WILD_NOTES)
def test_check_never_raises_and_no_rule_fails_on_any_report_the_model_can_hold(report, notes):
    findings = check(report, None, notes)
    assert all(f.rule != CHECK_FAILED for f in findings), [f.message for f in findings if f.rule == CHECK_FAILED]
    refused = {f.cells[0] for f in findings if f.rule == "V1" and f.cells}
    for ref, value in report.cells.items():
        try:
            checked_value(cell_kinds(report.format)[ref], value)
        except ValueRefused:
            assert ref in refused  # every value the cell may not hold is named


_REFUSED_SAMPLES = [Decimal("1E+999999999"), Decimal("-1E+999999999"), Decimal("NaN"), Decimal("Infinity"),
                    10 ** 400, -(10 ** 400), Decimal("0.5"), 1.0, "7", True, None]


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_value_no_cell_may_hold_in_any_cell_of_a_full_report_is_named_and_breaks_no_rule(format_id):
    """Every equation is complete in a full report, so each wild value meets every rule it feeds."""
    base = zero_report(format_id, 2020 if format_id == "2019" else 2023)
    for ref in cell_kinds(format_id):
        for value in _REFUSED_SAMPLES:
            report = base.copy()
            report.cells[ref] = value
            findings = check(report)
            assert CHECK_FAILED not in {f.rule for f in findings}, (ref, value)
            try:
                checked_value(cell_kinds(format_id)[ref], value)
            except ValueRefused:
                assert any(f.rule == "V1" and f.cells == (ref,) for f in findings), (ref, value)


def test_the_zero_division_of_r12_and_the_overflow_of_huge_amounts_are_gone():
    report = zero_report()
    report.set(report.schema.cells().__next__(), 0)
    other = ("applications", "other_misc", "total")
    from gipr_desktop.core.schema import CellRef

    report.set(CellRef(*other), 5)
    report.set(CellRef("applications", "handled_total", "total"), 0)
    report.cells[CellRef("active", "fees", "amount")] = Decimal("1E+999999999")
    rules = {f.rule for f in check(report)}
    assert "V1" in rules and "R12" not in rules and CHECK_FAILED not in rules


def test_a_rule_that_fails_is_named_and_the_others_still_run(monkeypatch):
    from gipr_desktop.core import checks

    def broken(report, context):
        raise LookupError("a defect of one rule")

    monkeypatch.setattr(checks, "CHECKS", [broken, *checks.CHECKS])
    report = zero_report()
    report.set(next(iter(report.schema.cells())), 999)
    findings = check(report)
    assert [f.rule for f in findings if f.rule == CHECK_FAILED] == [CHECK_FAILED]
    assert any(f.rule.startswith("R") for f in findings)  # the broken total is still found


# --- what the program accepts, it saves and reopens equal ------------------------------------------


def _valid_value(kind):
    spec = cell_kind(kind)
    if spec.integer_digits is None:
        return st.integers(spec.minimum, spec.maximum)
    return st.decimals(min_value=0, max_value=Decimal(10) ** spec.integer_digits - 1, places=spec.decimals,
                       allow_nan=False, allow_infinity=False)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def accepted_reports(draw):
    def one(format_id):
        report = Report(format=format_id, year=draw(st.one_of(st.none(), st.integers(2008, 2100))))
        kinds = cell_kinds(format_id)
        for ref in draw(st.lists(st.sampled_from(sorted(kinds)), max_size=40, unique=True)):
            report.set(ref, draw(_valid_value(kinds[ref])))
        for field in TEXT_FIELDS:
            setattr(report, field, clean_text(field, draw(_TEXT)))
        for key in report.sections:
            report.sections[key] = clean_text("section", draw(_TEXT))
        return report

    report = one(draw(st.sampled_from(FORMATS)))
    if draw(st.booleans()):
        report.previous = one(draw(st.sampled_from(FORMATS)))
    return report


def _state(report: Report | None):
    if report is None:
        return None
    return (report.format, report.unit, report.year, report.contact, report.published, report.preamble,
            {ref: (type(v), v, str(v)) for ref, v in report.cells.items()}, report.sections, _state(report.previous))


@settings(max_examples=200, deadline=None)
@given(accepted_reports())
def test_any_report_the_program_accepts_saves_and_reopens_equal(report):
    text = project.dumps(report)
    again = project.loads(text)
    assert _state(again) == _state(report)


def test_amounts_are_written_as_exact_json_numbers():
    report = zero_report()
    from gipr_desktop.core.schema import CellRef

    fee = CellRef("active", "fees", "amount")
    report.set(fee, Decimal("123456789012.123456"))
    text = project.dumps(report)
    assert '"amount": 123456789012.123456' in text  # a float would print 123456789012.12346
    assert project.loads(text).get(fee) == Decimal("123456789012.123456")
    json.loads(text)  # still plain JSON


@pytest.mark.parametrize("edit, fragment", [
    (lambda d: d["tables"]["active"]["fees"].__setitem__("amount", "__1e400__"), "整数部分超过 12 位"),
    (lambda d: d["tables"]["applications"]["new"].__setitem__("total", "__1e308__"), "超出范围"),
    (lambda d: d["tables"]["applications"]["new"].__setitem__("total", "__1.5__"), "不是整数"),
    (lambda d: d.__setitem__("unit", "单" * 1_500_000), "机关名称太长"),
    (lambda d: d.__setitem__("unit", "__surrogate__"), "无效字符"),
    (lambda d: d["sections"].__setitem__("2", 5), "应为文字"),
])
def test_a_gipr_file_with_what_no_report_may_hold_is_refused_naming_it(edit, fragment):
    data = json.loads(project.dumps(zero_report()))
    edit(data)
    text = json.dumps(data, ensure_ascii=False)
    for token, raw in (("1e400", "1e400"), ("1e308", "1e308"), ("1.5", "1.5")):
        text = text.replace(f'"__{token}__"', raw)
    text = text.replace('"__surrogate__"', '"\\ud800"')
    with pytest.raises(ReadError, match=fragment):
        project.loads(text, "「x.gipr」")


def test_a_report_holding_what_it_may_not_is_refused_on_save_not_written_unreadable(tmp_path):
    report = zero_report()
    from gipr_desktop.core.schema import CellRef

    report.cells[CellRef("active", "fees", "amount")] = Decimal("Infinity")
    path = tmp_path / "r.gipr"
    with pytest.raises(WriteError, match="不能保存的数值"):
        project.write(report, path)
    assert not path.exists()
    report = zero_report()
    report.unit = "\ud800"
    with pytest.raises(WriteError, match="不能保存的文字"):
        project.write(report, path)


@pytest.mark.parametrize("year", [2007, 2101, 1990, "2024", True])
def test_a_gipr_year_outside_the_schemas_years_is_refused(year):
    data = json.loads(project.dumps(zero_report()))
    data["year"] = year
    with pytest.raises(ReadError, match="报告年度无效"):
        project.loads(json.dumps(data), "「x.gipr」")
