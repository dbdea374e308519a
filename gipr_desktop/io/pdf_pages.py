"""The text lines and ruled tables of a PDF's pages, extracted with pdfplumber in a child process.

pdfminer, under pdfplumber, trusts the file: it inflates a stream whole (a megabyte can unpack to
gigabytes, and its salvage of a damaged stream takes quadratic time), and a damaged file can send
its layout analysis into minutes of work. ``extract`` therefore runs in ``isolated``'s child
process, bounded in memory and time, and there replaces pdfminer's inflation by one that stops at
``MAX_STREAM`` bytes. It hands back plain data: for each line its text, left and right edge and
font size; each table's cells, row by row (a cell a merge covers is empty), and its merged cells
(from the boxes of the cells pdfplumber found), for ``pdf_reader`` to make ``grid_tables.Grid``s of.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left

from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.guarded import parsing
from gipr_desktop.io.text_import.sections import is_page_number

MAX_PAGES = 200  # a report has some 4–20 pages
MAX_STREAM = 64 * 1024 * 1024  # bytes one stream may inflate to; a page's text is some 100 KB, a full CJK font 20 MB
_CHUNK = 4096

Line = dict  # {"text": str, "x0": float, "x1": float, "size": float}
Table = dict  # {"rows": [[str]], "merges": [(first row, first col, last row, last col)]}, 1-based


def _outside(boxes):
    def keep(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    return keep


def _line(line: dict) -> Line:
    chars = line.get("chars") or [{}]
    return {"text": str(line["text"]), "x0": float(line["x0"]), "x1": float(line["x1"]),
            "size": float(chars[0].get("size") or 12)}


def _merges(table) -> list[tuple[int, int, int, int]]:
    """The merged cells of a pdfplumber table, 1-based (first row, first col, last row, last col):
    a cell whose box reaches over the next rows' tops or the next columns' left edges."""
    tops = [min(cell[1] for cell in row.cells if cell) for row in table.rows]
    lefts = [min((cell[0] for row in table.rows if (cell := row.cells[j])), default=1e9)
             for j in range(len(table.rows[0].cells))] if table.rows else []
    merges = []
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            if cell is None:
                continue
            x0, top, x1, bottom = cell
            last_row = max(k for k, t in enumerate(tops) if k == i or (k > i and t < bottom - 1))
            last_col = max(k for k, left in enumerate(lefts) if k == j or (k > j and left < x1 - 1))
            if (last_row, last_col) != (i, j):
                merges.append((i + 1, j + 1, last_row + 1, last_col + 1))
    return merges


def _cell_texts(table, chars: list[dict]) -> list[list[str]]:
    """The table's cells' texts, as pdfplumber's ``Table.extract`` gives them (a character belongs to
    the cell its middle is in; a cell a merge covers is ""), with the page's characters sorted once
    by height for the whole table rather than all looked at again for every row."""
    from pdfplumber.utils import extract_text

    middles = sorted(((char["top"] + char["bottom"]) / 2, (char["x0"] + char["x1"]) / 2, i)
                     for i, char in enumerate(chars))
    heights = [y for y, _, _ in middles]
    rows = []
    for row in table.rows:
        _, row_top, _, row_bottom = row.bbox
        band = middles[bisect_left(heights, row_top):bisect_left(heights, row_bottom)]
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("")
                continue
            inside = [chars[i] for y, x, i in band if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]]
            cells.append(extract_text(inside) if inside else "")
        rows.append(cells)
    return rows


class _Part:
    """The rows of a pdfplumber table from some row on, with their box: what is left of a table
    once the lines of text a frame printed above it (``_framed_text``) are taken out."""

    def __init__(self, rows) -> None:
        self.rows = rows
        boxes = [row.bbox for row in rows]
        self.bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
FRAMED_LINE = 20  # a row of one cell across the table holding this many characters is a line of text


def _framed_text(table, texts: list[list[str]]) -> int:
    """How many of the table's first rows are lines of text in a frame whose ruled lines join the
    table's (a page of 总体情况 boxed in above table 二, its heading 二 with it): rows of one cell across
    the whole width, up to the last of them that holds a sentence's length or a section heading.
    A short title row of the table itself (「第二十条第（一）项」) after them stays the table's."""
    last = 0
    for i, (row, cells) in enumerate(zip(table.rows, texts)):
        if row.cells[0] is None or any(cell is not None for cell in row.cells[1:]):
            break
        text = cells[0].strip()
        if len(text) >= FRAMED_LINE or _HEADING.match(text):
            last = i + 1
    return last if last < len(table.rows) else 0


