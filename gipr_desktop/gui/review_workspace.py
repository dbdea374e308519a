"""汇总审核: a district office's review of all its bodies' reports, in one window.

Add a folder or files (or drop them on the window), and last year's folder if there is one: every
report is read off the UI thread on every core (``io.batch_run``), with progress and 取消, and is one
row — 机关名称, level, year, format, finding counts, status and the key figures (with their change
against last year). Sort by any column, filter by any text; a row's findings show below it. A file
that cannot be read is a row with its reason. Double-click opens the report in the editor; when the
editor saves it, its row is read again. 汇总所选 sums the chosen rows into the district's report and
opens it in the editor; the review workbook and one 审核意见 per body are written from here too.

The rows are ``core.batch.BodyRow``s: plain data, shown by ``ReviewModel``; this module only adapts.
"""

from __future__ import annotations

import functools
from pathlib import Path

from gipr_desktop.core.aggregate import aggregate_rows
from gipr_desktop.core.batch import (
    HAS_ERRORS, HAS_WARNINGS, KEY_FIGURES, LEVELS, PASSED, STATUSES, UNREAD, BodyRow, batch_year, review_batch,
)
from gipr_desktop.core.cell_text import format_cell
from gipr_desktop.core.comparison import change_text
from gipr_desktop.core.findings import SEVERITY_NAMES
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.operations import Cancelled, Ticket, run_in_background
from gipr_desktop.gui.qt import QModelIndex, Qt, QtCore, QtGui, QtWidgets

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
_FIXED = ("机关名称", "级别", "年度", "格式", "错误", "警告", "提示", "状态")
COLUMNS = _FIXED + tuple(name for _, name in KEY_FIGURES)
_STATUS_BRUSH = {UNREAD: "#e0e0e0", HAS_ERRORS: "#ffc9c9", HAS_WARNINGS: "#fff1b8", PASSED: "#d8f5d0"}


