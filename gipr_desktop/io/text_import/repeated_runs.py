"""Copies that print a run of equal lines once: a row's cells expanded back by its arithmetic.

Some crawled copies of a page (the 莆田 archive) keep a line only where it differs from the line
before, so a table printed one cell a line loses its repeats: the row 1 0 0 0 0 0 1 reads
「1」「0」「1」, a row of zeros one 「0」. Whether a copy does this is told by the whole document: a
table printed one cell a line has figures on consecutive lines, and among many such pairs a
report of mostly zeros always shows two equal ones; a copy that has many and never two equal
lines in a row has dropped its repeats. So has one that never repeats a line and prints many
rows of several cells as one number each (a report of zeros, every row 「0」).

A row is then read as each of its printed numbers standing for one or more consecutive cells.
``expansions`` gives every such way; ``tables.fit`` takes a row that its own sum (or, without one,
nothing) lets be stretched but one way. A row that can be stretched several ways stays empty and
is named; one whose numbers cannot be runs (「1 0 0 1」 side by side on a line) is read as printed.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import combinations
from typing import Callable, Iterator, Sequence

from gipr_desktop.core.labels import normalize, strip_ordinal
from gipr_desktop.core.schema import get_format

FIGURE_PAIRS = 10  # lines of figures after lines of figures, in a copy that never repeats a line: repeats dropped
ONE_NUMBER_ROWS = 10  # … or rows of several cells printed as one figure each (a report of zeros)
_FIGURE = re.compile(r"^\d+(?:\.\d+)?$")


def drops_repeats(text: str, format_id: str) -> bool:
    """Whether ``text`` is a copy that printed each run of equal lines once."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if any(before == line for before, line in zip(lines, lines[1:])):
        return False
    figures = [bool(_FIGURE.match(line)) for line in lines]
    if sum(before and line for before, line in zip(figures, figures[1:])) >= FIGURE_PAIRS:
        return True
    wide = _wide_labels(format_id)
    alone = [i for i in range(1, len(lines) - 1) if figures[i] and not figures[i - 1] and not figures[i + 1]]
    return sum(strip_ordinal(normalize(lines[i - 1])) in wide for i in alone) >= ONE_NUMBER_ROWS


@cache
def _wide_labels(format_id: str) -> frozenset[str]:
    """The labels of the rows of more than two cells, normalized, without their ordinals."""
    return frozenset(strip_ordinal(normalize(label)) for table in get_format(format_id).tables for row in table.rows
                     if len(row.columns) > 2 for label in (row.label, *row.aliases))


def stretchable(numbers: Sequence) -> bool:
    """Whether a row's numbers may be runs of equal cells printed once: no two equal numbers follow
    each other (「1 0 0 1」 printed side by side on a line are cells of their own)."""
    return all(before != number for before, number in zip(numbers, numbers[1:]))


def stretched(numbers: Sequence, width: int, holds: Callable[[list], bool]) -> list[tuple]:
    """The ways to stretch ``numbers`` over ``width`` cells that ``holds``: at most two, enough to
    tell one from several."""
    found = []
    for way in expansions(numbers, width):
        if holds(list(way)):
            found.append(way)
            if len(found) > 1:
                break
    return found


def expansions(numbers: Sequence, width: int) -> Iterator[tuple]:
    """Every way to stretch ``numbers`` over ``width`` cells, each number over one or more
    consecutive cells, in order."""
    for cuts in combinations(range(1, width), len(numbers) - 1):
        bounds = (0, *cuts, width)
        yield tuple(number for number, start, end in zip(numbers, bounds, bounds[1:]) for _ in range(end - start))
