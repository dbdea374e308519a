"""Median time to import published reports as text (the seeds, a seed copied in traditional
characters, flattened real reports, and hostile worst cases near the size limit).

Run: python benchmarks/import_speed.py [--peer PATH]
Goal: a seed in at most 3 ms, and at most 3 times the peer parser on the same texts (the peer is
timed here when its source folder is given, as in benchmarks/peer_compare.py). Each median is also
printed as a ratio to a floor measured in the same run, alternately with it: cutting the text
into lines and finding its numbers, the least any reader of the text does; the ratio is what to
compare between runs on a shared, noisy machine. Times are CPU time of this process
(time.process_time): waiting for a busy processor is not counted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gipr_desktop.io.text_import import parse_report_text  # noqa: E402
from gipr_desktop.io.text_import.recognise import MAX_CHARS  # noqa: E402
from peer_compare import PEER_ENV, load_peer  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
REPORTS = ROOT / "tests" / "fixtures" / "reports"
_NUMBERS = re.compile(r"\d+")


def floor(text: str) -> None:
    """Cut the text into lines and find its numbers: the least any reader of the text does."""
    _NUMBERS.findall(text)
    [line.strip() for line in text.splitlines()]


def medians(text: str, rounds: int, parsers: dict) -> dict[str, float]:
    for parse in parsers.values():
        parse(text)  # warm the per-format caches
    times: dict[str, list[float]] = {name: [] for name in parsers}
    for _ in range(rounds):
        for name, parse in parsers.items():
            start = time.process_time()
            parse(text)
            times[name].append((time.process_time() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", default=os.environ.get(PEER_ENV), help=f"the peer's source folder (or ${PEER_ENV})")
    args = parser.parse_args()
    peer = load_peer(args.peer)
    parsers = {"ours": parse_report_text, "floor": floor}
    if peer is not None:
        parsers["peer"] = peer
    cases = [(path.name, path.read_text(encoding="utf-8"), 50) for path in sorted(SEEDS.glob("*.txt"))]
    for name in ("006_pingtan_2023.txt", "008_pingtan_2025.txt", "009_shanghai_kewei_2024.txt"):
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
        cases.append((f"worst case: a seed repeated to {MAX_CHARS} characters", worst, 3))
        cases.append(("worst case: the same, flattened onto one line", worst.replace("\n", ""), 3))
    seeds = []
    for name, text, rounds in cases:
        median = medians(text, rounds, parsers)
        line = f"{name:<58} {len(text):>7} chars  median {median['ours']:7.2f} ms  {median['ours'] / median['floor']:6.1f}× floor"
        if peer is not None:
            line += f"  peer {median['peer']:6.2f} ms  ours/peer {median['ours'] / median['peer']:5.1f}×"
        print(line)
        if name.endswith(".txt") and (SEEDS / name).is_file():
            seeds.append(median)
    if seeds:
        line = f"seeds: median {statistics.median(m['ours'] for m in seeds):.2f} ms (goal ≤ 3 ms)"
        if peer is not None:
            line += f", ours/peer {statistics.median(m['ours'] / m['peer'] for m in seeds):.1f}× (goal ≤ 3×)"
        print(line)


if __name__ == "__main__":
    main()
