"""Run the window's monkey test longer than CI does: ``python scripts/gui_monkey.py [ACTIONS] [SEEDS]``.

Random actions on the real window (offscreen), checked after each as in ``tests/gui/test_monkey.py``;
prints the number of actions run, Qt warnings, exceptions the guard caught and any mismatch.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.gui import guard  # noqa: E402
from gipr_desktop.gui.context import create_context  # noqa: E402
from gipr_desktop.gui.main_window import MainWindow  # noqa: E402
from gipr_desktop.gui.qt import QtCore, QtWidgets  # noqa: E402
from tests.gui.conftest import ScriptedDialogs  # noqa: E402
from tests.gui.test_monkey import run_monkey  # noqa: E402


def main() -> int:
    actions = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    check_every = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    warnings, errors, failures, total = [], [], [], 0
    QtCore.qInstallMessageHandler(lambda kind, context, text: warnings.append(text)
                                  if kind != QtCore.QtMsgType.QtDebugMsg and "propagateSizeHints" not in text else None)
    guard.add_handler(errors.append)
    started = time.monotonic()
    for seed in range(seeds):
        with tempfile.TemporaryDirectory() as folder:
            settings = QtCore.QSettings(str(Path(folder) / "settings.ini"), QtCore.QSettings.Format.IniFormat)
            (Path(folder) / "data").mkdir()
            window = MainWindow(create_context(settings, Path(folder) / "data", ScriptedDialogs()))
            window.start([])
            window.show()
            try:
                total += len(run_monkey(window, Path(folder), 1000 + seed, actions, check_every))
            except AssertionError as exc:
                failures.append(str(exc))
                print("MISMATCH:", exc, flush=True)
            window.document.set_dirty(False)
            window.close()
            window.deleteLater()
            app.processEvents()
    print(f"{total} actions on {seeds} windows in {time.monotonic() - started:.0f} s; "
          f"{len(failures)} mismatches, {len(errors)} exceptions caught, {len(warnings)} Qt warnings")
    for text in warnings[:5]:
        print("  Qt:", text)
    for exc in errors[:5]:
        print("  exception:", repr(exc))
    return 1 if failures or errors or warnings else 0


if __name__ == "__main__":
    sys.exit(main())
