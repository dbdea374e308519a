"""A whole report from its text: title, preamble, six sections, format and three tables.

This is the one entry point every text-like importer calls (plain text, HTML, Word, PDF): it
takes the document's text, and the document's real tables when the importer has them, and
returns the report with notes on everything it could not read or read with a choice.

Where each layout is read: a table the document has as a real table (a ``grid_tables.Grid``, merges
kept) is found by the one header/label locator in ``grid_tables``, as spreadsheets are; a table that
exists only as text is read by the first of the named text strategies (``strategies``, over the
tokens of ``tokens``) that reads it best. The notes say, per table, which read it (kind
``READ_BY``: 「按原表格读取」 or 「按「<strategy>」读取」). Title, unit, year, format and sections are
found here once, in the text, for every source (``front_matter``, ``sections``, ``version``).
"""

from __future__ import annotations

from functools import cache
from typing import Callable, Sequence

from gipr_desktop.core.labels import match_row_in
from gipr_desktop.core.notes import BLANK, NO_HEADING, NO_TABLE, READ_BY
from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CURRENT_FORMAT, SECTION_IDS, CellRef, Format, Table, format_for_year, get_format
from gipr_desktop.io.errors import ImportNote, ImportResult, ReadError
from gipr_desktop.io.grid_tables import (
    Found as Located, Grid, cell_value, classify, goes_on, is_placeholder, locate, stacked,
)
from gipr_desktop.io.text_import.decoding import unescape_references
from gipr_desktop.io.text_import.broken_lines import ends_mid_item, is_broken, joined
from gipr_desktop.io.text_import.front_matter import (
    Found, begins_contact_item, find_contact, find_published, find_unit, find_year, notes_for, tidy_contact,
)
from gipr_desktop.io.imported import settled
from gipr_desktop.io.printed import CONTACT_PREFIX  # a line of its own before 一、, as the program's own exports write it
from gipr_desktop.io.text_import.numbers import PLACEHOLDERS, CellText
from gipr_desktop.io.text_import.html_text import tables_in_text
from gipr_desktop.io.text_import.radicals import as_shown, radicals_in
from gipr_desktop.io.text_import.reflow import reflow
from gipr_desktop.io.text_import.sections import (
    Layout,
    clean_lines,
    drop_page_footers,
    is_page_number,
    find_headings,
    sub_headed,
    Title,
    find_title,
    paragraphs,
)
from gipr_desktop.io.text_import.known import Known
from gipr_desktop.io.text_import.page_fields import without_page_fields
from gipr_desktop.io.text_import.strategies import read_table
from gipr_desktop.io.text_import.tables import UNREAD, TableReading, is_table_line, similar_label_note
from gipr_desktop.io.text_import.tokens import Token, comma_separated, text_tokens
from gipr_desktop.io.text_import.traditional import (NOTE_CONVERTED, NOTE_PINYIN, NOTE_TAIWAN_WORDS, NOTE_UNCONVERTED,
                                                     in_taiwan_words, is_traditional, to_simplified, with_official_words,
                                                     without_pinyin)
from gipr_desktop.io.text_import.version import detect_format

MAX_CHARS = 300_000  # a report is some 5–60 thousand characters; more is not a report
MAX_TABLE_CELLS = 20_000
READ_FROM_GRID = "按原表格读取"
RADICALS_NAMED = 5  # the radicals a note names by example
Rows = Sequence[Sequence[str]]


