"""Cells read right from text copied out of PDFs (tests/fixtures/reports/pdf_text, made as
SOURCES.md there says): the 淮安 PDF's own text in reading and layout order against the PDF
import of the same file, the published PDFs' own text (洪泽区 2023, 2024) and the LibreOffice PDFs
of the program's Word export of each real report, copied by pdftotext in both orders and as
PDFium gives it (a browser's PDF viewer's copy), against expected.json.

Run: python benchmarks/pdf_text_accuracy.py
"right" holds the number, "left empty" was not read (and is named in the notes), "wrong" holds
another number and must stay 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.io.registry import read_report  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402
from tests.fixture_truth import EXPECTED, truth_report  # noqa: E402

PDF_TEXT = ROOT / "tests" / "fixtures" / "reports" / "pdf_text"
HUAIAN = ROOT.parent / "shared" / "fixtures" / "huaian-city-2024.pdf"


def tally(path: Path, truth) -> list[int]:
    report = parse_report_text(path.read_text(encoding="utf-8"), source=path.name).report
    right = sum(report.get(ref) == value for ref, value in truth.cells.items())
    wrong = sum(report.get(ref) not in (None, value) for ref, value in truth.cells.items())
    wrong += sum(ref not in truth.cells for ref in report.cells)
    return [right, len(truth.cells) - right - wrong, wrong, len(truth.cells)]


def main() -> None:
    totals: dict[str, list[int]] = {}
    published = ("pdftotext", "pdftotext-layout", "pdfium", "pdfjs")  # the published PDFs' own text, Firefox's copy too
    copies = [(f"huaian_2024.{order}.txt", read_report(HUAIAN).report) for order in published]
    for name in EXPECTED:
        truth = truth_report(name)
        copies += [(f"{Path(name).stem}.lo.{order}.txt", truth) for order in ("pdftotext", "pdftotext-layout", "pdfium")]
        if name.endswith(".pdf"):  # the published PDF's own text as well
            copies += [(f"{Path(name).stem}.{order}.txt", truth) for order in published]
    for copy, truth in copies:
        counts = tally(PDF_TEXT / copy, truth)
        order = copy.rsplit(".", 2)[-2]
        kind = ("淮安 PDF " if copy.startswith("huaian") else "LibreOffice PDF " if ".lo." in copy
                else "published PDF ") + order
        totals[kind] = [a + b for a, b in zip(totals.get(kind, [0, 0, 0, 0]), counts)]
        print(f"{copy:<48} right {counts[0]:>3}/{counts[3]:<3} left empty {counts[1]:>3}  wrong {counts[2]}")
    for kind, (right, empty, wrong, cells) in totals.items():
        print(f"{kind:<36} {right / cells:6.1%} right of {cells} cells, {empty} left empty, {wrong} wrong")


if __name__ == "__main__":
    main()
