"""A province's batch: 10 000 reports of mixed formats (.gipr, .xlsx, .docx, .txt, a quarter each)
read, checked, summed and written as the review workbook (goal: ≤ 60 s on two cores, memory flat
and ≤ 500 MB, not growing with the count).

Prints the time of each phase, the memory of the parent and of the workers as the batch goes on,
and ratios to floors measured in the same run: one file read and checked in this process, per
format, and the old .xlsx reading (openpyxl) against the batch's (calamine).

Run: python benchmarks/batch_speed.py [--count 10000] [--corpus DIR]
(the corpus is made once in DIR, by default in the temporary folder, and reused)
"""

from __future__ import annotations

import argparse
import io
import os
import resource as res
import statistics
import sys
import tempfile
import time
import zipfile
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gipr_desktop.core.batch import sort_rows  # noqa: E402
from gipr_desktop.io import isolated, xlsx_reader  # noqa: E402
from gipr_desktop.io.batch_read import ReadingPool, read_row  # noqa: E402
from gipr_desktop.io.batch_run import run_batch  # noqa: E402
from gipr_desktop.io.registry import read_report, write_report  # noqa: E402
from gipr_desktop.io.review_workbook import Review, write  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402

FORMATS = (".gipr", ".xlsx", ".docx", ".txt")
PLACEHOLDER = "示例区第00000号街道办事处"
SAMPLE = 40  # files per format timed one by one for the floor


def _template(folder: Path) -> dict[str, bytes]:
    report = read_report(resource("sample.gipr")).report
    report.unit = PLACEHOLDER
    templates = {}
    for ext in FORMATS:
        path = folder / f"template{ext}"
        write_report(report, path)
        templates[ext] = path.read_bytes()
    return templates


def _escaped(text: str) -> bytes:
    """As openpyxl writes a string into sheet XML: non-ASCII characters as character references."""
    return "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in text).encode()


def _renamed(data: bytes, ext: str, unit: str) -> bytes:
    old, new = PLACEHOLDER.encode(), unit.encode()
    if ext not in (".xlsx", ".docx"):
        return data.replace(old, new)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            member = source.read(info).replace(old, new).replace(_escaped(PLACEHOLDER), _escaped(unit))
            target.writestr(info, member)
    return buffer.getvalue()


def _make(args: tuple[Path, dict[str, bytes], range]) -> None:
    folder, templates, numbers = args
    for i in numbers:
        ext = FORMATS[i % len(FORMATS)]
        unit = PLACEHOLDER.replace("00000", f"{i:05d}")
        (folder / f"{i:05d}{ext}").write_bytes(_renamed(templates[ext], ext, unit))


def corpus(count: int, folder: Path) -> Path:
    target = folder / f"batch-{count}-v2"
    if target.is_dir() and len(list(target.iterdir())) == count:
        return target
    target.mkdir(parents=True, exist_ok=True)
    templates = _template(folder)
    chunks = [range(start, min(count, start + 500)) for start in range(0, count, 500)]
    with get_context("spawn").Pool(2) as pool:
        pool.map(_make, [(target, templates, chunk) for chunk in chunks])
    return target


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its ended children (the workers, once closed)."""
    me, children = res.getrusage(res.RUSAGE_SELF), res.getrusage(res.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def _floor(files: list[Path]) -> dict[str, float]:
    """Seconds to read and check one file of each format, here, in one process."""
    isolated.run_here()  # calamine in this process, as in a worker
    by_ext = {}
    for ext in FORMATS:
        sample = [f for f in files if f.suffix == ext][:SAMPLE]
        read_row(sample[0])
        times = []
        for path in sample:
            start = time.perf_counter()
            read_row(path)
            times.append(time.perf_counter() - start)
        by_ext[ext] = statistics.median(times)
    xlsx = next(f for f in files if f.suffix == ".xlsx")
    start = time.perf_counter()
    for _ in range(5):
        xlsx_reader.read(xlsx)
    by_ext["openpyxl"] = (time.perf_counter() - start) / 5
    return by_ext


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "gipr-batch-bench")
    args = parser.parse_args()
    start = time.perf_counter()
    folder = corpus(args.count, args.corpus)
    files = sorted(folder.iterdir())
    print(f"corpus: {len(files)} files in {folder} ({time.perf_counter() - start:.1f} s to make or find)")

    samples: list[tuple[int, float, float]] = []
    pool = ReadingPool()
    step = max(1, len(files) // 10)

    def progress(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            workers = sum(_rss_mb(w.process.pid) for w in pool._workers)
            samples.append((done, _rss_mb(os.getpid()), workers))

    start, cpu = time.perf_counter(), _cpu()
    with pool:
        result = run_batch([folder], progress=progress, pool=pool)
    read_time = time.perf_counter() - start
    parent_cpu, workers_cpu = (now - before for now, before in zip(_cpu(), cpu))
    start = time.perf_counter()
    rows = sort_rows(result.rows)
    out = folder.parent / "review.xlsx"
    write(Review(rows, result.issues, result.aggregate, result.aggregate_refused, excluded=result.excluded), out)
    write_time = time.perf_counter() - start
    total = read_time + write_time
    unread = len(result.unreadable)
    findings = sum(len(r.findings) for r in rows)
    print(f"read + checked + summed: {read_time:.1f} s ({len(files) / read_time:.0f} files/s), "
          f"{unread} unreadable, {findings} findings, aggregate of "
          f"{len(result.aggregate.bodies) if result.aggregate else 0} bodies")
    print(f"  CPU: workers {workers_cpu:.1f} s ({workers_cpu / len(files) * 1e3:.1f} ms a file), parent "
          f"{parent_cpu:.1f} s; {(workers_cpu + parent_cpu) / read_time:.2f} cores busy on average "
          f"(the rest of the machine's {os.cpu_count()} cores went to other programs)")
    print(f"review workbook written: {write_time:.1f} s ({out.stat().st_size / 1e6:.1f} MB)")
    print(f"total: {total:.1f} s (goal ≤ 60 s)")
    print("memory as the batch goes on (files done: parent MB, workers MB together):")
    for done, parent, workers in samples:
        print(f"  {done:6d}: {parent:6.0f} + {workers:6.0f}")
    print(f"peak RSS: parent {res.getrusage(res.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest worker {res.getrusage(res.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB (goal ≤ 500 MB)")

    floor = _floor(files)
    serial = sum(floor[ext] for ext in FORMATS) / len(FORMATS) * len(files)
    cores = os.cpu_count() or 1
    print("floor, one file read and checked in one process: " +
          ", ".join(f"{ext} {floor[ext] * 1e3:.1f} ms" for ext in FORMATS))
    print(f"  .xlsx through openpyxl: {floor['openpyxl'] * 1e3:.1f} ms "
          f"({floor['openpyxl'] / floor['.xlsx']:.0f}× the calamine path)")
    print(f"batch reading vs the serial floor: {serial:.1f} s serial, {read_time:.1f} s on {cores} cores "
          f"= {serial / read_time:.2f}× (ideal {cores}×); workers' CPU {workers_cpu / serial:.2f}× the floor's")


if __name__ == "__main__":
    main()
