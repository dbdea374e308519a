"""The text lines and ruled tables of a PDF's pages, read with PDFium in a child process.

PDFium (the PDF engine of Chrome, through pypdfium2) reads a page's characters and ruled lines in
native code, some five times faster than pdfminer's Python; pdfplumber's table finder then finds
the ruled tables from those lines, and its text lines are made from the characters outside them,
as they always were. Each character is placed as pdfminer places it, so that pdfplumber works on
it unchanged: a box as high as the font size standing on the baseline, as wide as the glyph's
advance. A damaged or hostile file can still make PDFium allocate or work without end: ``extract``
runs in ``isolated``'s child process, bounded in memory and time. It hands back plain data: for
each line its text, left and right edge and font size; each table's cells, row by row (a cell a
merge covers is empty), and its merged cells (from the boxes of the cells pdfplumber found), for
``pdf_reader`` to make ``grid_tables.Grid``s of.
"""

from __future__ import annotations

import ctypes
import re
import zlib
from bisect import bisect_left

from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.guarded import parsing
from gipr_desktop.io.text_import.sections import is_page_number

MAX_PAGES = 200  # a report has some 4–20 pages
MAX_STREAM = 64 * 1024 * 1024  # bytes one stream may inflate to; a page's text is some 100 KB, a full CJK font 20 MB
_CHUNK = 1024 * 1024
WIDE_BOX = 1.5  # of the font size: a character box wider than this is a vertical font's whole run

Line = dict  # {"text": str, "x0": float, "x1": float, "size": float}
Table = dict  # {"rows": [[str]], "merges": [(first row, first col, last row, last col)]}, 1-based


def _chars(page, height: float) -> list[dict]:
    """The page's characters as pdfplumber's dicts: text, edges left and right, top and bottom
    (from the page's top), size."""
    import pypdfium2.raw as pdfium

    textpage = page.get_textpage()
    box, matrix = pdfium.FS_RECTF(), pdfium.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars: list[dict] = []
    count = pdfium.FPDFText_CountChars(textpage)
    for i in range(count):
        code = pdfium.FPDFText_GetUnicode(textpage, i)
        if 0xDC00 <= code < 0xE000 or code in (0, 10, 13) or code >= 0xFFFE \
                or pdfium.FPDFText_IsGenerated(textpage, i) == 1:
            # PDFium's own spaces and line ends (pdfplumber finds words by the gaps between
            # characters), and the second half of a character beyond the first 65 536
            continue
        if 0xD800 <= code < 0xDC00:  # the first half of such a character (a rare ideograph)
            low = pdfium.FPDFText_GetUnicode(textpage, i + 1) if i + 1 < count else 0
            if not 0xDC00 <= low < 0xE000:
                continue
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        pdfium.FPDFText_GetLooseCharBox(textpage, i, box)
        pdfium.FPDFText_GetMatrix(textpage, i, matrix)
        pdfium.FPDFText_GetCharOrigin(textpage, i, x, y)
        size = pdfium.FPDFText_GetFontSize(textpage, i) * (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
        bottom = height - y.value
        right = box.right if box.right - box.left <= WIDE_BOX * size else box.left + size
        chars.append({"text": chr(code), "x0": box.left, "x1": right, "top": bottom - size, "bottom": bottom,
                      "doctop": bottom - size, "width": right - box.left, "height": size, "size": size,
                      "upright": matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0})
    textpage.close()
    return chars


def _edges(page, height: float) -> list[dict]:
    """The page's ruled lines as pdfplumber's edges: every straight, level or upright piece of a
    path the page paints (a cell's border drawn as a thin box gives two), in forms too."""
    import pypdfium2.raw as pdfium

    edges: list[dict] = []
    x, y = ctypes.c_float(), ctypes.c_float()

    def walk(count: int, get, parent: tuple) -> None:
        for index in range(count):
            obj = get(index)
            kind = pdfium.FPDFPageObj_GetType(obj)
            if kind == pdfium.FPDF_PAGEOBJ_FORM:
                walk(pdfium.FPDFFormObj_CountObjects(obj), lambda j, form=obj: pdfium.FPDFFormObj_GetObject(form, j),
                     _then(_matrix(obj), parent))
            elif kind == pdfium.FPDF_PAGEOBJ_PATH:  # painted: a path that only clips is no page object
                path(obj, _then(_matrix(obj), parent))

    def path(obj, matrix: tuple) -> None:
        a, b, c, d, e, f = matrix
        start = last = None
        for index in range(pdfium.FPDFPath_CountSegments(obj)):
            segment = pdfium.FPDFPath_GetPathSegment(obj, index)
            pdfium.FPDFPathSegment_GetPoint(segment, x, y)
            point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
            kind = pdfium.FPDFPathSegment_GetType(segment)
            if kind == pdfium.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium.FPDF_SEGMENT_LINETO and last is not None:
                _add_edge(edges, last, point)
            last = point
            if pdfium.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_edge(edges, point, start)
                last = start

    walk(pdfium.FPDFPage_CountObjects(page), lambda j: pdfium.FPDFPage_GetObject(page, j), (1, 0, 0, 1, 0, 0))
    return edges


def _matrix(obj) -> tuple:
    import pypdfium2.raw as pdfium

    matrix = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, matrix):
        return (1, 0, 0, 1, 0, 0)
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _then(first: tuple, second: tuple) -> tuple:
    """The matrix that applies ``first``, then ``second``."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = second
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


_LEVEL = 1e-3  # points: a piece of a path this far from level or upright is a ruled line


def _add_edge(edges: list[dict], one: tuple, other: tuple) -> None:
    x0, x1 = sorted((one[0], other[0]))
    top, bottom = sorted((one[1], other[1]))
    width, height = x1 - x0, bottom - top
    orientation = "h" if height < _LEVEL else "v" if width < _LEVEL else None
    if orientation:
        edges.append({"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                      "width": width, "height": height, "orientation": orientation})


class _Page:
    """What pdfplumber's table finder asks of a page: its ruled lines and its box."""

    def __init__(self, edges: list[dict], bbox: tuple) -> None:
        self.edges = edges
        self.bbox = bbox


