"""The main window: one report open, its tables, text and metadata in tabs, findings beside them.

File actions go through ``io.registry`` only, so every importer and exporter listed there appears
in the open and export dialogs without a change here. Every failure reaches the user as a Chinese
message box (through ``context.dialogs``), never as a traceback.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from gipr_desktop import __version__
from gipr_desktop.core.checks import ERROR, INFO, WARNING, Finding
from gipr_desktop.core.convert import convert_report
from gipr_desktop.core.drafting import drafts
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import formats
from gipr_desktop.core.search import find
from gipr_desktop.gui import guard
from gipr_desktop.gui.autosave import Autosave, Recovery, RecoveryCopy, abandoned_copies
from gipr_desktop.gui.commands import ReplaceReportCommand, SetSectionTextCommand
from gipr_desktop.gui.context import Context, create_context
from gipr_desktop.gui.exports import Exports
from gipr_desktop.gui.files import Files
from gipr_desktop.gui.findings_panel import FindingsPanel
from gipr_desktop.gui.grid_view import TableGrid
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.help_panel import USAGE, HelpPanel
from gipr_desktop.gui.metadata_form import MetadataForm
from gipr_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from gipr_desktop.gui.sections_editor import SectionsEditor
from gipr_desktop.gui.table_model import TableModel
from gipr_desktop.paths import resource

log = logging.getLogger(__name__)
APP_NAME = "政府信息公开年报"
LOG_NAME = "gipr-desktop.log"
ZOOM_STEP = 0.1  # each step of 放大/缩小
PREFERRED_SIZE = (1280, 860)


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
        self.named_actions: dict[str, QtGui.QAction] = {}
        self.files = Files(context, self.recovery, self._say)
        self._matches: list = []
        self._match_index = -1
        self.zoom_level = 0
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
        self.help_panel = HelpPanel(self.document, self)
        help_dock = QtWidgets.QDockWidget("填写说明", self)
        help_dock.setObjectName("help")
        help_dock.setWidget(self.help_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, help_dock)
        self.help_dock = help_dock
        self.count_label = QtWidgets.QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_tabs()
        self._build_menus()
        self._build_toolbar()
        self.document.findings_changed.connect(self._show_counts)
        self.document.state_changed.connect(self._update_title)
        self.document.metadata_changed.connect(self._update_title)
        self.document.report_replaced.connect(self._update_title)
        self._show_counts()
        self._update_title()
        self._errors: list[BaseException] = []
        guard.add_handler(self._unexpected_error)
        self.fit_screen()
        if context.settings.contains("zoom"):
            self.set_zoom(int(context.settings.value("zoom", 0)))
        self.resizeDocks([dock], [170], Qt.Orientation.Vertical)
        self.resizeDocks([self.help_dock], [250], Qt.Orientation.Horizontal)

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
            grid.body.cell_chosen.connect(self.help_panel.show_cell)
            grid.body.zoom_requested.connect(self.zoom_by)
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
        self.named_actions[getattr(slot, "__name__", text)] = action
        return action

    def _build_toolbar(self) -> None:
        """The main actions where office users look for them, and the find box (Ctrl+F)."""
        bar = self.addToolBar("常用")
        bar.setObjectName("toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("new_report", "open_dialog", "save", "export", None, "undo", "redo", None):
            if name is None:
                bar.addSeparator()
            elif name in self.named_actions:
                bar.addAction(self.named_actions[name])
        self.find_box = QtWidgets.QLineEdit(bar)
        self.find_box.setPlaceholderText("查找正文和表格项目（Ctrl+F）")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setMaximumWidth(260)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.textChanged.connect(self._find_changed)
        bar.addWidget(self.find_box)
        find = QtGui.QAction("查找(&F)…", self)
        find.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Find))
        find.triggered.connect(self.focus_find)
        self.addAction(find)
        self.named_actions["focus_find"] = find

    def _build_menus(self) -> None:
        keys = QtGui.QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("文件(&F)")
        self._action(file_menu, "新建(&N)…", self.new_report, keys.New)
        self._action(file_menu, "打开(&O)…", self.open_dialog, keys.Open)
        self._action(file_menu, "以上年报告为基础新建(&L)…", self.rollover_dialog)
        self._action(file_menu, "附上上年报告(&P)…", self.attach_previous_dialog)
        self._action(file_menu, "汇总审核(&B)…", self.open_review_workspace)
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
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        edit_menu.addSeparator()
        self._action(edit_menu, "生成数据说明(&D)…", self.draft_texts)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._name_undo)  # bound methods: gone with the window
        stack.redoTextChanged.connect(self._name_redo)
        ctrl_y = QtGui.QKeySequence("Ctrl+Y")  # as in WPS and Excel, whatever the platform's own redo key
        redo.setShortcuts([ctrl_y] + [key for key in QtGui.QKeySequence.keyBindings(keys.Redo) if key != ctrl_y])
        view_menu = self.menuBar().addMenu("视图(&V)")
        view_menu.addAction(self.findings_dock.toggleViewAction())
        self.last_year_action = self._action(view_menu, "显示上年数(&Y)", self.show_last_year)
        self.last_year_action.setCheckable(True)
        self._action(view_menu, "本年与上年对照(&C)…", self.open_comparison)
        self.document.previous_changed.connect(self._follow_previous)
        self.document.report_replaced.connect(self._follow_previous)
        self._follow_previous()
        view_menu.addSeparator()
        self._action(view_menu, "放大(&+)", self.zoom_in, QtGui.QKeySequence.StandardKey.ZoomIn)
        self._action(view_menu, "缩小(&-)", self.zoom_out, QtGui.QKeySequence.StandardKey.ZoomOut)
        self._action(view_menu, "实际大小(&0)", self.zoom_reset, "Ctrl+0")
        help_menu = self.menuBar().addMenu("帮助(&H)")
        help_action = self.help_dock.toggleViewAction()
        help_action.setText("填写说明(&N)")
        help_action.setShortcut(QtGui.QKeySequence(keys.HelpContents))
        help_menu.addAction(help_action)
        self._action(help_menu, "使用说明(&U)…", self.show_usage)
        self._action(help_menu, "关于(&A)…", self.show_about)

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
        done = command.text()
        while not hasattr(command, "where") and command.childCount():  # a macro: where its first step acted
            command = command.child(0)
        if not hasattr(command, "where"):
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
        self._say(f"{verb}：{done}")

    @slot
    def _name_undo(self, text: str) -> None:
        self.named_actions["undo"].setText(f"撤销「{text}」" if text else "撤销")

    @slot
    def _name_redo(self, text: str) -> None:
        self.named_actions["redo"].setText(f"重做「{text}」" if text else "重做")

    # --- drafted sentences --------------------------------------------------------------------------

    @slot
    def draft_texts(self) -> None:
        """生成数据说明: the standard sentences of 二、三、四 from the tables, inserted as the user chose
        (one undo step), at the end of each section's text."""
        report = self.document.report
        found = drafts(report)
        if not found:
            self._say("表格中还没有数字，无法生成数据说明")
            return
        chosen = self.context.dialogs.choose_drafts(
            self, [(d.section, report.schema.section(d.section).title, d.text) for d in found])
        if not chosen:
            return
        stack = self.context.undo_stack
        stack.beginMacro("插入数据说明")
        for section_id, text in chosen:
            old = report.sections.get(section_id, "")
            combined = f"{old.rstrip()}\n{text}" if old.strip() else text
            stack.push(SetSectionTextCommand(self.document, section_id, combined))
        stack.endMacro()
        missing = sorted({name for d in found for name in d.missing})
        self._say(f"已插入 {len(chosen)} 段数据说明" + (f"；表格中尚未填写：{'、'.join(missing[:5])}" if missing else ""))

    # --- find and zoom ------------------------------------------------------------------------------

    @slot
    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    @slot
    def _find_changed(self) -> None:
        self._matches, self._match_index = [], -1

    @slot
    def find_next(self) -> None:
        """Go to the next place the find box's words stand (wrapping round), and say which of how many."""
        words = self.find_box.text()
        if not self._matches:
            shown = {table_id: model for table_id, model in self.models.items()}
            self._matches = [m for m in find(self.document.report, words)
                             if m.kind != "row" or shown[m.ref.table].has_ref(m.ref)]
            self._match_index = -1
        if not self._matches:
            self._say(f"没有找到「{words.strip()}」" if words.strip() else "请输入要查找的文字")
            return
        self._match_index = (self._match_index + 1) % len(self._matches)
        match = self._matches[self._match_index]
        if match.kind == "row":
            self.tabs.setCurrentWidget(self.grids[match.ref.table])
            self.grids[match.ref.table].body.select_refs([match.ref])
        else:
            if match.kind == "section":
                self.tabs.setCurrentWidget(self.sections_editor)
                self.sections_editor.show_section(match.section)
                editor = self.sections_editor.editor
            else:
                self.tabs.setCurrentWidget(self.metadata_form)
                editor = self.metadata_form.preamble
            cursor = editor.textCursor()
            cursor.setPosition(match.start)
            cursor.setPosition(match.start + match.length, QtGui.QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
        self._say(f"第 {self._match_index + 1} 处，共 {len(self._matches)} 处：{match.label}")

    @slot
    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self.zoom_level + steps)

    @slot
    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_level + 1)

    @slot
    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_level - 1)

    @slot
    def zoom_reset(self) -> None:
        self.set_zoom(0)

    @slot
    def set_zoom(self, level: int) -> None:
        """Larger or smaller tables and texts (Ctrl+滚轮, Ctrl+加号/减号), 50 % to 200 %, remembered."""
        self.zoom_level = max(-5, min(10, level))
        factor = 1 + ZOOM_STEP * self.zoom_level
        font = QtGui.QFont(QtWidgets.QApplication.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        for grid in self.grids.values():
            grid.set_scale(factor, font)
        for editor in (self.sections_editor.editor, self.metadata_form.preamble):
            editor.setFont(font)
        self.context.settings.setValue("zoom", self.zoom_level)
        self._say(f"显示比例 {round(factor * 100)}%")

    # --- help ---------------------------------------------------------------------------------------

    @slot
    def show_usage(self) -> None:
        self.context.dialogs.info(self, "使用说明", USAGE)

    @slot
    def show_about(self) -> None:
        formats_text = "、".join(f"{fmt.name}（{fmt.notice}）" for fmt in formats().values())
        self.context.dialogs.info(self, f"关于{APP_NAME}",
                                  f"{APP_NAME} {__version__}\n\n填写、检查、导入和导出政府信息公开工作年度报告。\n"
                                  f"支持的报告格式：{formats_text}。")

    # --- last year ----------------------------------------------------------------------------------

    @slot
    def show_last_year(self) -> None:
        """显示上年数 (as the menu item is ticked): each cell shows last year's value and the change
        on a second line."""
        shown = self.last_year_action.isChecked()
        self.context.show_last_year = shown and self.document.report.previous is not None
        for table_id, model in self.models.items():
            model.refresh_values()
            self.grids[table_id].body.resizeRowsToContents()

    @slot
    def _follow_previous(self) -> None:
        known = self.document.report.previous is not None
        self.last_year_action.setEnabled(known)
        if not known and self.last_year_action.isChecked():
            self.last_year_action.setChecked(False)
            self.show_last_year()

    @slot
    def open_comparison(self) -> None:
        from gipr_desktop.gui.comparison_view import ComparisonView

        self.comparison = ComparisonView(self.document, self)
        self.comparison.show()

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
        recent = [p for p in self.files.recent_files() if Path(p).exists()]
        candidates = paths or recent[:1]
        if candidates and self.open_path(Path(candidates[0])):
            return
        self.open_path(resource("sample.gipr"), remember=False, as_template=True)

    def _restore(self, copy: RecoveryCopy) -> None:
        self.files.show_report(copy.report, copy.source)
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

    @slot
    def open_review_workspace(self) -> None:
        """汇总审核: a district office's review of all its bodies' reports, in a window of its own."""
        from gipr_desktop.gui.review_workspace import ReviewWorkspace

        if getattr(self, "review_workspace", None) is None:
            self.review_workspace = ReviewWorkspace(self)
        self.review_workspace.show()
        self.review_workspace.raise_()

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

    # --- files: the menu's slots, the work in ``gui.files`` -----------------------------------------

    @slot
    def new_report(self) -> None:
        self.files.new_report(self)

    @slot
    def open_dialog(self) -> None:
        self.files.open_dialog(self)

    def open_path(self, path: Path, remember: bool = True, as_template: bool = False, ask: bool = True) -> bool:
        return self.files.open_path(self, path, remember, as_template, ask)

    @slot
    def rollover_dialog(self) -> None:
        self.files.start_from_last_year(self)

    @slot
    def attach_previous_dialog(self) -> None:
        self.files.attach_previous(self)

    @slot
    def save(self) -> bool:
        return self.files.save(self)

    @slot
    def save_as(self) -> bool:
        return self.files.save_as(self)

    def show_new_report(self, report: Report, title: str, intro: str, notes) -> bool:
        return self.files.show_new_report(self, report, title, intro, notes)

    # --- recent files and closing -----------------------------------------------------------------

    @slot
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.files.recent_files()
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)
        for path in files:
            self.recent_menu.addAction(path, functools.partial(self.open_recent, path))

    @slot
    def open_recent(self, path: str) -> None:
        self.open_path(Path(path))

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self.files.may_discard(self):
            event.ignore()
            return
        self.remember_geometry()
        self.autosave.timer.stop()
        self.recovery.remove()
        event.accept()
