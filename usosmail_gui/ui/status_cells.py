"""The grid's status column: each sheet row's delivery status as a cell (its text, the
error as a tooltip, icon and colour), read from the statuses the poller last delivered.

The column itself (where it is, when it is inserted, which rows to repaint) is the
model's; how a status looks is ``status_display``'s, shared with the Statuses view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette

from usosmail_gui.core.statuses import RecipientStatusView, Status
from usosmail_gui.ui.status_display import StatusIcons, error_text, shown_error, status_brushes, status_text

__all__ = ["StatusCells"]

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value


class StatusCells:
    """The status column's cells, coloured for a palette (``set_palette`` when it changes)."""

    def __init__(self, palette: QPalette) -> None:
        self._icon = StatusIcons()
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        self._brushes = status_brushes(palette)

    def data(self, statuses: Mapping[int, RecipientStatusView], number: int, role: int) -> Any:
        """The status cell's ``role`` for spreadsheet row ``number`` among ``statuses``."""
        found = statuses.get(number)
        if found is None:
            if role in (_DISPLAY, _TOOLTIP):
                return QCoreApplication.translate("StatusCells", "not in the campaign")
            return None
        status = found.status
        if role == _DISPLAY:
            if status is Status.EXCLUDED:  # why it got nothing, not an empty-looking "left out"
                reason = error_text(found)
                if reason:
                    return QCoreApplication.translate("StatusCells", "left out: {reason}").format(
                        reason=reason
                    )
                return status_text(status)
            return status_text(status)
        if role == _TOOLTIP:
            error = shown_error(found)
            return f"{status_text(status)}: {error}" if error else status_text(status)
        if role == _FOREGROUND:
            return self._brushes[status]
        if role == _DECORATION:
            return self._icon(status)
        return None
