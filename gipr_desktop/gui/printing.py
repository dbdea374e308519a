"""The report on paper: 打印, 打印预览 and 导出 PDF, all three the same pages, laid out like the Word export.

The pages are those of ``io.docx_writer`` (GB/T 9704): A4 with its margins, the title in 二号 宋体, the
headings in 黑体, the body in 三号 仿宋 on a fixed line pitch, numbered sub-headings in 楷体, the
tables in the official shape of ``core.layout`` (through ``io.printed``) with their merged headers, and
page numbers 「— 1 —」. The sizes, margins and column shares are the Word writer's, asked, not repeated.

How: the blocks of ``io.printed.report_blocks`` become a ``QTextDocument`` built cell by cell with
``QTextCursor`` (a ``QTextTable`` per table, merged as in ``core.layout``, its header lines made
``headerRowCount`` so that Qt repeats them at the top of every page the table runs onto — Qt does this
for a paginated document, checked in tests/gui/test_printing.py). The document is laid out once on a
device of its own (an image: Qt's unit of lengths, whatever the printer's resolution) with design
metrics, so a printer, the preview and the PDF writer get the same line and page breaks; each page is
then drawn scaled to the device, with its page number. What Qt gets wrong at the foot of a page is
settled first (``Pages._settle_page_ends``), and the PDF's text is corrected (Qt names some CJK glyphs
by look-alike radicals: ``gui.pdf_names``, ``io.pdf_unicode``). Fonts: the GB2312 / 方正 faces the Word export names, then the
Windows faces, then any CJK face installed (Noto CJK on Linux); a missing font falls back, never fails.

``gipr convert REPORT.gipr OUT.pdf`` without a screen: ``io`` cannot depend on ``gui``, so the registry
lists no PDF writer of its own; ``register()`` adds this module's ``write_pdf`` to it, called by the
window at start and by the command line when it writes a .pdf (only then does it import Qt). Without
an application object, ``write_pdf`` creates a ``QGuiApplication``, on Linux with the offscreen platform
(X11 or Wayland may be absent; Windows and macOS draw without a screen session anyway).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gipr_desktop.core.layout import CAPTION, LABEL
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import Table
from gipr_desktop.io import docx_writer as word
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.pdf_unicode import corrected_text
from gipr_desktop.io.printed import (
    DATELINE, TITLE, Block, Heading, Paragraph, PrintedTable, printed_table, report_blocks, subheading_split,
)
from gipr_desktop.io.registry import register_writer
from gipr_desktop.gui.pdf_names import misnamed
from gipr_desktop.gui.qt import QtCore, QtGui, QtPrintSupport, Qt

PDF_DPI = 1200  # the PDF's coordinates: fine enough for any printer
PAPER_MM = (210, 297)  # A4, portrait, as the Word export
FOOTER_FROM_BOTTOM_MM = 28 - 7  # the page number's middle: Word's footer (28 mm from the foot) less half its line
PAGE_NUMBER = "— {} —"
TABLE_BORDER_PT = 0.75  # one unit of Qt's text layout (1/96 inch): Qt draws no thinner border
CELL_PADDING_PT = 1.5

# the face asked for, then the Windows face Word shows instead, then any Chinese face installed:
# serif (明朝/宋) faces for the body, sans (黑) faces for the headings
_CJK_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")
_CJK_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")
_LATIN_NAMES = {"宋体": "SimSun", "仿宋": "FangSong", "楷体": "KaiTi", "SimHei": "黑体"}
FOOTER_FONT = "宋体"

JUSTIFIED = QtGui.QTextFormat.Property.UserProperty + 1  # a block set justified on paper, flush left on screen
KEEP_WITH_NEXT = QtGui.QTextFormat.Property.UserProperty + 2  # a heading: never the last line of a page
BREAK_BEFORE = QtGui.QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_application: QtGui.QGuiApplication | None = None


def families(name: str) -> list[str]:
    """The font families to try for a face the Word export names, best first."""
    fallback = word.FALLBACK_FONTS.get(name, name)
    tries = [name, fallback, _LATIN_NAMES.get(fallback, fallback)]
    cjk = _CJK_SANS + _CJK_SERIF if name == word.HEADING_FONT else _CJK_SERIF + _CJK_SANS
    return list(dict.fromkeys(tries + list(cjk)))


def _char_format(face: str, size_pt: float, bold: bool = False) -> QtGui.QTextCharFormat:
    fmt = QtGui.QTextCharFormat()
    fmt.setFontFamilies(families(face))
    fmt.setFontPointSize(size_pt)
    fmt.setFontWeight(QtGui.QFont.Weight.Bold if bold else QtGui.QFont.Weight.Normal)
    fmt.setForeground(QtGui.QColor("black"))
    return fmt


def _layout_device() -> QtGui.QImage:
    """What pages are laid out on: an image at Qt's own unit of lengths in text documents (frame
    margins, indents, borders are counted in it and scaled to the layout's device), whatever
    device draws them later."""
    return QtGui.QImage(1, 1, QtGui.QImage.Format.Format_ARGB32)


def _block_format(point: float, align: Qt.AlignmentFlag, indent_pt: float = 0, line_pt: float | None = None,
                  after_pt: float = 0) -> QtGui.QTextBlockFormat:
    fmt = QtGui.QTextBlockFormat()
    fmt.setAlignment(align)
    fmt.setTextIndent(indent_pt * point)
    fmt.setTopMargin(0)
    fmt.setBottomMargin(after_pt * point)
    if line_pt is not None:
        fmt.setLineHeight(line_pt * point, QtGui.QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    return fmt


class _Builder:
    """Appends the printed blocks to a ``QTextDocument`` in the Word export's styles."""

    def __init__(self, document: QtGui.QTextDocument, point: float) -> None:
        self.point = point  # layout units per typographic point
        self.tables: list[QtGui.QTextTable] = []
        self.cursor = QtGui.QTextCursor(document)
        self.first = True
        body, pitch = word.BODY_SIZE.pt, word.LINE_PITCH.pt
        self.body = _char_format(word.BODY_FONT, body)
        self.subheading = _char_format(word.SUBHEADING_FONT, body)
        self.heading = _char_format(word.HEADING_FONT, body)
        self.title = _char_format(word.TITLE_FONT, word.TITLE_SIZE.pt)
        self.body_block = _block_format(point, Qt.AlignmentFlag.AlignJustify, 2 * body, pitch)
        self.body_block.setProperty(JUSTIFIED, True)
        self.heading_block = _block_format(point, Qt.AlignmentFlag.AlignJustify, 2 * body, pitch)
        self.heading_block.setProperty(JUSTIFIED, True)
        self.heading_block.setProperty(KEEP_WITH_NEXT, True)
        self.title_block = _block_format(point, Qt.AlignmentFlag.AlignHCenter, 0, 36, pitch)
        self.dateline_block = _block_format(point, Qt.AlignmentFlag.AlignHCenter, 0, pitch, pitch)

    def _new_block(self, fmt: QtGui.QTextBlockFormat, char: QtGui.QTextCharFormat) -> None:
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self.first = False
        else:
            self.cursor.insertBlock(fmt, char)

    def add(self, block: Block) -> None:
        if isinstance(block, PrintedTable):
            self._table(block)
        elif isinstance(block, Heading):
            self._new_block(self.heading_block, self.heading)
            self.cursor.insertText(block.text, self.heading)
        elif block.role == TITLE:
            self._new_block(self.title_block, self.title)
            self.cursor.insertText(block.text, self.title)
        elif block.role == DATELINE:
            self._new_block(self.dateline_block, self.body)
            self.cursor.insertText(block.text, self.body)
        else:
            self._new_block(self.body_block, self.body)
            head, rest = subheading_split(block.text)
            if head:
                self.cursor.insertText(head, self.subheading)
            if rest:
                self.cursor.insertText(rest, self.body)

    def _table(self, block: PrintedTable) -> None:
        layout = block.layout
        size = (word.WIDE_TABLE_SIZE if layout.cols > word.WIDE_TABLE_COLUMNS else word.TABLE_SIZE).pt
        fmt = QtGui.QTextTableFormat()
        fmt.setHeaderRowCount(layout.header_rows)
        fmt.setBorder(TABLE_BORDER_PT * self.point)
        fmt.setBorderBrush(QtGui.QBrush(QtGui.QColor("black")))
        fmt.setBorderStyle(QtGui.QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(CELL_PADDING_PT * self.point)
        fmt.setTopMargin(0)
        fmt.setBottomMargin(0)
        fmt.setWidth(QtGui.QTextLength(QtGui.QTextLength.Type.PercentageLength, 100))
        widths = word.column_widths(block)
        fmt.setColumnWidthConstraints([
            QtGui.QTextLength(QtGui.QTextLength.Type.PercentageLength, 100 * width / sum(widths)) for width in widths
        ])
        table = self.cursor.insertTable(layout.rows, layout.cols, fmt)
        self.tables.append(table)
        plain, bold = _char_format(word.BODY_FONT, size), _char_format(word.BODY_FONT, size, bold=True)
        centred = _block_format(self.point, Qt.AlignmentFlag.AlignHCenter)
        left = _block_format(self.point, Qt.AlignmentFlag.AlignLeft)
        for box, text in block.texts.items():
            if box.rowspan > 1 or box.colspan > 1:
                table.mergeCells(box.row, box.col, box.rowspan, box.colspan)
            cell = table.cellAt(box.row, box.col)
            cell_format = cell.format()
            cell_format.setVerticalAlignment(QtGui.QTextCharFormat.VerticalAlignment.AlignMiddle)
            cell.setFormat(cell_format)
            cursor = cell.firstCursorPosition()
            cursor.setBlockFormat(left if box.kind == LABEL and box.rowspan == 1 else centred)
            cursor.insertText(text, bold if box.kind == CAPTION else plain)
        self.cursor.movePosition(QtGui.QTextCursor.MoveOperation.End)
        self._new_block(self.body_block, self.body)  # the empty line after a table, as in Word


class Pages:
    """A printout laid out on A4: how many pages, and drawing them on a printer or a PDF writer."""

    def __init__(self, blocks: list[Block]) -> None:
        _ensure_application()
        self.document = QtGui.QTextDocument()
        self.document.setUseDesignMetrics(True)
        self._layout_device = _layout_device()
        self.dpi = self._layout_device.logicalDpiY()
        builder = _Builder(self.document, self.dpi / 72)
        builder.cursor.beginEditBlock()  # laid out once, at the end, not after every cell
        for block in blocks:
            builder.add(block)
        builder.cursor.endEditBlock()
        self._tables = builder.tables
        self._rule = TABLE_BORDER_PT * builder.point
        self.document.documentLayout().setPaintDevice(self._layout_device)
        mm = self.dpi / 25.4
        self.paper = QtCore.QSizeF(PAPER_MM[0] * mm, PAPER_MM[1] * mm)
        root = self.document.rootFrame().frameFormat()
        root.setLeftMargin(word.MARGINS["left_margin"].mm * mm)
        root.setRightMargin(word.MARGINS["right_margin"].mm * mm)
        root.setTopMargin(word.MARGINS["top_margin"].mm * mm)
        root.setBottomMargin(word.MARGINS["bottom_margin"].mm * mm)
        self.document.rootFrame().setFrameFormat(root)
        self.document.setPageSize(self.paper)
        self._settle_page_ends()
        self._footer_y = (PAPER_MM[1] - FOOTER_FROM_BOTTOM_MM) * mm
        self.footer_font = QtGui.QFont()
        self.footer_font.setFamilies(families(FOOTER_FONT))
        self.footer_font.setPointSizeF(word.PAGE_NUMBER_SIZE.pt)

    def _settle_page_ends(self) -> None:
        """What Word does at the foot of a page and Qt does not: a heading goes over with what follows
        it; a paragraph running on to the next page becomes two there, the second without indent (the
        same lines: Qt draws a page's paragraph with the one line of it on the page before — above the
        page, unseen, yet in the PDF's text, where it was read twice); a label spanning rows on two
        pages stands at the top of its rows, not in the margin between them; a table's rows go over whole
        (``_keep_rows_whole``). All in the order they are printed: each settles what follows it."""
        layout = self.document.documentLayout()
        tables = list(self._tables)  # in the order printed; their positions move as blocks are split
        block = self.document.begin()
        while block.isValid():
            if tables and block.position() >= tables[0].firstPosition():
                self._keep_rows_whole(tables.pop(0))
            fmt, lines, top = block.blockFormat(), block.layout(), layout.blockBoundingRect(block).top()
            following = block.next()
            if fmt.boolProperty(KEEP_WITH_NEXT) and following.isValid() and fmt.pageBreakPolicy() != BREAK_BEFORE \
                    and self._page_of(layout.blockBoundingRect(following).top()) > self._page_of(top):
                fmt.setPageBreakPolicy(BREAK_BEFORE)
                QtGui.QTextCursor(block).setBlockFormat(fmt)
                self.document.setPageSize(self.paper)  # lays the rest out again, now, not piece by piece
                continue
            first_page = self._page_of(top + lines.lineAt(0).y()) if lines.lineCount() else 0
            turn = next((lines.lineAt(i) for i in range(1, lines.lineCount())
                         if self._page_of(top + lines.lineAt(i).y()) > first_page), None)
            if turn is not None:
                cursor = QtGui.QTextCursor(block)
                cursor.setPosition(block.position() + turn.textStart())
                fmt.setTextIndent(0)
                cursor.insertBlock(fmt, cursor.charFormat())
                self.document.setPageSize(self.paper)
            block = block.next()
        for table in self._tables:
            for cell in self._cells_across_pages(table):
                cell_format = cell.format()
                cell_format.setVerticalAlignment(QtGui.QTextCharFormat.VerticalAlignment.AlignTop)
                cell.setFormat(cell_format)
        self.document.setPageSize(self.paper)

    def _keep_rows_whole(self, table: QtGui.QTextTable) -> None:
        """What Word does with 「允许跨页断行」 off, and Qt does not: a row that would stand across a page
        break (its label on two lines, the page ending between them) goes over whole, under the repeated
        header. Qt moves a row to the next page when it would start below the foot of the text area, so
        the row before it is made to reach that foot by the bottom padding of its value cell, whose line
        stands at its top (Qt's own look when it moves a row: the row above runs down to the foot,
        where ``_breaks`` rules it off)."""
        foot = self.paper.height() - self.document.rootFrame().frameFormat().bottomMargin()
        last = table.columns() - 1  # a value column: one cell a row
        for row in range(table.format().headerRowCount() + 1, table.rows()):
            pages = self._row_pages(table, row)
            if pages is None:
                continue
            for col in range(last + 1):  # the row's lines stay where they stood, at the top of the longer row
                cell = table.cellAt(row - 1, col)
                if cell.row() == row - 1 and cell.rowSpan() == 1:
                    fmt = cell.format().toTableCellFormat()
                    fmt.setVerticalAlignment(QtGui.QTextCharFormat.VerticalAlignment.AlignTop)
                    cell.setFormat(fmt)
            self.document.setPageSize(self.paper)
            self._pad_to_foot(table, row, pages[0] * self.paper.height() + foot)

    def _pad_to_foot(self, table: QtGui.QTextTable, row: int, foot: float) -> None:
        """Qt's foot for a row and for the lines in a cell differ by borders and padding: the padding
        that moves ``row`` on and keeps the value above it on its page is searched for."""
        layout = self.document.documentLayout()
        value = table.cellAt(row - 1, table.columns() - 1)
        line = value.lastCursorPosition().block()
        page = self._page_of(layout.blockBoundingRect(line).top())
        low, high = 0.0, foot - layout.blockBoundingRect(line).bottom()
        for _ in range(16):
            padding = (low + high) / 2
            fmt = value.format().toTableCellFormat()
            fmt.setBottomPadding(padding)
            value.setFormat(fmt)
            self.document.setPageSize(self.paper)
            if self._page_of(layout.blockBoundingRect(line).top()) > page:
                high = padding  # the value went over
            elif self._row_pages(table, row) is not None:
                low = padding  # the row still stands across the break
            else:
                return

    def _row_pages(self, table: QtGui.QTextTable, row: int) -> tuple[int, int] | None:
        """The first and last page of the cells that begin in ``row`` when they are not the same."""
        layout = self.document.documentLayout()
        own = [cell for col in range(table.columns())
               if (cell := table.cellAt(row, col)).row() == row and cell.column() == col and cell.rowSpan() == 1]
        first = min(self._page_of(layout.blockBoundingRect(cell.firstCursorPosition().block()).top()) for cell in own)
        last = max(self._page_of(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() - 1)
                   for cell in own)
        return (first, last) if first != last else None

    def _cells_across_pages(self, table: QtGui.QTextTable) -> list[QtGui.QTextTableCell]:
        layout = self.document.documentLayout()
        last = table.columns() - 1  # a value column: one cell a row

        def page(row: int) -> int:
            return self._page_of(layout.blockBoundingRect(table.cellAt(row, last).firstCursorPosition().block()).top())

        cells = {}
        for row in range(table.rows()):
            for col in range(last):
                cell = table.cellAt(row, col)
                if cell.rowSpan() > 1 and page(cell.row()) != page(cell.row() + cell.rowSpan() - 1):
                    cells[(cell.row(), cell.column())] = cell
        return list(cells.values())

    def count(self) -> int:
        return self.document.pageCount()

    def _page_of(self, y: float) -> int:
        return int(y // self.paper.height())

    def _breaks(self) -> dict[int, list[QtCore.QLineF]]:
        """Per page, the bottom rule of each table that runs on to the next page: Qt leaves it out
        (its columns' rules run down to the foot of the text area, where the rule belongs)."""
        layout = self.document.documentLayout()
        foot = self.paper.height() - self.document.rootFrame().frameFormat().bottomMargin() - self._rule / 2
        lines: dict[int, list[QtCore.QLineF]] = {}
        for table in self._tables:
            frame = layout.frameBoundingRect(table)
            left, right = self._edges(table)
            for page in range(self._page_of(frame.top()), self._page_of(frame.bottom())):
                y = page * self.paper.height() + foot
                lines.setdefault(page, []).append(QtCore.QLineF(left, y, right, y))
        return lines

    def _edges(self, table: QtGui.QTextTable) -> tuple[float, float]:
        """Where the table's outer rules stand: its frame is wider than its columns."""
        layout = self.document.documentLayout()
        outside = CELL_PADDING_PT * self._rule / TABLE_BORDER_PT + self._rule / 2
        rects = [layout.blockBoundingRect(table.cellAt(row, col).firstCursorPosition().block())
                 for row in range(table.rows()) for col in (0, table.columns() - 1)]
        return min(r.left() for r in rects) - outside, max(r.right() for r in rects) + outside

    def draw(self, device: QtGui.QPagedPaintDevice, numbers: range | None = None) -> None:
        """Draw the pages (every one, or those of ``numbers``, counted from 1) on ``device`` (a
        ``QPrinter`` or ``QPdfWriter`` set up by ``prepare``)."""
        painter = QtGui.QPainter()
        if not painter.begin(device):
            raise OSError("无法开始打印：打印机或文件不可用")
        try:
            # Qt's print preview replays a justified line with the screen's metrics and pushes its last
            # character onto the next line: on screen the lines stand flush left (the breaks stay)
            self._justify(device.paintEngine().type() != QtGui.QPaintEngine.Type.Picture)
            scale = device.logicalDpiX() / self.dpi
            context = QtGui.QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QtGui.QPalette.ColorRole.Text, QtGui.QColor("black"))
            breaks = self._breaks()
            for turn, page in enumerate(page for page in range(self.count()) if numbers is None or page + 1 in numbers):
                if turn:
                    device.newPage()
                painter.save()
                painter.scale(scale, scale)
                self._draw_page(painter, context, page, breaks.get(page, []))
                painter.restore()
        finally:
            painter.end()

    def _justify(self, justified: bool) -> None:
        align = Qt.AlignmentFlag.AlignJustify if justified else Qt.AlignmentFlag.AlignLeft
        cursor = QtGui.QTextCursor(self.document)
        cursor.beginEditBlock()
        block = self.document.begin()
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.boolProperty(JUSTIFIED) and fmt.alignment() != align:
                fmt.setAlignment(align)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()

    def print_on(self, printer: QtPrintSupport.QPrinter) -> None:
        """Draw the pages the print dialog chose on ``printer``; when it prints to a PDF file, correct
        that file's text."""
        chosen = printer.printRange() == QtPrintSupport.QPrinter.PrintRange.PageRange and printer.fromPage() > 0
        self.draw(printer, range(printer.fromPage(), printer.toPage() + 1) if chosen else None)
        if printer.outputFormat() == QtPrintSupport.QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            path = Path(printer.outputFileName())
            path.write_bytes(corrected_text(path.read_bytes(), misnamed(self.document, [self.footer_font])))

    def _draw_page(self, painter: QtGui.QPainter, context, page: int, breaks: list[QtCore.QLineF]) -> None:
        top = page * self.paper.height()
        painter.save()
        painter.translate(0, -top)
        context.clip = QtCore.QRectF(0, top, self.paper.width(), self.paper.height())
        painter.setClipRect(context.clip)
        self.document.documentLayout().draw(painter, context)
        painter.setPen(QtGui.QPen(QtGui.QColor("black"), self._rule))
        painter.drawLines(breaks)
        painter.restore()
        font = QtGui.QFont(self.footer_font)
        font.setPointSizeF(self.footer_font.pointSizeF() * self.dpi / painter.device().logicalDpiY())
        painter.setFont(font)
        painter.setPen(QtGui.QColor("black"))
        line = QtCore.QRectF(0, self._footer_y - self.dpi / 6, self.paper.width(), self.dpi / 3)
        painter.drawText(line, Qt.AlignmentFlag.AlignCenter, PAGE_NUMBER.format(page + 1))


def report_pages(report: Report) -> Pages:
    """The whole report as printed."""
    return Pages(report_blocks(report))


def table_pages(report: Report, table: Table) -> Pages:
    """One table on its own, under the report's title and its section's heading."""
    return Pages([Paragraph(report.title, TITLE), Heading(report.schema.section(table.section).title),
                  printed_table(report, table)])


def prepare(device: QtGui.QPagedPaintDevice) -> None:
    """A4 portrait without the device's own margins: the pages carry the Word export's."""
    layout = QtGui.QPageLayout(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4), QtGui.QPageLayout.Orientation.Portrait,
                               QtCore.QMarginsF(0, 0, 0, 0))
    if isinstance(device, QtPrintSupport.QPrinter):
        device.setFullPage(True)
    device.setPageLayout(layout)


def new_printer() -> QtPrintSupport.QPrinter:
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    prepare(printer)
    return printer


def pdf_bytes(pages: Pages, title: str) -> bytes:
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("gipr-desktop")
    prepare(writer)
    pages.draw(writer)
    del writer  # finishes the file
    buffer.close()
    return corrected_text(bytes(buffer.data()), misnamed(pages.document, [pages.footer_font]))


def _ensure_application() -> None:
    """Qt draws text only with an application object; the command line has none, and maybe no screen."""
    global _application
    if QtGui.QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith(("linux", "freebsd", "openbsd")) and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _application = QtGui.QGuiApplication(["gipr"])


def write_pdf(report: Report, path: str | Path) -> None:
    """Save the printout of ``report`` as a PDF at ``path``, atomically (a registry writer)."""
    write_atomic(path, pdf_bytes(report_pages(report), report.title))


def register() -> None:
    """Make ``.pdf`` writable through ``io.registry``: the printout."""
    register_writer(".pdf", f"{__name__}:{write_pdf.__name__}")
