"""The cells of the real reports in tests/fixtures/reports as expected.json records them, as a
report: what the program's own export of each report holds, and so the truth of the copies made
from that export (Word → PDF → text, see SOURCES.md there)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report

REPORTS = Path(__file__).parent / "fixtures" / "reports"
EXPECTED = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
BY_STEM = {Path(name).stem: name for name in EXPECTED}  # a copy's name begins with its report's stem


def truth_report(name: str) -> Report:
    """The report imported from its text, with every cell as expected.json records it (a row it
    does not list prints 0; an optional row it does not list is not printed)."""
    report = read_report(REPORTS / name).report
    report.cells.clear()
    listed = EXPECTED[name]["tables"]
    for table in report.schema.tables:
        for row in table.rows:
            if row.optional and row.id not in listed.get(table.id, {}):
                continue
            for column in row.columns:
                value = listed.get(table.id, {}).get(row.id, {}).get(column.id, 0)
                if value is not None:
                    report.set(CellRef(table.id, row.id, column.id), Decimal(str(value)) if isinstance(value, float) else value)
    return report
