"""Each hostile file (``hostile``) gives a clear Chinese ReadError or a valid report, and prints nothing."""

from __future__ import annotations

import re

import pytest

from gipr_desktop.io.registry import read_report
from tests.fuzz.cases import verdict
from tests.fuzz.hostile import MARKED, NAMES, VALID, hostile_files


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_files(tmp_path_factory.mktemp("hostile"))


def test_every_hostile_file_is_tested(hostile):
    assert sorted(hostile) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_hostile_file_is_refused_clearly_or_read(name, hostile, capfd):
    case = hostile[name]
    status, detail = verdict(case.path)
    assert capfd.readouterr().err == ""
    assert status != "failed", detail
    if case.expected == VALID:
        assert status == "ok", detail
        if case.expected_note:
            result = read_report(case.path)
            notes = [note for note in result.notes if case.expected_note in note.message]
            assert notes and (notes[0].table, notes[0].row, notes[0].col) == tuple(MARKED), result.notes
            assert MARKED not in result.report.cells
    else:
        assert status == "refused", detail
        assert re.search(case.expected, detail), detail
        assert f"「{case.path.name}」" in detail
