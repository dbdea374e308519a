"""Median time to export one report as the submission workbook and to read it back (goal: each < 150 ms),
and to read an .xls, which runs its reader in a child process.

Run: python benchmarks/xlsx_speed.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.io.registry import read_report, write_report  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402

RUNS = 30


def _median_ms(action) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, max(times) * 1e3


def main() -> None:
    report = read_report(resource("sample.gipr")).report
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.xlsx"
        write_report(report, path)  # warm imports and caches
        read_report(path)
        for name, action in (("export .xlsx", lambda: write_report(report, path)),
                             ("import .xlsx", lambda: read_report(path))):
            median, worst = _median_ms(action)
            print(f"{name}: median {median:.1f} ms, max {worst:.1f} ms ({RUNS} runs, one complete report)")
    xls = Path(__file__).resolve().parents[1] / "tests" / "data" / "sample.xls"
    median, worst = _median_ms(lambda: read_report(xls))
    print(f"import .xls (isolated child process): median {median:.1f} ms, max {worst:.1f} ms")


if __name__ == "__main__":
    main()
