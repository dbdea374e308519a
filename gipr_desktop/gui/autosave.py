"""Nothing is lost: while there are unsaved changes, a recovery copy is written every minute.

The copy is an ordinary ``.gipr`` file in the user's data folder, beside a small note of the file it
belongs to. Saving or closing normally removes both; finding them at the next start means the
program ended without saving, and the window offers to restore.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path

from gipr_desktop.core.report import Report
from gipr_desktop.gui.document import Document
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import QObject, QTimer
from gipr_desktop.io import project
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.errors import ReadError, WriteError

log = logging.getLogger(__name__)
INTERVAL_MS = 60_000


class Recovery:
    """The recovery copy in one folder: write, find, remove."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / "recovery.gipr"
        self.note = folder / "recovery.json"

    def write(self, report: Report, source: Path | None) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.file, project.dumps(report).encode("utf-8"), keep_backup=False)
        note = {"source": str(source) if source else "", "saved": datetime.now().isoformat(timespec="seconds")}
        write_atomic(self.note, json.dumps(note, ensure_ascii=False).encode("utf-8"), keep_backup=False)

    def pending(self) -> tuple[Report, Path | None, str] | None:
        """The report left by a crash, the file it belongs to and when it was written; or None."""
        if not self.file.exists():
            return None
        try:
            report = project.read(self.file).report
        except ReadError:
            log.warning("unreadable recovery file %s removed", self.file)
            self.remove()
            return None
        try:
            note = json.loads(self.note.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            note = {}
        source = note.get("source") if isinstance(note, dict) else ""
        saved = note.get("saved", "") if isinstance(note, dict) else ""
        return report, Path(source) if source else None, str(saved).replace("T", " ")

    def remove(self) -> None:
        for path in (self.file, self.note):
            path.unlink(missing_ok=True)


class Autosave(Guarded, QObject):
    def __init__(self, document: Document, recovery: Recovery, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__()
        self.document = document
        self.recovery = recovery
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    @slot
    def save_now(self) -> None:
        if not self.document.dirty:
            return
        try:
            self.recovery.write(self.document.report, self.document.path)
        except (OSError, WriteError):
            log.exception("writing the recovery file failed")
