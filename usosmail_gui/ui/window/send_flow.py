"""Sending from the window: a new campaign (the confirmation, ``SendDialog``), a retry of
an earlier campaign's failed recipients, a test of the chosen recipient's message to the
user's own address, and the session that runs one of them (``SendSession``, with its
non-modal progress window). Whether a send may start is ``core.readiness``'s rule; this
part puts the answer in words."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from usosmail_gui.application.connection import ActiveConnection, CheckConnection
from usosmail_gui.application.preparing import RetrySource
from usosmail_gui.application.sending import CampaignStarted, SendOutcome, SendRequest
from usosmail_gui.core.campaign import CampaignDraft, key_fingerprint
from usosmail_gui.core.drafts import build_test_campaign
from usosmail_gui.core.readiness import Blocker, Situation, retry_blocker, send_blocker
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.send_reports import SendProgress, StopReason
from usosmail_gui.ui import texts
from usosmail_gui.ui.send_dialog import SendDialog
from usosmail_gui.ui.sending import (
    SendProgressDialog,
    SendSession,
    counts_text,
    failure_text,
    outcome_text,
)
from usosmail_gui.ui.settings import TEST_ADDRESS
from usosmail_gui.ui.test_address_dialog import TestAddressDialog

if TYPE_CHECKING:
    from usosmail_gui.ui.composer import ComposerPanel

__all__ = ["SendFlow"]


class SendFlow(QObject):
    """The window's sends; one session at a time.

    Signals:
        started(object): ``CampaignStarted``, once a campaign (or test) is in the journal.
        finished(object): the ``SendOutcome``, or the exception that stopped the session,
            once the session has ended (``session`` is None again).
        message(str, int): a line for the status bar, and for how long (ms; 0: until the next).
        explain(str, str, str): title, text and details of a problem to show.
    """

    started = Signal(object)
    finished = Signal(object)
    message = Signal(str, int)
    explain = Signal(str, str, str)

    def __init__(
        self,
        window: QWidget,
        *,
        situation: Callable[[], Situation],
        connection: Callable[[], ActiveConnection | None],
        check: CheckConnection,
        settings: QSettings,
        recipients: Callable[[], RecipientTable | None],
        composer: ComposerPanel,
        installation_text: Callable[[], str],
        actions: Sequence[QAction],
        shown_rows: Callable[[], int] | None = None,
    ) -> None:
        """``shown_rows``: how many rows of the list the grid shows now (a search may
        hide some; Send… then says that every ticked row receives all the same)."""
        super().__init__(window)
        self._window = window
        self._situation = situation
        self._connection = connection
        self._check = check
        self._settings = settings
        self._recipients = recipients
        self._composer = composer
        self._installation_text = installation_text
        self._actions = tuple(actions)  # enabled only while no session runs
        self._shown_rows = shown_rows
        self.session: SendSession | None = None
        self._test_target: tuple[int, str] | None = None  # (row number, address) of the test
        self.dialog: SendDialog | None = None
        self.progress_dialog: SendProgressDialog | None = None
        self.address_dialog: TestAddressDialog | None = None

    @property
    def sending(self) -> bool:
        """Whether a send session (a campaign, a resume or a test) runs now."""
        return self.session is not None

    def close(self) -> None:
        """The window closes: its confirmation, progress and address dialogs close."""
        for dialog in (self.dialog, self.progress_dialog, self.address_dialog):
            if dialog is not None:
                dialog.close()

    def _say(self, text: str, ms: int = 0) -> None:
        self.message.emit(text, ms)

    def problem(self, *, test: bool = False) -> str | None:
        """Why sending (``test``: a test) cannot start now, in plain words (None: it can)."""
        blocker = send_blocker(self._situation(), test=test)
        return None if blocker is None else self._blocker_text(blocker)

    def _blocker_text(self, blocker: Blocker) -> str:
        """Why a new campaign, a test or a retry cannot start, in plain words."""
        words = {
            Blocker.SENDING: self.tr(
                "A campaign is being sent now. Wait for it to finish, or stop it, first."
            ),
            Blocker.LOADING: self.tr("A list of recipients is being opened. Wait until it is shown."),
            Blocker.NO_LIST: self.tr("Open a list of recipients first (File ▸ Open…)."),
            Blocker.NOT_CONNECTED: self.tr(
                "Connect to your university's USOS API first (Connection ▸ Connect…): the messages "
                "are sent through it."
            ),
            Blocker.NO_RECIPIENT: self.tr(
                "Select a recipient in the list: the test is their message, as the preview shows it."
            ),
            Blocker.CONFIRMATION_OPEN: self.tr("Another confirmation is open. Finish or cancel it first."),
        }
        return words[blocker]

    @Slot()
    def open_send_dialog(self) -> SendDialog | None:
        """Open (not exec) the confirmation; it prepares the campaign in a worker."""
        self._composer.reveal_problems()  # a send was tried: every problem of the template shows
        problem = self.problem()
        if problem is not None:
            self.explain.emit(self.tr("Cannot send yet"), problem, "")
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        table, conn = self._recipients(), self._connection()
        assert table is not None and conn is not None and conn.credentials is not None
        dialog = SendDialog(
            table,
            self._composer.template(),
            installation=conn.base_url,
            key_fingerprint=key_fingerprint(conn.credentials.consumer_key),
            installation_text=self._installation_text(),
            letters=self._composer.letter_inputs(),
            shown_rows=None if self._shown_rows is None else self._shown_rows(),
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sendConfirmed.connect(lambda draft: self._send_confirmed(conn, draft))
        dialog.destroyed.connect(self._send_dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_retry_dialog(self, campaign: str, *, include_uncertain: bool = False) -> SendDialog | None:
        """The normal confirmation for a new campaign of ``campaign``'s failed recipients
        (and uncertain ones if asked), with the same template; read in a worker."""
        blocker = retry_blocker(self._situation())
        if blocker is not None:
            self.explain.emit(self.tr("Cannot send yet"), self._blocker_text(blocker), "")
            return None
        conn = self._connection()
        assert conn is not None and conn.credentials is not None
        dialog = SendDialog(
            None,
            self._composer.template(),
            installation=conn.base_url,
            key_fingerprint=key_fingerprint(conn.credentials.consumer_key),
            installation_text=self._installation_text(),
            retry=RetrySource(campaign, include_uncertain),
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sendConfirmed.connect(lambda draft: self._send_confirmed(conn, draft))
        dialog.destroyed.connect(self._send_dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _send_dialog_gone(self) -> None:
        self.dialog = None

    def _send_confirmed(self, conn: ActiveConnection, draft: CampaignDraft) -> None:
        if self._connection() is not conn or conn.credentials is None or self.session is not None:
            self.explain.emit(
                self.tr("Nothing was sent"),
                self.tr("The connection changed (or a campaign started) meanwhile. Open Send… again."),
                "",
            )
            return
        request = SendRequest(conn.base_url, conn.credentials, draft=lambda: draft, check=self._check)
        self.start_session(request)

    def start_session(self, request: SendRequest, *, is_test: bool = False) -> SendSession:
        request = replace(request, lang=texts.ui_lang())  # USOS's own words in the UI's language
        session = SendSession(request, is_test=is_test, parent=self._window)
        session.started.connect(self._send_started)
        session.progress.connect(self._send_progress)
        session.succeeded.connect(self._send_succeeded)
        session.failed.connect(self._send_failed)
        session.ended.connect(lambda: self._send_ended(session))
        self.session = session
        self._update_actions()
        if not is_test:
            old = self.progress_dialog
            if old is not None:
                old.close()
            dialog = SendProgressDialog(session, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: self._progress_dialog_gone(dialog))
            self.progress_dialog = dialog
            dialog.show()
            self._say(self.tr("Checking the connection before sending…"))
        session.start()
        return session

    def _progress_dialog_gone(self, dialog: SendProgressDialog) -> None:
        if self.progress_dialog is dialog:
            self.progress_dialog = None

    def _update_actions(self) -> None:
        idle = self.session is None
        for action in self._actions:
            action.setEnabled(idle)

    def _send_started(self, started: CampaignStarted) -> None:
        if self._test_target is None:
            self._say(
                self.tr("Sending campaign {id}: {counts}").format(
                    id=started.campaign.id, counts=counts_text(started.counts)
                )
            )
        self.started.emit(started)

    def _send_progress(self, progress: SendProgress) -> None:
        if self._test_target is None:
            self._say(
                self.tr("Sending campaign {id}: {counts}").format(
                    id=progress.campaign, counts=counts_text(progress.counts)
                )
            )

    def _send_succeeded(self, outcome: SendOutcome) -> None:
        result = outcome.result
        if self._test_target is not None:
            row, address = self._test_target
            if result.counts.all_enqueued:
                self._say(
                    self.tr("Test sent: row {row}'s message to {address} (accepted by USOS).").format(
                        row=row, address=address
                    ),
                    15000,
                )
            else:
                self._say(self.tr("The test message was not sent."), 15000)
                self.explain.emit(
                    self.tr("The test message was not sent"),
                    outcome_text(outcome),
                    "\n".join(f"{r.error or ''}" for r in outcome.rejected),
                )
            return
        words = counts_text(result.counts)
        if result.stop is StopReason.FINISHED:
            text = self.tr("Campaign {id} sent: {counts}.")
        else:
            text = self.tr("Campaign {id} stopped (can be resumed): {counts}.")
        self._say(text.format(id=outcome.campaign.id, counts=words))

    def _send_failed(self, exc: Exception) -> None:
        text = failure_text(exc)
        if self._test_target is not None:
            self._say(self.tr("The test message was not sent."), 15000)
            self.explain.emit(self.tr("The test message was not sent"), text, "")
            return
        self._say(self.tr("Sending could not run: see the Sending window."), 15000)

    def _send_ended(self, session: SendSession) -> None:
        if session is not self.session:
            return
        self.session = None
        self._test_target = None
        self._update_actions()
        self.finished.emit(session.outcome if session.outcome is not None else session.error)

    # --- send test to me ---------------------------------------------------------------
    def test_address(self) -> str:
        """The user's own address for tests ("" until given); not a secret, kept in QSettings."""
        return TEST_ADDRESS.read(self._settings)

    @Slot()
    def send_test(self) -> None:
        """The selected recipient's message, to the user's own address (asked once)."""
        self._composer.reveal_problems()
        problem = self.problem(test=True)
        if problem is not None:
            self.explain.emit(self.tr("Cannot send a test yet"), problem, "")
            return
        address = self.test_address()
        if not address:
            self.ask_test_address(then=self._send_test_to)
            return
        self._send_test_to(address)

    def ask_test_address(self, then: Callable[[str], None] | None = None) -> TestAddressDialog:
        """Open (not exec) the question for the user's own address; ``then`` gets it."""
        if self.address_dialog is not None:
            self.address_dialog.reject()
        dialog = TestAddressDialog(self._address_problem, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setTextValue(self.test_address())
        dialog.textValueSelected.connect(lambda text: self._test_address_chosen(text, then))
        dialog.destroyed.connect(lambda: self._address_dialog_gone(dialog))
        self.address_dialog = dialog
        dialog.open()
        return dialog

    def _address_problem(self, text: str) -> str | None:
        """What is wrong with ``text`` as the address for tests (None: nothing)."""
        from usosmail_gui.core.recipients.emails import EmailChecker

        normalized, why = EmailChecker().check_address(text)
        if normalized is not None:
            return None
        said = self.tr("“{text}” is not a valid e-mail address.").format(text=text)
        return f"{said}\n{texts.details_line(why)}" if why else said

    def _address_dialog_gone(self, dialog: TestAddressDialog) -> None:
        if self.address_dialog is dialog:
            self.address_dialog = None

    def _test_address_chosen(self, text: str, then: Callable[[str], None] | None) -> None:
        from usosmail_gui.core.recipients.emails import EmailChecker

        normalized, why = EmailChecker().check_address(text.strip())
        if normalized is None:
            self.explain.emit(
                self.tr("Not an e-mail address"),
                self.tr("“{text}” is not a valid e-mail address, so nothing was sent.").format(
                    text=text.strip()
                ),
                texts.details_line(why),
            )
            return
        TEST_ADDRESS.write(self._settings, normalized)
        if then is not None:
            then(normalized)

    def _send_test_to(self, address: str) -> None:
        problem = self.problem(test=True)
        if problem is not None:
            self.explain.emit(self.tr("Cannot send a test yet"), problem, "")
            return
        table, conn, row = self._recipients(), self._connection(), self._composer.current_row()
        assert table is not None and conn is not None and conn.credentials is not None and row is not None
        draft = functools.partial(
            build_test_campaign,
            table,
            self._composer.template(),
            row,
            address,
            installation=conn.base_url,
            key_fingerprint=key_fingerprint(conn.credentials.consumer_key),
        )
        if not self._composer.letter_setup().empty:  # the row's message with its derived values
            from usosmail_gui.application.letters import letter_test_campaign

            draft = functools.partial(
                letter_test_campaign,
                table,
                self._composer.letter_inputs(),
                self._composer.template(),
                row,
                address,
                installation=conn.base_url,
                key_fingerprint=key_fingerprint(conn.credentials.consumer_key),
            )
        self._test_target = (table.row_number(row), address)
        self._say(
            self.tr("Sending row {row}'s message to {address} as a test…").format(
                row=table.row_number(row), address=address
            )
        )
        self.start_session(
            SendRequest(conn.base_url, conn.credentials, draft=draft, check=self._check), is_test=True
        )
