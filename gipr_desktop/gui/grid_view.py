"""A table of the report as office workers expect it: the printed shape, spreadsheet keys.

The header lines of a table (申请人情况 › 法人或其他组织 › …) stay in view above the scrolling body
(a second view on the same model shows only them). In the body Enter moves down, Delete clears the
selection, Ctrl+C / Ctrl+V copy and paste rectangular tab-separated blocks to and from Excel, and
every key press that is a number starts typing into the cell. Each paste or clear is one undo step.
"""

from __future__ import annotations

from gipr_desktop.core.cell_text import parse_cell
from gipr_desktop.core.layout import LABEL, VALUE, TableLayout
from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.commands import SetCellsCommand
from gipr_desktop.gui.delegates import CellDelegate
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import Qt, QtGui, QtWidgets, Signal
from gipr_desktop.gui.table_model import TableModel

_VALUE_WIDTH = 92
_LABEL_WIDTH = {1: 200, 2: 150, 3: 150}


def _parse_block(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text as Excel puts it on the clipboard."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


class BodyView(Guarded, QtWidgets.QTableView):
    """The scrolling part of a table: value cells and row labels, with spreadsheet keys."""

    message = Signal(str)  # something the status bar should say
    cell_chosen = Signal(object)  # the CellRef the cursor is on now (None on a label)
    zoom_requested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller

    def __init__(self, model: TableModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.enter_pressed.connect(self.move_down)
        self.delegate.refused.connect(self.message)
        triggers = QtWidgets.QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.setWordWrap(True)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setTabKeyNavigation(True)

    @property
    def table_model(self) -> TableModel:
        return self.model()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if self.state() != QtWidgets.QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_down()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection_cells()
                return
            if event.matches(QtGui.QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QtGui.QKeySequence.StandardKey.Paste):
                self.paste()
                return
        super().keyPressEvent(event)

    # --- moving -----------------------------------------------------------------------------------

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # Ctrl+滚轮 zooms, as in Excel
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def currentChanged(self, current, previous) -> None:
        super().currentChanged(current, previous)
        self.cell_chosen.emit(self.table_model.ref(current))

    def moveCursor(self, action, modifiers):
        """Tab and Shift+Tab go from one fillable cell to the next, row by row, never onto a label."""
        cursor = QtWidgets.QAbstractItemView.CursorAction
        if action not in (cursor.MoveNext, cursor.MovePrevious):
            return super().moveCursor(action, modifiers)
        boxes = sorted(self.table_model.layout.value_boxes(), key=lambda box: (box.row, box.col))
        if not boxes:
            return self.currentIndex()
        here = (self.currentIndex().row(), self.currentIndex().column())
        if action == cursor.MoveNext:
            target = next((b for b in boxes if (b.row, b.col) > here), boxes[0])
        else:
            target = next((b for b in reversed(boxes) if (b.row, b.col) < here), boxes[-1])
        return self.table_model.index(target.row, target.col)

    @slot
    def move_down(self) -> None:
        """To the next value cell below the current one (skipping caption and header lines)."""
        current = self.currentIndex()
        if not current.isValid():
            return
        layout: TableLayout = self.table_model.layout
        for row in range(current.row() + 1, layout.rows):
            box = layout.box_at(row, current.column())
            if box is not None and box.kind == VALUE:
                self.setCurrentIndex(self.table_model.index(box.row, box.col))
                return

    def select_refs(self, refs: list[CellRef]) -> None:
        """Select the given cells, the first one current and scrolled into view."""
        model = self.table_model
        indexes = [model.index_of(ref) for ref in refs if model.has_ref(ref)]
        if not indexes:
            return
        self.setCurrentIndex(indexes[0])
        selection = self.selectionModel()
        selection.select(indexes[0], selection.SelectionFlag.ClearAndSelect)
        for index in indexes[1:]:
            selection.select(index, selection.SelectionFlag.Select)
        self.scrollTo(indexes[0])
        self.setFocus()

    # --- clipboard and clearing -------------------------------------------------------------------

    def _selected_refs(self) -> list[CellRef]:
        refs = [self.table_model.ref(index) for index in self.selectedIndexes()]
        return [ref for ref in refs if ref is not None]

    def clear_selection_cells(self) -> None:
        document = self.table_model.context.document
        refs = [ref for ref in self._selected_refs() if document.report.get(ref) is not None]
        if refs:
            self.table_model.context.push(
                SetCellsCommand(document, {ref: None for ref in refs}, f"清除 {len(refs)} 个单元格"))

    def copy_selection(self) -> None:
        indexes = self.selectedIndexes()
        if not indexes:
            return
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        selected = {(i.row(), i.column()) for i in indexes}
        lines = []
        for r in range(min(rows), max(rows) + 1):
            cells = []
            for c in range(min(cols), max(cols) + 1):
                index = self.table_model.index(r, c)
                role = Qt.ItemDataRole.EditRole if self.table_model.ref(index) else Qt.ItemDataRole.DisplayRole
                text = self.table_model.data(index, role) if (r, c) in selected else None
                cells.append(text or "")
            lines.append("\t".join(cells))
        QtWidgets.QApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste(self) -> None:
        self.paste_text(QtWidgets.QApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Paste a tab-separated block with its top-left at the current cell, as one undo step."""
        current = self.currentIndex()
        block = _parse_block(text)
        if not current.isValid() or not block:
            return
        model = self.table_model
        values, refused, outside = {}, [], 0
        for i, line in enumerate(block):
            for j, cell_text in enumerate(line):
                index = model.index(current.row() + i, current.column() + j)
                ref = model.ref(index)
                box = model.box(index)
                if ref is None:
                    if cell_text.strip() and (not index.isValid() or box is None or box.kind != LABEL):
                        outside += 1
                    continue
                kind = model.table.row(ref.row).column(ref.col).kind
                try:
                    values[ref] = parse_cell(kind, cell_text)
                except ValueError as exc:
                    refused.append(f"{model.table.cell_name(ref)}：{exc}")
        if values:
            model.context.push(SetCellsCommand(model.context.document, values, f"粘贴 {len(values)} 个单元格"))
            self.select_refs(list(values))  # the pasted block stays selected, as in Excel
        notes = [f"已粘贴 {len(values)} 个单元格"]
        if refused:
            notes.append(f"{len(refused)} 个内容不是数字、未粘贴（{refused[0]}）")
        if outside:
            notes.append(f"{outside} 个落在表格的可填写区域之外、未粘贴")
        self.message.emit("；".join(notes))


class TableGrid(Guarded, QtWidgets.QWidget):
    """One table: its frozen header lines above its scrolling body."""

    def __init__(self, model: TableModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.header = QtWidgets.QTableView(self)
        self.header.setModel(model)
        self.header.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.header.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.header.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header.setWordWrap(True)
        self.header.horizontalHeader().hide()
        self.header.verticalHeader().hide()
        self.body = BodyView(model, self)
        self.body.horizontalScrollBar().valueChanged.connect(self.header.horizontalScrollBar().setValue)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        self.scale = 1.0
        model.layout_changed.connect(self.apply_layout)
        self.apply_layout()

    def set_scale(self, factor: float, font) -> None:
        """Draw larger or smaller (the window's zoom): fonts and column widths by ``factor``."""
        self.scale = factor
        for view in (self.header, self.body):
            view.setFont(font)
        self.apply_layout()

    @slot
    def apply_layout(self) -> None:
        """Spans, frozen header lines and column widths from the model's printed layout."""
        layout = self.model.layout
        for view in (self.header, self.body):
            view.clearSpans()
        for box in layout.boxes:
            if box.rowspan > 1 or box.colspan > 1:
                view = self.header if box.row < layout.header_rows else self.body
                view.setSpan(box.row, box.col, box.rowspan, box.colspan)
        for row in range(layout.rows):
            self.header.setRowHidden(row, row >= layout.header_rows)
            self.body.setRowHidden(row, row < layout.header_rows)
        for col in range(layout.cols):
            width = _LABEL_WIDTH.get(layout.label_cols, 150) if col < layout.label_cols else _VALUE_WIDTH
            if layout.table.layout == "groups" and col == 0:
                width = 200
            width = round(width * self.scale)
            self.header.setColumnWidth(col, width)
            self.body.setColumnWidth(col, width)
        self.body.resizeRowsToContents()
        self.header.resizeRowsToContents()
        self.header.setVisible(layout.header_rows > 0)
        height = sum(self.header.rowHeight(r) for r in range(layout.header_rows))
        self.header.setFixedHeight(height + 2 * self.header.frameWidth())
