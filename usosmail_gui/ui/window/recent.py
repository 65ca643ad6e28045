"""File ▸ Open Recent and Open Recent Template: one ``RecentList`` each, made and put in the
File menu (with the composer's template actions) by ``RecentMenus``.

The list lives in the settings (newest first, ``settings.MAX_RECENT_FILES``); whether each
file is still there is found out in a worker (a stat may hang on a network drive), and a
gone file stays listed, disabled, until the list is cleared.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from usosmail_gui.application.loading import missing_files
from usosmail_gui.ui.settings import (
    RECENT_FILES,
    RECENT_TEMPLATES,
    forget_recent_file,
    recent_files,
    remember_recent_file,
)
from usosmail_gui.ui.workers import run_in_background

if TYPE_CHECKING:
    from usosmail_gui.ui.composer import ComposerPanel

__all__ = ["RecentList", "RecentMenus"]


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

    def set_empty_text(self, text: str) -> None:
        """What the menu says when it is empty; the list is shown again (checked anew)."""
        self._empty_text = text
        self.refresh()

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


class RecentMenus(QObject):
    """File ▸ Open Recent (``files``) and Open Recent Template (``templates``), with the
    composer's template actions (New, Open, samples, Save, Save As) inserted before ``place``
    in the File menu.

    Signals:
        listRequested(str): a recent list was chosen.
        filesChanged(object), templatesChanged(object): ``RecentList.changed`` of each.
    """

    listRequested = Signal(str)
    filesChanged = Signal(object)
    templatesChanged = Signal(object)

    def __init__(
        self,
        settings: QSettings,
        file_menu: QMenu,
        place: QAction,
        recent_menu: QMenu,
        clear_action: QAction,
        composer: ComposerPanel,
    ) -> None:
        super().__init__(file_menu)
        for action in (composer.new_action, composer.open_action):
            file_menu.insertAction(place, action)
        self.templates_menu = QMenu(file_menu)
        self.templates_menu.setObjectName("recentTemplatesMenu")
        file_menu.insertMenu(place, self.templates_menu)
        self.clear_templates_action = QAction(file_menu)
        file_menu.insertMenu(place, composer.samples_menu)
        for action in (composer.save_action, composer.save_as_action):
            file_menu.insertAction(place, action)

        self.files = RecentList(settings, RECENT_FILES.key, recent_menu, clear_action, "", self)
        self.files.openRequested.connect(self.listRequested)
        self.files.changed.connect(self.filesChanged)
        self.templates = RecentList(
            settings, RECENT_TEMPLATES.key, self.templates_menu, self.clear_templates_action, "", self
        )
        self.clear_templates_action.triggered.connect(self.templates.clear)
        self.templates.openRequested.connect(composer.open_template)
        self.templates.changed.connect(self.templatesChanged)
        composer.fileChanged.connect(self._template_file_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """The menus' texts in the language now installed (and the lists shown again)."""
        self.templates_menu.setTitle(self.tr("Open Recent Te&mplate"))
        self.clear_templates_action.setText(self.tr("&Clear the list"))
        self.files.set_empty_text(self.tr("(no files opened yet)"))
        self.templates.set_empty_text(self.tr("(no templates opened yet)"))

    def _template_file_changed(self, path: object) -> None:
        """A template was opened from or saved to ``path``: first in Open Recent Template."""
        if path is not None:
            self.templates.remember(str(path))
