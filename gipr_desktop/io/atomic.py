"""Atomic file replacement: a save never leaves a half-written file, and keeps the previous one.

Write to a temporary file beside the target, flush it to disk, keep the old file as ``.bak``,
then rename over the target. A crash at any moment leaves the old or the new file whole at the target.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from gipr_desktop.io.errors import WriteError


def write_atomic(path: str | os.PathLike, data: bytes, keep_backup: bool = True) -> None:
    target = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"无法在「{target.parent}」中写入文件：{exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and target.exists():
            shutil.copy2(target, target.with_name(target.name + ".bak"))
        os.replace(tmp_name, target)
    except OSError as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise WriteError(f"无法保存「{target}」：{exc.strerror or exc}") from exc
