"""Files and safety: save and reopen, errors as messages, import notes, recent files, recovery."""

from __future__ import annotations

import subprocess
import sys

from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui import files as main_window_module  # where files are read
from gipr_desktop.gui.autosave import Autosave
from gipr_desktop.gui.dialogs import CANCEL, DISCARD, SAVE
from gipr_desktop.io.errors import ImportNote, ImportResult
from gipr_desktop.io.project import read
from gipr_desktop.io.registry import write_report
from tests.gui.conftest import ScriptedDialogs, crash
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
    assert reopened.files.recent_files()[0] == str(saved.resolve())


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


def test_many_long_import_notes_fit_a_small_screen_and_can_be_read_to_the_last(qtbot, window):
    """A PDF viewer's copy of a sparse table gives dozens of notes of three lines each: shown in a
    message box they ran off a 1366×768 screen and hid its button. The notes dialog keeps within
    the screen, its 确定 in view, and scrolls through every note, the last included."""
    from gipr_desktop.gui.dialogs import notes_dialog
    from gipr_desktop.gui.qt import QtWidgets

    lines = [f"· 表「收到和处理政府信息公开申请情况」第 {i} 行：只印有 6 个数字，应有 7 栏（PDF 复制的文字不留空白单元格的痕迹），"
             "已按全表的勾稽关系定出各数字所在栏目，「总计」为原文空白，请核对" for i in range(1, 41)]
    dialog = notes_dialog(window, "导入说明", "从「报告.txt」导入时有以下情况，请核对：", lines)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.frameGeometry().height() <= 700 and dialog.frameGeometry().width() <= 1300
    button = dialog.findChild(QtWidgets.QDialogButtonBox).button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert button.isVisible() and dialog.rect().contains(button.geometry().center())
    shown = dialog.findChild(QtWidgets.QPlainTextEdit)
    assert shown.isReadOnly() and "第 40 行" in shown.toPlainText()
    assert shown.verticalScrollBar().maximum() > 0  # more than fits: it scrolls
    button.click()
    assert not dialog.isVisible()


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


def _edit_and_autosave(window, value: str = "77") -> CellRef:
    ref = _some_cell(window)
    window.models[ref.table].setData(window.models[ref.table].index_of(ref), value)
    window.autosave.save_now()
    return ref


def _copies(data_dir) -> list:
    return sorted((data_dir / "recovery").glob("*.gipr"))


def _saved_report(tmp_path, name: str, unit: str, year: int):
    report = sample_report()
    report.unit, report.year = unit, year
    path = tmp_path / name
    write_report(report, path)
    return path


def test_after_a_crash_the_next_start_offers_to_restore(qtbot, make_window, data_dir):
    crashed = make_window()
    ref = _edit_and_autosave(crashed)
    crash(crashed)
    dialogs = ScriptedDialogs()
    restored = make_window(dialogs=dialogs)
    assert dialogs.kinds()[0] == "ask" and "恢复" in dialogs.shown[0][1]
    assert restored.document.report.cells[ref] == 77
    assert restored.isWindowModified()
    assert _copies(data_dir) == [restored.recovery.file]  # the copy is now the restoring window's own


def test_declining_the_restore_drops_the_recovery_copy(qtbot, make_window, data_dir):
    crashed = make_window()
    ref = _edit_and_autosave(crashed)
    crash(crashed)
    dialogs = ScriptedDialogs()
    dialogs.answer = False
    fresh = make_window(dialogs=dialogs)
    assert fresh.document.report.cells.get(ref) != 77
    assert list((data_dir / "recovery").iterdir()) == []


def test_a_damaged_recovery_copy_is_ignored(make_window, data_dir):
    (data_dir / "recovery").mkdir()
    (data_dir / "recovery" / "0123.gipr").write_text("garbage", encoding="utf-8")
    (data_dir / "recovery.gipr").write_text("garbage", encoding="utf-8")  # as earlier versions named it
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    assert "ask" not in dialogs.kinds()
    assert "示例" in window.document.report.unit
    assert _copies(data_dir) == [] and not (data_dir / "recovery.gipr").exists()


def test_a_copy_left_by_an_earlier_version_is_offered(make_window, data_dir):
    report = sample_report()
    report.unit = "旧版区"
    write_report(report, data_dir / "recovery.gipr")
    dialogs = ScriptedDialogs()
    restored = make_window(dialogs=dialogs)
    assert "旧版区" in dialogs.questions()[0] and restored.document.report.unit == "旧版区"
    assert not (data_dir / "recovery.gipr").exists() and _copies(data_dir) == [restored.recovery.file]


def test_two_windows_keep_their_own_copies_and_saving_or_closing_one_leaves_the_other(make_window, data_dir, tmp_path):
    first = make_window(paths=[_saved_report(tmp_path, "甲.gipr", "甲区人民政府", 2024)])
    second = make_window(paths=[_saved_report(tmp_path, "乙.gipr", "乙区人民政府", 2024)])
    _edit_and_autosave(first)
    _edit_and_autosave(second)
    assert _copies(data_dir) == sorted([first.recovery.file, second.recovery.file])
    assert second.save()
    assert _copies(data_dir) == [first.recovery.file]
    _edit_and_autosave(second, "5")
    second.context.dialogs.save_answer = DISCARD
    assert second.close()
    assert _copies(data_dir) == [first.recovery.file]
    dialogs = ScriptedDialogs()
    third = make_window(dialogs=dialogs)  # started while the first is still open
    assert "ask" not in dialogs.kinds()
    assert third.document.path == tmp_path / "乙.gipr"
    assert _copies(data_dir) == [first.recovery.file]


