"""Spreadsheets from other programs (.xls, .ods, a Calc-saved .xlsx), and readers run in isolation."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.isolated import run_isolated
from gipr_desktop.io.registry import read_report

from tests.helpers import sample_report, sheet_as_csv

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["sample.xls", "sample.ods"])
def test_our_export_saved_by_another_program_reads_back(name):
    result = read_report(DATA / name)
    assert result.report == sample_report()
    assert result.notes == []


@pytest.mark.parametrize("name", ["hand-filled.xls", "hand-filled-libreoffice.xlsx"])
def test_a_hand_filled_sheet_saved_by_calc_is_read_by_its_labels(name):
    expected = sample_report()
    result = read_report(DATA / name)
    report = result.report
    assert (report.unit, report.year, report.format) == (expected.unit, 2023, "2021")
    totals = {ref for ref in expected.cells if ref.table == "applications"
              and (ref.col == "total" or ref.row == "handled_total")}
    assert {r: v for r, v in report.cells.items() if r not in totals} == \
           {r: v for r, v in expected.cells.items() if r not in totals}
    assert totals <= set(report.cells)  # the results Calc stored for the formulas


def test_a_formula_result_that_disagrees_with_its_cells_is_pointed_out():
    notes = read_report(DATA / "hand-filled-libreoffice.xlsx").notes
    new_total = [n for n in notes if (n.row, n.col) == ("new", "total")]
    assert new_total and "公式结果为 14，而各项之和为 18" in new_total[0].message


def test_a_damaged_xls_is_refused_with_a_message(tmp_path):
    path = tmp_path / "坏.xls"
    path.write_bytes((DATA / "sample.xls").read_bytes()[:4000])
    with pytest.raises(ReadError, match="「坏.xls」"):
        read_report(path)


def test_a_text_file_named_ods_is_refused(tmp_path):
    path = tmp_path / "假.ods"
    path.write_text("不是表格", encoding="utf-8")
    with pytest.raises(ReadError, match="不是有效的"):
        read_report(path)


def _abort() -> None:
    os.abort()  # what a native parser does on a crafted file


def _sleep() -> None:
    time.sleep(60)


def _allocate() -> bytes:
    return b"x" * (4 * 1024 * 1024 * 1024)


def test_a_reader_that_kills_its_process_does_not_kill_ours():
    with pytest.raises(ReadError, match="异常退出"):
        run_isolated(_abort, where="「x.xls」")


def test_a_reader_that_hangs_is_stopped():
    start = time.monotonic()
    with pytest.raises(ReadError, match="未完成"):
        run_isolated(_sleep, where="「x.xls」", timeout=1)
    assert time.monotonic() - start < 10


@pytest.mark.skipif(os.name == "nt", reason="memory limits are POSIX only")
def test_a_reader_that_eats_memory_is_refused():
    with pytest.raises(ReadError, match="内存"):
        run_isolated(_allocate, where="「x.xls」")


@pytest.mark.parametrize("encoding, delimiter", [("gbk", ","), ("utf-8-sig", ","), ("gbk", ";"), ("utf-8", "\t")])
def test_a_sheet_saved_as_csv_reads_as_the_sheet_does(tmp_path, encoding, delimiter):
    """The hand-filled sheet saved as CSV (「CSV（逗号分隔）」 in GBK, 「CSV UTF-8」, a semicolon list, a
    tab-separated one): the same unit, year and cells as the sheet itself, read by its labels."""
    sheet = read_report(DATA / "hand-filled.xls").report
    path = tmp_path / "年报.csv"
    sheet_as_csv(DATA / "hand-filled.xls", path, encoding, delimiter)
    result = read_report(path)
    report = result.report
    assert (report.unit, report.year, report.format) == (sheet.unit, sheet.year, sheet.format)
    assert report.cells == sheet.cells
    assert any("GBK" in note.message for note in result.notes) == (encoding == "gbk")


@pytest.mark.parametrize("content, said", [
    (b"\x00\x01\x02PK\x03\x04" * 50, "不是文本文件"),
    ("名称,数量\n苹果,3\n".encode("gbk"), "没有找到年度报告的表格"),
    (b'"' + b"1" * 200_000 + b'"\n', "不是有效的 CSV 文件"),
    (b",,,,,,,,,,\n" * 20_000, "单元格过多"),
])
def test_a_csv_that_is_no_report_is_refused_in_chinese(tmp_path, content, said):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ReadError) as raised:
        read_report(path)
    assert "「x.csv」" in str(raised.value) and said in str(raised.value)
