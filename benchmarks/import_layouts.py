"""Cells read right from every real report with truth (tests/fixtures/reports/expected.json), in the
layouts users' own tools make of it. The layouts are made here, at run time, and never stored:

- 原文            the stored file as it is
- 繁體            the stored text copied in traditional characters (OpenCC s2t)
- 繁體台湾用词    the same with Taiwan phrases (OpenCC s2twp: 政府資訊公開, 規範性檔案), as some sites'
                  繁體 views and mirrors convert
- 网页复制        the page copied out of a browser: table cells tab-separated, one row a line (from an
                  HTML original, else from the program's own HTML export of the truth report)
- 网页逐格        the same page with every table cell on a line of its own closed by 「|」 (as the 003
                  seed prints it), an empty cell a bare 「|」
- 网页压成一行    the same page flattened onto one line, as some mirrors and copies hold it: headings,
                  paragraphs and rows joined by spaces, a row's cells one space apart
- 网页压成一行无间隔 the same with a row's cells run together (「规章000」), as 平潭's pages print it: a
                  cell printed blank leaves no trace
- 转Markdown      the same page as tools converting a document to Markdown write it: paragraphs apart,
                  each table kept as its HTML markup (merged cells and all)
- Word→PDF        a Word file turned into PDF by LibreOffice (the docx original, else the program's own
                  .docx export of the truth report) and that PDF read by the program
- Word→纯文本     the same Word file saved as plain text by LibreOffice (「另存为」 Text, UTF-8): a table
                  cell a line
- Word→网页       the same Word file saved as a web page by LibreOffice (HTML), read as HTML
- PDF文本         that PDF copied as text by pdftotext, in reading order
- PDF文本-layout  the same in pdftotext's -layout order
- PDF浏览器复制   that PDF's text as a browser's PDF viewer built on PDFium (Chrome's) copies it:
                  a table row a line, its cells one space apart
- PDF.js复制      the same as Firefox's viewer (pdf.js, the browser of 麒麟 desktops) copies it, made by
                  benchmarks/pdfjs_copy.mjs where Node.js is installed and ``GIPR_PDFJS`` names an
                  installed pdfjs-dist folder (``npm install pdfjs-dist@4``)

Run: python benchmarks/import_layouts.py [name-substring …]
Per layout and report it prints exact / blank kept empty / left empty / wrong, and per layout the
totals in % of cells. "Blank kept empty" is a cell the original printed blank and the importer left
empty (only the 原文 layout has printed blanks; the exports print every known cell). "Wrong" (another
number) must stay 0. A layout whose tool is missing is skipped, and said so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.core.report import Report  # noqa: E402
from gipr_desktop.core.schema import CellRef  # noqa: E402
from gipr_desktop.io import docx_writer, markup_writer  # noqa: E402
from gipr_desktop.io.errors import ReadError  # noqa: E402
from gipr_desktop.io.registry import read_report  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402
from tests.helpers import flattened, markdown_with_html_tables  # noqa: E402

REPORTS = ROOT / "tests" / "fixtures" / "reports"
KINDS = ("exact", "blank kept empty", "left empty", "wrong")
TEXT_SUFFIXES = {".txt", ".md"}
CONVERT_SECONDS = 300


def _value(value):
    return Decimal(str(value)) if isinstance(value, float) else value


def truth_cells(entry: dict) -> dict[CellRef, object]:
    return {CellRef(t, r, c): value for t, rows in entry["tables"].items() for r, cols in rows.items()
            for c, value in cols.items() if value is not None}


def printed_blank(name: str, entry: dict, ref: CellRef) -> bool:
    """Whether the original prints this cell blank: the entry's own list, or, for the first eleven
    entries (which record a printed blank as 0), a 0 — as benchmarks/import_accuracy.py counts them."""
    if "blank" in entry:
        return ".".join(ref) in entry["blank"]
    return int(name[:3]) <= 11 and entry["tables"][ref.table][ref.row][ref.col] == 0


WRONG: dict[tuple[str, str], list[str]] = {}  # (layout, report): the cells holding another number, to print


def tally(report: Report | None, name: str, entry: dict, blanks: bool, layout: str) -> dict[str, int]:
    counts = dict.fromkeys(KINDS, 0)
    for ref, value in truth_cells(entry).items():
        got = report.get(ref) if report is not None else None
        if got == _value(value):
            counts["exact"] += 1
        elif got is None:
            counts["blank kept empty" if blanks and printed_blank(name, entry, ref) else "left empty"] += 1
        else:
            counts["wrong"] += 1
            WRONG.setdefault((layout, name), []).append(f"{'.'.join(ref)} {got} (printed {value})")
    return counts


def truth_report(entry: dict, original: Report | None) -> Report:
    """The report as its truth says, with the original's texts (as the importer read them) around the tables."""
    report = Report(format=entry["format"], unit=entry["unit"], year=entry["year"])
    if original is not None:
        report.sections = dict(original.sections)
        report.preamble, report.contact, report.published = original.preamble, original.contact, original.published
    for ref, value in truth_cells(entry).items():
        report.set(ref, _value(value))
    return report


