"""Print, per real report, the rules the review finds (rule ids and counts), beside a recorded run.

    python scripts/review_table.py                 # the table: recorded findings | findings now
    python scripts/review_table.py --record FILE   # write this run's findings to FILE (JSON)

The real reports are the seeds and fixtures beside the checkout (../shared/seeds, ../shared/fixtures)
and the project's tests/fixtures/reports; the Pingtan reports are checked with the year before
attached, as a reviewer reads them. ``scripts/review_before.json`` holds the findings of the checks
as they were before the review rules of a careful reviewer were added.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipr_desktop.core.checks import check  # noqa: E402
from gipr_desktop.io.registry import read_report  # noqa: E402

SHARED = ROOT.parent / "shared"
BEFORE = ROOT / "scripts" / "review_before.json"


def real_reports() -> list[tuple[str, Path, Path | None]]:
    """(name, path, last year's path or None) of every real report."""
    result = [(p.name, p, None) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    result.append(("huaian-city-2024.pdf", SHARED / "fixtures" / "huaian-city-2024.pdf", None))
    reports = sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.txt"))
    pingtan = [p for p in reports if "pingtan" in p.name]
    for path in reports:
        last = pingtan[pingtan.index(path) - 1] if path in pingtan and pingtan.index(path) > 0 else None
        result.append((path.name, path, last))
    return result


def findings_by_report() -> dict[str, dict[str, int]]:
    table = {}
    for name, path, last in real_reports():
        previous = read_report(last).report if last else None
        imported = read_report(path)
        findings = check(imported.report, previous, imported.notes)
        table[name] = dict(sorted(Counter(f.rule for f in findings).items()))
    return table


def _cell(counts: dict[str, int]) -> str:
    return " ".join(f"{rule}×{n}" if n > 1 else rule for rule, n in counts.items()) or "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="write this run's findings to this JSON file")
    args = parser.parse_args()
    now = findings_by_report()
    if args.record:
        args.record.write_text(json.dumps(now, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    before = json.loads(BEFORE.read_text(encoding="utf-8")) if BEFORE.exists() else {}
    print("| report | before | after |")
    print("|---|---|---|")
    for name, counts in now.items():
        print(f"| {name} | {_cell(before.get(name, {}))} | {_cell(counts)} |")


if __name__ == "__main__":
    main()
