"""The grid's status cells: a row's status in words (a left-out row says why), its error
as the tooltip, the status's icon and colour, and a row not in the campaign said so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication, QIcon
from pytestqt.qtbot import QtBot

from usosmail_gui.core.statuses import RecipientStatusView, Status
from usosmail_gui.ui.status_cells import StatusCells
from usosmail_gui.ui.status_display import status_brushes

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value
FOREGROUND, DECORATION = Qt.ItemDataRole.ForegroundRole.value, Qt.ItemDataRole.DecorationRole.value


def view(row: int, status: Status, error: str | None = None) -> RecipientStatusView:
    return RecipientStatusView(
        row=row, addresses=(f"s{row}@student.example.edu.pl",), values={}, message_id=f"m{row}",
        status=status, error=error, enqueued_at=None, finished_at=None,
    )  # fmt: skip


STATUSES = {2: view(2, Status.SENT), 3: view(3, Status.FAILED, "mailbox full")}


def test_a_cell_shows_the_status_its_error_icon_and_colour(qtbot: QtBot) -> None:
    palette = QGuiApplication.palette()
    cells = StatusCells(palette)
    assert cells.data(STATUSES, 2, DISPLAY) == "sent"
    assert cells.data(STATUSES, 3, DISPLAY) == "failed"
    assert cells.data(STATUSES, 3, TOOLTIP) == "failed: mailbox full"
    brush = cells.data(STATUSES, 3, FOREGROUND)
    assert isinstance(brush, QBrush) and brush.color() == status_brushes(palette)[Status.FAILED].color()
    assert isinstance(cells.data(STATUSES, 2, DECORATION), QIcon)
    assert cells.data(STATUSES, 4, DISPLAY) == cells.data(STATUSES, 4, TOOLTIP) == "not in the campaign"
    assert cells.data(STATUSES, 4, FOREGROUND) is None


def test_a_row_not_in_the_campaign_is_said_so_in_polish(qtbot: QtBot, polish: None) -> None:
    cells = StatusCells(QGuiApplication.palette())
    assert cells.data(STATUSES, 4, DISPLAY) == "nie należy do kampanii"
