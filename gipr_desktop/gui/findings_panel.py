"""The list of all findings of the open report; choosing one takes the user to its cell or section.

Each line starts with its severity as a word and an icon of its own shape (not only a colour), so
errors, warnings and hints are told apart on any screen.
"""

from __future__ import annotations

from gipr_desktop.core.checks import SEVERITY_NAMES
from gipr_desktop.gui.document import Document
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import QtWidgets, Signal

_ICONS = {
    "error": QtWidgets.QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QtWidgets.QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class FindingsPanel(Guarded, QtWidgets.QListWidget):
    finding_chosen = Signal(object)  # the Finding the user clicked or activated with Enter

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemClicked.connect(self._choose)
        self.itemActivated.connect(self._choose)
        document.findings_changed.connect(self.refresh)
        self.refresh()

    @slot
    def refresh(self) -> None:
        self.clear()
        self.shown = list(self.document.findings)
        if not self.shown:
            self.addItem("未发现问题：各项勾稽关系均已核对通过。")
            return
        style = self.style()
        for finding in self.document.findings:
            item = QtWidgets.QListWidgetItem(
                style.standardIcon(_ICONS[finding.severity]),
                f"{SEVERITY_NAMES[finding.severity]}［{finding.rule}］ {finding.message}",
            )
            item.setToolTip(finding.message)
            self.addItem(item)

    @slot
    def _choose(self, item: QtWidgets.QListWidgetItem) -> None:
        row = self.row(item)
        if 0 <= row < len(self.shown):  # not the "no findings" line
            self.finding_chosen.emit(self.shown[row])
