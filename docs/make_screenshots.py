"""Take the README's pictures of the window on a 1366×768 screen: 显示上年数 with 填写说明, and
本年与上年对照 (real published reports of one body, two years running: 平潭 2024 and 2025); 汇总审核
over a folder of the seeds in several formats, the 淮安 PDF and a damaged file.

Run under a real X server of that size with a CJK font installed, e.g.
``xvfb-run -s "-screen 0 1366x768x24" python docs/make_screenshots.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.commands import AttachPreviousCommand
from gipr_desktop.gui.context import create_context
from gipr_desktop.gui.main_window import MainWindow
from gipr_desktop.gui.qt import QtCore, QtWidgets
from gipr_desktop.io.registry import read_report, write_report

HERE = Path(__file__).resolve().parent
REPORTS = HERE.parent / "tests" / "fixtures" / "reports"


class PrintedDialogs:
    """Messages go to the terminal: nothing may wait for a click here."""

    def info(self, parent, title, text):
        print(f"{title}: {text[:200]}")

    error = info


def settle(app, rounds: int = 10) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    app = QtWidgets.QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    settings = QtCore.QSettings(str(folder / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(create_context(settings, folder, PrintedDialogs()))
    window.open_path(REPORTS / "008_pingtan_2025.txt", remember=False, ask=False)
    last = read_report(REPORTS / "007_pingtan_2024.txt").report
    window.context.push(AttachPreviousCommand(window.document, last, "附上上年报告"))
    window.showMaximized()
    settle(app)
    window.last_year_action.trigger()
    grid = window.grids["applications"]
    window.tabs.setCurrentWidget(grid)
    grid.body.select_refs([CellRef("applications", "partial", "natural_person")])
    settle(app)
    window.grab().save(str(HERE / "last-year-and-help.png"))
    window.open_comparison()
    window.comparison.resize(900, 640)
    settle(app)
    window.comparison.grab().save(str(HERE / "comparison.png"))
    batch = folder / "reports"
    batch.mkdir()
    seeds = sorted((HERE.parent.parent / "shared" / "seeds").glob("*.txt"))
    for seed, ext in zip(seeds, (".gipr", ".xlsx", ".docx", ".txt", ".gipr")):
        write_report(read_report(seed).report, batch / f"{seed.stem[:3]}{ext}")
    pdf = HERE.parent.parent / "shared" / "fixtures" / "huaian-city-2024.pdf"
    (batch / pdf.name).write_bytes(pdf.read_bytes())
    (batch / "损坏的报告.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    window.context.dialogs.folder_path = lambda parent, title, start: str(batch)
    window.open_review_workspace()
    workspace = window.review_workspace
    workspace.add_folder()
    workspace.showMaximized()
    workspace.table.selectRow(0)
    workspace.show_findings(workspace.proxy.index(0, 0))
    settle(app)
    workspace.grab().save(str(HERE / "review-workspace.png"))
    print(HERE / "last-year-and-help.png", HERE / "comparison.png", HERE / "review-workspace.png")
    window.context.undo_stack.setClean()
    window.document.set_dirty(False)
    window.close()


if __name__ == "__main__":
    main()
