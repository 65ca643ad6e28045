"""Files dropped on the window: a spreadsheet opens as the list, a template (.usosmail) in
the composer (both when both are dropped). ``DropForwarder`` takes such drops on the window
and away from the text fields (which would paste a file's address) and the composer (which
opens templates only), and says what was dropped; other drops are left alone (the window
refuses them, as it does everything dropped before its work area exists)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractScrollArea, QLineEdit, QWidget

__all__ = ["DropForwarder", "dropped_spreadsheet", "dropped_template", "opens_dropped"]


def dropped_spreadsheet(mime: QMimeData) -> Path | None:
    """The first local spreadsheet file among dropped URLs (by its name), or None."""
    from usosmail_gui.application.loading import is_spreadsheet_path

    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if is_spreadsheet_path(path):
                return path
    return None


def dropped_template(mime: QMimeData) -> Path | None:
    """The first local template file (.usosmail) among dropped URLs, or None."""
    from usosmail_gui.core.template import EXTENSION as TEMPLATE_EXTENSION

    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(TEMPLATE_EXTENSION):
            return Path(url.toLocalFile())
    return None


def opens_dropped(mime: QMimeData) -> bool:
    """Whether a drop carries a file the window opens (a spreadsheet or a template)."""
    return dropped_spreadsheet(mime) is not None or dropped_template(mime) is not None


_DROP_EVENTS = frozenset((QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop))


class DropForwarder(QObject):
    """Takes the window's file drops, and those of the widgets that would mishandle them.

    Signals:
        spreadsheetDropped(object): the ``Path`` of a dropped spreadsheet.
        templateDropped(object): the ``Path`` of a dropped template.
    """

    spreadsheetDropped = Signal(object)
    templateDropped = Signal(object)

    def watch(self, window: QWidget, also: Iterable[QWidget] = ()) -> None:
        """The window, its line edits and scroll areas that accept drops, and ``also``."""
        # by type: wrapping each of the window's hundreds of widgets would cost milliseconds
        candidates: list[QWidget] = [window, *also, *window.findChildren(QLineEdit)]
        for area in window.findChildren(QAbstractScrollArea):
            candidates += (area, area.viewport())
        for widget in candidates:
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _DROP_EVENTS and isinstance(event, QDropEvent) and opens_dropped(event.mimeData()):
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                mime = event.mimeData()
                spreadsheet, template = dropped_spreadsheet(mime), dropped_template(mime)
                if spreadsheet is not None:
                    self.spreadsheetDropped.emit(spreadsheet)
                if template is not None:
                    self.templateDropped.emit(template)
            return True
        return super().eventFilter(watched, event)
