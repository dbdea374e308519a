"""What readers and writers report: an import note for what was unsure, an error for what failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gipr_desktop.core.notes import ImportNote
from gipr_desktop.core.report import Report

__all__ = ["ImportNote", "ImportResult", "ReadError", "WriteError", "checked_size", "refuse_if_too_large"]


class ReadError(Exception):
    """A file could not be read. The message is Chinese, says what is wrong and where, for the user."""


class WriteError(Exception):
    """A file could not be written. The message is Chinese, for the user."""


def refuse_if_too_large(name: str, size: int, limit: int) -> None:
    """Every reader's first defence: a file far larger than any report is refused before it is read."""
    if size > limit:
        raise ReadError(f"「{name}」太大（{size / 1024 / 1024:.1f} MB），不像一份年度报告；最多读取 {limit // 1024 // 1024} MB")


def checked_size(path: Path, limit: int) -> int:
    """The size of ``path``, refused with a ``ReadError`` when it cannot be read or is over ``limit``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"无法打开「{path.name}」：{exc.strerror or exc}") from None
    refuse_if_too_large(path.name, size, limit)
    return size


@dataclass
class ImportResult:
    report: Report
    notes: list[ImportNote] = field(default_factory=list)
