"""The report as a publishable Word document (``.docx``) in the style of official documents.

GB/T 9704 sets the look: A4 with its margins, the title centred in 二号小标宋, level-1 headings
in 三号黑体, numbered sub-headings in 楷体, body text in 三号仿宋 on a fixed line pitch, page
numbers 「— 1 —」 at the foot. The three tables are real Word tables drawn from
``core.layout`` with the official merged headers, shaped like the national template. A computer
without the GB2312 fonts shows the standard Windows fonts instead (named as alternates).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from gipr_desktop.core.layout import CAPTION, LABEL
from gipr_desktop.core.report import Report
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.printed import DATELINE, TITLE, Heading, Paragraph, PrintedTable, report_blocks, subheading_split

# font: the Windows font shown where it is missing
TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"
FALLBACK_FONTS = {TITLE_FONT: "宋体", SUBHEADING_FONT: "楷体", BODY_FONT: "仿宋", HEADING_FONT: "SimHei"}
NUMBER_FONT = "Times New Roman"
BODY_SIZE, TITLE_SIZE, TABLE_SIZE, PAGE_NUMBER_SIZE = Pt(16), Pt(22), Pt(10.5), Pt(14)  # 三号, 二号, 五号, 四号
LINE_PITCH = Pt(28)  # 22 lines to the page, as GB/T 9704 asks
MARGINS = {"top_margin": Mm(37), "bottom_margin": Mm(35), "left_margin": Mm(28), "right_margin": Mm(26)}
TEXT_WIDTH = Mm(210 - 28 - 26)
TABLE_STYLE, SMALL_TABLE_STYLE = "表格文字", "表格文字（小五）"

# share of the text width the label columns of each layout take; value columns share the rest
LABEL_SHARES = {"groups": (0.28,), "grid": (0.08, 0.12, 0.3), "single_row": ()}
WIDE_TABLE_COLUMNS = 9  # a table with more columns than this (tables 三 and 四) is set in 小五
WIDE_TABLE_SIZE = Pt(9)
ROW_HEIGHT = Mm(6)


def _set_fonts(rpr_owner, name: str) -> None:
    """Name the font for Chinese and Latin text alike, dropping theme fonts that would override it."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    latin = NUMBER_FONT if name == BODY_FONT else name
    for key, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", name), ("w:cs", latin)):
        fonts.set(qn(key), value)


def _style(document, name: str, base: str | None, font: str, size, bold: bool = False):
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = None
    _set_fonts(style.element, font)
    return style


def _setup_styles(document) -> None:
    body = _style(document, "Normal", None, BODY_FONT, BODY_SIZE)
    fmt = body.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = BODY_SIZE * 2
    fmt.widow_control = True

    title = _style(document, "Title", "Normal", TITLE_FONT, TITLE_SIZE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = LINE_PITCH
    pr = title.element.get_or_add_pPr()
    for border in pr.findall(qn("w:pBdr")):
        pr.remove(border)

    heading = _style(document, "Heading 1", "Normal", HEADING_FONT, BODY_SIZE)
    heading.paragraph_format.space_before = heading.paragraph_format.space_after = Pt(0)
    heading.paragraph_format.keep_with_next = True

    cell = _style(document, TABLE_STYLE, "Normal", BODY_FONT, TABLE_SIZE)
    cell_fmt = cell.paragraph_format
    cell_fmt.first_line_indent = Pt(0)
    cell_fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    cell_fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _style(document, SMALL_TABLE_STYLE, TABLE_STYLE, BODY_FONT, WIDE_TABLE_SIZE)


def _add_fallback_fonts(document) -> None:
    """Tell Word which installed font stands in for each GB2312 / 方正 font that may be missing."""
    font_table = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    root = parse_xml(font_table.blob)
    for name, alternative in FALLBACK_FONTS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (("w:altName", alternative), ("w:charset", "86")):  # 86: GB2312
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        root.append(font)
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for name, value in MARGINS.items():
        setattr(section, name, value)
    section.footer_distance = Mm(28)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.first_line_indent = Pt(0)
    _page_number_run(footer, "— ")
    field = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            field._r.append(char)
        elif text == "PAGE":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = " PAGE "
            field._r.append(code)
        else:
            placeholder = OxmlElement("w:t")
            placeholder.text = text
            field._r.append(placeholder)
    field.font.size = PAGE_NUMBER_SIZE
    _page_number_run(footer, " —")


def _page_number_run(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size = PAGE_NUMBER_SIZE
    _set_fonts(run._r, "宋体")


def _add_paragraph(document, block: Paragraph) -> None:
    if block.role == TITLE:
        document.add_paragraph(block.text, style="Title")
        return
    paragraph = document.add_paragraph()
    if block.role == DATELINE:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.space_after = LINE_PITCH
        paragraph.add_run(block.text)
        return
    head, rest = subheading_split(block.text)
    if head:
        _set_fonts(paragraph.add_run(head)._r, SUBHEADING_FONT)
    if rest:
        paragraph.add_run(rest)


def column_widths(table: PrintedTable) -> list[int]:
    """Each column's width in the text width: the label columns' shares, the value columns sharing the rest
    (the printout in gui/printing.py takes the same shares)."""
    layout = table.layout
    shares = LABEL_SHARES[layout.table.layout][: layout.label_cols]
    rest = (1 - sum(shares)) / (layout.cols - len(shares))
    return [int(TEXT_WIDTH * share) for share in (*shares, *[rest] * (layout.cols - len(shares)))]


def _repeat_as_header(row) -> None:
    pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        pr.append(OxmlElement(tag))


def _add_table(document, block: PrintedTable) -> None:
    layout = block.layout
    table = document.add_table(rows=layout.rows, cols=layout.cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = column_widths(block)
    for column, width in zip(table.columns, widths):
        column.width = width
    style_id = document.styles[SMALL_TABLE_STYLE if layout.cols > WIDE_TABLE_COLUMNS else TABLE_STYLE].style_id
    layout_pr = OxmlElement("w:tblLayout")  # fixed: the grid's widths hold, Word does not refit
    layout_pr.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout_pr)
    cells = [row.cells for row in table.rows]
    for row in table.rows:
        row.height = ROW_HEIGHT
    for row in table.rows[: layout.header_rows]:
        _repeat_as_header(row)
    for box, text in block.texts.items():
        cell = cells[box.row][box.col]
        if box.rowspan > 1 or box.colspan > 1:
            cell = cell.merge(cells[box.row + box.rowspan - 1][box.col + box.colspan - 1])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph._p.get_or_add_pPr().style = style_id  # by id: naming the style costs a lookup per cell
        if box.kind == LABEL and box.rowspan == 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(text)
        if box.kind == CAPTION:
            run.bold = True
    document.add_paragraph()  # Word needs a paragraph between a table and the next heading


def build(report: Report):
    """The python-docx ``Document`` of ``report``."""
    document = Document()
    _setup_styles(document)
    _add_fallback_fonts(document)
    _setup_page(document)
    for block in report_blocks(report):
        if isinstance(block, PrintedTable):
            _add_table(document, block)
        elif isinstance(block, Heading):
            document.add_paragraph(block.text, style="Heading 1")
        else:
            _add_paragraph(document, block)
    document.core_properties.title = report.title
    document.core_properties.author = report.unit
    return document


def dumps(report: Report) -> bytes:
    buffer = io.BytesIO()
    build(report).save(buffer)
    return buffer.getvalue()


def write(report: Report, path: str | Path) -> None:
    write_atomic(path, dumps(report))
