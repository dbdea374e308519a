"""The shape the design keeps: a Qt-free core and io, one door to the Qt binding."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "gipr_desktop"
QT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt[56]|shiboken6)\b", re.M)


def sources(folder: str):
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_the_binding_is_imported_only_in_gui_qt():
    offenders = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                 if QT.search(p.read_text(encoding="utf-8")) and p != PACKAGE / "gui" / "qt.py"]
    assert offenders == []


def test_core_imports_neither_io_nor_gui():
    pattern = re.compile(r"^\s*(from|import)\s+gipr_desktop\.(io|gui)\b", re.M)
    assert [p.name for p in sources("core") if pattern.search(p.read_text(encoding="utf-8"))] == []


def test_io_imports_no_gui():
    pattern = re.compile(r"^\s*(from|import)\s+gipr_desktop\.gui\b", re.M)
    assert [p.name for p in sources("io") if pattern.search(p.read_text(encoding="utf-8"))] == []
