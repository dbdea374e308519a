"""Opening, saving and recent files of one window's report: what the 文件 menu does to the document.

Kept out of the window class so that it can be driven and tested without one: it holds the window's
context and recovery copy, takes the widget its dialogs belong to (``parent``, None in a test), and
tells the user how things went through ``say`` (the window's status bar). Every read runs off the
UI thread (``gui.operations``); every failure is a Chinese message through ``context.dialogs``.
Exports and printing are ``gui.exports``'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.report import Report
from gipr_desktop.core.rollover import rollover
from gipr_desktop.core.schema import format_for_year
from gipr_desktop.gui.autosave import Recovery
from gipr_desktop.gui.commands import AttachPreviousCommand
from gipr_desktop.gui.context import Context
from gipr_desktop.gui.dialogs import CANCEL, SAVE
from gipr_desktop.gui.operations import Cancelled, run_in_background
from gipr_desktop.gui.qt import QtCore
from gipr_desktop.io.errors import ImportResult, ReadError, WriteError
from gipr_desktop.io.registry import describe, read_report, readable_extensions, write_report

PROJECT_EXT = ".gipr"
MAX_RECENT = 8


def file_filters(extensions: list[str]) -> str:
    every = " ".join(f"*{ext}" for ext in extensions)
    return ";;".join([f"所有支持的文件 ({every})"] + [f"{describe(ext)} (*{ext})" for ext in extensions])


class Files:
    def __init__(self, context: Context, recovery: Recovery, say: Callable[[str], None]) -> None:
        self.context = context
        self.recovery = recovery
        self.say = say

    @property
    def document(self):
        return self.context.document

    def show_report(self, report: Report, path: Path | None) -> None:
        self.context.undo_stack.clear()
        self.document.import_notes = []  # a file read brings its own (``open_path``)
        self.document.replace_report(report)
        self.document.set_path(path)
        self.context.undo_stack.setClean()
        self.document.set_dirty(False)

    def may_discard(self, parent) -> bool:
        """True when there are no unsaved changes or the user saved or dropped them."""
        if not self.document.dirty:
            return True
        answer = self.context.dialogs.ask_save(parent, f"「{self.document.report.title}」有尚未保存的修改，是否保存？")
        if answer == CANCEL:
            return False
        if answer == SAVE:
            return self.save(parent)
        return True

    def new_report(self, parent) -> None:
        if not self.may_discard(parent):
            return
        default = (self.document.report.year or QtCore.QDate.currentDate().year() - 1) + 1
        year = self.context.dialogs.new_report_year(parent, min(default, QtCore.QDate.currentDate().year()))
        if year is None:
            return
        report = Report(format=format_for_year(year), unit=self.document.report.unit, year=year)
        self.show_report(report, None)
        self.recovery.remove()

    def open_dialog(self, parent) -> None:
        if not self.may_discard(parent):
            return
        path = self.context.dialogs.open_path(parent, "打开报告", file_filters(readable_extensions()))
        if path:
            self.open_path(parent, Path(path), ask=False)

    def open_path(self, parent, path: Path, remember: bool = True, as_template: bool = False, ask: bool = True) -> bool:
        """Open any readable file; a non-project file (or the sample) opens as a new, unsaved report."""
        if ask and not self.may_discard(parent):
            return False
        result = self.read(parent, path, "无法打开文件")
        if result is None:
            return False
        own_file = path.suffix.lower() == PROJECT_EXT and not as_template
        self.show_report(result.report, path if own_file else None)
        self.document.set_import_notes(result.notes)
        self.recovery.remove()
        if remember:
            self.remember(path)
        self.show_notes(parent, "导入说明", f"从「{path.name}」导入时有以下情况，请核对：", result.notes)
        self.say(f"已打开「{path.name}」")
        return True

    def read(self, parent, path: Path, failure_title: str) -> ImportResult | None:
        """Read ``path`` off the UI thread (a progress dialog with 取消 after a moment); None when it
        could not be read (the user is told why) or the user cancelled."""
        try:
            return run_in_background(parent, f"正在读取「{path.name}」……", read_report, path)
        except Cancelled:
            self.say(f"已取消读取「{path.name}」，报告没有改变")
        except ReadError as exc:
            self.context.dialogs.error(parent, failure_title, str(exc))
        return None

    def show_new_report(self, parent, report: Report, title: str, intro: str, notes) -> bool:
        """A report made elsewhere (the district's 汇总) as a new, unsaved report; False if the user
        kept the open one."""
        if not self.may_discard(parent):
            return False
        self.show_report(report, None)
        self.document.set_dirty(True)
        self.recovery.remove()
        self.show_notes(parent, title, intro, notes)
        return True

    def last_years_report(self, parent) -> tuple[str, ImportResult | None]:
        """Last year's report as the user chooses it (any readable file): its path and what was read."""
        path = self.context.dialogs.open_path(parent, "选择上年度报告", file_filters(readable_extensions()))
        return path, (self.read(parent, Path(path), "无法打开上年度报告") if path else None)

    def show_notes(self, parent, title: str, intro: str, notes) -> None:
        if all(note.kind == READ_BY for note in notes):  # only how the tables were read: nothing to check
            return
        self.context.dialogs.notes(parent, title, intro, [f"· {note.message}" for note in notes])

    def start_from_last_year(self, parent) -> None:
        """以上年报告为基础新建: last year's report (any readable file) becomes this year's, unsaved."""
        if not self.may_discard(parent):
            return
        path, result = self.last_years_report(parent)
        if result is None:
            return
        last_year = result.report
        if last_year.year is None:
            self.context.dialogs.error(parent, "无法新建", f"「{Path(path).name}」中没有报告年度，请先打开它补填年度")
            return
        report, notes = rollover(last_year)
        self.show_report(report, None)
        self.document.set_dirty(True)
        self.recovery.remove()
        self.show_notes(parent, "以上年报告为基础新建",
                         f"已根据{last_year.year}年度报告新建{report.year}年度报告。"
                         "上年结转已按上年「结转下年度继续办理」填入，其余数字留空待填；各部分正文标为「待更新」。", notes)
        self.say(f"已新建{report.year}年度报告（基于「{Path(path).name}」）")

    def save(self, parent) -> bool:
        if self.document.path is None:
            return self.save_as(parent)
        return self.save_to(parent, self.document.path)

    def save_as(self, parent) -> bool:
        suggested = str(self.document.path or Path.home() / f"{self.document.report.title}{PROJECT_EXT}")
        path = self.context.dialogs.save_path(parent, "保存报告", file_filters([PROJECT_EXT]), suggested)
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != PROJECT_EXT:
            path = path.with_name(path.name + PROJECT_EXT)
        return self.save_to(parent, path)

    def save_to(self, parent, path: Path) -> bool:
        try:
            write_report(self.document.report, path)
        except WriteError as exc:
            self.context.dialogs.error(parent, "保存失败", str(exc))
            return False
        self.document.set_path(path)
        self.context.undo_stack.setClean()
        self.document.set_dirty(False)
        self.recovery.remove()
        self.remember(path)
        self.say(f"已保存到「{path}」")
        return True

    def recent_files(self) -> list[str]:
        value = self.context.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in value or []]

    def remember(self, path: Path) -> None:
        path_text = str(Path(path).resolve())
        files = [path_text] + [p for p in self.recent_files() if p != path_text]
        self.context.settings.setValue("recent_files", files[:MAX_RECENT])

    def attach_previous(self, parent) -> None:
        """附上上年报告: any readable file becomes the report's last year (one undo step)."""
        path, result = self.last_years_report(parent)
        if result is None:
            return
        previous = result.report
        year = self.document.report.year
        if year is not None and previous.year is not None and previous.year != year - 1:
            if not self.context.dialogs.ask(parent, "附上上年报告",
                                            f"「{Path(path).name}」是{previous.year}年度的报告，"
                                            f"本报告是{year}年度。仍要作为上年报告附上吗？"):
                return
        self.context.push(AttachPreviousCommand(self.document, previous, "附上上年报告"))
        self.say(f"已附上上年报告「{Path(path).name}」：跨年度核对和「显示上年数」已可用")
