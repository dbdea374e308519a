"""What a reader does with a damaged or hostile file: a Chinese ReadError of its own, or a report with
the unreadable cells empty and named; the details in the log, never on the terminal."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io import project
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.imported import settled
from gipr_desktop.io.isolated import run_isolated
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.sheet_tables import read_grids
from gipr_desktop.io.text_import.html_text import html_text_and_tables
from gipr_desktop.io.xlsx_reader import _grids

from tests.helpers import sample_report

ROOT = Path(__file__).resolve().parents[1]
CELL = CellRef("active", "regulations", "issued")


def _export(tmp_path) -> Path:
    """Our .xlsx export of the sample with 987654 in ``CELL``."""
    report = sample_report()
    report.set(CELL, 987654)
    path = tmp_path / "报告.xlsx"
    write_report(report, path)
    return path


def _sheet_with(tmp_path, cell_xml: bytes) -> Path:
    """Our export with the cell that holds 987654 replaced by ``cell_xml`` (its reference kept)."""
    path = _export(tmp_path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name, data in members.items():
        members[name] = re.sub(rb'<c r="([A-Z]+\d+)"[^>]*><v>987654</v></c>',
                               lambda m: b'<c r="' + m.group(1) + b'" ' + cell_xml, data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_part_openpyxl_cannot_read_is_a_read_error_with_the_details_in_the_log(tmp_path, caplog, capfd):
    path = _sheet_with(tmp_path, 't="d"><v>不是日期</v></c>'.encode())
    with caplog.at_level(logging.INFO), pytest.raises(ReadError, match="「报告.xlsx」不是有效的 Excel 文件"):
        read_report(path)
    assert any(record.exc_info for record in caplog.records)  # the traceback is kept, in the log
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("raw", [float("inf"), float("nan"), 10 ** 400, Decimal("1E+400"), "9" * 400, True])
def test_a_value_no_cell_can_hold_is_left_empty_and_named(tmp_path, raw):
    grids = _grids(_export(tmp_path), "「报告.xlsx」")
    for grid in grids:
        for pos, value in grid.values.items():
            if value == 987654:
                grid.values[pos] = raw
    result = read_grids(grids, "「报告.xlsx」")
    notes = [note for note in result.notes if (note.table, note.row, note.col) == tuple(CELL)]
    assert CELL not in result.report.cells
    assert notes and "规章" in notes[0].message and "已留空" in notes[0].message


def test_a_table_inside_a_cell_is_read_as_a_table_of_its_own():
    text, tables = html_text_and_tables(
        "<p>前言</p><table><tr><td>外<table><tr><td>内</td><td>1</td></tr></table></td><td>2</td></tr></table>")
    assert [["内", "1"]] in [table.rows() for table in tables]
    assert text == "前言"
    assert [t.rows() for t in html_text_and_tables("<table><td>无行的格</td><td>1</td></table>")[1]] == [[["无行的格", "1"]]]


@pytest.mark.parametrize("span", ["²", "-3", "x", "1e3", "٣"])
def test_a_colspan_that_is_not_a_plain_number_spans_one_column(span):
    _, tables = html_text_and_tables(f'<table><tr><td colspan="{span}">a</td><td>b</td></tr></table>')
    assert [table.rows() for table in tables] == [[["a", "b"]]]


def test_texts_and_a_year_no_field_can_hold_are_left_empty_and_named():
    report = Report(unit="机" * 300, year=1066, preamble="前言\x00正文")
    result = settled(ImportResult(report), "「x.txt」")
    assert (report.unit, report.year, report.preamble) == ("", None, "前言正文")
    messages = " ".join(note.message for note in result.notes)
    assert "机关名称太长" in messages and "1066" in messages


def _noisy() -> int:
    print("native library chatter", file=sys.stderr, flush=True)
    os.write(2, b"thread panicked\n")
    return 1


def test_what_an_isolated_reader_prints_never_reaches_the_terminal(capfd):
    assert run_isolated(_noisy, where="「x.xls」") == 1
    assert capfd.readouterr() == ("", "")


def test_the_last_resort_in_the_registry_prints_nothing_on_a_command_line(tmp_path):
    """A reader's own defect still becomes a ReadError, and without logging configured nothing is printed."""
    path = tmp_path / "x.txt"
    path.write_text("一、总体情况", encoding="utf-8")
    code = (
        "import gipr_desktop.io.registry as r\n"
        "def boom(path): raise RuntimeError('defect')\n"
        "r._resolve = lambda spec: boom\n"
        f"try: r.read_report({str(path)!r})\n"
        "except r.ReadError as exc: print('refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert (done.stdout, done.stderr) == ("refused\n", "")


def test_a_damaged_pdf_is_refused_in_chinese_with_the_details_in_our_log(tmp_path, caplog, capfd):
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + bytes(range(256)) * 20)
    with caplog.at_level(logging.INFO), pytest.raises(ReadError, match="「坏.pdf」不是有效的 PDF 文件"):
        read_report(path)
    assert any("Traceback" in record.getMessage() for record in caplog.records)  # from the child process
    assert capfd.readouterr().err == ""


def test_a_text_report_with_an_impossible_year_and_control_characters_reads_and_saves(tmp_path):
    path = tmp_path / "报告.txt"
    write_report(sample_report(), path)
    text = path.read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    path.write_text(title.replace("2025", "1985").replace("示例区", "示例\x07区") + "\n" + rest, encoding="utf-8")
    result = read_report(path)
    assert result.report.year is None and result.report.unit == "示例市示例区人民政府"
    assert any("1985" in note.message for note in result.notes)
    assert project.loads(project.dumps(result.report)) == result.report
