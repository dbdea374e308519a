"""Cells read right from every grid-shaped file the program can read, per source.

Run: python benchmarks/grid_accuracy.py [--no-office]

Sources: the published 淮安 PDF and the official Word template (../shared/fixtures), the spreadsheets
of tests/data, the program's own exports (Word, web page, Excel, and its printout as PDF, drawn by
Qt offscreen) of every seed (../shared/seeds) and of every report of tests/fixtures/reports, and the
official Word template filled in with each 2021-format one, and web pages made of each text's
tab-separated rows as tables without any span (the truth: the text's own reading) (as tests/test_word_and_text.py fills it;
its （六） has no line for a combined 其他处理, so those cells are not counted). Where LibreOffice is
installed, also those Word files printed to PDF and the Excel exports saved as .ods (converted once,
kept in a cache folder under the system's temporary folder). The truth of an export is the report it
was written from; that of 淮安 is the test's table of its printed cells; that of the spreadsheets the
bundled sample.

A cell is "exact" when it holds the number, "blank kept empty" when the truth has no number there
and the importer left it empty, "left empty" when the importer did not read a number the truth has,
"wrong" when it holds another number (or one where the truth has none). "wrong" must stay 0.
The last column counts the tables the import notes say were read from the document's own tables
(「按原表格读取」) and from its text; spreadsheets are always read as grids and say nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.core.layout import table_layout  # noqa: E402
from gipr_desktop.core.notes import READ_BY  # noqa: E402
from gipr_desktop.core.report import Report  # noqa: E402
from gipr_desktop.core.schema import CellRef  # noqa: E402
from gipr_desktop.io.errors import ReadError  # noqa: E402
from gipr_desktop.io.registry import read_report, write_report  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402
from gipr_desktop.paths import resource  # noqa: E402

SHARED = ROOT.parent / "shared"
REPORTS = ROOT / "tests" / "fixtures" / "reports"
DATA = ROOT / "tests" / "data"
KINDS = ("exact", "blank kept empty", "left empty", "wrong")
HOW = ("tables read as grids", "tables read from text")
EXPORTS = (".docx", ".html", ".xlsx")
CACHE = Path(tempfile.gettempdir()) / "gipr-grid-accuracy"


def huaian_truth() -> Report:
    """The 淮安 report's printed cells, from the test that pins them."""
    from tests.test_word_and_text import HUAIAN

    report = Report(format="2021", year=2024)
    for table in report.schema.tables:
        rows = [row for row in table.rows if not row.optional]
        for row, values in zip(rows, HUAIAN[table.id]):
            for column, value in zip(row.columns, values):
                report.cells[CellRef(table.id, row.id, column.id)] = value
    return report


def tally(got: Report, truth: Report, skip=lambda ref: False) -> dict[str, int]:
    counts = dict.fromkeys(KINDS, 0)
    for table in truth.schema.tables:
        for row in table.rows:
            for column in row.columns:
                ref = CellRef(table.id, row.id, column.id)
                if skip(ref):
                    continue
                want, have = truth.cells.get(ref), got.cells.get(ref) if got.format == truth.format else None
                if want is None:
                    key = "blank kept empty" if have is None else "wrong"
                else:
                    key = "exact" if have == want else "left empty" if have is None else "wrong"
                counts[key] += 1
    return counts


