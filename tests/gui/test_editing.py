"""The window driven like a user: typing, Enter, paste, delete, undo, live highlights, findings."""

from __future__ import annotations

from gipr_desktop.core.layout import VALUE
from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.qt import Qt, QtCore, QtWidgets
from gipr_desktop.gui.table_model import SEVERITY_ROLE


def _row_total(window, table_id: str, row_index: int = 0) -> CellRef:
    """The total cell of a row_sum rule (R1/R4), found through the schema."""
    table = window.document.report.schema.table(table_id)
    rule = next(r for r in table.rules if r.kind == "row_sum")
    return CellRef(table_id, table.rows[row_index].id, rule.total)


def _type_into(qtbot, window, ref: CellRef, text: str) -> None:
    grid = window.grids[ref.table]
    window.tabs.setCurrentWidget(grid)
    grid.body.setCurrentIndex(window.models[ref.table].index_of(ref))
    grid.body.setFocus()
    for character in text:  # as a keyboard does: each key to whatever has the focus (the editor, once open)
        qtbot.keyClicks(QtWidgets.QApplication.focusWidget() or grid.body, character)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Return)


def test_first_start_opens_the_bundled_sample_with_no_findings(window):
    assert "示例" in window.document.report.unit
    assert window.document.path is None  # the sample is a template: saving asks where
    assert window.count_label.text().startswith("错误 0 个")


def test_typing_a_wrong_total_highlights_it_and_undo_removes_the_highlight(qtbot, window):
    ref = _row_total(window, "applications")
    old = window.document.report.cells[ref]
    model = window.models["applications"]
    index = model.index_of(ref)
    _type_into(qtbot, window, ref, str(old + 7))
    assert window.document.report.cells[ref] == old + 7
    assert model.data(index, SEVERITY_ROLE) == "error"
    assert "错误 1 个" in window.count_label.text() or "错误 2 个" in window.count_label.text()
    assert window.isWindowModified()
    body = window.grids["applications"].body
    assert body.currentIndex().row() == index.row() + 1  # Enter moved down
    window.context.undo_stack.undo()
    assert window.document.report.cells[ref] == old
    assert model.data(index, SEVERITY_ROLE) is None
    assert window.count_label.text().startswith("错误 0 个")
    assert not window.isWindowModified()


def test_letters_cannot_be_typed_into_a_count(qtbot, window):
    ref = _row_total(window, "applications")
    old = window.document.report.cells[ref]
    _type_into(qtbot, window, ref, "abc")
    assert window.document.report.cells[ref] == old
    assert window.context.undo_stack.count() == 0


def test_enter_moves_down_across_caption_and_header_lines(qtbot, window):
    grid = window.grids["active"]
    model = window.models["active"]
    layout = model.layout
    boxes = layout.value_boxes()
    first_col = [b for b in boxes if b.col == 1]
    # the last row of the first group, then the first row of the next group further down
    jumps = [(a, b) for a, b in zip(first_col, first_col[1:]) if b.row - a.row > 1]
    assert jumps, "table 二 has a caption and a header line between its groups"
    start, target = jumps[0]
    window.tabs.setCurrentWidget(grid)
    grid.body.setCurrentIndex(model.index(start.row, start.col))
    qtbot.keyClick(grid.body, Qt.Key.Key_Return)
    assert (grid.body.currentIndex().row(), grid.body.currentIndex().column()) == (target.row, target.col)


