"""生成数据说明: sentences drafted from the tables say the tables' numbers, and leave out what is unknown."""

from __future__ import annotations

import re

from gipr_desktop.core.checks import check
from gipr_desktop.core.drafting import drafts
from gipr_desktop.core.schema import CellRef
from tests.helpers import sample_report, zero_report


def test_the_drafts_of_the_sample_say_its_numbers():
    report = sample_report()
    texts = {d.section: d.text for d in drafts(report)}
    applications = texts["3"]
    total = report.get(CellRef("applications", "new", "total"))
    assert f"本年度共新收政府信息公开申请{total}件" in applications
    assert f"部分公开{report.get(CellRef('applications', 'partial', 'total'))}件" in applications
    assert "行政复议" in texts["4"] and "行政诉讼（未经复议直接起诉）" in texts["4"]
    assert "万元" in texts["2"]


def test_a_draft_inserted_into_the_text_agrees_with_the_table():
    report = sample_report()
    for d in drafts(report):
        report.sections[d.section] = d.text
    assert not [f for f in check(report) if f.rule == "R7"]  # the text-against-table check finds nothing


def test_an_unknown_figure_is_left_out_and_named_never_written_as_zero():
    report = zero_report()
    del report.cells[CellRef("applications", "new", "total")]
    draft = next(d for d in drafts(report) if d.section == "3")
    assert "新收" not in draft.text and "本年度共新收政府信息公开申请" in draft.missing
    assert not re.search(r"新收政府信息公开申请0件", draft.text)


def test_both_formats_draft_all_three_sections():
    for fmt in ("2021", "2019"):
        assert [d.section for d in drafts(zero_report(fmt, 2020 if fmt == "2019" else 2023))] == ["2", "3", "4"]
