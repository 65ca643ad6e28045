"""The main window: menus, the status bar (recipients summary, installation, connection
state, queue size), and the work area: the recipient list on the left and, on the right,
the place of the template editor.

It receives its collaborators (credential store, the connection to start with, the
check function) from ``app.py``; it runs every core call through ``workers``: loading a
recipient list (File ▸ Open…, Open Recent, a file dropped on the window, the sheet and
header dialog) is the core's ``load_steps`` in a worker, cancellable, and a list that
cannot be read leaves the list loaded before exactly as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QWidget,
)

from usosmail_gui import __version__
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.recipients import LoadProgress, RecipientTable, SpreadsheetError, Summary
from usosmail_gui.core.usos.connection import ConnectionReport, Verdict, check_connection
from usosmail_gui.core.usos.installations import known_installations
from usosmail_gui.core.usos.wire import normalize_base_url

from . import texts
from .composer import ComposerPanel
from .connection_dialog import CheckConnection, ConnectionDialog, ListInstallations
from .loading import LoadRequest, file_dialog_filter, is_spreadsheet_path, load_job
from .recipients_view import RecipientPane
from .settings import (
    KEY_GEOMETRY,
    KEY_LAST_URL,
    KEY_SPLITTER,
    KEY_STATE,
    app_settings,
    forget_recent_file,
    recent_files,
    remember_recent_file,
)
from .sheet_dialog import ListSheets, SheetDialog
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
        recipientsLoaded(object): the ``RecipientTable`` now shown, once it is on screen.
        loadFailed(object): the exception of a load that failed, once it is explained to
            the user (the list loaded before stays).
        loadCancelled(): the user cancelled loading (the list loaded before stays).
        recentFilesChanged(object): the File ▸ Open Recent paths, newest first, once the
            menu shows them (after the check which of them still exist).
    """

    connectionChanged = Signal(object)
    credentialsLoaded = Signal(object)
    statusRefreshed = Signal(object)
    recipientsLoaded = Signal(object)
    loadFailed = Signal(object)
    loadCancelled = Signal()
    recentFilesChanged = Signal(object)

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
        list_sheets: ListSheets | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = credential_store
        self._check = check
        self._list_installations = list_installations
        self._settings = settings if settings is not None else app_settings()
        self._closing_confirmed = False  # the user let an unsaved template go
        self._ask_when_missing = ask_when_missing
        self._connection: ActiveConnection | None = None
        self._status_task: Task | None = None
        self._dialog: ConnectionDialog | None = None
        self._last_report: ConnectionReport | None = None
        self._unannounced: ConnectionReport | None = None  # shown, statusRefreshed not yet emitted
        self._list_sheets = list_sheets
        self._load_task: Task | None = None
        self._load_request: LoadRequest | None = None
        self._sheet_dialog: SheetDialog | None = None
        self._missing_recent: set[str] = set()

        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self._build_menus()
        self._build_status_bar()
        self._build_central()
        self._add_template_actions()
        self._restore_geometry()
        self._show_connection()
        self._show_summary(None)
        self._check_recent_files()

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
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open…"), self)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.setStatusTip(self.tr("Open a spreadsheet with the list of recipients."))
        self.open_action.triggered.connect(self.open_file_dialog)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        self.clear_recent_action = QAction(self.tr("&Clear the list"), self)
        self.clear_recent_action.triggered.connect(self.clear_recent_files)
        self.sheet_action = QAction(self.tr("&Sheet and header row…"), self)
        self.sheet_action.setStatusTip(
            self.tr("Read the list again from another sheet, header row or e-mail column.")
        )
        self.sheet_action.setEnabled(False)
        self.sheet_action.triggered.connect(self.open_sheet_dialog)
        file_menu.addAction(self.sheet_action)
        file_menu.addSeparator()
        self._template_menu_at = file_menu.addSeparator()
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
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName(self.tr("Recipients summary"))
        bar.addPermanentWidget(self.summary_label)
        bar.addPermanentWidget(self.installation_label, 1)
        bar.addPermanentWidget(self.state_label)
        bar.addPermanentWidget(self.queue_label)

    def _build_central(self) -> None:
        self.recipient_pane = RecipientPane()
        self.recipient_pane.openRequested.connect(self.open_file_dialog)
        self.recipient_pane.sheetDialogRequested.connect(self.open_sheet_dialog)
        self.recipient_pane.cancelRequested.connect(self.cancel_load)
        self.recipient_pane.model.summaryChanged.connect(self._show_summary)
        self.composer = ComposerPanel(settings=self._settings)
        self.composer.setObjectName("composer")
        pane, model, composer = self.recipient_pane, self.recipient_pane.model, self.composer
        pane.currentRowChanged.connect(composer.set_current_row)
        pane.emailColumnChanged.connect(lambda _column: composer.recheck())
        model.viewChanged.connect(lambda: composer.set_row_order(model.shown_rows()))
        model.rowsChanged.connect(lambda _rows: composer.recheck())
        composer.rowActivated.connect(self._show_row)
        composer.modificationChanged.connect(self.setWindowModified)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("workSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.recipient_pane)
        self.splitter.addWidget(self.composer)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

    def _add_template_actions(self) -> None:
        """The composer's template file actions, in the File menu after the spreadsheet ones."""
        composer = self.composer
        menu = self.file_menu
        for action in (composer.new_action, composer.open_action):
            menu.insertAction(self._template_menu_at, action)
        menu.insertMenu(self._template_menu_at, composer.samples_menu)
        for action in (composer.save_action, composer.save_as_action):
            menu.insertAction(self._template_menu_at, action)

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)
        state = self._settings.value(KEY_STATE)
        if state is not None:
            self.restoreState(state)
        splitter = self._settings.value(KEY_SPLITTER)
        if splitter is None or not self.splitter.restoreState(splitter):
            width = self.width()
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])

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
            self.setWindowTitle("usosmail-gui[*]")  # [*]: shown when the template is unsaved
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
            self.tr("{place} — usosmail-gui[*]").format(
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

    # --- recipient lists -----------------------------------------------------------
    def recipients(self) -> RecipientTable | None:
        """The list shown now (None before one is loaded)."""
        return self.recipient_pane.table()

    @property
    def loading(self) -> bool:
        return self._load_task is not None

    @Slot()
    def open_file_dialog(self) -> QFileDialog:
        """Open (not exec) the Open dialog; choosing a file loads it."""
        recent = recent_files(self._settings)
        folder = os.path.dirname(recent[0]) if recent else ""
        dialog = QFileDialog(self, self.tr("Open a list of recipients"), folder, file_dialog_filter())
        dialog.setObjectName("openDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: self.open_file(chosen))
        dialog.open()
        return dialog

    def open_file(
        self,
        path: str | os.PathLike[str],
        *,
        sheet: str | None = None,
        header_row: int | None = None,
        email_column: str | None = None,
        remember: bool = True,
    ) -> None:
        """Load a recipient list in a worker; the list shown now stays until it succeeds."""
        self.load(LoadRequest(Path(path), sheet, header_row, email_column, remember))

    def load(self, request: LoadRequest) -> None:
        """Load as asked; a load still running is cancelled (the newest request wins)."""
        if self._load_task is not None:
            self._load_task.cancel()
        self._load_request = request
        self.recipient_pane.show_busy(self.tr("Opening {name}…").format(name=request.path.name))
        task = run_in_background(
            load_job,
            request,
            parent=self,
            on_progress=self._load_progress,
            on_result=lambda table: self._loaded(request, table),
            on_error=lambda exc: self._load_failed(request, exc),
        )
        task.finished.connect(lambda: self._load_finished(task))
        self._load_task = task

    def _load_progress(self, progress: LoadProgress) -> None:
        self.recipient_pane.show_progress(progress)

    def _loaded(self, request: LoadRequest, table: RecipientTable) -> None:
        if request is not self._load_request:
            return
        self.recipient_pane.set_table(table)
        self.composer.set_table(table)
        self.sheet_action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Opened {name}.").format(name=request.path.name), 5000)
        if request.remember:
            self._missing_recent.discard(str(request.path))
            remember_recent_file(self._settings, str(request.path))
            self._check_recent_files()
        self.recipientsLoaded.emit(table)

    def _load_failed(self, request: LoadRequest, exc: Exception) -> None:
        if request is not self._load_request:
            return
        name = request.path.name
        if isinstance(exc, SpreadsheetError):
            text = str(exc)
            if exc.reason == "missing" and str(request.path) in recent_files(self._settings):
                forget_recent_file(self._settings, str(request.path))
                self._check_recent_files()
        else:
            log.error("Loading %s failed", request.path, exc_info=exc)
            text = self.tr(
                "{name} could not be read because of an unexpected error. Try to open the file in "
                "your spreadsheet program and save it again, then open the saved copy."
            ).format(name=name)
        box = QMessageBox(self)
        box.setObjectName("loadErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Could not open {name}").format(name=name))
        box.setText(text)
        if self.recipients() is not None:
            box.setInformativeText(self.tr("The list opened before stays as it was."))
        if not isinstance(exc, SpreadsheetError):
            box.setDetailedText(texts.details_line(type(exc).__name__))
        box.open()
        self.loadFailed.emit(exc)

    def _load_finished(self, task: Task) -> None:
        if task is not self._load_task:
            return  # cancelled or replaced; already dealt with
        self._load_task = None
        self._load_request = None
        self.recipient_pane.hide_busy()

    @Slot()
    def cancel_load(self) -> None:
        """Stop loading; the list shown before stays (the worker stops at its next step)."""
        task, request = self._load_task, self._load_request
        if task is None or request is None:
            return
        task.cancel()
        self._load_task = None
        self._load_request = None
        self.recipient_pane.hide_busy()
        if self.recipients() is not None:
            message = self.tr("Opening {name} was cancelled; the list opened before stays.")
        else:
            message = self.tr("Opening {name} was cancelled.")
        self.statusBar().showMessage(message.format(name=request.path.name), 10000)
        self.loadCancelled.emit()

    @Slot(object)
    def _show_summary(self, summary: Summary | None) -> None:
        if summary is None:
            self.summary_label.setText(self.tr("No recipients loaded"))
            self.summary_label.setToolTip(self.tr("File ▸ Open… or drop a spreadsheet on the window."))
            return
        self.summary_label.setText(self.summary_text(summary))
        details = [
            self.tr("%Ln error(s): those rows receive nothing", "", summary.errors),
            self.tr("%Ln warning(s)", "", summary.warnings),
            self.tr("%Ln row(s) excluded", "", summary.excluded),
        ]
        self.summary_label.setToolTip("\n".join(details))

    def summary_text(self, summary: Summary) -> str:
        """"1,204 recipients · 1,198 will receive · 6 problems", in the user's language."""
        return " · ".join(
            (
                self.tr("%Ln recipient(s)", "", summary.recipients),
                self.tr("%Ln will receive", "", summary.will_receive),
                self.tr("%Ln problem(s)", "", summary.problems),
            )
        )

    # --- the sheet and header dialog ------------------------------------------------
    @Slot()
    def open_sheet_dialog(self) -> SheetDialog | None:
        """Open (not exec) the Sheet and header row dialog for the list shown now."""
        table = self.recipients()
        if table is None:
            return None
        if self._sheet_dialog is not None and self._sheet_dialog.isVisible():
            self._sheet_dialog.raise_()
            return self._sheet_dialog
        extra = {} if self._list_sheets is None else {"list_sheets": self._list_sheets}
        dialog = SheetDialog(
            table.source.path,
            source=table.source,
            columns=table.columns,
            email_column=table.email_column,
            parent=self,
            **extra,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.load(dialog.request()))
        dialog.destroyed.connect(self._sheet_dialog_gone)
        self._sheet_dialog = dialog
        dialog.open()
        return dialog

    def _sheet_dialog_gone(self) -> None:
        self._sheet_dialog = None

    # --- recent files ---------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return recent_files(self._settings)

    def _check_recent_files(self) -> None:
        """Find out in a worker which recent files are gone (a stat may hang on a network drive)."""
        paths = recent_files(self._settings)
        self._fill_recent_menu(paths)
        if paths:
            run_in_background(
                _missing_files, paths, parent=self, on_result=lambda gone: self._recent_checked(paths, gone)
            )
        else:
            self.recentFilesChanged.emit(paths)

    def _recent_checked(self, paths: list[str], gone: set[str]) -> None:
        if paths != recent_files(self._settings):
            return  # changed meanwhile; a newer check follows
        self._missing_recent = gone
        self._fill_recent_menu(paths)
        self.recentFilesChanged.emit(paths)

    def _fill_recent_menu(self, paths: Sequence[str]) -> None:
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(paths, 1):
            name = os.path.basename(path).replace("&", "&&")
            folder = os.path.dirname(path).replace("&", "&&")
            action = QAction(f"&{number} {name} — {folder}" if number < 10 else f"{name} — {folder}", menu)
            action.setData(path)
            if path in self._missing_recent:
                action.setEnabled(False)
                action.setText(self.tr("{entry} (not found)").format(entry=action.text()))
                action.setToolTip(
                    self.tr("The file is no longer there: moved, renamed or on a drive not connected.")
                )
            else:
                action.setStatusTip(path)
                action.triggered.connect(lambda _checked=False, chosen=path: self.open_file(chosen))
            menu.addAction(action)
        if paths:
            menu.addSeparator()
        else:
            empty = menu.addAction(self.tr("(no files opened yet)"))
            empty.setEnabled(False)
        menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))

    @Slot()
    def clear_recent_files(self) -> None:
        forget_recent_file(self._settings)
        self._missing_recent.clear()
        self._check_recent_files()

    # --- drag and drop --------------------------------------------------------------
    @staticmethod
    def dropped_spreadsheet(mime: QMimeData) -> Path | None:
        """The first local spreadsheet file among dropped URLs (by its name), or None."""
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if is_spreadsheet_path(path):
                    return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dropped_spreadsheet(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.dropped_spreadsheet(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.dropped_spreadsheet(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)

    # --- closing -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about an unsaved template first; then remember the geometry and drop pending
        answers (workers end on their own)."""
        if self.composer.is_modified() and not self._closing_confirmed:
            event.ignore()
            self.composer.confirm_discard(self._close_confirmed)
            return
        self.composer.cancel_work()
        self._settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self._settings.setValue(KEY_STATE, self.saveState())
        self._settings.setValue(KEY_SPLITTER, self.splitter.saveState())
        self._settings.sync()
        for task in self.findChildren(Task):
            task.cancel()
        self._load_task = None
        self._load_request = None
        if self._dialog is not None:
            self._dialog.reject()
        if self._sheet_dialog is not None:
            self._sheet_dialog.reject()
        super().closeEvent(event)

    def _close_confirmed(self) -> None:
        self._closing_confirmed = True
        self.close()

    def _show_row(self, row: int) -> None:
        """A problem or the preview's previous/next chose a recipient: show it in the grid."""
        self.recipient_pane.select_table_rows([row], current=row)

    def __repr__(self) -> str:
        conn = self._connection
        return f"<MainWindow installation={conn.base_url if conn else None!r}>"


def _missing_files(paths: Sequence[str]) -> set[str]:
    """Run in a worker: which of these paths are not files (any more)."""
    return {path for path in paths if not os.path.isfile(path)}
