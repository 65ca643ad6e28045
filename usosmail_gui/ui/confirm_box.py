"""The box that asks before a step that cannot be undone (deleting students' data, closing
a campaign): a warning, non-blocking (``open``, so the event loop and tests go on), with
Cancel as the default, so the step is never one Enter key away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["ask_first"]


def ask_first(
    parent: QWidget,
    *,
    title: str,
    text: str,
    informative: str,
    yes_text: str,
    then: Callable[[], object],
    name: str = "",
) -> QMessageBox:
    """Open the box; ``then`` runs when the user answers Yes (``yes_text``)."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, buttons.Yes | buttons.Cancel, parent)
    if name:
        box.setObjectName(name)
    box.setInformativeText(informative)
    box.setDefaultButton(buttons.Cancel)
    box.button(buttons.Yes).setText(yes_text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(then)
    box.open()
    return box
