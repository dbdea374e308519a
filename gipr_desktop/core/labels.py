"""Tolerant matching of printed labels to the schema's rows, columns and sections.

Every importer (text, HTML, Word, PDF, spreadsheets) finds cells by their labels, never by fixed
positions, and all of them match labels here, so that a variant learnt from one real report helps
every reader. Real labels carry stray spaces ("三、 本年 度办 理结 果"), full- or half-width
brackets and dots, other quote marks, line breaks inside words and typos ("本年度止件数").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from gipr_desktop.core.nfkc import nfkc
from gipr_desktop.core.schema import Column, Format, Row, Table, get_format

# Misprints seen in published reports, mapped to the official wording (after width folding).
TYPOS = {
    "度止": "废止",
    "行政法复议": "行政复议",
    "三安全-稳定": "三安全一稳定",
    "三安全—稳定": "三安全一稳定",
}
_DROPPED = "|\u200b\ufeff_*\"'"  # dropped with every space (zero-width ones are no spaces to Python), and
# quotes, once folded: a PDF viewer's copy may move them (「危及 三“ ” 安全一稳定」)
_QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"'}
QUOTE_MARKS = frozenset(_QUOTES) | {'"', "'"}  # what a key drops of a label's quotes
_DOTS = {"．": ".", "。": ".", "、": ".", "·": ".", "，": ".", ",": "."}
# one character for another, quotes first: a few str.replace are sooner than str.translate, which looks
# every character up in a dict
_FOLDS = (*_QUOTES.items(), *_DOTS.items())


CACHED_LENGTH = 200  # labels up to this long are folded and matched once per program run: every
# report repeats the same few hundred labels, and a batch of thousands of reports reads them all


def normalize(text: str) -> str:
    """Fold a printed label to a comparable key: width, dots, spaces, known typos; without quotes."""
    return _normalize_cached(text) if len(text) <= CACHED_LENGTH else _normalize(text)


@lru_cache(maxsize=16384)
def _normalize_cached(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    text = nfkc(text)
    for char, folded in _FOLDS:
        text = text.replace(char, folded)
    text = "".join(text.split())  # every kind of space (what \s matches)
    for char in _DROPPED:
        text = text.replace(char, "")
    for wrong, right in TYPOS.items():
        text = text.replace(wrong, right)
    return text


_ORDINAL = re.compile(r"^(?:\(?[一二三四五六七八九十]+\)?\.?|\(?\d+\)?\.?)")


def strip_ordinal(key: str) -> str:
    """Drop a leading ordinal such as "三." "(一)" "1." from a normalized label."""
    return _ORDINAL.sub("", key, count=1)


@cache
def _row_keys(format_id: str, table_id: str) -> tuple[tuple[str, str, str], ...]:
    """(row id, full key, key without ordinal) for each row, plus its aliases."""
    table = get_format(format_id).table(table_id)
    keys = []
    for row in table.rows:
        for label in (row.label, *row.aliases):
            key = normalize(label)
            keys.append((row.id, key, strip_ordinal(key)))
    return tuple(keys)


def match_row(table: Table, text: str, format_id: str) -> str | None:
    """The row id whose label ``text`` is, or ``None``. Exact after folding, then without ordinals,
    then a printed label cut short (at least four characters), with a note in brackets after it, or
    running on past the official one (but into its cells and more text: 「…政府信息40000042.没有现成…」
    is a row's cells and the next row's label)."""
    if len(text) <= CACHED_LENGTH:
        return _match_row_cached(format_id, table.id, text)
    return _match_row(format_id, table.id, text)


@lru_cache(maxsize=16384)
def _match_row_cached(format_id: str, table_id: str, text: str) -> str | None:
    return _match_row(format_id, table_id, text)


_OWN_NUMBERS = re.compile(r"[\d.,\-/]*(?:万元|元)?")  # a label's cells glued to it: 「0000000」, 「13575394432.52元」


def _runs_on(rest: str) -> bool:
    """Whether ``rest``, after a label, may be its own: a note, or its cells glued to it, not its
    cells and more text (「40000042.没有现成…」: the next row's label)."""
    return not rest[:1].isdigit() or _OWN_NUMBERS.fullmatch(rest) is not None


@cache
def _table_words(format_id: str, table_id: str) -> tuple[str, ...]:
    """The table's row labels without their ordinals and its column headers, folded: what never runs on
    after a label as its note."""
    table = get_format(format_id).table(table_id)
    return tuple(sorted({short for _, _, short in _row_keys(format_id, table_id) if short}
                        | {normalize(column.label) for row in table.rows for column in row.columns}))


_NOTE = re.compile(r"\([^()]*\)$")  # 「规章(设区的市、自治州人民政府应提供相关数据)」, as some provinces' template prints it


def _match_row(format_id: str, table_id: str, text: str, run_on: bool = True) -> str | None:
    key = normalize(text)
    if not key:
        return None
    keys = _row_keys(format_id, table_id)
    bare = strip_ordinal(key)
    noted = _NOTE.sub("", bare)  # the label without a note printed after it in brackets
    attempts = [
        lambda full, short: full == key,
        lambda full, short: bool(bare) and short == bare,
        lambda full, short: len(bare) >= 4 and short.startswith(bare),
        lambda full, short: noted != bare and short == noted,
    ]
    if run_on:  # a note after the label (「（含…）」) or its own glued digits, never the next row run into them,
        # nor a row's label or a column's header run on after it (「…政府信息公开申请其他总计1000001」, a flattened
        # page whose rows print no ordinals: the numbers are 总计's)
        attempts.append(lambda full, short: len(short) >= 4 and bare.startswith(short) and _runs_on(bare[len(short):])
                        and not bare[len(short):].startswith(_table_words(format_id, table_id)))
    for attempt in attempts:
        found = {row_id for row_id, full, short in keys if attempt(full, short)}
        if len(found) == 1:
            return found.pop()
        if len(found) > 1:
            return None  # ambiguous: never guess
    return None


_BRACKETED = re.compile(r"\([^)]*\)")


def match_column(row: Row, text: str) -> str | None:
    """The id of the column of ``row`` whose header label ``text`` is, or ``None``. Exact after
    folding, then with bracketed units left out on both sides ("本年收费金额(万元)")."""
    key = normalize(text)
    keys = _column_keys(row.columns)
    found = [col_id for col_id, full, _ in keys if full == key]
    if len(found) == 1:
        return found[0]
    bare = _BRACKETED.sub("", key)
    found = [col_id for col_id, _, short in keys if short == bare]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1024)
