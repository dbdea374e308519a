"""The Qt half of ``gipr-desktop --self-test``: a window opens, offscreen, on the bundled sample.

With the Qt-free steps of ``gipr_desktop.selftest`` it proves a frozen bundle complete: the Qt
platform plugins, the widgets, the fonts and every reader and writer. Any dialog the window would
have shown counts as a failure, since nobody is there to answer it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from gipr_desktop.selftest import Step, StepFailed, log_path, report_steps, run_steps


class _NobodyThere:
    """Dialogs for a run without a user: every message is remembered, every question declined."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def error(self, parent, title, text):
        self.messages.append(f"{title}：{text}")

    info = error

    def ask(self, parent, title, text):
        self.messages.append(f"{title}：{text}")
        return False

    def ask_save(self, parent, text):
        from gipr_desktop.gui.dialogs import DISCARD

        return DISCARD

    def open_path(self, parent, title, filters):
        return ""

    save_path = open_path

    def new_report_year(self, parent, default):
        return None


def _window_step(workdir: Path) -> Step:
    def open_window() -> str:
        from gipr_desktop.gui.context import create_context
        from gipr_desktop.gui.main_window import MainWindow
        from gipr_desktop.gui.qt import QtCore, QtWidgets
        from gipr_desktop.paths import resource

        app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
        settings = QtCore.QSettings(str(workdir / "settings.ini"), QtCore.QSettings.Format.IniFormat)
        dialogs = _NobodyThere()
        window = MainWindow(create_context(settings, workdir, dialogs))
        window.start([str(resource("sample.gipr"))])
        window.show()
        app.processEvents()
        title = window.document.report.title
        shown = window.isVisible()
        window.document.set_dirty(False)
        window.close()
        window.deleteLater()
        app.processEvents()
        if dialogs.messages:
            raise StepFailed(f"窗口弹出了提示 / the window showed a message: {dialogs.messages[0]}")
        if not shown or "示例" not in title:
            raise StepFailed("窗口没有显示示例报告 / the window did not show the sample")
        return f"{app.platformName()}：{title}"

    return Step("打开窗口 / open the main window", open_window)


def _sorting_step() -> Step:
    """Qt sorts names (the file dialogs' lists) with ICU, whose data the Linux bundle cuts down to
    what Qt uses (scripts/icu_data.py): Chinese must still sort by pinyin, not by code point."""

    def sort_chinese() -> str:
        from gipr_desktop.gui.qt import QtCore

        collator = QtCore.QCollator(QtCore.QLocale("zh_CN"))
        names = sorted(["上海", "北京", "重庆"], key=collator.sortKey)
        if names != ["北京", "重庆", "上海"]:
            raise StepFailed(f"中文名称没有按拼音排序：{'、'.join(names)} / Chinese does not sort by pinyin")
        return "、".join(names)

    return Step("中文排序 / Chinese sorting", sort_chinese)


def run_self_test() -> int:
    """Run every step, print and log the result; 0 when all passed, 1 otherwise."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen is needed, nor used
    lines: list[str] = []

    def log(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:  # a windowed program on Windows has no console
            print(line, flush=True)

    with tempfile.TemporaryDirectory(prefix="gipr-self-test-") as folder:
        workdir = Path(folder)
        passed = run_steps([*report_steps(workdir), _sorting_step(), _window_step(workdir)], log)
    try:
        log_path().write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        pass  # the printed lines and the exit code still tell
    return 0 if passed else 1
