"""Start the window on the bundled sample report (a placeholder until the main window lands)."""

from __future__ import annotations

import sys

from gipr_desktop.core.checks import SEVERITY_NAMES, check
from gipr_desktop.io.registry import read_report
from gipr_desktop.paths import resource


def main(argv: list[str] | None = None) -> int:
    from gipr_desktop.gui.qt import QtWidgets

    argv = sys.argv if argv is None else argv
    app = QtWidgets.QApplication(argv)
    report = read_report(resource("sample.gipr")).report
    lines = [report.title, ""] + [
        f"{SEVERITY_NAMES[f.severity]}：{f.message}" for f in check(report)
    ]
    window = QtWidgets.QPlainTextEdit("\n".join(lines))
    window.setReadOnly(True)
    window.setWindowTitle(f"政府信息公开工作年度报告 — {report.title}")
    window.resize(900, 600)
    window.show()
    return app.exec()
