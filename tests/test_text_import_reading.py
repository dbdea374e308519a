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
