"""Long work off the UI thread: reading a file runs in a worker while the window stays alive.

A published PDF or a damaged workbook can take seconds. ``run_in_background`` runs the work in a
daemon thread and waits in a local event loop, so the window repaints, and after a moment a
progress dialog offers 取消. Until it shows, the user's input waits (what is typed then reaches the
window afterwards); the dialog is modal, so nothing can be edited meanwhile; cancelling
returns control at once and the late result is dropped (a reader cannot be stopped half-way,
but its result never reaches the report). The work itself imports no Qt: it is a reader of ``io``.
"""

from __future__ import annotations

import gc
import threading
import time
from typing import Any, Callable

from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import Qt, QtCore, QtWidgets

SHOW_AFTER_MS = 400  # quicker reads show no dialog at all
POLL_MS = 20


class Cancelled(Exception):
    """The user cancelled the work; nothing was changed."""


class Ticket:
    """What a long work and its dialog share: how far it is (``progress``) and whether the user
    cancelled (``should_stop``), so that a batch of a hundred files shows 「已读取 37/100」 and stops."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.cancelled = False

    def progress(self, done: int, total: int) -> None:  # called from the worker thread
        self.done, self.total = done, total

    def should_stop(self) -> bool:
        return self.cancelled


class _Wait(Guarded, QtCore.QObject):
    """The local event loop's end: the worker finished, or the user cancelled."""

    def __init__(self, worker: threading.Thread, dialog: QtWidgets.QProgressDialog, ticket: Ticket | None) -> None:
        super().__init__()
        self.worker = worker
        self.dialog = dialog
        self.ticket = ticket
        self.loop = QtCore.QEventLoop()
        self.cancelled = False
        self.started = time.monotonic()

    @slot
    def cancel(self) -> None:
        self.cancelled = True
        if self.ticket is not None:
            self.ticket.cancelled = True
        self.loop.quit()

    @slot
    def poll(self) -> None:
        if not self.worker.is_alive():
            self.loop.quit()
            return
        if self.ticket is not None and self.ticket.total:
            self.dialog.setMaximum(self.ticket.total)
            self.dialog.setValue(self.ticket.done)
        if not self.dialog.isVisible() and time.monotonic() - self.started >= SHOW_AFTER_MS / 1000:
            self.loop.quit()  # the first wait ends: the dialog comes, and with it the user's input


def run_in_background(parent: QtWidgets.QWidget | None, label: str, work: Callable[..., Any], *args: Any,
                      ticket: Ticket | None = None) -> Any:
    """``work(*args)`` in a worker thread; its result, or its exception re-raised here, or ``Cancelled``.
    A work that reports progress and stops when asked shares a ``ticket`` with the dialog."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work(*args)
        except BaseException as exc:  # handed to the UI thread, raised there
            outcome["error"] = exc

    collecting = gc.isenabled()
    gc.collect()  # Qt wrappers left by closed windows are collected now, not from inside the nested loop,
    gc.disable()  # where PySide6 can crash finalising them while the worker runs; counting still frees
    worker = threading.Thread(target=target, name="gipr-read", daemon=True)
    worker.start()
    dialog = QtWidgets.QProgressDialog(label, "取消", 0, 0, parent)
    dialog.setWindowTitle("请稍候")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()  # shown by ``poll`` once the work has taken a moment
    wait = _Wait(worker, dialog, ticket)
    dialog.canceled.connect(wait.cancel)
    timer = QtCore.QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(wait.poll)
    timer.start()
    try:
        if worker.is_alive():  # first without the user's input: nothing may be typed into what is replaced
            wait.loop.exec(QtCore.QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if worker.is_alive():  # then with the (modal) dialog, whose 取消 must be clickable
            dialog.show()
            wait.loop.exec()
    finally:
        timer.stop()
        dialog.hide()
        dialog.deleteLater()
        if collecting:
            gc.enable()
    if wait.cancelled and worker.is_alive():
        raise Cancelled
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
