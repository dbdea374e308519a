"""Which national format (2019 or 2021) a printed report follows, told by its labels.

The two formats differ in the column headers of section 二 and in the sub-rows of （六）其他处理.
The words that only one format prints are taken from the schema, never written here.
"""

from __future__ import annotations

from functools import cache

from gipr_desktop.core.labels import normalize, strip_ordinal
from gipr_desktop.core.schema import formats


def _labels(format_id: str) -> set[str]:
    fmt = formats()[format_id]
    keys = set()
    for table in fmt.tables:
        for row in table.rows:
            keys.add(strip_ordinal(normalize(row.label)))
            keys.update(normalize(column.label) for column in row.columns)
    return keys


@cache
def signatures() -> dict[str, tuple[str, ...]]:
    """For each format, the labels no other format prints, not even as part of a longer label."""
    labels = {format_id: _labels(format_id) for format_id in formats()}
    result = {}
    for format_id, own in labels.items():
        others = [key for other, keys in labels.items() if other != format_id for key in keys]
        result[format_id] = tuple(sorted(k for k in own if len(k) >= 4 and not any(k in o or o in k for o in others)))
    return result


def detect_format(text: str) -> tuple[str | None, dict[str, int]]:
    """The format whose own labels occur most often in ``text`` (``None`` on a tie), and the counts."""
    key = normalize(text)
    scores = {format_id: sum(label in key for label in labels) for format_id, labels in signatures().items()}
    best = max(scores.values())
    winners = [format_id for format_id, score in scores.items() if score == best]
    return (winners[0] if best > 0 and len(winners) == 1 else None), scores
