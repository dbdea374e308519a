"""Changing a report's format keeps shared cells and names the lost ones; typed cell text parses."""

from decimal import Decimal

import pytest

from gipr_desktop.core.cell_text import format_cell, parse_cell
from gipr_desktop.core.convert import convert_report
from gipr_desktop.core.schema import get_format
from tests.helpers import sample_report, zero_report


def test_converting_keeps_shared_cells_and_names_lost_ones():
    report = zero_report("2019", 2020)
    conversion = convert_report(report, "2021")
    new, old = get_format("2021"), get_format("2019")
    shared = [ref for ref in old.cells() if new.has_cell(ref) and ref in report.cells]
    assert shared, "the two formats share the applications table"
    for ref in shared:
        assert conversion.report.cells[ref] == report.cells[ref]
    assert conversion.lost == [ref for ref in report.cells if not new.has_cell(ref)]
    assert conversion.lost and len(conversion.lost_names) == len(conversion.lost)
    assert "未能保留" in conversion.summary()
    assert conversion.report.format == "2021" and report.format == "2019"
    assert all(new.has_cell(ref) for ref in conversion.report.cells)
    assert conversion.report.sections == report.sections


def test_converting_to_the_same_format_loses_nothing():
    report = sample_report()
    conversion = convert_report(report, report.format)
    assert conversion.lost == [] and conversion.report.cells == report.cells
    assert "均已保留" in conversion.summary()


@pytest.mark.parametrize(
    "kind, text, value",
    [
        ("count", "12", 12), ("count", " １２ ", 12), ("count", "1,234", 1234), ("count", "", None),
        ("signed", "-3", -3), ("signed", "－3", -3), ("signed", "+4", 4),
        ("amount", "12.50", Decimal("12.50")), ("amount", "０.５", Decimal("0.5")), ("amount", "  ", None),
    ],
)
def test_typed_text_becomes_the_value(kind, text, value):
    assert parse_cell(kind, text) == value


@pytest.mark.parametrize(
    "kind, text",
    [("count", "-1"), ("count", "1.5"), ("count", "abc"), ("count", "1e3"), ("signed", "2.0"),
     ("amount", "-1"), ("amount", "NaN"), ("amount", "1.2.3"), ("count", "9" * 5 + "x")],
)
def test_text_that_is_not_a_value_of_the_kind_is_refused_in_chinese(kind, text):
    with pytest.raises(ValueError, match="[\u4e00-\u9fff]"):
        parse_cell(kind, text)


def test_cells_show_plain_numbers():
    assert format_cell(None) == "" and format_cell(7) == "7"
    assert format_cell(Decimal("12.50")) == "12.50" and format_cell(Decimal("3.0")) == "3.0"
    assert format_cell(Decimal("12.00")) == "12.00" and format_cell(Decimal("1E+3")) == "1000"
