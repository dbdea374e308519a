"""Which reader and writer handle which file, chosen by extension.

Each entry names a function as ``"module:function"``, imported only when used, so that start-up
stays fast and a format whose library is missing fails alone, with a message. A new format plugs
in with one line here; the command line and the window offer whatever is listed.

A reader takes a path and returns an ``ImportResult``; a writer takes a report and a path.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from pathlib import Path
from typing import Callable

from gipr_desktop.core.report import Report
from gipr_desktop.io.errors import ImportResult, ReadError, WriteError

log = logging.getLogger(__name__)

# extension: (what the user sees in a file dialog, reader, writer)
FILE_TYPES: dict[str, tuple[str, str | None, str | None]] = {
    ".gipr": ("年报项目文件", "gipr_desktop.io.project:read", "gipr_desktop.io.project:write"),
    ".json": ("JSON 数据文件", "gipr_desktop.io.project:read", "gipr_desktop.io.project:write"),
    ".xlsx": ("Excel 工作簿", "gipr_desktop.io.xlsx_reader:read", "gipr_desktop.io.xlsx_writer:write"),
    ".xls": ("Excel 97-2003 工作簿", "gipr_desktop.io.calamine_reader:read", None),
    ".ods": ("OpenDocument 电子表格", "gipr_desktop.io.calamine_reader:read", None),
    ".csv": ("CSV 表格", "gipr_desktop.io.csv_reader:read", None),
    ".txt": ("文本文件", "gipr_desktop.io.text_import:read_text_file", "gipr_desktop.io.text_writer:write"),
    ".html": ("网页", "gipr_desktop.io.text_import:read_html_file", "gipr_desktop.io.markup_writer:write_html"),
    ".htm": ("网页", "gipr_desktop.io.text_import:read_html_file", None),
    ".docx": ("Word 文档", "gipr_desktop.io.docx_reader:read_docx", "gipr_desktop.io.docx_writer:write"),
    ".doc": ("旧版 Word 文档", "gipr_desktop.io.legacy_word:read_doc", None),
    ".wps": ("WPS 文字文档", "gipr_desktop.io.legacy_word:read_doc", None),
    ".pdf": ("PDF 文档", "gipr_desktop.io.pdf_reader:read_pdf", None),
    ".md": ("Markdown 文本", "gipr_desktop.io.text_import:read_text_file", "gipr_desktop.io.markup_writer:write_md"),
}


def register_writer(ext: str, spec: str) -> None:
    """Add a writer from outside ``io`` (the printout, which needs Qt: gui/printing.py registers it)."""
    description, reader, _ = FILE_TYPES[ext]
    FILE_TYPES[ext] = (description, reader, spec)


def _resolve(spec: str) -> Callable:
    module_name, _, function = spec.partition(":")
    return getattr(importlib.import_module(module_name), function)


def readable_extensions() -> list[str]:
    return [ext for ext, (_, reader, _) in FILE_TYPES.items() if reader]


def writable_extensions() -> list[str]:
    return [ext for ext, (_, _, writer) in FILE_TYPES.items() if writer]


def describe(ext: str) -> str:
    return FILE_TYPES[ext][0]


def _handler(path: Path, slot: int, verb: str, error: type[Exception]) -> Callable:
    """The reader (slot 1) or writer (slot 2) for ``path``'s extension, or ``error`` saying what is possible."""
    ext = path.suffix.lower()
    entry = FILE_TYPES.get(ext)
    if entry is None or entry[slot] is None:
        possible = [e for e, item in FILE_TYPES.items() if item[slot]]
        raise error(
            f"不能{verb}「{path.name}」：不支持的文件类型 {ext or '（无扩展名）'}；可以{verb} {'、'.join(possible)}"
        )
    return _resolve(entry[slot])


def read_report(path: str | Path, *, previous: Report | None = None) -> ImportResult:
    """Read any supported file. Every failure is a ``ReadError`` with a Chinese message.
    ``previous``, last year's report when known, is given to the readers that use it (a report
    copied as text: digits the copy glued together are split by last year's stock)."""
    path = Path(path)
    reader = _handler(path, 1, "打开", ReadError)
    if not path.exists():
        raise ReadError(f"找不到文件「{path}」")
    if path.is_dir():
        raise ReadError(f"「{path}」是文件夹，不是文件")
    try:
        if previous is not None and "previous" in inspect.signature(reader).parameters:
            return reader(path, previous=previous)
        return reader(path)
    except ReadError:
        raise
    except Exception as exc:  # a reader's bug must not reach the user as a traceback
        log.exception("reading %s failed", path)
        raise ReadError(f"无法读取「{path.name}」：文件内容无法识别（{type(exc).__name__}）") from exc


def write_report(report: Report, path: str | Path) -> None:
    """Write ``report`` in the format the extension names. Failures are ``WriteError``."""
    path = Path(path)
    writer = _handler(path, 2, "保存为", WriteError)
    try:
        writer(report, path)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"无法保存「{path}」：{exc.strerror or exc}") from exc
    except Exception as exc:
        log.exception("writing %s failed", path)
        raise WriteError(f"无法保存「{path.name}」（{type(exc).__name__}）") from exc
