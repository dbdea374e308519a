"""Median export times of the bundled sample report: Word, text, Markdown, HTML (goal: < 200 ms).

Run: python benchmarks/docx_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.io import docx_writer, markup_writer, text_writer  # noqa: E402
from gipr_desktop.io.registry import read_report  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402

RUNS = 15


def main() -> None:
    report = read_report(resource("sample.gipr")).report
    exports = {
        ".docx": docx_writer.dumps,
        ".txt": text_writer.dumps,
        ".md": markup_writer.md_dumps,
        ".html": markup_writer.html_dumps,
    }
    for name, export in exports.items():
        export(report)  # warm the imports and the layout cache
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            export(report)
            times.append(time.perf_counter() - start)
        print(f"{name:6} median {statistics.median(times) * 1000:7.1f} ms  (of {RUNS} runs; goal < 200 ms)")


if __name__ == "__main__":
    main()