def _inside(boxes):
    def inside(char: dict) -> bool:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    return inside


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
    from pdfplumber.table import TableFinder, TableSettings
    from pdfplumber.utils.text import chars_to_textmap

    width, height = page.get_width(), page.get_height()
    chars = _chars(page, height)
    finder = TableFinder(_Page(_edges(page, height), (0, 0, width, height)), TableSettings.resolve(None))
    tables = [table for table in finder.tables if table.rows and len(table.rows[0].cells) > 1]
    grids, boxes = [], []
    for table in tables:
        texts = _cell_texts(table, chars)
        framed = _framed_text(table, texts)
        part = _Part(table.rows[framed:]) if framed else table
        grids.append({"rows": texts[framed:], "merges": _merges(part)})
        boxes.append(part.bbox)
    inside = _inside(boxes)
    outside = [char for char in chars if not inside(char)]
    lines = chars_to_textmap(outside, layout_bbox=(0, 0, width, height)).extract_text_lines(strip=True, return_chars=True)
    return [_line(line) for line in lines if not is_page_number(line["text"], outside_tables=True)], grids


_STREAM = re.compile(rb"stream\r?\n")


def _refuse_bombs(data: bytes, where: str) -> None:
    """Refuse a file one of whose compressed streams inflates past ``MAX_STREAM`` bytes (a
    compression bomb): PDFium would inflate it whole and be stopped by the child's memory limit,
    with nothing to say why. A stream not compressed with zlib, or encrypted, is left to PDFium
    (bounded by that limit all the same). Each stream is inflated once, without copying the file."""
    view = memoryview(data)
    for match in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        size, at = 0, match.end()
        try:
            while at < len(data) and not inflater.eof:
                size += len(inflater.decompress(view[at:at + _CHUNK], MAX_STREAM + 1 - size))
                if size > MAX_STREAM:
                    raise ReadError(f"{where}中有一段内容解压后超过 {MAX_STREAM // 1024 // 1024} MB，"
                                    "不像一份年度报告（可能是压缩炸弹），已停止读取")
                at += _CHUNK
        except zlib.error:
            continue


_PASSWORD = 4  # PDFium's error for a password it was not given (FPDF_ERR_PASSWORD)
_SECURITY = 5  # for an encryption it cannot undo (FPDF_ERR_SECURITY)


def extract(path: str, where: str) -> tuple[list[Line], list[Table]]:
    """In the child: the lines and tables of every page of ``path`` (named ``where`` in messages)."""
    import pypdfium2 as pdfium

    lines: list[Line] = []
    tables: list[Table] = []
    with parsing(f"{where}不是有效的 PDF 文件，或已损坏"):
        with open(path, "rb") as file:
            data = file.read()
        _refuse_bombs(data, where)
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code in (_PASSWORD, _SECURITY):
                raise ReadError(f"{where}设有打开密码或加密，无法读取；请先取消密码再打开") from None
            raise
        try:
            if len(document) > MAX_PAGES:
                raise ReadError(f"{where}有 {len(document)} 页，不像一份年度报告（最多读取 {MAX_PAGES} 页）")
            for index in range(len(document)):
                page = document[index]
                page_lines, grids = _page_content(page)
                page.close()
                lines += page_lines
                tables += grids
        finally:
            document.close()
    return lines, tables
