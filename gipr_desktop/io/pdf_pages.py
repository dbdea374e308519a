"""The text lines and ruled tables of a PDF's pages, extracted with pdfplumber in a child process.

pdfminer, under pdfplumber, trusts the file: it inflates a content stream whole (a few kilobytes
can unpack to gigabytes), and a damaged file can send its layout analysis into minutes of work.
``extract`` therefore runs in ``isolated``'s child process, bounded in memory and time, and hands
back plain data: for each line its text, left and right edge and font size; each table's cells.
"""

from __future__ import annotations

import re

from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.guarded import parsing

MAX_PAGES = 200  # a report has some 4–20 pages
_PAGE_NUMBER = re.compile(r"^\s*[-—–－]?\s*\d{1,3}\s*[-—–－]?\s*$")

Line = dict  # {"text": str, "x0": float, "x1": float, "size": float}


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


def _page_content(page) -> tuple[list[Line], list[list[list[str]]]]:
    """A page's text lines outside its tables, and its tables of more than one column."""
    tables = [table for table in page.find_tables() if max((len(row) for row in table.extract()), default=0) > 1]
    grids = [[[str(cell or "") for cell in row] for row in table.extract()] for table in tables]
    lines = page.filter(_outside([table.bbox for table in tables])).extract_text_lines()
    return [_line(line) for line in lines if not _PAGE_NUMBER.match(line["text"])], grids


def _encrypted(exc: BaseException) -> bool:
    """Whether pdfminer's failure (as pdfplumber wraps it) is a password or an encryption it cannot undo."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    causes = [exc, *exc.args, exc.__cause__, exc.__context__]
    return any(isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) for cause in causes)


def extract(path: str, where: str) -> tuple[list[Line], list[list[list[str]]]]:
    """In the child: the lines and tables of every page of ``path`` (named ``where`` in messages)."""
    import pdfplumber

    lines: list[Line] = []
    tables: list[list[list[str]]] = []
    with parsing(f"{where}不是有效的 PDF 文件，或已损坏"):
        try:
            pdf = pdfplumber.open(path)
        except Exception as exc:  # noqa: BLE001  a password is said as such; any other failure by ``parsing``
            if _encrypted(exc):
                raise ReadError(f"{where}设有打开密码或加密，无法读取；请先取消密码再打开") from None
            raise
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ReadError(f"{where}有 {len(pdf.pages)} 页，不像一份年度报告（最多读取 {MAX_PAGES} 页）")
            for page in pdf.pages:
                page_lines, grids = _page_content(page)
                lines += page_lines
                tables += grids
    return lines, tables
