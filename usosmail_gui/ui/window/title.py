"""The window's title, by Qt's conventions: what is open — the list, the template (with
the ``[*]`` marker Qt shows while it is unsaved), the installation — once each, and not the
app's name, which Qt adds itself where the platform wants it (``applicationDisplayName``).
The template's file is also the window's ``windowFilePath`` (macOS shows it as a proxy icon).
Part of the frame: the installation is named before the work area exists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

__all__ = ["WindowTitle"]

SEPARATOR = " — "


class WindowTitle(QObject):
    """Keeps ``window``'s title: "studenci.xlsx — szablon.usosmail[*] — USOS: UW"."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._list = ""
        self._template = ""
        self._place = ""

    def set_place(self, place: str) -> None:
        """The installation the window talks to ("" for none)."""
        self._place = place
        self._show()

    def set_list(self, path: Path | None) -> None:
        """The recipient list shown (None: none)."""
        self._list = "" if path is None else path.name
        self._show()

    def set_template(self, name: str, path: Path | None) -> None:
        """The template being edited: its name, and its file (None: not saved yet)."""
        self._template = name
        self._window.setWindowFilePath("" if path is None else str(path))
        self._show()

    def text(self) -> str:
        template = f"{self._template}[*]" if self._template else ""
        return SEPARATOR.join(part for part in (self._list, template, self._place) if part)

    def _show(self) -> None:
        self._window.setWindowTitle(self.text())
