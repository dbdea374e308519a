"""Starting this year's report from last year's: what is carried, what is left empty, what is said."""

import json

import pytest

from gipr_desktop.cli import main
from gipr_desktop.core.checks import check
from gipr_desktop.core.rollover import rollover, shift_year
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io import project
from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.registry import read_report

from tests.helpers import sample_report, zero_report

A = "applications"


def messages(notes):
    return [note.message for note in notes]


def test_rollover_carries_carry_forward_and_in_force_and_leaves_the_rest_empty():
    last = sample_report()
    report, notes = rollover(last)
    assert (report.year, report.format, report.unit) == (last.year + 1, "2021", last.unit)
    for column in report.schema.table(A).row("carried_over").columns:
        assert report.cells[CellRef(A, "carried_over", column.id)] == last.cells[CellRef(A, "carry_forward", column.id)]
    for row in ("regulations", "normative_documents"):
        ref = CellRef("active", row, "in_force")
        assert report.cells[ref] == last.cells[ref]
    carried = {ref for ref in report.cells if ref.row == "carried_over" or ref.col == "in_force"}
    assert set(report.cells) == carried  # nothing else, and certainly no zeros
    assert report.published == ""
    assert report.previous is not None and report.previous.year == last.year
    assert "其余各项数字均为本年度数据，已留空待填写（空格表示未知，不是 0）" in messages(notes)


def test_rollover_moves_the_report_year_on_in_the_texts_and_flags_every_section():
    last = sample_report()
    report, notes = rollover(last)
    assert "统计期限为2026年1月1日至2026年12月31日" in report.preamble
    assert "《中华人民共和国政府信息公开条例》" in report.preamble
    assert report.sections["1"].startswith("2026年，示例区人民政府")
    assert "开头说明中的「2025年」已改为「2026年」（2 处），请核对统计期限" in messages(notes)
    flagged = {f.section for f in check(report) if f.rule == "U1"}
    # every section as last year's is flagged, but 六, the fee statement alone, which may repeat
    assert flagged == {key for key, text in last.sections.items() if text.strip()} - {"6"}
    report.sections["1"] = "2026年，示例区人民政府继续推进政府信息公开工作。"
    assert "1" not in {f.section for f in check(report) if f.rule == "U1"}


def test_rollover_of_a_2019_report_states_the_mapping():
    last = zero_report("2019", 2020)
    last.set(CellRef(A, "carry_forward", "natural_person"), 3)
    last.set(CellRef(A, "carry_forward", "total"), 3)
    report, notes = rollover(last)
    assert report.format == "2021" and report.year == 2021
    assert report.cells[CellRef(A, "carried_over", "total")] == 3
    assert CellRef("active", "regulations", "in_force") not in report.cells
    text = "\n".join(messages(notes))
    assert "上年报告使用2019年版格式（试行）" in text
    assert "栏目不同、须按新格式重新填写：规章（栏目由本年新制作数量、本年新公开数量、对外公开总数量改为" in text
    assert "新格式已取消、不再填写：其他对外管理服务事项、政府集中采购" in text
    assert "新格式新增、须填写：（六）其他处理·1." in text
    assert "「规章·现行有效件数」无法结转（上年报告的2019年版格式（试行）没有「现行有效件数」），请填写" in text


def test_rollover_says_which_cells_could_not_be_carried_because_last_year_left_them_empty():
    last = zero_report()
    last.set(CellRef(A, "carry_forward", "research"), None)
    report, notes = rollover(last)
    assert CellRef(A, "carried_over", "research") not in report.cells
    assert any("「二、上年结转政府信息公开申请数量·科研机构」无法结转（上年报告中「四、结转下年度继续办理·科研机构」未填写）"
               in m for m in messages(notes))


def test_rollover_without_a_year_changes_no_year_and_says_so():
    last = zero_report()
    last.year = None
    last.sections["1"] = "2023年，本街道做了很多工作。"
    report, notes = rollover(last)
    assert report.year is None and report.sections["1"] == last.sections["1"]
    assert any("没有填写报告年度" in m for m in messages(notes))


