"""Turning a table as printed into a flat stream of labels and cells.

Whatever the layout of a table that exists only as text — tab-separated rows, one cell per line,
cells ending in ``|``, rows of space-separated numbers, a sheet saved as CSV — the rows are found the same way
afterwards: a label, then the cells that follow it. This module only cuts the text. The real
tables of a document (HTML, Word, PDF, spreadsheets) are no tokens: ``io.grid_tables`` reads them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from gipr_desktop.io.text_import.numbers import BLANK, CACHED_LENGTH, CellText, fold, is_debris, read_cell

_SEPARATORS = re.compile(r"[\t|｜]")
_ONLY_BARS = re.compile(r"^[|｜\s]+$")


_GLUED = re.compile(r"^(.*[^\d.,\s\-－])(\d[\d.,]*(?:-\d[\d.,]*)*(?:万元|元)?)$")  # "规章000", "行政处罚2648-18538"
_SIGN = re.compile(r"(?=-)")
_COUNTED = re.compile(r"^(.*[^\d.,\s])(\d+(?:个|笔|项|件))$")  # a count with its measure word, before an amount
_WORD = re.compile(r"\S+")
_DIGITS = frozenset("0123456789０１２３４５６７８９-—－/／无")  # how a number or a placeholder for one begins


def _run_cell(text: str) -> CellText:
    cell = read_cell(text)
    return cell if cell is not None else CellText(text)


@dataclass(frozen=True)
class Label:
    """Printed text that is not a number: a row label, a header, a heading, a sentence."""

    text: str
    starts: tuple[int, ...] = field(default=(), compare=False)  # where each of its words begins in its
    # line, in a line laid out in columns by spaces (`pdftotext -layout`'s headers); () elsewhere


@dataclass(frozen=True)
class LineEnd:
    """The end of a printed line or table row: tells a row printed on one line from one
    printed a cell per line."""


LINE_END = LineEnd()
Token = Label | CellText | LineEnd


def _placed(cells: list[CellText], piece: str, offset: int) -> list[CellText]:
    """``cells``, the last words of ``piece`` (which starts at ``offset`` in its line), with where
    each ends in the line."""
    ends = [match.end() + offset for match in _WORD.finditer(piece)][-len(cells):]
    if len(ends) != len(cells):
        return cells
    return [CellText(cell.text, cell.value, cell.placeholder, cell.remark, end) for cell, end in zip(cells, ends)]


def piece_tokens(piece: str, offset: int | None = None) -> list[Token]:
    """The tokens of one cell-sized piece of text: a value, a label, or a label followed by the
    numbers printed after it on the same line ("行政许可 97", "1. 属于国家秘密 0 0 0 0 0 0 0").
    Numbers separated by spaces are so many cells ("447   7   0   0", a `pdftotext -layout` row),
    never one number. ``offset``, where a whole line's piece starts in it: the numbers then say
    where they end (the column they are printed in)."""
    words = piece.split()
    if len(words) > 1 and words[0][0] in _DIGITS:
        cells = []
        for word in words:
            cell = read_cell(word)
            if cell is None or cell.blank:
                break
            cells.append(cell)
        else:
            return _placed(cells, piece, offset) if offset is not None else cells
    cell = read_cell(piece)
    if cell is not None:
        # a number alone on an indented line stands in the column a layout copy printed it in
        return _placed([cell], piece, offset) if offset else [cell]
    rest = _next_row_at(piece)
    if rest:
        return [*piece_tokens(piece[:rest], offset), *piece_tokens(piece[rest:], None if offset is None else offset + rest)]
    text = fold(piece)
    if is_debris(text):
        return []
    words = text.split()
    values: list[CellText] = []
    while words:
        value = read_cell(words[-1])
        if value is not None and not value.blank:
            values.append(value)
            words.pop()
            continue
        glued = _GLUED.match(words[-1])
        if glued:
            words[-1] = glued.group(1)
            values.extend(_run_cell(part) for part in reversed(_SIGN.split(glued.group(2))) if part)
            counted = _COUNTED.match(words[-1]) if glued.group(2).endswith("元") else None
            if counted:  # 「政府集中采购1个246900元」: the count of projects, then their amount
                words[-1] = counted.group(1)
                values.append(_run_cell(counted.group(2)))
        break
    values.reverse()
    placed = offset is not None and len(text) == len(piece)
    if placed and values:
        values = _placed(values, text, offset)
    if not words:
        return values
    starts = tuple(match.start() + offset for match in _WORD.finditer(text))[:len(words)] if placed else ()
    return [Label(" ".join(words), starts), *values]


_NUMBER_WORD = r"(?:[\d０-９][\d０-９.,]*|[\-—/无])(?=\s|$)"
# two or more numbers, then a word that is none (「2.没有现成…」 is one: its ordinal is no cell)
_NUMBERS_THEN_TEXT = re.compile(rf"(?<!\S)(?:{_NUMBER_WORD}\s+){{2,}}(?=\S)(?!{_NUMBER_WORD})")


def _next_row_at(piece: str) -> int:
    """Where the text after a run of two or more numbers inside ``piece`` begins (a row's label, its
    numbers, then the next row's label, on one line: 「1.本机关不掌握相关政府信息 4 0 0 0 0 0 4 2.没有现成…
    0 0 0」), or 0: so the next label is text of its own, whether it is known or damaged."""
    found = _NUMBERS_THEN_TEXT.search(piece)
    return found.end() if found else 0


_SPACES = " \u3000\ufeff\xa0"  # around a line: no cell (\xa0: a page's &nbsp;, as a browser copies it)
_BLANK_LINE = _SPACES + "\t"  # all a line printing one empty cell holds
_MARKS = "|｜-=_:.…·"  # how a line of merge marks or a ruler begins (``_ONLY_BARS``, ``is_debris``)


def line_tokens(line: str) -> list[Token]:
    """The tokens of one printed line. ``|`` and tabs separate cells, and so do the commas of a row
    saved as comma-separated values (``comma_separated``); a line of ``|`` only marks merged cells
    and holds none; a ``|`` at either end of a line only closes a cell (one that ends the line makes
    its cells delimited, as tabs do: 「5 |」 is a cell of its own); a line of spaces is one empty
    cell; the indent before a line's only cell is not a cell."""
    body = line.strip("\r\n")
    if not body.strip(_BLANK_LINE):
        return [BLANK] if body else []
    core = body.strip(_SPACES)
    if core in ("|", "｜"):
        return [BLANK]
    if (core[0] in _MARKS or core[0].isspace()) and (_ONLY_BARS.match(core) or is_debris(core)):
        return []
    bars = "|" in core or "｜" in core
    if not bars and "\t" not in core:
        cells = comma_separated(core) if "," in core else None
        if cells is None:
            return piece_tokens(core, len(body) - len(body.lstrip(_SPACES)))
        core = "\t".join(cells)
    if core[0] in "|｜":
        core = core[1:]
    closed = bool(core) and core[-1] in "|｜"  # 「5 |」: a cell of its own, its line a cell's
    if closed:
        core = core[:-1]
    pieces = _SEPARATORS.split(core) if bars else core.split("\t")  # the latter sooner, where tabs alone cut it
    filled = [i for i, piece in enumerate(pieces) if piece and not piece.isspace()]
    if len(filled) == 1:
        pieces = pieces[filled[0]:]
    several = len(filled) > 1 or closed
    tokens: list[Token] = []
    for piece in pieces:
        if len(piece) <= CACHED_LENGTH:
            tokens.extend(_cell_tokens(piece, several))
        elif piece.isspace():
            tokens.append(BLANK)
        else:
            tokens.extend(_delimited(piece_tokens(piece), several))
    return tokens


