"""The window survives what used to kill it: a failing check, rule or slot never reaches Qt's C++ side.

Each test drives the real window; the guard must keep it alive, tell the user in Chinese once the
failed call has returned, and leave the report as it was before the failed step.
"""

from __future__ import annotations

import sys

import pytest

from gipr_desktop.core.schema import CellRef, named_cells
from gipr_desktop.gui.qt import Qt
from gipr_desktop.gui import document as document_module
from tests.gui.test_editing import _type_into

OTHER_MISC = CellRef("applications", "other_misc", "total")
HANDLED = CellRef("applications", "handled_total", "total")


def _error_dialogs(window):
    return [text for kind, _, text in window.context.dialogs.shown if kind == "error"]


def test_other_handling_against_a_zero_total_keeps_the_window_alive(qtbot, window):
    # 5 in （六）其他处理·3.其他·总计, then 0 in （七）总计·总计: R12 divided by the zero total
    assert OTHER_MISC in named_cells("2021", "other_handling") and HANDLED in named_cells("2021", "handled")
    _type_into(qtbot, window, OTHER_MISC, "5")
    _type_into(qtbot, window, HANDLED, "0")
    assert window.document.report.get(OTHER_MISC) == 5 and window.document.report.get(HANDLED) == 0
    assert window.isVisible() and _error_dialogs(window) == []
    assert "R2" in {f.rule for f in window.document.findings}  # the broken total is shown, as ever
    assert "R12" not in {f.rule for f in window.document.findings}  # no share of a zero total


def test_four_hundred_nines_are_refused_with_a_message_naming_the_cell(qtbot, window):
    old = window.document.report.get(HANDLED)
    _type_into(qtbot, window, HANDLED, "9" * 400)
    assert window.document.report.get(HANDLED) == old
    message = window.statusBar().currentMessage()
    assert "（七）总计·总计" in message and "超出范围" in message
    assert window.context.undo_stack.count() == 0


def test_a_pasted_block_with_huge_and_negative_numbers_pastes_only_what_the_cells_may_hold(qtbot, window):
    grid = window.grids["applications"]
    model = window.models["applications"]
    grid.body.setCurrentIndex(model.index_of(CellRef("applications", "new", "natural_person")))
    before = dict(window.document.report.cells)
    grid.body.paste_text("1\t" + "9" * 400 + "\t-3\t1E+400\t2.5\n")
    report = window.document.report
    assert report.get(CellRef("applications", "new", "natural_person")) == 1
    changed = {ref for ref in report.cells.keys() | before.keys() if report.cells.get(ref) != before.get(ref)}
    assert changed <= {CellRef("applications", "new", "natural_person")}
    assert "4 个内容不是数字、未粘贴" in window.statusBar().currentMessage() or \
        "未粘贴" in window.statusBar().currentMessage()
    assert window.context.undo_stack.count() == 1


def test_a_step_that_fails_half_way_is_undone_dropped_and_told(qtbot, window, monkeypatch, unexpected_errors):
    report = window.document.report
    before = dict(report.cells)
    ref = CellRef("applications", "new", "natural_person")

    def broken_check(report, **_):
        raise RuntimeError("检查出错")

    monkeypatch.setattr(document_module, "check", broken_check)
    _type_into(qtbot, window, ref, "7")  # the cell is set, then the check after it fails
    assert window.document.report is report and report.cells == before  # as before the step
    assert window.context.undo_stack.count() == 0  # the failed step is not on the stack
    assert window.isVisible()
    assert _error_dialogs(window) == []  # not inside Qt's call …
    qtbot.waitUntil(lambda: _error_dialogs(window) != [])  # … but right after it
    text = _error_dialogs(window)[0]
    assert "意外错误" in text and "检查出错" in text and "Traceback" not in text
    assert [str(e) for e in unexpected_errors] == ["检查出错"]
    unexpected_errors.clear()
    monkeypatch.undo()
    _type_into(qtbot, window, ref, "7")  # and the window goes on as before
    assert report.get(ref) == 7 and window.context.undo_stack.count() == 1


