"""What readers and writers report: an import note for what was unsure, an error for what failed."""

from __future__ import annotations

from dataclasses import dataclass, field

from gipr_desktop.core.report import Report


class ReadError(Exception):
    """A file could not be read. The message is Chinese, says what is wrong and where, for the user."""


class WriteError(Exception):
    """A file could not be written. The message is Chinese, for the user."""


@dataclass(frozen=True)
class ImportNote:
    """Something an importer could not read, or read with a choice the user should know of."""

    message: str
    table: str = ""
    row: str = ""
    col: str = ""

    def to_json(self) -> dict:
        return {"message": self.message, "table": self.table, "row": self.row, "col": self.col}


@dataclass
class ImportResult:
    report: Report
    notes: list[ImportNote] = field(default_factory=list)
