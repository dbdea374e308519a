"""Text read as a careful person reads it: long paragraphs kept whole, the year and the unit
found where the title does not give them, contact and publication date, blank cells told from
unreadable ones, and reports copied in traditional characters."""

from __future__ import annotations

import pytest

from gipr_desktop.io.text_import import parse_report_text

PUNCTUATION_START = tuple("。，、；：）」』”")


def _paragraphs(report) -> list[str]:
    return [p for text in (report.preamble, *report.sections.values()) for p in text.split("\n") if p]


def test_a_long_preamble_in_a_normal_report_is_kept_whole(seeds_dir):
    text = (seeds_dir / "000_555b38ce0adfb193.txt").read_text(encoding="utf-8")
    long_line = next(line for line in text.splitlines() if len(line) > 300 and "年度报告" in line)
    report = parse_report_text(text).report
    assert long_line.strip() in report.preamble.split("\n")


@pytest.mark.parametrize("name", ["000_555b38ce0adfb193.txt", "002_c011582259751f09.txt", "004_a5beddac6e9ed429.txt"])
def test_no_paragraph_begins_with_punctuation(seeds_dir, name):
    report = parse_report_text((seeds_dir / name).read_text(encoding="utf-8")).report
    broken = [p[:30] for p in _paragraphs(report) if p.startswith(PUNCTUATION_START)]
    assert not broken


FIXTURE_REPORTS = __import__("pathlib").Path(__file__).parent / "fixtures" / "reports"
TRADITIONAL_CASES = [("seeds", name) for name in ("000_555b38ce0adfb193.txt", "002_c011582259751f09.txt", "003_3b6d8eb9ad11ab1a.txt")] + [
    ("fixtures", name) for name in ("001_shanghai_szfbgt_2019.txt", "010_shuyang_fagaiju_2023.txt", "004_pingtan_2021.txt")]


@pytest.mark.parametrize(("where", "name"), TRADITIONAL_CASES)
def test_a_copy_in_traditional_characters_reads_as_the_original(seeds_dir, where, name):
    opencc = pytest.importorskip("opencc")
    text = ((seeds_dir if where == "seeds" else FIXTURE_REPORTS) / name).read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(text)
    assert "總體情況" in traditional or "總體情况" in traditional
    original, copy = parse_report_text(text), parse_report_text(traditional)
    assert copy.report.cells == original.report.cells and copy.report.cells
    assert (copy.report.format, copy.report.unit, copy.report.year) == (
        original.report.format, original.report.unit, original.report.year)
    assert copy.report.sections == original.report.sections  # offered in simplified characters
    assert any("繁体字" in note.message and "简体字" in note.message for note in copy.notes)
    assert not any("繁体字" in note.message for note in original.notes)


def test_traditional_table_cells_of_a_document_are_converted():
    pytest.importorskip("opencc")
    grid = [["申請人情況", "自然人", "總計"], ["一、本年新收政府信息公開申請數量", "3", "3"]]
    text = "某某街道辦事處2023年政府信息公開工作年度報告\n" + "根據《中華人民共和國政府信息公開條例》規定，現將本機關政府信息公開工作情況報告如下。" * 2
    result = parse_report_text(text, tables=[grid])
    assert result.report.unit == "某某街道办事处"
    assert any(note.message.startswith("原文为繁体字") for note in result.notes)
