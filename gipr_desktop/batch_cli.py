"""``gipr batch`` and ``gipr aggregate``: a supervising office's review of all its bodies' reports.

``gipr batch DIR_OR_FILES… --out REVIEW.xlsx [--previous DIR] [--feedback DIR]`` reads and checks
every report (on every core), prints one line per body, writes the review workbook and, when asked,
one 审核意见 per body. Exit codes as for ``gipr check``: 0 nothing wrong, 1 findings with errors,
2 a file could not be read (or the workbook not written).

``gipr aggregate FILES… --out DISTRICT.gipr`` sums the reports into the district's 汇总; it writes
nothing, and exits 2, when the reports are of different formats, when one cannot be read or when a
body reports twice: a sum that leaves a body out or counts it twice must not look finished.
"""

from __future__ import annotations

import argparse
import sys

from gipr_desktop.core.batch import batch_year, sort_rows
from gipr_desktop.core.checks import check
from gipr_desktop.core.findings import severity_counts
from gipr_desktop.io.errors import WriteError

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _body_line(row) -> str:
    if not row.readable:
        return f"未读取  {row.file_name}：{row.message}"
    counts = row.counts
    year = f"{row.year}年" if row.year else "年度未知"
    flags = f"  [{'、'.join(row.flags)}]" if row.flags else ""
    return (f"{row.status}  {row.name}（{row.level}，{year}，{row.format_name}）  错误 {counts['error']}，"
            f"警告 {counts['warning']}，提示 {counts['info']}  {row.file_name}{flags}")


def _progress(done: int, total: int) -> None:
    """On a console: how far the reading is, on one line that is rewritten."""
    if done == total or done % 50 == 0:
        print(f"\r已读取 {done}/{total} 份", end="\n" if done == total else "", file=sys.stderr, flush=True)


def run_batch_command(args: argparse.Namespace) -> int:
    from gipr_desktop.io.batch_run import run_batch
    from gipr_desktop.io.feedback import write_feedback_files
    from gipr_desktop.io.review_workbook import Review, write

    if not args.out.lower().endswith(".xlsx"):
        print(f"无法写入：审核结果须保存为 .xlsx 工作簿（给出的是「{args.out}」）", file=sys.stderr)
        return EXIT_UNREADABLE
    result = run_batch(args.inputs, [args.previous] if args.previous else (), unit=args.unit or "",
                       progress=_progress if sys.stderr.isatty() else None)
    if not result.rows:
        print("没有找到可以读取的报告文件", file=sys.stderr)
        return EXIT_UNREADABLE
    rows = sort_rows(result.rows)
    for row in rows:
        print(_body_line(row))
    for issue in result.issues:
        print(f"· {issue.kind}：{issue.message}")
    for text in result.excluded:
        print(f"· {text}")
    if result.aggregate is not None:
        counts = severity_counts(check(result.aggregate.report))
        print(f"汇总：{len(result.aggregate.bodies)} 个机关，{len(result.aggregate.notes)} 项未能汇总，"
              f"汇总报告有 {counts['error']} 个错误、{counts['warning']} 个警告")
    else:
        print(f"汇总：{result.aggregate_refused}")
    year = batch_year(rows)
    review = Review(rows, result.issues, result.aggregate, result.aggregate_refused, bool(args.previous),
                    title=f"{year}年度政府信息公开工作年度报告审核" if year else "政府信息公开工作年度报告审核",
                    excluded=result.excluded)
    try:
        write(review, args.out)
        if args.feedback:
            written = write_feedback_files(rows, args.feedback, args.feedback_type)
            print(f"已写出 {len(written)} 份审核意见到 {args.feedback}")
    except WriteError as exc:
        print(f"无法写入：{exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    statuses = [row.status for row in rows]
    print(f"共 {len(rows)} 份报告：通过 {statuses.count('通过')}，有警告 {statuses.count('有警告')}，"
          f"有错误 {statuses.count('有错误')}，未读取 {statuses.count('未读取')}；审核结果已写入 {args.out}")
    if result.unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if statuses.count("有错误") else EXIT_OK


def run_aggregate_command(args: argparse.Namespace) -> int:
    from gipr_desktop.core.aggregate import aggregate_rows
    from gipr_desktop.core.batch import DUPLICATE, review_batch
    from gipr_desktop.io.batch_read import ReadingPool, report_files
    from gipr_desktop.io.registry import write_report

    paths = report_files(args.files)
    if not paths:
        print("没有找到可以汇总的报告文件", file=sys.stderr)
        return EXIT_UNREADABLE
    with ReadingPool() as pool:
        rows = [row for _, row in sorted(pool.rows(paths, keep_cells=True), key=lambda item: item[0])]
    unreadable = [row for row in rows if not row.readable]
    if unreadable:
        for row in unreadable:
            print(f"无法读取：{row.message}", file=sys.stderr)
        print(f"有 {len(unreadable)} 份报告无法读取，未汇总；请改正或移除这些文件后再汇总", file=sys.stderr)
        return EXIT_UNREADABLE
    duplicates = [issue for issue in review_batch(rows) if issue.kind == DUPLICATE]
    if duplicates:
        for issue in duplicates:
            print(f"{issue.message}", file=sys.stderr)
        print("同一机关有多份报告，未汇总；请只保留一份后再汇总", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        result = aggregate_rows(rows, args.unit or "", args.year)
    except ValueError as exc:  # MixedFormats
        print(f"无法汇总：{exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        write_report(result.report, args.out)
    except WriteError as exc:
        print(f"无法写入：{exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    findings = check(result.report)
    counts = severity_counts(findings)
    print(f"已写入 {args.out}：{result.report.title}（{result.report.schema.name}），汇总 {len(result.bodies)} 个机关")
    for note in result.notes:
        print(f"  · {note.message}")
    print(f"  汇总报告：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 条提示")
    return EXIT_FINDINGS if counts["error"] else EXIT_OK

