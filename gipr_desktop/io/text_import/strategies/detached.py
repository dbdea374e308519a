"""Text copied out of a PDF viewer whose table rows lost their numbers: the labels of some rows
are printed on lines of their own, and their lines of numbers follow later (or came earlier),
each in table order, while the other rows keep label and numbers on one line::

    （一）予以公开	1288	21	0	0	50	3	1362
    1.本机关不掌握相关政府信息
    2.没有现成信息需要另行制作
    746	12	0	0	10	1	769
    11	0	0	0	0	0	11

The bare lines are paired with the bare labels in order, only when they are equally many; the
notes name the rows so paired. Where a label's next line holds the rest of its words and its
numbers (`pdftotext -layout` prints a label broken over three lines with its numbers beside the
middle one), the table is not so printed and is read label by label: counted as a bare label, such
a row made as many bare labels as bare lines by chance, in a table whose rows print no ordinals, and
a row was paired with another's numbers.
"""

from __future__ import annotations

from typing import Sequence

from gipr_desktop.core.labels import normalize
from gipr_desktop.core.schema import Table
from gipr_desktop.io.errors import ImportNote
from gipr_desktop.io.text_import.numbers import CellText
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.strategies.base import Strategy
from gipr_desktop.io.text_import.tables import RowHit, TableReading, has_ordinal, line_parts, lines, read_hits
from gipr_desktop.io.text_import.tokens import Label, Token


def read(table: Table, tokens: Sequence[Token], format_id: str, known: Known | None = None) -> TableReading | None:
    reading = TableReading()
    hits = detached_rows(table, tokens, format_id, reading.notes)
    if not hits:
        return None
    read_hits(table, hits, reading, known)
    return reading


def detached_rows(table: Table, tokens: Sequence[Token], format_id: str, notes: list[ImportNote]) -> list[RowHit]:
    """Rows of a PDF copy that printed some rows' numbers apart from their labels: label lines
    without numbers first, bare lines of numbers later (or earlier), each in table order. Used
    only where rows are otherwise printed one per line (label and numbers together) and the
    bare lines of numbers and the bare labels are equally many; they are then paired in order,
    and the notes say so. Anything else: ``[]``, and rows are read label by label."""
    width = max(len(row.columns) for row in table.rows)
    if width < 2:
        return []
    printed = lines(tokens)
    if not any(_bare_values(line, width) for line in printed):
        return []  # no line of numbers alone: nothing to pair
    hits: list[RowHit] = []
    bare_labels: list[RowHit] = []
    bare_values: list[list[CellText]] = []
    whole_rows = 0
    bare_before = False  # the line before was a bare label
    for line in printed:
        parts = line_parts(table, line, format_id)
        labels, cells, row_ids, valued = parts.labels, parts.cells, parts.rows, parts.numbers >= 2
        after_bare, bare_before = bare_before, False
        if parts.whole:
            hits.append(RowHit(row_ids[-1], labels[-1].text, cells))
            whole_rows += 1
        elif labels and valued and after_bare:  # the rest of the label above, its numbers beside it (-layout:
            return []  # a label broken over three lines, its numbers by the middle one): read label by label
        elif row_ids and not cells and (has_ordinal(labels[-1].text) or len(normalize(labels[-1].text)) >= 4):
            hit = RowHit(row_ids[-1], labels[-1].text)
            hits.append(hit)
            bare_labels.append(hit)
            bare_before = True
        elif not labels and len(cells) == width and valued:
            bare_values.append(cells)
    if not bare_values or whole_rows < 2 or len(bare_values) != len(bare_labels):
        return []
    for hit, cells in zip(bare_labels, bare_values):
        hit.cells.extend(cells)
    names = "、".join(table.row_name(hit.row_id) for hit in bare_labels)
    notes.append(ImportNote(f"表「{table.title}」有 {len(bare_labels)} 行的数字与行名分开印刷（PDF 转换所致），"
                            f"已按先后顺序配对：{names}；请核对", table.id))
    return hits


def _bare_values(line: Sequence[Token], width: int) -> bool:
    """Whether ``line`` is numbers alone, as many as the table's columns."""
    return (len(line) == width and not any(isinstance(t, Label) for t in line)
            and sum(not t.blank for t in line) >= 2)


STRATEGY = Strategy("PDF 复制文字：行名与数字分开", frozenset({"groups", "grid"}), read)