def test_pasting_a_block_from_excel_is_one_undo_step(qtbot, window):
    model = window.models["review_litigation"]
    grid = window.grids["review_litigation"]
    first = model.layout.value_boxes()[0]
    window.tabs.setCurrentWidget(grid)
    grid.body.setCurrentIndex(model.index(first.row, first.col))
    before = dict(window.document.report.cells)
    QtWidgets.QApplication.clipboard().setText("11\t12\t13\r\n")
    grid.body.setFocus()
    qtbot.keyClick(grid.body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    refs = [model.ref(model.index(first.row, first.col + j)) for j in range(3)]
    assert [window.document.report.cells[r] for r in refs] == [11, 12, 13]
    assert window.context.undo_stack.count() == 1
    assert {model.ref(i) for i in grid.body.selectedIndexes()} == set(refs)  # the pasted block stays selected
    window.context.undo_stack.undo()
    assert window.document.report.cells == before


def test_pasting_text_that_is_not_a_number_pastes_the_rest_and_says_so(qtbot, window):
    model = window.models["review_litigation"]
    grid = window.grids["review_litigation"]
    first = model.layout.value_boxes()[0]
    grid.body.setCurrentIndex(model.index(first.row, first.col))
    with qtbot.waitSignal(grid.body.message) as blocker:
        grid.body.paste_text("5\t五\t7\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\n")
    assert "不是数字" in blocker.args[0] and "之外" in blocker.args[0]
    assert window.document.report.cells[model.ref(model.index(first.row, first.col))] == 5


def test_delete_clears_the_selected_cells_and_copy_gives_excel_text(qtbot, window):
    model = window.models["applications"]
    body = window.grids["applications"].body
    window.tabs.setCurrentWidget(window.grids["applications"])
    first = model.layout.value_boxes()[0]
    top_left = model.index(first.row, first.col)
    bottom_right = model.index(first.row + 1, first.col + 1)
    body.setCurrentIndex(top_left)
    body.selectionModel().select(
        QtCore.QItemSelection(top_left, bottom_right), body.selectionModel().SelectionFlag.ClearAndSelect
    )
    qtbot.keyClick(body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    expected = "\n".join(
        "\t".join(str(model.data(model.index(r, c))) for c in (first.col, first.col + 1)) for r in (first.row, first.row + 1)
    ) + "\n"
    assert QtWidgets.QApplication.clipboard().text() == expected
    qtbot.keyClick(body, Qt.Key.Key_Delete)
    refs = [model.ref(model.index(r, c)) for r in (first.row, first.row + 1) for c in (first.col, first.col + 1)]
    assert all(window.document.report.get(ref) is None for ref in refs)
    assert window.context.undo_stack.count() == 1
    window.context.undo_stack.undo()
    assert all(window.document.report.get(ref) is not None for ref in refs)


def test_clicking_a_finding_selects_its_cell_in_its_table_tab(qtbot, window):
    ref = _row_total(window, "review_litigation")
    window.document.set_cells({ref: window.document.report.cells[ref] + 1})
    panel = window.findings_panel
    item = next(panel.item(i) for i in range(panel.count()) if "［R4］" in panel.item(i).text())
    window.tabs.setCurrentWidget(window.metadata_form)
    rect = panel.visualItemRect(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    grid = window.grids["review_litigation"]
    assert window.tabs.currentWidget() is grid
    current = grid.body.currentIndex()
    assert window.models["review_litigation"].ref(current) == ref
    assert window.models["review_litigation"].data(current, SEVERITY_ROLE) == "error"


def test_a_finding_about_a_section_opens_that_section(qtbot, window):
    section = window.document.report.schema.sections[-1]
    window.document.set_section(section.id, "")
    panel = window.findings_panel
    item = next(panel.item(i) for i in range(panel.count()) if section.title in panel.item(i).text())
    panel.itemActivated.emit(item)
    assert window.tabs.currentWidget() is window.sections_editor
    assert window.sections_editor.current_section() == section.id


def test_typing_section_text_is_undoable_and_counted(qtbot, window):
    editor = window.sections_editor
    window.tabs.setCurrentWidget(editor)
    section = window.document.report.schema.sections[-1]
    editor.show_section(section.id)
    window.document.set_section(section.id, "")
    assert editor.editor.toPlainText() == ""
    assert any(f.rule == "S1" for f in window.document.findings)
    for character in "本年度未收取信息处理费。":  # Chinese arrives from the input method, character by character
        editor.editor.insertPlainText(character)
    assert window.document.report.sections[section.id] == "本年度未收取信息处理费。"
    assert not any(f.rule == "S1" for f in window.document.findings)
    assert "12" in editor.count.text()
    window.context.undo_stack.undo()  # the burst of typing is one step
    assert window.document.report.sections[section.id] == ""
    assert editor.editor.toPlainText() == ""


def test_editing_the_unit_changes_the_title_and_is_undoable(qtbot, window):
    form = window.metadata_form
    window.tabs.setCurrentWidget(form)
    edit = form.lines["unit"]
    edit.setFocus()
    edit.selectAll()
    edit.insert("测试区人民政府")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.document.report.unit == "测试区人民政府"
    assert "测试区人民政府" in window.windowTitle()
    window.context.undo_stack.undo()
    assert "示例" in edit.text()


def test_changing_the_format_converts_says_what_was_lost_and_can_be_undone(qtbot, window):
    dialogs = window.context.dialogs
    before = dict(window.document.report.cells)
    window.metadata_form.format_requested.emit("2019")
    assert window.document.report.format == "2019"
    assert dialogs.kinds() == ["ask", "info"] and "未能保留" in dialogs.shown[-1][2]
    assert window.models["applications"].table.id == "applications"
    for ref, value in window.document.report.cells.items():
        assert before[ref] == value
    window.context.undo_stack.undo()
    assert window.document.report.format == "2021" and window.document.report.cells == before
    assert window.metadata_form.format.currentData() == "2021"


def test_declining_a_lossy_format_change_keeps_the_report(window):
    window.context.dialogs.answer = False
    window.metadata_form.format_requested.emit("2019")
    assert window.document.report.format == "2021"
    assert window.context.undo_stack.count() == 0


def test_every_value_cell_is_reachable_by_keyboard(qtbot, window):
    model = window.models["applications"]
    body = window.grids["applications"].body
    window.tabs.setCurrentWidget(window.grids["applications"])
    first = model.layout.value_boxes()[0]
    body.setCurrentIndex(model.index(first.row, first.col))
    body.setFocus()
    seen = set()
    for _ in range(model.rowCount() * model.columnCount()):
        ref = model.ref(body.currentIndex())
        if ref is not None:
            seen.add(ref)
        qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert {b.ref for b in model.layout.boxes if b.kind == VALUE} <= seen


def test_repainting_the_grids_for_a_long_session_does_not_wear_down_none(qtbot, window):
    """PySide6 6.12.0 loses a reference to None per empty QVariant handed back to Python; the
    interpreter aborts when the count reaches zero. Painting must not hand any back."""
    import sys

    grid = window.grids["applications"]
    window.tabs.setCurrentWidget(grid)
    ref = _row_total(window, "applications")
    window.document.set_cells({ref: window.document.report.cells[ref] + 1})  # some cells marked
    grid.body.viewport().repaint()
    before = sys.getrefcount(None)
    for _ in range(20):
        grid.body.viewport().repaint()
        grid.header.viewport().repaint()
    assert sys.getrefcount(None) >= before - 50
