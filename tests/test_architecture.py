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


def test_every_slot_the_window_connects_is_guarded():
    """A signal connected to one of our methods calls it from C++: the method must be marked ``@slot``
    in a ``Guarded`` class (gui/guard.py), and no lambda may stand in for one."""
    import ast

    ours, slots, offenders = set(), set(), []
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sources("gui")}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                ours.add(node.name)
                if any(getattr(d, "id", getattr(d, "attr", "")) == "slot" for d in node.decorator_list):
                    slots.add(node.name)
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("connect", "singleShot", "addAction")):
                continue
            for arg in node.args:
                if isinstance(arg, ast.Call) and getattr(arg.func, "attr", "") == "partial":
                    arg = arg.args[0]
                if isinstance(arg, ast.Lambda):
                    offenders.append(f"{path.name}:{node.lineno} lambda")
                elif isinstance(arg, ast.Attribute) and arg.attr in ours and arg.attr not in slots:
                    offenders.append(f"{path.name}:{node.lineno} {arg.attr}")
    assert offenders == []


def test_every_grid_source_goes_through_the_one_locator():
    """Word, web pages, PDF and spreadsheets hand over ``grid_tables.Grid``s; only the recogniser
    uses the token reader (for tables that exist only as text), and no table is located elsewhere."""
    io = PACKAGE / "io"
    grid_readers = ["docx_reader.py", "text_import/html_text.py", "pdf_reader.py", "xlsx_reader.py",
                    "xlsx_values.py", "calamine_reader.py"]
    assert [name for name in grid_readers if "gipr_desktop.io.grid_tables import" not in (io / name).read_text(encoding="utf-8")] == []
    token_reader = re.compile(r"^\s*from\s+gipr_desktop\.io\.text_import\.(tables|tokens)\s+import", re.M)
    users = sorted(p.relative_to(io).as_posix() for p in sources("io") if token_reader.search(p.read_text(encoding="utf-8")))
    outside = [name for name in users if not name.startswith(("text_import/strategies/", "text_import/known.py"))]
    # and the text strategies themselves; lost_blanks places rows tables.read_hits could not read
    assert outside == ["text_import/lost_blanks.py", "text_import/recognise.py", "text_import/tables.py"]
    locators = re.compile(r"^def (_find_\w+_table|locate)\(", re.M)
    assert [p.relative_to(io).as_posix() for p in sources("io") if locators.search(p.read_text(encoding="utf-8"))] == ["grid_tables.py"]
    assert "def grid_tokens" not in (io / "text_import" / "tokens.py").read_text(encoding="utf-8")
