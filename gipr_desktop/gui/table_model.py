"""One table of the report as a Qt model: the printed grid of ``core.layout``, nothing more.

Header, caption and label boxes become read-only cells (the view spans them as printed); value
boxes show and edit the report's cells. The model holds no data of its own: it reads the document,
turns a typed value into an undo command, and tells views which cells a finding involves.
"""

from __future__ import annotations

from gipr_desktop.core.cell_text import format_cell, parse_cell
from gipr_desktop.core.checks import SEVERITY_NAMES
from gipr_desktop.core.comparison import beside_last_year, change_text
from gipr_desktop.core.layout import CAPTION, HEADER, VALUE, Box, TableLayout, report_layout
from gipr_desktop.core.schema import CellRef, Table, filling_notes
from gipr_desktop.gui.commands import SetCellsCommand
from gipr_desktop.gui.context import Context
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import QModelIndex, Qt, QtCore, QtGui, Signal

SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1  # "error" | "warning" | None, for the delegate's marks

_HEADER_BRUSH = QtGui.QBrush(QtGui.QColor("#e8ecf2"))
_SEVERITY_BRUSH = {"error": QtGui.QBrush(QtGui.QColor("#ffc9c9")), "warning": QtGui.QBrush(QtGui.QColor("#fff1b8"))}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class TableModel(Guarded, QtCore.QAbstractTableModel):
    input_rejected = Signal(str)  # a Chinese message: what was typed is not a value of the cell
    layout_changed = Signal()  # the grid's shape changed (new report or format): views set spans again

    def __init__(self, context: Context, table_id: str, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.table_id = table_id
        self._set_layout(self._make_layout())
        document = context.document
        document.cells_changed.connect(self._on_cells_changed)
        document.findings_changed.connect(self._on_findings_changed)
        document.report_replaced.connect(self._on_report_replaced)
        document.previous_changed.connect(self.refresh_values)

    @property
    def table(self) -> Table:
        return self.context.document.report.schema.table(self.table_id)

    def _set_layout(self, layout: TableLayout) -> None:
        self.layout = layout
        self._origins = {(box.row, box.col): box for box in layout.boxes}  # data() runs per cell per paint
        self._marked = self._marks()

    def _marks(self) -> dict[CellRef, tuple]:
        """Per highlighted cell of this table: its severity and findings (what paint and tooltip show)."""
        document = self.context.document
        return {ref: (document.cell_severity(ref), tuple(found))
                for ref, found in document.cell_findings.items() if ref.table == self.table_id}

    def _make_layout(self) -> TableLayout:
        report = self.context.document.report
        return report_layout(report, report.schema.table(self.table_id))

    # --- geometry ---------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.rows

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.cols

    def box(self, index: QModelIndex) -> Box | None:
        """The box that starts at ``index`` (None for a position another box spans over)."""
        return self._origins.get((index.row(), index.column())) if index.isValid() else None

    def ref(self, index: QModelIndex) -> CellRef | None:
        box = self.box(index)
        return box.ref if box is not None else None

    def index_of(self, ref: CellRef) -> QModelIndex:
        row, col = self.layout.position(ref)
        return self.index(row, col)

    def has_ref(self, ref: CellRef) -> bool:
        if ref.table != self.table_id:
            return False
        try:
            self.layout.position(ref)
        except KeyError:
            return False
        return True

    # --- data -------------------------------------------------------------------------------------

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        box = self.box(index)
        if box is not None and box.kind == VALUE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        box = self.box(index)
        if box is None:
            return None
        if box.kind != VALUE:
            return self._label_data(box, role)
        document = self.context.document
        if role == Qt.ItemDataRole.EditRole:
            return format_cell(document.report.get(box.ref))
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_cell(document.report.get(box.ref))
            if self.context.show_last_year and document.report.previous is not None:
                last, change = beside_last_year(document.report, box.ref)
                change = change_text(change)
                text += f"\n上年 {format_cell(last) or '—'}" + (f"（{change}）" if change else "")
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == SEVERITY_ROLE:
            return document.cell_severity(box.ref)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _SEVERITY_BRUSH.get(document.cell_severity(box.ref))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(box.ref)
        return None

    def _label_data(self, box: Box, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return box.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER if box.kind == HEADER else _LEFT
        if role == Qt.ItemDataRole.BackgroundRole and box.kind in (HEADER, CAPTION):
            return _HEADER_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return box.text
        return None

    def _tooltip(self, ref: CellRef) -> str:
        lines = [self.table.cell_name(ref), *filling_notes(self.context.document.report.format, ref)[1:]]
        if self.context.document.report.previous is not None:
            last, change = beside_last_year(self.context.document.report, ref)
            change = change_text(change)
            lines.append(f"上年：{format_cell(last) or '未知'}" + (f"（{change}）" if change else ""))
        lines += [f"{SEVERITY_NAMES[f.severity]}：{f.message}" for f in self.context.document.cell_findings.get(ref, ())]
        return "\n".join(lines)

    def refusal(self, index: QModelIndex, text: str) -> str | None:
        """Why ``text`` cannot be entered at ``index`` (naming the cell), or None when it can."""
        ref = self.ref(index)
        if ref is None:
            return "此处不能填写"
        try:
            parse_cell(self.table.row(ref.row).column(ref.col).kind, text)
        except ValueError as exc:
            return f"{self.table.cell_name(ref)}：{exc}"
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        ref = self.ref(index)
        if ref is None or role != Qt.ItemDataRole.EditRole:
            return False
        reason = self.refusal(index, str(value))
        if reason:
            self.input_rejected.emit(reason)
            return False
        parsed = parse_cell(self.table.row(ref.row).column(ref.col).kind, str(value))
        if parsed == self.context.document.report.get(ref):
            return True
        self.context.push(SetCellsCommand(self.context.document, {ref: parsed}, f"填写「{self.table.cell_name(ref)}」"))
        return True

    # --- following the document -------------------------------------------------------------------

    @slot
    def _on_cells_changed(self, refs) -> None:
        if any(ref.table == self.table_id for ref in refs) and self._make_layout() != self.layout:
            self._on_report_replaced()  # an optional row got its first value or lost its last
            return
        for ref in refs:
            if self.has_ref(ref):
                index = self.index_of(ref)
                self.dataChanged.emit(index, index)

    @slot
    def refresh_values(self) -> None:
        """Every value cell again (显示上年数 switched, last year's report attached)."""
        if self.layout.rows and self.layout.cols:
            self.dataChanged.emit(self.index(0, 0), self.index(self.layout.rows - 1, self.layout.cols - 1))

    @slot
    def _on_findings_changed(self) -> None:
        """Repaint only the cells whose marks changed: the highlight must follow each keystroke at once."""
        old, self._marked = self._marked, self._marks()
        roles = [SEVERITY_ROLE, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
        for ref in old.keys() | self._marked.keys():
            if old.get(ref) != self._marked.get(ref) and self.has_ref(ref):
                index = self.index_of(ref)
                self.dataChanged.emit(index, index, roles)

    @slot
    def _on_report_replaced(self) -> None:
        self.beginResetModel()
        self._set_layout(self._make_layout())
        self.endResetModel()
        self.layout_changed.emit()
