"""Help where it is needed: the filling notes of the selected cell, its tooltip, 使用说明 and 关于."""

from __future__ import annotations

import json

from gipr_desktop import __version__
from gipr_desktop.core.schema import CellRef, formats
from gipr_desktop.gui.qt import Qt
from gipr_desktop.paths import resource


def test_choosing_a_cell_shows_what_counts_there_and_what_it_accepts(qtbot, window):
    grid = window.grids["applications"]
    window.tabs.setCurrentWidget(grid)
    ref = CellRef("applications", "partial", "natural_person")
    grid.body.select_refs([ref])
    text = window.help_panel.toPlainText()
    assert "区分处理的" in text and "只计入「部分公开」" in text  # the official template's own note
    assert "勾稽关系" in text and "0 至 999999999" in text and "空着表示未知" in text
    fee = CellRef("active", "fees", "amount")
    window.grids["active"].body.select_refs([fee])
    assert "万元" in window.help_panel.toPlainText() and "小数最多 6 位" in window.help_panel.toPlainText()


def test_the_tooltip_carries_the_rows_note(window):
    model = window.models["applications"]
    tip = model.data(model.index_of(CellRef("applications", "carry_forward", "total")), Qt.ItemDataRole.ToolTipRole)
    assert "下年报告的「二、上年结转」应与此一致" in tip


def test_usage_and_about_say_what_the_program_is(window):
    window.show_usage()
    window.show_about()
    (_, _, usage), (_, title, about) = window.context.dialogs.shown[-2:]
    assert "以上年报告为基础新建" in usage and "Ctrl+Y" in usage
    assert __version__ in about and "国办公开办函〔2021〕30号" in about


def test_every_filling_note_names_a_table_row_or_column_a_format_has():
    notes = json.loads(resource("schema.json").read_text(encoding="utf-8"))["filling_notes"]
    for block_name, block in notes.items():
        if block_name.startswith("_"):
            continue
        chosen = list(formats().values()) if block_name == "all" else [formats()[block_name]]
        for table_id, entry in block.items():
            tables = [fmt.table(table_id) for fmt in chosen]
            rows = {row.id for table in tables for row in table.rows}
            columns = {c.id for table in tables for row in table.rows for c in row.columns}
            for key in entry.get("rows", {}):
                assert key in rows or (key.endswith("*") and any(r.startswith(key[:-1]) for r in rows)), key
            assert set(entry.get("columns", {})) <= columns
