"""Reading a batch of reports into rows (``core.batch.BodyRow``): one file at a time, or thousands
on every core.

``read_row`` reads one file, pairs it with last year's report of the same body when one is known
(and reads the file again with it where a stock cell was left empty: last year's 现行有效 may split
the digits a flattened page glued), checks it (``check(report, previous)``, the cross-year rules included) and makes its row; a file
that cannot be read is a row with its message, never a stop. ``ReadingPool`` runs ``read_row`` in
long-lived worker processes, one per core: a report's readers (calamine above all) are native code
that a crafted file can make abort, and then only that worker dies — its file becomes a row that
says so, and a fresh worker takes its place. Each worker is limited in memory, each file in time.
The parent sends paths and receives rows; nothing else crosses, so the parent's memory does not
grow with the number of files beyond the rows themselves, and each worker is replaced after
``RECYCLE_AFTER`` files, so that neither does theirs.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from gipr_desktop.core.batch import BodyRow, body_key, row_for
from gipr_desktop.core.checks import check
from gipr_desktop.core.notes import ImportNote
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, cross_year_rules
from gipr_desktop.io import isolated
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.registry import read_report, readable_extensions

log = logging.getLogger(__name__)
TIMEOUT = 60.0  # seconds one file may take in a worker before the worker is stopped and replaced
RECYCLE_AFTER = 1000  # files a worker reads before a fresh one takes over: native readers do not
# always give their memory back (python-docx's full reading grew by 0.2 MB a file), and a province's
# batch must not grow with the count

# for a batch, readers that skip what a report's figures do not need (see each module)
_FAST_READERS = {".xlsx": "gipr_desktop.io.xlsx_values", ".docx": "gipr_desktop.io.docx_values"}

Progress = Callable[[int, int], None]  # (files done, files in all)
Stop = Callable[[], bool]


def report_files(names: Iterable[str | Path]) -> list[Path]:
    """The files named, and in each folder named the readable reports it holds (not in sub-folders,
    not hidden files or Office's 「~$」 lock files), in name order."""
    readable = set(readable_extensions())
    result: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            result.extend(sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in readable and not p.name.startswith((".", "~$"))
            ))
        else:
            result.append(path)
    return result


def _read(path: Path) -> ImportResult:
    module = _FAST_READERS.get(path.suffix.lower())
    if module is None or not path.is_file():
        return read_report(path)
    try:
        return importlib.import_module(module).read(path)
    except ReadError:
        raise
    except Exception as exc:  # as ``read_report`` does: a reader's defect is a message, not a traceback
        log.exception("reading %s failed", path)
        raise ReadError(f"无法读取「{path.name}」：文件内容无法识别（{type(exc).__name__}）") from exc


def read_row(path: str | Path, previous_path: str | Path | None = None,
             previous_by_body: Mapping[str, str] | None = None) -> BodyRow:
    """One report as a row of the batch. Last year's report is ``previous_path`` when given, else the
    one ``previous_by_body`` (``core.batch.previous_paths``) holds for the body, else the one the
    ``.gipr`` file carries."""
    path = Path(path)
    try:
        imported = _read(path)
    except ReadError as exc:
        return BodyRow(str(path), message=str(exc))
    except Exception as exc:  # noqa: BLE001  never a stop: the row says what happened, the log says more
        log.exception("reading %s failed", path)
        return BodyRow(str(path), message=f"无法读取「{path.name}」（{type(exc).__name__}）")
    report, notes = imported.report, list(imported.notes)
    if previous_path is None and previous_by_body:
        previous_path = previous_by_body.get(body_key(report.unit))
    previous = None
    if previous_path:
        try:
            previous = _read(Path(previous_path)).report
        except ReadError as exc:
            notes.append(ImportNote(f"上年报告无法读取，未作跨年度核对：{exc}"))
    if previous is not None and _previous_may_split(report):
        try:  # read again, the glued digits split by last year's stock (R6); as it was where that fails
            imported = read_report(path, previous=previous)
            report, notes = imported.report, list(imported.notes)
        except ReadError:
            pass
    row = row_for(str(path), report, check(report, previous), notes)
    row.previous_path = str(previous_path or "")
    return row


def _previous_may_split(report: Report) -> bool:
    """Whether reading the report again with last year's may read more of it: a stock cell (现行有效,
    R6) the reading left empty (a flattened page glues table 二's digits), which last year's may split."""
    for rule in cross_year_rules(report.format).get("stocks", ()):
        for row in rule["rows"]:
            ref = CellRef(rule["table"], row, rule["col"])
            if report.get(ref) is None:
                return True
    return False


# --- the pool ---------------------------------------------------------------------------------------


