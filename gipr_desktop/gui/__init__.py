"""The window: Qt widgets and models over the plain-Python core. Qt is imported only via ``gui.qt``."""
