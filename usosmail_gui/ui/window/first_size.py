"""The window's size on a first start: a module of its own because the frame needs it before
its first paint, and the rest of the layout (ui/window/layout.py) can wait."""

from __future__ import annotations

from PySide6.QtCore import QSize

__all__ = ["first_size"]


def first_size(available: QSize) -> QSize:
    """The window's size on a first start (nothing saved): the screen's available area
    (without panels and task bars) less room for the window's frame, up to a size
    beyond which a bigger window only spreads the same things out."""
    frame = QSize(16, 48)  # borders and a title bar; the frame's own size is not known before it is shown
    return QSize(
        max(640, min(available.width() - frame.width(), 1920)),
        max(480, min(available.height() - frame.height(), 1200)),
    )
