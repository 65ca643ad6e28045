"""The main window: a frame that composes its parts (``ui/window``) — the actions, the
status bar, the connection, the recipient list and its loading, the composer, the send
and resume flows, the statuses, the layout, closing — and relays what they say through
its own signals, the status bar and message boxes. Built with ``welcome=True`` the window
first shows the welcome page (``welcome.WelcomePage``) in place of the work area.

It receives its collaborators (credential store, the connection to start with, the
check function) from ``app/``; the work of each part is the application layer's,
run in workers (``workers``).

Built with ``deferred=True`` (as ``app.main`` does) it shows its frame — menus, status bar —
first, then imports the work area's modules (``window.startup``) one per event-loop turn
and builds the work area; hence the imports inside methods (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# ``Qt`` (the namespace) is reached through ``QtCore`` on purpose: PySide6 builds its 100-odd
# enums on first access (~30 ms), which the window's first paint does not wait for.
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from usosmail_gui import __version__
from usosmail_gui.application.connection import ActiveConnection

from .settings import (
    GEOMETRY,
    RECENT_FILES,
    RECENT_TEMPLATES,
    app_settings,
    recent_files,
    remembered_url,
)
from .window.actions import ACTIONS, MENUS, SAVE_TIP, TOOLBAR, ActionSpec, build_actions, fill_menu
from .window.actions import translate as translate_action_text
from .window.connection import WindowConnection
from .window.startup import WorkAreaLoader
from .window.status_bar import WindowStatusBar
from .workers import Task

if TYPE_CHECKING:  # at run time these load after the first paint (``window.startup``)
    from usosmail_gui.application.loading import LoadRequest
    from usosmail_gui.core.credentials import CredentialStore
    from usosmail_gui.core.readiness import Situation
    from usosmail_gui.core.recipients import RecipientTable, Summary
    from usosmail_gui.core.usos.connection import ConnectionReport

    from .connection_dialog import CheckConnection, ConnectionDialog, ListInstallations
    from .history_window import HistoryWindow
    from .resume_dialog import ResumeDialog
    from .send_dialog import SendDialog
    from .sending import SendProgressDialog, SendSession
    from .sheet_dialog import ListSheets, SheetDialog
    from .window.shortcuts import ShortcutsDialog

log = logging.getLogger(__name__)



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
        recentTemplatesChanged(object): the same for File ▸ Open Recent Template.
        sendStarted(object): ``CampaignStarted``, once a campaign (or test) is in the journal
            and its first request is about to go.
        sendFinished(object): the ``SendOutcome``, or the exception that stopped the session,
            once it is shown and no request is under way any more.
        interruptedFound(object): the list of ``Interrupted`` campaigns, once offered (an
            empty list when there is nothing to offer).
        sandboxRequested(): the welcome page's "Try it with the sandbox" was chosen; app.py
            starts the sandbox and loads the demo list and template on it.
        workAreaReady(): the work area is built (at once without ``deferred``); see
            ``when_ready``.
    """

    connectionChanged = Signal(object)
    credentialsLoaded = Signal(object)
    statusRefreshed = Signal(object)
    recipientsLoaded = Signal(object)
    loadFailed = Signal(object)
    loadCancelled = Signal()
    recentFilesChanged = Signal(object)
    recentTemplatesChanged = Signal(object)
    sendStarted = Signal(object)
    sendFinished = Signal(object)
    interruptedFound = Signal(object)
    sandboxRequested = Signal()
    workAreaReady = Signal()

    # built from the action table (``window.actions``) by ``_build_menus``
    open_action: QAction
    clear_recent_action: QAction
    sheet_action: QAction
    quit_action: QAction
    connect_action: QAction
    test_action: QAction
    send_test_action: QAction
    send_action: QAction
    interrupted_action: QAction
    test_address_action: QAction
    refresh_statuses_action: QAction
    history_action: QAction
    welcome_action: QAction
    shortcuts_action: QAction
    about_action: QAction
    about_qt_action: QAction
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    connection_menu: QMenu
    send_menu: QMenu
    help_menu: QMenu

    def __init__(
        self,
        credential_store: CredentialStore | None = None,
        *,
        connection: ActiveConnection | None = None,
        check: CheckConnection | None = None,
        list_installations: ListInstallations | None = None,
        settings: QSettings | None = None,
        ask_when_missing: bool = False,
        restore_last: bool = True,
        list_sheets: ListSheets | None = None,
        offer_resume: bool = False,
        welcome: bool = False,
        deferred: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._given_store = credential_store  # None: the system keyring's, made with the work area
        self._given_check = check
        self._given_list_installations = list_installations
        self._settings = settings if settings is not None else app_settings()
        self._list_sheets = list_sheets
        self._offer_resume = offer_resume  # look for interrupted campaigns once shown
        self.message_box: QMessageBox | None = None  # the last explanation shown (tests answer it)
        self._ready = False  # the work area is built
        self._ready_callbacks: list[Callable[[], None]] = []
        self._loader = WorkAreaLoader(self)  # deferred: the work area's imports, after the first paint
        self._loader.imported.connect(self._build_work_area)
        self._start = (connection, restore_last, welcome)  # what to do once the work area exists

        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)  # what is dropped before the work area exists is refused
        self._build_menus()
        self._build_status_bar()
        self._build_frame()
        self.window_connection = WindowConnection(
            self, self.status_bar_part, self.test_action, self._settings, ask_when_missing=ask_when_missing
        )
        part = self.window_connection
        part.changed.connect(self.connectionChanged)
        part.credentialsLoaded.connect(self.credentialsLoaded)
        part.refreshed.connect(self.statusRefreshed)
        part.showWorkArea.connect(self.show_work_area)
        part.titleChanged.connect(self.setWindowTitle)
        part.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        part.show()
        self._deferred = deferred
        if not deferred:
            self._build_work_area()

    # --- construction --------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """The work area (list, editor, preview, docks) is built: every method may be used."""
        return self._ready

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the work area is built (now, if it is)."""
        if self._ready:
            callback()
        else:
            self._ready_callbacks.append(callback)

    def _once_ready(self, slot: Callable[[], object]) -> Callable[..., None]:
        """For the frame's actions: run ``slot`` now, or (a shortcut pressed in the moment
        before the work area exists) as soon as it is built."""

        def run() -> None:
            slot()

        return lambda *_args: self.when_ready(run)

    def _build_frame(self) -> None:
        """What the first paint shows: menus, status bar, and the window's remembered size;
        the work area takes the empty page's place once it is built."""
        self.central_stack = QStackedWidget()
        self.central_stack.setObjectName("centralStack")
        self._starting_page = QWidget()
        self._starting_page.setAccessibleName(self.tr("Starting"))
        self.central_stack.addWidget(self._starting_page)
        self.setCentralWidget(self.central_stack)
        if not self.restoreGeometry(GEOMETRY.read(self._settings)):
            from .window.layout import first_size

            self.resize(first_size(self.screen().availableGeometry().size()))

    def _build_work_area(self) -> None:
        """The recipient list, the composer, the docks, the toolbar and the menus that act on
        them; then the connection to start with and, if asked, the welcome page."""
        from usosmail_gui.core.credentials import CredentialStore
        from usosmail_gui.core.usos.connection import check_connection
        from usosmail_gui.core.usos.installations import known_installations
        from usosmail_gui.core.usos.wire import normalize_base_url

        if self._ready:
            return
        self._loader.stop()
        self._store = self._given_store or CredentialStore()
        self._check: CheckConnection = self._given_check or check_connection
        self._list_installations: ListInstallations = self._given_list_installations or known_installations
        self.window_connection.set_services(self._store, self._check, self._list_installations)
        self._build_central()
        self._build_list_loading()
        self._build_status_dock()
        self._build_send_flow()
        from .window.closing import CloseGuard

        self.close_guard = CloseGuard(self, self.composer, self.send_session)
        self.close_guard.stopping.connect(self._stopping_to_close)
        self._build_resume_flow()
        self._add_template_actions()
        self._build_edit_menu()
        self._build_toolbar()
        self._build_view_menu()
        self._apply_icons()
        from .window.drops import DropForwarder

        self._drops = DropForwarder(self.dropEvent, self)
        self._drops.watch(self, [self.composer])
        self._restore_layout()
        self.status_bar_part.show_summary(None)
        self._build_recent_lists()
        self._ready = True
        self.setProperty("workAreaReady", True)  # seen by tests.helpers.startup_probe

        connection, restore_last, welcome = self._start
        if connection is not None:
            self.use_connection(connection)
        elif restore_last:
            last = remembered_url(self._settings)  # or the installation IT set for all users
            if last:
                # Only the keyring is asked now; the server is contacted when the user asks.
                self.window_connection.set(ActiveConnection(normalize_base_url(last)))
                self.window_connection.load_credentials(check_after=False)
        if welcome:
            self.show_welcome()
        self._offer_resume_once_shown()
        callbacks, self._ready_callbacks = self._ready_callbacks, []
        for callback in callbacks:
            callback()
        self.workAreaReady.emit()

    # --- construction --------------------------------------------------------------
    def _build_menus(self) -> None:
        """The frame's menus and actions, from the one table (``window.actions``)."""
        bar = self.menuBar()
        self.actions_by_name = build_actions(self, self._action_slot)
        for name, action in self.actions_by_name.items():
            setattr(self, f"{name}_action", action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        places: dict[str, QAction] = {}
        for key, title, entries in MENUS:
            menu = bar.addMenu(translate_action_text(title))
            setattr(self, f"{key}_menu", menu)
            fill_menu(menu, entries, self.actions_by_name, {"recent": self.recent_menu}, places)
        self._template_menu_at = places["templates"]  # the composer's actions go before it

    def _action_slot(self, spec: ActionSpec) -> Callable[..., object]:
        """What an action of the table calls: the window's method (once the work area
        exists, unless it needs none), or Qt's About box."""
        if spec.slot == "about_qt":
            return lambda *_args: QApplication.aboutQt()
        method = getattr(self, spec.slot)
        return self._once_ready(method) if spec.deferred else lambda *_args: method()

    def _build_status_bar(self) -> None:
        self.status_bar_part = WindowStatusBar(self.statusBar())
        part = self.status_bar_part
        self.installation_label, self.state_label = part.installation, part.state
        self.queue_label, self.summary_label = part.queue, part.summary

    def _build_central(self) -> None:
        from .window.work_area import WorkArea

        area = self.work_area = WorkArea(self, self.central_stack, self._starting_page, self._settings)
        self.recipient_pane, self.composer = area.pane, area.composer
        self.splitter, self.composer_splitter = area.splitter, area.composer_splitter
        self.problems_dock, self.welcome_page = area.problems_dock, area.welcome_page
        pane = area.pane
        pane.openRequested.connect(self.open_file_dialog)
        pane.sheetDialogRequested.connect(self.open_sheet_dialog)
        pane.cancelRequested.connect(self.cancel_load)
        pane.model.summaryChanged.connect(self.status_bar_part.show_summary)
        area.composer.modificationChanged.connect(self.setWindowModified)
        area.composer.fileChanged.connect(self._template_file_changed)
        area.sandboxChosen.connect(self.sandboxRequested)
        area.connectChosen.connect(self.open_connection_dialog)

    def _build_toolbar(self) -> None:
        from .window.layout import WindowLayout

        self.layout_part = WindowLayout(self, self._settings)
        specs = {spec.name: spec for spec in ACTIONS}
        entries = [
            (self.composer.save_action, translate_action_text(SAVE_TIP))
            if name == "@save"
            else (self.actions_by_name[name], translate_action_text(specs[name].toolbar_tip))
            for name in TOOLBAR
        ]
        self.main_toolbar = self.layout_part.build_toolbar(entries)
        self.layout_part.languageChanged.connect(self._language_changed)

    def _build_view_menu(self) -> None:
        part = self.layout_part
        part.build_view_menu(
            self.view_menu, self.problems_dock, self.status_dock, [self.composer.letters_action]
        )
        self.problems_toggle_action, self.status_toggle_action = part.problems_toggle, part.status_toggle
        self.toolbar_toggle_action, self.toolbar_text_action = part.toolbar_toggle, part.toolbar_text
        self.language_menu, self.language_group = part.language_menu, part.language_group

    def set_toolbar_text(self, beside: bool) -> None:
        """Show the toolbar's texts beside its icons (remembered), or icons only."""
        self.layout_part.set_toolbar_text(beside)

    def _language_changed(self) -> None:
        box = self._explain(
            self.tr("Language"),
            self.tr("The language changes the next time usosmail-gui starts."),
            warning=False,
        )
        box.setObjectName("languageBox")

    def _apply_icons(self) -> None:
        """Icons for the current palette (again when it changes: light or dark strokes)."""
        from .icons import icon

        palette = self.palette()
        named = [(self.actions_by_name[spec.name], spec.icon) for spec in ACTIONS if spec.icon]
        for action, name in (
            *named,
            (self.composer.save_action, "save"),
            (self.recipient_pane.find_action, "find"),
        ):
            action.setIcon(icon(name, palette))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_icons()

    # --- the Edit menu: acts on the focused text field -------------------------------
    def _build_edit_menu(self) -> None:
        from .window.edit_actions import EditActions

        self.edit_actions = EditActions(self, self.edit_menu, self.recipient_pane.find_action)
        edit = self.edit_actions
        self.undo_action, self.redo_action, self.cut_action = edit.undo, edit.redo, edit.cut
        self.copy_action, self.paste_action = edit.copy, edit.paste

    def _add_template_actions(self) -> None:
        """The composer's template file actions, in the File menu after the spreadsheet ones."""
        composer = self.composer
        menu = self.file_menu
        for action in (composer.new_action, composer.open_action):
            menu.insertAction(self._template_menu_at, action)
        self.recent_templates_menu = QMenu(self.tr("Open Recent Te&mplate"), self)
        self.recent_templates_menu.setObjectName("recentTemplatesMenu")
        menu.insertMenu(self._template_menu_at, self.recent_templates_menu)
        self.clear_recent_templates_action = QAction(self.tr("&Clear the list"), self)
        self.clear_recent_templates_action.triggered.connect(self.clear_recent_templates)
        menu.insertMenu(self._template_menu_at, composer.samples_menu)
        for action in (composer.save_action, composer.save_as_action):
            menu.insertAction(self._template_menu_at, action)

    def _restore_layout(self) -> None:
        self.layout_part.restore(self.splitter, self.composer_splitter, self.problems_dock)

    def _save_window_state(self) -> None:
        """Geometry, docks, toolbar and splitters, as they are with the work area shown."""
        if self.welcome_showing:
            self.setUpdatesEnabled(False)  # the docks come back only to be saved as open
            self.show_work_area()
            self.setUpdatesEnabled(True)
        self.layout_part.save(self.splitter, self.composer_splitter)

    # --- the welcome page (``window.work_area``) --------------------------------------
    @property
    def welcome_showing(self) -> bool:
        return self.work_area.welcome_showing

    @Slot()
    def show_welcome(self) -> None:
        """Show the welcome page in place of the work area; the open docks hide meanwhile."""
        self.work_area.show_welcome((self.problems_dock, self.status_dock))

    @Slot()
    def show_work_area(self) -> None:
        """Leave the welcome page (if shown): the work area and the docks open before."""
        if self._ready:
            self.work_area.show_work_area()

    # --- connection (``window.connection``) --------------------------------------------
    @property
    def _connection(self) -> ActiveConnection | None:
        return self.window_connection.connection

    @property
    def _dialog(self) -> ConnectionDialog | None:
        return self.window_connection.dialog

    def connection(self) -> ActiveConnection | None:
        return self.window_connection.connection

    def last_report(self) -> ConnectionReport | None:
        return self.window_connection.last_report

    def use_connection(self, connection: ActiveConnection) -> None:
        """Talk to this installation from now on; check it in a worker (or load its key first)."""
        self.window_connection.use(connection)

    def show_starting_sandbox(self) -> None:
        """Said while app.py starts the local sandbox in a worker."""
        self.window_connection.show_starting_sandbox()

    def show_sandbox_failed(self, reason: str) -> None:
        self.window_connection.show_sandbox_failed(reason)

    @Slot()
    def refresh_status(self) -> None:
        """Run "Test connection" for the current installation; the answer fills the status bar."""
        self.window_connection.refresh()

    @Slot()
    def open_connection_dialog(self) -> ConnectionDialog:
        """Open (not exec) the Connection dialog, so the event loop and tests keep running."""
        return self.window_connection.open_dialog()

    @Slot()
    def show_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard shortcuts: every action of the menus that has keys (non-modal)."""
        from .window.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
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

    def _build_list_loading(self) -> None:
        from .window.list_loading import ListLoading

        self.list_loading = ListLoading(
            self, self.recipient_pane, self.composer, self._settings, self.sheet_action, self._list_sheets
        )
        part = self.list_loading
        part.starting.connect(self.show_work_area)
        part.remembered.connect(lambda path: self.recent_lists.remember(path))
        part.forgotten.connect(lambda path: self.recent_lists.forget(path))
        part.loaded.connect(self.recipientsLoaded)
        part.failed.connect(self.loadFailed)
        part.cancelled.connect(self.loadCancelled)
        part.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))

    @property
    def loading(self) -> bool:
        return self._ready and self.list_loading.loading

    @Slot()
    def open_file_dialog(self) -> QFileDialog:
        """Open (not exec) the Open dialog; choosing a file loads it."""
        return self.list_loading.open_file_dialog()

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
        self.list_loading.open_file(
            path, sheet=sheet, header_row=header_row, email_column=email_column, remember=remember
        )

    def load(self, request: LoadRequest) -> None:
        """Load as asked; a load still running is cancelled (the newest request wins)."""
        self.list_loading.load(request)

    @Slot()
    def cancel_load(self) -> None:
        """Stop loading; the list shown before stays (the worker stops at its next step)."""
        self.list_loading.cancel()

    @Slot()
    def open_sheet_dialog(self) -> SheetDialog | None:
        """Open (not exec) the Sheet and header row dialog for the list shown now."""
        return self.list_loading.open_sheet_dialog()

    def summary_text(self, summary: Summary) -> str:
        return self.status_bar_part.summary_text(summary)

    # --- recent files and templates (``window.recent``) -------------------------------
    def _build_recent_lists(self) -> None:
        from .window.recent import RecentList

        self.recent_lists = RecentList(
            self._settings, RECENT_FILES.key, self.recent_menu, self.clear_recent_action,
            self.tr("(no files opened yet)"), self,
        )
        self.recent_lists.openRequested.connect(self.open_file)
        self.recent_lists.changed.connect(self.recentFilesChanged)
        self.recent_template_list = RecentList(
            self._settings, RECENT_TEMPLATES.key, self.recent_templates_menu,
            self.clear_recent_templates_action, self.tr("(no templates opened yet)"), self,
        )
        self.recent_template_list.openRequested.connect(self.composer.open_template)
        self.recent_template_list.changed.connect(self.recentTemplatesChanged)
        self.recent_lists.refresh()
        self.recent_template_list.refresh()

    def recent_files(self) -> list[str]:
        return recent_files(self._settings)

    @Slot()
    def clear_recent_files(self) -> None:
        self.recent_lists.clear()

    def recent_templates(self) -> list[str]:
        return recent_files(self._settings, RECENT_TEMPLATES.key)

    def _template_file_changed(self, path: Path | None) -> None:
        """A template was opened from or saved to ``path``: first in Open Recent Template."""
        if path is not None:
            self.recent_template_list.remember(str(path))

    @Slot()
    def clear_recent_templates(self) -> None:
        self.recent_template_list.clear()

    # --- drag and drop (``window.drops``) ---------------------------------------------
    def _opens(self, event: QDropEvent) -> bool:
        """Whether the window takes this drop (a list or a template, once the work area exists)."""
        if not self._ready:
            return False
        from .window.drops import opens_dropped

        return opens_dropped(event.mimeData())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._opens(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._opens(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """A spreadsheet opens as the list, a template in the composer (which first offers
        to save unsaved changes); both when both are dropped."""
        if not self._opens(event):
            event.ignore()
            return
        from .window.drops import dropped_spreadsheet, dropped_template

        mime = event.mimeData()
        spreadsheet, template = dropped_spreadsheet(mime), dropped_template(mime)
        if spreadsheet is None and template is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if spreadsheet is not None:
            self.open_file(spreadsheet)
        if template is not None:
            self.show_work_area()
            self.composer.open_template(template)

    # --- sending (``window.send_flow``) ----------------------------------------------
    def _build_send_flow(self) -> None:
        from .window.send_flow import SendFlow

        self.send_flow = SendFlow(
            self,
            situation=self._situation,
            connection=lambda: self._connection,
            check=self._check,
            settings=self._settings,
            recipients=self.recipients,
            composer=self.composer,
            installation_text=self.installation_label.text,
            actions=(self.send_action, self.send_test_action, self.interrupted_action),
        )
        flow = self.send_flow
        flow.started.connect(self.sendStarted)
        flow.finished.connect(self._send_ended)
        flow.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        flow.explain.connect(
            lambda title, text, informative: self._explain(title, text, informative=informative)
        )

    @property
    def sending(self) -> bool:
        """Whether a send session (a campaign, a resume or a test) runs now."""
        return self.send_session() is not None

    def send_session(self) -> SendSession | None:
        return self.send_flow.session if self._ready else None

    @property
    def send_dialog(self) -> SendDialog | None:
        return self.send_flow.dialog if self._ready else None

    @property
    def progress_dialog(self) -> SendProgressDialog | None:
        return self.send_flow.progress_dialog if self._ready else None

    @property
    def address_dialog(self) -> QInputDialog | None:
        return self.send_flow.address_dialog if self._ready else None

    def _situation(self) -> Situation:
        """What decides whether a send may start now (``core.readiness``)."""
        from usosmail_gui.core.readiness import Situation

        conn = self._connection
        dialog = self.send_dialog
        return Situation(
            sending=self.sending,
            loading=self.loading,
            has_list=self.recipients() is not None,
            connected_to=conn.base_url if conn is not None and conn.credentials is not None else None,
            recipient_chosen=self._ready and self.composer.current_row() is not None,
            confirmation_open=dialog is not None and dialog.isVisible(),
        )

    def _explain(self, title: str, text: str, *, informative: str = "", warning: bool = True) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("sendMessageBox")
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        box.setText(text)
        if informative:
            box.setInformativeText(informative)
        self.message_box = box
        box.open()
        return box

    @Slot()
    def open_send_dialog(self) -> SendDialog | None:
        """Open (not exec) the confirmation; it prepares the campaign in a worker."""
        return self.send_flow.open_send_dialog()

    def open_retry_dialog(self, campaign: str, *, include_uncertain: bool = False) -> SendDialog | None:
        """The normal confirmation for a new campaign of ``campaign``'s failed recipients
        (and uncertain ones if asked), with the same template; read in a worker."""
        return self.send_flow.open_retry_dialog(campaign, include_uncertain=include_uncertain)

    def _send_ended(self, result: object) -> None:
        self.sendFinished.emit(result)
        if self.close_guard.send_ended():
            self.close()

    def test_address(self) -> str:
        """The user's own address for tests ("" until given); not a secret, kept in QSettings."""
        return self.send_flow.test_address()

    @Slot()
    def send_test(self) -> None:
        """The selected recipient's message, to the user's own address (asked once)."""
        self.send_flow.send_test()

    def ask_test_address(self, then: Callable[[str], None] | None = None) -> QInputDialog:
        """Open (not exec) the question for the user's own address; ``then`` gets it."""
        return self.send_flow.ask_test_address(then)

    # --- interrupted campaigns -----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._deferred and not self._ready:
            self._loader.start_when_painted()
        self._offer_resume_once_shown()

    def _offer_resume_once_shown(self) -> None:
        if self._offer_resume and self._ready and self.isVisible():
            self._offer_resume = False
            QTimer.singleShot(0, self, lambda: self.show_interrupted(quiet=True))

    def _build_resume_flow(self) -> None:
        from .window.resume_flow import ResumeFlow

        self.resume_flow = ResumeFlow(self, self._situation, lambda: self._connection, self._check)
        self.resume_flow.found.connect(self.interruptedFound)
        self.resume_flow.sendRequested.connect(self.send_flow.start_session)
        self.resume_flow.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.resume_flow.explain.connect(
            lambda title, text, informative: self._explain(title, text, informative=informative)
        )

    @property
    def resume_dialog(self) -> ResumeDialog | None:
        return self.resume_flow.dialog if self._ready else None

    @Slot()
    def show_interrupted(self, *, quiet: bool = False) -> None:
        """Look for interrupted campaigns in a worker and offer them (``quiet``: say
        nothing when there are none, as at start)."""
        self.resume_flow.show(quiet=quiet)

    # --- statuses (``window.statuses``) ----------------------------------------------
    def _build_status_dock(self) -> None:
        from .window.statuses import CampaignStatuses

        self.statuses = CampaignStatuses(self, self.recipient_pane.model, self._poll_connection)
        self.status_dock, self.status_poller = self.statuses.dock, self.statuses.poller
        bar = self.status_bar_part
        self.statuses.queueRead.connect(lambda queue: bar.show_queue(queue.pending, queue.daemon_running))
        self.statuses.shown.connect(self.show_work_area)
        self.statuses.retryRequested.connect(
            lambda campaign, uncertain: self.open_retry_dialog(campaign, include_uncertain=uncertain)
        )
        self.sendFinished.connect(self.statuses.track_sent)

    def _poll_connection(self) -> tuple[str, str, str] | None:
        return None if self._connection is None else self._connection.keys()

    @property
    def history_window(self) -> HistoryWindow | None:
        return self.statuses.history if self._ready else None

    def show_campaign(self, campaign: str, *, track: bool) -> None:
        """Show ``campaign``'s statuses in the dock; poll USOS if ``track`` (within 7 days)."""
        self.statuses.show_campaign(campaign, track=track)

    def refresh_statuses(self) -> None:
        """F5: poll the shown campaign now."""
        if not self.statuses.refresh():
            self.statusBar().showMessage(self.tr("No campaign is shown: open one from Campaigns…"), 10000)

    def open_history(self) -> HistoryWindow:
        """Show the campaign history (one window)."""
        return self.statuses.open_history()

    # --- closing -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """While sending, ask, and if the user insists stop after the request under way and
        close once it has finished; then ask about an unsaved template; then remember the
        window's state and drop pending answers (workers end on their own)."""
        if not self._ready:  # closed while the work area was still loading: nothing to keep
            self._loader.stop()  # stops the import under way
            self._deferred = False
            super().closeEvent(event)
            return
        if not self.close_guard.may_close(event):
            return
        self.composer.cancel_work()
        self._save_window_state()
        self.status_poller.stop()
        for task in self.findChildren(Task):
            task.cancel()
        self.list_loading.drop()
        if self._dialog is not None:
            self._dialog.reject()
        if self.list_loading.sheet_dialog is not None:
            self.list_loading.sheet_dialog.reject()
        if self.history_window is not None:
            self.history_window.close()
        for dialog in (self.send_dialog, self.progress_dialog, self.resume_dialog, self.address_dialog):
            if dialog is not None:
                dialog.close()
        super().closeEvent(event)

    @property
    def close_box(self) -> QMessageBox | None:
        """The question "Stop sending and close?" while it is asked."""
        return self.close_guard.box if self._ready else None

    def _stopping_to_close(self, text: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.show_closing()
        self.statusBar().showMessage(text)

    def __repr__(self) -> str:
        conn = self._connection
        return f"<MainWindow installation={conn.base_url if conn else None!r}>"