def _tab_row(cells) -> list[str]:
    return ["\t".join(cell.text_content().strip() for cell in cells)]


def _barred_row(cells) -> list[str]:
    """A table row as some copies of a page print it (the 003 seed's): a line of 「|」 opening the row,
    then each cell on a line of its own closed by 「|」, a merged cell followed by a 「|」 for each
    further column it spans, an empty cell as a bare 「|」."""
    lines = ["|"]
    for cell in cells:
        text = cell.text_content().strip()
        lines.append(f"{text} |" if text else "|")
        if int(cell.get("colspan", 1) or 1) > 1:
            lines.append("|" * (int(cell.get("colspan")) - 1))
    return lines


def browser_copy(html_text: str, row=_tab_row) -> str:
    """What a browser puts on the clipboard for a page: block elements a line each, a table row a line
    with its cells tab-separated (a merged cell once), a <br> a line break inside its cell. ``row``:
    how a table row is printed (``_barred_row``: a cell a line, as a page copied another way)."""
    from lxml import html

    root = html.fromstring(html_text)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "style", "head", "title"):
            return
        if tag == "table":
            for tr in element.iter("tr"):
                lines.extend(row([cell for cell in tr if cell.tag in ("td", "th")]))
            return
        if tag in ("p", "h1", "h2", "h3", "h4", "li") and not element.findall(".//table"):
            text = element.text_content().strip()
            if text:
                lines.append(text)
            return
        if element.text and element.text.strip() and tag not in ("html", "body"):
            lines.append(element.text.strip())
        for child in element:
            walk(child)

    walk(root.find("body") if root.find("body") is not None else root)
    return "\n".join(lines) + "\n"


def to_traditional(config: str = "s2t"):
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC(config).convert


def have_lxml() -> bool:
    try:
        import lxml.html  # noqa: F401
    except ImportError:
        return False
    return True


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx_files: list[Path], out_dir: Path, to: str = "pdf") -> None:
    """All Word files to PDF (or ``to``: another of LibreOffice's filters) in one LibreOffice run (its
    own profile, so a running office is left alone)."""
    if not docx_files:
        return
    profile = out_dir / "lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                    "--outdir", str(out_dir), *map(str, docx_files)],
                   check=False, capture_output=True, timeout=CONVERT_SECONDS)


SAVED_AS = {"Word→纯文本": ("txt:Text (encoded):UTF8", ".txt"), "Word→网页": ("html:HTML (StarWriter)", ".html")}


def pdftotext(pdf: Path, layout: bool) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, timeout=60).stdout.decode("utf-8")


