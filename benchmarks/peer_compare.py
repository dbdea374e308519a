"""Cells read right, and time per text, for this program and for the peer parser (govnianbao) on
the same texts, measured in the same run.

Run: python benchmarks/peer_compare.py --peer PATH      (or GIPR_PEER_PARSER=PATH)
PATH is the peer's source folder (its checkout, its ``src`` folder or the ``govnianbao`` package
folder); the peer's code is never part of this project. Without it only this program's figures
are printed. Goal: a seed in at most 3 ms, and at most 3 times the peer's time on the same texts.

Texts, each also copied in traditional characters (OpenCC s2t) where OpenCC is installed:
- the seeds (../shared/seeds): truth is the program's own reading, which
  tests/test_text_import_seeds.py checks cell by cell against the printed seeds;
- the real reports of tests/fixtures/reports: truth is expected.json;
- the 淮安 PDF (../shared/fixtures) as ``pdftotext`` prints it in reading order and in layout
  order (where pdftotext is installed): truth is the program's own reading of the PDF, which is
  96–99 % right, not a checked truth.
A cell is "right" when it holds the printed number, or stays empty where the report printed it
blank (counted apart as "blank": expected.json records such a cell as 0, and which cells are
printed blank is taken from this program's import notes, 「原文空白」, on the original text); "empty"
when it was left empty; "wrong" when it holds another number. The peer reads the 2021 template only: on 2019-format
reports it has no place for the cells of table 二 that differ, and they count as empty.
The machine may be shared and noisy: the two parsers are timed alternately, text by text, in CPU
time of this process (time.process_time), so that waiting for a busy processor is not counted.
"""

from __future__ import annotations

import argparse
import atexit
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.core.notes import BLANK  # noqa: E402
from gipr_desktop.core.report import Report  # noqa: E402
from gipr_desktop.core.schema import CellRef, get_format  # noqa: E402
from gipr_desktop.io.registry import read_report  # noqa: E402
from gipr_desktop.io.text_import import parse_report_text  # noqa: E402

SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REPORTS = ROOT / "tests" / "fixtures" / "reports"
PDF = SHARED / "fixtures" / "huaian-city-2024.pdf"
PEER_ENV = "GIPR_PEER_PARSER"

# The peer's cells (its table key, row key, column key) and the schema's cells they are.
_APPLICATION_ROWS = {
    "new_requests": "new", "carried_over": "carried_over", "result_open": "disclosed", "result_partial": "partial",
    "result_not_public_state_secret": "withheld_state_secret", "result_not_public_law_forbid": "withheld_law",
    "result_not_public_safety": "withheld_security", "result_not_public_third_party": "withheld_third_party",
    "result_not_public_internal": "withheld_internal", "result_not_public_process": "withheld_process",
    "result_not_public_case_file": "withheld_enforcement", "result_not_public_inquiry": "withheld_query",
    "result_cannot_provide_not_held": "unavailable_not_held", "result_not_provide_no_existing": "unavailable_needs_creation",
    "result_cannot_provide_unclear": "unavailable_unclear", "result_not_processed_petition": "rejected_petition",
    "result_not_processed_duplicate": "rejected_duplicate", "result_not_process_publication": "rejected_publication",
    "result_not_processed_frequent": "rejected_mass", "result_not_processed_confirm_again": "rejected_confirmation",
    "result_other_overdue_no_rectify": "other_no_correction", "result_other_no_pay_fee": "other_no_fee",
    "result_other_other": "other_misc", "result_total": "handled_total", "carry_next_year": "carry_forward",
}
_APPLICATION_COLUMNS = {
    "natural_person": "natural_person", "business_corp": "commercial", "research_org": "research",
    "social_org": "social_welfare", "legal_service_org": "legal_service", "other_org": "other_org",
    "grand_total": "total",  # the peer's org_total (法人或其他组织小计) is no cell of the schema
}
_OUTCOMES = {"maintained": "upheld", "corrected": "corrected", "other": "other", "pending": "pending", "total": "total"}
_SUITS = {"rev": "review", "lit_direct": "direct_suit", "lit_after_rev": "suit_after_review"}


