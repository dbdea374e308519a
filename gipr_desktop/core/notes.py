"""A note on how a report was made: what an importer or the rollover could not carry, or chose.

It lives in the core because the rollover (core) writes notes as the readers (io) do; ``io.errors``
re-exports it for the readers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportNote:
    """Something an importer could not read, or read with a choice the user should know of."""

    message: str
    table: str = ""
    row: str = ""
    col: str = ""

    def to_json(self) -> dict:
        return {"message": self.message, "table": self.table, "row": self.row, "col": self.col}
