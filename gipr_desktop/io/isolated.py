"""Run a reader that can crash in a child process, so that it cannot take the window down with it.

Some parsers of untrusted files are native code that can abort the whole process on a crafted file
(python-calamine does, uncatchably). Such a reader runs here: in a fresh child process, limited in
memory (where the system allows) and in time. Whatever happens to the child, the caller gets the
result or a ``ReadError``, and the user's unsaved work in the window survives.
"""

from __future__ import annotations

import multiprocessing
import sys
from typing import Any, Callable

from gipr_desktop.io.errors import ReadError

MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for the child (POSIX only)


def _child(connection, target: Callable, args: tuple, memory: int) -> None:
    if sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        connection.send(("ok", target(*args)))
    except ReadError as exc:
        connection.send(("read_error", str(exc)))
    except MemoryError:
        connection.send(("read_error", "内容过大，超出读取时允许使用的内存"))
    except Exception as exc:  # noqa: BLE001  reported to the parent, which turns it into a ReadError
        connection.send(("failed", f"{type(exc).__name__}: {exc}"[:300]))
    finally:
        connection.close()


def run_isolated(target: Callable, *args: Any, where: str, timeout: float = 30, memory: int = MEMORY_LIMIT) -> Any:
    """``target(*args)`` in a child process; its result must be picklable. ``where`` names the file
    in messages. A crash, a time-out or an exception in the child becomes a ``ReadError``."""
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
    if status == "ok":
        return payload
    if status == "read_error":
        raise ReadError(payload if where in payload else f"{where}{payload}")
    raise ReadError(f"无法读取{where}：文件内容无法识别（{payload}）")
