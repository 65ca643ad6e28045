"""The words of sending: outcomes, stops, failures, durations and counts, in the
language installed when asked (the progress window asks again after a language switch).
Their translation context is ``Sending``, as when they lived in ``ui/sending.py``."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from usosmail_gui.application.sending import PreflightFailed, SendOutcome, StoppedBeforeStart
from usosmail_gui.core.campaign import CampaignError
from usosmail_gui.core.journal import CampaignBusy, CampaignClosed, Counts, JournalError, UnknownCampaign
from usosmail_gui.core.send_reports import StopReason
from usosmail_gui.core.usos.errors import UsosError
from usosmail_gui.ui.numbers import counted

from . import texts
from .plurals import TextContext
from .problem_texts import campaign_error_text, journal_error_text

__all__ = ["Sending", "counts_text", "duration_text", "failure_text", "local_time", "outcome_text"]

translate = QCoreApplication.translate


class Sending(TextContext):
    """The translation context of these counted texts (see ``TextContext``)."""


# --- words ----------------------------------------------------------------------------------


def duration_text(seconds: float) -> str:
    """ "45 seconds", "3 min 05 s", "1 h 20 min"."""
    whole = int(seconds + 0.5)
    if whole < 60:
        return counted(Sending.tr("%n second(s)", "", whole), whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return translate("Sending", "{m} min {s:02d} s").format(m=minutes, s=secs)
    hours, minutes = divmod(minutes, 60)
    return translate("Sending", "{h} h {m:02d} min").format(h=hours, m=minutes)


def local_time(iso: str) -> str:
    """A journal time (ISO, UTC) in this computer's time zone, to the minute."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16].replace("T", " ")


def counts_text(counts: Counts) -> str:
    """ "37 accepted · 2 refused · 1 uncertain · 0 still to send"."""
    return " · ".join(
        (
            counted(Sending.tr("%Ln accepted", "", counts.enqueued), counts.enqueued),
            counted(Sending.tr("%Ln refused", "", counts.rejected), counts.rejected),
            counted(Sending.tr("%Ln uncertain", "", counts.uncertain), counts.uncertain),
            counted(Sending.tr("%Ln still to send", "", counts.not_sent), counts.not_sent),
        )
    )


def _stop_text(reason: StopReason, counts: Counts) -> str:
    hint = translate(
        "Sending",
        "Nothing is lost: Send ▸ Interrupted campaigns… sends the rest (the app also offers it at start).",
    )
    if reason is StopReason.CANCELLED:
        return (
            counted(
                Sending.tr("Sending was stopped. %Ln message(s) were not sent yet.", "", counts.not_sent),
                counts.not_sent,
            )
            + " "
            + hint
        )
    if reason is StopReason.UNREACHABLE:
        return (
            translate("Sending", "USOS could not be reached. Check the network connection, then resume.")
            + " "
            + hint
        )
    if reason is StopReason.CREDENTIALS_REJECTED:
        return (
            translate(
                "Sending",
                "USOS rejected the consumer key or secret. Check them (Connection ▸ Connect…) and "
                "this computer's clock, then resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.NOT_ADMINISTRATIVE:
        return (
            translate(
                "Sending",
                "This key is not an administrative key, which sending mail requires. Ask your "
                "university's USOS API administrators for one, then resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.REFUSED:
        return (
            translate("Sending", "USOS refused a request, so sending stopped. Try again later.") + " " + hint
        )
    if reason is StopReason.DISK_FULL:
        return (
            translate(
                "Sending",
                "The disk holding the journal of sent messages is full, so sending stopped: nothing "
                "more was sent. Free space on the disk, then resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.JOURNAL:
        return (
            translate(
                "Sending",
                "The journal of sent messages could no longer be written, so sending stopped: nothing "
                "more was sent. Once it can be used again, resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.TOO_MANY_UNCERTAIN:
        return (
            translate(
                "Sending",
                "Several requests in a row failed in a way that leaves their messages uncertain, "
                "so sending stopped before more became uncertain. Try again later.",
            )
            + " "
            + hint
        )
    return ""


def outcome_text(outcome: SendOutcome) -> str:
    """The end of a session in plain words: what happened and what to do."""
    result, counts = outcome.result, outcome.result.counts
    parts: list[str] = []
    if result.stop is not StopReason.FINISHED:
        parts.append(_stop_text(result.stop, counts))
    elif counts.all_enqueued:
        parts.append(
            counted(
                Sending.tr("All %Ln message(s) were accepted by USOS for delivery.", "", counts.enqueued),
                counts.enqueued,
            )
        )
    else:
        parts.append(
            counted(
                Sending.tr(
                    "%Ln of the campaign's messages were accepted by USOS for delivery.", "", counts.enqueued
                ),
                counts.enqueued,
            )
        )
    if counts.rejected:
        parts.append(
            counted(
                Sending.tr(
                    "%Ln message(s) were refused by USOS: those recipients get nothing. The reasons are "
                    "listed below; correct the addresses and send to them again.",
                    "",
                    counts.rejected,
                ),
                counts.rejected,
            )
        )
    if outcome.uncertain:
        parts.append(
            counted(
                Sending.tr(
                    "%Ln message(s) are uncertain: the connection failed while their request was under "
                    "way, so USOS may or may not have them. They were not sent again, so nobody gets a "
                    "message twice. Ask a few of those recipients (listed below) or the USOS "
                    "administrators; to send some again, tick them in Send ▸ Interrupted campaigns….",
                    "",
                    len(outcome.uncertain),
                ),
                len(outcome.uncertain),
            )
        )
    return "\n\n".join(parts)


def failure_text(exc: BaseException) -> str:
    """Why a session could not run, in plain words (the campaign, if stored, stays resumable)."""
    if isinstance(exc, PreflightFailed):
        return (
            texts.verdict_explanation(exc.report) + " " + translate("Sending", "Nothing was stored or sent.")
        )
    if isinstance(exc, StoppedBeforeStart):
        return translate("Sending", "Stopped before anything was stored or sent.")
    if isinstance(exc, CampaignBusy):
        return translate(
            "Sending",
            "This campaign is being sent right now elsewhere (another window or a usosmail command). "
            "Nothing was changed here. Wait until it finishes, then look at Send ▸ Interrupted "
            "campaigns… again.",
        )
    if isinstance(exc, UnknownCampaign):
        return translate("Sending", "This campaign is no longer in the journal. Nothing was sent.")
    if isinstance(exc, CampaignClosed):
        return translate(
            "Sending",
            "This campaign was closed (here, in another window or with usosmail close): nothing "
            "more of it is sent, and its uncertain recipients stay uncertain. Nothing was sent. To "
            "write to its students again, send a new campaign.",
        )
    if isinstance(exc, JournalError):
        return (
            translate("Sending", "The journal of sent messages cannot be used, so nothing was sent.")
            + " "
            + journal_error_text(exc)
        )
    if isinstance(exc, CampaignError):
        return (
            translate("Sending", "The message cannot be made, so nothing was sent.")
            + " "
            + campaign_error_text(exc)
        )
    if isinstance(exc, UsosError):
        return translate("Sending", "USOS cannot be used from here, so nothing was sent.") + " " + str(exc)
    if isinstance(exc, ValueError):  # send_steps: the campaign is another installation's
        return (
            translate(
                "Sending",
                "This campaign belongs to another USOS installation than the one connected. Connect "
                "to its installation, then resume. Nothing was sent.",
            )
            + "\n"
            + texts.details_line(str(exc))
        )
    return translate(
        "Sending",
        "Sending stopped because of an unexpected error. Whatever was sent is recorded in the "
        "journal; Send ▸ Interrupted campaigns… shows what is left.",
    )
