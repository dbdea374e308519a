"""Cells read right from the real reports of tests/fixtures/reports, against expected.json, as
printed and as copied in traditional characters.

Run: python benchmarks/import_accuracy.py
A cell is "exact" when it holds the printed number, "blank kept empty" when the report printed it
blank or not at all (empty_cells.json, or null in expected.json) and the importer left it empty,
"left empty" when the importer could not read a printed number (the notes say so). "wrong"
(another number, or a number where none is printed) must stay 0. Files that are not text (the
published PDFs, the Word copy) are read as the program opens them; their 繁體 copy is not made,
except of a web page (.html), whose characters are converted as a text's are.
"""

from __future__ import annotations

import json
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.core.schema import CellRef  # noqa: E402
from gipr_desktop.io.registry import read_report  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402

REPORTS = ROOT / "tests" / "fixtures" / "reports"


def _listed(entry: dict) -> set[tuple[str, str, str | None]]:
    """The cells a report prints blank, and (column None) the rows it does not print, as
    empty_cells.json lists them."""
    blank = {(t, r, c) for t, rows in entry.get("printed_blank", {}).items() for r, cols in rows.items() for c in cols}
    return blank | {(t, r, None) for t, rows in entry.get("not_printed", {}).items() for r in rows}


def tally(report, expected: dict, blank: set) -> dict[str, int]:
    counts = {"exact": 0, "blank kept empty": 0, "left empty": 0, "wrong": 0}
    for table_id, rows in expected["tables"].items():
        for row_id, columns in rows.items():
            for col_id, value in columns.items():
                ref = CellRef(table_id, row_id, col_id)
                got = report.get(ref)
                if value is None or (table_id, row_id, col_id) in blank or (table_id, row_id, None) in blank:
                    key = "blank kept empty" if got is None else "wrong"
                else:
                    want = Decimal(str(value)) if isinstance(value, float) else value
                    key = "exact" if got == want else "left empty" if got is None else "wrong"
                counts[key] += 1
    return counts


TEXT_FORMS = (".txt", ".html")  # forms whose 繁體 copy is made by converting their characters


def _traditional_copy(path: Path, text: str, to_traditional):
    """The report read from its copy in traditional characters: a text as text, a page as a page."""
    if path.suffix == ".txt":
        return parse_report_text(to_traditional(text), source=path.name).report
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        copy.write_text(to_traditional(text), encoding="utf-8")
        return read_report(copy).report


def main() -> None:
    try:
        import opencc

        to_traditional = opencc.OpenCC("s2t").convert
    except ImportError:
        to_traditional = None
    expected = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
    empty = json.loads((REPORTS / "empty_cells.json").read_text(encoding="utf-8"))
    totals = dict.fromkeys(("exact", "blank kept empty", "left empty", "wrong"), 0)
    for name, cells in expected.items():
        path, blank = REPORTS / name, _listed(empty.get(name, {}))
        is_text = path.suffix == ".txt"
        text = path.read_text(encoding="utf-8") if path.suffix in TEXT_FORMS else None
        report = (parse_report_text(text, source=name) if is_text else read_report(path)).report
        counts = tally(report, cells, blank)
        for key, count in counts.items():
            totals[key] += count
        line = f"{name:<42} {sum(counts.values()):>4} cells  " + "  ".join(f"{k} {v:>3}" for k, v in counts.items())
        if to_traditional is not None and text is not None:
            same = tally(_traditional_copy(path, text, to_traditional), cells, blank) == counts
            line += "  | 繁體 copy " + ("the same" if same else "DIFFERS")
        print(line)
    cells = sum(totals.values()) or 1
    print(f"{'TOTAL':<42} {sum(totals.values()):>4} cells  "
          + "  ".join(f"{k} {100 * v / cells:.1f}%" for k, v in totals.items()))


if __name__ == "__main__":
    main()
