"""The files the fuzzer starts from: real reports and the program's own exports, in every readable format.

Real reports are read in place (../shared/seeds, ../shared/fixtures, tests/fixtures/reports,
tests/data); the program's exports of the bundled sample and of the real text reports are written
at run time through ``io.registry.write_report`` into a working folder, so nothing binary is
committed for the fuzzer. A small PDF with a text layer is built by hand (``tiny_pdf``): the real
PDF is large, and a small one lets many more cases reach every parser of PDFium's.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.paths import resource
from tests.helpers import markdown_with_html_tables, sheet_as_csv

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FORMATS = (".txt", ".md", ".html", ".docx", ".pdf", ".xlsx", ".xls", ".ods", ".csv", ".gipr")
_EXPORTS = (".xlsx", ".docx", ".txt", ".md", ".html", ".gipr")


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose Flate-compressed content stream shows ``lines`` (ASCII) in Helvetica."""
    text = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines) + " ET"
    stream = zlib.compress(text.encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalog), with its cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def build_seeds(folder: Path) -> dict[str, list[Path]]:
    """Seed files by extension (every one of ``FORMATS``), exports written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[Path]] = {ext: [] for ext in FORMATS}
    texts = sorted((SHARED / "seeds").glob("*.txt")) + sorted((ROOT / "tests/fixtures/reports").glob("*.txt"))
    found[".txt"] += texts
    found[".pdf"] += sorted((SHARED / "fixtures").glob("*.pdf"))
    found[".docx"] += sorted((SHARED / "fixtures").glob("*.docx"))
    data = ROOT / "tests" / "data"
    found[".xlsx"] += sorted(data.glob("*.xlsx"))
    found[".xls"] += sorted(data.glob("*.xls"))
    found[".ods"] += sorted(data.glob("*.ods"))
    for number, sheet in enumerate(found[".xls"] + found[".ods"]):
        target = folder / f"{sheet.stem}-{number}.csv"
        sheet_as_csv(sheet, target, "gbk" if number % 2 else "utf-8-sig")
        found[".csv"].append(target)
    found[".gipr"].append(resource("sample.gipr"))
    reports = [("sample", read_report(resource("sample.gipr")).report)]
    reports += [(path.stem, read_report(path).report) for path in texts[:3]]
    for stem, report in reports:
        for ext in _EXPORTS:
            target = folder / f"{stem}{ext}"
            write_report(report, target)
            found[ext].append(target)
    converted = folder / "converted.md"  # as a tool converting a PDF to Markdown writes it: its tables as HTML
    converted.write_text(markdown_with_html_tables(found[".html"][-1].read_text(encoding="utf-8")), encoding="utf-8")
    found[".md"].append(converted)
    tiny = folder / "tiny.pdf"
    tiny.write_bytes(tiny_pdf(["2023 Annual Report", "Table 1", "Applications 12 3 4", "x" * 60]))
    found[".pdf"].append(tiny)
    return found
