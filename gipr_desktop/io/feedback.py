"""审核意见: the corrections sent back to one body, as a Word document (.docx) or a plain text (.txt).

The findings are listed in the order of the report (``core.batch.in_report_order``), each with its
kind (错误 must be corrected, 警告 checked, 提示 considered), its rule and the cells it names, so that
the body's clerk can work down the report once. A file that could not be read gets a letter asking
for it again, saying why. One file per body, named after it; a name used twice gets a number.
"""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Iterable

from gipr_desktop.core.batch import BodyRow, in_report_order
from gipr_desktop.core.findings import SEVERITY_NAMES
from gipr_desktop.core.schema import get_format
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.errors import WriteError

FEEDBACK_KINDS = (".docx", ".txt")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_ADVICE = {"error": "须改正", "warning": "请核实", "info": "供参考"}
BODY_FONT = "仿宋"


def feedback_lines(row: BodyRow, office: str = "", today: date | None = None) -> tuple[str, list[str]]:
    """The letter's title and its paragraphs."""
    today = today or date.today()
    year = f"{row.year}年" if row.year else ""
    report = f"《{row.unit}{year}政府信息公开工作年度报告》" if row.unit else f"「{row.file_name}」"
    title = f"关于{report}的审核意见"
    lines = [f"{row.unit}：" if row.unit else f"报送「{row.file_name}」的单位："]
    if not row.readable:
        lines.append(f"你单位报送的文件「{row.file_name}」无法读取：{row.message}。请核对后重新报送。")
    elif not row.findings:
        lines.append(f"经审核，你单位报送的{report}（文件「{row.file_name}」）未发现问题。")
    else:
        counts = row.counts
        found = "、".join(f"{counts[kind]} {what}" for kind, what in
                          (("error", "处错误"), ("warning", "处需核实的问题"), ("info", "条提示")) if counts[kind])
        lines.append(
            f"经审核，你单位报送的{report}（文件「{row.file_name}」）有 {found}，按报告顺序列出如下。"
            "错误须改正；需核实的问题请核对原始台账，确有其事的可不改；改正后请重新报送。"
        )
        fmt = get_format(row.format)
        order = {ref: i for i, ref in enumerate(fmt.cells())}
        for i, finding in enumerate(in_report_order(row.findings, row.format), start=1):
            cells = sorted(finding.cells, key=lambda ref: order.get(ref, 0))
            where = "、".join(fmt.cell_name(ref) for ref in cells[:10])
            if len(cells) > 10:
                where += f" 等 {len(cells)} 个单元格"
            if finding.section and not where and fmt.section(finding.section).title not in finding.message:
                where = fmt.section(finding.section).title
            tail = f"（涉及：{where}）" if where else ""
            lines.append(f"{i}.【{SEVERITY_NAMES[finding.severity]}，{_ADVICE[finding.severity]}】"
                         f"{finding.message}{tail}〔{finding.rule}〕")
    if row.readable and row.notes:
        lines.append("读取报告时的说明（请一并核对）：")
        lines += [f"· {note.message}" for note in row.notes]
    lines += ["", office, f"{today.year}年{today.month}月{today.day}日"] if office else \
        ["", f"{today.year}年{today.month}月{today.day}日"]
    return title, lines


def feedback_text(row: BodyRow, office: str = "", today: date | None = None) -> str:
    title, lines = feedback_lines(row, office, today)
    return "\n".join([title, "", *lines]) + "\n"


def _docx(title: str, lines: list[str]) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = BODY_FONT, Pt(14)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold, run.font.size = True, Pt(18)
    for line in lines:
        paragraph = document.add_paragraph(line)
        if line[:1].isdigit() or line.startswith("经审核") or line.startswith("你单位"):
            paragraph.paragraph_format.first_line_indent = Pt(28)
    for paragraph in document.paragraphs[-2:]:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def file_stem(row: BodyRow) -> str:
    name = row.unit or Path(row.file_name).stem
    return (_UNSAFE.sub("_", name).strip(" .") or "报告")[:80] + "审核意见"


def write_feedback(row: BodyRow, path: str | Path, office: str = "", today: date | None = None) -> None:
    """One body's letter at ``path`` (.docx or .txt, by its extension)."""
    path = Path(path)
    if path.suffix.lower() not in FEEDBACK_KINDS:
        raise WriteError(f"审核意见只能保存为 {'、'.join(FEEDBACK_KINDS)} 文件")
    if path.suffix.lower() == ".txt":
        data = feedback_text(row, office, today).encode("utf-8")
    else:
        data = _docx(*feedback_lines(row, office, today))
    write_atomic(path, data, keep_backup=False)


def write_feedback_files(rows: Iterable[BodyRow], folder: str | Path, kind: str = ".docx",
                         office: str = "", today: date | None = None) -> list[Path]:
    """One letter per row in ``folder`` (made when missing); the paths written, in the rows' order."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"无法建立文件夹「{folder}」：{exc.strerror or exc}") from exc
    used: set[str] = set()
    written = []
    for row in rows:
        stem, n = file_stem(row), 1
        while f"{stem}{kind}".lower() in used:
            n += 1
            stem = f"{file_stem(row)}（{n}）"
        used.add(f"{stem}{kind}".lower())
        path = folder / f"{stem}{kind}"
        write_feedback(row, path, office, today)
        written.append(path)
    return written
