"""What the Campaigns window asks before a step that cannot be undone: deleting a
campaign's students' data, closing a campaign (``confirm_box.ask_first``: a warning,
non-blocking, Cancel the default). The texts keep the ``HistoryWindow`` context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from usosmail_gui.application.campaigns import CampaignRow
from usosmail_gui.ui.confirm_box import ask_first

__all__ = ["ask_close", "ask_delete"]


translate = QCoreApplication.translate  # pyside6-lupdate reads translate("HistoryWindow", "…")


def ask_delete(parent: QWidget, row: CampaignRow, then: Callable[[], object]) -> QMessageBox:
    """Ask before ``row``'s personal data is deleted; ``then`` deletes it."""
    return ask_first(
        parent,
        title=translate("HistoryWindow", "Delete the campaign's data"),
        text=translate("HistoryWindow", "Delete the students' data of campaign {id} now?").format(id=row.id),
        informative=translate(
            "HistoryWindow",
            "Their names, addresses, cells, messages and statuses are deleted from the journal at "
            "once and cannot be brought back. The campaign's dates and counts stay; export its "
            "report first if the dean needs it.",
        ),
        yes_text=translate("HistoryWindow", "&Delete"),
        then=then,
    )


def ask_close(parent: QWidget, row: CampaignRow, then: Callable[[], object]) -> QMessageBox:
    """Ask before ``row`` is closed (nothing more of it sent); ``then`` closes it."""
    return ask_first(
        parent,
        title=translate("HistoryWindow", "Close the campaign"),
        text=translate("HistoryWindow", "Close campaign {id}? Nothing more of it will be sent.").format(
            id=row.id
        ),
        informative=translate(
            "HistoryWindow",
            "Recipients never sent will not get this message; uncertain ones stay listed as "
            "uncertain (they may or may not have it). The campaign is not offered at start any "
            "more; it stays in this list, as closed, with its statuses and report. To write to "
            "its students again, send a new campaign.",
        ),
        yes_text=translate("HistoryWindow", "&Close campaign"),
        then=then,
        name="closeCampaignBox",
    )
