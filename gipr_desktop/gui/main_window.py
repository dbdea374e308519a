"""The main window: one report open, its tables, text and metadata in tabs, findings beside them.

File actions go through ``io.registry`` only, so every importer and exporter listed there appears
in the open and export dialogs without a change here. Every failure reaches the user as a Chinese
message box (through ``context.dialogs``), never as a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from gipr_desktop.core.checks import ERROR, INFO, WARNING, Finding
from gipr_desktop.core.convert import convert_report
from gipr_desktop.core.report import Report
from gipr_desktop.core.rollover import rollover
from gipr_desktop.core.schema import format_for_year
from gipr_desktop.gui.autosave import Autosave, Recovery, RecoveryCopy, abandoned_copies
from gipr_desktop.gui.commands import ReplaceReportCommand
from gipr_desktop.gui.context import Context, create_context
from gipr_desktop.gui.dialogs import CANCEL, SAVE
from gipr_desktop.gui.findings_panel import FindingsPanel
from gipr_desktop.gui.grid_view import TableGrid
from gipr_desktop.gui.metadata_form import MetadataForm
from gipr_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from gipr_desktop.gui.sections_editor import SectionsEditor
from gipr_desktop.gui.table_model import TableModel
from gipr_desktop.io.errors import ReadError, WriteError
from gipr_desktop.io.registry import describe, read_report, readable_extensions, writable_extensions, write_report
from gipr_desktop.paths import resource

log = logging.getLogger(__name__)
APP_NAME = "政府信息公开年报"
PROJECT_EXT = ".gipr"
MAX_RECENT = 8
MAX_NOTES_SHOWN = 30


def _filters(extensions: list[str]) -> str:
    every = " ".join(f"*{ext}" for ext in extensions)
    return ";;".join([f"所有支持的文件 ({every})"] + [f"{describe(ext)} (*{ext})" for ext in extensions])


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, context: Context, autosave_interval_ms: int | None = None) -> None:
        super().__init__()
        self.context = context
        self.document = context.document
        self.recovery = Recovery(context.data_dir)
        self.autosave = Autosave(self.document, self.recovery, autosave_interval_ms or 60_000)
        self.restored_windows: list[MainWindow] = []  # the further reports restored after a crash
        self.models: dict[str, TableModel] = {}
        self.grids: dict[str, TableGrid] = {}
        self.tabs = QtWidgets.QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.metadata_form = MetadataForm(context, self)
        self.metadata_form.format_requested.connect(self.change_format)
        self.sections_editor = SectionsEditor(context, self)
        self.findings_panel = FindingsPanel(self.document, self)
        self.findings_panel.finding_chosen.connect(self.go_to_finding)
        dock = QtWidgets.QDockWidget("检查结果", self)
        dock.setObjectName("findings")
        dock.setWidget(self.findings_panel)
        dock.setFeatures(QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.findings_dock = dock
        self.count_label = QtWidgets.QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_tabs()
        self._build_menus()
        self.document.findings_changed.connect(self._show_counts)
        self.document.state_changed.connect(self._update_title)
        self.document.metadata_changed.connect(self._update_title)
        self.document.report_replaced.connect(self._update_title)
        self._show_counts()
        self._update_title()
        self.resize(1280, 860)
        self.resizeDocks([dock], [170], Qt.Orientation.Vertical)
        if context.settings.contains("geometry"):
            self.restoreGeometry(context.settings.value("geometry"))

    # --- building ---------------------------------------------------------------------------------

    def _build_tabs(self) -> None:
        schema = self.document.report.schema
        self.tabs.addTab(self.metadata_form, "基本信息")
        for table in schema.tables:
            model = TableModel(self.context, table.id, self)
            model.input_rejected.connect(self._input_rejected)
            grid = TableGrid(model, self)
            grid.body.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.models[table.id] = model
            self.grids[table.id] = grid
            self.tabs.addTab(grid, f"表：{schema.section(table.section).title}")
        self.tabs.addTab(self.sections_editor, "正文（六个部分）")

    def _action(self, menu: QtWidgets.QMenu, text: str, slot, shortcut=None) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QtGui.QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("文件(&F)")
        self._action(file_menu, "新建(&N)…", self.new_report, keys.New)
        self._action(file_menu, "打开(&O)…", self.open_dialog, keys.Open)
        self._action(file_menu, "以上年报告为基础新建(&L)…", self.rollover_dialog)
        self.recent_menu = file_menu.addMenu("最近打开(&R)")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._action(file_menu, "保存(&S)", self.save, keys.Save)
        self._action(file_menu, "另存为(&A)…", self.save_as, keys.SaveAs)
        self._action(file_menu, "导出(&E)…", self.export)
        file_menu.addSeparator()
        self._action(file_menu, "退出(&X)", self.close, keys.Quit)
        edit_menu = self.menuBar().addMenu("编辑(&E)")
        undo = self.context.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(keys.Undo)
        redo = self.context.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(keys.Redo)
        edit_menu.addActions([undo, redo])
        view_menu = self.menuBar().addMenu("视图(&V)")
        view_menu.addAction(self.findings_dock.toggleViewAction())

    # --- status -----------------------------------------------------------------------------------

    def _show_counts(self) -> None:
        counts = self.document.counts()
        self.count_label.setText(f"错误 {counts[ERROR]} 个 · 警告 {counts[WARNING]} 个 · 提示 {counts[INFO]} 个")

    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else "未保存"
        self.setWindowTitle(f"{self.document.report.title} — {name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.dirty)

    def _input_rejected(self, message: str) -> None:
        self.statusBar().showMessage(f"未填入：{message}", 8000)

    # --- findings ---------------------------------------------------------------------------------

    def go_to_finding(self, finding: Finding) -> None:
        """Show the cells of a finding (selected, in their table's tab) or its section or field."""
        if finding.cells:
            table_id = finding.cells[0].table
            grid = self.grids[table_id]
            self.tabs.setCurrentWidget(grid)
            grid.body.select_refs([ref for ref in finding.cells if ref.table == table_id])
        elif finding.section:
            self.tabs.setCurrentWidget(self.sections_editor)
            self.sections_editor.show_section(finding.section)
            self.sections_editor.editor.setFocus()
        else:
            self.tabs.setCurrentWidget(self.metadata_form)

    # --- files ------------------------------------------------------------------------------------

    def start(self, paths: list[str]) -> None:
        """What the window shows first: the recovery copies of windows that ended without saving
        (each one asked about; the first restored here, any further in a window of its own), a file
        named on the command line, the most recent file, or (on first start) the bundled sample."""
        copies = abandoned_copies(self.context.data_dir)
        restore = []
        for number, copy in enumerate(copies, 1):
            if self.context.dialogs.ask(self, "恢复未保存的修改", copy.question(number, len(copies))):
                restore.append(copy)
            else:
                copy.discard()
        if restore:
            self._restore(restore[0])
            self.restored_windows += [self._restore_in_new_window(copy) for copy in restore[1:]]
            return
        recent = [p for p in self.recent_files() if Path(p).exists()]
        candidates = paths or recent[:1]
        if candidates and self.open_path(Path(candidates[0])):
            return
        self.open_path(resource("sample.gipr"), remember=False, as_template=True)

    def _restore(self, copy: RecoveryCopy) -> None:
        self._show_report(copy.report, copy.source)
        self.context.undo_stack.resetClean()
        self.document.set_dirty(True)
        self.recovery.adopt(copy)

    def _restore_in_new_window(self, copy: RecoveryCopy) -> MainWindow:
        context = create_context(self.context.settings, self.context.data_dir, self.context.dialogs)
        window = MainWindow(context, self.autosave.timer.interval())
        window._restore(copy)
        window.move(self.pos() + QtCore.QPoint(40, 40))
        window.show()
        return window

    def _show_report(self, report: Report, path: Path | None) -> None:
        self.context.undo_stack.clear()
        self.document.replace_report(report)
        self.document.set_path(path)
        self.context.undo_stack.setClean()
        self.document.set_dirty(False)

    def _may_discard(self) -> bool:
        """True when there are no unsaved changes or the user saved or dropped them."""
        if not self.document.dirty:
            return True
        answer = self.context.dialogs.ask_save(self, f"「{self.document.report.title}」有尚未保存的修改，是否保存？")
        if answer == CANCEL:
            return False
        if answer == SAVE:
            return self.save()
        return True

    def new_report(self) -> None:
        if not self._may_discard():
            return
        default = (self.document.report.year or QtCore.QDate.currentDate().year() - 1) + 1
        year = self.context.dialogs.new_report_year(self, min(default, QtCore.QDate.currentDate().year()))
        if year is None:
            return
        report = Report(format=format_for_year(year), unit=self.document.report.unit, year=year)
        self._show_report(report, None)
        self.recovery.remove()

    def open_dialog(self) -> None:
        if not self._may_discard():
            return
        path = self.context.dialogs.open_path(self, "打开报告", _filters(readable_extensions()))
        if path:
            self.open_path(Path(path), ask=False)

    def open_path(self, path: Path, remember: bool = True, as_template: bool = False, ask: bool = True) -> bool:
        """Open any readable file; a non-project file (or the sample) opens as a new, unsaved report."""
        if ask and not self._may_discard():
            return False
        try:
            result = read_report(path)
        except ReadError as exc:
            self.context.dialogs.error(self, "无法打开文件", str(exc))
            return False
        own_file = path.suffix.lower() == PROJECT_EXT and not as_template
        self._show_report(result.report, path if own_file else None)
        self.recovery.remove()
        if remember:
            self._remember(path)
        self._show_notes("导入说明", f"从「{path.name}」导入时有以下情况，请核对：", result.notes)
        self.statusBar().showMessage(f"已打开「{path.name}」", 5000)
        return True

    def _show_notes(self, title: str, intro: str, notes) -> None:
        if not notes:
            return
        lines = [f"· {note.message}" for note in notes[:MAX_NOTES_SHOWN]]
        if len(notes) > MAX_NOTES_SHOWN:
            lines.append(f"……共 {len(notes)} 条")
        self.context.dialogs.info(self, title, intro + "\n\n" + "\n".join(lines))

    def rollover_dialog(self) -> None:
        """以上年报告为基础新建: last year's report (any readable file) becomes this year's, unsaved."""
        if not self._may_discard():
            return
        path = self.context.dialogs.open_path(self, "选择上年度报告", _filters(readable_extensions()))
        if not path:
            return
        try:
            last_year = read_report(Path(path)).report
        except ReadError as exc:
            self.context.dialogs.error(self, "无法打开上年度报告", str(exc))
            return
        if last_year.year is None:
            self.context.dialogs.error(self, "无法新建", f"「{Path(path).name}」中没有报告年度，请先打开它补填年度")
            return
        report, notes = rollover(last_year)
        self._show_report(report, None)
        self.document.set_dirty(True)
        self.recovery.remove()
        self._show_notes("以上年报告为基础新建",
                         f"已根据{last_year.year}年度报告新建{report.year}年度报告。"
                         "上年结转已按上年「结转下年度继续办理」填入，其余数字留空待填；各部分正文标为「待更新」。", notes)
        self.statusBar().showMessage(f"已新建{report.year}年度报告（基于「{Path(path).name}」）", 5000)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = str(self.document.path or Path.home() / f"{self.document.report.title}{PROJECT_EXT}")
        path = self.context.dialogs.save_path(self, "保存报告", _filters([PROJECT_EXT]), suggested)
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != PROJECT_EXT:
            path = path.with_name(path.name + PROJECT_EXT)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            write_report(self.document.report, path)
        except WriteError as exc:
            self.context.dialogs.error(self, "保存失败", str(exc))
            return False
        self.document.set_path(path)
        self.context.undo_stack.setClean()
        self.document.set_dirty(False)
        self.recovery.remove()
        self._remember(path)
        self.statusBar().showMessage(f"已保存到「{path}」", 5000)
        return True

    def export(self) -> None:
        extensions = [ext for ext in writable_extensions() if ext != PROJECT_EXT] or writable_extensions()
        base = self.document.path.with_suffix("") if self.document.path else Path.home() / self.document.report.title
        path = self.context.dialogs.save_path(self, "导出", _filters(extensions), str(base) + extensions[0])
        if not path:
            return
        try:
            write_report(self.document.report, path)
        except WriteError as exc:
            self.context.dialogs.error(self, "导出失败", str(exc))
            return
        self.statusBar().showMessage(f"已导出到「{path}」", 5000)

    def change_format(self, format_id: str) -> None:
        conversion = convert_report(self.document.report, format_id)
        if conversion.lost and not self.context.dialogs.ask(
            self, "更改报告格式", conversion.summary().replace("未能保留", "将不能保留") + "\n\n仍要更改格式吗？（可以撤销）"
        ):
            return
        self.context.push(ReplaceReportCommand(self.document, conversion.report, "更改报告格式"))
        self.context.dialogs.info(self, "报告格式已更改", conversion.summary())

    # --- recent files and closing -----------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.context.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in value or []]

    def _remember(self, path: Path) -> None:
        path_text = str(Path(path).resolve())
        files = [path_text] + [p for p in self.recent_files() if p != path_text]
        self.context.settings.setValue("recent_files", files[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)
        for path in files:
            self.recent_menu.addAction(path, lambda p=path: self.open_path(Path(p)))

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.context.settings.setValue("geometry", self.saveGeometry())
        self.autosave.timer.stop()
        self.recovery.remove()
        event.accept()
