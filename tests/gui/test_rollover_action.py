"""文件 › 以上年报告为基础新建: last year's report becomes this year's, checked against last year."""

from gipr_desktop.core.schema import CellRef
from gipr_desktop.paths import resource

CARRIED = CellRef("applications", "carried_over", "natural_person")


def rules(window):
    return {f.rule for f in window.document.findings}


def test_rolling_over_the_sample_starts_next_year_from_its_carry_forward(window):
    window.context.dialogs.paths = [str(resource("sample.gipr"))]
    window.rollover_dialog()
    report = window.document.report
    assert report.year == 2026 and report.format == "2021"
    assert report.unit == "示例市示例区人民政府"
    assert report.get(CARRIED) == 1  # last year's 结转下年度继续办理
    assert report.get(CellRef("applications", "new", "natural_person")) is None  # unknown, not 0
    assert window.document.dirty and window.document.path is None
    kind, title, text = window.context.dialogs.shown[-1]
    assert (kind, title) == ("info", "以上年报告为基础新建") and "2025年度报告" in text
    assert "U1" in rules(window)  # every copied section waits for its update
    assert "R5" not in rules(window)


def test_after_rollover_a_carried_over_count_that_contradicts_last_year_is_flagged(window):
    window.context.dialogs.paths = [str(resource("sample.gipr"))]
    window.rollover_dialog()
    window.document.set_cells({CARRIED: 5})
    r5 = [f for f in window.document.findings if f.rule == "R5"]
    assert r5 and CARRIED in r5[0].cells


def test_a_bad_last_year_file_changes_nothing(window, tmp_path):
    bad = tmp_path / "last.gipr"
    bad.write_text("{broken", encoding="utf-8")
    before = window.document.report.copy()
    window.context.dialogs.paths = [str(bad)]
    window.rollover_dialog()
    assert window.context.dialogs.kinds()[-1] == "error"
    assert window.document.report == before
