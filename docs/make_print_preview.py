"""Take docs/print-preview.png: 打印预览 of a report, two pages side by side, table 三 continued with its headers.

Run under a real X server with a CJK font installed (Noto CJK on Linux), for instance
``xvfb-run -a -s "-screen 0 1600x1200x24" python docs/make_print_preview.py [REPORT]`` (any readable
file; the bundled sample when none is named).
"""

from __future__ import annotations

import sys
from pathlib import Path

from gipr_desktop.gui import printing
from gipr_desktop.gui.guard import guarded
from gipr_desktop.gui.qt import QtPrintSupport, QtWidgets
from gipr_desktop.io.registry import read_report
from gipr_desktop.paths import resource


def main() -> None:
    app = QtWidgets.QApplication(sys.argv)
    report = read_report(sys.argv[1] if len(sys.argv) > 1 else resource("sample.gipr")).report
    pages = printing.report_pages(report)
    printer = printing.new_printer()  # the dialog does not own it: it must outlive the dialog
    preview = QtPrintSupport.QPrintPreviewDialog(printer)
    preview.setWindowTitle("打印预览")
    preview.paintRequested.connect(guarded(pages.print_on))
    preview.resize(1400, 1000)
    preview.show()
    widget = preview.findChild(QtPrintSupport.QPrintPreviewWidget)
    for _ in range(10):
        app.processEvents()
    widget.setViewMode(QtPrintSupport.QPrintPreviewWidget.ViewMode.FacingPagesView)
    widget.setCurrentPage(2)
    widget.fitInView()
    for _ in range(10):
        app.processEvents()
    target = Path(__file__).with_name("print-preview.png")
    preview.grab().save(str(target))
    print(target, pages.count(), "pages")
    preview.close()


if __name__ == "__main__":
    main()
