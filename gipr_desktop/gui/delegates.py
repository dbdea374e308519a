"""How a value cell is edited and marked: an editor that refuses, visibly, what the cell may not
hold, and finding marks that do not rely on colour alone.

The editor takes any text — it never drops a character, which would turn 「1.5」 into 15 — and on
Enter asks the model whether the text is a value of the cell: if not, the editor stays open with
the text as typed, framed in red, the reason in its tooltip and the status bar. An error draws a
thick solid frame and a filled corner triangle; a warning a dashed frame; so that a colour-blind
user, a grey-scale print-out or a washed-out projector still tells them apart.
"""

from __future__ import annotations

from gipr_desktop.gui.guard import Guarded
from gipr_desktop.gui.qt import QtCore, QtGui, QtWidgets, Signal, Qt
from gipr_desktop.gui.table_model import SEVERITY_ROLE

# Python code asks the model itself (``model.data(index, role)``), never ``index.data(role)``:
# PySide6 6.12.0 drops a reference to None each time an empty QVariant comes back through C++,
# and the interpreter aborts once None's count reaches zero — after a few thousand paints.

_REFUSED_STYLE = "border: 2px solid #b00020; background: #ffe8e8;"
ERROR_COLOUR = QtGui.QColor("#b00020")
WARNING_COLOUR = QtGui.QColor("#8a5a00")


class CellDelegate(Guarded, QtWidgets.QStyledItemDelegate):
    enter_pressed = Signal()  # the user confirmed with Enter: the view moves down
    refused = Signal(str)  # what was typed is not a value of the cell: the reason, naming the cell

    def createEditor(self, parent, option, index):
        editor = QtWidgets.QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def eventFilter(self, editor, event):
        if event.type() == QtCore.QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            view = self.parent()
            reason = view.model().refusal(view.currentIndex(), editor.text())
            if reason:
                editor.setStyleSheet(_REFUSED_STYLE)
                editor.setToolTip(reason)
                self.refused.emit(reason)
                return True  # the editor stays open with the text as typed
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        severity = index.model().data(index, SEVERITY_ROLE)
        if severity not in ("error", "warning"):
            return
        painter.save()
        rect = option.rect.adjusted(1, 1, -2, -2)
        if severity == "error":
            painter.setPen(QtGui.QPen(ERROR_COLOUR, 3, Qt.PenStyle.SolidLine))
            painter.drawRect(rect)
            size = min(10, rect.height() // 2)
            triangle = QtGui.QPolygon([rect.topLeft(), rect.topLeft() + QtCore.QPoint(size, 0),
                                       rect.topLeft() + QtCore.QPoint(0, size)])
            painter.setBrush(ERROR_COLOUR)
            painter.drawPolygon(triangle)
        else:
            painter.setPen(QtGui.QPen(WARNING_COLOUR, 2, Qt.PenStyle.DashLine))
            painter.drawRect(rect)
        painter.restore()
