"""Last year's figures beside this year's: 显示上年数, the comparison view, attaching last year's report."""

from __future__ import annotations

from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.qt import Qt
from gipr_desktop.io import project
from tests.helpers import zero_report

NEW = CellRef("applications", "new", "total")


def _attach(window, tmp_path, value=10, year=2024):
    last = zero_report(year=year)
    last.set(NEW, value)
    path = tmp_path / "last.gipr"
    project.write(last, path)
    window.context.dialogs.paths.append(str(path))
    window.attach_previous_dialog()
    return last


def test_attaching_last_years_report_is_one_undo_step_and_enables_the_view(qtbot, window, tmp_path):
    assert window.document.report.previous is None and not window.last_year_action.isEnabled()
    window.document.report.year = 2025
    _attach(window, tmp_path)
    assert window.document.report.previous is not None and window.last_year_action.isEnabled()
    assert "已附上上年报告" in window.statusBar().currentMessage()
    window.undo()
    assert window.document.report.previous is None and not window.last_year_action.isEnabled()


def test_show_last_year_puts_last_years_value_and_the_change_in_each_cell(qtbot, window, tmp_path):
    window.document.report.year = 2025
    _attach(window, tmp_path, value=10)
    model = window.models["applications"]
    index = model.index_of(NEW)
    this_year = window.document.report.get(NEW)
    assert model.data(index) == str(this_year)  # off: the value alone
    assert "上年：10" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    window.last_year_action.trigger()
    change = this_year - 10
    assert model.data(index) == f"{this_year}\n上年 10（{'+' if change > 0 else '−'}{abs(change)}）"
    assert model.data(index, Qt.ItemDataRole.EditRole) == str(this_year)  # editing and copying take the value
    window.last_year_action.trigger()
    assert model.data(index) == str(this_year)


def test_a_year_that_does_not_fit_is_asked_about(window, tmp_path):
    window.document.report.year = 2025
    window.context.dialogs.answer = False
    _attach(window, tmp_path, year=2020)
    assert window.document.report.previous is None
    assert "2020年度" in window.context.dialogs.shown[-1][2]


def test_the_comparison_view_lists_this_year_last_year_and_the_change(qtbot, window, tmp_path):
    window.document.report.year = 2025
    _attach(window, tmp_path, value=10)
    window.open_comparison()
    view = window.comparison
    rows = {view.table.item(i, 1).text(): [view.table.item(i, j).text() for j in range(2, 5)]
            for i in range(view.table.rowCount())}
    name = window.document.report.schema.cell_name(NEW)
    this_year = window.document.report.get(NEW)
    assert rows[name][:2] == [str(this_year), "10"]
    assert rows[name][2] in (f"+{this_year - 10}", f"−{10 - this_year}", "持平")
    window.models["applications"].setData(window.models["applications"].index_of(NEW), "10", Qt.ItemDataRole.EditRole)
    rows = {view.table.item(i, 1).text(): view.table.item(i, 4).text() for i in range(view.table.rowCount())}
    assert rows[name] == "持平"  # it follows the grid