def test_after_a_crash_with_two_windows_both_are_offered_each_named_and_both_restored(make_window, data_dir, tmp_path):
    first = make_window(paths=[_saved_report(tmp_path, "甲.gipr", "甲区人民政府", 2024)])
    second = make_window()
    second.context.dialogs.year = 2023
    second.new_report()  # not saved to any file yet
    second.document.set_metadata("unit", "乙区人民政府")
    ref = _edit_and_autosave(first, "11")
    _edit_and_autosave(second, "22")
    crash(first)
    crash(second)
    dialogs = ScriptedDialogs()
    restored = make_window(dialogs=dialogs)
    questions = dialogs.questions()
    assert len(questions) == 2
    about_first = next(q for q in questions if "甲区人民政府" in q)
    about_second = next(q for q in questions if "乙区人民政府" in q)
    assert "2024 年" in about_first and "甲.gipr" in about_first
    assert "2023 年" in about_second and "尚未保存为文件" in about_second
    assert all("自动保存于：20" in q and "共 2 份" in q for q in questions)
    windows = [restored, *restored.restored_windows]
    assert len(windows) == 2 and all(w.isVisible() and w.isWindowModified() for w in windows)
    by_unit = {w.document.report.unit: w for w in windows}
    assert by_unit["甲区人民政府"].document.report.cells[ref] == 11
    assert by_unit["甲区人民政府"].document.path == tmp_path / "甲.gipr"
    assert by_unit["乙区人民政府"].document.report.cells[ref] == 22
    assert _copies(data_dir) == sorted(w.recovery.file for w in windows)
    for window in restored.restored_windows:
        window.context.dialogs = ScriptedDialogs()
        window.close()


def test_only_the_copies_chosen_are_restored(make_window, data_dir, tmp_path):
    windows = [make_window(paths=[_saved_report(tmp_path, name, unit, 2024)])
               for name, unit in (("甲.gipr", "甲区人民政府"), ("乙.gipr", "乙区人民政府"))]
    for window in windows:
        _edit_and_autosave(window)
        crash(window)
    dialogs = ScriptedDialogs()
    dialogs.answers = [False, True]
    restored = make_window(dialogs=dialogs)
    kept = "乙区人民政府" if "甲区人民政府" in dialogs.questions()[0] else "甲区人民政府"
    assert restored.document.report.unit == kept and restored.restored_windows == []
    assert _copies(data_dir) == [restored.recovery.file]


CRASHING_WINDOW = """
import sys, time
from pathlib import Path
from gipr_desktop.gui.autosave import Recovery
from gipr_desktop.io.project import read
report = read(Path(sys.argv[2])).report
report.unit = "丙区人民政府"
recovery = Recovery(Path(sys.argv[1]))  # as a window holds it while open
recovery.write(report, Path(sys.argv[2]))
print("written", flush=True)
time.sleep(120)
"""


def test_a_window_of_another_process_is_left_alone_until_that_process_dies(make_window, data_dir, tmp_path):
    source = _saved_report(tmp_path, "丙.gipr", "丙区", 2024)
    other = subprocess.Popen([sys.executable, "-c", CRASHING_WINDOW, str(data_dir), str(source)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "written"
        dialogs = ScriptedDialogs()
        make_window(dialogs=dialogs)
        assert "ask" not in dialogs.kinds() and len(_copies(data_dir)) == 1
    finally:
        other.kill()  # kill -9: the process ends without a chance to clean up
        other.wait()
        other.stdout.close()
    dialogs = ScriptedDialogs()
    restored = make_window(dialogs=dialogs)
    assert "丙区人民政府" in dialogs.questions()[0] and "丙.gipr" in dialogs.questions()[0]
    assert restored.document.report.unit == "丙区人民政府" and restored.document.path == source


def test_a_published_report_as_text_opens_with_its_notes(window, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[3]
    assert window.open_path(seed)
    assert window.document.report.unit and window.document.path is None
    assert window.document.report.cells
    assert window.context.dialogs.kinds()[-1] == "info"  # this seed lacks table 二: the notes say so
    assert "S2" in {f.rule for f in window.document.findings}


def test_the_file_actions_can_be_driven_without_a_window(qtbot, tmp_path, data_dir):
    """Open, save and the recent files through ``gui.files`` alone: no window, no widget."""
    from gipr_desktop.gui.autosave import Recovery
    from gipr_desktop.gui.context import create_context
    from gipr_desktop.gui.files import Files
    from gipr_desktop.gui.qt import QtCore
    from gipr_desktop.paths import resource
    from tests.gui.conftest import ScriptedDialogs

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    context = create_context(settings, data_dir, ScriptedDialogs())
    said = []
    files = Files(context, Recovery(data_dir), said.append)
    assert files.open_path(None, resource("sample.gipr"), remember=False, as_template=True)
    assert context.document.path is None and said[-1] == "已打开「sample.gipr」"
    context.dialogs.paths.append(str(tmp_path / "本年"))
    assert files.save(None)  # no path yet: asks where, and adds .gipr
    assert context.document.path == tmp_path / "本年.gipr" and not context.document.dirty
    assert files.recent_files() == [str((tmp_path / "本年.gipr").resolve())]


def test_opening_a_word_file_read_whole_from_its_tables_asks_nothing_to_be_checked(window, tmp_path):
    """The notes say how each table was read (「按原表格读取」); that alone is nothing to check."""
    report = sample_report()
    report.published = ""  # where a date was found would be said
    write_report(report, tmp_path / "报告.docx")
    shown = len(window.context.dialogs.shown)
    window.context.dialogs.paths = [str(tmp_path / "报告.docx")]
    window.open_dialog()
    assert window.context.dialogs.shown[shown:] == []
    assert any("按原表格读取" in note.message for note in window.document.import_notes)
