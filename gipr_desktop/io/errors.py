"""What readers and writers report: an import note for what was unsure, an error for what failed."""

from __future__ import annotations

from dataclasses import dataclass, field

from gipr_desktop.core.notes import ImportNote
from gipr_desktop.core.report import Report

__all__ = ["ImportNote", "ImportResult", "ReadError", "WriteError"]


class ReadError(Exception):
    """A file could not be read. The message is Chinese, says what is wrong and where, for the user."""


class WriteError(Exception):
    """A file could not be written. The message is Chinese, for the user."""


@dataclass
class ImportResult:
    report: Report
    notes: list[ImportNote] = field(default_factory=list)
