"""File ▸ Open Recent and Open Recent Template: one ``RecentList`` each.

The list lives in the settings (newest first, ``settings.MAX_RECENT_FILES``); whether each
file is still there is found out in a worker (a stat may hang on a network drive), and a
gone file stays listed, disabled, until the list is cleared.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from usosmail_gui.application.loading import missing_files
from usosmail_gui.ui.settings import forget_recent_file, recent_files, remember_recent_file
from usosmail_gui.ui.workers import run_in_background

__all__ = ["RecentList"]


class RecentList(QObject):
    """One Open Recent menu over one settings key.

    Signals:
        changed(object): the paths (newest first), once the menu shows them checked.
        openRequested(str): an entry was chosen.
    """

    changed = Signal(object)
    openRequested = Signal(str)

    def __init__(
        self,
        settings: QSettings,
        key: str,
        menu: QMenu,
        clear_action: QAction,
        empty_text: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._key = key
        self.menu = menu
        self.clear_action = clear_action
        self._empty_text = empty_text
        self._missing: set[str] = set()

    def paths(self) -> list[str]:
        return recent_files(self._settings, self._key)

    def refresh(self) -> None:
        """Show the list now, and again once a worker has found which files are gone."""
        paths = self.paths()
        self._fill(paths)
        if paths:
            run_in_background(
                missing_files, paths, parent=self, on_result=lambda gone: self._checked(paths, gone)
            )
        else:
            self.changed.emit(paths)

    def remember(self, path: str) -> None:
        """``path`` was opened (or saved): first in the list."""
        self._missing.discard(path)
        remember_recent_file(self._settings, path, self._key)
        self.refresh()

    def forget(self, path: str) -> None:
        """``path`` could not be opened: out of the list."""
        forget_recent_file(self._settings, path, self._key)
        self.refresh()

    def clear(self) -> None:
        forget_recent_file(self._settings, None, self._key)
        self._missing.clear()
        self.refresh()

    def _checked(self, paths: list[str], gone: set[str]) -> None:
        if paths != self.paths():
            return  # changed meanwhile; a newer check follows
        self._missing = gone
        self._fill(paths)
        self.changed.emit(paths)

    def _fill(self, paths: Sequence[str]) -> None:
        menu = self.menu
        menu.clear()
        for number, path in enumerate(paths, 1):
            menu.addAction(self._entry(number, path))
        if paths:
            menu.addSeparator()
        else:
            empty = menu.addAction(self._empty_text)
            empty.setEnabled(False)
        menu.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(paths))

    def _entry(self, number: int, path: str) -> QAction:
        """One entry: "&1 name — folder", disabled when the file is gone."""
        name = os.path.basename(path).replace("&", "&&")
        folder = os.path.dirname(path).replace("&", "&&")
        action = QAction(f"&{number} {name} — {folder}" if number < 10 else f"{name} — {folder}", self.menu)
        action.setData(path)
        if path in self._missing:
            action.setEnabled(False)
            action.setText(self.tr("{entry} (not found)").format(entry=action.text()))
            action.setToolTip(
                self.tr("The file is no longer there: moved, renamed or on a drive not connected.")
            )
        else:
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, chosen=path: self.openRequested.emit(chosen))
        return action
