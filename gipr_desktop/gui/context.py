"""What every widget and command of one window shares: the document, its undo stack, settings, dialogs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gipr_desktop.core.report import Report
from gipr_desktop.gui.dialogs import Dialogs
from gipr_desktop.gui.document import Document
from gipr_desktop.gui.qt import QtCore, QUndoCommand, QUndoStack


@dataclass
class Context:
    document: Document
    undo_stack: QUndoStack
    settings: QtCore.QSettings
    dialogs: Dialogs
    data_dir: Path  # the user's data folder: recovery file, logs
    show_last_year: bool = False  # 显示上年数: the grids show last year's value and the change in each cell

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)


def create_context(settings: QtCore.QSettings, data_dir: Path, dialogs: Dialogs | None = None) -> Context:
    document = Document(Report())
    undo_stack = QUndoStack()
    undo_stack.cleanChanged.connect(document.follow_clean_state)
    return Context(document, undo_stack, settings, dialogs or Dialogs(), data_dir)