def _log_file() -> str:
    """The file this process logs to (the window's log), for the workers to log to as well."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return ""


def _worker(connection, memory: int, read: Callable[..., BodyRow], log_file: str) -> None:
    """A reading worker: rows for paths (``read``, normally ``read_row``) until told to stop (``None``)."""
    isolated.limit_memory(memory)
    isolated.run_here()
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.INFO, encoding="utf-8",
                            format="%(asctime)s %(levelname)s %(name)s[worker]: %(message)s")
    previous_by_body: dict[str, str] = {}
    while True:
        message = connection.recv()
        if message is None:
            return
        kind, payload = message
        if kind == "pairing":
            previous_by_body = payload
            continue
        index, path, previous_path, keep_cells = payload
        row = read(path, previous_path, previous_by_body)
        if not keep_cells:
            row.cells = {}
        connection.send((index, row))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: object
    task: tuple | None = None  # (index, path) being read
    started: float = 0.0
    done: int = 0  # files read


class ReadingPool:
    """Worker processes reading files into rows. Use as a context manager. ``read`` (a module-level
    function, as ``read_row``) makes each row."""

    def __init__(self, workers: int | None = None, timeout: float = TIMEOUT,
                 memory: int = isolated.MEMORY_LIMIT, read: Callable[..., BodyRow] = read_row,
                 recycle_after: int = RECYCLE_AFTER) -> None:
        self.size = max(1, workers or os.cpu_count() or 1)
        self.recycle_after = recycle_after
        self.read = read
        self.timeout = timeout
        self.memory = memory
        self._context = multiprocessing.get_context("spawn")
        self._pairing: dict[str, str] = {}
        self._workers: list[_Worker] = []
        self._retired: list = []  # recycled workers' processes, ending

    def __enter__(self) -> ReadingPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(child, self.memory, self.read, _log_file()), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        if self._pairing:
            parent.send(("pairing", self._pairing))
        return worker

    def set_pairing(self, previous_by_body: Mapping[str, str]) -> None:
        """Last year's report of each body (``core.batch.previous_paths``), for the files read next."""
        self._pairing = dict(previous_by_body)
        for worker in self._workers:
            worker.connection.send(("pairing", self._pairing))

    def rows(self, paths: Iterable[str | Path], previous: Mapping[str, str] | None = None,
             keep_cells: bool = True, progress: Progress | None = None,
             should_stop: Stop | None = None) -> Iterator[tuple[int, BodyRow]]:
        """``(index, row)`` for each path, as the workers finish them (not in order). ``previous``
        names last year's file for some paths (a pairing the reviewer corrected); the others are
        paired by body. Stops early, after the files being read, when ``should_stop()`` is true."""
        paths = [str(p) for p in paths]
        previous = {str(k): str(v) for k, v in (previous or {}).items()}
        total, done, queue = len(paths), 0, list(enumerate(paths))
        queue.reverse()
        while len(self._workers) < min(self.size, max(total, 1)):
            self._workers.append(self._start())
        idle = list(self._workers)
        busy: dict[object, _Worker] = {}
        try:
            while queue or busy:
                stopping = should_stop is not None and should_stop()
                while idle and queue and not stopping:
                    worker = idle.pop()
                    index, path = queue.pop()
                    worker.task, worker.started = (index, path), time.monotonic()
                    worker.connection.send(("read", (index, path, previous.get(path), keep_cells)))
                    busy[worker.connection] = worker
                if not busy:
                    break
                # a worker that dies closes its end of the pipe: its connection is ready, and reading it fails
                ready = wait(list(busy), timeout=self._time_left(busy.values()))
                for worker in list(busy.values()):
                    del busy[worker.connection]
                    if worker.connection in ready:
                        try:
                            index, row = worker.connection.recv()
                            worker.task = None
                            worker.done += 1
                            if worker.done >= self.recycle_after:
                                worker = self._recycled(worker)
                        except (EOFError, OSError):
                            (index, row), worker = self._lost(worker, "exit")
                    elif time.monotonic() - worker.started > self.timeout:
                        (index, row), worker = self._lost(worker, "timeout")
                    else:
                        busy[worker.connection] = worker
                        continue
                    idle.append(worker)
                    done += 1
                    if progress is not None:
                        progress(done, total)
                    yield index, row
        finally:  # the caller stopped iterating: the files still being read must not answer the next call
            for worker in busy.values():
                self._discard(worker)

    def _time_left(self, workers: Iterable[_Worker]) -> float:
        now = time.monotonic()
        return max(0.05, min(self.timeout - (now - w.started) for w in workers))

    def _lost(self, worker: _Worker, why: str) -> tuple[tuple[int, BodyRow], _Worker]:
        """The row of a file whose worker died or ran out of time, and the fresh worker replacing it."""
        index, path = worker.task
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        name = f"「{Path(path).name}」"
        if why == "timeout":
            message = f"读取{name}超过 {self.timeout:.0f} 秒仍未完成，已停止读取"
        else:
            message = (f"读取{name}时读取程序异常退出（退出码 {worker.process.exitcode}），"
                       "文件可能已损坏或含有恶意内容")
        log.error("reading worker for %s: %s (exit code %s)", path, why, worker.process.exitcode)
        worker.connection.close()
        replacement = self._start()
        self._workers[self._workers.index(worker)] = replacement
        return (index, BodyRow(path, message=message)), replacement

    def _discard(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.connection.close()
        self._workers.remove(worker)

    def _recycled(self, worker: _Worker) -> _Worker:
        """A fresh worker in place of one that has read its share; the old one ends by itself."""
        worker.connection.send(None)
        worker.connection.close()
        self._retired.append(worker.process)
        replacement = self._start()
        self._workers[self._workers.index(worker)] = replacement
        return replacement

    def close(self) -> None:
        for worker in self._workers:
            try:
                worker.connection.send(None)
            except (OSError, ValueError):
                pass
        for worker in self._workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            worker.connection.close()
        self._workers.clear()
        for process in self._retired:
            process.join(5)
            if process.is_alive():
                process.kill()
        self._retired.clear()
