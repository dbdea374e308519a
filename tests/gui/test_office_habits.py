"""What an experienced Excel/WPS user expects of the window: Ctrl+Y, Tab between fillable cells, a
window that fits the screen, a question that asks before it acts."""

from __future__ import annotations

from gipr_desktop.core.layout import VALUE
from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.qt import QtGui, QtWidgets, Qt
from tests.gui.test_editing import _type_into


def test_ctrl_y_redoes_on_every_platform(qtbot, window):
    ref = CellRef("applications", "new", "natural_person")
    _type_into(qtbot, window, ref, "42")
    window.context.undo_stack.undo()
    assert window.document.report.get(ref) != 42
    redo = next(a for a in window.findChildren(QtGui.QAction) if a.text().startswith("重做"))
    assert redo.shortcuts().count(QtGui.QKeySequence("Ctrl+Y")) == 1  # twice would make the key ambiguous
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.grids["applications"].body.setFocus()
    qtbot.keyClick(window.grids["applications"].body, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.get(ref) == 42


def test_tab_goes_only_between_fillable_cells_and_wraps_at_the_end_of_a_row(qtbot, window):
    grid = window.grids["applications"]
    model = window.models["applications"]
    window.tabs.setCurrentWidget(grid)
    boxes = sorted(model.layout.value_boxes(), key=lambda b: (b.row, b.col))
    last_of_first_row = max((b for b in boxes if b.row == boxes[0].row), key=lambda b: b.col)
    grid.body.setCurrentIndex(model.index(last_of_first_row.row, last_of_first_row.col))
    grid.body.setFocus()
    seen = []
    for _ in range(3):
        qtbot.keyClick(grid.body, Qt.Key.Key_Tab)
        seen.append(model.box(grid.body.currentIndex()))
    assert all(box is not None and box.kind == VALUE for box in seen)
    assert seen[0].row > last_of_first_row.row and seen[0].col == min(b.col for b in boxes if b.row == seen[0].row)
    qtbot.keyClick(grid.body, Qt.Key.Key_Backtab)
    assert model.box(grid.body.currentIndex()) == seen[1]


def test_the_window_fits_the_screen_it_opens_on(window):
    area = window.screen().availableGeometry()
    assert window.frameGeometry().height() <= area.height() and window.frameGeometry().width() <= area.width()
    assert window.statusBar().isVisible()


def test_the_format_question_asks_before_it_converts(window):
    dialogs = window.context.dialogs
    dialogs.answer = False
    form = window.metadata_form
    other = next(i for i in range(form.format.count()) if form.format.itemData(i) != "2021")
    form.format.setCurrentIndex(other)
    form.format.activated.emit(other)
    kind, title, text = dialogs.shown[-1]
    assert kind == "ask" and "将不能保留" in text and "已转换" not in text
    assert window.document.report.format == "2021" and form.format.currentData() == "2021"
    assert isinstance(QtWidgets.QApplication.instance(), QtWidgets.QApplication)


def test_undo_shows_where_it_acted_and_says_what_it_did(qtbot, window):
    from gipr_desktop.gui.qt import QtGui as _QtGui

    editor = window.sections_editor
    window.tabs.setCurrentWidget(editor)
    editor.show_section("1")
    editor.editor.setPlainText("新的总体情况。")
    ref = CellRef("review_litigation", "review", "upheld")
    _type_into(qtbot, window, ref, "3")
    window.tabs.setCurrentWidget(window.grids["applications"])  # the user looks at table 三
    undo = next(a for a in window.findChildren(_QtGui.QAction) if a.text().startswith("撤销"))
    assert "填写「行政复议·结果维持」" in undo.text()
    undo.trigger()
    assert window.tabs.currentWidget() is window.grids["review_litigation"]
    assert window.grids["review_litigation"].body.currentIndex() == window.models["review_litigation"].index_of(ref)
    assert window.statusBar().currentMessage() == "已撤销：填写「行政复议·结果维持」"
    undo.trigger()
    assert window.tabs.currentWidget() is editor and editor.current_section() == "1"
    assert window.statusBar().currentMessage().startswith("已撤销：编辑第1部分正文")
    redo = next(a for a in window.findChildren(_QtGui.QAction) if a.text().startswith("重做"))
    window.tabs.setCurrentWidget(window.metadata_form)
    redo.trigger()
    assert window.tabs.currentWidget() is editor and "已重做" in window.statusBar().currentMessage()


def test_the_grid_shows_the_rows_the_print_shows_and_follows_at_once(qtbot, window):
    from gipr_desktop.core.layout import report_layout
    from tests.helpers import zero_report

    report = zero_report()
    for row in ("other_no_correction", "other_no_fee", "other_misc"):
        for column in report.schema.table("applications").row(row).columns:
            report.cells.pop(CellRef("applications", row, column.id), None)
    report.set(CellRef("applications", "other", "total"), 0)
    window.document.replace_report(report)
    model = window.models["applications"]
    rows = {box.ref.row for box in model.layout.value_boxes()}
    assert "other" in rows and "other_misc" not in rows
    assert model.layout == report_layout(report, report.schema.table("applications"))
    grid = window.grids["applications"]
    window.tabs.setCurrentWidget(grid)
    grid.body.select_refs([CellRef("applications", "other", "total")])
    grid.body.clear_selection_cells()
    rows = {box.ref.row for box in model.layout.value_boxes()}
    assert "other_misc" in rows and "other" not in rows  # without reopening the file


def test_find_goes_through_the_texts_and_the_row_labels_and_says_where(qtbot, window):
    window.named_actions["focus_find"].trigger()
    window.find_box.setText("行政复议")
    window.find_next()
    first = window.statusBar().currentMessage()
    assert first.startswith("第 1 处，共 ") and "正文「四、" in first
    editor = window.sections_editor.editor
    assert window.tabs.currentWidget() is window.sections_editor and editor.textCursor().selectedText() == "行政复议"
    window.find_next()
    assert window.tabs.currentWidget() is window.grids["review_litigation"]
    assert "表「政府信息公开行政复议、行政诉讼情况」·行政复议" in window.statusBar().currentMessage()
    window.find_box.setText("ＸＹＺ不存在")
    window.find_next()
    assert window.statusBar().currentMessage() == "没有找到「ＸＹＺ不存在」"


def test_zoom_makes_tables_and_texts_larger_and_is_remembered(qtbot, window, make_window):
    grid = window.grids["applications"]
    width, size = grid.body.columnWidth(5), grid.body.font().pointSizeF()
    window.named_actions["zoom_in"].trigger()
    window.named_actions["zoom_in"].trigger()
    assert grid.body.columnWidth(5) > width and grid.body.font().pointSizeF() > size
    assert window.sections_editor.editor.font().pointSizeF() > size
    assert window.statusBar().currentMessage() == "显示比例 120%"
    again = make_window()
    assert again.zoom_level == 2
    window.named_actions["zoom_reset"].trigger()
    assert grid.body.columnWidth(5) == width


def test_the_toolbar_holds_the_main_actions(window):
    bars = window.findChildren(QtWidgets.QToolBar)
    texts = [a.text() for a in bars[0].actions() if a.text()]
    assert texts[:4] == ["新建(&N)…", "打开(&O)…", "保存(&S)", "导出(&E)…"]


def test_drafted_sentences_are_inserted_as_one_undo_step(qtbot, window):
    report = window.document.report
    before = dict(report.sections)
    window.draft_texts()
    assert window.context.dialogs.shown[-1][0] == "drafts"
    assert report.sections["3"].startswith(before["3"].rstrip()) and "本年度共新收政府信息公开申请" in report.sections["3"]
    assert window.statusBar().currentMessage().startswith("已插入 3 段数据说明")
    window.undo()
    assert report.sections == before
    assert window.statusBar().currentMessage() == "已撤销：插入数据说明"
