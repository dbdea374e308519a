"""Old Word (.doc) and WPS (.wps) files: converted by LibreOffice where it is installed and read
like the .docx, or refused with how to convert them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from gipr_desktop.io import docx_writer, legacy_word
from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.registry import read_report

SOFFICE = legacy_word.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def real_doc(seeds_dir, tmp_path_factory):
    """A real .doc, made by LibreOffice from the .docx export of a seed report."""
    folder = tmp_path_factory.mktemp("doc")
    report = read_report(seeds_dir / "002_c011582259751f09.txt").report
    docx = folder / "南关区鸿城街道2023年度政府信息公开工作年度报告.docx"
    docx_writer.write(report, docx)
    profile = (folder / "profile").as_uri()
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", "doc",
                    "--outdir", str(folder / "doc"), str(docx)], check=True, capture_output=True, timeout=300)
    doc = folder / "doc" / (docx.stem + ".doc")
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # the binary Word 97–2003 format
    return report, docx, doc


@needs_soffice
def test_a_real_doc_reads_like_its_docx(real_doc, tmp_path):
    report, docx, doc = real_doc
    from_docx, from_doc = read_report(docx), read_report(doc)
    assert from_doc.report.cells == from_docx.report.cells == report.cells
    assert (from_doc.report.unit, from_doc.report.year) == (report.unit, report.year)
    assert from_doc.report.sections == from_docx.report.sections
    assert "LibreOffice" in from_doc.notes[0].message
    wps = tmp_path / "同一份报告.wps"  # WPS saves its own .wps; LibreOffice reads it like .doc
    shutil.copyfile(doc, wps)
    assert read_report(wps).report.cells == report.cells


def test_without_libreoffice_a_doc_is_refused_with_how_to_convert(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: None)
    monkeypatch.setattr(legacy_word, "find_wps", lambda: None)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ReadError, match="旧版 Word 文档.*未安装.*LibreOffice.*另存为.*docx"):
        read_report(tmp_path / "old.doc")
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ReadError, match="WPS 文字文档.*另存为.*docx"):
        read_report(tmp_path / "old.wps")


@needs_soffice
def test_a_damaged_doc_is_a_message_not_a_guess(tmp_path):
    (tmp_path / "broken.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ReadError, match="另存为.*docx"):
        read_report(tmp_path / "broken.doc")


def test_a_converter_that_hangs_is_stopped(tmp_path, monkeypatch):
    """The time limit ends the converter and everything it started."""
    script = tmp_path / "hang.sh"
    script.write_text("#!/bin/sh\nsleep 30 &\nsleep 30\n")
    script.chmod(0o755)
    if shutil.which("sh") is None or legacy_word.sys.platform == "win32":
        pytest.skip("needs a POSIX shell")
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: str(script))
    monkeypatch.setattr(legacy_word, "CONVERT_SECONDS", 0.5)
    (tmp_path / "slow.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ReadError, match="超过 0.5 秒"):
        read_report(tmp_path / "slow.doc")


def test_libreoffice_is_looked_for_where_it_installs(monkeypatch, tmp_path):
    program = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setattr(legacy_word.sys, "platform", "win32")
    monkeypatch.setenv("ProgramFiles", str(tmp_path))
    assert legacy_word.find_soffice() == str(program)


def test_where_only_wps_is_installed_the_message_says_to_save_with_it(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: None)
    monkeypatch.setattr(legacy_word, "find_wps", lambda: "/opt/kingsoft/wps-office/office6/wps")
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ReadError, match="WPS Office 不能在后台转换.*用 Word 或 WPS 打开它.*另存为"):
        read_report(tmp_path / "old.wps")


def test_wps_is_looked_for_where_it_installs_on_windows(monkeypatch, tmp_path):
    program = tmp_path / "Kingsoft" / "WPS Office" / "12.1.0.17827" / "office6" / "wps.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setattr(legacy_word.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert legacy_word.find_wps() == str(program)


@pytest.mark.parametrize("ext", [".docx", ".html"])
def test_a_doc_that_is_really_a_docx_or_a_web_page_needs_no_converter(seeds_dir, tmp_path, monkeypatch, ext):
    from gipr_desktop.io.registry import write_report

    monkeypatch.setattr(legacy_word, "find_soffice", lambda: None)
    report = read_report(seeds_dir / "002_c011582259751f09.txt").report
    write_report(report, tmp_path / f"export{ext}")
    (tmp_path / f"export{ext}").rename(tmp_path / "网站下载.doc")
    result = read_report(tmp_path / "网站下载.doc")
    assert result.report.cells == report.cells
    assert "内容实为" in result.notes[0].message
