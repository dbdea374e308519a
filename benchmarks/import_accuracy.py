"""Cells read right from the real reports of tests/fixtures/reports, against expected.json, as
printed and as copied in traditional characters.

Run: python benchmarks/import_accuracy.py
A cell is "exact" when it holds the printed number, "blank kept empty" when the report printed it
blank (expected.json records 0) and the importer left it empty, "left empty" when the importer
could not read it and said so in the notes. "wrong" (another number) must stay 0.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.core.schema import CellRef  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402

REPORTS = ROOT / "tests" / "fixtures" / "reports"


def tally(text: str, name: str, expected: dict) -> dict[str, int]:
    report = parse_report_text(text, source=name).report
    counts = {"exact": 0, "blank kept empty": 0, "left empty": 0, "wrong": 0}
    for table_id, rows in expected["tables"].items():
        for row_id, columns in rows.items():
            for col_id, value in columns.items():
                if value is None:
                    continue
                got = report.get(CellRef(table_id, row_id, col_id))
                want = Decimal(str(value)) if isinstance(value, float) else value
                key = "exact" if got == want else "blank kept empty" if got is None and value == 0 else \
                    "left empty" if got is None else "wrong"
                counts[key] += 1
    return counts


def main() -> None:
    try:
        import opencc

        to_traditional = opencc.OpenCC("s2t").convert
    except ImportError:
        to_traditional = None
    expected = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
    for name, cells in expected.items():
        text = (REPORTS / name).read_text(encoding="utf-8")
        counts = tally(text, name, cells)
        line = f"{name:<34} {sum(counts.values()):>4} cells  " + "  ".join(f"{k} {v:>3}" for k, v in counts.items())
        if to_traditional is not None:
            line += "  | 繁體 copy " + ("the same" if tally(to_traditional(text), name, cells) == counts else "DIFFERS")
        print(line)


if __name__ == "__main__":
    main()
