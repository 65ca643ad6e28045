"""The main window: menus, the status bar (installation, connection state, queue size)
and, for now, a placeholder where the recipients and template editors will go.

It receives its collaborators (credential store, the connection to start with, the
check function) from ``app.py``; it runs every core call through ``workers``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from usosmail_gui import __version__
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.usos.connection import ConnectionReport, Verdict, check_connection
from usosmail_gui.core.usos.installations import known_installations
from usosmail_gui.core.usos.wire import normalize_base_url

from . import texts
from .connection_dialog import CheckConnection, ConnectionDialog, ListInstallations
from .settings import KEY_GEOMETRY, KEY_LAST_URL, KEY_STATE, app_settings
from .workers import Task, run_in_background

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ActiveConnection:
    """The installation the window talks to; ``credentials`` is None until loaded.

    Its repr never shows the secret (``Credentials`` hides it).
    """

    base_url: str
    credentials: Credentials | None = None
    name: str = ""
    sandbox: bool = False


class MainWindow(QMainWindow):
    """The app's one window.

    Signals (GUI thread):
        connectionChanged(object): the new ``ActiveConnection``.
        credentialsLoaded(object): ``Credentials`` or None, after a keyring look-up.
        statusRefreshed(object): the ``ConnectionReport`` now shown in the status bar, once
            the check has ended; None if the check itself crashed (not when cancelled).
    """

    connectionChanged = Signal(object)
    credentialsLoaded = Signal(object)
    statusRefreshed = Signal(object)

    def __init__(
        self,
        credential_store: CredentialStore,
        *,
        connection: ActiveConnection | None = None,
        check: CheckConnection = check_connection,
        list_installations: ListInstallations = known_installations,
        settings: QSettings | None = None,
        ask_when_missing: bool = False,
        restore_last: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = credential_store
        self._check = check
        self._list_installations = list_installations
        self._settings = settings if settings is not None else app_settings()
        self._ask_when_missing = ask_when_missing
        self._connection: ActiveConnection | None = None
        self._status_task: Task | None = None
        self._dialog: ConnectionDialog | None = None
        self._last_report: ConnectionReport | None = None
        self._unannounced: ConnectionReport | None = None  # shown, statusRefreshed not yet emitted

        self.setObjectName("mainWindow")
        self._build_menus()
        self._build_status_bar()
        self._build_central()
        self._restore_geometry()
        self._show_connection()

        if connection is not None:
            self.use_connection(connection)
        elif restore_last:
            last = str(self._settings.value(KEY_LAST_URL, "", str) or "")
            if last:
                # Only the keyring is asked now; the server is contacted when the user asks.
                self._set_connection(ActiveConnection(normalize_base_url(last)))
                self._load_credentials(check_after=False)

    # --- construction --------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        connection_menu = bar.addMenu(self.tr("&Connection"))
        self.connect_action = QAction(self.tr("&Connect…"), self)
        self.connect_action.setStatusTip(
            self.tr("Choose the USOS installation and enter the key and secret.")
        )
        self.connect_action.triggered.connect(self.open_connection_dialog)
        connection_menu.addAction(self.connect_action)
        self.test_action = QAction(self.tr("&Test connection"), self)
        self.test_action.setStatusTip(self.tr("Check the key and secret and read the mail queue's size."))
        self.test_action.triggered.connect(self.refresh_status)
        self.test_action.setEnabled(False)
        connection_menu.addAction(self.test_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About usosmail-gui"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self.about_qt_action = QAction(self.tr("About &Qt"), self)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt_action.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(self.about_qt_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.installation_label = QLabel()
        self.installation_label.setAccessibleName(self.tr("Current installation"))
        self.state_label = QLabel()
        self.state_label.setAccessibleName(self.tr("Connection state"))
        self.queue_label = QLabel()
        self.queue_label.setAccessibleName(self.tr("Mail queue"))
        bar.addPermanentWidget(self.installation_label, 1)
        bar.addPermanentWidget(self.state_label)
        bar.addPermanentWidget(self.queue_label)

    def _build_central(self) -> None:
        # Placeholder until the recipients and template editors arrive.
        placeholder = QLabel(
            self.tr(
                "Here you will load the recipients' spreadsheet, write the message template "
                "and watch the sending.\n\nThe connection to your university's USOS API is "
                "set up under Connection ▸ Connect…"
            )
        )
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        placeholder.setAccessibleName(self.tr("Work area"))
        self.setCentralWidget(placeholder)

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(900, 600)
        state = self._settings.value(KEY_STATE)
        if state is not None:
            self.restoreState(state)

    # --- connection ----------------------------------------------------------------
    def connection(self) -> ActiveConnection | None:
        return self._connection

    def last_report(self) -> ConnectionReport | None:
        return self._last_report

    def use_connection(self, connection: ActiveConnection) -> None:
        """Talk to this installation from now on; check it in a worker (or load its key first)."""
        self._set_connection(connection)
        if not connection.sandbox:
            self._settings.setValue(KEY_LAST_URL, connection.base_url)
        if connection.credentials is None:
            self._load_credentials(check_after=True)
        else:
            self.refresh_status()

    def show_starting_sandbox(self) -> None:
        """Said while app.py starts the local sandbox in a worker."""
        self.installation_label.setText(self.tr("Local sandbox (starting)"))
        self.state_label.setText(self.tr("Starting the local sandbox…"))

    def show_sandbox_failed(self, reason: str) -> None:
        self.state_label.setText(self.tr("The local sandbox could not be started."))
        self.state_label.setToolTip(texts.details_line(reason))

    def _set_connection(self, connection: ActiveConnection) -> None:
        if self._status_task is not None:
            self._status_task.cancel()
        self._connection = connection
        self._last_report = None
        self._show_connection()
        self.connectionChanged.emit(connection)

    def _show_connection(self) -> None:
        conn = self._connection
        if conn is None:
            self.installation_label.setText(self.tr("No installation chosen"))
            self.state_label.setText(self.tr("Not connected"))
            self.state_label.setToolTip(self.tr("Connection ▸ Connect… to choose one."))
            self.queue_label.setText("")
            self.setWindowTitle("usosmail-gui")
            self.test_action.setEnabled(False)
            return
        if conn.sandbox:
            where = self.tr("Local sandbox (for trying out; mail is not really sent) — {url}")
        elif conn.name:
            where = self.tr("USOS: {name} — {url}")
        else:
            where = self.tr("USOS: {url}")
        self.installation_label.setText(where.format(url=conn.base_url, name=conn.name))
        self.setWindowTitle(
            self.tr("{place} — usosmail-gui").format(
                place=self.tr("Local sandbox") if conn.sandbox else (conn.name or conn.base_url)
            )
        )
        if conn.credentials is None:
            self.state_label.setText(self.tr("No key loaded"))
            self.state_label.setToolTip("")
        else:
            self.state_label.setText(self.tr("Not checked yet"))
            self.state_label.setToolTip(self.tr("Connection ▸ Test connection to check it."))
        self.queue_label.setText(self.tr("Queue: unknown"))
        self.test_action.setEnabled(conn.credentials is not None)

    def _load_credentials(self, *, check_after: bool) -> None:
        conn = self._connection
        if conn is None:
            return
        self.state_label.setText(self.tr("Reading the saved key…"))
        run_in_background(
            self._store.load,
            conn.base_url,
            parent=self,
            on_result=lambda found: self._credentials_loaded(conn, found, check_after),
            on_error=lambda exc: self._credentials_loaded(conn, None, check_after),
        )

    def _credentials_loaded(
        self, asked: ActiveConnection, found: Credentials | None, check_after: bool
    ) -> None:
        if self._connection is not asked:
            return  # another installation was chosen meanwhile
        if found is None:
            self.state_label.setText(self.tr("No saved key for this installation"))
            self.state_label.setToolTip(self.tr("Connection ▸ Connect… to enter the key and secret."))
            self.credentialsLoaded.emit(None)
            if self._ask_when_missing and check_after:
                self.open_connection_dialog()
            return
        self._connection = ActiveConnection(asked.base_url, found, asked.name, asked.sandbox)
        self._show_connection()
        self.credentialsLoaded.emit(found)
        if check_after:
            self.refresh_status()

    @Slot()
    def refresh_status(self) -> None:
        """Run "Test connection" for the current installation; the answer fills the status bar."""
        conn = self._connection
        if conn is None or conn.credentials is None or self._status_task is not None:
            return
        self.state_label.setText(self.tr("Checking the connection…"))
        self.test_action.setEnabled(False)
        self._status_task = run_in_background(
            self._check,
            conn.base_url,
            conn.credentials.consumer_key,
            conn.credentials.consumer_secret,
            parent=self,
            on_result=lambda report: self._show_report(conn, report),
            on_error=self._status_failed,
            on_finished=self._status_done,
        )

    def _status_done(self) -> None:
        task, self._status_task = self._status_task, None
        self.test_action.setEnabled(self._connection is not None and self._connection.credentials is not None)
        report, self._unannounced = self._unannounced, None
        if task is not None and not task.cancelled:
            self.statusRefreshed.emit(report)  # last, so listeners see the window at rest

    def _show_report(self, asked: ActiveConnection, report: ConnectionReport) -> None:
        if self._connection is not asked:
            return
        self._last_report = report
        explanation = texts.verdict_explanation(report)
        self.state_label.setText(texts.verdict_state(report.verdict))
        tip = explanation + ("\n" + texts.details_line(report.detail) if report.detail else "")
        self.state_label.setToolTip(tip)
        if report.unsent_count is not None:
            self.queue_label.setText(self.tr("Queue: %n unsent", "", report.unsent_count))
        elif report.verdict is Verdict.UNREACHABLE:
            self.queue_label.setText(self.tr("Queue: unknown (offline)"))
        else:
            self.queue_label.setText(self.tr("Queue: unknown"))
        if not report.ok:
            self.statusBar().showMessage(explanation, 15000)
        self._unannounced = report

    def _status_failed(self, exc: Exception) -> None:
        log.error("The connection check failed", exc_info=exc)
        self.state_label.setText(self.tr("The connection could not be checked."))
        self.state_label.setToolTip(texts.details_line(type(exc).__name__))
        self.queue_label.setText(self.tr("Queue: unknown"))

    # --- dialogs -------------------------------------------------------------------
    @Slot()
    def open_connection_dialog(self) -> ConnectionDialog:
        """Open (not exec) the Connection dialog, so the event loop and tests keep running."""
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.raise_()
            self._dialog.activateWindow()
            return self._dialog
        initial = None
        if self._connection is not None and not self._connection.sandbox:
            initial = self._connection.base_url
        dialog = ConnectionDialog(
            self._store,
            list_installations=self._list_installations,
            check=self._check,
            initial_url=initial,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connectionChosen.connect(self._connection_chosen)
        dialog.destroyed.connect(self._dialog_gone)
        self._dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self._dialog = None

    def _connection_chosen(self, base_url: str, credentials: Credentials) -> None:
        name = self._dialog.installation_name(base_url) if self._dialog is not None else ""
        self.use_connection(ActiveConnection(base_url, credentials, name))

    @Slot()
    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(self.tr("About usosmail-gui"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("usosmail-gui {version}").format(version=__version__))
        box.setInformativeText(
            self.tr(
                "Personalised e-mail to students through the mailing module of your "
                "university's USOS API, with every message followed until it is sent."
            )
        )
        box.open()
        return box

    # --- closing -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the geometry and drop pending answers; workers end on their own."""
        self._settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self._settings.setValue(KEY_STATE, self.saveState())
        self._settings.sync()
        for task in self.findChildren(Task):
            task.cancel()
        if self._dialog is not None:
            self._dialog.reject()
        super().closeEvent(event)

    def __repr__(self) -> str:
        conn = self._connection
        return f"<MainWindow installation={conn.base_url if conn else None!r}>"
