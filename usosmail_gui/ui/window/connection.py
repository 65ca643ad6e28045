"""The installation the window talks to: chosen (Connection ▸ Connect…, the command line,
the sandbox, the last one remembered), its key read from the keyring in a worker, and
"Test connection" run in a worker (``application.connection``); the answer in the status
bar. Light at import: the frame shows the installation before the work area exists."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# ``Qt`` (the namespace) through ``QtCore`` on purpose: PySide6 builds its 100-odd enums on
# first access (~30 ms), which the frame's first paint must not wait for.
from PySide6 import QtCore
from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from usosmail_gui.application.connection import ActiveConnection, CheckConnection
from usosmail_gui.ui.settings import LAST_URL
from usosmail_gui.ui.window.status_bar import WindowStatusBar
from usosmail_gui.ui.workers import Task, run_in_background

if TYPE_CHECKING:
    from usosmail_gui.core.credentials import Credentials, CredentialStore
    from usosmail_gui.core.usos.connection import ConnectionReport
    from usosmail_gui.ui.connection_dialog import ConnectionDialog, ListInstallations

__all__ = ["WindowConnection"]

log = logging.getLogger(__name__)


class WindowConnection(QObject):
    """The window's ``connection`` and its ``last_report``.

    Signals:
        changed(object): another ``ActiveConnection`` (its key maybe not loaded yet).
        credentialsLoaded(object): the key read from the keyring (None: none saved).
        refreshed(object): a connection check ended (its ``ConnectionReport``, None if failed).
        showWorkArea(): leave the welcome page.
        placeChanged(str): the installation as the window's title names it ("" for none).
        message(str, int): a line for the status bar, and for how long (ms).
    """

    changed = Signal(object)
    credentialsLoaded = Signal(object)
    refreshed = Signal(object)
    showWorkArea = Signal()
    placeChanged = Signal(str)
    message = Signal(str, int)

    def __init__(
        self,
        window: QWidget,
        status: WindowStatusBar,
        test_action: QAction,
        settings: QSettings,
        *,
        ask_when_missing: bool = False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self._test_action = test_action
        self._settings = settings
        self._ask_when_missing = ask_when_missing
        self.connection: ActiveConnection | None = None
        self.last_report: ConnectionReport | None = None
        self.dialog: ConnectionDialog | None = None
        self._status_task: Task | None = None
        self._unannounced: ConnectionReport | None = None  # shown, ``refreshed`` not yet emitted
        self._store: CredentialStore | None = None
        self._check: CheckConnection | None = None
        self._list_installations: ListInstallations | None = None

    def set_services(
        self, store: CredentialStore, check: CheckConnection, list_installations: ListInstallations
    ) -> None:
        """What the work area brings: the keyring, the check, the list of installations."""
        self._store, self._check, self._list_installations = store, check, list_installations

    def use(self, connection: ActiveConnection) -> None:
        """Talk to this installation from now on; check it in a worker (or load its key first)."""
        self.showWorkArea.emit()
        self.set(connection)
        if not connection.sandbox:
            LAST_URL.write(self._settings, connection.base_url)
        if connection.credentials is None:
            self.load_credentials(check_after=True)
        else:
            self.refresh()

    def show_starting_sandbox(self) -> None:
        """Said while app.py starts the local sandbox in a worker."""
        self._status.installation.setText(self.tr("Local sandbox (starting)"))
        self._status.state.setText(self.tr("Starting the local sandbox…"))

    def show_sandbox_failed(self, reason: str) -> None:
        from usosmail_gui.ui import texts

        self._status.state.setText(self.tr("The local sandbox could not be started."))
        self._status.state.setToolTip(texts.details_line(reason))

    def set(self, connection: ActiveConnection) -> None:
        """Talk to ``connection`` from now on (no check; its key may still be to load)."""
        if self._status_task is not None:
            self._status_task.cancel()
        self.connection = connection
        self.last_report = None
        self.show()
        self.changed.emit(connection)

    def show(self) -> None:
        """The installation and its state in the status bar and the window's title."""
        conn = self.connection
        if conn is None:
            self._status.installation.setText(self.tr("No installation chosen"))
            self._status.state.setText(self.tr("Not connected"))
            self._status.state.setToolTip(self.tr("Connection ▸ Connect… to choose one."))
            self._status.queue.setText("")
            self._status.queue.setStyleSheet("")
            self.placeChanged.emit("")
            self._test_action.setEnabled(False)
            return
        if conn.sandbox:
            where = self.tr("Local sandbox (for trying out; mail is not really sent) — {url}")
        elif conn.name:
            where = self.tr("USOS: {name} — {url}")
        else:
            where = self.tr("USOS: {url}")
        self._status.installation.setText(where.format(url=conn.base_url, name=conn.name))
        self.placeChanged.emit(self.tr("Local sandbox") if conn.sandbox else (conn.name or conn.base_url))
        if conn.credentials is None:
            self._status.state.setText(self.tr("No key loaded"))
            self._status.state.setToolTip("")
        else:
            self._status.state.setText(self.tr("Not checked yet"))
            self._status.state.setToolTip(self.tr("Connection ▸ Test connection to check it."))
        self._status.show_queue(None, None)
        self._test_action.setEnabled(conn.credentials is not None)

    def load_credentials(self, *, check_after: bool) -> None:
        """Read the installation's saved key in a worker (then check it, if ``check_after``)."""
        from usosmail_gui.application.connection import load_credentials

        conn = self.connection
        if conn is None:
            return
        self._status.state.setText(self.tr("Reading the saved key…"))
        run_in_background(
            load_credentials,
            self._store,
            conn.base_url,
            parent=self,
            on_result=lambda found: self._credentials_loaded(conn, found, check_after),
            on_error=lambda exc: self._credentials_loaded(conn, None, check_after),
        )

    def _credentials_loaded(
        self, asked: ActiveConnection, found: Credentials | None, check_after: bool
    ) -> None:
        if self.connection is not asked:
            return  # another installation was chosen meanwhile
        if found is None:
            self._status.state.setText(self.tr("No saved key for this installation"))
            self._status.state.setToolTip(self.tr("Connection ▸ Connect… to enter the key and secret."))
            self.credentialsLoaded.emit(None)
            if self._ask_when_missing and check_after:
                self.open_dialog()
            return
        self.connection = ActiveConnection(asked.base_url, found, asked.name, asked.sandbox)
        self.show()
        self.credentialsLoaded.emit(found)
        if check_after:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Run "Test connection" for the current installation; the answer fills the status bar."""
        from usosmail_gui.application.connection import check_active

        conn = self.connection
        if conn is None or conn.credentials is None or self._status_task is not None:
            return
        self._status.state.setText(self.tr("Checking the connection…"))
        self._test_action.setEnabled(False)
        self._status_task = run_in_background(
            check_active,
            conn,
            self._check,
            parent=self,
            on_result=lambda report: self._show_report(conn, report),
            on_error=self._status_failed,
            on_finished=self._status_done,
        )

    def _status_done(self) -> None:
        task, self._status_task = self._status_task, None
        self._test_action.setEnabled(self.connection is not None and self.connection.credentials is not None)
        report, self._unannounced = self._unannounced, None
        if task is not None and not task.cancelled:
            self.refreshed.emit(report)  # last, so listeners see the window at rest

    def retranslate(self) -> None:
        """The installation, its state and the title's place again, in the language now
        installed (the last check's answer too, without announcing it again)."""
        queue = self._status.shown_queue  # kept as it is: the status bar says it again itself
        self.show()
        if self.connection is not None and self.last_report is not None:
            self._show_report(self.connection, self.last_report, announce=False)
        elif queue is not None:
            self._status.show_queue(queue[0], queue[1], offline=queue[2])

    def _show_report(
        self, asked: ActiveConnection, report: ConnectionReport, *, announce: bool = True
    ) -> None:
        from usosmail_gui.core.usos.connection import Verdict
        from usosmail_gui.ui import texts

        if self.connection is not asked:
            return
        self.last_report = report
        explanation = texts.verdict_explanation(report)
        self._status.state.setText(texts.verdict_state(report.verdict))
        tip = explanation + ("\n" + texts.details_line(report.detail) if report.detail else "")
        self._status.state.setToolTip(tip)
        self._status.show_queue(
            report.unsent_count, report.daemon_running, offline=report.verdict is Verdict.UNREACHABLE
        )
        if not announce:
            return
        if not report.ok:
            self.message.emit(explanation, 15000)
        elif report.daemon_running is False:
            self.message.emit(texts.daemon_stopped_text(), 15000)
        self._unannounced = report

    def _status_failed(self, exc: Exception) -> None:
        from usosmail_gui.ui import texts

        log.error("The connection check failed", exc_info=exc)
        self._status.state.setText(self.tr("The connection could not be checked."))
        self._status.state.setToolTip(texts.details_line(type(exc).__name__))
        self._status.show_queue(None, None)

    @Slot()
    def close(self) -> None:
        """The window closes: the Connection dialog, if open, is cancelled."""
        if self.dialog is not None:
            self.dialog.reject()

    def open_dialog(self, installation: str | None = None) -> ConnectionDialog:
        """Open (not exec) the Connection dialog, so the event loop and tests keep running;
        ``installation``: the one to fill in (an interrupted campaign's), instead of the
        window's own."""
        from usosmail_gui.ui.connection_dialog import ConnectionDialog

        self.showWorkArea.emit()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        assert self._store is not None and self._check is not None and self._list_installations is not None
        initial = installation
        if initial is None and self.connection is not None and not self.connection.sandbox:
            initial = self.connection.base_url
        dialog = ConnectionDialog(
            self._store,
            list_installations=self._list_installations,
            check=self._check,
            initial_url=initial,
            parent=self._window,
        )
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connectionChosen.connect(self._connection_chosen)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _connection_chosen(self, base_url: str, credentials: Credentials) -> None:
        name = self.dialog.installation_name(base_url) if self.dialog is not None else ""
        self.use(ActiveConnection(base_url, credentials, name))