def converted(sources: list[Path], extension: str) -> dict[Path, Path]:
    """``sources`` converted by LibreOffice to ``extension``, cached by content."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return {}
    CACHE.mkdir(exist_ok=True)
    out: dict[Path, Path] = {}
    todo: list[Path] = []
    for source in sources:
        digest = hashlib.sha1(source.read_bytes()).hexdigest()[:16]
        target = CACHE / f"{digest}{extension}"
        out[source] = target
        if not target.exists():
            staged = CACHE / f"{digest}{source.suffix}"
            shutil.copyfile(source, staged)
            todo.append(staged)
    if todo:
        subprocess.run([office, "--headless", "--convert-to", extension.lstrip("."), "--outdir", str(CACHE),
                        *map(str, todo)], check=False, capture_output=True, timeout=600)
    return {source: target for source, target in out.items() if target.exists()}


def cases(office: bool):
    """(source kind, name, path, truth, cells to skip)."""
    yield "PDF (published)", "huaian-city-2024.pdf", SHARED / "fixtures" / "huaian-city-2024.pdf", huaian_truth(), None
    template = SHARED / "fixtures" / "official-template-2021.docx"
    yield "Word (official template, empty)", template.name, template, Report(format="2021"), None
    sample = read_report(resource("sample.gipr")).report
    for name in ("sample.xls", "sample.ods"):
        yield "spreadsheet (Calc-saved export)", name, DATA / name, sample, None

    def formula_total(ref: CellRef) -> bool:  # Calc's results of the hand-filled =SUM() formulas
        return ref.table == "applications" and (ref.col == "total" or ref.row == "handled_total")

    for name in ("hand-filled.xls", "hand-filled-libreoffice.xlsx"):
        yield "spreadsheet (hand-filled)", name, DATA / name, sample, formula_total
    work = Path(tempfile.mkdtemp(prefix="gipr-grid-"))
    texts = sorted((SHARED / "seeds").glob("*.txt")) + sorted(REPORTS.glob("*.txt"))
    written: dict[str, list[tuple[Path, Report]]] = defaultdict(list)
    for path in texts:
        report = parse_report_text(path.read_text(encoding="utf-8"), source=path.name).report
        for extension in EXPORTS:
            target = work / f"{path.stem}{extension}"
            write_report(report, target)
            written[extension].append((target, report))
    from tests.test_word_and_text import _fill_template

    for path in texts:
        report = parse_report_text(path.read_text(encoding="utf-8"), source=path.name).report
        if report.format == "2021":
            target = work / f"{path.stem}-template.docx"
            _fill_template(template, report, target)
            written["template"].append((target, report))
    printed = {box.ref for table in Report(format="2021").schema.tables for box in table_layout(table).value_boxes()}
    unprinted = {"template": lambda ref: ref not in printed}  # the template has no line for a combined （六）
    from tests.test_text_import_input import _html_page

    for path in texts:  # the text's tab-separated rows as <table>s without spans, as pages pasted by hand are
        text = path.read_text(encoding="utf-8")
        if "\t" in text:
            target = work / f"{path.stem}-pasted.html"
            target.write_text(_html_page(text), encoding="utf-8")
            written["pasted"].append((target, parse_report_text(text, source=path.name).report))
    for extension, label in ((".docx", "Word (own export)"), ("pasted", "web page (text's rows as tables, no spans)"), ("template", "Word (official template filled in)"), (".html", "web page (own export)"),
                             (".xlsx", "Excel (own export)")):
        for target, report in written[extension]:
            yield label, target.name, target, report, unprinted.get(extension)
    printout = _printouts(written[".docx"], work)
    for target, report in printout:
        yield "PDF (the program's own printout)", target.name, target, report, None
    if office:
        for source_ext, extension, label in ((".docx", ".pdf", "PDF (own Word export, printed by LibreOffice)"),
                                             ("template", ".pdf", "PDF (filled template, printed by LibreOffice)"),
                                             (".xlsx", ".ods", "ODS (own Excel export, saved by LibreOffice)")):
            truths = dict(written[source_ext])
            for source, target in converted(list(truths), extension).items():
                yield label, source.with_suffix(extension).name, target, truths[source], unprinted.get(source_ext)


def _printouts(written: list[tuple[Path, Report]], work: Path) -> list[tuple[Path, Report]]:
    """The program's own printout (Qt) of each report, where the Qt binding is installed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from gipr_desktop.gui import printing
        from gipr_desktop.gui.qt import QtWidgets

        _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841  kept while printing
    except ImportError:
        return []
    out = []
    for source, report in written:
        target = work / f"{source.stem}-printout.pdf"
        printing.write_pdf(report, target)
        out.append((target, report))
    return out


def main() -> None:
    office = "--no-office" not in sys.argv
    per_kind: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KINDS + HOW, 0))
    failures: list[str] = []
    for kind, name, path, truth, skip in cases(office):
        try:
            result = read_report(path)
        except ReadError as exc:
            failures.append(f"{kind}: {name}: {exc}")
            continue
        got = result.report
        counts = tally(got, truth, skip or (lambda ref: False))
        how = [note.message for note in result.notes if note.kind == READ_BY]
        counts[HOW[0]] = sum("按原表格读取" in message for message in how)
        counts[HOW[1]] = len(how) - counts[HOW[0]]
        for key, value in counts.items():
            per_kind[kind][key] += value
        if "-v" in sys.argv:
            print(f"  {name:<40} " + "  ".join(f"{k} {counts[k]:>4}" for k in KINDS))
    print(f"{'source':<48} {'cells':>6}  " + "  ".join(f"{k:>16}" for k in KINDS) + "  tables: as grids / from text")
    for kind, counts in per_kind.items():
        print(f"{kind:<48} {sum(counts[k] for k in KINDS):>6}  " + "  ".join(f"{counts[k]:>16}" for k in KINDS)
              + f"  {counts[HOW[0]]:>14} / {counts[HOW[1]]}")
    for failure in failures:
        print("not read:", failure)


if __name__ == "__main__":
    main()
