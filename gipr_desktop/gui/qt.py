"""The one door to the Qt binding: every other module imports Qt names from here.

Office Linux desktops may one day need another binding; then only this module changes.
"""

from PySide6 import QtCore, QtGui, QtPrintSupport, QtWidgets  # noqa: F401
from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal  # noqa: F401
from PySide6.QtGui import QUndoCommand, QUndoStack  # noqa: F401
