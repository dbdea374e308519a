"""Take docs/main-window.png: a report open in table 三, one total broken and highlighted.

Run with ``QT_QPA_PLATFORM=offscreen python docs/make_screenshot.py [REPORT]`` (any readable file;
the bundled sample when none is named; the README's picture shows the seed
``../shared/seeds/003_3b6d8eb9ad11ab1a.txt``). A CJK font (e.g. Noto Sans CJK) must be installed
for the Chinese text to render.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.context import create_context
from gipr_desktop.gui.dialogs import Dialogs
from gipr_desktop.gui.main_window import MainWindow
from gipr_desktop.gui.qt import QtCore, QtWidgets


class PrintedDialogs(Dialogs):
    """Import notes and errors go to the terminal: nothing may wait for a click here."""

    def info(self, parent, title: str, text: str) -> None:
        print(f"{title}: {text}")

    error = info


def main() -> None:
    app = QtWidgets.QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    settings = QtCore.QSettings(str(folder / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(create_context(settings, folder, PrintedDialogs()))
    window.start(sys.argv[1:])
    table = window.document.report.schema.table("applications")
    rule = next(r for r in table.rules if r.kind == "row_sum")
    total = CellRef(table.id, table.rows[0].id, rule.total)
    model = window.models[table.id]
    model.setData(model.index_of(total), str(window.document.report.cells[total] + 2))  # a misprinted total
    window.resize(1280, 860)
    window.show()
    panel = window.findings_panel
    panel.setCurrentRow(0)
    window.go_to_finding(panel.shown[0])
    window.grids[table.id].body.setCurrentIndex(model.index_of(total))
    for _ in range(5):
        app.processEvents()
    target = Path(__file__).with_name("main-window.png")
    window.grab().save(str(target))
    print(target)
    window.context.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
