"""What the window's 打印, 打印预览, 导出, 导出 PDF and 导出报送文件 do: the questions, then the files.

导出 offers the published and submitted types only (``.gipr``/``.json`` are 保存 and 另存为), the
spreadsheet first; a name typed without an extension gets the chosen type's. Every export starts in the
folder of the last one. 导出报送文件 writes what a unit hands in — the spreadsheet, the Word document
and its PDF — into one folder, named after the report (its unit and year); errors still in the report
are said first, and the user may go on. Printing asks what to print (the whole report or one table),
and draws the pages of ``gui.printing``: those of the PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

from gipr_desktop.core.checks import ERROR
from gipr_desktop.core.report import Report
from gipr_desktop.gui import printing
from gipr_desktop.gui.context import Context
from gipr_desktop.io.errors import WriteError
from gipr_desktop.io.project import PROJECT_EXTENSIONS
from gipr_desktop.io.registry import describe, writable_extensions, write_report

FOLDER_KEY = "export/folder"
SUBMISSION_TYPES = (".xlsx", ".docx", ".pdf")
WHOLE_REPORT = "整份报告"
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # what Windows refuses in a file name


def export_types() -> list[str]:
    """The types 导出 offers: every writable one but the project files; the registry lists the
    spreadsheet (what offices collect) first."""
    return [ext for ext in writable_extensions() if ext not in PROJECT_EXTENSIONS]


def file_filter(ext: str) -> str:
    return f"{describe(ext)} (*{ext})"


def with_extension(path: str, chosen: str, types: list[str]) -> Path:
    """``path`` as typed; without one of ``types``' extensions it gets the chosen type's."""
    target = Path(path)
    return target if target.suffix.lower() in types else target.with_name(target.name + chosen)


def file_stem(report: Report) -> str:
    """The name of a report's files: its title (unit and year), without what a file name cannot hold."""
    return _NOT_IN_FILE_NAMES.sub("_", report.title).strip(" .") or "政府信息公开工作年度报告"


class Exports:
    """The print and export commands of one window, asking through ``context.dialogs``."""

    def __init__(self, context: Context) -> None:
        self.context = context
        printing.register()

    @property
    def report(self) -> Report:
        return self.context.document.report

    def start_folder(self) -> Path:
        """The folder of the last export, else the report's own, else the home folder."""
        remembered = self.context.settings.value(FOLDER_KEY, "")
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        path = self.context.document.path
        return path.parent if path is not None else Path.home()

    def _written(self, parent, target: Path) -> bool:
        try:
            write_report(self.report, target)
        except WriteError as exc:
            self.context.dialogs.error(parent, "导出失败", str(exc))
            return False
        self.context.settings.setValue(FOLDER_KEY, str(target.parent))
        return True

    def export_file(self, parent, types: list[str] | None = None, title: str = "导出") -> Path | None:
        """导出 (or 导出 PDF with ``types=[".pdf"]``): the file written, or None."""
        types = types or export_types()
        filters = [file_filter(ext) for ext in types]
        suggested = self.start_folder() / (file_stem(self.report) + types[0])
        path, chosen = self.context.dialogs.export_path(parent, title, filters, str(suggested))
        if not path:
            return None
        ext = types[filters.index(chosen)] if chosen in filters else types[0]
        target = with_extension(path, ext, types)
        return target if self._written(parent, target) else None

    def submission_paths(self, folder: Path) -> list[Path]:
        return [folder / (file_stem(self.report) + ext) for ext in SUBMISSION_TYPES]

    def export_submission(self, parent) -> list[Path]:
        """导出报送文件: the files written (none when the user stopped or a file failed)."""
        dialogs = self.context.dialogs
        errors = self.context.document.counts()[ERROR]
        if errors and not dialogs.ask(parent, "导出报送文件",
                                      f"报告中还有 {errors} 个错误（见「检查结果」），报送前应当改正。\n\n仍要导出报送文件吗？"):
            return []
        folder = dialogs.folder_path(parent, "选择保存报送文件的文件夹", str(self.start_folder()))
        if not folder:
            return []
        paths = self.submission_paths(Path(folder))
        existing = [path.name for path in paths if path.exists()]
        if existing and not dialogs.ask(parent, "导出报送文件",
                                        "文件夹中已有以下文件，是否替换？\n\n" + "\n".join(existing)):
            return []
        for path in paths:
            if not self._written(parent, path):
                return []
        dialogs.info(parent, "导出报送文件", f"已导出到「{folder}」：\n\n" + "\n".join(path.name for path in paths))
        return paths

    def _pages(self, parent, title: str, current_table: str | None) -> printing.Pages | None:
        """What to print, asked: the whole report or one table (the table in view offered first)."""
        tables = list(self.report.schema.tables)
        items = [WHOLE_REPORT] + [f"表：{self.report.schema.section(t.section).title}" for t in tables]
        current = next((1 + i for i, t in enumerate(tables) if t.id == current_table), 0)
        choice = self.context.dialogs.choose(parent, title, "打印哪一部分：", items, current)
        if choice is None:
            return None
        if choice == 0:
            return printing.report_pages(self.report)
        return printing.table_pages(self.report, tables[choice - 1])

    def print_pages(self, parent, current_table: str | None) -> bool:
        """打印: True when pages went to the printer."""
        pages = self._pages(parent, "打印", current_table)
        if pages is None:
            return False
        printer = printing.new_printer()
        printer.setFromTo(1, pages.count())  # what the dialog offers as a range of pages
        if not self.context.dialogs.print_setup(parent, printer):
            return False
        try:
            pages.print_on(printer)
        except OSError as exc:
            self.context.dialogs.error(parent, "打印失败", str(exc))
            return False
        return True

    def preview(self, parent, current_table: str | None) -> None:
        """打印预览 (its own 打印 button prints the same pages)."""
        pages = self._pages(parent, "打印预览", current_table)
        if pages is not None:
            self.context.dialogs.print_preview(parent, printing.new_printer(), pages.print_on)
