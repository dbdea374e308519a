"""Old Word files (.doc, Word 97–2003) and WPS files (.wps), read through an office suite.

Offices still keep last year's report in these binary formats, which no library here reads.
Where LibreOffice is installed, it converts the file to .docx in a child process — headless, in
a temporary folder, with a fresh user profile so that a LibreOffice the user has open does not
take the job over, and within a time limit — and the .docx is read as any other. Where it is
not installed, the user is told how to save the file as .docx (with WPS Office too, where it is
installed: it converts only through its window): nothing is guessed from the binary file.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from gipr_desktop.io.errors import ImportNote, ImportResult, ReadError

log = logging.getLogger(__name__)

CONVERT_SECONDS = 120  # a first start of LibreOffice with a fresh profile takes some 5–20 s

_KINDS = {".doc": "旧版 Word 文档（.doc）", ".wps": "WPS 文字文档（.wps）"}


def _windows_candidates() -> list[str]:
    roots = [os.environ.get(name, "") for name in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
    return [str(Path(root) / "LibreOffice" / "program" / "soffice.exe") for root in roots if root]


def _posix_candidates() -> list[str]:
    found = [shutil.which(name) or "" for name in ("soffice", "libreoffice")]
    found += sorted(glob.glob("/opt/libreoffice*/program/soffice"), reverse=True)
    found += ["/usr/lib/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return found


def find_soffice() -> str | None:
    """The LibreOffice program that converts documents, where it is installed."""
    for candidate in _windows_candidates() if sys.platform == "win32" else _posix_candidates():
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def find_wps() -> str | None:
    """WPS Office's writer, where it is installed: it converts only through its window, so it is
    named in the message rather than run."""
    if sys.platform == "win32":
        roots = [os.environ.get(name, "") for name in ("LOCALAPPDATA", "ProgramFiles", "ProgramFiles(x86)")]
        patterns = [str(Path(root) / "Kingsoft" / "WPS Office" / "*" / "office6" / "wps.exe") for root in roots if root]
    else:
        patterns = ["/opt/kingsoft/wps-office/office6/wps"]
    found = [match for pattern in patterns for match in glob.glob(pattern)]
    return found[0] if found else shutil.which("wps")


def _refusal(path: Path, why: str = "") -> ReadError:
    kind = _KINDS.get(path.suffix.lower(), _KINDS[".doc"])
    if not why:
        why = "本程序无法直接读取，本机也未安装可用于转换的 LibreOffice"
        if find_wps():
            why += "（本机的 WPS Office 不能在后台转换）"
    return ReadError(
        f"「{path.name}」是{kind}，{why}。"
        "请用 Word 或 WPS 打开它，选择「文件 → 另存为」，保存类型选「Word 文档（*.docx）」，"
        "再打开另存的 .docx 文件；也可以另存为 PDF 后打开。"
    )


def _run(command: list[str]) -> bool:
    """Run the converter; stop it and every process it started when the time is up."""
    options: dict = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "stdin": subprocess.DEVNULL}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        options["start_new_session"] = True
    process = subprocess.Popen(command, **options)
    try:
        return process.wait(timeout=CONVERT_SECONDS) == 0
    except subprocess.TimeoutExpired:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
        else:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise


def convert_to_docx(path: Path, soffice: str, folder: Path) -> Path | None:
    """``path`` converted to a .docx in ``folder``, or None where LibreOffice could not."""
    source = folder / ("input" + path.suffix.lower())  # a plain name: no option or odd characters
    shutil.copyfile(path, source)
    profile = (folder / "profile").as_uri()
    command = [soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault", f"-env:UserInstallation={profile}",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(source)]
    _run(command)
    converted = folder / "out" / "input.docx"
    return converted if converted.is_file() and converted.stat().st_size else None


def _disguised(path: Path) -> ImportResult | None:
    """A ".doc" that is really a .docx (renamed) or a web page (Word's 「网页」 format, and what many
    sites serve as .doc): read as what it is, with no converter needed."""
    from gipr_desktop.io.docx_reader import read_docx
    from gipr_desktop.io.text_import import read_html_file

    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError as exc:
        raise ReadError(f"无法打开「{path.name}」：{exc.strerror or exc}") from exc
    if head.startswith(b"PK\x03\x04"):
        result, what = read_docx(path), "Word 文档（.docx）"
    elif b"<html" in head.lower() or b"<!doctype html" in head.lower():
        result, what = read_html_file(path), "网页（HTML）"
    else:
        return None
    result.notes.insert(0, ImportNote(f"「{path.name}」的内容实为{what}，已按{what}读取"))
    return result


def read_doc(path: str | Path) -> ImportResult:
    """A .doc or .wps file: read as what it really is where it is a .docx or a web page under
    another name, else converted to .docx by LibreOffice where it is installed."""
    from gipr_desktop.io.docx_reader import read_docx

    path = Path(path)
    disguised = _disguised(path)
    if disguised is not None:
        return disguised
    soffice = find_soffice()
    if soffice is None:
        raise _refusal(path)
    with tempfile.TemporaryDirectory(prefix="gipr-convert-") as temp:
        try:
            converted = convert_to_docx(path, soffice, Path(temp))
        except subprocess.TimeoutExpired:
            raise _refusal(path, f"用 LibreOffice 转换超过 {CONVERT_SECONDS} 秒仍未完成，已停止") from None
        except OSError as exc:
            log.warning("converting %s with %s failed: %s", path, soffice, exc)
            raise _refusal(path, "用 LibreOffice 转换失败") from None
        if converted is None:
            raise _refusal(path, "LibreOffice 无法转换它（文件可能已损坏或不是文字文档）")
        renamed = converted.with_name(path.stem + ".docx")  # the file name may name the unit and the year
        converted.rename(renamed)
        result = read_docx(renamed)
    result.notes.insert(0, ImportNote(f"「{path.name}」已用本机的 LibreOffice 转换为 .docx 后读取，请对照原文核对"))
    return result
