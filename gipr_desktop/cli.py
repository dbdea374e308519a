"""The ``gipr`` command: every feature of the window, scriptable and testable without a screen.

Exit codes: 0 all well, 1 a check found errors, 2 a file could not be read or written (or checked);
141 when the reader of the output went away (``gipr check … | head``), as for a program ended by SIGPIPE.

Safe in batches: ``check`` goes on past any file that fails and writes each file's result as soon
as it has it (text, a JSON array written element by element, or JSON lines), so memory does not
grow with the number of files. A closed pipe ends the command quietly; a console that cannot show
a character (GBK) gets a replacement in text and an exact ``\\uXXXX`` escape in JSON; Python's
logging never reaches the console. Start-up imports only what the help needs: each command imports
its readers, checks and writers when it runs.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import os
import sys
from typing import TYPE_CHECKING, Sequence

from gipr_desktop import __version__
from gipr_desktop.argparse_zh import ChineseArgumentParser

if TYPE_CHECKING:
    from gipr_desktop.core.report import Report
    from gipr_desktop.io.errors import ImportNote, ImportResult

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
EXIT_PIPE_CLOSED = 128 + 13  # 128 + SIGPIPE, what a shell reports for a program ended by a closed pipe
EXIT_INTERRUPTED = 128 + 2
JSON_ESCAPE = "gipr-json-escape"  # the encoding error handler that writes a character as a JSON escape


def _print_notes(notes: Sequence[ImportNote], out=None) -> None:
    out = out or sys.stdout
    if notes:
        print(f"  导入说明（{len(notes)} 条）：", file=out)
        for note in notes:
            print(f"    · {note.message}", file=out)


class _JsonArray:
    """A JSON array written one element at a time: valid JSON once closed, never held in memory."""

    def __init__(self, out) -> None:
        self.out, self.count = out, 0

    def write(self, item: dict) -> None:
        import json

        self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(item, ensure_ascii=False, indent=1))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")


class _JsonLines(_JsonArray):
    def write(self, item: dict) -> None:
        import json

        self.out.write(json.dumps(item, ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


def _check_one(name: str, previous: Report | None) -> tuple[int, dict, list[str]]:
    """One file's exit status, its JSON record and its lines of text; never raises for the file's sake."""
    import logging

    from gipr_desktop.core.checks import SEVERITY_NAMES, check, has_errors
    from gipr_desktop.core.findings import severity_counts
    from gipr_desktop.io.errors import ReadError
    from gipr_desktop.io.registry import read_report

    try:
        imported = read_report(name, previous=previous)
        findings = check(imported.report, previous, imported.notes)
    except ReadError as exc:
        return EXIT_UNREADABLE, _failed(name, str(exc)), [name, f"  无法读取：{exc}"]
    except Exception as exc:  # a defect must cost one file, not the batch
        logging.getLogger(__name__).exception("checking %s failed", name)
        message = f"检查「{name}」时程序出错（{type(exc).__name__}），此文件未能检查"
        return EXIT_UNREADABLE, _failed(name, message), [name, f"  {message}"]
    report = imported.report
    record = {
        "file": name,
        "error": None,
        "unit": report.unit,
        "year": report.year,
        "format": report.format,
        "findings": [f.to_json() for f in findings],
        "import_notes": [n.to_json() for n in imported.notes],
    }
    lines = [f"{name}：{report.title}（{report.schema.name}）"]
    if imported.notes:
        lines.append(f"  导入说明（{len(imported.notes)} 条）：")
        lines += [f"    · {note.message}" for note in imported.notes]
    lines += [f"  {SEVERITY_NAMES[f.severity]} [{f.rule}] {f.message}" for f in findings]
    counts = severity_counts(findings)
    lines.append(f"  共 {counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 条提示")
    return (EXIT_FINDINGS if has_errors(findings) else EXIT_OK), record, lines


def _failed(name: str, message: str) -> dict:
    return {"file": name, "error": message, "findings": [], "import_notes": []}


def cmd_check(args: argparse.Namespace) -> int:
    previous = None
    if args.previous:
        last_year = _read_or_say(args.previous, "上年报告")
        if last_year is None:
            return EXIT_UNREADABLE
        previous = last_year.report
    out = sys.stdout
    if args.json or args.json_lines:
        _escape_what_the_console_cannot_show(out)
    writer = _JsonLines(out) if args.json_lines else _JsonArray(out) if args.json else None
    status = EXIT_OK
    for name in args.files:
        file_status, record, lines = _check_one(name, previous)
        status = max(status, file_status)
        if writer is not None:
            writer.write(record)
        else:
            out.write("\n".join(lines) + "\n")
        out.flush()  # each result as soon as it is known
    if writer is not None:
        writer.close()
    return status


def _read_or_say(path: str, what: str = "") -> ImportResult | None:
    """The file read, or None after telling the user on stderr why it could not be."""
    from gipr_desktop.io.errors import ReadError
    from gipr_desktop.io.registry import read_report

    try:
        return read_report(path)
    except ReadError as exc:
        print(f"无法读取{what}：{exc}", file=sys.stderr)
        return None


def _write_or_say(report: Report, path: str) -> bool:
    from gipr_desktop.io.errors import WriteError
    from gipr_desktop.io.registry import write_report

    try:
        write_report(report, path)
    except WriteError as exc:
        print(f"无法写入：{exc}", file=sys.stderr)
        return False
    return True


def cmd_convert(args: argparse.Namespace) -> int:
    if args.output.lower().endswith(".pdf"):  # the printout is drawn by Qt: loaded only for it
        from gipr_desktop.gui.printing import register

        register()
    imported = _read_or_say(args.input)
    if imported is None:
        return EXIT_UNREADABLE
    _print_notes(imported.notes)
    if not _write_or_say(imported.report, args.output):
        return EXIT_UNREADABLE
    print(f"已写入 {args.output}")
    return EXIT_OK


def cmd_rollover(args: argparse.Namespace) -> int:
    from pathlib import Path

    from gipr_desktop.core.rollover import rollover
    from gipr_desktop.io.project import PROJECT_EXTENSIONS

    imported = _read_or_say(args.last_year, "上年报告")
    if imported is None:
        return EXIT_UNREADABLE
    if Path(args.output).suffix.lower() not in PROJECT_EXTENSIONS:
        print(f"无法写入：新报告须保存为 {'、'.join(PROJECT_EXTENSIONS)} 文件，才能附上上年报告", file=sys.stderr)
        return EXIT_UNREADABLE
    _print_notes(imported.notes)
    report, notes = rollover(imported.report)
    if not _write_or_say(report, args.output):
        return EXIT_UNREADABLE
    print(f"已新建 {args.output}：{report.title}（{report.schema.name}）")
    print(f"  以上年报告为基础（{len(notes)} 条说明）：")
    for note in notes:
        print(f"    · {note.message}")
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from gipr_desktop.batch_cli import run_batch_command

    return run_batch_command(args)


def cmd_aggregate(args: argparse.Namespace) -> int:
    from gipr_desktop.batch_cli import run_aggregate_command

    return run_aggregate_command(args)


class _Help(argparse.HelpFormatter):
    """Help texts name the file types of ``io.registry``, looked up only when the help is shown."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = super()._get_help_string(action) or ""
        if "{readable}" in text or "{writable}" in text:
            from gipr_desktop.io.registry import readable_extensions, writable_extensions

            text = text.replace("{readable}", "、".join(readable_extensions()))
            text = text.replace("{writable}", "、".join(writable_extensions()))
        return text


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="gipr", description="政府信息公开工作年度报告：检查与转换", formatter_class=_Help)
    parser.add_argument("--version", action="version", version=f"gipr {__version__}", help="显示程序版本并退出")
    commands = parser.add_subparsers(dest="command", metavar="命令", required=True)

    p = commands.add_parser("check", help="检查报告的勾稽关系与结构", formatter_class=_Help,
                            description="检查报告的勾稽关系与结构。退出码：0 无错误，1 发现错误，2 有文件无法读取或检查。")
    p.add_argument("files", nargs="+", metavar="文件", help="报告文件（{readable}）")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="以 JSON 输出检查结果（一个数组，每个文件一项）")
    output.add_argument("--json-lines", action="store_true", help="以 JSON Lines 输出检查结果（每个文件一行）")
    p.add_argument("--previous", metavar="上年报告",
                   help="上年报告，用于跨年度核对（不给出时使用 .gipr 文件所附的上年报告）")
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("rollover", help="以上年报告为基础新建本年度报告", formatter_class=_Help)
    p.add_argument("last_year", metavar="上年报告", help="上年报告（{readable}）")
    p.add_argument("output", metavar="新报告.gipr", help="新建的本年度报告（.gipr，附有上年报告）")
    p.set_defaults(run=cmd_rollover)

    p = commands.add_parser("convert", help="在不同文件格式之间转换报告（按扩展名）", formatter_class=_Help)
    p.add_argument("input", metavar="输入文件", help="读入（{readable}）")
    p.add_argument("output", metavar="输出文件", help="写出（{writable}、.pdf）")
    p.set_defaults(run=cmd_convert)

    p = commands.add_parser("batch", help="批量审核下级机关报送的报告，写出审核结果工作簿", formatter_class=_Help)
    p.add_argument("inputs", nargs="+", metavar="文件或文件夹", help="报告文件或文件夹（{readable}）")
    p.add_argument("--out", required=True, metavar="审核结果.xlsx", help="审核结果工作簿（.xlsx）")
    p.add_argument("--previous", metavar="上年文件夹", help="上年报告所在的文件夹，用于跨年度核对和比较")
    p.add_argument("--feedback", metavar="文件夹", help="为每个机关写出一份审核意见，放在此文件夹")
    p.add_argument("--feedback-type", choices=(".docx", ".txt"), default=".docx", help="审核意见的文件类型")
    p.add_argument("--unit", metavar="机关名称", help="汇总报告的机关名称（默认取各机关名称的共同地名加「汇总」）")
    p.set_defaults(run=cmd_batch)

    p = commands.add_parser("aggregate", help="将多份同一格式的报告逐项相加，生成汇总报告", formatter_class=_Help)
    p.add_argument("files", nargs="+", metavar="文件或文件夹", help="报告文件或文件夹（{readable}）")
    p.add_argument("--out", required=True, metavar="汇总.gipr", help="汇总报告（.gipr，可在程序中打开）")
    p.add_argument("--unit", metavar="机关名称", help="汇总报告的机关名称")
    p.add_argument("--year", type=int, metavar="年度", help="汇总报告的年度（默认取各报告的年度）")
    p.set_defaults(run=cmd_aggregate)
    return parser


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """Characters the console's encoding lacks, written as JSON escapes (they only occur inside strings)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import json

    return json.dumps(error.object[error.start:error.end])[1:-1], error.end  # "\\uXXXX", pairs for U+10000 up


def _escape_what_the_console_cannot_show(stream) -> None:
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors=JSON_ESCAPE)


def _console_safe() -> None:
    """A console that cannot show 汉字 (or a character outside GBK) must not crash the command."""
    try:
        codecs.lookup_error(JSON_ESCAPE)
    except LookupError:
        codecs.register_error(JSON_ESCAPE, _json_escape)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _quiet_logging() -> None:
    """Without a handler of its own, the command line's log records (a reader's traceback, a
    library's warning) would reach stderr through logging's last resort; they go nowhere instead.
    A program that set up logging itself (or the test runner) keeps its own."""
    import logging

    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())
        logging.captureWarnings(True)


def _run(argv: Sequence[str] | None) -> int:
    _console_safe()
    args = build_parser().parse_args(argv)
    _quiet_logging()
    return args.run(args)


def _output_gone(exc: OSError) -> bool:
    """A closed pipe: EPIPE, or EINVAL from a pipe on Windows."""
    return isinstance(exc, BrokenPipeError) or (os.name == "nt" and exc.errno == errno.EINVAL)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _run(argv)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        if not _output_gone(exc):
            raise
        # The way the Python documentation gives (signal module, "Note on SIGPIPE"): whatever is
        # still buffered goes to the null device, so that the exit does not fail on it again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE_CLOSED


if __name__ == "__main__":
    sys.exit(main())
