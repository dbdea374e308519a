"""Reports to test with, built from the schema so that no test writes a cell id list by hand."""

from __future__ import annotations

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report
from gipr_desktop.paths import resource


def sample_report() -> Report:
    """The bundled sample: a complete 2021-format report whose checks all pass."""
    return read_report(resource("sample.gipr")).report


def zero_report(format_id: str = "2021", year: int = 2023) -> Report:
    """Every required cell 0 and every section filled: a report with no findings."""
    report = Report(format=format_id, unit="测试街道办事处", year=year)
    for table in report.schema.tables:
        for row in table.rows:
            if not row.optional:
                for column in row.columns:
                    report.set(CellRef(table.id, row.id, column.id), 0)
    for key in report.sections:
        report.sections[key] = f"第{key}部分的内容。"
    report.sections["1"] = "本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障各项工作有序开展。"
    report.preamble = f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。"
    report.sections["6"] = "本年度未收取信息处理费。"
    return report


def sheet_as_csv(sheet_file, csv_file, encoding: str = "gbk", delimiter: str = ",") -> None:
    """The first sheet of ``sheet_file`` (.xls, .ods, .xlsx) saved as Excel and WPS save a sheet as
    CSV: its values only (the results of formulas, no merges), in ``encoding`` (on Chinese Windows,
    「CSV（逗号分隔）」 is GBK, 「CSV UTF-8」 has a BOM)."""
    import csv
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(sheet_file))
    rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()
    with open(csv_file, "w", encoding=encoding, newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows(
            ["" if value is None else (int(value) if isinstance(value, float) and value.is_integer() else value)
             for value in row] for row in rows)


def flattened(html_text: str, separator: str = "", between: str = " ") -> str:
    """A web page's text as some page copies and mirrors hold it: every heading, paragraph and table
    row on one line, a row's cells joined by ``separator`` (none: their digits run together, and a
    cell printed blank leaves no trace). ``between``: what joins them ("\n": a line each, as a
    browser copies the page)."""
    import lxml.html

    parts = []
    for element in lxml.html.fromstring(html_text).iter():
        if element.tag in ("p", "h1", "h2", "h3", "h4", "li") and \
                not any(parent.tag in ("td", "th") for parent in element.iterancestors()):
            parts.append(element.text_content().strip())
        elif element.tag == "tr":
            parts.append(separator.join(cell.text_content().strip() for cell in element if cell.tag in ("td", "th")))
    return between.join(part for part in parts if part)


def markdown_with_html_tables(html_text: str) -> str:
    """A web page or PDF as tools that convert a document to Markdown write it: headings as 「# 」
    lines, paragraphs apart, and each table kept as its HTML (``<table><tr><td rowspan="2">…``), as
    Markdown's own tables cannot hold merged cells."""
    import lxml.html

    parts = []
    for element in lxml.html.fromstring(html_text).iter():
        if element.tag == "table":
            parts.append(lxml.html.tostring(element, encoding="unicode").replace("\n", ""))
        elif element.tag in ("p", "h1", "h2", "h3", "h4", "li") and \
                not any(parent.tag in ("td", "th") for parent in element.iterancestors()):
            text = element.text_content().strip()
            if text:
                parts.append(("# " if element.tag.startswith("h") else "") + text)
    return "\n\n".join(parts) + "\n"
