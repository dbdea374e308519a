"""Run a reader that can crash in a child process, so that it cannot take the window down with it.

Some parsers of untrusted files are native code that can abort the whole process on a crafted file
(python-calamine does, uncatchably). Such a reader runs here: in a fresh child process, limited in
memory (where the system allows) and in time. Whatever happens to the child, the caller gets the
result or a ``ReadError``, and the user's unsaved work in the window survives.

A process that is itself such a child for many files (a batch's reading worker, ``io.batch_read``)
calls ``run_here`` once: its readers then run their targets directly, with the same messages.
"""

from __future__ import annotations

import multiprocessing
import sys
from typing import Any, Callable

from gipr_desktop.io.errors import ReadError

MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for the child (POSIX only)
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


def _outcome(target: Callable, args: tuple) -> tuple[str, Any]:
    try:
        return "ok", target(*args)
    except ReadError as exc:
        return "read_error", str(exc)
    except MemoryError:
        return "read_error", "内容过大，超出读取时允许使用的内存"
    except Exception as exc:  # noqa: BLE001  turned into a ReadError by ``_result``
        return "failed", f"{type(exc).__name__}: {exc}"[:300]


def _child(connection, target: Callable, args: tuple, memory: int) -> None:
    limit_memory(memory)
    try:
        connection.send(_outcome(target, args))
    finally:
        connection.close()


def _result(status: str, payload: Any, where: str) -> Any:
    if status == "ok":
        return payload
    if status == "read_error":
        raise ReadError(payload if where in payload else f"{where}{payload}")
    raise ReadError(f"无法读取{where}：文件内容无法识别（{payload}）")


def run_isolated(target: Callable, *args: Any, where: str, timeout: float = 30, memory: int = MEMORY_LIMIT) -> Any:
    """``target(*args)`` in a child process; its result must be picklable. ``where`` names the file
    in messages. A crash, a time-out or an exception in the child becomes a ``ReadError``."""
    if _isolated_here:
        return _result(*_outcome(target, args), where)
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, target, args, memory), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ReadError(f"读取{where}超过 {timeout:.0f} 秒仍未完成，已停止读取")
        status, payload = receiver.recv()
    except EOFError:
        process.join(5)
        raise ReadError(f"读取{where}时读取程序异常退出（退出码 {process.exitcode}），文件可能已损坏或含有恶意内容") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    return _result(status, payload, where)
