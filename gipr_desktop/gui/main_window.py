"""The main window: one report open, its tables, text and metadata in tabs, findings beside them.

File actions go through ``io.registry`` only, so every importer and exporter listed there appears
in the open and export dialogs without a change here. Every failure reaches the user as a Chinese
message box (through ``context.dialogs``), never as a traceback.
"""

from __future__ import annotations

import functools
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
from gipr_desktop.gui.exports import Exports
from gipr_desktop.gui.findings_panel import FindingsPanel
from gipr_desktop.gui import guard
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.grid_view import TableGrid
from gipr_desktop.gui.metadata_form import MetadataForm
from gipr_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from gipr_desktop.gui.sections_editor import SectionsEditor
from gipr_desktop.gui.table_model import TableModel
from gipr_desktop.gui.operations import Cancelled, run_in_background
from gipr_desktop.io.errors import ImportResult, ReadError, WriteError
from gipr_desktop.io.registry import describe, read_report, readable_extensions, write_report
from gipr_desktop.paths import resource

log = logging.getLogger(__name__)
APP_NAME = "政府信息公开年报"
LOG_NAME = "gipr-desktop.log"
PROJECT_EXT = ".gipr"
MAX_RECENT = 8
PREFERRED_SIZE = (1280, 860)
MAX_NOTES_SHOWN = 30


def _filters(extensions: list[str]) -> str:
    every = " ".join(f"*{ext}" for ext in extensions)
    return ";;".join([f"所有支持的文件 ({every})"] + [f"{describe(ext)} (*{ext})" for ext in extensions])


