"""How a value cell is edited and marked: an editor that only takes the cell's kind of number,
and finding marks that do not rely on colour alone.

Counts take digits only, 2019's 本年增/减 also a sign, 万元 amounts a decimal point. An error draws a
thick solid frame and a filled corner triangle; a warning a dashed frame; so that a colour-blind
user, a grey-scale print-out or a washed-out projector still tells them apart.
"""

from __future__ import annotations

from gipr_desktop.gui.guard import Guarded
from gipr_desktop.gui.qt import QtCore, QtGui, QtWidgets, Signal, Qt
from gipr_desktop.gui.table_model import KIND_ROLE, SEVERITY_ROLE

# Python code asks the model itself (``model.data(index, role)``), never ``index.data(role)``:
# PySide6 6.12.0 drops a reference to None each time an empty QVariant comes back through C++,
# and the interpreter aborts once None's count reaches zero — after a few thousand paints.

_PATTERNS = {
    "count": r"[\s0-9０-９,，]*",
    "signed": r"[\s]*[-−－+＋]?[\s0-9０-９,，]*",
    "amount": r"[\s0-9０-９,，]*([.．][0-9０-９]*)?",
}
ERROR_COLOUR = QtGui.QColor("#b00020")
WARNING_COLOUR = QtGui.QColor("#8a5a00")


class CellDelegate(Guarded, QtWidgets.QStyledItemDelegate):
    enter_pressed = Signal()  # the user confirmed with Enter: the view moves down

    def createEditor(self, parent, option, index):
        editor = QtWidgets.QLineEdit(parent)
        kind = index.model().data(index, KIND_ROLE) or "count"
        pattern = QtCore.QRegularExpression(_PATTERNS[kind])
        editor.setValidator(QtGui.QRegularExpressionValidator(pattern, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def eventFilter(self, editor, event):
        if event.type() == QtCore.QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
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
