"""A text that holds its tables as HTML markup: Markdown written by a tool that converts a PDF or a scan
(its tables have merged cells, which Markdown's own tables cannot hold), or a page's source pasted as
text. The tables are read as a web page's are, cell by cell; the rest as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gipr_desktop.io import markup_writer
from gipr_desktop.io.registry import read_report
from gipr_desktop.io.text_import import parse_report_text
from tests.fixture_truth import EXPECTED, truth_report
from tests.helpers import markdown_with_html_tables

REPORTS = Path(__file__).parent / "fixtures" / "reports"
NAMES = sorted(EXPECTED)[::4]  # a sample of the real reports, of both formats


@pytest.mark.parametrize("name", NAMES)
def test_markdown_with_html_tables_reads_every_cell(name, tmp_path):
    truth = truth_report(name)
    path = tmp_path / f"{Path(name).stem}.md"
    path.write_text(markdown_with_html_tables(markup_writer.html_dumps(truth)), encoding="utf-8")
    report = read_report(path).report
    assert {ref: report.get(ref) for ref in truth.cells} == truth.cells
    assert (report.unit, report.year, report.format) == (truth.unit, truth.year, truth.format)
    assert all(report.sections[key] for key in report.sections if truth.sections[key])
    assert not any(re.search(r"</?(?:table|tr|td|th)\b", text) for text in [report.preamble, *report.sections.values()])


@pytest.mark.parametrize("name", NAMES[:4])
def test_a_table_written_on_the_line_of_the_text_around_it_is_taken_out_of_that_text(name):
    """A converter that writes a table's markup straight after the heading before it, and the next
    heading straight after it: the headings stay apart, each on its line, and every cell is read."""
    truth = truth_report(name)
    text = markdown_with_html_tables(markup_writer.html_dumps(truth)).replace("\n\n<table", "<table")
    text = text.replace("</table>\n\n", "</table>")
    report = parse_report_text(text, source=f"{Path(name).stem}.md").report
    assert {ref: report.get(ref) for ref in truth.cells} == truth.cells
    assert [key for key in report.sections if truth.sections[key] and not report.sections[key]] == []


def test_a_published_page_converted_to_markdown_reads_as_the_page():
    page = read_report(REPORTS / "104_shanghai_szfbgt_2019.html").report
    text = markdown_with_html_tables((REPORTS / "104_shanghai_szfbgt_2019.html").read_text(encoding="utf-8"))
    report = parse_report_text(text, source="104.md").report
    assert report.cells == page.cells


@pytest.mark.parametrize("name", sorted(name for name in EXPECTED if name.endswith(".html")))
def test_a_pages_source_saved_as_text_reads_as_the_page(name):
    """A page's source copied or saved as text (「查看源代码」, a page saved under a .txt name): read as the
    page is, its text without the markup and its tables cell by cell."""
    page = read_report(REPORTS / name).report
    report = parse_report_text((REPORTS / name).read_text(encoding="utf-8"), source=f"{Path(name).stem}.txt").report
    assert (report.cells, report.sections, report.preamble, report.unit, report.year) == \
        (page.cells, page.sections, page.preamble, page.unit, page.year)