def test_a_failing_slot_is_told_and_the_next_action_works(qtbot, window, monkeypatch, unexpected_errors):
    monkeypatch.setattr(window.document, "counts", lambda: 1 / 0)
    _type_into(qtbot, window, CellRef("applications", "new", "natural_person"), "3")
    qtbot.waitUntil(lambda: _error_dialogs(window) != [])
    assert any(isinstance(e, ZeroDivisionError) for e in unexpected_errors)
    unexpected_errors.clear()
    assert window.document.report.get(CellRef("applications", "new", "natural_person")) == 3


def test_what_no_guard_caught_goes_to_the_log_and_a_message(qtbot, window, monkeypatch, caplog, unexpected_errors):
    from gipr_desktop.gui import guard

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    guard.install_excepthook()
    try:
        raise RuntimeError("磁盘已满")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: _error_dialogs(window) != [])
    text = _error_dialogs(window)[-1]
    assert "意外错误" in text and "磁盘已满" in text and "Traceback" not in text
    assert "unexpected error" in caplog.text and "Traceback" in caplog.text
    unexpected_errors.clear()


def test_a_section_text_over_its_limit_is_refused_whole(qtbot, window):
    editor = window.sections_editor
    window.tabs.setCurrentWidget(editor)
    section = editor.current_section()
    old = window.document.report.sections[section]
    editor.editor.setPlainText("x" * 200_001)
    assert window.document.report.sections[section] == old
    assert editor.editor.toPlainText() == old  # the editor shows what the report holds
    assert "正文太长（200001 字，最多 200000 字）" in window.statusBar().currentMessage()
    assert window.context.undo_stack.count() == 0


def test_control_characters_pasted_into_a_text_are_dropped_and_said(qtbot, window):
    editor = window.sections_editor
    window.tabs.setCurrentWidget(editor)
    section = editor.current_section()
    editor.editor.setPlainText("一\x00二\x0c三")
    assert window.document.report.sections[section] == "一二三"
    assert editor.editor.toPlainText() == "一二三"
    assert "已删除 2 个无效字符" in window.statusBar().currentMessage()


def test_a_unit_name_over_its_limit_is_refused_and_the_field_shows_the_stored_name(qtbot, window):
    form = window.metadata_form
    old = window.document.report.unit
    form.lines["unit"].setText("单" * 201)
    form.lines["unit"].editingFinished.emit()
    assert window.document.report.unit == old and form.lines["unit"].text() == old
    assert "机关名称太长" in window.statusBar().currentMessage()


def test_a_slow_file_is_read_off_the_ui_thread_and_can_be_cancelled(qtbot, window, monkeypatch, tmp_path):
    import threading

    from gipr_desktop.gui import files as main_window  # where files are read
    from gipr_desktop.gui.qt import QtCore, QtWidgets

    release = threading.Event()
    threads = []

    def slow_read(path):
        threads.append(threading.current_thread())
        release.wait(10)
        raise AssertionError("a cancelled read must not reach the report")

    monkeypatch.setattr(main_window, "read_report", slow_read)
    before = window.document.report
    ticks = []
    timer = QtCore.QTimer()
    timer.timeout.connect(lambda: ticks.append(1))  # the UI thread goes on while the file is read
    timer.start(10)

    def cancel_when_shown():
        dialog = next((w for w in QtWidgets.QApplication.topLevelWidgets()
                       if isinstance(w, QtWidgets.QProgressDialog) and w.isVisible()), None)
        if dialog is None:
            QtCore.QTimer.singleShot(50, cancel_when_shown)
            return
        assert "正在读取「slow.pdf」" in dialog.labelText()
        button = next(b for b in dialog.findChildren(QtWidgets.QPushButton) if b.text() == "取消")
        button.click()

    QtCore.QTimer.singleShot(50, cancel_when_shown)
    assert window.open_path(tmp_path / "slow.pdf", ask=False) is False
    timer.stop()
    release.set()
    assert threads and threads[0] is not threading.main_thread()
    assert len(ticks) > 5
    assert window.document.report is before
    assert "已取消读取「slow.pdf」" in window.statusBar().currentMessage()
    assert window.context.dialogs.kinds().count("error") == 0


