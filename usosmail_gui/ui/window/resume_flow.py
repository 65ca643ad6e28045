"""Interrupted campaigns: found in the journal in a worker (at start, quietly, and from
Send ▸ Interrupted campaigns…), offered in the ``ResumeDialog``; resuming one (only
through its own installation: ``core.readiness``) asks the window to send its rest, and
uncertain recipients the user leaves as they are are recorded in a worker, and a campaign
the user closes (after a confirmation in plain words) is closed in a worker. At start
(``quiet``) a campaign of a local test server no longer there is not offered
(``core.readiness.offered_at_start``): it could never be resumed; asked for, it is listed,
and can be closed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from usosmail_gui.application.connection import ActiveConnection, CheckConnection
from usosmail_gui.application.sending import Interrupted, SendRequest, find_interrupted, leave_uncertain
from usosmail_gui.core.campaign import key_fingerprint
from usosmail_gui.core.journal import CampaignBusy, CampaignRecord, JournalError
from usosmail_gui.core.readiness import (
    Blocker,
    Situation,
    offered_at_start,
    resume_blocker,
    same_installation,
)
from usosmail_gui.ui.confirm_box import ask_first
from usosmail_gui.ui.numbers import counted
from usosmail_gui.ui.problem_texts import journal_error_text
from usosmail_gui.ui.resume_dialog import ResumeDialog
from usosmail_gui.ui.sending import failure_text
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = ["ResumeFlow"]

log = logging.getLogger(__name__)

# what connecting to the campaign's installation would cure (the dialog then offers Connect…)
_CONNECTING_HELPS = frozenset({Blocker.NOT_CONNECTED, Blocker.KEY_MISSING, Blocker.OTHER_INSTALLATION})


class ResumeFlow(QObject):
    """Finding and resuming interrupted campaigns for ``window``.

    Signals:
        found(object): the list of ``Interrupted`` campaigns, once offered (an empty list
            when there is nothing to offer, or the journal could not be read).
        sendRequested(object): resume with this ``SendRequest`` (the window's send flow runs it).
        connectRequested(str): open the Connection dialog for this installation (the
            campaign's); once connected to it (``connection_changed``) the campaign resumes.
        message(str): a line for the status bar.
        explain(str, str, str): title, text and details of a problem to show.
    """

    found = Signal(object)
    sendRequested = Signal(object)
    connectRequested = Signal(str)
    message = Signal(str)
    explain = Signal(str, str, str)

    def __init__(
        self,
        window: QWidget,
        situation: Callable[[], Situation],
        connection: Callable[[], ActiveConnection | None],
        check: CheckConnection,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._situation = situation
        self._connection = connection
        self._check = check
        self._find_task: Task | None = None
        self.dialog: ResumeDialog | None = None
        # the campaign (and the uncertain seqs ticked) to resume once connected to its installation
        self._after_connecting: tuple[CampaignRecord, tuple[int, ...]] | None = None
        self.confirm_box: QMessageBox | None = None  # "Close campaign…" asks first (tests answer it)

    def close(self) -> None:
        """The window closes: so does the Interrupted campaigns dialog."""
        if self.dialog is not None:
            self.dialog.close()

    def show(self, *, quiet: bool = False) -> None:
        """Look for interrupted campaigns in a worker and offer them (``quiet``: say
        nothing when there are none, as at start)."""
        if self._find_task is not None:
            return
        self._find_task = run_in_background(
            find_interrupted,
            parent=self,
            on_result=lambda found: self._found(found, quiet),
            on_error=self._failed,
            on_finished=self._find_done,
        )

    def _find_done(self) -> None:
        self._find_task = None

    def _found(self, found: list[Interrupted], quiet: bool) -> None:
        dialog = self.dialog
        if quiet and dialog is None:
            situation = self._situation_now()  # the installation chosen counts, key or not
            talks_to = situation.connected_to or situation.chosen
            found = [f for f in found if offered_at_start(f.campaign.installation, talks_to)]
        if dialog is None:
            if not found and quiet:
                self.found.emit(found)
                return
            dialog = ResumeDialog(found, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.resumeRequested.connect(self._resume_requested)
            dialog.leaveRequested.connect(self._leave_requested)
            dialog.connectRequested.connect(self._connect_requested)
            dialog.closeRequested.connect(self.ask_close)
            dialog.destroyed.connect(self._dialog_gone)
            self.dialog = dialog
        else:
            dialog.set_found(found)
        dialog.show()
        dialog.raise_()
        if found:
            self.message.emit(
                counted(
                    self.tr(
                        "%n campaign(s) were interrupted: see the Interrupted campaigns window.",
                        "",
                        len(found),
                    ),
                    len(found),
                )
            )
        self.found.emit(found)

    def _dialog_gone(self) -> None:
        self.dialog = None
        self._after_connecting = None

    def _failed(self, exc: Exception) -> None:
        log.error("Looking for interrupted campaigns failed", exc_info=exc)
        if isinstance(exc, JournalError):  # the window works on without the history
            self.explain.emit(
                self.tr("The journal cannot be read"),
                journal_error_text(exc),
                self.tr(
                    "You can go on working: open the list, write and save the template. Sending "
                    "and the campaign history wait until the journal can be used again."
                ),
            )
        else:
            self.explain.emit(self.tr("The journal cannot be read"), failure_text(exc), "")
        self.found.emit([])

    def _situation_now(self) -> Situation:
        conn = self._connection()
        return replace(self._situation(), chosen=conn.base_url if conn is not None else None)

    def _resume_requested(self, campaign: CampaignRecord, resend: tuple[int, ...]) -> None:
        dialog = self.dialog
        blocker = resume_blocker(self._situation_now(), campaign.installation)
        problem = self.problem(campaign)
        if problem is not None:
            connecting = blocker in _CONNECTING_HELPS
            if dialog is not None:
                dialog.show_problem(lambda: self.problem(campaign) or problem, connect=connecting)
            else:
                self.explain.emit(self.tr("Cannot resume yet"), problem, "")
            return
        conn = self._connection()
        assert conn is not None and conn.credentials is not None
        if key_fingerprint(conn.credentials.consumer_key) != campaign.key_fingerprint:
            log.warning("Campaign %s is resumed with another consumer key", campaign.id)
        if dialog is not None:
            dialog.accept()
        request = SendRequest(
            conn.base_url, conn.credentials, campaign=campaign.id, resend=tuple(resend), check=self._check
        )
        self.sendRequested.emit(request)

    def problem(self, campaign: CampaignRecord) -> str | None:
        """Why ``campaign`` cannot be resumed now, in plain words (None: it can)."""
        blocker = resume_blocker(self._situation_now(), campaign.installation)
        if blocker is Blocker.SENDING:
            return self.tr("A campaign is being sent now. Resume this one when that one has finished.")
        if blocker is Blocker.KEY_MISSING:
            return self.tr(
                "The key for {installation} is not saved on this computer (without a keyring it is "
                "kept only until the app closes). Connect to {installation} to resume: Connect… "
                "asks for its key and secret, then the campaign resumes. Nothing was sent."
            ).format(installation=campaign.installation)
        if blocker is Blocker.NOT_CONNECTED:
            return self.tr(
                "This campaign was started on {installation}. Connect to it first (Connect…), "
                "then it resumes. Nothing was sent."
            ).format(installation=campaign.installation)
        if blocker is Blocker.OTHER_INSTALLATION:
            conn = self._connection()
            assert conn is not None
            return self.tr(
                "This campaign was started on {installation}, but the window is connected to "
                "{url}. Connect to {installation} (Connect…) to resume it. Nothing was sent."
            ).format(installation=campaign.installation, url=conn.base_url)
        return None

    def _connect_requested(self, campaign: CampaignRecord, resend: tuple[int, ...]) -> None:
        """Connect… in the dialog: the Connection dialog for the campaign's installation;
        once connected to it, the campaign resumes with what was ticked."""
        self._after_connecting = (campaign, tuple(resend))
        self.connectRequested.emit(campaign.installation)

    def connection_changed(self, connection: object) -> None:
        """The window's connection changed: if it is the installation (with its key) of
        the campaign waiting for it, resume that campaign now."""
        waiting = self._after_connecting
        if waiting is None or not isinstance(connection, ActiveConnection) or connection.credentials is None:
            return
        campaign, resend = waiting
        if not same_installation(connection.base_url, campaign.installation):
            return
        self._after_connecting = None
        dialog = self.dialog
        if dialog is None:
            return
        dialog.clear_problem()
        dialog.select_campaign(campaign.id)
        self._resume_requested(campaign, resend)

    def _leave_requested(self, campaign: CampaignRecord, seqs: tuple[int, ...]) -> None:
        run_in_background(
            leave_uncertain,
            campaign.id,
            list(seqs),
            parent=self,
            on_result=lambda count: self._left(campaign, count),
            on_error=self._failed,
        )

    def _left(self, campaign: CampaignRecord, count: int) -> None:
        self.message.emit(
            counted(
                self.tr("%n uncertain recipient(s) of campaign {id} left as they are.", "", count), count
            ).format(id=campaign.id)
        )
        self.show()

    # --- closing a campaign -------------------------------------------------------------
    def ask_close(self, item: Interrupted) -> QMessageBox:
        """Ask (a non-blocking box, Cancel the default) before ``item``'s campaign is closed."""
        campaign, counts = item.campaign, item.counts
        lines = [
            self.tr("%Ln recipient(s) never sent will not get this message.", "", counts.not_sent),
            self.tr(
                "%Ln uncertain recipient(s) stay listed as uncertain: they may or may not have it.",
                "",
                counts.uncertain,
            ),
            self.tr(
                "The campaign is not offered here again. Campaigns… still shows it, as closed, "
                "with its statuses and report. To write to its students again, send a new campaign."
            ),
        ]
        if not counts.not_sent:
            lines.pop(0)
        if not counts.uncertain:
            lines.pop(-2)
        self.confirm_box = ask_first(
            self.dialog if self.dialog is not None else self._window,
            title=self.tr("Close the campaign"),
            text=self.tr("Close campaign {id}? Nothing more of it will be sent.").format(id=campaign.id),
            informative="\n\n".join(lines),
            yes_text=self.tr("&Close campaign"),
            then=lambda: self.close_campaign(campaign),
            name="closeCampaignBox",
        )
        return self.confirm_box

    def close_campaign(self, campaign: CampaignRecord) -> None:
        """Close ``campaign`` in a worker, then show what is still interrupted."""
        from usosmail_gui.application.campaigns import close_campaign

        run_in_background(
            close_campaign,
            campaign.id,
            parent=self,
            on_result=self._closed,
            on_error=lambda exc: self._close_failed(campaign, exc),
        )

    def _closed(self, campaign: CampaignRecord) -> None:
        self.message.emit(
            self.tr("Campaign {id} is closed: nothing more of it will be sent.").format(id=campaign.id)
        )
        self.show()

    def _close_failed(self, campaign: CampaignRecord, exc: Exception) -> None:
        def said() -> str:  # in the language of the moment (said again after a switch)
            if isinstance(exc, CampaignBusy):
                return self.tr(
                    "Campaign {id} is being sent right now (in this window or another): it can be "
                    "closed once that has stopped. Nothing was changed."
                ).format(id=campaign.id)
            if isinstance(exc, JournalError):
                return journal_error_text(exc)
            return failure_text(exc)

        text = said()
        if self.dialog is not None:
            self.dialog.show_problem(said)
        else:
            self.explain.emit(self.tr("The campaign was not closed"), text, "")