def parse_report_text(text: str, *, tables: Sequence[Grid | Rows] | None = None, source: str = "",
                      previous: Report | None = None) -> ImportResult:
    """Recognise a report in ``text``. ``tables``, when given, are the document's real tables:
    ``Grid``s with their merged cells, or plain rows of cell strings (a merged cell's text once,
    the cells it covers empty); they are read in preference to tables in the text. ``source``
    names the document in messages. ``previous``, last year's report when known, helps split
    digits a text copy glued together (its 现行有效件数)."""
    name = source or "文本"
    if len(text) > MAX_CHARS:
        raise ReadError(f"「{name}」太长（{len(text)} 个字符），不像一份年度报告；最多读取 {MAX_CHARS} 个字符")
    if tables is None:
        text, tables = tables_in_text(text, name)
    grids = [t if isinstance(t, Grid) else Grid.from_rows(t, f"第 {i} 个表格") for i, t in enumerate(tables, 1)]
    grids = [grid for grid in grids if grid.values]
    if sum(len(grid.values) + grid.merged_area for grid in grids) > MAX_TABLE_CELLS:
        raise ReadError(f"「{name}」中的表格过大，不像一份年度报告")
    notes: list[ImportNote] = []
    text = _references_read(_one_line_break(text), notes)
    text, grids = _as_shown(text, grids, notes)
    text, grids = _simplified(text, grids, notes)
    pages = drop_page_footers(text)
    lines = clean_lines([line for line in pages.split("\n") if not is_page_number(line)], pages)
    table_text = "\n".join(cell for grid in grids for _, cell in grid.texts(200))
    format_id, _ = detect_format(text + "\n" + table_text)
    lines = reflow(lines, format_id or CURRENT_FORMAT)
    title = find_title(lines)
    year = Found(title.year) if title.year is not None else find_year(lines, source)
    if format_id is None:
        format_id = format_for_year(year.value)
        notes.append(ImportNote(f"无法从表格栏目判断报告格式，按报告年度采用{get_format(format_id).name}"))
    fmt = get_format(format_id)
    headings = find_headings(fmt, lines)
    layout = Layout(lines, headings, sub_headed(lines, headings))
    printed = _front(layout, title)
    front = without_page_fields(printed, _title_text(layout, title))
    broken = is_broken([*front, *(line for section in _prose_sections(fmt) for line in layout.body(section))])
    front = joined(front, broken)
    unit = Found(title.unit) if title.unit else find_unit(lines, front, source)
    published = find_published(lines, printed, year.value)
    report = Report(format=format_id, unit=unit.value or "", year=year.value, published=published.value or "")
    contact = _read_front(front, lines, report)
    notes.extend(notes_for(year, unit, published, contact))
    _read_sections(fmt, layout, report, notes, broken)
    given = _assign_tables(fmt, grids)
    known = Known(format_id, text, previous)
    for table in fmt.tables:
        reading, how = _given_reading(table, given.get(table.id, []), format_id, known)
        if reading is None:
            tokens = _region_tokens(table, layout)
            reading = read_table(table, tokens, format_id, known) if tokens else TableReading()  # says its layout
        elif reading.rows_found and how:
            # no table id: a note on how the table was read is no note on what is missing from it
            notes.append(ImportNote(f"表「{table.title}」{how}", kind=READ_BY))
        _apply(table, reading, report, notes)
    if not report.unit:
        notes.append(ImportNote("未找到标题中的机关名称，请在「基本信息」中填写"))
    if report.year is None:
        notes.append(ImportNote("未找到报告年度，请在「基本信息」中填写"))
    return settled(ImportResult(report, notes), f"「{name}」")


_OTHER_LINE_BREAKS = "\x0b\x1c\x1d\x1e\x85\u2028\u2029"  # what else ends a line (str.splitlines), but the form
# feed, which ends a page of a PDF copy (``drop_page_footers``)