def _column_keys(columns: tuple[Column, ...]) -> tuple[tuple[str, str, str], ...]:
    """(column id, folded label, folded label without bracketed units) of each column."""
    return tuple((c.id, key, _BRACKETED.sub("", key)) for c in columns for key in (normalize(c.label),))


def match_section(fmt: Format, text: str, max_length: int = 40) -> str | None:
    """The section id ("1"…"6") whose heading ``text`` is, however numbered and worded, or ``None``.

    A line longer than ``max_length`` characters is body text, not a heading."""
    if len(text) <= CACHED_LENGTH:
        return _match_section_cached(fmt.id, text, max_length)
    return _match_section(fmt.id, text, max_length)


@lru_cache(maxsize=16384)
def _match_section_cached(format_id: str, text: str, max_length: int) -> str | None:
    return _match_section(format_id, text, max_length)


def _match_section(format_id: str, text: str, max_length: int) -> str | None:
    key = strip_ordinal(normalize(text))
    if not key or len(key) > max_length:
        return None
    found = {section_id for section_id, heading, keywords in _section_keys(format_id)
             if key == heading or any(keyword in key for keyword in keywords)}
    return found.pop() if len(found) == 1 else None


@cache
def _section_keys(format_id: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(section id, folded heading, folded keywords) of each section of the format."""
    return tuple((s.id, normalize(s.heading), tuple(normalize(k) for k in s.keywords))
                 for s in get_format(format_id).sections)


_INNER_ORDINAL = re.compile(r"\(?[一二三四五六七八九十]+\)|\(\d{1,2}\)|\d+\.(?=\D)|[一二三四五六七八九十]+\.")
MAX_LABEL = 120  # longer text is a sentence, not a label


_ITEM_ORDINAL = re.compile(r"\d+\.(?=\D)")


def numbered(text: str) -> bool:
    """Whether ``text`` begins with a sub-row's ordinal (「3.」): a label of its own, never the rest of a
    label broken over two lines (a group's 「（六）其」 may be printed on such a line: 「(六)其 正、行政机关…」)."""
    return _ITEM_ORDINAL.match(normalize(text)) is not None


def match_row_in(table: Table, text: str, format_id: str) -> str | None:
    """Like ``match_row``, but ``text`` may carry the parent labels before the row's own label
    ("（三）不予公开 1.属于国家秘密", one PDF line): the row label is then found from the last
    ordinal on, before a label running on past the official one is taken (「（六）其他处理 1.申请人…」
    is the row 1., not （六）其他处理 run on). Sentences (longer than ``MAX_LABEL``) are never labels."""
    if len(text) > MAX_LABEL:
        return None
    return _match_row_in(format_id, table.id, text)


@lru_cache(maxsize=16384)
def _match_row_in(format_id: str, table_id: str, text: str) -> str | None:
    table = get_format(format_id).table(table_id)
    found = _match_row(format_id, table_id, text, run_on=False)
    if found:
        return found
    key = normalize(text)
    starts = [m.start() for m in _INNER_ORDINAL.finditer(key) if m.start() > 0]
    for start in reversed(starts):
        found = match_row(table, key[start:], format_id)
        if found:
            return found
    return match_row(table, text, format_id)


# --- similar labels: a long official label damaged by PDF or OCR debris -----------------------------

SIMILAR_MIN_LENGTH = 6  # shorter labels ("规章", "行政许可") are matched exactly or not at all
SIMILARITY = 0.8  # share of character pairs a damaged label keeps (one character lost or wrong in
# a label of ten keeps about 0.85; a fragment of another label, as PDF copies break them, about 0.65)


def _pairs(key: str) -> frozenset[str]:
    return frozenset(key[i:i + 2] for i in range(len(key) - 1))


@cache
def _row_pairs(format_id: str, table_id: str) -> tuple[tuple[str, int, frozenset[str]], ...]:
    """(row id, length, character pairs) of each row label without its ordinal, and of its aliases;
    computed once per format."""
    return tuple((row_id, len(short), _pairs(short)) for row_id, _full, short in _row_keys(format_id, table_id)
                 if len(short) >= SIMILAR_MIN_LENGTH)


IN_ITS_PLACE = 0.6  # enough where the label stands in the one gap of the table's order its row can fill:
# 「其他法律行政止公开」 (法规禁 lost) keeps 0.74 of 「其他法律行政法规禁止公开」


def similarity(table: Table, text: str, format_id: str, row_id: str) -> float:
    """The share of character pairs ``text`` has in common with the label of ``row_id`` (or with the
    closest of its aliases), ordinals left out; 0 for short texts."""
    key = _similar_key(text)
    if key is None:
        return 0.0
    pairs = _pairs(key)
    return max((_shared(pairs, row_pairs) for found, _, row_pairs in _row_pairs(format_id, table.id)
                if found == row_id), default=0.0)


def _similar_key(text: str) -> str | None:
    """``text`` folded, without its ordinal; ``None`` for a sentence or a label too short to be
    told by likeness."""
    if len(text) > MAX_LABEL:
        return None
    key = strip_ordinal(normalize(text))
    return key if len(key) >= SIMILAR_MIN_LENGTH else None


def _shared(pairs: frozenset[str], others: frozenset[str]) -> float:
    return 2 * len(pairs & others) / (len(pairs) + len(others))


def similar_rows(table: Table, text: str, format_id: str) -> list[tuple[str, float]]:
    """The rows whose label ``text`` may be with a character lost, wrong or added (a long label
    damaged by PDF or OCR debris), best first, each with its similarity: the share of character
    pairs the two have in common (at least ``SIMILARITY``). Not a match on its own: the caller
    also asks the row's place in the table (``core.labels`` knows no order)."""
    if len(text) > MAX_LABEL:
        return []
    return list(_similar_rows(format_id, table.id, text))


@lru_cache(maxsize=16384)
def _similar_rows(format_id: str, table_id: str, text: str) -> tuple[tuple[str, float], ...]:
    key = _similar_key(text)
    if key is None:
        return ()
    pairs = _pairs(key)
    found: dict[str, float] = {}
    for row_id, length, row_pairs in _row_pairs(format_id, table_id):
        if not 0.75 * length <= len(key) <= 1.34 * length:
            continue
        score = _shared(pairs, row_pairs)
        if score >= SIMILARITY and score > found.get(row_id, 0):
            found[row_id] = score
    return tuple(sorted(found.items(), key=lambda item: -item[1]))
