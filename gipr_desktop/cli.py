"""The ``gipr`` command: every feature of the window, scriptable and testable without a screen.

Exit codes: 0 all well, 1 a check found errors, 2 a file could not be read or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from gipr_desktop import __version__
from gipr_desktop.core.checks import SEVERITY_NAMES, check, has_errors
from gipr_desktop.core.findings import severity_counts
from gipr_desktop.core.report import Report
from gipr_desktop.io.errors import ImportNote, ImportResult, ReadError, WriteError
from gipr_desktop.core.rollover import rollover
from gipr_desktop.io.project import PROJECT_EXTENSIONS
from gipr_desktop.io.registry import read_report, readable_extensions, writable_extensions, write_report

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _print_notes(notes: Sequence[ImportNote], out=None) -> None:
    out = out or sys.stdout
    if notes:
        print(f"  导入说明（{len(notes)} 条）：", file=out)
        for note in notes:
            print(f"    · {note.message}", file=out)


def cmd_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    results = []
    previous = None
    if args.previous:
        last_year = _read_or_say(args.previous, "上年报告")
        if last_year is None:
            return EXIT_UNREADABLE
        previous = last_year.report
    for name in args.files:
        try:
            imported = read_report(name)
        except ReadError as exc:
            status = EXIT_UNREADABLE
            results.append({"file": name, "error": str(exc), "findings": [], "import_notes": []})
            if not args.json:
                print(f"{name}\n  无法读取：{exc}")
            continue
        findings = check(imported.report, previous)
        if has_errors(findings) and status == EXIT_OK:
            status = EXIT_FINDINGS
        results.append({
            "file": name,
            "error": None,
            "unit": imported.report.unit,
            "year": imported.report.year,
            "format": imported.report.format,
            "findings": [f.to_json() for f in findings],
            "import_notes": [n.to_json() for n in imported.notes],
        })
        if not args.json:
            print(f"{name}：{imported.report.title}（{imported.report.schema.name}）")
            _print_notes(imported.notes)
            for finding in findings:
                print(f"  {SEVERITY_NAMES[finding.severity]} [{finding.rule}] {finding.message}")
            counts = severity_counts(findings)
            print(f"  共 {counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 条提示")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return status


def _read_or_say(path: str, what: str = "") -> ImportResult | None:
    """The file read, or None after telling the user on stderr why it could not be."""
    try:
        return read_report(path)
    except ReadError as exc:
        print(f"无法读取{what}：{exc}", file=sys.stderr)
        return None


def _write_or_say(report: Report, path: str) -> bool:
    try:
        write_report(report, path)
    except WriteError as exc:
        print(f"无法写入：{exc}", file=sys.stderr)
        return False
    return True


def cmd_convert(args: argparse.Namespace) -> int:
    imported = _read_or_say(args.input)
    if imported is None:
        return EXIT_UNREADABLE
    _print_notes(imported.notes)
    if not _write_or_say(imported.report, args.output):
        return EXIT_UNREADABLE
    print(f"已写入 {args.output}")
    return EXIT_OK


def cmd_rollover(args: argparse.Namespace) -> int:
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gipr", description="政府信息公开工作年度报告：检查与转换")
    parser.add_argument("--version", action="version", version=f"gipr {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="命令", required=True)

    p = commands.add_parser("check", help="检查报告的勾稽关系与结构")
    p.add_argument("files", nargs="+", metavar="FILE", help=f"报告文件（{'、'.join(readable_extensions())}）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.add_argument("--previous", metavar="LAST_YEAR_FILE",
                   help="上年报告，用于跨年度核对（不给出时使用 .gipr 文件所附的上年报告）")
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("rollover", help="以上年报告为基础新建本年度报告")
    p.add_argument("last_year", metavar="LAST_YEAR_FILE", help=f"上年报告（{'、'.join(readable_extensions())}）")
    p.add_argument("output", metavar="OUT.gipr", help="新建的本年度报告（.gipr，附有上年报告）")
    p.set_defaults(run=cmd_rollover)

    p = commands.add_parser("convert", help="在不同文件格式之间转换报告（按扩展名）")
    p.add_argument("input", metavar="INPUT", help=f"读入（{'、'.join(readable_extensions())}）")
    p.add_argument("output", metavar="OUTPUT", help=f"写出（{'、'.join(writable_extensions())}）")
    p.set_defaults(run=cmd_convert)

    readable = "、".join(readable_extensions())
    p = commands.add_parser("batch", help="批量审核下级机关报送的报告，写出审核结果工作簿")
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE", help=f"报告文件或文件夹（{readable}）")
    p.add_argument("--out", required=True, metavar="REVIEW.xlsx", help="审核结果工作簿（.xlsx）")
    p.add_argument("--previous", metavar="DIR", help="上年报告所在的文件夹，用于跨年度核对和比较")
    p.add_argument("--feedback", metavar="DIR", help="为每个机关写出一份审核意见，放在此文件夹")
    p.add_argument("--feedback-type", choices=(".docx", ".txt"), default=".docx", help="审核意见的文件类型")
    p.add_argument("--unit", metavar="NAME", help="汇总报告的机关名称（默认取各机关名称的共同地名加「汇总」）")
    p.set_defaults(run=cmd_batch)

    p = commands.add_parser("aggregate", help="将多份同一格式的报告逐项相加，生成汇总报告")
    p.add_argument("files", nargs="+", metavar="FILE_OR_DIR", help=f"报告文件或文件夹（{readable}）")
    p.add_argument("--out", required=True, metavar="DISTRICT.gipr", help="汇总报告（.gipr，可在程序中打开）")
    p.add_argument("--unit", metavar="NAME", help="汇总报告的机关名称")
    p.add_argument("--year", type=int, metavar="YEAR", help="汇总报告的年度（默认取各报告的年度）")
    p.set_defaults(run=cmd_aggregate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a console that cannot show 汉字 must not crash us
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