def pdfium_copy(pdf: Path) -> str:
    """The PDF's text as PDFium gives it, page after page: what a browser's PDF viewer built on it
    (Chrome's) copies when all is selected — a table row on a line, its cells one space apart."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document).replace("\r\n", "\n")
    finally:
        document.close()


PDFJS_ENV = "GIPR_PDFJS"


def pdfjs_dist() -> Path | None:
    """The pdfjs-dist folder ``GIPR_PDFJS`` names, where Node.js is installed too."""
    folder = os.environ.get(PDFJS_ENV)
    if not folder or shutil.which("node") is None or not (Path(folder) / "legacy" / "build" / "pdf.mjs").is_file():
        return None
    return Path(folder)


def pdfjs_copy(pdf: Path, dist: Path, out_dir: Path) -> str:
    out = out_dir / (pdf.stem + ".pdfjs.txt")
    subprocess.run(["node", str(ROOT / "benchmarks" / "pdfjs_copy.mjs"), str(dist), str(pdf), str(out)],
                   check=True, capture_output=True, timeout=120)
    return out.read_text(encoding="utf-8")


def read_text(text: str, name: str) -> Report | None:
    try:
        return parse_report_text(text, source=name).report
    except ReadError:
        return None


def read_file(path: Path) -> Report | None:
    try:
        return read_report(path).report
    except ReadError:
        return None


def main(filters: list[str]) -> None:
    expected = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
    names = [n for n in expected if not filters or any(f in n for f in filters)]
    s2t, s2twp = to_traditional(), to_traditional("s2twp")
    office = soffice()
    has_pdftotext = shutil.which("pdftotext") is not None
    layouts = ["原文", "繁體", "繁體台湾用词", "网页复制", "网页逐格", "网页压成一行", "网页压成一行无间隔", "转Markdown", "Word→PDF", "Word→纯文本", "Word→网页", "PDF文本",
               "PDF文本-layout", "PDF浏览器复制", "PDF.js复制"]
    dist = pdfjs_dist()
    skipped = {"繁體": s2t is None and "OpenCC 未安装", "繁體台湾用词": s2twp is None and "OpenCC 未安装",
               "网页复制": not have_lxml() and "lxml 未安装",
               "网页逐格": not have_lxml() and "lxml 未安装",
               "网页压成一行": not have_lxml() and "lxml 未安装",
               "网页压成一行无间隔": not have_lxml() and "lxml 未安装",
               "转Markdown": not have_lxml() and "lxml 未安装",
               "Word→PDF": office is None and "LibreOffice 未安装",
               "Word→纯文本": office is None and "LibreOffice 未安装",
               "Word→网页": office is None and "LibreOffice 未安装",
               "PDF文本": (office is None and "LibreOffice 未安装") or (not has_pdftotext and "pdftotext 未安装"),
               "PDF文本-layout": (office is None and "LibreOffice 未安装") or (not has_pdftotext and "pdftotext 未安装"),
               "PDF浏览器复制": office is None and "LibreOffice 未安装",
               "PDF.js复制": (office is None and "LibreOffice 未安装")
               or (dist is None and f"Node.js 或 pdfjs-dist 未安装（{PDFJS_ENV}）")}
    results: dict[str, dict[str, dict[str, int]]] = {layout: {} for layout in layouts}

    with tempfile.TemporaryDirectory(prefix="gipr-layouts-") as tmp:
        work = Path(tmp)
        docx_files: dict[str, Path] = {}
        for name in names:
            entry, path = expected[name], REPORTS / name
            original = read_file(path)
            results["原文"][name] = tally(original, name, entry, blanks=True, layout="原文")
            is_text = path.suffix.lower() in TEXT_SUFFIXES
            text = path.read_text(encoding="utf-8") if is_text else None
            if s2t is not None and text is not None:
                results["繁體"][name] = tally(read_text(s2t(text), name), name, entry, blanks=True, layout="繁體")
            if s2twp is not None and text is not None:
                results["繁體台湾用词"][name] = tally(read_text(s2twp(text), name), name, entry, blanks=True,
                                                   layout="繁體台湾用词")
            made = truth_report(entry, original)
            if not skipped["网页复制"]:
                html_text = (path.read_text(encoding="utf-8") if path.suffix.lower() in (".html", ".htm")
                             else markup_writer.html_dumps(made))
                results["网页复制"][name] = tally(read_text(browser_copy(html_text), name), name, entry, blanks=False,
                                                 layout="网页复制")
                results["网页逐格"][name] = tally(read_text(browser_copy(html_text, _barred_row), name), name, entry,
                                                 blanks=False, layout="网页逐格")
                for layout, separator in (("网页压成一行", " "), ("网页压成一行无间隔", "")):
                    results[layout][name] = tally(read_text(flattened(html_text, separator), name), name, entry,
                                                  blanks=False, layout=layout)
                results["转Markdown"][name] = tally(read_text(markdown_with_html_tables(html_text), name), name, entry,
                                                  blanks=False, layout="转Markdown")
            if office is not None:
                docx = path if path.suffix.lower() == ".docx" else work / (path.stem + ".docx")
                if docx != path:
                    docx.write_bytes(docx_writer.dumps(made))
                docx_files[name] = docx
        if office is not None:
            convert_to_pdf(list(docx_files.values()), work)
            for layout, (to, suffix) in SAVED_AS.items():
                saved = work / layout
                saved.mkdir()
                convert_to_pdf(list(docx_files.values()), saved, to)
                for name, docx in docx_files.items():
                    copy = saved / (docx.stem + suffix)
                    results[layout][name] = tally(read_file(copy) if copy.is_file() else None, name, expected[name],
                                                  blanks=False, layout=layout)
            for name, docx in docx_files.items():
                entry, pdf = expected[name], work / (docx.stem + ".pdf")
                exists = pdf.is_file()
                results["Word→PDF"][name] = tally(read_file(pdf) if exists else None, name, entry, blanks=False,
                                                 layout="Word→PDF")
                report = read_text(pdfium_copy(pdf), name) if exists else None
                results["PDF浏览器复制"][name] = tally(report, name, entry, blanks=False, layout="PDF浏览器复制")
                if dist is not None:
                    report = read_text(pdfjs_copy(pdf, dist, work), name) if exists else None
                    results["PDF.js复制"][name] = tally(report, name, entry, blanks=False, layout="PDF.js复制")
                if has_pdftotext:
                    for layout, flag in (("PDF文本", False), ("PDF文本-layout", True)):
                        report = read_text(pdftotext(pdf, flag), name) if exists else None
                        results[layout][name] = tally(report, name, entry, blanks=False, layout=layout)

    for layout in layouts:
        print(f"\n== {layout}" + (f"（跳过：{skipped[layout]}）" if skipped.get(layout) else ""))
        if skipped.get(layout):
            continue
        total = dict.fromkeys(KINDS, 0)
        for name, counts in results[layout].items():
            print(f"  {name:<44} {sum(counts.values()):>4} cells  " + "  ".join(f"{k} {counts[k]:>3}" for k in KINDS))
            for cell in WRONG.get((layout, name), []):
                print(f"      WRONG {cell}")
            for kind in KINDS:
                total[kind] += counts[kind]
        cells = sum(total.values()) or 1
        print(f"  {'TOTAL':<44} {sum(total.values()):>4} cells  "
              + "  ".join(f"{k} {100 * total[k] / cells:5.1f}%" for k in KINDS))

    print("\n== summary: % of cells per layout (exact + blank kept empty = right)")
    for layout in layouts:
        if skipped.get(layout):
            print(f"  {layout:<16} skipped: {skipped[layout]}")
            continue
        total = {k: sum(c[k] for c in results[layout].values()) for k in KINDS}
        cells = sum(total.values()) or 1
        right = total["exact"] + total["blank kept empty"]
        print(f"  {layout:<16} {sum(total.values()):>5} cells  right {100 * right / cells:5.1f}%  "
              f"left empty {100 * total['left empty'] / cells:5.1f}%  wrong {total['wrong']}")


if __name__ == "__main__":
    main(sys.argv[1:])
