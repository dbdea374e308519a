"""Median time to import published reports as text (the seeds, a seed copied in traditional
characters, a flattened real report, and a hostile worst case near the size limit).

Run: python benchmarks/import_speed.py        (goal: a seed in under 20 ms)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.io.text_import import parse_report_text  # noqa: E402
from gipr_desktop.io.text_import.recognise import MAX_CHARS  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
REPORTS = ROOT / "tests" / "fixtures" / "reports"


def median_ms(text: str, rounds: int) -> float:
    parse_report_text(text)  # warm the per-format caches
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        parse_report_text(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    cases = [(path.name, path.read_text(encoding="utf-8"), 50) for path in sorted(SEEDS.glob("*.txt"))]
    for name in ("006_pingtan_2023.txt", "009_shanghai_kewei_2024.txt"):
        if (REPORTS / name).is_file():
            cases.append((name, (REPORTS / name).read_text(encoding="utf-8"), 20))
    if cases:
        seed = cases[0][1]
        try:
            import opencc

            cases.append((f"{cases[0][0]} copied in traditional characters", opencc.OpenCC("s2t").convert(seed), 50))
        except ImportError:
            pass
        worst = (seed * (MAX_CHARS // len(seed)))[:MAX_CHARS]
        cases.append((f"worst case: a seed repeated to {MAX_CHARS} characters", worst, 1))
        cases.append(("worst case: the same, flattened onto one line", worst.replace("\n", ""), 1))
    for name, text, rounds in cases:
        print(f"{name:<58} {len(text):>8} chars  median {median_ms(text, rounds):8.1f} ms")


if __name__ == "__main__":
    main()
