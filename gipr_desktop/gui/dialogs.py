"""Every question and message the window puts to the user, in one replaceable object.

The window never calls ``QMessageBox``/``QFileDialog`` itself but asks ``context.dialogs``; the tests
put a scripted stand-in there, so no test ever blocks on a modal dialog.
"""

from __future__ import annotations

from gipr_desktop.core.schema import report_years
from gipr_desktop.gui.guard import guarded
from gipr_desktop.gui.qt import QtPrintSupport, QtWidgets

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


NOTES_SIZE = (760, 520)  # the notes dialog at most: within a 1366×768 screen, its taskbar and title bar


def notes_dialog(parent, title: str, intro: str, lines: list[str]) -> QtWidgets.QDialog:
    """A list of notes however long (an import's can run to dozens of three-line notes): the intro,
    the notes in a read-only box that scrolls, and 确定 always in view — a message box would grow
    past the screen and hide its button."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QtWidgets.QVBoxLayout(dialog)
    label = QtWidgets.QLabel(intro)
    label.setWordWrap(True)
    layout.addWidget(label)
    shown = QtWidgets.QPlainTextEdit()
    shown.setReadOnly(True)
    shown.setPlainText("\n".join(lines))
    layout.addWidget(shown)
    buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText("确定")
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    screen = (parent.screen() if parent is not None else QtWidgets.QApplication.primaryScreen()).availableGeometry()
    dialog.resize(min(NOTES_SIZE[0], screen.width() - 40), min(NOTES_SIZE[1], screen.height() - 80))
    return dialog


class Dialogs:
    def error(self, parent, title: str, text: str) -> None:
        QtWidgets.QMessageBox.critical(parent, title, text)

    def info(self, parent, title: str, text: str) -> None:
        QtWidgets.QMessageBox.information(parent, title, text)

    def notes(self, parent, title: str, intro: str, lines: list[str]) -> None:
        notes_dialog(parent, title, intro, lines).exec()

    def ask(self, parent, title: str, text: str) -> bool:
        buttons = QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No
        answer = QtWidgets.QMessageBox.question(parent, title, text, buttons)
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def ask_save(self, parent, text: str) -> str:
        """Save, discard or cancel, for unsaved changes."""
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "尚未保存", text, parent=parent)
        save = box.addButton("保存", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("不保存", QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return {save: SAVE, discard: DISCARD}.get(box.clickedButton(), CANCEL)

    def open_path(self, parent, title: str, filters: str) -> str:
        return QtWidgets.QFileDialog.getOpenFileName(parent, title, "", filters)[0]

    def save_path(self, parent, title: str, filters: str, suggested: str) -> str:
        return QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]

    def choose_drafts(self, parent, drafts: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
        """生成数据说明: each draft (section id, section title, text) editable, with a box to tick;
        the ticked ones, as edited, to insert."""
        dialog = QtWidgets.QDialog(parent)
        dialog.setWindowTitle("生成数据说明")
        layout = QtWidgets.QVBoxLayout(dialog)
        layout.addWidget(QtWidgets.QLabel("以下文字根据表格数字生成，与表格一致。勾选要插入的段落，可先修改；插入后加在该部分正文末尾。"))
        rows = []
        for section_id, title, text in drafts:
            box = QtWidgets.QCheckBox(f"插入「{title}」", dialog)
            box.setChecked(True)
            edit = QtWidgets.QPlainTextEdit(text, dialog)
            layout.addWidget(box)
            layout.addWidget(edit)
            rows.append((section_id, box, edit))
        buttons = QtWidgets.QDialogButtonBox(dialog)
        buttons.addButton("插入所选", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(720, 560)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return []
        return [(section_id, edit.toPlainText()) for section_id, box, edit in rows if box.isChecked()]

    def export_path(self, parent, title: str, filters: list[str], suggested: str) -> tuple[str, str]:
        """A file to export to, and the filter the user left chosen (the first one is offered)."""
        return QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, ";;".join(filters), filters[0])

    def folder_path(self, parent, title: str, start: str) -> str:
        return QtWidgets.QFileDialog.getExistingDirectory(parent, title, start)

    def choose(self, parent, title: str, label: str, items: list[str], current: int) -> int | None:
        """The index of the item chosen from a list, or None when cancelled."""
        item, ok = QtWidgets.QInputDialog.getItem(parent, title, label, items, current, False)
        return items.index(item) if ok and item in items else None

    def print_setup(self, parent, printer) -> bool:
        """The system's print dialog for ``printer``: True when the user chose to print."""
        dialog = QtPrintSupport.QPrintDialog(printer, parent)
        return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted

    def print_preview(self, parent, printer, paint) -> None:
        """The print preview; ``paint(printer)`` draws the pages, for the preview and for 打印 in it."""
        preview = QtPrintSupport.QPrintPreviewDialog(printer, parent)
        preview.setWindowTitle("打印预览")
        preview.paintRequested.connect(guarded(paint))
        preview.resize(900, 1000)
        preview.exec()

    def new_report_year(self, parent, default: int) -> int | None:
        years = report_years()
        year, ok = QtWidgets.QInputDialog.getInt(parent, "新建报告", "报告年度：", default, years.start, years.stop - 1)
        return year if ok else None
