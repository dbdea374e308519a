"""Nothing is lost: while there are unsaved changes, each window writes its own recovery copy every minute.

A window's copy is an ordinary ``.gipr`` file in ``<data folder>/recovery/<key>.gipr``, beside a
note (``<key>.json``: the file it belongs to, 机关名称, 年度, process id, time) and a lock file
(``<key>.lock``) that the window's process holds locked as long as the copy exists. Saving or
closing removes the window's own copy only. The operating system drops the lock of a process that
ends in any way, so at the next start a copy whose lock is free was left by a window that ended
without saving: it is offered, named by its report; copies of windows still open (in this process
or another) stay locked and are left alone. A copy from before this layout (``recovery.gipr`` in
the data folder itself) is offered too.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gipr_desktop.core.report import Report
from gipr_desktop.gui.document import Document
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import QObject, QTimer
from gipr_desktop.io import project
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.errors import ReadError, WriteError

if os.name == "nt":
    import msvcrt
else:
    import fcntl

log = logging.getLogger(__name__)
INTERVAL_MS = 60_000
FOLDER = "recovery"
LEGACY_NAMES = ("recovery.gipr", "recovery.json")  # the single copy per data folder of earlier versions


class FileLock:
    """An exclusive lock on a small file, held until released or until the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = None

    def acquire(self) -> bool:
        """True when this object now holds the lock; False when someone else does (or none can be had)."""
        if self._handle is not None:
            return True
        try:
            handle = open(self.path, "a+b")
        except OSError:
            return False
        try:
            handle.seek(0)
            if os.name == "nt":
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            if os.name == "nt":  # Windows wants a region unlocked before its file is closed
                self._handle.seek(0)
                msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        finally:
            self._handle.close()  # closing drops a flock
            self._handle = None


@dataclass
class RecoveryCopy:
    """A copy left by a window that ended without saving; this process holds its lock while it is offered."""

    report: Report
    source: Path | None
    saved: str
    files: tuple[Path, ...]
    lock: FileLock | None

    def question(self, number: int, total: int) -> str:
        """What the user is asked about this copy: which report it is, so that it can be told apart."""
        which = f"（第 {number} 份，共 {total} 份）" if total > 1 else ""
        year = f"{self.report.year} 年" if self.report.year is not None else "（未填写）"
        where = f"{self.source.name}（{self.source.parent}）" if self.source else "尚未保存为文件"
        return (f"程序上次没有正常关闭。以下报告有自动保存、但尚未保存到文件的修改{which}：\n\n"
                f"机关名称：{self.report.unit or '（未填写）'}\n年度：{year}\n文件：{where}\n"
                f"自动保存于：{self.saved or '（时间不明）'}\n\n是否恢复？选「否」将丢弃这些修改。")

    def discard(self) -> None:
        _remove(self.files, self.lock)


def _remove(files: tuple[Path, ...], lock: FileLock | None) -> None:
    """Delete a copy and its note, and only then give up its lock (if ours) and delete the lock file."""
    for path in files:
        _unlink(path)
    if lock is not None and lock.held:
        lock.release()
        _unlink(lock.path)


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # on Windows, while another program has it open for a moment
        log.warning("could not remove %s", path, exc_info=True)


def abandoned_copies(data_dir: Path) -> list[RecoveryCopy]:
    """Every recovery copy whose window ended without saving, oldest first; damaged ones are removed."""
    folder = data_dir / FOLDER
    found = []
    for file in sorted(folder.glob("*.gipr")) if folder.is_dir() else []:
        lock = FileLock(file.with_suffix(".lock"))
        if not lock.acquire():
            continue  # its window is still open
        if not file.exists():  # removed by its window just before we got the lock
            lock.release()
            continue
        copy = _read_copy(file, file.with_suffix(".json"), lock)
        if copy is not None:
            found.append(copy)
    legacy = _read_copy(*(data_dir / name for name in LEGACY_NAMES), None)
    if legacy is not None:
        found.append(legacy)
    return sorted(found, key=lambda copy: copy.saved)


def _read_copy(file: Path, note_file: Path, lock: FileLock | None) -> RecoveryCopy | None:
    if not file.exists():
        return None
    try:
        report = project.read(file).report
    except ReadError:
        log.warning("unreadable recovery file %s removed", file)
        _remove((file, note_file), lock)
        return None
    try:
        note = json.loads(note_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        note = {}
    note = note if isinstance(note, dict) else {}
    source = note.get("source") or ""
    saved = str(note.get("saved") or "").replace("T", " ")
    return RecoveryCopy(report, Path(source) if source else None, saved, (file, note_file), lock)


class Recovery:
    """One window's recovery copy: write, remove, and take over a copy the user restored."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / FOLDER
        self._new_key()

    def _new_key(self) -> None:
        key = uuid.uuid4().hex
        self.file = self.folder / f"{key}.gipr"
        self.note = self.folder / f"{key}.json"
        self.lock = FileLock(self.folder / f"{key}.lock")

    def write(self, report: Report, source: Path | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self.lock.acquire():  # the key is new: only a folder without locks refuses it
            log.warning("no lock on %s: the copy is written all the same", self.lock.path)
        write_atomic(self.file, project.dumps(report).encode("utf-8"), keep_backup=False)
        note = {"source": str(source) if source else "", "unit": report.unit, "year": report.year,
                "pid": os.getpid(), "saved": datetime.now().isoformat(timespec="seconds")}
        write_atomic(self.note, json.dumps(note, ensure_ascii=False).encode("utf-8"), keep_backup=False)

    def remove(self) -> None:
        """This window's copy only; the next copy it writes gets a new name and a new lock."""
        _remove((self.file, self.note), self.lock)
        self._new_key()

    def adopt(self, copy: RecoveryCopy) -> None:
        """A restored copy becomes this window's: written as its own first, then the old one dropped."""
        try:
            self.write(copy.report, copy.source)
        except (OSError, WriteError):
            log.exception("taking over the recovery copy %s failed; it is kept", copy.files[0])
            if copy.lock is not None:
                copy.lock.release()
            return
        copy.discard()


class Autosave(Guarded, QObject):
    def __init__(self, document: Document, recovery: Recovery, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__()
        self.document = document
        self.recovery = recovery
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    @slot
    def save_now(self) -> None:
        if not self.document.dirty:
            return
        try:
            self.recovery.write(self.document.report, self.document.path)
        except (OSError, WriteError):
            log.exception("writing the recovery file failed")