def _peer_cells() -> dict[tuple[str, str, str], CellRef]:
    cells = {}
    for peer_row, row in (("regulations", "regulations"), ("normative_docs", "normative_documents")):
        for peer_col, col in (("issued_this_year", "issued"), ("abolished_this_year", "repealed"),
                              ("effective_now", "in_force")):
            cells[("section2_art20_1", peer_row, peer_col)] = CellRef("active", row, col)
    cells[("section2_art20_5", "admin_permission", "decisions")] = CellRef("active", "licensing", "decisions")
    cells[("section2_art20_6", "admin_penalty", "decisions")] = CellRef("active", "penalty", "decisions")
    cells[("section2_art20_6", "admin_compulsion", "decisions")] = CellRef("active", "coercion", "decisions")
    cells[("section2_art20_8", "admin_public_fee", "fee_amount")] = CellRef("active", "fees", "amount")
    for peer_row, row in _APPLICATION_ROWS.items():
        for peer_col, col in _APPLICATION_COLUMNS.items():
            cells[("section3_applications", peer_row, peer_col)] = CellRef("applications", row, col)
    for prefix, row in _SUITS.items():
        for outcome, col in _OUTCOMES.items():
            cells[("section4_review_litigation", "cases", f"{prefix}_{outcome}")] = CellRef("review_litigation", row, col)
    return cells


PEER_CELLS = _peer_cells()


def load_peer(path: str | None):
    """The peer's ``parse_annual_report_text``, imported from its source folder (or from a bare
    git repository of it, whose last commit is unpacked into a temporary folder), or None."""
    if not path:
        return None
    folder = Path(path).expanduser().resolve()
    if (folder / "HEAD").is_file() and (folder / "objects").is_dir():  # a bare repository
        unpacked = Path(tempfile.mkdtemp(prefix="peer-parser-"))
        atexit.register(shutil.rmtree, unpacked, True)
        archive = subprocess.run(["git", "-C", str(folder), "archive", "HEAD", "src"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(unpacked)], input=archive.stdout, check=True)
        folder = unpacked
    for candidate in (folder, folder / "src", folder.parent):
        if (candidate / "govnianbao" / "__init__.py").is_file():
            sys.path.insert(0, str(candidate))
            break
    else:
        sys.exit(f"no govnianbao package under {folder}")
    logging.getLogger("govnianbao").setLevel(logging.CRITICAL + 1)  # it logs each table it cannot fill
    from govnianbao import parse_annual_report_text

    return parse_annual_report_text


def peer_reading(result, fmt: str) -> dict[CellRef, object]:
    """The peer's cells as the schema's cells of format ``fmt``."""
    valid = set(get_format(fmt).cells())
    values = {}
    for section in (result.section2, result.section3, result.section4):
        for table_key, table in section.tables.items():
            for row_key, columns in table.get("cells", {}).items():
                for col_key, value in columns.items():
                    ref = PEER_CELLS.get((table_key, row_key, col_key))
                    if ref is not None and ref in valid and value is not None:
                        values[ref] = value
    return values


@dataclass
class Case:
    group: str
    name: str
    text: str
    truth: dict[CellRef, object]
    blank_ok: frozenset[CellRef] = frozenset()  # cells the report may have printed blank (truth 0)


def tally(values: dict[CellRef, object], case: Case) -> dict[str, int]:
    counts = {"right": 0, "blank": 0, "empty": 0, "wrong": 0}
    for ref, want in case.truth.items():
        got = values.get(ref)
        if got is None:
            counts["blank" if ref in case.blank_ok else "empty"] += 1
        elif Decimal(str(got)) == Decimal(str(want)):
            counts["right"] += 1
        else:
            counts["wrong"] += 1
    return counts


def printed_blank(notes: list, fmt: str) -> set[CellRef]:
    """The cells this program's import notes say the report printed blank (「原文空白」)."""
    cells = set()
    for note in notes:
        if note.kind != BLANK:
            continue
        row = get_format(fmt).table(note.table).row(note.row)
        names = note.message.split("栏（", 1)[-1].split("），保留为空", 1)[0].split("、")
        cells.update(CellRef(note.table, note.row, column.id) for column in row.columns
                     if column.id == note.col or (not note.col and column.label in names))
    return cells


def expected_case(name: str, cells: dict, path: Path | None = None, group: str = "real") -> Case:
    """A real report (or a text copy of it at ``path``) with its truth from expected.json (which
    records a cell printed blank as 0)."""
    truth = {CellRef(t, r, c): v for t, rows in cells["tables"].items() for r, cols in rows.items()
             for c, v in cols.items() if v is not None}
    path = path or REPORTS / name
    text = path.read_text(encoding="utf-8")
    blank = printed_blank(parse_report_text(text, source=path.name).notes, cells["format"])
    return Case(group, path.name, text, truth, frozenset(ref for ref in blank if truth.get(ref) == 0))


def pdftotext(path: Path, layout: bool) -> str | None:
    if shutil.which("pdftotext") is None or not path.is_file():
        return None
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True, timeout=60).stdout.decode("utf-8")


