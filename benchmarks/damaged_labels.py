"""Cells read from every real text report with truth when one row label at a time is damaged, as OCR,
PDF debris or a typo damages it: two characters in the middle of the label's words replaced
(「没有现成信息某某另行制作」), for each label of six characters or more printed once in the report.

Run: python benchmarks/damaged_labels.py [name-substring …]
It prints, per report, the cases tried, the cells read right, left empty and wrong (another number)
over all of them, and the totals. "Wrong" must stay 0: a damaged label may cost its own row, never
give its numbers to another. Nothing is timed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.core.labels import strip_ordinal  # noqa: E402
from benchmarks import import_layouts as layouts  # noqa: E402
from gipr_desktop.core.schema import get_format  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402

REPORTS = ROOT / "tests" / "fixtures" / "reports"
TEXT_SUFFIXES = (".txt", ".md")
SHORTEST = 6  # a shorter label (「规章」) is matched exactly or not at all: damaged, it is simply no label


def damaged(label: str) -> str:
    """``label``'s words with the two characters in their middle replaced."""
    body = strip_ordinal(label)
    middle = len(body) // 2
    return body[:middle] + "某某" + body[middle + 2:]


def tally(text: str, name: str, entry: dict) -> dict[str, int]:
    """The cases tried on ``text``, and the cells over all of them: right (a cell printed blank kept
    empty counts as right, as ``import_layouts`` counts it), left empty, wrong."""
    counts = {"cases": 0, "right": 0, "left empty": 0, "wrong": 0}
    for table in get_format(entry["format"]).tables:
        for row in table.rows:
            body = strip_ordinal(row.label)
            if len(body) < SHORTEST or text.count(body) != 1:
                continue
            report = parse_report_text(text.replace(body, damaged(row.label)), source=name).report
            cells = layouts.tally(report, name, entry, blanks=True, layout="damaged")
            counts["cases"] += 1
            counts["right"] += cells["exact"] + cells["blank kept empty"]
            counts["left empty"] += cells["left empty"]
            counts["wrong"] += cells["wrong"]
    return counts


def main(filters: list[str]) -> None:
    expected = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
    total = {"cases": 0, "right": 0, "left empty": 0, "wrong": 0}
    for name, entry in expected.items():
        if not name.endswith(TEXT_SUFFIXES) or (filters and not any(f in name for f in filters)):
            continue
        counts = tally((REPORTS / name).read_text(encoding="utf-8"), name, entry)
        for kind, count in counts.items():
            total[kind] += count
        print(f"  {name:44} " + "  ".join(f"{kind} {count:6}" for kind, count in counts.items()))
    cells = total["right"] + total["left empty"] + total["wrong"]
    print(f"  TOTAL {total['cases']} cases, {cells} cells: right {100 * total['right'] / max(cells, 1):.1f} %, "
          f"left empty {100 * total['left empty'] / max(cells, 1):.1f} %, wrong {total['wrong']}")


if __name__ == "__main__":
    main(sys.argv[1:])
