"""Median time to import the published 6-page 淮安 PDF (goal: ≤ 400 ms), beside a floor and a peer
measured in the same run, in this process: PDFium's bare text of the same pages (the floor: the
engine the import reads with), and pdfplumber's (pdfminer's) bare text, which the import read with
before.

Run: python benchmarks/pdf_import_speed.py
The whole import is split into its parts: the pages' lines and tables extracted (``pdf_pages.extract``,
run here in this process), the recognition of the report from them, and what is left — the child
process's start and the hand-over of its result (``isolated``).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.io import pdf_pages, pdf_reader  # noqa: E402
from gipr_desktop.io.grid_tables import Grid  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402

PDF = ROOT.parent / "shared" / "fixtures" / "huaian-city-2024.pdf"
RUNS = 11


def medians_ms(actions: dict) -> dict[str, float]:
    """Each action's median time; the actions take turns, so that a change of the machine's load
    during the run falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for action in actions.values():
        action()  # warm imports, caches and the fork server
    for _ in range(RUNS):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def bare_text() -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(PDF))
    for page in document:
        page.get_textpage().get_text_range()
    document.close()


def pdfplumber_text() -> None:
    import pdfplumber

    with pdfplumber.open(str(PDF)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def main() -> None:
    lines, tables = pdf_pages.extract(str(PDF), "淮安")
    text = pdf_reader.reflow(lines)
    grids = [Grid.from_rows(t["rows"], "", t["merges"]) for t in tables]
    steps = {
        "floor": bare_text,
        "pdfplumber's bare page text (the engine before)": pdfplumber_text,
        "whole import (read_pdf)": lambda: pdf_reader.read_pdf(PDF),
        "pages extracted (in this process)": lambda: pdf_pages.extract(str(PDF), "淮安"),
        "report recognised from them": lambda: parse_report_text(text, tables=grids, source=PDF.name),
    }
    figures = medians_ms(steps)
    floor = figures.pop("floor")
    figures["child start and hand-over"] = (figures["whole import (read_pdf)"] - figures["pages extracted (in this process)"]
                                            - figures["report recognised from them"])
    print(f"floor: PDFium's bare page text, 6 pages: {floor:6.0f} ms  (median of {RUNS})")
    for name, ms in figures.items():
        print(f"{name:36} {ms:6.0f} ms  = {ms / floor:4.2f} × the floor")


if __name__ == "__main__":
    main()
