"""Files and safety: save and reopen, errors as messages, import notes, recent files, recovery."""

from __future__ import annotations

from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui import main_window as main_window_module
from gipr_desktop.gui.autosave import Autosave
from gipr_desktop.gui.dialogs import CANCEL, SAVE
from gipr_desktop.io.errors import ImportNote, ImportResult
from gipr_desktop.io.project import read
from tests.gui.conftest import ScriptedDialogs
from tests.helpers import sample_report


def _some_cell(window) -> CellRef:
    return window.models["review_litigation"].layout.value_boxes()[0].ref


def test_save_as_then_reopen_shows_the_same_report(qtbot, make_window, tmp_path):
    window = make_window()
    ref = _some_cell(window)
    window.models[ref.table].setData(window.models[ref.table].index_of(ref), "42")
    target = tmp_path / "我的年报"  # no extension typed: .gipr is added
    window.context.dialogs.paths = [str(target)]
    assert window.save()  # the sample is a template: 保存 asks where
    saved = tmp_path / "我的年报.gipr"
    assert read(saved).report.cells[ref] == 42
    assert not window.isWindowModified() and "我的年报.gipr" in window.windowTitle()
    window.close()
    reopened = make_window()  # the most recent file opens at the next start
    assert reopened.document.path == saved
    assert reopened.document.report.cells[ref] == 42
    assert reopened.recent_files()[0] == str(saved.resolve())


def test_a_damaged_file_gives_a_chinese_message_and_keeps_the_open_report(window, tmp_path):
    bad = tmp_path / "坏的.gipr"
    bad.write_text('{"gipr": 1, "format": "2021", "tables": {', encoding="utf-8")
    before = window.document.report
    window.context.dialogs.paths = [str(bad)]
    window.open_dialog()
    kind, title, text = window.context.dialogs.shown[-1]
    assert kind == "error" and "坏的.gipr" in text and "损坏" in text
    assert window.document.report is before


def test_saving_where_it_cannot_be_written_gives_a_message(window, tmp_path):
    window.context.dialogs.paths = [str(tmp_path / "没有的文件夹" / "报告.gipr")]
    assert not window.save_as()
    assert window.context.dialogs.kinds()[-1] == "error"
    assert "Traceback" not in window.context.dialogs.shown[-1][2]


def test_import_notes_are_shown_after_an_import(window, tmp_path, monkeypatch):
    source = tmp_path / "报告.txt"
    source.write_text("…", encoding="utf-8")
    notes = [ImportNote("表三「其他」列无法识别，已留空", "applications")]
    monkeypatch.setattr(main_window_module, "read_report", lambda path: ImportResult(sample_report(), notes))
    assert window.open_path(source)
    kind, _, text = window.context.dialogs.shown[-1]
    assert kind == "info" and "无法识别" in text
    assert window.document.path is None  # an imported file is saved as a new .gipr, never over the source


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, tmp_path):
    ref = _some_cell(window)
    window.document.set_cells({ref: 3})
    window.context.undo_stack.resetClean()
    window.document.set_dirty(True)
    window.context.dialogs.save_answer = CANCEL
    assert not window.close()
    assert window.isVisible()
    window.context.dialogs.save_answer = SAVE
    window.context.dialogs.paths = [str(tmp_path / "关闭前.gipr")]
    assert window.close()
    assert read(tmp_path / "关闭前.gipr").report.cells[ref] == 3


def test_new_report_asks_the_year_and_picks_its_format(window):
    window.context.dialogs.year = 2020
    window.new_report()
    report = window.document.report
    assert report.year == 2020 and report.format == "2019" and not report.cells
    assert window.models["active"].table.id == "active"
    assert any(f.rule == "S2" for f in window.document.findings)


def test_autosave_writes_a_recovery_copy_only_while_there_are_unsaved_changes(qtbot, window):
    autosave = Autosave(window.document, window.recovery, interval_ms=20)
    qtbot.wait(60)
    assert not window.recovery.file.exists()
    ref = _some_cell(window)
    window.models[ref.table].setData(window.models[ref.table].index_of(ref), "8")
    qtbot.waitUntil(window.recovery.file.exists, timeout=2000)
    assert read(window.recovery.file).report.cells[ref] == 8
    autosave.timer.stop()


def test_after_a_crash_the_next_start_offers_to_restore(qtbot, make_window, data_dir):
    crashed = make_window()
    ref = _some_cell(crashed)
    crashed.models[ref.table].setData(crashed.models[ref.table].index_of(ref), "77")
    crashed.autosave.save_now()
    crashed.autosave.timer.stop()
    crashed.recovery.remove = lambda: None  # the process dies: nothing is cleaned up
    dialogs = ScriptedDialogs()
    restored = make_window(dialogs=dialogs)
    assert dialogs.kinds()[0] == "ask" and "恢复" in dialogs.shown[0][1]
    assert restored.document.report.cells[ref] == 77
    assert restored.isWindowModified()


def test_declining_the_restore_drops_the_recovery_copy(qtbot, make_window, data_dir):
    crashed = make_window()
    ref = _some_cell(crashed)
    crashed.models[ref.table].setData(crashed.models[ref.table].index_of(ref), "77")
    crashed.autosave.save_now()
    crashed.recovery.remove = lambda: None
    dialogs = ScriptedDialogs()
    dialogs.answer = False
    fresh = make_window(dialogs=dialogs)
    assert fresh.document.report.cells.get(ref) != 77
    assert not (data_dir / "recovery.gipr").exists()


def test_a_damaged_recovery_copy_is_ignored(make_window, data_dir):
    (data_dir / "recovery.gipr").write_text("garbage", encoding="utf-8")
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    assert "ask" not in dialogs.kinds()
    assert "示例" in window.document.report.unit


def test_a_published_report_as_text_opens_with_its_notes(window, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[3]
    assert window.open_path(seed)
    assert window.document.report.unit and window.document.path is None
    assert window.document.report.cells
    assert window.context.dialogs.kinds()[-1] == "info"  # this seed lacks table 二: the notes say so
    assert "S2" in {f.rule for f in window.document.findings}