def _page_content(page) -> tuple[list[Line], list[Table]]:
    """A page's text lines outside its tables, and its tables of more than one column."""
    tables = [table for table in page.find_tables() if table.rows and len(table.rows[0].cells) > 1]
    chars = page.chars
    grids, boxes = [], []
    for table in tables:
        texts = _cell_texts(table, chars)
        framed = _framed_text(table, texts)
        part = _Part(table.rows[framed:]) if framed else table
        grids.append({"rows": texts[framed:], "merges": _merges(part)})
        boxes.append(part.bbox)
    lines = page.filter(_outside(boxes)).extract_text_lines()
    return [_line(line) for line in lines if not is_page_number(line["text"], outside_tables=True)], grids


def _too_large() -> ReadError:
    return ReadError(f"中有一段内容解压后超过 {MAX_STREAM // 1024 // 1024} MB，不像一份年度报告（可能是压缩炸弹），已停止读取")


def _inflate(data: bytes) -> bytes:
    """``zlib.decompress`` that stops at ``MAX_STREAM`` bytes; a truncated stream is a ``zlib.error``."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_STREAM + 1)
    if len(out) > MAX_STREAM:
        raise _too_large()
    if not inflater.eof:
        raise zlib.error("incomplete or truncated stream")
    return out


def _salvage(data: bytes) -> bytes:
    """What a damaged stream inflates to before its damage, in linear time (pdfminer's takes quadratic),
    bounded by ``MAX_STREAM``. As pdfminer's: damage before the checksum is a ``zlib.error``."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    for start in range(0, len(data), _CHUNK):
        chunk = data[start:start + _CHUNK]
        saved = inflater.copy()
        try:
            parts.append(inflater.decompress(chunk, MAX_STREAM + 1 - size))
        except zlib.error:
            inflater = saved
            for offset in range(len(chunk)):
                try:
                    parts.append(inflater.decompress(chunk[offset:offset + 1]))
                except zlib.error:
                    if start + offset < len(data) - 3:
                        raise
                    break
            break
        size += len(parts[-1])
        if size > MAX_STREAM or inflater.unconsumed_tail:
            raise _too_large()
    return b"".join(parts)


class _BoundedZlib:
    """What pdfminer's stream decoder asks of ``zlib``, bounded."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)
    decompress = staticmethod(_inflate)


def _bound_inflation() -> None:
    """In the child process only: pdfminer's inflation replaced by the bounded one."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib
    pdftypes.decompress_corrupted = _salvage


def _found(exc: BaseException, kind: type) -> BaseException | None:
    """``exc`` or the failure pdfplumber wrapped in it, when it is a ``kind``."""
    for cause in (exc, *exc.args, exc.__cause__, exc.__context__):
        if isinstance(cause, kind):
            return cause
    return None


def _encrypted(exc: BaseException) -> bool:
    """Whether pdfminer's failure (as pdfplumber wraps it) is a password or an encryption it cannot undo."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return _found(exc, (PDFPasswordIncorrect, PDFEncryptionError)) is not None


def extract(path: str, where: str) -> tuple[list[Line], list[Table]]:
    """In the child: the lines and tables of every page of ``path`` (named ``where`` in messages)."""
    import pdfplumber

    _bound_inflation()
    lines: list[Line] = []
    tables: list[Table] = []
    with parsing(f"{where}不是有效的 PDF 文件，或已损坏"):
        try:
            with pdfplumber.open(path) as pdf:
                if len(pdf.pages) > MAX_PAGES:
                    raise ReadError(f"{where}有 {len(pdf.pages)} 页，不像一份年度报告（最多读取 {MAX_PAGES} 页）")
                for page in pdf.pages:
                    page_lines, grids = _page_content(page)
                    lines += page_lines
                    tables += grids
        except Exception as exc:  # noqa: BLE001  what pdfplumber wrapped is said as what it is
            if _encrypted(exc):
                raise ReadError(f"{where}设有打开密码或加密，无法读取；请先取消密码再打开") from None
            refusal = _found(exc, ReadError)
            if refusal is not None and refusal is not exc:
                raise ReadError(f"{where}{refusal}") from None
            if _found(exc, MemoryError) is not None:
                raise MemoryError from None
            raise
    return lines, tables