_ROW_ENDS = frozenset("0123456789０１２３４５６７８９,\"-—－/／无元")  # how a row of cells saved as CSV ends: a number (an amount
# in 元 too), a placeholder, an empty cell, a quoted one
_THOUSANDS = re.compile(r"[\d０-９]{1,3}(?:,[\d０-９]{3})+(?:\.\d+)?\s*(?:万?元)?")  # 「1,295」「453,754,632.81元」: one number


def comma_separated(core: str) -> list[str] | None:
    """The cells of a row saved as comma-separated values (a sheet saved as CSV, opened or pasted as
    text: 「三、本年度办理结果,（一）予以公开,1,0,0,0,0,0,1」, a label quoted where it holds a comma): labels
    or empty cells, then cells each a number, a placeholder or empty (table 四's line of numbers has no
    label); else ``None``: a sentence's commas, a number's thousands separators
    (「1,295」, 「行政许可 2,648,123」: no label ends with a figure)."""
    if core[-1] not in _ROW_ENDS or _THOUSANDS.fullmatch(core):
        return None  # a sentence ends otherwise: told at once, before the line is parsed
    cells = [cell.strip() for cell in next(csv.reader([core]))]
    values = [bool(cell) and read_cell(cell) is not None for cell in cells]
    first = values.index(True) if True in values else len(cells)
    labels, rest = cells[:first], cells[first:]
    if not rest or any(label[-1:].isdigit() for label in labels) or \
            not all(held or not cell for held, cell in zip(values[first:], rest)):
        return None
    return cells


@lru_cache(maxsize=16384)
def _cell_tokens(piece: str, several: bool) -> tuple[Token, ...]:
    """The tokens of a short piece between separators, cut once per program run: the same labels
    and small numbers stand in every report's tables. Spaces alone are an empty cell."""
    if not piece or piece.isspace():
        return (BLANK,)
    return tuple(_delimited(piece_tokens(piece), several))


def _delimited(tokens: list[Token], several: bool) -> list[Token]:
    """A piece that is one cell, of a line of several or closed by a bar: a cell between separators of its own."""
    if several and len(tokens) == 1 and isinstance(tokens[0], CellText):
        cell = tokens[0]
        return [CellText(cell.text, cell.value, cell.placeholder, cell.remark, cell.end, delimited=True)]
    return tokens


def _alone(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """A line's tokens, its one number marked as such where it prints nothing else."""
    if len(tokens) == 1 and isinstance(tokens[0], CellText) and not tokens[0].blank:
        return (replace(tokens[0], alone=True),)
    return tokens


class Tokens(list):
    """The tokens of printed lines, one ``LINE_END`` after each line's; ``lines`` holds the tokens of
    each line that has any, without it (``tables.lines``), as they were cut."""

    lines: list[tuple[Token, ...]]


def text_tokens(lines: Iterable[str]) -> Tokens:
    tokens = Tokens()
    printed: list[tuple[Token, ...]] = []
    cut: dict[str, tuple[Token, ...]] = {}  # a line printed again ("0" of a cell per line) is cut once
    for line in lines:
        found = cut.get(line)
        if found is None:
            found = cut[line] = _alone(tuple(line_tokens(line)))
        if found:
            tokens.extend(found)
            printed.append(found)
        tokens.append(LINE_END)
    tokens.lines = printed
    return tokens

