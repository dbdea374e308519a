"""Atomic file replacement: a save never leaves a half-written file, and keeps the previous one.

Write to a temporary file beside the target and flush it to disk; make the old file the ``.bak``
by linking (or copying) it to a second temporary file and renaming that over the ``.bak``; then
rename the new file over the target and flush the folder. Every step that can fail (a full disk,
a killed process) happens on a temporary file, so at any moment the target and the ``.bak`` are
each a whole file: the old or the new one.

Temporary files are named ``.<target>.<pid>-<random>.tmp``; those a killed save left behind are
removed by the next save of the same file. A new file gets the user's usual permissions (the
umask), a replaced file keeps its own. A file another program holds open on Windows (Excel, WPS)
is retried briefly, then refused with a message that says so; nothing is lost either way.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path

from gipr_desktop.io.errors import WriteError

ON_WINDOWS = os.name == "nt"
BACKUP_SUFFIX = ".bak"
# How long a replace blocked by another program is retried (seconds between attempts), as Office does.
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4)
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SHARING_VIOLATIONS = {5, 32, 33}  # ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
# ours: .<name>.<pid>-<8 hex>.tmp; before: .<name>.<8 of a-z0-9_>.tmp (tempfile.mkstemp)
_TEMP_NAME = r"\.{name}\.(?:(?P<pid>\d+)-[0-9a-f]{{8}}|[a-z0-9_]{{8}})\.tmp"
STALE_AFTER = 600  # seconds: a temporary file this old is left over, whichever process it names


def write_atomic(path: str | os.PathLike, data: bytes, keep_backup: bool = True) -> None:
    """Put ``data`` at ``path`` whole or not at all; the file it replaces becomes ``path.bak``."""
    target = Path(path)
    started = time.time()
    _remove_stale_temps(target, started)
    try:
        existing_mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        existing_mode = None
    temps: list[Path] = []
    try:
        new = _write_temp(target, data, existing_mode, temps)
        if keep_backup and existing_mode is not None:
            _rotate_backup(target, temps)
        _replace(new, target)
        temps.remove(new)
        _sync_folder(target.parent)
    except OSError as exc:
        for leftover in temps:
            _unlink_quietly(leftover)
        raise WriteError(_message(target, exc)) from exc


def temp_pattern(target: Path) -> re.Pattern:
    """The names of the temporary files a save of ``target`` writes beside it."""
    return re.compile(_TEMP_NAME.format(name=re.escape(target.name)))


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _create(path: Path, mode: int | None) -> int:
    """A new file, readable as the umask allows (0666 before the umask), or with ``mode``."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    if mode is not None and not ON_WINDOWS:
        os.fchmod(fd, mode)
    return fd


def _write_temp(target: Path, data: bytes, mode: int | None, temps: list[Path]) -> Path:
    new = _temp_path(target)
    fd = _create(new, mode)
    temps.append(new)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return new


def _rotate_backup(target: Path, temps: list[Path]) -> None:
    """The current target becomes the ``.bak`` in one rename; the old ``.bak`` stays until then."""
    staged = _temp_path(target)
    try:
        os.link(target, staged)  # no copy, no disk space: the backup is the old file itself
        temps.append(staged)
    except OSError as exc:
        if exc.errno in _DISK_FULL:
            raise
        _copy_whole(target, staged, temps)
    _replace(staged, target.with_name(target.name + BACKUP_SUFFIX))
    temps.remove(staged)
    _unlink_quietly(staged)  # still there when the .bak already was the target (a rename of a file onto itself)


def _copy_whole(source: Path, copy: Path, temps: list[Path]) -> None:
    """For folders without hard links (FAT, some network shares): a copy, flushed to disk."""
    fd = _create(copy, stat.S_IMODE(os.stat(source).st_mode))
    temps.append(copy)
    with os.fdopen(fd, "wb") as handle, open(source, "rb") as original:
        shutil.copyfileobj(original, handle)
        handle.flush()
        os.fsync(handle.fileno())
    shutil.copystat(source, copy)


def _replace(new: Path, target: Path) -> None:
    """Rename ``new`` over ``target``; while another program holds the target open, try again briefly."""
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(new, target)
            return
        except PermissionError as exc:
            if delay is None or not _held_by_another_program(exc):
                raise
            time.sleep(delay)


def _held_by_another_program(exc: OSError) -> bool:
    return ON_WINDOWS and isinstance(exc, PermissionError) and getattr(exc, "winerror", None) in _SHARING_VIOLATIONS


def _sync_folder(folder: Path) -> None:
    """Make the renames themselves durable (POSIX; Windows has no folder handles for this)."""
    if ON_WINDOWS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temps(target: Path, started: float) -> None:
    """Temporary files of earlier saves of ``target`` that were killed before they finished."""
    pattern = temp_pattern(target)
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        leftover = target.parent / name
        try:
            written = leftover.stat().st_mtime
            if written < started and (written < started - STALE_AFTER or not _running_elsewhere(match["pid"])):
                leftover.unlink()
        except OSError:
            pass


def _running_elsewhere(pid_text: str | None) -> bool:
    """Whether another live process with this id may still be saving (its temporary file is in use)."""
    if pid_text is None or int(pid_text) == os.getpid():
        return False
    if ON_WINDOWS:
        return False  # a file another process still writes cannot be deleted there anyway
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _message(target: Path, exc: OSError) -> str:
    if exc.errno in _DISK_FULL:
        return f"磁盘空间不足，无法保存「{target.name}」；原文件未改动。请腾出磁盘空间后再保存。"
    if _held_by_another_program(exc):
        return f"无法保存「{target.name}」：文件正被其他程序打开，请关闭后重试。原文件未改动。"
    if isinstance(exc, FileNotFoundError):
        return f"无法保存「{target.name}」：文件夹「{target.parent}」不存在"
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return f"无法保存「{target.name}」：没有写入「{target.parent}」的权限（或文件为只读）"
    return f"无法保存「{target}」：{exc.strerror or exc}"
