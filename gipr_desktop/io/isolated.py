"""Reading a file in a child process that may crash, hang or run out of memory without harm.

Some parsers of untrusted files are native code that can abort the whole process on a crafted file
(python-calamine does, uncatchably; PDFium aborts when its memory runs out); others cannot be
bounded from outside. Such a reader runs here: in a child process limited in
memory (where the system allows) and in time, its terminal output discarded and its log records
(tracebacks included) handed to the caller's log. Whatever happens to the child, the caller gets
the result or a ``ReadError`` with a Chinese message, and the user's unsaved work survives.

On Linux and macOS the children are forked from a fork server started once (cheap per read, and
free of the window's threads); on Windows and in the frozen bundle each child is spawned afresh.
A process that is itself such a child for many files (a batch's reading worker, ``io.batch_read``)
calls ``run_here`` once: its readers then run their targets directly, with the same messages.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import warnings
from typing import Any, Callable

from gipr_desktop.io.errors import ReadError

log = logging.getLogger(__name__)

MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for the child (POSIX only)
TIME_LIMIT = 8.0  # seconds; with the child's start, every read of an untrusted file ends within 10 s
# imported once, in the fork server: pdfplumber (with pdfminer) and pypdfium2 take some 100 ms to
# import, which a child forked from the server no longer spends on every PDF it reads
_PRELOAD = ["gipr_desktop.io.calamine_reader", "gipr_desktop.io.pdf_pages", "pdfplumber", "pypdfium2"]
_isolated_here = False


def limit_memory(memory: int = MEMORY_LIMIT) -> None:
    """Limit this process's address space (POSIX only): a reader's runaway allocation fails here."""
    if sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def run_here() -> None:
    """Declare this process an isolated reading process: ``run_isolated`` no longer starts a child."""
    global _isolated_here
    _isolated_here = True


def _context():
    if sys.platform == "win32" or getattr(sys, "frozen", False):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


class _Collected(logging.Handler):
    """The child's log records, formatted with their tracebacks, to be written to the parent's log."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.lines) < 20:
            self.lines.append(self.format(record)[:4000])


def _silence() -> _Collected:
    """Nothing the child or its native libraries print may reach the user's terminal; its log
    records are collected for the parent's log."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
    warnings.simplefilter("ignore")
    collected = _Collected()
    root = logging.getLogger()
    root.handlers = [collected]
    root.setLevel(logging.INFO)
    return collected


def _outcome(target: Callable, args: tuple) -> tuple[str, Any]:
    try:
        return "ok", target(*args)
    except ReadError as exc:
        return "read_error", str(exc)
    except MemoryError:
        return "read_error", "内容过大，超出读取时允许使用的内存"
    except RecursionError:
        return "read_error", "内容嵌套过深，无法读取"
    except Exception as exc:  # noqa: BLE001  reported to the parent, which logs it and says the file is damaged
        return "failed", f"{type(exc).__name__}: {exc}"[:300]


def _child(connection, target: Callable, args: tuple, memory: int) -> None:
    log_lines = _silence().lines
    limit_memory(memory)
    try:
        connection.send((*_outcome(target, args), log_lines))
    finally:
        connection.close()


def _result(status: str, payload: Any, where: str) -> Any:
    if status == "ok":
        return payload
    if status == "read_error":
        raise ReadError(payload if where in payload else f"{where}{payload}")
    log.info("isolated reader of %s failed: %s", where, payload)
    raise ReadError(f"无法读取{where}：文件已损坏，或内容无法识别")


def run_isolated(target: Callable, *args: Any, where: str, timeout: float = TIME_LIMIT,
                 memory: int = MEMORY_LIMIT) -> Any:
    """``target(*args)`` in a child process; its result must be picklable. ``where`` names the file
    in messages. A crash, a time-out or an exception in the child becomes a ``ReadError``."""
    if _isolated_here:
        return _result(*_outcome(target, args), where)
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, target, args, memory), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ReadError(f"读取{where}超过 {timeout:.0f} 秒仍未完成，已停止读取；文件可能已损坏，或不是一份年度报告")
        status, payload, log_lines = receiver.recv()
    except EOFError:
        process.join(5)
        raise ReadError(f"读取{where}时读取程序异常退出（退出码 {process.exitcode}），文件可能已损坏或含有恶意内容") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    for line in log_lines:
        log.info("reading %s (child process): %s", where, line)
    return _result(status, payload, where)
