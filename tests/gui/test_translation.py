"""Qt's own buttons and menus speak Chinese, as the rest of the program does."""

from gipr_desktop.gui.app import install_chinese_translation
from gipr_desktop.gui.qt import QtCore


def test_qt_standard_texts_are_chinese(qapp):
    translator = install_chinese_translation(qapp)
    try:
        assert translator is not None
        assert QtCore.QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
