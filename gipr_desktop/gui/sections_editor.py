"""The six sections' text: a list of sections, a plain-text editor, what the format expects, a count.

Typing becomes undo commands on the window's stack (one per burst of typing in a section), so that
Ctrl+Z behaves the same in the text as in the tables.
"""

from __future__ import annotations

from gipr_desktop.gui.commands import SetSectionTextCommand
from gipr_desktop.gui.context import Context
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.core.values import clean_text, text_problem
from gipr_desktop.gui.qt import QtGui, QtWidgets, Signal


def accepted_text(field: str, typed: str, stored: str) -> tuple[str, str]:
    """What of ``typed`` a text field takes, and what to tell the user: characters no field keeps are
    dropped (said), a text over the field's limit is refused whole (``stored`` stays)."""
    cleaned = clean_text(field, typed)
    problem = text_problem(field, cleaned)
    if problem:
        return stored, f"未填入：{problem}"
    if cleaned != typed:
        return cleaned, f"已删除 {len(typed) - len(cleaned)} 个无效字符（控制字符等）" if len(cleaned) < len(typed) \
            else "已将换行整理为统一格式"
    return cleaned, ""


class SectionTextEdit(Guarded, QtWidgets.QPlainTextEdit):
    """A plain-text editor that leaves undo and redo to the window's stack."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def event(self, event) -> bool:
        if event.type() == event.Type.ShortcutOverride and (
            event.matches(QtGui.QKeySequence.StandardKey.Undo) or event.matches(QtGui.QKeySequence.StandardKey.Redo)
        ):
            event.ignore()  # let the window's 撤销/重做 actions have the key
            return False
        return super().event(event)


class SectionsEditor(Guarded, QtWidgets.QWidget):
    message = Signal(str)  # something the status bar should say

    def __init__(self, context: Context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self._updating = False
        self.list = QtWidgets.QListWidget(self)
        self.list.setMaximumWidth(260)
        self.guidance = QtWidgets.QLabel(self)
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: #333; background: #f3f5f8; padding: 6px;")
        self.editor = SectionTextEdit(self)
        self.count = QtWidgets.QLabel(self)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.guidance)
        right.addWidget(self.editor, 1)
        right.addWidget(self.count)
        layout = QtWidgets.QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.currentRowChanged.connect(self._show_section)
        self.editor.textChanged.connect(self._typed)
        context.document.section_changed.connect(self._on_section_changed)
        context.document.report_replaced.connect(self.reload)
        self.reload()

    @property
    def section_ids(self) -> list[str]:
        return [section.id for section in self.context.document.report.schema.sections]

    @slot
    def reload(self) -> None:
        schema = self.context.document.report.schema
        current = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([section.title for section in schema.sections])
        self.list.blockSignals(False)
        self.show_section(self.section_ids[current])

    def show_section(self, section_id: str) -> None:
        self.list.setCurrentRow(self.section_ids.index(section_id))
        self._show_section(self.section_ids.index(section_id))

    def current_section(self) -> str:
        return self.section_ids[max(self.list.currentRow(), 0)]

    @slot
    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        section = self.context.document.report.schema.sections[row]
        self.guidance.setText(f"{section.title}：{section.guidance}")
        self._set_editor_text(self.context.document.report.sections.get(section.id, ""))

    def _set_editor_text(self, text: str) -> None:
        self._updating = True
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)
            self.editor.moveCursor(QtGui.QTextCursor.MoveOperation.End)
        self._updating = False
        self._update_count()

    def _update_count(self) -> None:
        text = self.editor.toPlainText()
        characters = sum(1 for ch in text if not ch.isspace())
        self.count.setText(f"字数：{characters}（不计空白）")

    @slot
    def _typed(self) -> None:
        self._update_count()
        if self._updating:
            return
        section = self.current_section()
        stored = self.context.document.report.sections.get(section, "")
        text, message = accepted_text("section", self.editor.toPlainText(), stored)
        if message:
            self.message.emit(message)
        if text != self.editor.toPlainText():
            self._set_editor_text(text)
        if text != stored:
            self.context.push(SetSectionTextCommand(self.context.document, section, text))

    @slot
    def _on_section_changed(self, section_id: str) -> None:
        if section_id == self.current_section():
            self._set_editor_text(self.context.document.report.sections.get(section_id, ""))
