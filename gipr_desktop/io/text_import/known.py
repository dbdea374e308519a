"""What the report says of a table's cells outside the table, and what last year's report says:
the figures that split a run of digits the copy glued together in a row without arithmetic of
its own (table 二's 「行政规范性文件8855698」 = 本年制发 88, 本年废止 55, 现行有效 698).

The narrative's counts are found the way the checks find them (``core.checks_text.statements``,
R7: 「动态更新本年度制发的规范性文件88件」); last year's stock carries over by the schema's
cross-year rule (R6: 现行有效 = 上年现行有效 + 本年制发 − 本年废止). A split is taken only when
exactly one agrees with everything known, and the notes say what it was split by.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Callable, Sequence

from gipr_desktop.core.checks_text import quote, statements
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef, cross_year_rules, get_format, named_cells
from gipr_desktop.io.text_import.repeated_runs import drops_repeats

Value = int | Decimal | None


@dataclass
class Known:
    """The report's text (its narrative is read only when a glued run needs it) and last year's
    report, when the user gave it."""

    format_id: str
    text: str
    previous: Report | None = None

    @cached_property
    def repeats_dropped(self) -> bool:
        """Whether the text is a copy that printed each run of equal lines once (``repeated_runs``)."""
        return drops_repeats(self.text, self.format_id)

    @cached_property
    def stated(self) -> dict[CellRef, tuple[int, str]]:
        """Each cell whose count a sentence states on its own (a group of one cell), and the sentence."""
        found: dict[CellRef, tuple[int, str]] = {}
        conflicting: set[CellRef] = set()
        for statement in statements(self.text):
            refs = named_cells(self.format_id, statement.group)
            if len(refs) != 1:
                continue
            ref = refs[0]
            if ref in found and found[ref][0] != statement.count:
                conflicting.add(ref)
            found.setdefault(ref, (statement.count, statement.sentence))
        return {ref: said for ref, said in found.items() if ref not in conflicting}

    def constraints(self, refs: Sequence[CellRef]) -> tuple[Callable[[list[Value]], bool], list[str]] | None:
        """A test of a reading of the cells ``refs`` against what is known of them, and the words
        that say what it rests on; ``None`` when nothing is known of them."""
        position = {ref: i for i, ref in enumerate(refs)}
        tests: list[Callable[[list[Value]], bool]] = []
        why: list[str] = []
        for ref in refs:
            if ref in self.stated:
                count, sentence = self.stated[ref]
                tests.append(lambda values, i=position[ref], n=count: values[i] == n)
                why.append(f"正文所述「{quote(sentence, 41)}」")  # 40 characters and 「…」
        for stock in self._stocks(refs):
            before, at, plus, minus = stock
            tests.append(lambda values, b=before, a=at, p=plus, m=minus:
                         None not in (values[a], values[p]) and (m is None or values[m] is not None)
                         and values[a] == b + values[p] - (values[m] if m is not None else 0))
            ref = refs[at]
            label = get_format(self.format_id).table(ref.table).row(ref.row).column(ref.col).label
            why.append(f"上年报告的{label}（{before}）")
        if not tests:
            return None
        return (lambda values: all(test(values) for test in tests)), why

    def _stocks(self, refs: Sequence[CellRef]) -> list[tuple[Value, int, int, int | None]]:
        if self.previous is None:
            return []
        position = {ref: i for i, ref in enumerate(refs)}
        found = []
        for rule in cross_year_rules(self.format_id).get("stocks", ()):
            for row in rule["rows"]:
                ref = CellRef(rule["table"], row, rule["col"])
                plus = CellRef(rule["table"], row, rule["plus"])
                minus = CellRef(rule["table"], row, rule["minus"]) if rule["minus"] else None
                before = self.previous.cells.get(ref) if self.previous.schema.has_cell(ref) else None
                if before is None or ref not in position or plus not in position or (minus and minus not in position):
                    continue
                found.append((before, position[ref], position[plus], position[minus] if minus else None))
        return found
