"""汇总审核 through the real window: a folder of real reports in several formats and a damaged file,
last year's folder, sorting and filtering, findings of a row, opening a report and saving it, 汇总所选,
the review workbook and the per-body 审核意见."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from gipr_desktop.gui.qt import Qt, QtCore
from gipr_desktop.io.registry import read_report, write_report

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


@pytest.fixture
def folders(tmp_path, seeds_dir):
    """This year: three seeds as .gipr, .xlsx and .docx, 平潭 2025, a damaged workbook; last year: 平潭 2024."""
    now, last = tmp_path / "2025", tmp_path / "2024"
    now.mkdir()
    last.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for seed, ext in zip(seeds[:3], (".gipr", ".xlsx", ".docx")):
        write_report(read_report(seed).report, now / f"{seed.stem}{ext}")
    write_report(read_report(REPORTS / "008_pingtan_2025.txt").report, now / "pingtan.gipr")
    (now / "damaged.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    write_report(read_report(REPORTS / "007_pingtan_2024.txt").report, last / "pingtan-2024.gipr")
    return now, last


def _workspace(window, folders, previous=True):
    now, last = folders
    window.context.dialogs.folders += [str(now)]
    window.open_review_workspace()
    workspace = window.review_workspace
    workspace.add_folder()
    if previous:
        window.context.dialogs.folders += [str(last)]
        workspace.add_previous_folder()
    return workspace


def _names(workspace):
    proxy = workspace.proxy
    return [proxy.index(i, 0).data() for i in range(proxy.rowCount())]


def test_a_folder_is_read_into_one_row_per_report_and_a_damaged_file_is_a_row_with_its_reason(window, folders):
    workspace = _workspace(window, folders)
    rows = workspace.model.rows
    assert len(rows) == 5
    damaged = next(row for row in rows if row.file_name == "damaged.xlsx")
    assert damaged.status == "未读取" and damaged.message
    assert "共 5 份报告" in workspace.summary.text() and "未读取 1 份" in workspace.summary.text()
    pingtan = next(i for i, row in enumerate(rows) if row.file_name == "pingtan.gipr")
    text = workspace.model.index(pingtan, workspace.model.columnCount() - 9).data()  # 本年新收
    assert "（" in text  # the change against last year beside the figure


def test_sorting_filtering_and_a_rows_findings(qtbot, window, folders):
    workspace = _workspace(window, folders, previous=False)
    workspace.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)  # 状态
    workspace.filter_box.setText("未读取")
    assert _names(workspace) == ["damaged.xlsx"]
    workspace.filter_box.setText("")
    workspace.table.selectRow(0)
    workspace.show_findings(workspace.proxy.index(0, 0))
    assert workspace.findings.count() >= 1


def test_the_level_can_be_corrected(window, folders):
    workspace = _workspace(window, folders, previous=False)
    row = next(i for i, r in enumerate(workspace.model.rows) if r.readable)
    index = workspace.model.index(row, 1)
    assert workspace.model.setData(index, "街道") and workspace.model.rows[row].level == "街道"
    assert not workspace.model.setData(index, "不是级别")


def test_double_click_opens_the_report_and_saving_it_reads_its_row_again(qtbot, window, folders, tmp_path):
    workspace = _workspace(window, folders, previous=False)
    row = next(i for i, r in enumerate(workspace.model.rows) if r.file_name == "pingtan.gipr")
    proxy_index = workspace.proxy.mapFromSource(workspace.model.index(row, 0))
    workspace.open_row(proxy_index)
    assert window.document.path == Path(workspace.model.rows[row].path)
    window.document.report.unit = "平潭综合实验区管委会（已改）"
    window.document.set_dirty(True)
    assert window.save()
    assert workspace.model.rows[row].unit == "平潭综合实验区管委会（已改）"


def test_aggregate_the_chosen_rows_into_the_district_report_in_the_editor(window, folders):
    workspace = _workspace(window, folders, previous=False)
    same_format = [i for i, r in enumerate(workspace.model.rows) if r.readable and r.format == "2021"]
    selection = workspace.table.selectionModel()
    for i in same_format:
        selection.select(workspace.proxy.mapFromSource(workspace.model.index(i, 0)),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    workspace.aggregate_selected()
    report = window.document.report
    assert report.aggregate_of and len(report.aggregate_of) == len(same_format)
    assert window.document.path is None and window.document.dirty


def test_mixing_formats_is_refused_naming_the_odd_ones(window, folders):
    workspace = _workspace(window, folders, previous=False)
    formats = {r.format for r in workspace.model.rows if r.readable}
    if len(formats) < 2:
        pytest.skip("the seeds chosen are all of one format")
    workspace.table.clearSelection()
    workspace.aggregate_selected()
    kind, title, text = window.context.dialogs.shown[-1]
    assert kind == "error" and "格式" in text


def test_the_review_workbook_and_the_feedback_are_written(window, folders, tmp_path):
    workspace = _workspace(window, folders)
    target = tmp_path / "审核"
    window.context.dialogs.paths += [str(target)]
    workspace.export_workbook()
    book = load_workbook(str(target) + ".xlsx")
    assert "汇总表" in book.sheetnames and "问题清单" in book.sheetnames
    feedback = tmp_path / "意见"
    window.context.dialogs.folders += [str(feedback)]
    workspace.export_feedback()
    assert len(list(feedback.iterdir())) == sum(1 for r in workspace.model.rows if r.readable)


def test_reading_can_be_cancelled_and_changes_nothing(qtbot, window, folders, monkeypatch):
    from gipr_desktop.gui import review_workspace
    from gipr_desktop.gui.operations import Cancelled

    workspace = _workspace(window, folders, previous=False)
    before = list(workspace.model.rows)

    def cancelled(*args, **kwargs):
        raise Cancelled

    monkeypatch.setattr(review_workspace, "run_in_background", cancelled)
    workspace.read_all()
    assert workspace.model.rows == before and "已取消读取" in workspace.summary.text()
    assert isinstance(QtCore.QCoreApplication.instance(), QtCore.QCoreApplication)


def test_the_workbook_sums_a_body_reporting_twice_once_as_gipr_batch_does(window, folders, tmp_path):
    now, _ = folders
    (now / "pingtan-again.gipr").write_bytes((now / "pingtan.gipr").read_bytes())
    workspace = _workspace(window, folders, previous=False)
    level_row = next(i for i, r in enumerate(workspace.model.rows) if r.file_name == "pingtan.gipr")
    workspace.model.setData(workspace.model.index(level_row, 1), "街道")
    workspace._sum_stale = True  # as after a report was saved in the editor
    target = tmp_path / "审核"
    window.context.dialogs.paths += [str(target)]
    workspace.export_workbook()
    book = load_workbook(str(target) + ".xlsx")
    texts = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert any("未计入汇总" in text for text in texts)  # one of the two copies is left out of the sum
    assert next(r for r in workspace.model.rows if r.file_name == "pingtan.gipr").level == "街道"
