"""The one place where a Python exception stops before it reaches Qt's C++ side.

An exception that escapes a method Qt calls — an undo command's ``redo``, a model's ``setData``, a
delegate's ``paint``, a slot, a timer — is reported by PySide6 from inside C++, and PySide6 6.11 can
die while doing so (the window vanishes, unsaved work with it). So every such method runs guarded:

- ``Guarded`` is a mixin for the window's Qt classes: every Qt virtual a subclass overrides
  (``data``, ``setData``, ``redo``, ``keyPressEvent``, …) and every method marked ``@slot`` is wrapped;
- a guarded call that fails logs the exception with its stack, returns a harmless value to Qt (see
  ``_FALLBACKS``), and hands the exception to the handlers (``add_handler``: the window), which tell the
  user in Chinese — later, from the event loop, never inside the C++ call that failed;
- ``sys.excepthook`` (installed with the handler) catches whatever is left, e.g. a lambda slot.

Undo commands add their own rollback on top (``commands.Command``): a failed step leaves the
document as it was before the step.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
import weakref
from typing import Callable

from gipr_desktop.gui.qt import QModelIndex, Qt

log = logging.getLogger(__name__)

Handler = Callable[[BaseException], None]
_handlers: list[Callable[[], Handler | None]] = []  # references: a closed window's handler goes with it


def _ignore_close(self, event, *args):  # a close that failed must not close the window unasked
    event.ignore()


# what Qt gets back from a failed virtual: nothing shown, nothing edited, the event not taken
_FALLBACKS: dict[str, object] = {
    "flags": Qt.ItemFlag.NoItemFlags,
    "setData": False,
    "rowCount": 0,
    "columnCount": 0,
    "event": False,
    "eventFilter": False,
    "mergeWith": False,
    "id": -1,
    "closeEvent": _ignore_close,
    "moveCursor": lambda self, *args: QModelIndex(),
}


def add_handler(handler: Handler) -> None:
    """Who is told of an unexpected error (a window, which tells the user). A bound method is held
    weakly, so that a window that is gone is no longer told."""
    reference = weakref.WeakMethod(handler) if inspect.ismethod(handler) else (lambda: handler)
    _handlers.append(reference)


def remove_handler(handler: Handler) -> None:
    _handlers[:] = [ref for ref in _handlers if ref() not in (None, handler)]


def report_unexpected(exc: BaseException) -> None:
    """Log ``exc`` with its stack and pass it to the handlers; never raises."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    for reference in list(_handlers):
        handler = reference()
        if handler is None:
            _handlers.remove(reference)
            continue
        try:
            handler(exc)
        except Exception:  # a handler must not become the next crash
            log.exception("the error handler failed")


def guarded(func: Callable, fallback: object = None) -> Callable:
    """``func`` that reports instead of raising, returning ``fallback`` (or ``fallback(*args)``)."""

    accepts = _positional_count(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if accepts is not None:
            args = args[:accepts]  # a signal may pass more than the slot takes (triggered's checked)
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            report_unexpected(exc)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    wrapper.__guarded__ = True
    return wrapper


def _positional_count(func: Callable) -> int | None:
    """How many positional arguments ``func`` takes, or None when it takes any number."""
    params = inspect.signature(func).parameters.values()
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return None
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)


def slot(func: Callable) -> Callable:
    """Mark a method that a signal is connected to: in a ``Guarded`` class it runs guarded."""
    func.__slot__ = True
    return func


def _qt_virtuals(cls: type) -> set[str]:
    """Names the Qt (Shiboken) base classes of ``cls`` define: overriding one of them is a callback."""
    names: set[str] = set()
    for base in cls.__mro__[1:]:
        if base.__module__.split(".")[0] in ("PySide6", "shiboken6", "Shiboken"):  # the binding's own classes
            names.update(name for name in vars(base) if not name.startswith("__"))
    return names


class Guarded:
    """Mixin (listed before the Qt base class): the subclass's callbacks run guarded."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        virtuals = _qt_virtuals(cls)
        for name, value in list(vars(cls).items()):
            if not inspect.isfunction(value) or getattr(value, "__guarded__", False):
                continue
            if name in virtuals or getattr(value, "__slot__", False):
                setattr(cls, name, guarded(value, _FALLBACKS.get(name)))


def install_excepthook() -> None:
    """The last net: an exception no guard caught (a lambda slot) goes the same way."""

    def hook(kind, value, tb):
        if isinstance(value, Exception):
            report_unexpected(value.with_traceback(tb))
        else:
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook
