"""Undoable edits over the plain report: one command per cell edit, paste, clear, text or field edit.

Each command remembers the old values and calls ``Document`` setters in ``redo``/``undo``; typing in
one section's text merges into one command so that undo takes back a burst of typing, not a letter.
A step that fails half-way puts the document back as it was before the step and drops itself from
the stack (``Command``), so that the report never holds half an edit and undo stays exact.
"""

from __future__ import annotations

from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import CellRef
from gipr_desktop.gui.document import Document
from gipr_desktop.gui.guard import Guarded
from gipr_desktop.gui.qt import QUndoCommand

_SECTION_TYPING = 1
_FIELD_TYPING = 2


class Command(Guarded, QUndoCommand):
    """A step of the undo stack: ``apply_new`` and ``apply_old`` do the work, all or nothing."""

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(text)
        self.document = document

    def where(self) -> tuple[str, object]:
        """Where the step acts, for the window to show after undo or redo: ("cells", refs),
        ("section", id) or ("metadata", field)."""
        raise NotImplementedError

    def apply_new(self) -> None:
        raise NotImplementedError

    def apply_old(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._all_or_nothing(self.apply_new)

    def undo(self) -> None:
        self._all_or_nothing(self.apply_old)

    def _all_or_nothing(self, apply) -> None:
        before = self.document.snapshot()
        try:
            apply()
        except Exception:
            self.setObsolete(True)  # QUndoStack drops it: the step did not happen
            self.document.restore(before)
            raise  # to the guard, which logs and tells the user


class SetCellsCommand(Command):
    """Set one or many cells at once (a cell edit, a pasted block, a cleared block)."""

    def __init__(self, document: Document, values: dict[CellRef, Value | None], text: str) -> None:
        super().__init__(document, text)
        self.new = dict(values)
        self.old = {ref: document.report.get(ref) for ref in values}

    def where(self) -> tuple[str, object]:
        return "cells", list(self.new)

    def apply_new(self) -> None:
        self.document.set_cells(self.new)

    def apply_old(self) -> None:
        self.document.set_cells(self.old)


class SetSectionTextCommand(Command):
    def __init__(self, document: Document, section_id: str, text: str) -> None:
        super().__init__(document, f"编辑第{section_id}部分正文")
        self.section_id = section_id
        self.old = document.report.sections.get(section_id, "")
        self.new = text

    def id(self) -> int:
        return _SECTION_TYPING

    def where(self) -> tuple[str, object]:
        return "section", self.section_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetSectionTextCommand) or other.section_id != self.section_id:
            return False
        self.new = other.new
        return True

    def apply_new(self) -> None:
        self.document.set_section(self.section_id, self.new)

    def apply_old(self) -> None:
        self.document.set_section(self.section_id, self.old)


class SetMetadataCommand(Command):
    """Change one metadata field (unit, year, contact, published, preamble).

    ``typing`` marks an edit made key by key (the preamble): successive ones merge into one step.
    """

    def __init__(self, document: Document, field: str, value, text: str, typing: bool = False) -> None:
        super().__init__(document, text)
        self.field = field
        self.old = getattr(document.report, field)
        self.new = value
        self.typing = typing

    def id(self) -> int:
        return _FIELD_TYPING if self.typing else -1

    def where(self) -> tuple[str, object]:
        return "metadata", self.field

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetadataCommand) or other.field != self.field:
            return False
        self.new = other.new
        return True

    def apply_new(self) -> None:
        self.document.set_metadata(self.field, self.new)

    def apply_old(self) -> None:
        self.document.set_metadata(self.field, self.old)


class AttachPreviousCommand(Command):
    """Attach last year's report (附上上年报告), so that the cross-year checks and 显示上年数 use it."""

    def __init__(self, document: Document, previous: Report | None, text: str) -> None:
        super().__init__(document, text)
        self.old = document.report.previous
        self.new = previous

    def where(self) -> tuple[str, object]:
        return "metadata", "previous"

    def apply_new(self) -> None:
        self.document.set_previous(self.new)

    def apply_old(self) -> None:
        self.document.set_previous(self.old)


class ReplaceReportCommand(Command):
    """Swap in a whole converted report (a change of format), keeping the old one for undo."""

    def __init__(self, document: Document, report: Report, text: str) -> None:
        super().__init__(document, text)
        self.old = document.report
        self.new = report

    def where(self) -> tuple[str, object]:
        return "metadata", "format"

    def apply_new(self) -> None:
        self.document.replace_report(self.new)

    def apply_old(self) -> None:
        self.document.replace_report(self.old)
