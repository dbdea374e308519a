"""本年与上年对照: the three tables as a list of 本年 / 上年 / 增减, for reading what moved.

Read-only and built from ``core.comparison``; it follows the document while open, so a value typed
in the grid shows here at once. Cells that are unknown in both years are left out.
"""

from __future__ import annotations

from gipr_desktop.core.cell_text import format_cell
from gipr_desktop.core.comparison import change_text, compare
from gipr_desktop.gui.document import Document
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import Qt, QtWidgets

HEADERS = ("表格", "项目", "本年", "上年", "增减")


class ComparisonView(Guarded, QtWidgets.QDialog):
    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("本年与上年对照")
        self.table = QtWidgets.QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.note = QtWidgets.QLabel(self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        for signal in (document.cells_changed, document.report_replaced, document.previous_changed):
            signal.connect(self.refresh)
        self.resize(760, 520)
        self.refresh()

    @slot
    def refresh(self, *_) -> None:
        report = self.document.report
        rows = [c for c in compare(report) if c.this_year is not None or c.last_year is not None]
        if report.previous is None:
            self.note.setText("尚未附上上年报告：请用「文件 › 附上上年报告…」选择上年度的报告。")
        else:
            year = f"{report.previous.year}年度" if report.previous.year else "上年"
            self.note.setText(f"与{year}报告（{report.previous.unit or '未填机关名称'}）对照；「—」表示未知。")
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            section = report.schema.table(row.ref.table).section
            texts = (f"表{report.schema.section(section).numeral}", row.name, format_cell(row.this_year) or "—",
                     format_cell(row.last_year) or "—",
                     change_text(row.change))
            for j, text in enumerate(texts):
                item = QtWidgets.QTableWidgetItem(text)
                if j >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if j == 0:
                    item.setToolTip(row.table)
                self.table.setItem(i, j, item)
        for column in (0, 2, 3, 4):  # once, after filling: per item it would cost a pass over the column
            self.table.resizeColumnToContents(column)
        self.table.setUpdatesEnabled(True)
