"""What a check reports (``Finding``) and what it may look at (``CheckContext``).

Kept apart from ``checks`` so that the modules of further checks can use them while ``checks``
lists those modules' checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from gipr_desktop.core.notes import ImportNote
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_NAMES = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    cells: tuple[CellRef, ...] = ()
    section: str = ""  # "1"…"6" when the finding is about a section's text

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "cells": [list(ref) for ref in self.cells],
            "section": self.section,
            "message": self.message,
        }


@dataclass
class CheckContext:
    """What a check may look at besides the report itself."""

    previous: Report | None = None  # last year's report of the same body, when known
    refused: frozenset[CellRef] = frozenset()  # cells whose values were refused (V1): not empty, not usable
    notes: tuple[ImportNote, ...] = ()  # what the importer said of the original: blank cells, unread tables


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each severity, in the order of ``SEVERITY_NAMES`` (errors first)."""
    counts = dict.fromkeys(SEVERITY_NAMES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts
