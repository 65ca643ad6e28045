"""How a message's status looks wherever it is shown — the grid's status column and the
Statuses panel alike: its name, its error text, its icon and its colour.

The texts keep the translation context "StatusDock" they have always had, so the Polish
translation finds them wherever they are asked for.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from usosmail_gui.core.counts import CampaignCounts
from usosmail_gui.core.statuses import RecipientStatusView, Status

from .colours import Tone, tone
from .numbers import counted, number
from .plurals import TextContext
from .problem_texts import sentences_text

__all__ = [
    "ICONS",
    "TONES",
    "CampaignCountWords",
    "StatusIcons",
    "campaign_counts_text",
    "error_text",
    "finished_text",
    "shown_error",
    "status_brushes",
    "status_colour",
    "status_text",
]


def status_text(status: Status) -> str:
    """The status's name for staff."""
    names = {
        Status.WAITING: QApplication.translate("StatusDock", "waiting"),
        Status.SENT: QApplication.translate("StatusDock", "sent"),
        Status.FAILED: QApplication.translate("StatusDock", "failed"),
        Status.UNCERTAIN: QApplication.translate("StatusDock", "uncertain"),
        Status.REJECTED: QApplication.translate("StatusDock", "rejected"),
        Status.EXPIRED: QApplication.translate("StatusDock", "expired"),
        Status.NOT_SENT: QApplication.translate("StatusDock", "not sent"),
        Status.DETAIL_PENDING: QApplication.translate("StatusDock", "finished — asking for details"),
        Status.NO_DETAIL: QApplication.translate("StatusDock", "finished — USOS gave no details"),
        Status.UNKNOWN: QApplication.translate("StatusDock", "unknown status"),
        Status.EXCLUDED: QApplication.translate("StatusDock", "left out"),
    }
    return names[status]


def error_text(view: RecipientStatusView) -> str | None:
    """The view's error in the user's language where the app wrote it (why a row was left
    out); USOS's own words as they are."""
    return sentences_text(view.sentences, view.error or "") if view.sentences else view.error


def shown_error(view: RecipientStatusView) -> str | None:
    """The error column's text; for a status the app does not know, USOS's own value first."""
    if view.status is Status.UNKNOWN and view.raw_status is not None:
        said = QApplication.translate(
            "StatusDock", "USOS gave the status “{value}”, which this app does not know."
        )
        text = said.format(value=view.raw_status)
        return f"{text} {view.error}" if view.error else text
    return error_text(view)


TONES = {
    Status.WAITING: Tone.MUTED,
    Status.SENT: Tone.SUCCESS,
    Status.FAILED: Tone.ERROR,
    Status.UNCERTAIN: Tone.WARNING,
    Status.REJECTED: Tone.ERROR,
    Status.EXPIRED: Tone.MUTED,
    Status.NOT_SENT: Tone.MUTED,
    Status.DETAIL_PENDING: Tone.MUTED,
    Status.NO_DETAIL: Tone.WARNING,
    Status.UNKNOWN: Tone.WARNING,
    Status.EXCLUDED: Tone.MUTED,
}
# status cells sit on both colours of a list with alternating rows
_LIST_BACKGROUNDS = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


def status_colour(status: Status, palette: QPalette) -> QColor:
    """The status's text colour, readable on the palette's list backgrounds."""
    return tone(TONES[status], palette, on=_LIST_BACKGROUNDS)


def status_brushes(palette: QPalette) -> dict[Status, QBrush]:
    return {status: QBrush(status_colour(status, palette)) for status in Status}


ICONS = {
    Status.WAITING: QStyle.StandardPixmap.SP_BrowserReload,
    Status.SENT: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Status.UNCERTAIN: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.REJECTED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Status.EXPIRED: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Status.NOT_SENT: QStyle.StandardPixmap.SP_DialogCancelButton,
    Status.DETAIL_PENDING: QStyle.StandardPixmap.SP_BrowserReload,
    Status.NO_DETAIL: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    Status.UNKNOWN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    Status.EXCLUDED: QStyle.StandardPixmap.SP_DialogCancelButton,
}


class StatusIcons:
    """Each status's icon from the application's style, made on first use."""

    def __init__(self) -> None:
        self._icons: dict[Status, QIcon] = {}

    def __call__(self, status: Status) -> QIcon:
        icon = self._icons.get(status)
        if icon is None:
            icon = self._icons[status] = QApplication.style().standardIcon(ICONS[status])
        return icon


class CampaignCountWords(TextContext):
    """The translation context of a campaign's counts (the Statuses panel, Campaigns)."""


def campaign_counts_text(counts: CampaignCounts) -> str:
    """A campaign's counts (``core.counts``), as the Statuses panel and the Campaigns window
    both write them: "3 sent · 1 failed · 2 waiting" (zero counts left out)."""
    parts = [
        (counts.sent, CampaignCountWords.tr("%Ln sent", "", counts.sent)),
        (counts.failed, CampaignCountWords.tr("%Ln failed", "", counts.failed)),
        (counts.waiting, CampaignCountWords.tr("%Ln waiting", "", counts.waiting)),
        (counts.uncertain, CampaignCountWords.tr("%Ln uncertain", "", counts.uncertain)),
        (counts.rejected, CampaignCountWords.tr("%Ln rejected", "", counts.rejected)),
        (counts.expired, CampaignCountWords.tr("%Ln expired", "", counts.expired)),
        (counts.to_send, CampaignCountWords.tr("%Ln not sent", "", counts.to_send)),
        (
            counts.detail_pending,
            CampaignCountWords.tr("%Ln finished, details awaited", "", counts.detail_pending),
        ),
        (counts.no_detail, CampaignCountWords.tr("%Ln finished without details", "", counts.no_detail)),
        (counts.unknown, CampaignCountWords.tr("%Ln with an unknown status", "", counts.unknown)),
        (counts.excluded, CampaignCountWords.tr("%Ln left out of the list", "", counts.excluded)),
    ]
    shown = [counted(text, n) for n, text in parts if n]
    return " · ".join(shown) if shown else CampaignCountWords.tr("No recipients.")


def finished_text(counts: CampaignCounts) -> str:
    """ "4 of 6 finished": the messages USOS is done with (never-sent ones are not)."""
    return CampaignCountWords.tr("{finished} of {messages} finished").format(
        finished=number(counts.finished), messages=number(counts.messages)
    )
