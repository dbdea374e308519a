"""A main window with its own settings and data folder, and dialogs that answer from a script."""

from __future__ import annotations

import pytest

from gipr_desktop.gui import guard
from gipr_desktop.gui.context import create_context
from gipr_desktop.gui.dialogs import DISCARD
from gipr_desktop.gui.main_window import MainWindow
from gipr_desktop.gui.qt import QtCore, QtPrintSupport


class ScriptedDialogs:
    """Stands in for message boxes and file dialogs: records what was shown, answers as told."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.answer = True
        self.answers: list[bool] = []  # answers to the next questions, in turn; then ``answer``
        self.save_answer = DISCARD
        self.paths: list[str] = []
        self.year: int | None = 2024
        self.exports: list[tuple[str, list[str], str]] = []  # (title, filters, suggested) of each export dialog
        self.export_filters: list[str] = []  # the filter left chosen in the next export dialogs; else the first
        self.folders: list[str] = []
        self.choices: list[int] = []  # what to print, in turn; else the item offered
        self.offered: list[tuple[list[str], int]] = []  # (items, current) of each choice asked
        self.printer_file: str = ""  # where the printer writes (a PDF); empty: the print dialog is cancelled
        self.previews = 0
        self.page_range: tuple[int, int] | None = None  # the pages chosen in the print dialog (from, to)

    def error(self, parent, title, text):
        self.shown.append(("error", title, text))

    def info(self, parent, title, text):
        self.shown.append(("info", title, text))

    def notes(self, parent, title, intro, lines):
        self.info(parent, title, intro + "\n\n" + "\n".join(lines))

    def ask(self, parent, title, text):
        self.shown.append(("ask", title, text))
        return self.answers.pop(0) if self.answers else self.answer

    def ask_save(self, parent, text):
        self.shown.append(("ask_save", "", text))
        return self.save_answer

    def open_path(self, parent, title, filters):
        return self.paths.pop(0) if self.paths else ""

    def save_path(self, parent, title, filters, suggested):
        return self.paths.pop(0) if self.paths else ""

    def choose_drafts(self, parent, drafts):
        self.shown.append(("drafts", "生成数据说明", "\n".join(text for _, _, text in drafts)))
        return [(section_id, text) for section_id, _, text in drafts] if self.answer else []

    def export_path(self, parent, title, filters, suggested):
        self.exports.append((title, filters, suggested))
        if not self.paths:
            return "", filters[0]
        return self.paths.pop(0), self.export_filters.pop(0) if self.export_filters else filters[0]

    def folder_path(self, parent, title, start):
        return self.folders.pop(0) if self.folders else ""

    def choose(self, parent, title, label, items, current):
        self.offered.append((items, current))
        return self.choices.pop(0) if self.choices else current

    def print_setup(self, parent, printer):
        if not self.printer_file:
            return False
        printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.printer_file)
        if self.page_range:
            printer.setPrintRange(QtPrintSupport.QPrinter.PrintRange.PageRange)
            printer.setFromTo(*self.page_range)
        return True

    def print_preview(self, parent, printer, paint):
        """The preview's pages, drawn on ``printer_file`` as its 打印 button would."""
        self.previews += 1
        if self.printer_file:
            self.print_setup(parent, printer)
            paint(printer)

    def new_report_year(self, parent, default):
        return self.year

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.shown]

    def questions(self) -> list[str]:
        return [text for kind, _, text in self.shown if kind == "ask"]


def crash(window) -> None:
    """What the end of a window's process does to its recovery copy: nothing is cleaned up, and
    the operating system drops the lock the process held on it."""
    window.autosave.timer.stop()
    window.recovery.remove = lambda: None
    window.recovery.write = lambda report, source: None
    window.recovery.lock.release()


class UnexpectedErrors(list):
    """The exceptions the guard caught during a test; a test that provokes one takes them out."""

    def __call__(self, exc: BaseException) -> None:
        self.append(exc)


@pytest.fixture(autouse=True)
def unexpected_errors():
    """Every window test fails if a callback raised (the guard kept the window alive, but it is a defect)."""
    errors = UnexpectedErrors()
    guard.add_handler(errors)
    yield errors
    guard.remove_handler(errors)
    assert not errors, f"a callback raised: {errors!r}"


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path, data_dir):
    """Build a window as the program starts it (``start([])``); several share one data folder."""

    def make(paths=(), dialogs=None, start=True):
        settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
        context = create_context(settings, data_dir, dialogs or ScriptedDialogs())
        window = MainWindow(context)
        qtbot.addWidget(window)
        if start:
            window.start(list(paths))
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()
