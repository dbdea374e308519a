"""Saving is safe: whatever fails or kills a save, the file and its .bak stay whole; a full disk,
a file held open by another program and a shared folder are handled as a user would expect."""

from __future__ import annotations

import errno
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gipr_desktop.io import atomic
from gipr_desktop.io.atomic import temp_pattern, write_atomic
from gipr_desktop.io.errors import WriteError
from gipr_desktop.io.registry import write_report
from tests.helpers import sample_report

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")
OLDER, OLD, NEW = b"older report", b"old report", b"new report"


@pytest.fixture
def saved(tmp_path) -> Path:
    """A file saved twice: its content is OLD and its .bak holds OLDER."""
    target = tmp_path / "报告.gipr"
    write_atomic(target, OLDER)
    write_atomic(target, OLD)
    return target


def _backup(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


def _temps(target: Path) -> list[str]:
    return [p.name for p in target.parent.iterdir() if temp_pattern(target).fullmatch(p.name)]


def _fail(error_number: int = errno.EIO):
    def failing(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))
    return failing


class _FailingWrites:
    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_save_keeps_the_previous_file_as_bak(saved):
    write_atomic(saved, NEW)
    assert saved.read_bytes() == NEW and _backup(saved).read_bytes() == OLD
    assert _temps(saved) == []


@pytest.mark.parametrize("step", ["write", "fsync", "link and copy", "backup rename", "replace"])
def test_a_failure_at_any_step_leaves_the_file_and_its_bak_whole(saved, monkeypatch, step):
    if step == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _FailingWrites(real_fdopen(fd, mode)))
    elif step == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", _fail())
    elif step == "link and copy":
        monkeypatch.setattr(atomic.os, "link", _fail(errno.EPERM))  # a folder without hard links
        monkeypatch.setattr(atomic.shutil, "copyfileobj", _fail(errno.ENOSPC))
    else:
        real_replace, calls = os.replace, []

        def replace(src, dst):
            calls.append(dst)
            if (step == "backup rename") == str(dst).endswith(".bak"):
                raise OSError(errno.EIO, "Input/output error")
            real_replace(src, dst)
        monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(WriteError):
        write_atomic(saved, NEW)
    assert saved.read_bytes() == OLD
    # the .bak is the one before, or (when only the last rename failed) the file as it still is
    assert _backup(saved).read_bytes() == (OLD if step == "replace" else OLDER)
    assert _temps(saved) == []


def test_a_folder_without_hard_links_gets_a_copied_bak(saved, monkeypatch):
    monkeypatch.setattr(atomic.os, "link", _fail(errno.EPERM))
    write_atomic(saved, NEW)
    assert saved.read_bytes() == NEW and _backup(saved).read_bytes() == OLD and _temps(saved) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)])
def test_a_full_disk_says_so_in_chinese_and_changes_nothing(saved, monkeypatch, code):
    real_fdopen = os.fdopen

    class Full(_FailingWrites):
        def write(self, data):
            raise OSError(code, os.strerror(code))
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(WriteError) as failure:
        write_atomic(saved, NEW)
    assert "磁盘空间不足" in str(failure.value) and "原文件未改动" in str(failure.value)
    assert saved.read_bytes() == OLD and _backup(saved).read_bytes() == OLDER and _temps(saved) == []


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 64 kB file system (tmpfs, needs root on Linux); skipped where it cannot be mounted."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=False)


def test_a_really_full_disk_changes_nothing(tiny_disk):
    target = tiny_disk / "报告.gipr"
    older, old = b"1" * 10_000, b"2" * 30_000
    write_atomic(target, older)
    write_atomic(target, old)
    with pytest.raises(WriteError) as failure:
        write_atomic(target, b"3" * 40_000)  # 30 kB + 10 kB kept, 40 kB more do not fit in 64 kB
    assert "磁盘空间不足" in str(failure.value)
    assert target.read_bytes() == old and _backup(target).read_bytes() == older and _temps(target) == []


