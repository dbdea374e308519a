"""Kill a saving process (kill -9) at random moments; after each kill the file and its .bak must be whole.

A child process saves two different reports over one ``.gipr`` file in a loop; it is killed at a
random moment, then the target and the ``.bak`` are read back (each must be exactly one of the two
reports) and one more save must leave no temporary file behind.

Run: python scripts/kill_saves.py [TIMES]   (500 by default; the test suite runs 30)
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.io import project  # noqa: E402
from gipr_desktop.io.atomic import temp_pattern, write_atomic  # noqa: E402
from gipr_desktop.io.errors import ReadError  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402

CHILD = """
import itertools, sys
from gipr_desktop.io.atomic import write_atomic
target, payloads = sys.argv[1], [open(p, "rb").read() for p in sys.argv[2:]]
write_atomic(target, payloads[0])
print("saving", flush=True)
for data in itertools.cycle(payloads):
    write_atomic(target, data)
"""
MAX_DELAY = 0.15  # seconds after the child's first save; it saves continuously meanwhile


def payloads(folder: Path) -> list[Path]:
    """Two valid reports of some 400 kB each (long text), different in every byte that matters."""
    files = []
    for n, fill in enumerate(("甲", "乙")):
        report = project.read(resource("sample.gipr")).report
        report.sections["5"] = (fill * 99 + "\n") * 1300
        path = folder / f"payload{n}.gipr"
        path.write_bytes(project.dumps(report).encode("utf-8"))
        files.append(path)
    return files


def _whole(path: Path, expected: list[bytes]) -> bool:
    try:
        project.read(path)
    except ReadError:
        return False
    return path.read_bytes() in expected


def kill_saves(folder: Path, times: int, seed: int = 0) -> dict[str, float]:
    """Run ``times`` kills in ``folder``; returns the counts a reader of the figures needs."""
    rng = random.Random(seed)
    sources = payloads(folder)
    expected = [p.read_bytes() for p in sources]
    target = folder / "报告.gipr"
    backup = target.with_name(target.name + ".bak")
    write_atomic(target, expected[1])
    write_atomic(target, expected[0])
    pattern = temp_pattern(target)
    figures = dict.fromkeys(("kills", "temps_left_by_kill", "bad_target", "bad_backup", "temps_after_next_save"), 0)
    started = time.perf_counter()
    for _ in range(times):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), *map(str, sources)],
                                 stdout=subprocess.PIPE, text=True)
        child.stdout.readline()  # its first save is done: from now on it is always saving
        time.sleep(rng.uniform(0, MAX_DELAY))
        child.kill()
        child.wait()
        child.stdout.close()
        figures["kills"] += 1
        figures["temps_left_by_kill"] += sum(1 for p in folder.iterdir() if pattern.fullmatch(p.name))
        figures["bad_target"] += not _whole(target, expected)
        figures["bad_backup"] += not _whole(backup, expected)
        write_atomic(target, expected[0])
        figures["temps_after_next_save"] += sum(1 for p in folder.iterdir() if pattern.fullmatch(p.name))
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


def main() -> None:
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as folder:
        figures = kill_saves(Path(folder), times)
    print(f"{figures['kills']} kills in {figures['seconds']} s")
    print(f"  temporary files left by the kills (removed by the next save): {figures['temps_left_by_kill']}")
    print(f"  target not a whole report after a kill: {figures['bad_target']}")
    print(f"  .bak not a whole report after a kill: {figures['bad_backup']}")
    print(f"  temporary files still there after the next save: {figures['temps_after_next_save']}")


if __name__ == "__main__":
    main()
