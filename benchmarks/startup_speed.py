"""How fast the program starts, as multiples of a bare Python start measured in the same run.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup_speed.py [BUNDLE]

Prints the median of a few runs of: a bare ``python -c pass`` (the floor); the platform check
gipr-desktop makes before Qt (gipr_desktop/platform_check.py); launch to the window shown and
painted (from a checkout, as benchmarks/gui_speed.py measures it); and, when the one-folder bundle
is there (default dist/gipr-desktop, built by scripts/build_linux_bundle.sh), the frozen program's
``--self-test`` from start to exit, and its size.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import gui_speed  # benchmarks/gui_speed.py: launch to window shown

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def median(measure) -> float:
    return statistics.median(measure() for _ in range(RUNS))


def size_mb(folder: Path) -> float:
    """In MiB, as ``du -sm`` and the bundle's budget in scripts/build_linux_bundle.sh count."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def main() -> None:
    floor = median(lambda: seconds([sys.executable, "-c", "pass"]))
    print(f"bare Python start (the floor): {floor * 1000:.0f} ms")

    def line(what: str, value: float) -> None:
        print(f"{what}: {value * 1000:.0f} ms = {value / floor:.1f} × the floor")

    check = [sys.executable, "-c", "from gipr_desktop.platform_check import problem; problem({'DISPLAY': ':0'})"]
    line("Python start + the platform check", median(lambda: seconds(check)))
    line("launch to window shown (checkout)", median(gui_speed.launch_seconds))
    bundle = Path(sys.argv[1]) if sys.argv[1:] else ROOT / "dist" / "gipr-desktop"
    program = bundle / ("gipr-desktop.exe" if sys.platform == "win32" else "gipr-desktop")
    if program.exists():
        line("gipr-desktop --self-test (frozen, start to exit)", median(lambda: seconds([str(program), "--self-test"])))
        print(f"bundle {bundle}: {size_mb(bundle):.0f} MB unpacked")
    else:
        print(f"no bundle at {bundle}: build it with scripts/build_linux_bundle.sh")


if __name__ == "__main__":
    main()
