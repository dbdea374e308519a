"""gipr-desktop --self-test: passes on a complete installation, fails loudly on a broken one."""

import os
import subprocess
import sys

from gipr_desktop import selftest
from gipr_desktop.io import registry


def run(tmp_path):
    lines = []
    passed = selftest.run_steps(selftest.report_steps(tmp_path), lines.append)
    return passed, lines


def test_a_complete_installation_passes_every_step(tmp_path):
    passed, lines = run(tmp_path)
    assert passed, "\n".join(lines)
    assert any("导出 .xlsx" in line and "读回一致" in line for line in lines)
    assert any("导出 .docx" in line and "读回一致" in line for line in lines)
    assert lines[-1].startswith("结果 / result：全部通过")


def test_a_missing_writer_fails_the_self_test(tmp_path, monkeypatch):
    types = dict(registry.FILE_TYPES)
    types[".docx"] = (types[".docx"][0], types[".docx"][1], None)
    monkeypatch.setattr(registry, "FILE_TYPES", types)
    passed, lines = run(tmp_path)
    assert not passed
    assert any("[失败 FAIL]" in line and "缺少 .docx" in line for line in lines)


def test_a_broken_writer_fails_its_step_and_the_others_still_run(tmp_path, monkeypatch):
    types = dict(registry.FILE_TYPES)
    types[".xlsx"] = (types[".xlsx"][0], types[".xlsx"][1], "gipr_desktop.io.no_such_module:write")
    monkeypatch.setattr(registry, "FILE_TYPES", types)
    passed, lines = run(tmp_path)
    assert not passed
    assert any(line.startswith("[失败 FAIL] 导出 .xlsx") for line in lines), "\n".join(lines)
    assert any("[通过 OK]   导出 .docx" in line for line in lines)


def test_the_program_self_test_as_a_user_runs_it(tmp_path):
    code = "import sys; from gipr_desktop.gui.app import main; sys.exit(main(['gipr-desktop', '--self-test']))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TMPDIR": str(tmp_path)}, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "打开窗口 / open the main window" in done.stdout
    assert "[通过 OK]   中文排序 / Chinese sorting：北京、重庆、上海" in done.stdout  # ICU collation data present
    logged = (tmp_path / selftest.LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert logged == [line for line in done.stdout.splitlines() if line]  # the log says what was printed


def test_the_self_test_imports_an_encrypted_chinese_pdf(tmp_path):
    passed, lines = run(tmp_path)
    assert any(line.startswith("[通过 OK]   读取加密的 PDF 报告") and "示例区人民政府2025年" in line for line in lines)


def test_without_pdfium_the_pdf_step_fails(tmp_path, monkeypatch):
    """A bundle that lost PDFium's library (pypdfium2) fails the self-test's PDF step."""
    import sys

    from gipr_desktop.io import isolated

    monkeypatch.setattr(isolated, "_isolated_here", True)  # the PDF is read in this process, as patched here
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 now fails
    passed, lines = run(tmp_path)
    assert not passed
    assert any(line.startswith("[失败 FAIL] 读取加密的 PDF 报告") for line in lines), "\n".join(lines)


def test_the_self_test_pdf_is_the_one_its_script_makes():
    import importlib.util
    from pathlib import Path

    from gipr_desktop.paths import resource

    script = Path(__file__).resolve().parents[1] / "scripts" / "make_selftest_pdf.py"
    spec = importlib.util.spec_from_file_location("make_selftest_pdf", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert resource("selftest.pdf").read_bytes() == module.build(), "run python scripts/make_selftest_pdf.py"