class MainWindow(Guarded, QtWidgets.QMainWindow):
    def __init__(self, context: Context, autosave_interval_ms: int | None = None) -> None:
        super().__init__()
        self.context = context
        self.document = context.document
        self.exports = Exports(context)
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
        self.sections_editor.message.connect(self._say)
        self.metadata_form.message.connect(self._say)
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
        self._errors: list[BaseException] = []
        guard.add_handler(self._unexpected_error)
        self.fit_screen()
        self.resizeDocks([dock], [170], Qt.Orientation.Vertical)

    def fit_screen(self) -> None:
        """The size last used on this screen, else the preferred size shrunk to the screen's free area
        (a 1366×768 screen at 100 %, a 1080p one at 150 %: the status bar stays in view)."""
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QtCore.QRect(0, 0, *PREFERRED_SIZE)
        key = f"geometry/{area.width()}x{area.height()}"
        if self.context.settings.contains(key) and self.restoreGeometry(self.context.settings.value(key)) \
                and area.contains(self.frameGeometry()):
            return
        frame = 40  # title bar and borders, which the window's own size leaves out
        self.resize(min(PREFERRED_SIZE[0], area.width() - 16), min(PREFERRED_SIZE[1], area.height() - frame))
        self.move(area.center() - self.rect().center())

    def remember_geometry(self) -> None:
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.context.settings.setValue(f"geometry/{area.width()}x{area.height()}", self.saveGeometry())

    # --- building ---------------------------------------------------------------------------------

    def _build_tabs(self) -> None:
        schema = self.document.report.schema
        self.tabs.addTab(self.metadata_form, "基本信息")
        for table in schema.tables:
            model = TableModel(self.context, table.id, self)
            model.input_rejected.connect(self._input_rejected)
            grid = TableGrid(model, self)
            grid.body.message.connect(self._say)
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
        self._action(file_menu, "导出 PDF(&D)…", self.export_pdf)
        self._action(file_menu, "导出报送文件(&B)…", self.export_submission)
        file_menu.addSeparator()
        self._action(file_menu, "打印(&P)…", self.print_report, keys.Print)
        self._action(file_menu, "打印预览(&V)…", self.print_preview)
        file_menu.addSeparator()
        self._action(file_menu, "退出(&X)", self.close, keys.Quit)
        edit_menu = self.menuBar().addMenu("编辑(&E)")
        stack = self.context.undo_stack
        undo = self._action(edit_menu, "撤销", self.undo, keys.Undo)
        redo = self._action(edit_menu, "重做", self.redo)
        for action, can, text, verb in ((undo, stack.canUndo, stack.undoText, "撤销"),
                                        (redo, stack.canRedo, stack.redoText, "重做")):
            action.setEnabled(can())
            action.setData(verb)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(functools.partial(self._name_step, undo))
        stack.redoTextChanged.connect(functools.partial(self._name_step, redo))
        ctrl_y = QtGui.QKeySequence("Ctrl+Y")  # as in WPS and Excel, whatever the platform's own redo key
        redo.setShortcuts([ctrl_y] + [key for key in QtGui.QKeySequence.keyBindings(keys.Redo) if key != ctrl_y])
        view_menu = self.menuBar().addMenu("视图(&V)")
        view_menu.addAction(self.findings_dock.toggleViewAction())

    # --- undo and redo ----------------------------------------------------------------------------

    @slot
    def undo(self) -> None:
        self._step(self.context.undo_stack.undo, "已撤销")

    @slot
    def redo(self) -> None:
        self._step(self.context.undo_stack.redo, "已重做")

    def _step(self, move, verb: str) -> None:
        """Undo or redo one step, then show where it acted (its tab, its cells) and say what it did:
        a step in a tab the user is not looking at must not change the report unseen."""
        stack = self.context.undo_stack
        before = stack.index()
        move()
        if stack.index() == before:
            return
        command = stack.command(min(before, stack.index()))  # the step undone, or the step redone
        if command is None:
            return
        kind, target = command.where()
        if kind == "cells":
            refs = [ref for ref in target if ref.table in self.grids]
            if refs:
                self.tabs.setCurrentWidget(self.grids[refs[0].table])
                self.grids[refs[0].table].body.select_refs([ref for ref in refs if ref.table == refs[0].table])
        elif kind == "section":
            self.tabs.setCurrentWidget(self.sections_editor)
            self.sections_editor.show_section(target)
        else:
            self.tabs.setCurrentWidget(self.metadata_form)
        self._say(f"{verb}：{command.text()}")

    @slot
    def _name_step(self, action: QtGui.QAction, text: str) -> None:
        action.setText(f"{action.data()}「{text}」" if text else action.data())

    # --- status -----------------------------------------------------------------------------------

    @slot
    def _show_counts(self) -> None:
        counts = self.document.counts()
        self.count_label.setText(f"错误 {counts[ERROR]} 个 · 警告 {counts[WARNING]} 个 · 提示 {counts[INFO]} 个")

    @slot
    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else "未保存"
        self.setWindowTitle(f"{self.document.report.title} — {name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.dirty)

    @slot
    def _input_rejected(self, message: str) -> None:
        self._say(f"未填入：{message}")

    @slot
    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _unexpected_error(self, exc: BaseException) -> None:
        """A guarded callback failed: tell the user once the failed call has returned to the event loop
        (a dialog opened inside Qt's own call is what used to take the window down)."""
        if not self._errors:
            QtCore.QTimer.singleShot(0, self._show_errors)
        self._errors.append(exc)

    @slot
    def _show_errors(self) -> None:
        errors, self._errors = self._errors, []
        if not errors:
            return
        more = f"（同时发生 {len(errors)} 次）" if len(errors) > 1 else ""
        try:
            self.context.dialogs.error(
                self, "程序出错",
                f"程序遇到意外错误{more}，刚才的操作没有完成，报告保持操作之前的样子。"
                "请先保存，再继续操作。\n\n"
                f"错误：{type(errors[-1]).__name__}: {errors[-1]}\n详细记录已写入日志：{self.context.data_dir / LOG_NAME}")
        except Exception:  # nothing more can be done than the log
            logging.getLogger(__name__).exception("showing an error failed")

    # --- findings ---------------------------------------------------------------------------------

    @slot
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

    @slot
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

    @slot
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
        result = self._read(path, "无法打开文件")
        if result is None:
            return False
        own_file = path.suffix.lower() == PROJECT_EXT and not as_template
        self._show_report(result.report, path if own_file else None)
        self.recovery.remove()
        if remember:
            self._remember(path)
        self._show_notes("导入说明", f"从「{path.name}」导入时有以下情况，请核对：", result.notes)
        self.statusBar().showMessage(f"已打开「{path.name}」", 5000)
        return True

    def _read(self, path: Path, failure_title: str) -> ImportResult | None:
        """Read ``path`` off the UI thread (a progress dialog with 取消 after a moment); None when it
        could not be read (the user is told why) or the user cancelled."""
        try:
            return run_in_background(self, f"正在读取「{path.name}」……", read_report, path)
        except Cancelled:
            self._say(f"已取消读取「{path.name}」，报告没有改变")
        except ReadError as exc:
            self.context.dialogs.error(self, failure_title, str(exc))
        return None

    def _show_notes(self, title: str, intro: str, notes) -> None:
        if not notes:
            return
        lines = [f"· {note.message}" for note in notes[:MAX_NOTES_SHOWN]]
        if len(notes) > MAX_NOTES_SHOWN:
            lines.append(f"……共 {len(notes)} 条")
        self.context.dialogs.info(self, title, intro + "\n\n" + "\n".join(lines))

    @slot
    def rollover_dialog(self) -> None:
        """以上年报告为基础新建: last year's report (any readable file) becomes this year's, unsaved."""
        if not self._may_discard():
            return
        path = self.context.dialogs.open_path(self, "选择上年度报告", _filters(readable_extensions()))
        if not path:
            return
        result = self._read(Path(path), "无法打开上年度报告")
        if result is None:
            return
        last_year = result.report
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

    @slot
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    @slot
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

    @slot
    def export(self) -> None:
        self._exported(self.exports.export_file(self))

    @slot
    def export_pdf(self) -> None:
        self._exported(self.exports.export_file(self, [".pdf"], "导出 PDF"))

    def _exported(self, path: Path | None) -> None:
        if path is not None:
            self.statusBar().showMessage(f"已导出到「{path}」", 5000)

    @slot
    def export_submission(self) -> None:
        if self.exports.export_submission(self):
            self._say("已导出报送文件")

    def _table_in_view(self) -> str | None:
        return next((table_id for table_id, grid in self.grids.items() if grid is self.tabs.currentWidget()), None)

    @slot
    def print_report(self) -> None:
        if self.exports.print_pages(self, self._table_in_view()):
            self._say("已发送到打印机")

    @slot
    def print_preview(self) -> None:
        self.exports.preview(self, self._table_in_view())

    @slot
    def change_format(self, format_id: str) -> None:
        conversion = convert_report(self.document.report, format_id)
        if conversion.lost and not self.context.dialogs.ask(
            self, "更改报告格式", conversion.question()
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

    @slot
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)
        for path in files:
            self.recent_menu.addAction(path, functools.partial(self.open_recent, path))

    @slot
    def open_recent(self, path: str) -> None:
        self.open_path(Path(path))

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.remember_geometry()
        self.autosave.timer.stop()
        self.recovery.remove()
        event.accept()
