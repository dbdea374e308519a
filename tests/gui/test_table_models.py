"""Every table model is a correct Qt model and shows the printed form: headers, labels, values."""

from __future__ import annotations

import pytest

from gipr_desktop.core.layout import VALUE
from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.context import create_context
from gipr_desktop.gui.qt import Qt, QtCore
from gipr_desktop.gui.table_model import SEVERITY_ROLE, TableModel
from tests.helpers import sample_report, zero_report


@pytest.fixture
def context(tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    return create_context(settings, tmp_path)


@pytest.mark.parametrize("report", [sample_report(), zero_report("2019", 2020)], ids=["2021", "2019"])
def test_every_table_model_passes_the_model_tester(qtmodeltester, context, report):
    context.document.replace_report(report)
    for table in report.schema.tables:
        model = TableModel(context, table.id)
        qtmodeltester.check(model, force_py=True)
        qtmodeltester.check(model)


def test_the_grid_shows_the_official_headers_labels_and_values(context):
    report = sample_report()
    context.document.replace_report(report)
    table = report.schema.table("applications")
    model = TableModel(context, table.id)
    texts = {model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())}
    for column in table.rows[0].columns:
        assert set(column.header) <= texts  # 申请人情况 › 法人或其他组织 › 商业企业 …
    for row in table.rows:
        if not row.optional:
            assert set(row.path) <= texts  # 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 …
    for box in model.layout.boxes:
        index = model.index(box.row, box.col)
        editable = bool(model.flags(index) & Qt.ItemFlag.ItemIsEditable)
        assert editable == (box.kind == VALUE)
        if box.kind == VALUE:
            assert model.data(index) == (str(report.cells[box.ref]) if box.ref in report.cells else "")


def test_a_value_that_is_not_a_number_is_refused_and_said(qtbot, context):
    context.document.replace_report(sample_report())
    model = TableModel(context, "applications")
    box = model.layout.value_boxes()[0]
    index = model.index(box.row, box.col)
    with qtbot.waitSignal(model.input_rejected) as blocker:
        assert not model.setData(index, "十二")
    assert "不是整数" in blocker.args[0]
    assert context.undo_stack.count() == 0


def test_a_broken_total_marks_its_cells_as_error_with_the_message_as_tooltip(context):
    report = sample_report()
    context.document.replace_report(report)
    model = TableModel(context, "review_litigation")
    rule = report.schema.table("review_litigation").rules[0]
    total = CellRef("review_litigation", report.schema.table("review_litigation").rows[0].id, rule.total)
    index = model.index_of(total)
    assert model.data(index, SEVERITY_ROLE) is None
    assert model.setData(index, str(report.cells[total] + 5))
    assert model.data(index, SEVERITY_ROLE) == "error"
    assert "应为" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    context.undo_stack.undo()
    assert model.data(index, SEVERITY_ROLE) is None


def test_an_optional_row_appears_when_it_gets_a_value(context):
    report = sample_report()
    context.document.replace_report(report)
    table = report.schema.table("applications")
    optional = [row for row in table.rows if row.optional]
    assert optional, "the 2021 applications table has an optional one-line （六） row"
    model = TableModel(context, table.id)
    rows_before = model.rowCount()
    ref = CellRef(table.id, optional[0].id, optional[0].columns[0].id)
    assert not model.has_ref(ref)
    context.document.set_cells({ref: 1})
    assert model.has_ref(ref) and model.rowCount() == rows_before + 1