def _one_line_break(text: str) -> str:
    """``text`` with every line ended by ``\n``: Windows' ``\r\n``, an old Mac's ``\r``, and the rarer
    breaks some tools write (Word's manual line break, a vertical tab; U+2028), each a line's end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char in _OTHER_LINE_BREAKS:
        if char in text:
            text = text.replace(char, "\n")
    return text


def _simplified(text: str, grids: list[Grid], notes: list[ImportNote]) -> tuple[str, list[Grid]]:
    """A text and tables in traditional characters converted to simplified ones (a mirror's pinyin
    dropped first, Taiwan words given the official ones after), and said."""
    text, annotated = without_pinyin(text)
    if annotated:
        notes.append(ImportNote(NOTE_PINYIN))
    cells = _cell_texts(grids)
    if not is_traditional(text + "".join(value for _, _, value in cells)):
        return text, grids
    converted = to_simplified([text, *(value for _, _, value in cells)])
    if converted is None:
        notes.append(ImportNote(NOTE_UNCONVERTED))
        return text, grids
    notes.append(ImportNote(NOTE_CONVERTED))
    if in_taiwan_words(converted):
        converted = with_official_words(converted)
        notes.append(ImportNote(NOTE_TAIWAN_WORDS))
    return converted[0], _with_cells(grids, cells, converted[1:])


def _as_shown(text: str, grids: list[Grid], notes: list[ImportNote]) -> tuple[str, list[Grid]]:
    """A text and tables whose PDF text layer named radicals for ideographs (「⼈⺠政府」) read as
    their pages show them, and said."""
    cells = _cell_texts(grids)
    found = radicals_in(text + "".join(value for _, _, value in cells))
    if not found:
        return text, grids
    shown = _examples([f"「{radical}」为「{as_shown(radical)}」" for radical in found])
    notes.append(ImportNote(f"原文的文字层把汉字标成了形近的部首字符，已按页面所示的汉字读取（{shown}）"))
    return as_shown(text), _with_cells(grids, cells, [as_shown(value) for _, _, value in cells])


def _references_read(text: str, notes: list[ImportNote]) -> str:
    """A text in which a tool left HTML's character references (「&nbsp;」) read as their characters, and said."""
    text, references = unescape_references(text)
    if references:
        notes.append(ImportNote(f"原文含网页的字符代码（{_examples([f'「{r}」' for r in references])}），已按其所代表的字符读取"))
    return text


def _examples(items: list[str]) -> str:
    """The first few of ``items`` a note names, and 「等」 where there are more."""
    return "、".join(items[:RADICALS_NAMED]) + ("等" if len(items) > RADICALS_NAMED else "")


def _cell_texts(grids: list[Grid]) -> list[tuple[Grid, tuple[int, int], str]]:
    return [(grid, pos, value) for grid in grids for pos, value in grid.values.items() if isinstance(value, str)]


def _with_cells(grids: list[Grid], cells: list[tuple[Grid, tuple[int, int], str]], texts: list[str]) -> list[Grid]:
    """``grids`` with the text of each of ``cells`` replaced by the one of ``texts`` in its place."""
    values: dict[int, dict] = {id(grid): dict(grid.values) for grid in grids}
    for (grid, pos, _), text in zip(cells, texts):
        values[id(grid)][pos] = text
    return [Grid(grid.name, values[id(grid)], grid.merges, grid.formulas, (grid.height, grid.width), grid.ends)
            for grid in grids]


def _front(layout: Layout, title: Title) -> list[str]:
    """The lines between the title and the first heading, the page's furniture among them."""
    front = layout.front() if layout.headings else []
    return front[title.end:] if title.end is not None and title.end <= len(front) else front


def _title_text(layout: Layout, title: Title) -> str:
    return "".join(layout.lines[title.line:title.end]) if title.line is not None else ""


def _prose_sections(fmt: Format) -> list[str]:
    """The sections that hold no table: their text is all sentences."""
    with_tables = {table.section for table in fmt.tables}
    return [section for section in SECTION_IDS if section not in with_tables]


def _read_front(front: list[str], lines: list[str], report: Report) -> Found:
    """Preamble and contact block; the contact from its own 「联系方式：」 lines, each with the lines
    of its items after it (a PDF copy wraps the line before 「电子邮箱：」 or after 「0598—」; a report may
    print each item on a line of its own), else from the address and telephone the report prints
    (and where it was found)."""
    blocks: list[str] = []
    rest: list[str] = []
    at = 0
    while at < len(front):
        if not front[at].strip().startswith(CONTACT_PREFIX):
            rest.append(front[at])
            at += 1
            continue
        end = at + 1
        while end < len(front) and (begins_contact_item(front[end]) or ends_mid_item(front[end - 1])):
            end += 1
        blocks.append(_items_joined([front[at].strip().removeprefix(CONTACT_PREFIX),
                                     *(line.strip() for line in front[at + 1:end])]))
        at = end
    report.preamble = paragraphs(rest)
    found = Found("\n".join(block for block in blocks if block)) if any(blocks) else find_contact(front, lines)
    report.contact = tidy_contact(found.value or "")
    return found


