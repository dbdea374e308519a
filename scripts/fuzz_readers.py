"""Fuzz every reader for a long while and print the figures: `nice python scripts/fuzz_readers.py`.

Mutations of the real reports and of the program's own exports (``tests/fuzz``) are read through
``io.registry.read_report``, each case in a child process of its own, watched from here: a case
fails when it ends in anything but a valid report or a Chinese ``ReadError`` (``tests.fuzz.cases``),
prints anything on stderr, runs over 10 s, or grows over 1 GB of resident memory (its own and its
reader's child process together). Failing files are kept in the output folder with their verdict.

    python scripts/fuzz_readers.py --cases 20000 --workers 2 --out /tmp/fuzz
    python scripts/fuzz_readers.py --hostile      # the hostile files of tests/fuzz/hostile.py, each measured
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from multiprocessing.connection import wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.io import isolated, registry  # noqa: E402
from gipr_desktop.io.errors import ReadError  # noqa: E402
from tests.fuzz.cases import verdict  # noqa: E402
from tests.fuzz.hostile import hostile_files  # noqa: E402
from tests.fuzz.mutators import mutate  # noqa: E402
from tests.fuzz.seeds import FORMATS, build_seeds  # noqa: E402

TIME_LIMIT = 10.0  # seconds per case
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of resident memory per case
_FORK = multiprocessing.get_context("fork")


def _case(connection, path: str, stderr_path: str) -> None:
    """In a forked child: read one file, report the verdict and the peak memory."""
    fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 2)
    resource.setrlimit(resource.RLIMIT_AS, (3 * MEMORY_LIMIT, 3 * MEMORY_LIMIT))  # a net; the figure is RSS
    status, detail = verdict(Path(path))
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) * 1024
    connection.send((status, detail, peak))
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "gipr-fuzz")
    parser.add_argument("--hostile", action="store_true", help="measure each hostile file instead of fuzzing")
    args = parser.parse_args()

    # the reader's own child process is forked from the case, so that its memory counts for the case
    isolated._context = lambda: _FORK
    import pdfplumber  # noqa: F401  imported once here, not in every case
    import pypdfium2  # noqa: F401
    import python_calamine  # noqa: F401

    for ext in FORMATS:  # every reader imported now, as the run starts, not later from a changed tree
        registry._handler(Path(f"x{ext}"), 1, "打开", ReadError)

    work = args.out / "work"
    failures_dir = args.out / "failures"
    failures_dir.mkdir(parents=True, exist_ok=True)
    seeds = build_seeds(args.out / "seeds")
    hostile = sorted(hostile_files(args.out / "hostile").items()) if args.hostile else []
    if hostile:
        args.cases = len(hostile)
    rng = random.Random(args.seed)
    figures: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    failures: list[str] = []
    running: dict = {}
    started = time.monotonic()
    next_case = 0

    def launch(number: int) -> None:
        if hostile:
            seed = path = hostile[number][1].path
            ext = path.suffix
        else:
            ext = FORMATS[number % len(FORMATS)]
            seed = rng.choice(seeds[ext])
            path = work / f"{number % (4 * args.workers)}" / f"case{ext}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(mutate(seed.read_bytes(), ext, rng))
        receiver, sender = _FORK.Pipe(duplex=False)
        process = _FORK.Process(target=_case, args=(sender, str(path), str(path) + ".stderr"))
        process.start()
        sender.close()
        running[receiver] = (number, ext, seed, path, process, time.monotonic())

    def fail(number: int, ext: str, seed: Path, path: Path, why: str) -> None:
        figures[ext]["failed"] += 1
        kept = failures_dir / f"{number:06d}{ext}"
        kept.write_bytes(path.read_bytes())
        kept.with_suffix(kept.suffix + ".txt").write_text(f"seed {seed.name}\n{why}\n", encoding="utf-8")
        failures.append(f"{kept.name}: {why}")
        print(f"FAIL {kept.name} (from {seed.name}): {why}", flush=True)

    while next_case < args.cases or running:
        while next_case < args.cases and len(running) < args.workers:
            launch(next_case)
            next_case += 1
        ready = wait(list(running), timeout=0.2)
        now = time.monotonic()
        for receiver in list(running):
            number, ext, seed, path, process, began = running[receiver]
            if receiver not in ready and now - began <= TIME_LIMIT:
                continue
            del running[receiver]
            stats = figures[ext]
            stats["cases"] += 1
            try:
                result = receiver.recv() if receiver in ready else None
            except EOFError:
                result = None
            seconds = time.monotonic() - began
            process.join(1)
            if process.is_alive():
                process.kill()
                process.join()
            receiver.close()
            stats["max_seconds"] = max(stats["max_seconds"], seconds)
            done = sum(int(f["cases"]) for f in figures.values())
            if done % 1000 == 0:
                print(f"{done} cases, {len(failures)} failures, {time.monotonic() - started:.0f} s", flush=True)
            if result is None:
                if seconds > TIME_LIMIT:
                    stats["over_time"] += 1
                    fail(number, ext, seed, path, f"over {TIME_LIMIT:.0f} s")
                else:
                    fail(number, ext, seed, path, f"the case's process died (exit code {process.exitcode})")
                continue
            status, detail, peak = result
            stats["max_rss_mb"] = max(stats["max_rss_mb"], peak / 1024 / 1024)
            if hostile:
                print(f"{path.name:22} {status:8} {seconds:5.2f} s {peak / 1024 / 1024:5.0f} MB  "
                      f"{detail.splitlines()[0][:70] if detail else ''}", flush=True)
            stderr = Path(str(path) + ".stderr").read_text(errors="replace")
            if peak > MEMORY_LIMIT:
                stats["over_memory"] += 1
                fail(number, ext, seed, path, f"{peak / 1024 / 1024:.0f} MB resident")
            elif stderr.strip():
                fail(number, ext, seed, path, f"printed on stderr: {stderr.strip()[:300]!r}")
            elif status == "failed":
                fail(number, ext, seed, path, detail)
            else:
                stats[status] += 1
    elapsed = time.monotonic() - started
    total = {key: sum(stats.get(key, 0) for stats in figures.values())
             for key in ("cases", "ok", "refused", "failed", "over_time", "over_memory")}
    print(f"\n{int(total['cases'])} cases in {elapsed:.0f} s with {args.workers} workers (seed {args.seed})")
    print(f"{'format':7} {'cases':>6} {'read':>6} {'refused':>7} {'failed':>6} {'>10 s':>6} {'>1 GB':>6} "
          f"{'max s':>6} {'max MB':>7}")
    for ext in FORMATS:
        stats = figures[ext]
        print(f"{ext:7} {int(stats['cases']):6} {int(stats['ok']):6} {int(stats['refused']):7} "
              f"{int(stats['failed']):6} {int(stats['over_time']):6} {int(stats['over_memory']):6} "
              f"{stats['max_seconds']:6.2f} {stats['max_rss_mb']:7.0f}")
    print(f"uncaught or unclear: {int(total['failed'] - total['over_time'] - total['over_memory'])}, "
          f"over 10 s: {int(total['over_time'])}, over 1 GB: {int(total['over_memory'])}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