def test_temporary_files_of_killed_saves_are_removed_by_the_next_save(saved):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    leftovers = [saved.with_name(f".{saved.name}.{dead}-0123abcd.tmp"),
                 saved.with_name(f".{saved.name}.k3x_9q2w.tmp")]  # as saves before this version named them
    others = [saved.with_name(f".{saved.name}.{os.getppid()}-0123abcd.tmp"),  # a live process still saving
              saved.with_name(f".{saved.name}.x.{dead}-0123abcd.tmp"),  # another file's
              saved.with_name("其他.tmp")]
    for path in leftovers + others:
        path.write_bytes(b"half a report")
    write_atomic(saved, NEW)
    assert [p.exists() for p in leftovers] == [False, False]
    assert [p.exists() for p in others] == [True, True, True]


def test_a_temporary_file_of_a_live_process_goes_once_it_is_long_stale(saved):
    leftover = saved.with_name(f".{saved.name}.{os.getppid()}-0123abcd.tmp")  # the id may have been reused
    leftover.write_bytes(b"half")
    long_ago = time.time() - atomic.STALE_AFTER - 60
    os.utime(leftover, (long_ago, long_ago))
    write_atomic(saved, NEW)
    assert not leftover.exists()


@POSIX
@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_users_usual_permissions(tmp_path, umask, expected):
    old_umask = os.umask(umask)
    try:
        for name in ("报告.gipr", "报告.xlsx", "报告.docx"):
            write_report(sample_report(), tmp_path / name)
            assert (tmp_path / name).stat().st_mode & 0o777 == expected, name
    finally:
        os.umask(old_umask)


@POSIX
def test_a_replaced_file_keeps_its_permissions(saved):
    saved.chmod(0o640)
    old_umask = os.umask(0o077)
    try:
        write_atomic(saved, NEW)
    finally:
        os.umask(old_umask)
    assert saved.stat().st_mode & 0o777 == 0o640
    assert _backup(saved).stat().st_mode & 0o777 == 0o640


class _SharingViolation(PermissionError):
    """What os.replace raises on Windows while Excel or WPS holds the file open."""
    winerror = 32


def _held_open(monkeypatch, times: int) -> list:
    real_replace, attempts = os.replace, []

    def replace(src, dst):
        if not str(dst).endswith(".bak"):
            attempts.append(dst)
            if len(attempts) <= times:
                raise _SharingViolation(errno.EACCES, "The process cannot access the file")
        real_replace(src, dst)
    monkeypatch.setattr(atomic, "ON_WINDOWS", True)
    monkeypatch.setattr(atomic.os, "replace", replace)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    return attempts


def test_a_file_held_open_by_another_program_is_refused_in_chinese_and_kept(saved, monkeypatch):
    attempts = _held_open(monkeypatch, times=100)
    with pytest.raises(WriteError) as failure:
        write_atomic(saved, NEW)
    assert "文件正被其他程序打开，请关闭后重试" in str(failure.value)
    assert len(attempts) == len(atomic.REPLACE_RETRY_DELAYS) + 1
    assert saved.read_bytes() == OLD and _backup(saved).read_bytes() == OLD and _temps(saved) == []


def test_a_file_released_within_the_retries_is_saved(saved, monkeypatch):
    _held_open(monkeypatch, times=2)
    write_atomic(saved, NEW)
    assert saved.read_bytes() == NEW and _temps(saved) == []


def _kill_saves_script():
    path = Path(__file__).resolve().parents[1] / "scripts" / "kill_saves.py"
    spec = importlib.util.spec_from_file_location("kill_saves", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_kill_9_during_saves_never_damages_the_file_or_its_bak(tmp_path):
    figures = _kill_saves_script().kill_saves(tmp_path, times=30, seed=1)
    assert figures["kills"] == 30
    assert figures["bad_target"] == 0 and figures["bad_backup"] == 0
    assert figures["temps_after_next_save"] == 0
