"""Real published reports of further bodies, provinces and levels (tests/fixtures/reports/1NN_*,
sources in SOURCES.md) import with no wrong value, and every cell the importer leaves empty is
named in its notes.

The truth (the 1NN entries of expected.json) was read from each original by eye. It lists every cell of the three
tables: a number is what the original prints, ``null`` a cell the original does not print (a row
printed merged, a number lost in the copy) which must stay empty. ``original_errors`` are the
arithmetic errors the original itself has: the checks must find exactly those on the truth.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from gipr_desktop.core.checks import ERROR, check
from gipr_desktop.core.notes import NO_HEADING, NO_TABLE
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report

REPORTS = Path(__file__).parent / "fixtures" / "reports"
EXPECTED = {name: entry for name, entry in json.loads((REPORTS / "expected.json").read_text(encoding="utf-8")).items()
            if int(name[:3]) >= 100}

# Cell-level cases today's importer gets wrong: (test, file) -> the defect class; marked xfail(strict) so a fix
# turns them red until the mark is removed. None of the reports here needs one today.
KNOWN_DEFECTS: dict[tuple[str, str], str] = {}


def _cases(test: str) -> list:
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_DEFECTS[(test, name)]))
            if (test, name) in KNOWN_DEFECTS else name for name in EXPECTED]


def _value(value):
    return Decimal(str(value)) if isinstance(value, float) else value


def _truth_cells(name: str):
    for table_id, rows in EXPECTED[name]["tables"].items():
        for row_id, columns in rows.items():
            for col_id, value in columns.items():
                yield CellRef(table_id, row_id, col_id), value


@pytest.fixture(scope="module")
def imported():
    return {name: read_report(REPORTS / name) for name in EXPECTED}


def test_more_real_reports_of_other_bodies():
    assert all((REPORTS / name).is_file() for name in EXPECTED)
    assert all(name[:1] == "1" and name[:3].isdigit() for name in EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_truth_holds_every_cell_and_only_the_originals_own_errors(name):
    expected = EXPECTED[name]
    truth = Report(format=expected["format"], unit=expected["unit"], year=expected["year"])
    cells = list(_truth_cells(name))
    assert {ref for ref, _ in cells} == set(truth.schema.cells())  # every cell of the three tables
    for ref, value in cells:
        if value is not None:
            truth.set(ref, _value(value))
    errors = sorted(f.rule for f in check(truth) if f.severity == ERROR)
    assert errors == sorted(expected["original_errors"])


@pytest.mark.parametrize("name", _cases("metadata"))
def test_metadata(imported, name):
    report, expected = imported[name].report, EXPECTED[name]
    assert (report.format, report.unit, report.year) == (expected["format"], expected["unit"], expected["year"])


@pytest.mark.parametrize("name", _cases("values"))
def test_no_wrong_value(imported, name):
    report = imported[name].report
    wrong = {ref: (value, report.get(ref)) for ref, value in _truth_cells(name)
             if report.get(ref) is not None and report.get(ref) != _value(value)}
    assert wrong == {}


@pytest.mark.parametrize("name", _cases("named"))
def test_every_cell_left_empty_is_named(imported, name):
    result = imported[name]
    named = {(n.table, n.row) for n in result.notes if n.row}
    missing_tables = {n.table for n in result.notes if n.kind == NO_TABLE  # names every cell of the table
                      or (not n.row and "未能读取" in n.message)}  # a one-row table found but not read
    unnamed = [ref for ref, value in _truth_cells(name)
               if value is not None and result.report.get(ref) is None
               and (ref.table, ref.row) not in named and ref.table not in missing_tables]
    assert unnamed == []


def test_one_bodys_two_years_chain_as_printed(imported):
    """洪泽区 2023 → 2024: 上年结转 = last year's 结转下年度, 现行有效 = 5 + 3 − 0 (R5, R6 hold in the original)."""
    findings = check(imported["102_huaian_hongzequ_2024.pdf"].report,
                     previous=imported["101_huaian_hongzequ_2023.pdf"].report)
    assert not [f for f in findings if f.rule in ("R5", "R6") or f.severity == ERROR]


def _flat(text: str) -> str:
    return "".join(text.split())


# The last words of 一、总体情况 as printed, and what the preamble prints of the contact.
SECTION_ONE_ENDS = {
    "101_huaian_hongzequ_2023.pdf": "建立政府网站日常监测机制。",
    "102_huaian_hongzequ_2024.pdf": "及时转载党中央、国务院重大方针政策。",
    "103_shanghai_szfbgt_2025.txt": "注重过程管理和创新激励。",
}
CONTACT_PHONES = {"101_huaian_hongzequ_2023.pdf": "0517-87222589", "102_huaian_hongzequ_2024.pdf": "0517-87290606"}


@pytest.mark.parametrize("name", SECTION_ONE_ENDS)
def test_section_one_is_read_whole(imported, name):
    """洪泽区's PDFs print the end of 总体情况 and the heading 二 in a frame whose ruled lines join
    table 二's: those lines are text, not cells of the table."""
    assert _flat(imported[name].report.sections["1"]).endswith(SECTION_ONE_ENDS[name])
    assert not any(note.kind == NO_HEADING for note in imported[name].notes)


@pytest.mark.parametrize("name", [
    "101_huaian_hongzequ_2023.pdf",  # letter-spaced:「号 ， 邮 编 ： 223100 ， 电 话 ： 0517-…」
    "102_huaian_hongzequ_2024.pdf"])
def test_contact_phone_is_read(imported, name):
    assert CONTACT_PHONES[name] in _flat(imported[name].report.contact)


def test_section_five_begins_where_the_original_does(imported):
    """The copy lost heading 五: its first sub-heading 「（一）2024 年工作中存在问题的改进情况」 and its
    text stood under 四. Section 五 begins there now, with its sub-heading, and the notes say so."""
    result = imported["103_shanghai_szfbgt_2025.txt"]
    assert _flat(result.report.sections["5"]).startswith("（一）2024年工作中存在问题的改进情况")
    assert "改进" not in result.report.sections["4"]
    assert any(n.section == "5" and "从小标题「（一）2024 年工作中存在问题的改进情况」起读作该部分" in n.message
               for n in result.notes)


PAGE_FOOTER = re.compile(r"^\s*[—–-]\s*\d{1,3}\s*[—–-]\s*$")


@pytest.mark.parametrize("name", EXPECTED)
def test_page_footers_are_not_section_text(imported, name):
    sections = imported[name].report.sections
    assert [line for text in sections.values() for line in text.splitlines() if PAGE_FOOTER.match(line)] == []
