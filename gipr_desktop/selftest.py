"""The program's self-test (``gipr-desktop --self-test``): proves that an installation is complete.

A frozen bundle can lack a module, a data file or a library that only one feature needs, and the
user would learn it on deadline day. The self-test therefore opens the bundled sample, runs the
checks, writes the report in every format the registry can write, reads back each file that can be
read and compares it with the original. The Qt half (a window offscreen) lives in
``gui/selftest.py``; this half needs no Qt, so the tests can run it alone.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from gipr_desktop import __version__
from gipr_desktop.core.checks import ERROR, SEVERITY_NAMES, check
from gipr_desktop.core.findings import severity_counts
from gipr_desktop.core.report import Report
from gipr_desktop.io.errors import ReadError, WriteError
from gipr_desktop.io.registry import read_report, readable_extensions, writable_extensions, write_report
from gipr_desktop.paths import resource

# The files users hand in: the self-test fails if the program cannot write one of them.
REQUIRED_EXPORTS = (".gipr", ".xlsx", ".docx")

LOG_NAME = "gipr-desktop-self-test.log"


class StepFailed(Exception):
    """A step went wrong; the message (Chinese / English) says what."""


@dataclass(frozen=True)
class Step:
    title: str  # "中文 / English"
    run: Callable[[], str]  # returns a short detail; raises StepFailed (or anything) on failure


def log_path() -> Path:
    """Where the log is also written: a windowed program on Windows has no console to print to."""
    return Path(tempfile.gettempdir()) / LOG_NAME


def run_steps(steps: Iterable[Step], log: Callable[[str], None]) -> bool:
    """Run every step (a failure does not stop the others), log one line each, return all passed."""
    started = time.perf_counter()
    log(f"gipr-desktop {__version__} 自检 / self-test")
    failures = 0
    for step in steps:
        try:
            detail = step.run()
            log(f"[通过 OK]   {step.title}：{detail}")
        except Exception as exc:  # the self-test reports every failure, whatever it is
            failures += 1
            reason = str(exc) if isinstance(exc, (StepFailed, ReadError, WriteError)) else f"{type(exc).__name__}: {exc}"
            log(f"[失败 FAIL] {step.title}：{reason}")
    seconds = time.perf_counter() - started
    if failures:
        log(f"结果 / result：{failures} 项失败 / {failures} failed（{seconds:.1f} s）")
    else:
        log(f"结果 / result：全部通过 / all passed（{seconds:.1f} s）")
    return failures == 0


def report_steps(workdir: Path) -> list[Step]:
    """Open the sample, check it, and export and read back every writable format, into ``workdir``."""
    opened: dict[str, Report] = {}

    def open_sample() -> str:
        opened["sample"] = read_report(resource("sample.gipr")).report
        return opened["sample"].title

    def run_checks() -> str:
        findings = check(_sample(opened))
        errors = [f for f in findings if f.severity == ERROR]
        if errors:
            raise StepFailed(f"示例报告应无错误，实有 {len(errors)} 个 / the sample should pass: {errors[0].message}")
        counts = "，".join(f"{n} 个{SEVERITY_NAMES[s]}" for s, n in severity_counts(findings).items())
        return counts

    def writers_present() -> str:
        offered = writable_extensions()
        missing = [ext for ext in REQUIRED_EXPORTS if ext not in offered]
        if missing:
            raise StepFailed(f"缺少 {'、'.join(missing)} 的导出功能 / no writer for {', '.join(missing)}")
        return "、".join(offered)

    steps = [
        Step("打开示例报告 / open the bundled sample", open_sample),
        Step("运行检查 / run the checks", run_checks),
        Step("导出格式齐全 / every required export format", writers_present),
    ]
    for ext in writable_extensions():
        steps.append(Step(f"导出 {ext} / export {ext}", _exporter(opened, workdir / f"sample{ext}")))
    steps.append(Step("独立进程读取表格 / spreadsheet reader in its own process",
                      _isolated_reader(opened, workdir / "sample.xlsx")))
    steps.append(Step("读取加密的 PDF 报告 / import an encrypted PDF", _pdf_import(opened)))
    return steps


def _pdf_import(opened: dict[str, Report]) -> Callable[[], str]:
    """A PDF as web sites publish them (Chinese standard font, AES, copying forbidden), made by
    scripts/make_selftest_pdf.py: proves PDFium (with its Chinese character maps and AES) and
    pdfplumber present."""

    def read_pdf() -> str:
        original = _sample(opened)
        copy = read_report(resource("selftest.pdf")).report
        if (copy.unit, copy.year) != (original.unit, original.year):
            raise StepFailed(f"PDF 的标题读成了「{copy.unit}」{copy.year} / the PDF's title was not read")
        return copy.title

    return read_pdf


def _isolated_reader(opened: dict[str, Report], exported: Path) -> Callable[[], str]:
    """.xls/.ods are read in a child process: prove that a (frozen) program can start one."""

    def read_in_child() -> str:
        from gipr_desktop.io.calamine_reader import read

        if not exported.exists():
            raise StepFailed("没有可读的 .xlsx 导出 / no .xlsx export to read")
        _same_report(_sample(opened), read(exported).report)
        return "读回一致 / read back intact"

    return read_in_child


def _sample(opened: dict[str, Report]) -> Report:
    if "sample" not in opened:
        raise StepFailed("示例报告没有打开 / the sample could not be opened")
    return opened["sample"]


def _exporter(opened: dict[str, Report], path: Path) -> Callable[[], str]:
    def export() -> str:
        original = _sample(opened)
        write_report(original, path)
        size = path.stat().st_size
        if size == 0:
            raise StepFailed(f"「{path.name}」是空文件 / the file is empty")
        if path.suffix.lower() not in readable_extensions():
            return f"{size:,} 字节 / bytes"
        _same_report(original, read_report(path).report)
        return f"{size:,} 字节 / bytes，读回一致 / read back intact"

    return export


def _same_report(original: Report, copy: Report) -> None:
    if (copy.unit, copy.year) != (original.unit, original.year):
        raise StepFailed(
            f"读回的机关名称或年度不同：{copy.unit} {copy.year} / unit or year changed on the way back"
        )
    changed = sorted(
        (ref for ref in original.cells.keys() | copy.cells.keys() if original.get(ref) != copy.get(ref)),
        key=str,
    )
    if changed:
        fmt = original.schema
        raise StepFailed(
            f"读回后 {len(changed)} 个单元格不同，如「{fmt.cell_name(changed[0])}」"
            f"（{original.get(changed[0])} → {copy.get(changed[0])}）/ {len(changed)} cells changed on the way back"
        )
