"""A user's actions on the real window, as the monkey test and the undo state machine take them.

Each action goes the way a user's does — a value typed into a cell goes through the model's
``setData`` (what the cell editor calls), a paste through the grid, a text through its editor, a
format change through the form's combo box with the question answered yes or no, saves and exports
through the file dialogs (scripted) — and never reaches into the report directly.
"""

from __future__ import annotations

import random
from pathlib import Path

from gipr_desktop.core.checks import check
from gipr_desktop.core.report import Report
from gipr_desktop.gui.qt import Qt, QtCore

TYPED = ["0", "1", "7", "12", "305", "999999999", "1000000000", "9" * 40, "-3", "1.5", "2.75", "abc", "",
         "１２", "1,234", " 8 ", "0.000001", "1E+400", "-0"]
TEXTS = ["", "本年度共新收政府信息公开申请5件。", "一\x00二", "x" * 300, "统计期限为2024年1月1日至2024年12月31日",
         "第一行\r\n第二行", "本年度未收取信息处理费。"]
UNITS = ["示例区人民政府", "某某街道办事处", "", "单" * 201, "示例\n局"]
EXPORTS = (".xlsx", ".docx", ".txt", ".html", ".md")


def report_state(report: Report | None):
    """Everything a user could see of a report, comparable with ``==``."""
    if report is None:
        return None
    return (report.format, report.unit, report.year, report.contact, report.published, report.preamble,
            tuple(sorted((tuple(ref), type(v).__name__, str(v)) for ref, v in report.cells.items())),
            tuple(sorted(report.sections.items())), report_state(report.previous))


class WindowDriver:
    """Drives one ``MainWindow`` whose dialogs are ``ScriptedDialogs``; files go to ``folder``."""

    def __init__(self, window, folder: Path, rng: random.Random) -> None:
        self.window = window
        self.folder = folder
        self.rng = rng
        self.saves = 0

    @property
    def document(self):
        return self.window.document

    @property
    def stack(self):
        return self.window.context.undo_stack

    # --- the actions ------------------------------------------------------------------------------

    def type_value(self, text: str | None = None) -> None:
        model = self.rng.choice(list(self.window.models.values()))
        boxes = model.layout.value_boxes()
        if not boxes:
            return
        box = self.rng.choice(boxes)
        self.window.tabs.setCurrentWidget(self.window.grids[model.table_id])
        model.setData(model.index(box.row, box.col), self.rng.choice(TYPED) if text is None else text,
                      Qt.ItemDataRole.EditRole)

    def paste(self) -> None:
        model = self.rng.choice(list(self.window.models.values()))
        grid = self.window.grids[model.table_id]
        self.window.tabs.setCurrentWidget(grid)
        boxes = model.layout.value_boxes()
        box = self.rng.choice(boxes)
        grid.body.setCurrentIndex(model.index(box.row, box.col))
        rows = [[self.rng.choice(TYPED) for _ in range(self.rng.randint(1, 4))] for _ in range(self.rng.randint(1, 3))]
        grid.body.paste_text("\n".join("\t".join(row) for row in rows) + "\n")

    def clear(self) -> None:
        model = self.rng.choice(list(self.window.models.values()))
        grid = self.window.grids[model.table_id]
        self.window.tabs.setCurrentWidget(grid)
        boxes = model.layout.value_boxes()
        chosen = self.rng.sample(boxes, min(len(boxes), self.rng.randint(1, 6)))
        grid.body.clearSelection()
        selection = grid.body.selectionModel()
        for box in chosen:
            selection.select(model.index(box.row, box.col), selection.SelectionFlag.Select)
        grid.body.clear_selection_cells()

    def edit_section(self) -> None:
        editor = self.window.sections_editor
        self.window.tabs.setCurrentWidget(editor)
        editor.show_section(self.rng.choice(editor.section_ids))
        text = self.rng.choice(TEXTS)
        if self.rng.random() < 0.5:
            editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
            editor.editor.insertPlainText(text[:20] or "字")  # typed at the end, merging with the last step
        else:
            editor.editor.setPlainText(text)

    def edit_metadata(self) -> None:
        form = self.window.metadata_form
        self.window.tabs.setCurrentWidget(form)
        choice = self.rng.randrange(4)
        if choice == 0:
            form.lines["unit"].setText(self.rng.choice(UNITS))
            form.lines["unit"].editingFinished.emit()
        elif choice == 1:
            form.year.setValue(self.rng.choice([1999, 2019, 2020, 2021, 2024, 2025]))
            form.year.editingFinished.emit()
        elif choice == 2:
            form.lines["published"].setText(self.rng.choice(["2025-01-20", "", "不是日期"]))
            form.lines["published"].editingFinished.emit()
        else:
            form.preamble.setPlainText(self.rng.choice(TEXTS))

    def switch_format(self, accept: bool | None = None) -> None:
        form = self.window.metadata_form
        other = next(i for i in range(form.format.count()) if form.format.itemData(i) != self.document.report.format)
        self.window.context.dialogs.answer = self.rng.random() < 0.6 if accept is None else accept
        form.format.setCurrentIndex(other)
        form.format.activated.emit(other)

    def draft(self) -> None:
        self.window.context.dialogs.answer = self.rng.random() < 0.7
        self.window.draft_texts()

    def undo_run(self) -> None:
        for _ in range(self.rng.randint(1, 5)):
            self.stack.undo()

    def redo_run(self) -> None:
        for _ in range(self.rng.randint(1, 5)):
            self.stack.redo()

    def save(self) -> Path:
        self.saves += 1
        path = self.folder / f"save-{self.saves % 3}.gipr"
        self.window.context.dialogs.paths.append(str(path))
        self.window.save_as()
        return path

    def autosave(self) -> None:
        self.window.autosave.save_now()

    def export(self) -> Path:
        path = self.folder / f"export{self.rng.choice(EXPORTS)}"
        self.window.context.dialogs.paths.append(str(path))
        self.window.export()
        return path

    def reopen(self, path: Path) -> None:
        self.window.open_path(path, ask=False)

    def process_events(self) -> None:
        QtCore.QCoreApplication.processEvents()

    # --- what must hold ----------------------------------------------------------------------------

    def state(self):
        return report_state(self.document.report)

    def undo_all_redo_all(self) -> tuple:
        """Undo to the bottom of the stack and redo to where it was: the states at both ends."""
        index = self.stack.index()
        here = self.state()
        while self.stack.canUndo():
            self.stack.undo()
        bottom = self.state()
        while self.stack.index() < index:
            self.stack.redo()
        return here, bottom, self.state()

    def findings_are_fresh(self) -> bool:
        return self.document.findings == check(self.document.report, notes=self.document.import_notes)

    ACTIONS = ("type_value", "type_value", "type_value", "paste", "clear", "edit_section", "edit_metadata",
               "switch_format", "undo_run", "redo_run", "save", "autosave", "export", "draft")

    def random_action(self) -> str:
        name = self.rng.choice(self.ACTIONS)
        getattr(self, name)()
        return name

