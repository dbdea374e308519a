"""The five seed reports import completely: format, unit, year, six sections and every cell."""

from __future__ import annotations

import pytest

from gipr_desktop.core.notes import READ_BY
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report

# What each seed prints. Every cell not listed under "nonzero" is printed as 0, except the
# tables or rows named under "absent" (not printed in the seed: they must stay empty).
SEEDS = {
    "000_555b38ce0adfb193.txt": {"format": "2019", "unit": "岭东区中心街道办事处", "year": 2023},
    "001_39a3bb303739f26f.txt": {"format": "2021", "unit": "荷花路街道办事处", "year": 2023},
    "002_c011582259751f09.txt": {"format": "2021", "unit": "南关区鸿城街道", "year": 2023},
    "003_3b6d8eb9ad11ab1a.txt": {
        "format": "2021", "unit": "岭东区人民政府", "year": 2024,
        "nonzero": {
            ("applications", "new", "natural_person"): 2, ("applications", "new", "total"): 2,
            ("applications", "unavailable_needs_creation", "natural_person"): 2,
            ("applications", "unavailable_needs_creation", "total"): 2,
            ("applications", "handled_total", "natural_person"): 2, ("applications", "handled_total", "total"): 2,
        },
        "absent_tables": {"active"},  # section 二 has its heading but no table
        "combined_other": True,  # （六）其他处理 printed as one row
    },
    "004_a5beddac6e9ed429.txt": {"format": "2021", "unit": "卫东区北环路街道办事处", "year": 2024},
}


@pytest.fixture(scope="module")
def imported(seeds_dir):
    return {name: read_report(seeds_dir / name) for name in SEEDS}


@pytest.mark.parametrize("name", SEEDS)
def test_seed_metadata_and_sections(imported, name):
    report = imported[name].report
    expected = SEEDS[name]
    assert (report.format, report.unit, report.year) == (expected["format"], expected["unit"], expected["year"])
    table_sections = {table.section for table in report.schema.tables}  # these may hold no text
    for section_id, text in report.sections.items():
        if section_id not in table_sections:
            assert text.strip(), f"section {section_id} empty"
        assert "[bookmark" not in text and "\t" not in text


@pytest.mark.parametrize("name", SEEDS)
def test_seed_every_cell(imported, name):
    report = imported[name].report
    expected = SEEDS[name]
    nonzero = {CellRef(*key): value for key, value in expected.get("nonzero", {}).items()}
    for table in report.schema.tables:
        for row in table.rows:
            for column in row.columns:
                ref = CellRef(table.id, row.id, column.id)
                got = report.get(ref)
                if table.id in expected.get("absent_tables", ()):
                    assert got is None, ref
                elif row.id == "other" and row.optional:
                    assert got == (0 if expected.get("combined_other") else None), ref
                elif row.id.startswith("other_") and expected.get("combined_other"):
                    assert got is None, ref
                else:
                    assert got == nonzero.get(ref, 0), ref


def test_seed_notes_say_what_was_missing(imported):
    notes = [note.message for note in imported["003_3b6d8eb9ad11ab1a.txt"].notes]
    assert any("未找到表「主动公开政府信息情况」" in n for n in notes)
    assert any("（六）其他处理" in n and "一行" in n for n in notes)
    assert any("按报告年度" in n for n in notes)  # format chosen from the year, and said so
    for name in ("000_555b38ce0adfb193.txt", "001_39a3bb303739f26f.txt", "004_a5beddac6e9ed429.txt"):
        # nothing missing; only where the contact block was found is said
        assert [note.message for note in imported[name].notes
            if "取自" not in note.message and note.kind != READ_BY] == []


def test_seed_preamble_and_section_paragraphs(imported):
    report = imported["000_555b38ce0adfb193.txt"].report
    assert report.preamble.startswith("根据新修订的")
    assert "（二）依申请公开\n" in report.sections["1"]  # paragraphs kept
    assert imported["002_c011582259751f09.txt"].report.sections["6"].startswith("根据《政府信息公开信息处理费管理办法》")
