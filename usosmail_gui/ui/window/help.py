"""The Help menu's windows: Keyboard shortcuts (from the menu bar, ``shortcuts``), About,
About Qt. Part of the frame: usable before the work area exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from usosmail_gui import __version__

if TYPE_CHECKING:
    from .shortcuts import ShortcutsDialog

__all__ = ["WindowHelp"]


class WindowHelp(QObject):
    """Help ▸ Keyboard shortcuts, About and About Qt, over ``window``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

    def show_shortcuts(self) -> ShortcutsDialog:
        """Every action of the menus that has keys (non-modal)."""
        from .shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self._window.menuBar(), self._window)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self._window)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(self.tr("About usosmail-gui"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("usosmail-gui {version}").format(version=__version__))
        box.setInformativeText(
            self.tr(
                "Personalised e-mail to students through the mailing module of your "
                "university's USOS API, with every message followed until it is sent."
            )
        )
        box.open()
        return box

    def about_qt(self) -> None:
        QApplication.aboutQt()
