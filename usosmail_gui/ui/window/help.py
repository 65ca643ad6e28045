"""The Help menu's windows: the User Guide (``ui/user_guide``), Keyboard shortcuts (from the
menu bar, ``shortcuts``), About, About Qt. Part of the frame: usable before the work area
exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from usosmail_gui import __version__

if TYPE_CHECKING:  # and QUrl, QMessageBox: PySide6 makes a type on first use, after the first paint
    from PySide6.QtWidgets import QMessageBox

    from usosmail_gui.ui.user_guide import UserGuideWindow

    from .shortcuts import ShortcutsDialog

__all__ = ["WindowHelp"]


class WindowHelp(QObject):
    """Help ▸ Keyboard shortcuts, About and About Qt, over ``window``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._guide: UserGuideWindow | None = None

    def show_user_guide(self) -> UserGuideWindow | None:
        """The guide in the window's language, shipped with the app (non-modal, one window)."""
        from PySide6.QtCore import QUrl

        from usosmail_gui.ui.user_guide import UserGuideWindow, guide_path, window_language

        path = guide_path(window_language())
        if path is None:  # a package built without its data
            self._window.statusBar().showMessage(self.tr("The user guide is not installed."), 10000)
            return None
        if self._guide is not None:
            self._guide.show_page(QUrl.fromLocalFile(str(path)))
        else:
            self._guide = UserGuideWindow(path, self._window)
            self._guide.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
            self._guide.destroyed.connect(self._guide_gone)
        self._guide.show()
        self._guide.raise_()
        return self._guide

    def _guide_gone(self) -> None:
        self._guide = None

    def show_shortcuts(self) -> ShortcutsDialog:
        """Every action of the menus that has keys (non-modal)."""
        from .shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self._window.menuBar(), self._window)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

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
