"""The report as Markdown (``.md``) and HTML (``.html``), for pasting into a web site's editor.

HTML keeps the official merged headers (``rowspan``/``colspan``); Markdown tables cannot merge,
so a merged cell is written in its first column and the columns it covers stay empty.
"""

from __future__ import annotations

import html
from pathlib import Path

from gipr_desktop.core.layout import CAPTION, HEADER
from gipr_desktop.core.report import Report
from gipr_desktop.io.atomic import write_atomic
from gipr_desktop.io.printed import DATELINE, TITLE, Heading, Paragraph, PrintedTable, report_blocks

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: "FangSong", "仿宋", serif; font-size: 16pt; line-height: 1.75; max-width: 50em; margin: 2em auto; }}
h1 {{ font-family: "SimSun", "宋体", serif; text-align: center; font-size: 22pt; font-weight: normal; }}
h2 {{ font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; font-weight: normal; }}
p {{ text-indent: 2em; margin: 0; }}
p.dateline {{ text-align: center; text-indent: 0; }}
table {{ border-collapse: collapse; margin: 0.5em auto; font-size: 10.5pt; line-height: 1.4; }}
th, td {{ border: 1px solid #000; padding: 2px 4px; text-align: center; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def _html_table(table: PrintedTable) -> str:
    lines = ["<table>"]
    by_row: dict[int, list] = {}
    for box, text in table.texts.items():
        by_row.setdefault(box.row, []).append((box, text))
    for row in range(table.layout.rows):
        cells = []
        for box, text in sorted(by_row.get(row, []), key=lambda item: item[0].col):
            tag = "th" if box.kind in (HEADER, CAPTION) else "td"
            spans = (f' rowspan="{box.rowspan}"' if box.rowspan > 1 else "") + (
                f' colspan="{box.colspan}"' if box.colspan > 1 else ""
            )
            cells.append(f"<{tag}{spans}>{html.escape(text)}</{tag}>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def html_dumps(report: Report) -> str:
    parts = []
    for block in report_blocks(report):
        if isinstance(block, PrintedTable):
            parts.append(_html_table(block))
        elif isinstance(block, Heading):
            parts.append(f"<h2>{html.escape(block.text)}</h2>")
        elif isinstance(block, Paragraph) and block.role == TITLE:
            parts.append(f"<h1>{html.escape(block.text)}</h1>")
        else:
            css = ' class="dateline"' if block.role == DATELINE else ""
            parts.append(f"<p{css}>{html.escape(block.text)}</p>")
    return _PAGE.format(title=html.escape(report.title), body="\n".join(parts))


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _md_table(table: PrintedTable) -> str:
    grid = table.grid()
    lines = ["| " + " | ".join(_md_cell(text) for text in line) + " |" for line in grid]
    lines.insert(1, "|" + "---|" * table.layout.cols)
    return "\n".join(lines)


def md_dumps(report: Report) -> str:
    parts = []
    for block in report_blocks(report):
        if isinstance(block, PrintedTable):
            parts.append(_md_table(block))
        elif isinstance(block, Heading):
            parts.append(f"## {block.text}")
        elif block.role == TITLE:
            parts.append(f"# {block.text}")
        elif block.text:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


def write_html(report: Report, path: str | Path) -> None:
    write_atomic(path, html_dumps(report).encode("utf-8"))


def write_md(report: Report, path: str | Path) -> None:
    write_atomic(path, md_dumps(report).encode("utf-8"))
