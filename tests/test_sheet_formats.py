"""Spreadsheets from other programs (.xls, .ods, a Calc-saved .xlsx), and readers run in isolation."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.isolated import run_isolated
from gipr_desktop.io.registry import read_report

from tests.helpers import sample_report

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
