"""Undo and redo are exact: a stateful property test over the window, its undo stack and its files.

Rules type valid and invalid values, paste, clear, edit texts and metadata, switch the format
(accepted and refused), save, autosave, export and reopen. After every step: undoing everything
returns to the report as last loaded, redoing everything returns to where the user was, a save
reopens equal to the report at the save, the unsaved flag is right and the findings are a fresh
check's. ``scripts/undo_state_machine.py`` runs it with many more steps.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from gipr_desktop.gui.context import create_context
from gipr_desktop.gui.main_window import MainWindow
from gipr_desktop.gui.qt import QtCore
from gipr_desktop.io.registry import read_report
from tests.gui.conftest import ScriptedDialogs
from tests.gui.driver import TYPED, WindowDriver, report_state


class UndoMachine(RuleBasedStateMachine):
    """One window, driven by rules; ``loaded`` is the report as last loaded (the stack's bottom)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="gipr-undo-"))
        (self.folder / "data").mkdir()
        settings_file = QtCore.QSettings(str(self.folder / "settings.ini"), QtCore.QSettings.Format.IniFormat)
        self.window = MainWindow(create_context(settings_file, self.folder / "data", ScriptedDialogs()))
        self.driver = WindowDriver(self.window, self.folder, random.Random(0))
        self.saved: dict[Path, tuple] = {}

    @initialize()
    def start(self) -> None:
        self.window.start([])
        self.loaded = self.driver.state()

    @rule(seed=st.integers(0, 2 ** 16), text=st.sampled_from(TYPED))
    def type_a_value(self, seed, text):
        self.driver.rng.seed(seed)
        self.driver.type_value(text)

    @rule(seed=st.integers(0, 2 ** 16))
    def paste_a_block(self, seed):
        self.driver.rng.seed(seed)
        self.driver.paste()

    @rule(seed=st.integers(0, 2 ** 16))
    def clear_cells(self, seed):
        self.driver.rng.seed(seed)
        self.driver.clear()

    @rule(seed=st.integers(0, 2 ** 16))
    def edit_a_text(self, seed):
        self.driver.rng.seed(seed)
        self.driver.edit_section()

    @rule(seed=st.integers(0, 2 ** 16))
    def edit_metadata(self, seed):
        self.driver.rng.seed(seed)
        self.driver.edit_metadata()

    @rule(accept=st.booleans())
    def switch_format(self, accept):
        self.driver.switch_format(accept)

    @rule(steps=st.integers(1, 6))
    def undo(self, steps):
        for _ in range(steps):
            self.driver.stack.undo()

    @rule(steps=st.integers(1, 6))
    def redo(self, steps):
        for _ in range(steps):
            self.driver.stack.redo()

    @rule()
    def save(self):
        path = self.driver.save()
        if not self.window.document.dirty:
            self.saved[path] = self.driver.state()

    @rule()
    def autosave(self):
        self.driver.autosave()

    @rule(seed=st.integers(0, 2 ** 16))
    def export(self, seed):
        self.driver.rng.seed(seed)
        self.driver.export()

    @rule(data=st.data())
    def reopen(self, data):
        if not self.saved:
            return
        path = data.draw(st.sampled_from(sorted(self.saved)))
        self.driver.reopen(path)
        assert self.driver.state() == self.saved[path]  # the saved file reopens equal
        self.loaded = self.driver.state()

    @invariant()
    def undo_all_and_redo_all_are_exact(self):
        if not hasattr(self, "loaded"):
            return
        QtCore.QCoreApplication.processEvents()
        assert self.window.document.dirty == (not self.driver.stack.isClean())
        assert self.driver.findings_are_fresh()
        here, bottom, back = self.driver.undo_all_redo_all()
        assert bottom == self.loaded
        assert back == here

    def teardown(self):
        self.window.document.set_dirty(False)
        self.window.close()
        self.window.deleteLater()


def run(examples: int, steps: int) -> None:
    run_state_machine_as_test(UndoMachine, settings=settings(
        max_examples=examples, stateful_step_count=steps, deadline=None,
        suppress_health_check=list(HealthCheck)))


def test_undo_and_redo_are_exact_over_random_edits_saves_and_format_switches(qapp):
    run(examples=5, steps=20)


def test_a_saved_file_reopens_equal_to_the_report_at_the_save(qapp, tmp_path):
    machine = UndoMachine()
    machine.start()
    machine.type_a_value(3, "42")
    machine.switch_format(True)
    machine.save()
    (path, state), = machine.saved.items()
    assert report_state(read_report(path).report) == state
    machine.teardown()
