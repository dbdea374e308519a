"""Peak memory of ``gipr check --json`` over N and 10×N files: flat when results are streamed.

Each file is a report with many findings (a broken copy of the sample), so that keeping the results
would show. Peak resident memory of the process (POSIX ``getrusage``) is printed for both runs and
as a ratio; the goal is a ratio near 1.

Run: python benchmarks/cli_memory.py [N]   (300 by default)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.io import project  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402

CHILD = """
import resource, sys
from gipr_desktop.cli import main
main(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def peak_kib(files: list[str], *options: str) -> int:
    done = subprocess.run([sys.executable, "-c", CHILD, "check", *options, *files],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    return int(done.stderr.split()[-1])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as folder:
        report = project.read(resource("sample.gipr")).report
        for ref in list(report.cells)[::3]:
            report.set(ref, 7)
        path = Path(folder) / "r.gipr"
        project.write(report, path)
        for options in ((), ("--json",)):
            small, large = peak_kib([str(path)] * n, *options), peak_kib([str(path)] * (10 * n), *options)
            label = " ".join(("gipr check", *options))
            print(f"{label:<18} {n:>6} files: {small / 1024:6.1f} MB   {10 * n:>6} files: {large / 1024:6.1f} MB"
                  f"   ratio {large / small:4.2f}")


if __name__ == "__main__":
    main()