@pytest.mark.parametrize("text, expected, count", [
    ("2023年，本街道", "2024年，本街道", 1),
    ("统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止", "统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止", 2),
    ("《双鸭山市2023年政务公开工作实施方案》", "《双鸭山市2023年政务公开工作实施方案》", 0),
    ("国办公开办函〔2023〕30号", "国办公开办函〔2023〕30号", 0),
    ("较2022年增加，12023年", "较2022年增加，12023年", 0),
    ("2023年度报告", "2024年度报告", 1),
])
def test_shift_year_changes_the_report_year_only(text, expected, count):
    assert shift_year(text, 2023, 2024) == (expected, count)


def test_last_year_is_kept_in_the_project_file(tmp_path):
    report, _ = rollover(sample_report())
    path = tmp_path / "2026.gipr"
    project.write(report, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["previous"]["year"] == 2025 and "gipr" not in data["previous"]
    again = read_report(path).report
    assert again == report
    assert again.previous.cells == report.previous.cells


@pytest.mark.parametrize("previous, fragment", [
    ([1, 2], "所附的上年报告应为对象"),
    ({"format": "2021", "previous": {}}, "不应有的项目"),
    ({"format": "1999"}, "所附的上年报告的报告格式无效"),
    ({"format": "2021", "tables": {"active": {"nope": {"x": 1}}}}, "所附的上年报告含有2021年版格式中不存在的单元格"),
])
def test_a_damaged_attached_previous_report_is_refused(previous, fragment):
    data = project.to_json_data(zero_report())
    data["previous"] = previous
    with pytest.raises(ReadError, match=fragment):
        project.from_json_data(data, "「x.gipr」")


def test_cli_rollover_writes_the_new_report_and_prints_the_notes(tmp_path, capsys):
    last = zero_report("2019", 2020)
    source = tmp_path / "2020.gipr"
    project.write(last, source)
    out = tmp_path / "2021.gipr"
    assert main(["rollover", str(source), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "已新建" in printed and "2021年政府信息公开工作年度报告（2021年版格式）" in printed
    assert "新格式已取消、不再填写：其他对外管理服务事项、政府集中采购" in printed
    new = read_report(out).report
    assert new.year == 2021 and new.previous.format == "2019"


def test_cli_rollover_refuses_bad_input_and_an_output_that_cannot_hold_last_year(tmp_path, capsys):
    assert main(["rollover", str(tmp_path / "missing.gipr"), str(tmp_path / "out.gipr")]) == 2
    assert "无法读取上年报告：找不到文件" in capsys.readouterr().err
    source = tmp_path / "2023.gipr"
    project.write(zero_report(), source)
    assert main(["rollover", str(source), str(tmp_path / "out.docx")]) == 2
    assert "须保存为 .gipr、.json 文件" in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()


def test_cli_check_uses_the_previous_report_given_or_attached(tmp_path, capsys):
    last = zero_report(year=2022)
    last.set(CellRef(A, "carry_forward", "natural_person"), 1)
    last.set(CellRef(A, "carry_forward", "total"), 1)
    last_path, this_path = tmp_path / "2022.gipr", tmp_path / "2023.gipr"
    project.write(last, last_path)
    project.write(zero_report(), this_path)
    assert main(["check", str(this_path)]) == 0
    assert "[R5]" not in capsys.readouterr().out
    assert main(["check", "--previous", str(last_path), str(this_path)]) == 1
    assert "错误 [R5] 二、上年结转政府信息公开申请数量·自然人为 0，上年报告的四、结转下年度继续办理·自然人为 1，两者应相等" \
        in capsys.readouterr().out
    attached = zero_report()
    attached.previous = last
    project.write(attached, this_path)
    assert main(["check", str(this_path)]) == 1
    assert main(["check", "--previous", str(tmp_path / "nope.gipr"), str(this_path)]) == 2