def _items_joined(pieces: list[str]) -> str:
    """A contact's pieces as one text: a piece after one that ends with its separator (「；」) or inside
    an item (「0598—」) goes on its line, as the line was before a copy wrapped it; an item printed on
    a line of its own keeps it."""
    text = ""
    for piece in pieces:
        text += ("" if not text or text[-1] in "；;，,。、" or ends_mid_item(text) else "\n") + piece
    return text


CSV_ROWS = 3  # rows of numbers between commas: tables saved as CSV, not a sentence's commas


def saved_as_csv(lines: list[str]) -> bool:
    """Whether the text's tables were saved as comma-separated values (a sheet saved as CSV and
    opened or pasted as text): rows of numbers between commas (``tokens.comma_separated``)."""
    return sum(1 for line in lines if "," in line and comma_separated(line.strip())) >= CSV_ROWS


def _narrative(fmt: Format, table: Table | None, lines: list[str], csv_text: Callable[[], bool]) -> list[str]:
    """The sentences among a table section's lines: not cells, not labels, not headers. A sentence
    the table runs on after (a copy whose lines were joined: 「2024年，共收到政府信息公开申请3条。（本列
    数据的勾稽关系为…）申请人情况…」) is kept without the table. ``csv_text``: whether the text's tables
    were saved as comma-separated values (``saved_as_csv``, asked only of a line with a comma and no full
    stop), so that such a line is one of their rows or header lines."""
    kept = []
    for line in lines:
        stripped = line.strip()
        if "\t" in line or "|" in line or "," in line and "。" not in line and csv_text():
            continue  # a table's row or header line (tabs, bars, or a sheet's commas)
        sentences, end, rest = stripped.rpartition("。")
        if table is not None and end and rest and ("勾稽关系" in rest or is_table_line(table, rest, fmt.id)):
            kept.append(sentences + end)
            continue
        if len(stripped) < 20 or "勾稽关系" in stripped:
            continue
        if table is not None and (match_row_in(table, stripped, fmt.id) or is_table_line(table, stripped, fmt.id)):
            continue
        kept.append(line)
    return kept


def _read_sections(fmt: Format, layout: Layout, report: Report, notes: list[ImportNote], broken: bool) -> None:
    """Each section's text, its sentences broken over lines joined back (``broken_lines``)."""
    tables_by_section = {table.section: table for table in fmt.tables}
    csv_text = cache(lambda: saved_as_csv(layout.lines))
    for section_id in SECTION_IDS:
        if section_id not in layout.headings:
            notes.append(ImportNote(f"未找到第{fmt.section(section_id).numeral}部分「{fmt.section(section_id).heading}」的标题，该部分留空",
                                     kind=NO_HEADING, section=section_id))
            continue
        body = layout.body(section_id)
        if section_id in layout.sub_headed:
            notes.append(ImportNote(f"未找到第{fmt.section(section_id).numeral}部分「{fmt.section(section_id).heading}」的标题，"
                                     f"从小标题「{layout.lines[layout.headings[section_id]].strip()}」起读作该部分，请核对",
                                     section=section_id))
        if section_id in tables_by_section:
            body = _narrative(fmt, tables_by_section[section_id], body, csv_text)
        body = joined(body, broken)
        report.sections[section_id] = paragraphs(body)


