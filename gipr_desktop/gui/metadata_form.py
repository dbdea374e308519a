"""The report's metadata: 机关名称, year, format, publication date, contact and preamble.

A field is committed when the user leaves it (one undo step); the preamble as it is typed. Choosing
another format is only a request: the window converts the tables and says what would be lost.
"""

from __future__ import annotations

import functools

from gipr_desktop.core.schema import formats, report_years
from gipr_desktop.gui.commands import SetMetadataCommand
from gipr_desktop.gui.context import Context
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import QtWidgets, Signal
from gipr_desktop.gui.sections_editor import SectionTextEdit, accepted_text

_LINE_FIELDS = {"unit": "机关名称", "published": "发布日期", "contact": "联系方式"}


class MetadataForm(Guarded, QtWidgets.QWidget):
    format_requested = Signal(str)  # the user chose another format id
    message = Signal(str)  # something the status bar should say

    def __init__(self, context: Context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self._updating = False
        form = QtWidgets.QFormLayout(self)
        self.lines: dict[str, QtWidgets.QLineEdit] = {}
        for field, label in _LINE_FIELDS.items():
            edit = QtWidgets.QLineEdit(self)
            edit.editingFinished.connect(functools.partial(self._commit_line, field))
            self.lines[field] = edit
        self.lines["published"].setPlaceholderText("如 2026-01-20")
        self.year = QtWidgets.QSpinBox(self)
        self._no_year = report_years().start - 1  # the spin box's lowest value stands for "not filled in"
        self.year.setRange(self._no_year, report_years().stop - 1)
        self.year.setSpecialValueText("未填写")
        self.year.setSuffix(" 年")
        self.year.editingFinished.connect(self._commit_year)
        self.format = QtWidgets.QComboBox(self)
        for fmt in formats().values():
            self.format.addItem(f"{fmt.name}（{fmt.notice}）", fmt.id)
        self.format.activated.connect(self._format_chosen)
        self.preamble = SectionTextEdit(self)
        self.preamble.textChanged.connect(self._commit_preamble)
        form.addRow("机关名称：", self.lines["unit"])
        form.addRow("报告年度：", self.year)
        form.addRow("报告格式：", self.format)
        form.addRow("发布日期：", self.lines["published"])
        form.addRow("联系方式：", self.lines["contact"])
        form.addRow("开头说明：", self.preamble)
        context.document.metadata_changed.connect(self.reload)
        context.document.report_replaced.connect(self.reload)
        self.reload()

    @slot
    def reload(self) -> None:
        report = self.context.document.report
        self._updating = True
        for field, edit in self.lines.items():
            if edit.text() != getattr(report, field):
                edit.setText(getattr(report, field))
        self.year.setValue(report.year if report.year is not None else self._no_year)
        self.format.setCurrentIndex(self.format.findData(report.format))
        if self.preamble.toPlainText() != report.preamble:
            self.preamble.setPlainText(report.preamble)
        self._updating = False

    def _push(self, field: str, value, typing: bool = False) -> None:
        if self._updating or getattr(self.context.document.report, field) == value:
            return
        label = {**_LINE_FIELDS, "year": "报告年度", "preamble": "开头说明"}[field]
        self.context.push(SetMetadataCommand(self.context.document, field, value, f"修改{label}", typing))

    @slot
    def _commit_line(self, field: str) -> None:
        self._push_text(field, self.lines[field].text().strip())
        if self.lines[field].text().strip() != getattr(self.context.document.report, field):
            self.reload()  # refused or cleaned: show what the report holds

    @slot
    def _commit_year(self) -> None:
        value = self.year.value()
        self._push("year", None if value == self._no_year else value)

    @slot
    def _commit_preamble(self) -> None:
        if not self._updating:
            self._push_text("preamble", self.preamble.toPlainText(), typing=True)
            if self.preamble.toPlainText() != self.context.document.report.preamble:
                self.reload()

    def _push_text(self, field: str, typed: str, typing: bool = False) -> None:
        text, message = accepted_text(field, typed, getattr(self.context.document.report, field))
        if message:
            self.message.emit(message)
        self._push(field, text, typing)

    @slot
    def _format_chosen(self, index: int) -> None:
        format_id = self.format.itemData(index)
        if format_id != self.context.document.report.format:
            self.format_requested.emit(format_id)
        self.reload()
