"""A note on how a report was made: what an importer or the rollover could not carry, or chose.

It lives in the core because the rollover (core) writes notes as the readers (io) do; ``io.errors``
re-exports it for the readers.
"""

from __future__ import annotations

from dataclasses import dataclass

# what a note says, where the checks must tell it apart (``ImportNote.kind``; "" for everything else)
BLANK = "blank"  # cells of the table printed blank in the original (the cells empty and not named otherwise)
NO_TABLE = "no_table"  # the table is not in the original at all
NO_HEADING = "no_heading"  # the section's heading was not found; its text may sit in the section before
READ_BY = "read_by"  # how a table was read: from the document's own table (按原表格读取) or by which text
# layout; such a note names no table (``table`` ""), as it says nothing of what is missing


@dataclass(frozen=True)
class ImportNote:
    """Something an importer could not read, or read with a choice the user should know of."""

    message: str
    table: str = ""
    row: str = ""
    col: str = ""
    kind: str = ""  # BLANK, NO_TABLE, NO_HEADING, READ_BY or ""
    section: str = ""  # "1"…"6" for a note on a section

    def to_json(self) -> dict:
        return {"message": self.message, "table": self.table, "row": self.row, "col": self.col}