def cases() -> list[Case]:
    """Every text compared, with its truth."""
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.append(Case("seed", path.name, text, dict(parse_report_text(text, source=path.name).report.cells)))
    if (REPORTS / "expected.json").is_file():
        expected = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
        found.extend(expected_case(name, cells) for name, cells in expected.items() if name.endswith(".txt"))
        by_stem = {Path(name).stem: name for name in expected}  # text copies of them out of PDFs, both orders
        for path in sorted((REPORTS / "pdf_text").glob("*.txt")):
            name = by_stem.get(path.name.split(".")[0])
            if name is not None:
                found.append(expected_case(name, expected[name], path, "pdf_text"))
    texts = {layout: pdftotext(PDF, layout) for layout in (False, True)}
    if all(text is not None for text in texts.values()):
        truth = dict(read_report(PDF).report.cells)
        found.append(Case("pdftotext", "淮安 PDF, reading order", texts[False], truth))
        found.append(Case("pdftotext", "淮安 PDF, layout order", texts[True], truth))
    else:
        print("(pdftotext or the 淮安 PDF not found: the PDF copies are left out)")
    try:
        import opencc

        convert = opencc.OpenCC("s2t").convert
    except ImportError:
        print("(OpenCC not installed: the copies in traditional characters are left out)")
        return found
    return found + [replace(case, group=f"{case.group} 繁體", name=f"{case.name} 繁體", text=convert(case.text))
                    for case in found]


def timed(parse, text: str) -> tuple[object, float]:
    start = time.process_time()
    result = parse(text)
    return result, (time.process_time() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", default=os.environ.get(PEER_ENV), help=f"the peer's source folder (or ${PEER_ENV})")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    peer = load_peer(args.peer)
    if peer is None:
        print(f"the peer parser was not given (--peer PATH or {PEER_ENV}): this program's figures only")

    def ours(text: str) -> Report:
        return parse_report_text(text).report

    def theirs(text: str):
        try:
            return peer(text)
        except Exception:  # the peer's own failure: it read nothing
            return None

    rows = []
    for case in cases():
        text = case.text
        ours(text)  # warm the per-format caches
        if peer:
            theirs(text)
        times: dict[str, list[float]] = {"ours": [], "peer": []}
        for _ in range(args.rounds):  # alternate, so that load on the machine falls on both alike
            report, ms = timed(ours, text)
            times["ours"].append(ms)
            if peer:
                result, ms = timed(theirs, text)
                times["peer"].append(ms)
        fmt = report.format
        counts = {"ours": tally(dict(report.cells), case)}
        if peer:
            counts["peer"] = tally(peer_reading(result, fmt) if result is not None else {}, case)
        medians = {who: statistics.median(t) for who, t in times.items() if t}
        rows.append((case.group, case.name, len(case.truth), counts, medians))

    def cell_text(c: dict[str, int]) -> str:
        blank = f"(+{c['blank']} blank)" if c["blank"] else ""
        return f"{c['right'] + c['blank']:>4}{blank:<12}{c['empty']:>5} {c['wrong']:>5}"

    head = f"{'text':<44}{'cells':>6}  | ours: right{'':<10}empty wrong     ms"
    if peer:
        head += f" | peer: right{'':<10}empty wrong     ms | ours/peer"
    print(head)
    for group, name, total, counts, medians in rows:
        line = f"{name[:44]:<44}{total:>6}  |       {cell_text(counts['ours'])} {medians['ours']:>6.2f}"
        if peer:
            line += f" |       {cell_text(counts['peer'])} {medians['peer']:>6.2f} | {medians['ours'] / medians['peer']:>6.1f}×"
        print(line)
    print()
    for group in dict.fromkeys(row[0] for row in rows):
        chosen = [row for row in rows if row[0] == group]
        total = sum(row[2] for row in chosen)
        line = f"{group:<16} {len(chosen):>2} texts {total:>5} cells"
        for who in ("ours", "peer") if peer else ("ours",):
            right = sum(row[3][who]["right"] + row[3][who]["blank"] for row in chosen)
            wrong = sum(row[3][who]["wrong"] for row in chosen)
            median = statistics.median(row[4][who] for row in chosen)
            line += f" | {who}: right {100 * right / total:5.1f} %, wrong {wrong:>4}, median {median:6.2f} ms"
        if peer:
            ratio = statistics.median(row[4]["ours"] / row[4]["peer"] for row in chosen)
            line += f" | ours/peer {ratio:.1f}×"
        print(line)
    print("\ntruth: seeds — this program's reading, checked cell by cell by tests/test_text_import_seeds.py;"
          " real — expected.json; pdftotext — this program's reading of the 淮安 PDF (96–99 % right, not a checked truth)")


if __name__ == "__main__":
    main()
