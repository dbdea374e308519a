"""Start the program: the application object, settings, crash log, error dialogs, the main window.

Settings (window geometry, recent files) live in ``QSettings``; the recovery copy, the log and a
crash log written by ``faulthandler`` live in the user's data folder, so a crash can be looked into
afterwards. An unexpected exception is logged and shown as a Chinese message, never a traceback.
``--self-test`` runs the installation self-test instead of the window (see ``gui/selftest.py``).
"""

from __future__ import annotations

import faulthandler
import logging
import multiprocessing
import sys
from pathlib import Path

from gipr_desktop.gui.context import create_context
from gipr_desktop.gui import guard
from gipr_desktop.gui.main_window import APP_NAME, LOG_NAME, MainWindow
from gipr_desktop.gui.qt import QtCore, QtGui, QtWidgets
from gipr_desktop.paths import resource

log = logging.getLogger("gipr_desktop")


def data_folder() -> Path:
    location = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(location or Path.home() / ".gipr-desktop")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def install_chinese_translation(app: QtWidgets.QApplication) -> QtCore.QTranslator | None:
    """Qt's own texts (OK/Cancel, file dialogs, context menus) in Chinese, whatever the system language."""
    folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QtCore.QTranslator(app)
    if translator.load(QtCore.QLocale("zh_CN"),
                       "qtbase", "_", folder):
        app.installTranslator(translator)
        return translator
    log.warning("Qt's Chinese translation not found in %s", folder)
    return None


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen bundle starts the isolated .xls/.ods reader as itself
    argv = sys.argv if argv is None else argv
    if "--self-test" in argv[1:]:
        from gipr_desktop.gui.selftest import run_self_test

        return run_self_test()
    app = QtWidgets.QApplication(argv)
    app.setOrganizationName("gipr-desktop")
    app.setApplicationName("gipr-desktop")
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QtGui.QIcon(str(resource("icon.png"))))
    install_chinese_translation(app)
    QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.Chinese, QtCore.QLocale.Country.China))
    folder = data_folder()
    crash_log = open(folder / "crash.log", "a", encoding="utf-8")  # kept open for faulthandler
    faulthandler.enable(crash_log)
    logging.basicConfig(filename=folder / LOG_NAME, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", encoding="utf-8")
    context = create_context(QtCore.QSettings(), folder)
    window = MainWindow(context)
    guard.install_excepthook()  # the window tells the user (guard.add_handler); this catches the rest
    window.start([arg for arg in argv[1:] if not arg.startswith("-")])
    window.show()
    return app.exec()
