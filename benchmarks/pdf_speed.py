"""Median times of the printout of the bundled sample report: laying out its pages, drawing them as
a PDF (with the glyph names set right), as ratios to the Word export measured in the same run.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/pdf_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.gui import printing  # noqa: E402
from gipr_desktop.io import docx_writer  # noqa: E402
from gipr_desktop.io.registry import read_report  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402

RUNS = 9


def median(action) -> float:
    action()  # warm the imports, fonts and caches
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    report = read_report(resource("sample.gipr")).report
    floor = median(lambda: docx_writer.dumps(report))
    pages = printing.report_pages(report)
    steps = {
        "lay out the pages": lambda: printing.report_pages(report),
        "PDF of laid-out pages": lambda: printing.pdf_bytes(pages, report.title),
        "whole PDF export": lambda: printing.pdf_bytes(printing.report_pages(report), report.title),
    }
    print(f"Word export (the floor): {floor * 1000:.0f} ms; {pages.count()} pages")
    for name, step in steps.items():
        seconds = median(step)
        print(f"{name:24} {seconds * 1000:7.0f} ms  = {seconds / floor:5.1f} × the Word export  (median of {RUNS})")


if __name__ == "__main__":
    main()
