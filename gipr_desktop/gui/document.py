"""The open report as the window sees it: the plain ``Report``, its file, unsaved state and findings.

Widgets never change the report directly: undo commands call the setters here, which change the
report, run the checks at once (they take well under a millisecond) and emit what changed, so that
every grid, editor and the findings panel follows, whether the change came from typing or undo.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from gipr_desktop.core.checks import ERROR, WARNING, Finding, check
from gipr_desktop.core.findings import severity_counts
from gipr_desktop.core.report import Report, Value
from gipr_desktop.core.schema import CellRef
from gipr_desktop.core.values import checked_text, checked_year
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import QObject, Signal

_RANK = {ERROR: 2, WARNING: 1}


class Document(Guarded, QObject):
    cells_changed = Signal(object)  # the CellRefs whose values changed
    section_changed = Signal(str)  # section id "1"…"6"
    metadata_changed = Signal()
    report_replaced = Signal()  # a different report or format: views rebuild
    previous_changed = Signal()  # last year's report attached, replaced or removed
    findings_changed = Signal()
    state_changed = Signal()  # file path or unsaved state

    def __init__(self, report: Report, path: Path | None = None) -> None:
        super().__init__()
        self.report = report
        self.import_notes: list = []  # what the importer said of the file opened (blank cells, …): the checks use it
        self.path = path
        self.dirty = False
        self.findings: list[Finding] = []
        self.cell_findings: dict[CellRef, list[Finding]] = {}
        self._recheck()

    # --- what views ask -------------------------------------------------------------------------

    def cell_severity(self, ref: CellRef) -> str | None:
        """The worst highlighted severity (error or warning) a cell is involved in, or None."""
        found = self.cell_findings.get(ref)
        return max((f.severity for f in found), key=_RANK.__getitem__) if found else None

    def counts(self) -> dict[str, int]:
        return severity_counts(self.findings)

    # --- what commands and file actions call ----------------------------------------------------

    def set_cells(self, values: dict[CellRef, Value | None]) -> None:
        """Set ``values``; one the cell may not hold raises (``ValueRefused``), and the undo step that
        called this puts back what was set before it (``commands.Command``)."""
        for ref, value in values.items():
            self.report.set(ref, value)
        self.cells_changed.emit(list(values))
        self._recheck()

    def set_section(self, section_id: str, text: str) -> None:
        if section_id not in self.report.sections:
            raise KeyError(section_id)
        self.report.sections[section_id] = checked_text("section", text)
        self.section_changed.emit(section_id)
        self._recheck()

    def set_metadata(self, field: str, value) -> None:
        if field == "year":
            value = checked_year(value)
        else:
            value = checked_text(field, value)
        setattr(self.report, field, value)
        self.metadata_changed.emit()
        self._recheck()

    def set_previous(self, previous: Report | None) -> None:
        """Attach last year's report (its own ``previous`` is dropped, as in the file) or remove it."""
        if previous is not None:
            previous = previous.copy()
            previous.previous = None
        self.report.previous = previous
        self.previous_changed.emit()
        self._recheck()

    def snapshot(self) -> tuple[Report, Report]:
        """What ``restore`` needs to put the document back: the report object and a copy of it."""
        return self.report, self.report.copy()

    def restore(self, snapshot: tuple[Report, Report]) -> None:
        """Back to a ``snapshot``: the same report object, holding what it held then; views rebuild."""
        report, saved = snapshot
        for field in fields(Report):
            value = getattr(saved, field.name)
            setattr(report, field.name, dict(value) if isinstance(value, dict) else value)
        self.report = report
        self._recheck(emit=False)
        self.report_replaced.emit()
        self.findings_changed.emit()

    def replace_report(self, report: Report) -> None:
        self.report = report
        self._recheck(emit=False)
        self.report_replaced.emit()
        self.findings_changed.emit()

    def set_import_notes(self, notes) -> None:
        """The import notes of the file just opened (none for a report made here)."""
        self.import_notes = list(notes)
        self._recheck()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.state_changed.emit()

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.state_changed.emit()

    @slot
    def follow_clean_state(self, clean: bool) -> None:
        """Connected to the undo stack: back at the saved state means nothing unsaved."""
        self.set_dirty(not clean)

    def _recheck(self, emit: bool = True) -> None:
        self.findings = check(self.report, notes=self.import_notes)
        by_cell: dict[CellRef, list[Finding]] = {}
        for finding in self.findings:
            if finding.severity in _RANK:
                for ref in finding.cells:
                    by_cell.setdefault(ref, []).append(finding)
        self.cell_findings = by_cell
        if emit:
            self.findings_changed.emit()
