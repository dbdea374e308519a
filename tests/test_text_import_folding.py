"""Characters that fold to none or several characters — spaces, 「㈠」 for （一）, zero-width
spaces — do not move where a report flattened onto one line is cut, nor stay in section texts."""

from __future__ import annotations

from pathlib import Path

from gipr_desktop.io.text_import import parse_report_text
from gipr_desktop.io.text_import.reflow import reflow

FLATTENED = Path(__file__).resolve().parent / "fixtures" / "reports" / "008_pingtan_2025.txt"  # one line


def test_a_flattened_table_is_cut_before_an_ordinal_printed_as_one_character():
    text = FLATTENED.read_text(encoding="utf-8").replace("（一）予以公开", "㈠予以公开").replace("（二）部分公开", "㈡ 部分 公开")
    lines = reflow([text], "2021")
    assert any(line.startswith("㈠予以公开330000033") for line in lines)
    assert any(line.startswith("㈡ 部分 公开（区分处理的") for line in lines)
    assert parse_report_text(text).report.cells == parse_report_text(FLATTENED.read_text(encoding="utf-8")).report.cells


def test_zero_width_spaces_are_left_out_of_the_section_texts(seeds_dir):
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    report = parse_report_text(text.replace("。", "。\u200b").replace("，", "\ufeff，")).report
    assert report.sections == parse_report_text(text).report.sections
    assert report.preamble == parse_report_text(text).report.preamble


def _bold_label(line: str) -> str:
    """「**（七）总计**\t0\t0…」: the first cell of a table line in markdown bold, where it is a label."""
    first, tab, rest = line.partition("\t")
    return f"**{first}**{tab}{rest}" if tab and first.strip() and not first.strip().isdigit() else line


def test_row_labels_in_markdown_bold_read_as_printed_plain(seeds_dir):
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    bold = "\n".join(_bold_label(line) for line in text.split("\n"))
    assert bold.count("**") > 40
    cells = parse_report_text(text).report.cells
    assert parse_report_text(bold).report.cells == cells and len(cells) == 200


def test_a_table_flattened_onto_one_line_under_its_own_heading_is_cut_and_read(seeds_dir):
    """A page whose table 三 is one paragraph (「自然人 商业企业 … （一）予以公开 1288 21 …」) while its
    headings stand on their lines: the line holds no section headings, only row labels and values."""
    text = (seeds_dir / "001_39a3bb303739f26f.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、"))
    flat = [*lines[: start + 1], " ".join(lines[start + 1:end]).replace("\t", " "), *lines[end:]]
    assert len(flat[start + 1]) > 300
    cells = {ref: value for ref, value in parse_report_text(text).report.cells.items() if ref.table == "applications"}
    read = parse_report_text("\n".join(flat)).report.cells
    assert len(cells) == 175 and {ref: read.get(ref) for ref in cells} == cells
