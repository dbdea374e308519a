"""How fast the window feels: launch to window shown, an edit to its highlight, memory in use.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_speed.py

Launch is timed in a fresh process (interpreter start, imports, reading the sample, building and
showing the window, first paint). An edit is timed from typing a wrong total to the highlighted
cells painted: the checks, every model marking what changed and the views painting it. Goals: window under 1.5 s,
highlight under 16 ms (one frame).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

def sample_window():
    """The main window on the bundled sample, shown, with settings and data in a temporary folder."""
    from gipr_desktop.gui.context import create_context
    from gipr_desktop.gui.main_window import MainWindow
    from gipr_desktop.gui.qt import QtCore

    folder = Path(tempfile.mkdtemp())
    settings = QtCore.QSettings(str(folder / "s.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(create_context(settings, folder))
    window.start([])
    window.show()
    return window


def show_and_report() -> None:
    """The launched process: start Qt, show the window, paint it once, say so."""
    from gipr_desktop.gui.qt import QtWidgets

    app = QtWidgets.QApplication(sys.argv)
    sample_window().repaint()
    app.processEvents()
    print("shown", flush=True)


def launch_seconds() -> float:
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "--launch"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    shown = time.perf_counter() - started
    if line.strip() != "shown":
        raise SystemExit("the window did not start: run gipr-desktop to see why")
    process.kill()
    process.wait()
    return shown


def memory_mb() -> float | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def main() -> None:
    launches = [launch_seconds() for _ in range(3)]
    print(f"launch to window shown: median {statistics.median(launches):.2f} s (goal < 1.5 s; runs: "
          + ", ".join(f"{t:.2f}" for t in launches) + ")")

    from gipr_desktop.core.schema import CellRef
    from gipr_desktop.gui.qt import QtWidgets
    from gipr_desktop.gui.table_model import SEVERITY_ROLE

    app = QtWidgets.QApplication(sys.argv)
    window = sample_window()
    table = window.document.report.schema.table("applications")
    rule = next(r for r in table.rules if r.kind == "row_sum")
    total = CellRef(table.id, table.rows[0].id, rule.total)
    model = window.models[table.id]
    grid = window.grids[table.id]
    window.tabs.setCurrentWidget(grid)
    app.processEvents()
    index = model.index_of(total)
    good = str(window.document.report.cells[total])
    timings, repaints = [], []
    for i in range(200):
        value = good if i % 2 else str(int(good) + 1 + i)
        started = time.perf_counter()
        model.setData(index, value)  # checks run, models mark the changed cells
        app.processEvents()  # the views paint what changed
        timings.append((time.perf_counter() - started) * 1000)
        assert (model.data(index, SEVERITY_ROLE) == "error") == (i % 2 == 0)
        started = time.perf_counter()
        grid.body.viewport().repaint()
        repaints.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(f"edit to highlight painted: median {statistics.median(timings):.2f} ms, "
          f"95th percentile {timings[int(len(timings) * 0.95)]:.2f} ms (goal < 16 ms)")
    print(f"repainting the whole of table 三 (e.g. after scrolling): median {statistics.median(repaints):.2f} ms")
    memory = memory_mb()
    print(f"memory in use with the sample report open: {memory:.0f} MB" if memory else "memory: not measured here")
    window.context.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    show_and_report() if sys.argv[1:] == ["--launch"] else main()
