"""填写说明: what the selected cell counts, what it accepts, and the table's arithmetic, beside the grid.

The notes are the schema's (``filling_notes``), so a new format brings its own; what a cell accepts
comes from the same bounds that refuse a wrong entry (``cell_kinds``), so the help never promises
what the editor refuses.
"""

from __future__ import annotations

from html import escape

from gipr_desktop.core.schema import CellRef, cell_kind, filling_notes
from gipr_desktop.gui.document import Document
from gipr_desktop.gui.guard import Guarded, slot
from gipr_desktop.gui.qt import QtWidgets

USAGE = """<h3>使用说明</h3>
<ol>
<li><b>从上年报告开始</b>：「文件 › 以上年报告为基础新建」，选择上年度的报告（Word、PDF、网页、文本或电子表格均可），
上年结转等数字会自动带入，各部分正文标为「待更新」。</li>
<li><b>填写表格</b>：选中单元格直接输入数字，回车下移，Tab 右移；可以从 Excel 复制整块粘贴。
填错的内容不会被改成别的数字，而是标红并说明原因。</li>
<li><b>看检查结果</b>：下方「检查结果」列出所有问题，点击即可跳到相关单元格；红色为错误，黄色为警告。</li>
<li><b>对照上年</b>：「视图 › 显示上年数」在每个单元格下显示上年数和增减。</li>
<li><b>保存和报送</b>：Ctrl+S 保存为 .gipr 文件；「文件 › 导出」生成报送用的 Excel 表格和发布用的 Word 文档。</li>
</ol>
<p>撤销 Ctrl+Z，重做 Ctrl+Y。程序每分钟自动备份未保存的修改，意外退出后再次打开时可以恢复。</p>"""


def cell_help(fmt, ref: CellRef) -> str:
    """The panel's text for one cell, as HTML."""
    table = fmt.table(ref.table)
    kind = cell_kind(fmt.column(ref).kind)
    if kind.integer_digits is None:
        accepts = f"{kind.description}，{kind.minimum} 至 {kind.maximum}"
    else:
        accepts = f"{kind.description}，整数部分最多 {kind.integer_digits} 位，小数最多 {kind.decimals} 位"
    notes = "".join(f"<p>{escape(note)}</p>" for note in reversed(filling_notes(fmt.id, ref)))
    return (f"<h3>{escape(table.title)}</h3><p><b>{escape(fmt.cell_name(ref))}</b></p>{notes}"
            f"<p style='color:#555'>可填写：{escape(accepts)}。空着表示未知，不等于 0。</p>")


class HelpPanel(Guarded, QtWidgets.QTextBrowser):
    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.setOpenExternalLinks(False)
        self.setHtml("<p>选中表格中的一个单元格，这里显示它的填写说明。</p>")

    @slot
    def show_cell(self, ref) -> None:
        fmt = self.document.report.schema
        if ref is not None and fmt.has_cell(ref):
            self.setHtml(cell_help(fmt, ref))
