"""An amount printed in another unit than its column's: 「3500元」 in the 万元 column of 行政事业性收费 is
0.35 万元, not 3500 万元 (ten thousand times the fee). Read in the column's unit and said so; an amount
that the column cannot hold so converted is left empty and named, never rounded."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from gipr_desktop.core.schema import CellRef
from gipr_desktop.io import docx_writer
from gipr_desktop.io.registry import read_report
from gipr_desktop.io.text_import import parse_report_text
from tests.helpers import sample_report

REPORTS = Path(__file__).parent / "fixtures" / "reports"
FEES = CellRef("active", "fees", "amount")
PRINTED = "\n行政事业性收费\n0\n"  # 064 (莆田, a cell a line) prints its fee so


def _fee_printed(printed: str):
    text = (REPORTS / "064_putian_yingjiguanliju_2021.txt").read_text(encoding="utf-8")
    assert PRINTED in text
    return parse_report_text(text.replace(PRINTED, f"\n行政事业性收费\n{printed}\n"), source="064.txt")


@pytest.mark.parametrize("printed, value", [("3500元", Decimal("0.35")), ("12,345.6 元", Decimal("1.23456")),
                                            ("3500", Decimal(3500)), ("1.5万元", Decimal("1.5")), ("0元", Decimal(0))])
def test_a_fee_printed_in_yuan_is_read_in_wan_yuan(printed, value):
    result = _fee_printed(printed)
    assert result.report.get(FEES) == value
    said = [note for note in result.notes if note.row == "fees" and "万元" in note.message]
    assert bool(said) == (value != Decimal(printed.rstrip("万元").replace(",", "").strip()))
    assert all(printed in note.message for note in said)


def test_a_fee_in_yuan_the_column_cannot_hold_in_wan_yuan_is_left_empty_and_named():
    result = _fee_printed("3500.1234元")  # 0.35001234 万元: more decimals than an amount holds
    assert result.report.get(FEES) is None
    assert any(note.row == "fees" and "3500.1234元" in note.message and "留空" in note.message for note in result.notes)


def test_a_word_table_printing_a_fee_in_yuan_is_read_in_wan_yuan(tmp_path):
    report = sample_report()
    path = tmp_path / "report.docx"
    path.write_bytes(docx_writer.dumps(report))
    document = docx.Document(str(path))
    cells = [cell for table in document.tables for row in table.rows if row.cells[0].text.strip() == "行政事业性收费"
             for cell in row.cells[1:]]
    assert cells
    cells[-1].text = "3500元"
    document.save(str(path))
    result = read_report(path)
    assert result.report.get(FEES) == Decimal("0.35")
    assert any(note.row == "fees" and "3500元" in note.message and "万元" in note.message for note in result.notes)


def test_an_amount_of_a_column_without_a_unit_is_read_as_printed():
    """The 2019 template gives 政府集中采购's 采购总金额 no unit; reports print it in 元 (「33800元」, 067)."""
    text = (REPORTS / "067_putian_chengshiguanliju_2020.txt").read_text(encoding="utf-8")
    assert "33800元" in text
    result = parse_report_text(text, source="067.txt")
    assert result.report.get(CellRef("active", "central_procurement", "amount")) == Decimal(33800)


def test_a_sheet_printing_a_fee_in_yuan_is_read_in_wan_yuan(tmp_path):
    import openpyxl

    from gipr_desktop.io import xlsx_writer

    path = tmp_path / "report.xlsx"
    xlsx_writer.write(sample_report(), path)
    book = openpyxl.load_workbook(path)
    rows = [row for sheet in book.worksheets for row in sheet.iter_rows()
            if any(cell.value == "行政事业性收费" for cell in row)]
    assert rows
    [cell for cell in rows[0] if isinstance(cell.value, (int, float))][-1].value = "3500元"
    book.save(path)
    result = read_report(path)
    assert result.report.get(FEES) == Decimal("0.35")
    assert any(note.row == "fees" and "3500元" in note.message and "万元" in note.message for note in result.notes)
