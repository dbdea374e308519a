"""Run the undo state machine longer than CI does: ``python scripts/undo_state_machine.py [EXAMPLES] [STEPS]``.

The rules and invariants are those of ``tests/gui/test_undo_exact.py``; prints how many steps ran.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.gui.qt import QtWidgets  # noqa: E402
from tests.gui import test_undo_exact  # noqa: E402


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    counted = []
    original = test_undo_exact.UndoMachine.undo_all_and_redo_all_are_exact

    def counting(self):
        counted.append(1)
        original(self)

    test_undo_exact.UndoMachine.undo_all_and_redo_all_are_exact = test_undo_exact.invariant()(counting)
    started = time.monotonic()
    try:
        test_undo_exact.run(examples, steps)
    except AssertionError as exc:
        print(f"MISMATCH after {len(counted)} checked steps: {exc}")
        return 1
    finally:
        app.processEvents()
    print(f"{len(counted)} checked steps in {examples} runs of up to {steps} in {time.monotonic() - started:.0f} s: "
          "undo all and redo all exact after every one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
