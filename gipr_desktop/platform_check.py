"""Before Qt starts on Linux: are the system libraries there that the window needs?

Qt's window on a Linux desktop goes through its xcb platform plugin, which needs a dozen X client
libraries; QtGui itself needs OpenGL and EGL. A desktop with a full Qt stack has them; a fresh
统信UOS, 麒麟 or Debian may lack some, and then Qt aborts with an English message
("Could not load the Qt platform plugin "xcb"…") or Python stops on an ImportError. This module
(no Qt: it runs before the binding is imported) finds which libraries are missing and says so in
Chinese with the ``apt-get install`` line, on the terminal and, where a notification tool exists,
on the screen; the program then exits with ``EXIT_MISSING_LIBRARIES``.

Checked only on Linux, and the X libraries only when Qt will use xcb: not when QT_QPA_PLATFORM
names another platform (offscreen for the self-test and the tests), nor in a Wayland session
when Qt's Wayland plugin is there (the bundle has none: it runs through XWayland).
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

EXIT_MISSING_LIBRARIES = 3
TITLE = "政府信息公开工作年度报告无法启动"

# soname -> the Debian / 统信UOS / 麒麟 package that has it; the bundle carries some of them itself
QT_GUI_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def qt_platform(environ=os.environ) -> str:
    """The platform plugin Qt will start with (the first of QT_QPA_PLATFORM, else xcb or wayland)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if (environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland") and _has_wayland_plugin():
        return "wayland"
    return "xcb"


def _has_wayland_plugin() -> bool:
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    folders = spec.submodule_search_locations if spec and spec.submodule_search_locations else []
    return any(any((Path(folder) / "Qt" / "plugins" / "platforms").glob("libqwayland*")) for folder in folders)


def loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(environ=os.environ, platform: str = sys.platform, load=None) -> dict[str, str]:
    """The libraries Qt would need and cannot load here, soname -> package; empty if none."""
    load = load or loads
    if not platform.startswith("linux"):
        return {}
    needed = dict(QT_GUI_LIBRARIES)
    if qt_platform(environ) == "xcb":
        needed.update(XCB_LIBRARIES)
    return {soname: package for soname, package in needed.items() if not load(soname)}


def problem(environ=os.environ, platform: str = sys.platform, load=None) -> str | None:
    """What stops the window from starting here, in Chinese; None if nothing does."""
    missing = missing_libraries(environ, platform, load)
    if missing:
        packages = " ".join(sorted(set(missing.values())))
        return (
            f"{TITLE}：这台电脑缺少显示窗口所需的系统组件（{'、'.join(missing)}）。\n"
            "请让管理员在终端中运行下面这行命令安装，然后重新打开本程序：\n"
            f"sudo apt-get install {packages}"
        )
    if platform.startswith("linux") and qt_platform(environ) == "xcb" and not environ.get("DISPLAY"):
        return (
            f"{TITLE}：没有找到图形桌面（环境变量 DISPLAY 未设置）。请在桌面上双击图标启动本程序；"
            "在没有桌面的终端里可以使用命令行程序 gipr（例如 gipr check 报告.gipr）。"
        )
    return None


def show(text: str, which=shutil.which, run=subprocess.run) -> None:
    """On the screen too, if the desktop has a tool for it (they need no Qt)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return
    for tool, arguments in (
        ("zenity", ["--error", f"--title={TITLE}", "--no-markup", f"--text={text}"]),
        ("kdialog", ["--title", TITLE, "--error", text]),
        ("notify-send", ["--urgency=critical", TITLE, text]),
    ):
        if which(tool):
            try:
                run([tool, *arguments], check=False, timeout=600)
            except (OSError, subprocess.SubprocessError):
                continue
            return


def stop_unless_qt_can_start(argv: list[str] | None = None) -> None:
    """Exit with a Chinese message, before Qt is imported, if the window cannot start here."""
    argv = sys.argv if argv is None else argv
    environ = dict(os.environ)
    if "--self-test" in argv[1:]:
        environ["QT_QPA_PLATFORM"] = "offscreen"  # the self-test draws nothing on the screen
    text = problem(environ)
    if text is None:
        return
    if sys.stderr is not None:
        print(text, file=sys.stderr)
    show(text)
    sys.exit(EXIT_MISSING_LIBRARIES)


def main() -> int:
    """``gipr-desktop``: the check first, then the window (imported only now: it imports Qt)."""
    stop_unless_qt_can_start()
    from gipr_desktop.gui.app import main as start_window

    return start_window()
