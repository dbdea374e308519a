"""The gipr command as a script would use it: output, --json, exit codes."""

import json
import subprocess
import sys

from gipr_desktop.cli import main
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io import project
from gipr_desktop.paths import resource

from tests.helpers import zero_report


def test_check_a_clean_report_exits_0(capsys):
    assert main(["check", str(resource("sample.gipr"))]) == 0
    out = capsys.readouterr().out
    assert "示例市示例区人民政府2025年政府信息公开工作年度报告" in out
    assert "共 0 个错误，0 个警告" in out


def test_check_reports_errors_in_chinese_and_exits_1(tmp_path, capsys):
    report = zero_report()
    report.set(CellRef("review_litigation", "review", "upheld"), 2)
    path = tmp_path / "broken.gipr"
    project.write(report, path)
    assert main(["check", str(path)]) == 1
    assert "错误 [R4] 行政复议·总计应为 2（各项之和），实为 0" in capsys.readouterr().out


def test_check_json_output(tmp_path, capsys):
    report = zero_report()
    report.set(CellRef("review_litigation", "review", "upheld"), 2)
    path = tmp_path / "broken.gipr"
    project.write(report, path)
    assert main(["check", "--json", str(path), str(resource("sample.gipr"))]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["error"] for d in data] == [None, None]
    finding = data[0]["findings"][0]
    assert finding["rule"] == "R4" and finding["severity"] == "error"
    assert ["review_litigation", "review", "total"] in finding["cells"]
    assert data[1]["findings"] == []


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(tmp_path, capsys):
    bad = tmp_path / "bad.gipr"
    bad.write_text("{", encoding="utf-8")
    assert main(["check", str(bad), str(resource("sample.gipr"))]) == 2
    out = capsys.readouterr().out
    assert "无法读取" in out and "示例市示例区人民政府" in out


def test_convert_gipr_to_json_and_back(tmp_path, capsys):
    as_json = tmp_path / "r.json"
    back = tmp_path / "r.gipr"
    assert main(["convert", str(resource("sample.gipr")), str(as_json)]) == 0
    assert main(["convert", str(as_json), str(back)]) == 0
    assert back.read_text(encoding="utf-8") == resource("sample.gipr").read_text(encoding="utf-8")


def test_convert_to_an_unknown_type_exits_2(tmp_path, capsys):
    assert main(["convert", str(resource("sample.gipr")), str(tmp_path / "r.xyz")]) == 2
    assert "不支持的文件类型" in capsys.readouterr().err
    assert not (tmp_path / "r.xyz").exists()


def test_version_from_a_real_process():
    done = subprocess.run([sys.executable, "-m", "gipr_desktop.cli", "--version"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("gipr ")
