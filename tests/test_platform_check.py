"""On a Linux desktop without Qt's X libraries the program says so in Chinese, never Qt's English abort."""

import os
import subprocess
import sys

import pytest

from gipr_desktop import platform_check

DESKTOP = {"DISPLAY": ":0"}


def without(*sonames):
    return lambda soname: soname not in sonames


def test_missing_x_libraries_are_named_with_the_install_line():
    text = platform_check.problem(DESKTOP, "linux", without("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"))
    assert "缺少" in text and "libxcb-cursor.so.0" in text and "libxkbcommon-x11.so.0" in text
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in text


def test_a_complete_desktop_starts():
    assert platform_check.problem(DESKTOP, "linux", lambda soname: True) is None


def test_the_x_libraries_are_not_asked_for_offscreen_but_qt_gui_s_own_are():
    environ = {"QT_QPA_PLATFORM": "offscreen"}
    assert platform_check.problem(environ, "linux", without("libxcb-cursor.so.0")) is None
    assert "libgl1" in platform_check.problem(environ, "linux", without("libGL.so.1"))


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_nothing_is_checked_off_linux(platform):
    assert platform_check.problem({}, platform, lambda soname: False) is None


def test_without_a_display_it_says_where_to_start_the_program():
    text = platform_check.problem({}, "linux", lambda soname: True)
    assert "DISPLAY" in text and "gipr check" in text


def test_the_chosen_platform_follows_qt_qpa_platform():
    assert platform_check.qt_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert platform_check.qt_platform({"QT_QPA_PLATFORM": "xcb:dpi=96"}) == "xcb"
    assert platform_check.qt_platform({}) == "xcb"


def test_the_message_is_also_shown_on_the_screen_with_the_first_tool_there(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    shown = []
    platform_check.show("缺少组件", which=lambda tool: tool == "kdialog", run=lambda args, **kw: shown.append(args))
    assert shown and shown[0][0] == "kdialog" and "缺少组件" in shown[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux desktops")
def test_started_without_a_desktop_the_program_exits_with_a_chinese_message():
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-c", "from gipr_desktop.platform_check import main; main()"],
                          env=environ, capture_output=True, text=True, timeout=60)
    assert done.returncode == platform_check.EXIT_MISSING_LIBRARIES
    assert "无法启动" in done.stderr and "Traceback" not in done.stderr and "qt.qpa" not in done.stderr


def test_the_self_test_needs_no_x_libraries_but_the_window_does(monkeypatch, capsys):
    monkeypatch.setattr(platform_check, "loads", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(platform_check, "show", lambda text: None)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    platform_check.stop_unless_qt_can_start(["gipr-desktop", "--self-test"])  # returns: offscreen
    with pytest.raises(SystemExit) as stopped:
        platform_check.stop_unless_qt_can_start(["gipr-desktop"])
    assert stopped.value.code == platform_check.EXIT_MISSING_LIBRARIES
    assert "libxcb-cursor0" in capsys.readouterr().err