def test_a_year_is_one_range_in_the_form_the_file_and_the_new_report_dialog(qtbot, window):
    from gipr_desktop.core.schema import report_years

    form = window.metadata_form
    years = report_years()
    assert (form.year.minimum() + 1, form.year.maximum()) == (years.start, years.stop - 1)
    form.year.setValue(form.year.minimum())
    form.year.editingFinished.emit()
    assert window.document.report.year is None  # the lowest value is 「未填写」
    window.context.undo_stack.undo()
    assert window.document.report.year in years


@pytest.mark.parametrize("typed, reason", [("1.5", "不是整数"), ("a-3b", "不是整数"), ("-3", "不能为负数")])
def test_a_wrong_entry_is_refused_visibly_never_turned_into_another_number(qtbot, window, typed, reason):
    from gipr_desktop.gui.qt import QtWidgets

    ref = CellRef("applications", "new", "natural_person")
    old = window.document.report.get(ref)
    _type_into(qtbot, window, ref, typed)
    editor = QtWidgets.QApplication.focusWidget()
    assert isinstance(editor, QtWidgets.QLineEdit) and editor.text() == typed  # still open, as typed
    assert reason in editor.toolTip() and "#b00020" in editor.styleSheet()
    assert window.document.report.get(ref) == old and window.context.undo_stack.count() == 0
    assert "本年新收" in window.statusBar().currentMessage() and reason in window.statusBar().currentMessage()
    editor.setText("15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.report.get(ref) == 15


def test_a_format_switch_that_fails_leaves_the_report_and_its_grids_as_they_were(qtbot, window, monkeypatch,
                                                                                unexpected_errors):
    from gipr_desktop.core.checks import check as real_check
    from tests.gui.driver import WindowDriver, report_state
    import random

    def check_failing_on_2019(report, **kwargs):
        if report.format == "2019":
            raise OverflowError("2019")
        return real_check(report, **kwargs)

    monkeypatch.setattr(document_module, "check", check_failing_on_2019)
    before = report_state(window.document.report)
    rows = window.models["active"].rowCount()
    WindowDriver(window, None, random.Random(0)).switch_format(accept=True)
    assert report_state(window.document.report) == before and window.document.report.format == "2021"
    assert window.models["active"].rowCount() == rows  # the grid still draws the 2021 table
    assert window.metadata_form.format.currentData() == "2021"
    assert window.context.undo_stack.count() == 0
    assert [type(e) for e in unexpected_errors] == [OverflowError]
    unexpected_errors.clear()


def test_keys_typed_while_a_file_is_read_do_not_reach_the_report_being_replaced(qtbot, window, monkeypatch, tmp_path):
    import time as _time

    from gipr_desktop.gui import files as main_window  # where files are read
    from gipr_desktop.gui.qt import QtCore
    from gipr_desktop.io import project
    from tests.helpers import zero_report

    saved = tmp_path / "other.gipr"
    project.write(zero_report(), saved)
    real_read = main_window.read_report

    def slow_read(path):
        _time.sleep(0.25)
        return real_read(path)

    monkeypatch.setattr(main_window, "read_report", slow_read)
    ref = CellRef("applications", "new", "natural_person")
    grid = window.grids["applications"]
    window.tabs.setCurrentWidget(grid)
    grid.body.setCurrentIndex(window.models["applications"].index_of(ref))
    grid.body.setFocus()
    old = window.document.report
    QtCore.QTimer.singleShot(50, lambda: qtbot.keyClicks(grid.body, "9"))
    assert window.open_path(saved, ask=False)
    assert window.document.report is not old and window.document.report.get(ref) == 0
    assert old.get(ref) != 9


def test_the_window_checks_an_imported_report_with_what_its_importer_said(qtbot, window, seeds_dir):
    from gipr_desktop.core.checks import check
    from gipr_desktop.io.registry import read_report

    seed = sorted(seeds_dir.glob("*.txt"))[3]  # this seed lacks table 二: the importer says so
    result = read_report(seed)
    assert window.open_path(seed, ask=False)
    assert window.document.import_notes == result.notes
    assert window.document.findings == check(result.report, notes=result.notes)
    window.new_report()
    assert window.document.import_notes == []
