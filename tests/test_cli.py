"""The gipr command as a script would use it: output, --json, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


# --- batches: past any failure, streamed, through pipes and consoles of any encoding ------------

SAMPLE = str(resource("sample.gipr"))
ENGLISH = ("usage:", "positional arguments", "options:", "error:", "the following arguments are required",
           "show this help", "invalid choice", "not allowed with", "unrecognized arguments")


def _gipr(*args: str, env: dict | None = None, **options) -> subprocess.CompletedProcess:
    code = "import sys; from gipr_desktop.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, check=False,
                          env={**os.environ, **(env or {})}, **options)


def test_check_goes_on_past_a_file_whose_check_fails(tmp_path, capsys, monkeypatch):
    from gipr_desktop.core import checks

    real_check = checks.check

    def check(report, previous=None, notes=()):
        if report.unit == "坏":
            raise RuntimeError("a defect")
        return real_check(report, previous, notes)
    monkeypatch.setattr(checks, "check", check)
    report = zero_report()
    report.unit = "坏"
    bad = tmp_path / "坏.gipr"
    project.write(report, bad)
    assert main(["check", str(bad), SAMPLE]) == 2
    out = capsys.readouterr().out
    assert "检查「" in out and "程序出错（RuntimeError）" in out and "Traceback" not in out
    assert "示例市示例区人民政府" in out and "共 0 个错误" in out


def test_errors_found_exit_1_and_an_unreadable_file_makes_it_2(tmp_path, capsys):
    report = zero_report()
    report.set(CellRef("review_litigation", "review", "upheld"), 2)
    broken = tmp_path / "broken.gipr"
    project.write(report, broken)
    assert main(["check", str(broken), SAMPLE]) == 1
    assert main(["check", str(broken), str(tmp_path / "没有.gipr"), SAMPLE]) == 2


@pytest.mark.parametrize("mode", [[], ["--json"], ["--json-lines"]])
def test_check_writes_each_result_before_reading_the_next_file(capsys, monkeypatch, mode):
    from gipr_desktop.io import registry

    real_read, written_before = registry.read_report, []

    def read_report(path, **options):
        written_before.append(capsys.readouterr().out)
        return real_read(path, **options)
    monkeypatch.setattr(registry, "read_report", read_report)
    assert main(["check", *mode, SAMPLE, SAMPLE, SAMPLE]) == 0
    out = "".join(written_before) + capsys.readouterr().out
    assert written_before[0] == "" and all("示例市示例区人民政府" in text for text in written_before[1:])
    if mode == ["--json"]:
        assert len(json.loads(out)) == 3
    elif mode == ["--json-lines"]:
        assert [json.loads(line)["error"] for line in out.splitlines()] == [None, None, None]


def test_json_output_is_valid_json_with_an_unreadable_file_among_them(tmp_path, capsys):
    bad = tmp_path / "bad.gipr"
    bad.write_text("{", encoding="utf-8")
    assert main(["check", "--json", str(bad), SAMPLE]) == 2
    data = json.loads(capsys.readouterr().out)
    assert "已损坏" in data[0]["error"] and data[1]["error"] is None


def test_a_closed_pipe_ends_the_command_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `gipr check … | head` does once head has its lines
    code = "import sys; from gipr_desktop.cli import main; sys.exit(main())"
    done = subprocess.run([sys.executable, "-c", code, "check", SAMPLE, SAMPLE], stdout=write_end,
                          stderr=subprocess.PIPE, text=True, check=False)
    os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == 141


@pytest.fixture
def outside_gbk(tmp_path) -> Path:
    """A report whose file name and 机关名称 hold characters a GBK console cannot show."""
    report = zero_report()
    report.unit = "测试😀𠀀街道办事处"
    path = tmp_path / "报告😀.gipr"
    project.write(report, path)
    return path


def test_a_gbk_console_shows_text_with_replacements_and_never_fails(outside_gbk):
    done = _gipr("check", str(outside_gbk), env={"PYTHONIOENCODING": "gbk"})
    assert done.returncode == 0 and done.stderr == b""
    out = done.stdout.decode("gbk")
    assert "测试??街道办事处" in out and "共 0 个错误" in out


def test_a_gbk_console_gets_exact_json(outside_gbk):
    for option in ("--json", "--json-lines"):
        done = _gipr("check", option, str(outside_gbk), env={"PYTHONIOENCODING": "gbk"})
        assert done.returncode == 0 and done.stderr == b""
        text = done.stdout.decode("gbk")
        record = json.loads(text)[0] if option == "--json" else json.loads(text)
        assert record["unit"] == "测试😀𠀀街道办事处" and record["file"] == str(outside_gbk)


def test_no_log_record_or_traceback_reaches_the_console():
    code = ("import sys, warnings\n"
            "import gipr_desktop.io.project as project\n"
            "def read(path):\n"
            "    warnings.warn('a library warning')\n"
            "    raise KeyError('a reader defect')\n"
            "project.read = read\n"
            "from gipr_desktop.cli import main\n"
            f"sys.exit(main(['check', {SAMPLE!r}]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == ""
    assert "无法读取" in done.stdout and "KeyError" in done.stdout


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["convert", "--help"], ["rollover", "--help"],
                                  ["frobnicate"], ["check"], [], ["check", "--json", "--json-lines", SAMPLE],
                                  ["check", "--bogus", SAMPLE]])
def test_help_and_argument_errors_are_in_chinese(capsys, args):
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "用法：gipr" in text
    assert [word for word in ENGLISH if word in text] == []
    assert exited.value.code == (0 if "--help" in args else 2)
    if "--help" not in args:
        assert "错误：" in captured.err


def test_help_names_the_file_types(capsys):
    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    out = capsys.readouterr().out
    assert "位置参数：" in out and "选项：" in out and ".xlsx" in out and ".docx" in out


def test_version_and_help_start_without_loading_any_command():
    code = ("import sys\n"
            "from gipr_desktop.cli import main\n"
            "for args in (['--version'], ['--help']):\n"
            "    try:\n"
            "        main(args)\n"
            "    except SystemExit:\n"
            "        pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stderr.split())
    assert done.stdout.startswith("gipr ")
    assert loaded & {"gipr_desktop.core.report", "gipr_desktop.core.schema", "gipr_desktop.core.checks",
                     "gipr_desktop.io.registry", "gipr_desktop.io.project", "openpyxl", "docx", "pdfplumber", "pypdfium2",
                     "json", "logging"} == set()
