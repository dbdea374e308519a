"""Make the PDF text copies of the real reports in tests/fixtures/reports, the way users' own
tools make them: the program's Word export of each report (its cells as expected.json gives
them), converted to PDF by LibreOffice, and the PDF's text taken by ``pdftotext`` in reading
order and in layout order (``-layout``), and by PDFium as a browser's PDF viewer copies it.

Run: python scripts/make_pdf_text_copies.py OUT_DIR [name ...]
Needs ``soffice`` and ``pdftotext`` on PATH. The copies the tests read are kept in
tests/fixtures/reports (see SOURCES.md there); the tests never run this.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.io.registry import write_report  # noqa: E402
from benchmarks.import_layouts import pdfium_copy  # noqa: E402
from tests.fixture_truth import EXPECTED, truth_report  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[2:] or list(EXPECTED):
        stem = Path(name).stem
        docx = out / f"{stem}.docx"
        write_report(truth_report(name), docx)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                       check=True, capture_output=True, timeout=300)
        pdf = out / f"{stem}.pdf"
        subprocess.run(["pdftotext", str(pdf), str(out / f"{stem}.lo.pdftotext.txt")], check=True, timeout=60)
        subprocess.run(["pdftotext", "-layout", str(pdf), str(out / f"{stem}.lo.pdftotext-layout.txt")], check=True, timeout=60)
        (out / f"{stem}.lo.pdfium.txt").write_text(pdfium_copy(pdf), encoding="utf-8")
        print(stem)


if __name__ == "__main__":
    main()
