"""Median time of one full check of a complete report (the window runs it on every keystroke).

Run: python benchmarks/check_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.core.checks import check  # noqa: E402
from gipr_desktop.core.rollover import rollover  # noqa: E402
from gipr_desktop.core.schema import CellRef  # noqa: E402
from gipr_desktop.io.registry import read_report  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402


def main() -> None:
    clean = read_report(resource("sample.gipr")).report
    broken = clean.copy()
    broken.set(CellRef("applications", "disclosed", "natural_person"), 99)
    half = clean.copy()
    for ref in list(half.cells)[::2]:
        half.set(ref, None)
    # next year's report begun from the sample, all cells filled again, section 五 being typed
    next_year, _ = rollover(clean)
    next_year.cells.update({ref: value for ref, value in clean.cells.items() if ref not in next_year.cells})
    next_year.sections["5"] = clean.sections["5"] + "三是加强培训。"
    cases = (("clean", clean), ("one broken total", broken), ("half empty", half), ("with last year", next_year))
    for name, report in cases:
        check(report)  # warm the per-format caches
        times = []
        for _ in range(2000):
            start = time.perf_counter()
            check(report)
            times.append(time.perf_counter() - start)
        print(f"full check, {name:16}: median {statistics.median(times) * 1e3:.3f} ms, "
              f"p95 {sorted(times)[int(len(times) * 0.95)] * 1e3:.3f} ms")
    # every keystroke in a long section 五 (last year's ~800 characters) is a text not seen before:
    # the text checks and the comparison with last year cannot use their caches
    long_text = clean.sections["5"] * 8
    next_year.previous.sections["5"] = long_text
    times = []
    for i in range(2000):
        next_year.sections["5"] = long_text + "三是加强培训" + "。" * (i % 200) + str(i)
        start = time.perf_counter()
        check(next_year)
        times.append(time.perf_counter() - start)
    print(f"full check, typing in 五    : median {statistics.median(times) * 1e3:.3f} ms, "
          f"p95 {sorted(times)[int(len(times) * 0.95)] * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
