"""Start-up time of ``gipr --version`` and ``gipr --help``, as a ratio to a bare ``python -c pass``.

Each is run as a new process, as a script or a shell runs the command (the console script does
no more than ``from gipr_desktop.cli import main; sys.exit(main())``), interleaved so that all
three see the same load; the median of each is taken. The goal is within 2× of the bare start.

Run: python benchmarks/cli_start.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIPR = "import sys; from gipr_desktop.cli import main; sys.exit(main())"
RUNS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "gipr --version": [sys.executable, "-c", GIPR, "--version"],
    "gipr --help": [sys.executable, "-c", GIPR, "--help"],
}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    times: dict[str, list[float]] = {name: [] for name in RUNS}
    for _ in range(rounds):
        for name, command in RUNS.items():
            started = time.perf_counter()
            subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - started)
    floor = statistics.median(times["python -c pass"])
    print(f"median of {rounds} runs each")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"  {name:<16} {median * 1000:6.1f} ms   {median / floor:4.2f}× python -c pass")


if __name__ == "__main__":
    main()