class ReviewModel(Guarded, QtCore.QAbstractTableModel):
    """The batch's rows as a table; the level (级别) is the one column the reviewer may correct."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[BodyRow] = []
        self.compared = False  # last year's reports were read: the figures show their change

    def set_rows(self, rows: list[BodyRow], compared: bool) -> None:
        self.beginResetModel()
        self.rows, self.compared = list(rows), compared
        self.endResetModel()

    def replace_row(self, index: int, row: BodyRow) -> None:
        self.rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == 1 and self.rows[index.row()].readable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _value(self, row: BodyRow, column: int):
        """(what the cell shows, what it sorts by)."""
        counts = row.counts
        fixed = {0: (row.name, row.name), 1: (row.level, row.level), 2: (str(row.year or ""), row.year or 0),
                 3: (row.format_name, row.format_name), 4: (str(counts["error"]), counts["error"]),
                 5: (str(counts["warning"]), counts["warning"]), 6: (str(counts["info"]), counts["info"]),
                 7: (row.status, row.status)}
        if column in fixed:
            return fixed[column] if row.readable or column in (0, 7) else ("", -1)
        figure = KEY_FIGURES[column - len(_FIXED)][0]
        value = row.figures.get(figure)
        text = format_cell(value)
        change = change_text(row.change(figure)) if self.compared else ""
        return (f"{text}（{change}）" if text and change else text), (value if value is not None else -1)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._value(row, column)[0]
        if role == SORT_ROLE:
            return self._value(row, column)[1]
        if role == Qt.ItemDataRole.BackgroundRole and column == 7:
            return QtGui.QBrush(QtGui.QColor(_STATUS_BRUSH[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.message or row.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column >= 4 else None
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 1 or role != Qt.ItemDataRole.EditRole or str(value) not in LEVELS:
            return False
        self.rows[index.row()].level = str(value)
        self.dataChanged.emit(index, index)
        return True


class ReviewWorkspace(Guarded, QtWidgets.QMainWindow):
    """The 汇总审核 window; ``editor`` is the main window, where reports open and the 汇总 goes."""

    def __init__(self, editor, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.context = editor.context
        self.paths: list[str] = []  # what the user added: files and folders
        self.previous: list[str] = []
        self.issues = []
        self.result = None  # the last batch read (``io.batch_run.BatchResult``): its sum, what it left out
        self._sum_stale = False  # a row was read again since: the batch's sum no longer holds
        self._editing: int | None = None  # the row whose report is open in the editor
        self.setWindowTitle("汇总审核 — 政府信息公开年报")
        self.setAcceptDrops(True)
        self.model = ReviewModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QtWidgets.QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                                   | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self.open_row)
        self.table.selectionModel().currentRowChanged.connect(self.show_findings)
        self.filter_box = QtWidgets.QLineEdit(self)
        self.filter_box.setPlaceholderText("筛选：输入机关名称、状态、级别……")
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.findings = QtWidgets.QListWidget(self)
        self.findings.setWordWrap(True)
        self.summary = QtWidgets.QLabel("添加报告文件或文件夹（也可以拖到这里）开始审核。", self)
        self.summary.setWordWrap(True)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 3)
        body = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(body)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter_box)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        bar = self.addToolBar("审核")
        bar.setObjectName("review")
        self.actions_by_name: dict[str, QtGui.QAction] = {}
        for text, method in (("添加文件夹…", self.add_folder), ("添加文件…", self.add_files),
                             ("上年报告文件夹…", self.add_previous_folder), ("重新读取", self.read_all),
                             ("汇总所选…", self.aggregate_selected), ("导出审核工作簿…", self.export_workbook),
                             ("导出审核意见…", self.export_feedback)):
            action = bar.addAction(text)
            action.triggered.connect(method)
            self.actions_by_name[method.__name__] = action
        editor.document.state_changed.connect(self._editor_saved)
        self.resize(1200, 720)

    # --- adding reports --------------------------------------------------------------------------

    @slot
    def add_folder(self) -> None:
        folder = self.context.dialogs.folder_path(self, "选择报告所在的文件夹", "")
        if folder:
            self.add([folder])

    @slot
    def add_files(self) -> None:
        path = self.context.dialogs.open_path(self, "选择报告文件", "所有文件 (*)")
        if path:
            self.add([path])

    @slot
    def add_previous_folder(self) -> None:
        folder = self.context.dialogs.folder_path(self, "选择上年报告所在的文件夹", "")
        if folder:
            self.previous = [folder]
            self.read_all()

    def add(self, paths: list[str]) -> None:
        self.paths += [str(p) for p in paths if str(p) not in self.paths]
        self.read_all()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add(paths)

    # --- reading -----------------------------------------------------------------------------------

    @slot
    def read_all(self) -> None:
        """Read every report added (and last year's), off the UI thread, with progress and 取消."""
        if not self.paths:
            return
        from gipr_desktop.io.batch_run import run_batch

        ticket = Ticket()
        try:
            work = functools.partial(run_batch, keep_cells=True, progress=ticket.progress,
                                     should_stop=ticket.should_stop)
            result = run_in_background(self, "正在读取和检查报告……", work, self.paths, self.previous, ticket=ticket)
        except Cancelled:
            self.summary.setText("已取消读取，列表没有改变。")
            return
        levels = {(row.path, row.unit): row.level for row in self.model.rows}  # the reviewer's corrections stay
        for row in result.rows:
            row.level = levels.get((row.path, row.unit), row.level)
        self.result, self._sum_stale = result, False
        self.issues = result.issues
        self.model.set_rows(result.rows, bool(self.previous))
        self.table.resizeColumnsToContents()
        self._say_summary()

    def _say_summary(self) -> None:
        rows = self.model.rows
        counts = {status: sum(1 for row in rows if row.status == status) for status in STATUSES}
        year = batch_year(rows)
        text = (f"共 {len(rows)} 份报告{f'（{year} 年度）' if year else ''}：" +
                "，".join(f"{status} {n} 份" for status, n in counts.items()))
        if self.issues:
            text += "\n" + "\n".join(f"· {issue.kind}：{issue.message}" for issue in self.issues[:8])
        self.summary.setText(text)

    def _row_at(self, proxy_index: QModelIndex) -> int:
        return self.proxy.mapToSource(proxy_index).row()

    @slot
    def show_findings(self, current: QModelIndex, previous: QModelIndex = QModelIndex()) -> None:
        self.findings.clear()
        if not current.isValid():
            return
        row = self.model.rows[self._row_at(current)]
        if not row.readable:
            self.findings.addItem(f"无法读取：{row.message}")
            return
        for note in row.notes:
            self.findings.addItem(f"导入说明：{note.message}")
        for finding in row.findings:
            self.findings.addItem(f"{SEVERITY_NAMES[finding.severity]} [{finding.rule}] {finding.message}")
        if not row.findings:
            self.findings.addItem("未发现问题。")

    # --- the editor ----------------------------------------------------------------------------------

    @slot
    def open_row(self, proxy_index: QModelIndex) -> None:
        """Double-click: the report opens in the editor; saving it there reads its row again."""
        if proxy_index.column() == 1:
            return  # the level is edited in place
        index = self._row_at(proxy_index)
        row = self.model.rows[index]
        if self.editor.open_path(Path(row.path)):
            self._editing = index
            self.editor.raise_()
            self.editor.activateWindow()

    @slot
    def _editor_saved(self) -> None:
        document = self.editor.document
        if self._editing is None or document.dirty or document.path is None:
            return
        from gipr_desktop.io.batch_read import read_row

        index, self._editing = self._editing, None
        old = self.model.rows[index]
        row = read_row(document.path, old.previous_path or None)
        row.level = old.level if row.unit == old.unit else row.level
        row.previous_figures = old.previous_figures
        self.model.replace_row(index, row)
        self.issues = review_batch(self.model.rows, self.result.previous if self.result else ())
        self._sum_stale = True
        self._say_summary()

    # --- the sum and the exports ---------------------------------------------------------------------

    def _chosen_rows(self) -> list[BodyRow]:
        chosen = {self._row_at(i) for i in self.table.selectionModel().selectedRows()}
        rows = [self.model.rows[i] for i in sorted(chosen)] if chosen else list(self.model.rows)
        return [row for row in rows if row.readable]

    @slot
    def aggregate_selected(self) -> None:
        """汇总所选 (or all, when none is selected): the district's report, opened in the editor."""
        rows = self._chosen_rows()
        if not rows:
            self.context.dialogs.error(self, "无法汇总", "没有可以汇总的报告：请先添加报告，并选择要汇总的行")
            return
        try:
            summed = aggregate_rows(rows)
        except ValueError as exc:  # MixedFormats names the odd ones
            self.context.dialogs.error(self, "无法汇总", str(exc))
            return
        if self.editor.show_new_report(summed.report, "汇总",
                                       f"已将 {len(summed.bodies)} 个机关的报告逐项相加，以下各项请核对：", summed.notes):
            self.editor.raise_()

    @slot
    def export_workbook(self) -> None:
        from gipr_desktop.io.errors import WriteError
        from gipr_desktop.io.review_workbook import Review, write

        if not self.model.rows:
            return
        year = batch_year(self.model.rows)
        path = self.context.dialogs.save_path(self, "导出审核工作簿", "Excel 工作簿 (*.xlsx)",
                                              str(Path.home() / f"{year or ''}年度报告审核.xlsx"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        if self._sum_stale:
            self.read_all()  # the batch's own sum (a body reporting twice counted once), as gipr batch writes it
        if self.result is None or self._sum_stale:
            return  # the reading was cancelled: nothing is written from an outdated sum
        result = self.result
        title = f"{year}年度政府信息公开工作年度报告审核" if year else "政府信息公开工作年度报告审核"
        try:
            write(Review(self.model.rows, self.issues, result.aggregate, result.aggregate_refused, bool(self.previous),
                         title=title, excluded=result.excluded), path)
        except WriteError as exc:
            self.context.dialogs.error(self, "导出失败", str(exc))
            return
        self.statusBar().showMessage(f"已导出审核工作簿「{path}」", 8000)

    @slot
    def export_feedback(self) -> None:
        from gipr_desktop.io.errors import WriteError
        from gipr_desktop.io.feedback import write_feedback_files

        folder = self.context.dialogs.folder_path(self, "选择审核意见要放的文件夹", "")
        if not folder:
            return
        try:
            written = write_feedback_files([row for row in self.model.rows if row.readable], folder)
        except WriteError as exc:
            self.context.dialogs.error(self, "导出失败", str(exc))
            return
        self.statusBar().showMessage(f"已在「{folder}」写出 {len(written)} 份审核意见", 8000)