def _assign_tables(fmt: Format, grids: list[Grid]) -> dict[str, list[Grid]]:
    """The document's grids by the schema table each is (or is a piece of), in document order."""
    given: dict[str, list[Grid]] = {}
    before: tuple[str, Grid] | None = None  # the grid above and its table: a piece of none may go on with it
    for grid in grids:
        table_id = classify(grid, fmt.tables, fmt.id)
        if table_id is None and before is not None and goes_on(before[1], grid):
            table_id = before[0]  # the rest of a table on the next page names none by itself
        if table_id is not None:
            given.setdefault(table_id, []).append(grid)
        before = (table_id, grid) if table_id is not None else None
    return given


def _given_reading(table: Table, grids: list[Grid], format_id: str, known: Known) -> tuple[TableReading | None, str]:
    """``table`` read from the document's grids that are it: by the header/label locator; or, where
    its cells stand in no grid (each cell a row of its own, headers apart from their columns: a page
    pasted without its spans) and reading the grids' text finds more rows, as text."""
    if not grids:
        return None, ""
    whole, joined = stacked(grids), stacked(grids, join_broken_lines=True)
    found = locate([whole] if joined.height == whole.height else [whole, joined], table, format_id)
    grid = _grid_reading(table, found) if found is not None else None
    shown = len(found.rows - found.alone) if found is not None else 0
    if shown == len(table.rows):  # every row's label in the grid: no reading of its text finds more
        return grid, READ_FROM_GRID
    text = read_table(table, text_tokens(_grid_lines(grids)), format_id, known)  # its notes say its layout
    # rows whose label the locator found are its to read or to refuse (a row a cell short is never
    # shifted): the text is preferred only where it finds more rows' labels than the grid shows
    if text.rows_found and (found is None or len(text.rows_found) > shown):
        return text, ""
    return (grid, READ_FROM_GRID) if grid is not None else (None, "")


def _grid_lines(grids: list[Grid]) -> list[str]:
    """The grids' cells as printed lines, a line's cells separated by tabs: their text."""
    return ["\t".join(cell.replace("\n", " ") for cell in row) for grid in grids for row in grid.rows()]


def _grid_reading(table: Table, found: Located) -> TableReading:
    """The cells the locator placed, read; a row whose label was found but whose cells could not
    all be placed under their headers keeps those cells empty, and the note names them."""
    reading = TableReading()
    for row in table.rows:
        if row.id not in found.rows:
            continue
        unplaced = [column for column in row.columns if CellRef(table.id, row.id, column.id) not in found.places]
        if len(unplaced) == len(row.columns):
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row.id)}：各栏无法对应到表头，"
                                            "未能读取，本行留空", table.id, row.id))
            continue
        reading.rows_found.add(row.id)
        if row.id in found.cut:  # not printed blank: its numbers went elsewhere (a page break)
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row.id)}：行名印刷不全且本行没有数字"
                                            "（可能在分页处断开），未能读取，本行留空", table.id, row.id))
            continue
        if row.id in found.similar:
            reading.notes.append(similar_label_note(table, found.similar[row.id], row.id))
        if row.id in found.continued:
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row.id)}：行名分两行印刷（如在分页处），"
                                            "已按第二行的数字读取，请核对", table.id))
        if unplaced:
            names = "、".join(column.label for column in unplaced)
            reading.notes.append(ImportNote(f"表「{table.title}」{table.row_name(row.id)}：{names} 无法对应到表头，"
                                            "未能读取，留空", table.id, row.id, unplaced[0].id if len(unplaced) == 1 else ""))
        for column in row.columns:
            ref = CellRef(table.id, row.id, column.id)
            if ref not in found.places:
                continue
            raw = found.grid.values.get(found.places[ref])
            try:
                value, converted = cell_value(raw, column)
            except ValueError as exc:  # ValueRefused included
                reading.notes.append(ImportNote(f"表「{table.title}」{table.cell_name(ref)}：{exc}，未能读取，留空", *ref))
                continue
            if converted:
                reading.notes.append(ImportNote(f"表「{table.title}」{table.cell_name(ref)}：{converted}", *ref))
            if value is None:
                reading.blank.setdefault(row.id, []).append(column.id)
            else:
                reading.values[ref] = value
                reading.placeholders += is_placeholder(raw)
    return reading


