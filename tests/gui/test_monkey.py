"""The window under random use: typing, pastes, clears, texts, format switches, undo and redo runs,
saves, autosaves and exports, in a seeded random order.

After every action: no callback raised (the guard would have caught it: see conftest), no Qt
warning (``qt_log_level_fail``), the findings are a fresh check's, the unsaved flag follows the
undo stack, a save reopens equal, and undoing everything returns to the report as loaded while
redoing everything returns to where the user was. ``scripts/gui_monkey.py`` runs it longer.
"""

from __future__ import annotations

import random

import pytest

from gipr_desktop.io.registry import read_report
from tests.gui.driver import WindowDriver, report_state

SEEDS = range(3)
ACTIONS_PER_SEED = 120


def run_monkey(window, folder, seed: int, actions: int, check_every: int = 1) -> list[str]:
    """Run ``actions`` random actions; returns the names run. Raises AssertionError on a mismatch."""
    driver = WindowDriver(window, folder, random.Random(seed))
    loaded = driver.state()
    done = []
    for step in range(actions):
        if driver.rng.random() < 0.03 and driver.saves:
            driver.reopen(folder / f"save-{driver.saves % 3}.gipr")
            loaded = driver.state()
            done.append("reopen")
        else:
            name = driver.random_action()
            done.append(name)
            if name == "save" and not window.document.dirty:
                saved = read_report(window.document.path).report
                assert report_state(saved) == driver.state(), f"seed {seed} step {step}: the save reopens different"
        driver.process_events()
        assert window.document.dirty == (not driver.stack.isClean()), f"seed {seed} step {step}: unsaved flag"
        if step % check_every == 0:
            assert driver.findings_are_fresh(), f"seed {seed} step {step} ({done[-8:]}): stale findings"
            here, bottom, back = driver.undo_all_redo_all()
            assert bottom == loaded, f"seed {seed} step {step} ({done[-8:]}): undo all is not the report as loaded"
            assert back == here, f"seed {seed} step {step} ({done[-8:]}): redo all is not where the user was"
    return done


@pytest.mark.parametrize("seed", SEEDS)
def test_random_use_keeps_the_window_alive_and_undo_exact(window, tmp_path, seed):
    done = run_monkey(window, tmp_path, seed, ACTIONS_PER_SEED, check_every=3)
    assert window.isVisible() and len(done) == ACTIONS_PER_SEED