def _region_tokens(table: Table, layout: Layout) -> list[Token]:
    """The tokens of the text where ``table`` is printed: its section; for a table whose row
    labels say where it is, the whole text when the section heading was not found."""
    if table.section in layout.headings:
        tokens = text_tokens(layout.body(table.section))
        if table.layout == "single_row" and not any(isinstance(token, CellText) and not token.blank for token in tokens):
            tokens += text_tokens(_next_body(table.section, layout))  # a PDF copied in reading order: after the next heading
        return tokens
    if table.layout == "single_row":
        return []
    return text_tokens(layout.lines)


def _next_body(section_id: str, layout: Layout) -> list[str]:
    """The lines of the section whose heading follows that of ``section_id``."""
    later = sorted((index, other) for other, index in layout.headings.items() if index > layout.headings[section_id])
    return layout.body(later[0][1]) if later else []


def _apply(table: Table, reading: TableReading, report: Report, notes: list[ImportNote]) -> None:
    notes.extend(reading.notes)
    combined = _combined_other(table, reading)
    if combined:
        notes.append(ImportNote(combined, table.id, "other"))
    for ref, exc in report.set_all(reading.values):
        notes.append(ImportNote(f"表「{table.title}」{exc}；未能读取，留空", *ref))
    if not reading.rows_found and not any(note.table == table.id and UNREAD in note.message for note in reading.notes):
        notes.append(ImportNote(f"未找到表「{table.title}」，表中各栏留空（未知），请核对原文后填写", table.id, kind=NO_TABLE))
        return
    said = {note.row for note in reading.notes if note.table == table.id}  # rows found but not read: said already
    missing = [row for row in table.rows if not row.optional and row.id not in reading.rows_found and row.id not in said
               and not (row.id.startswith("other_") and "other" in reading.rows_found)]
    unread = any(note.table == table.id and not note.row and UNREAD in note.message for note in reading.notes)
    for row in missing:  # the numbers of a table found and not read as a whole (said above) are not missing
        name = table.row_name(row.id)
        where = (f"「{name}」：本表的数字未能读取（见上）" if unread
                 else f"「{name}」：印有行名，其后没有能确定属于本行的数字，未能读取" if row.id in reading.labelled
                 else f"中未找到「{name}」的数字，未能读取")
        notes.append(ImportNote(f"表「{table.title}」{where}，该行留空（未知）", table.id, row.id))
    if reading.placeholders:
        marks = "」「".join(sorted(PLACEHOLDERS - {"--", "–", "－", "／", "一一"}))
        notes.append(ImportNote(f"表「{table.title}」有 {reading.placeholders} 个单元格印为「{marks}」之一，已按 0 读取", table.id))
    for row_id, col_ids in reading.blank.items():
        row = table.row(row_id)
        names = "、".join(row.column(col_id).label for col_id in col_ids)
        notes.append(ImportNote(f"表「{table.title}」{table.row_name(row_id)}：原文空白 {len(col_ids)} 栏（{names}），"
                                "保留为空（未知），未按 0 读取", table.id, row_id, col_ids[0] if len(col_ids) == 1 else "",
                                kind=BLANK))


def _combined_other(table: Table, reading: TableReading) -> str:
    """A 2021-format table that prints （六）其他处理 as one row keeps it as the 2019-style row
    ``other``; where the three sub-rows are printed too, the sub-rows are kept."""
    if not table.has_row("other") or not table.row("other").optional or "other" not in reading.rows_found:
        return ""
    subrows = [row.id for row in table.rows if row.id.startswith("other_")]
    if any(row_id in reading.rows_found for row_id in subrows):
        reading.rows_found.discard("other")
        for ref in [ref for ref in reading.values if ref.row == "other"]:
            del reading.values[ref]
        return ""
    return (f"表「{table.title}」把「（六）其他处理」印为一行，未分列三个子项；按一行「其他处理」读取，"
            "三个子项留空")
