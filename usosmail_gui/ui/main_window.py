"""The main window: a frame that composes its parts (``ui/window``) — the actions, the
status bar, the connection, the recipient list and its loading, the composer, the send
and resume flows, the statuses, the layout, closing — and relays what they say through
its own signals, the status bar and message boxes. Built with ``welcome=True`` the window
first shows the welcome page (``welcome.WelcomePage``) in place of the work area.

What the window does is done by its parts, reached as its attributes: ``list_loading``
(open a list), ``send_flow`` (send, test), ``resume_flow``, ``statuses`` (the Statuses dock,
Campaigns), ``window_connection``, ``recent``, ``layout_part``, ``edit_actions``, ``help``,
``close_guard``, ``status_bar_part``, ``work_area``; the actions of the table
(``window.actions``) call them by name.

It receives its collaborators (credential store, the connection to start with, the
check function) from ``app/``; the work of each part is the application layer's,
run in workers (``workers``).

Built with ``deferred=True`` (as ``app.main`` does) it shows its frame — menus, status bar —
first, then imports the work area's modules (``window.startup``) one per event-loop turn
and builds the work area; hence the imports inside methods (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

# ``Qt`` (the namespace) is reached through ``QtCore`` on purpose: PySide6 builds its 100-odd
# enums on first access (~30 ms), which the window's first paint does not wait for.
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QWidget

from usosmail_gui.application.connection import ActiveConnection

from .settings import GEOMETRY, app_settings, remembered_url
from .window import actions as table
from .window.actions import ActionSpec, WindowActions
from .window.connection import WindowConnection
from .window.help import WindowHelp
from .window.startup import WorkAreaLoader
from .window.status_bar import WindowStatusBar
from .window.title import WindowTitle

if TYPE_CHECKING:  # at run time these load after the first paint (``window.startup``)
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox  # PySide6 makes a type on its first use

    from usosmail_gui.core.credentials import CredentialStore
    from usosmail_gui.core.readiness import Situation

    from .connection_dialog import CheckConnection, ListInstallations
    from .sheet_dialog import ListSheets

log = logging.getLogger(__name__)


class MainWindow(QMainWindow, WindowActions):
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
        self.help = WindowHelp(self)
        self.title = WindowTitle(self)
        self._build_menus()
        self.status_bar_part = WindowStatusBar(self.statusBar())
        self._build_frame()
        self.window_connection = WindowConnection(
            self, self.status_bar_part, self.test_action, self._settings, ask_when_missing=ask_when_missing
        )
        part = self.window_connection
        part.changed.connect(self.connectionChanged)
        part.credentialsLoaded.connect(self.credentialsLoaded)
        part.refreshed.connect(self.statusRefreshed)
        part.showWorkArea.connect(self.show_work_area)
        part.placeChanged.connect(self.title.set_place)
        part.message.connect(self._say)
        part.show()
        self._deferred = deferred
        if not deferred:
            self._build_work_area()

    # --- construction --------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """The work area (list, editor, preview, docks) is built: every part may be used."""
        return self._ready

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the work area is built (now, if it is)."""
        if self._ready:
            callback()
        else:
            self._ready_callbacks.append(callback)

    def _build_menus(self) -> None:
        """The frame's menus and actions, from the one table (``window.actions``)."""
        self.actions_by_name = table.build_actions(self, self._action_slot)
        for name, action in self.actions_by_name.items():
            setattr(self, f"{name}_action", action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        menus, places = table.build_menus(self.menuBar(), self.actions_by_name, {"recent": self.recent_menu})
        self._menus = menus
        for key, menu in menus.items():
            setattr(self, f"{key}_menu", menu)
        self._template_menu_at = places["templates"]  # the composer's actions go before it

    def _action_slot(self, spec: ActionSpec) -> Callable[..., object]:
        """What an action of the table calls: ``spec.slot`` of the window (a part's method),
        once the work area exists unless it needs none (a shortcut pressed in the moment
        before it is built runs as soon as it is)."""
        call = table.dotted_slot(self, spec.slot)

        def run() -> None:
            call()

        return (lambda *_args: self.when_ready(run)) if spec.deferred else (lambda *_args: run())

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
            from .window.first_size import first_size

            self.resize(first_size(self.screen().availableGeometry().size()))

    def _build_work_area(self) -> None:
        """The parts of the work area — the list, the composer, the docks, the toolbar and
        the menus that act on them — connected; then the connection to start with and, if
        asked, the welcome page."""
        from usosmail_gui.core.credentials import CredentialStore
        from usosmail_gui.core.usos.connection import check_connection
        from usosmail_gui.core.usos.installations import known_installations
        from usosmail_gui.core.usos.wire import normalize_base_url

        from .window.closing import CloseGuard, cancel_workers
        from .window.drops import DropForwarder
        from .window.edit_actions import EditActions
        from .window.layout import WindowLayout
        from .window.recent import RecentMenus

        if self._ready:
            return
        self._loader.stop()
        self._store = self._given_store or CredentialStore()
        self._check: CheckConnection = self._given_check or check_connection
        self._list_installations: ListInstallations = self._given_list_installations or known_installations
        self.window_connection.set_services(self._store, self._check, self._list_installations)
        self._build_central()
        self._build_list_loading()
        self._build_statuses()
        self._build_send_flow()
        self._build_resume_flow()
        self.close_guard = CloseGuard(
            self,
            self.composer,
            lambda: self.send_flow.session,
            steps=(
                self.composer.cancel_work,
                self.work_area.leave_welcome_unseen,  # the layout is saved as the work area's
                lambda: self.layout_part.save(self.splitter, self.composer_splitter),
                self.statuses.close,
                lambda: cancel_workers(self),
                self.list_loading.close,
                self.window_connection.close,
                self.send_flow.close,
                self.resume_flow.close,
            ),
        )
        self.close_guard.stopping.connect(self._stopping_to_close)
        self.recent = RecentMenus(
            self._settings, self.file_menu, self._template_menu_at, self.recent_menu,
            self.clear_recent_action, self.composer,
        )
        self.recent.listRequested.connect(self.list_loading.open_file)
        self.recent.filesChanged.connect(self.recentFilesChanged)
        self.recent.templatesChanged.connect(self.recentTemplatesChanged)
        self.edit_actions = EditActions(self, self.edit_menu, self.recipient_pane.find_action)
        self.layout_part = WindowLayout(self, self._settings)
        self.layout_part.build(
            self.actions_by_name, self.composer.save_action, self.recipient_pane.find_action,
            self.view_menu, (self.problems_dock, self.status_dock), [self.composer.letters_action],
        )
        self.drops = DropForwarder(self)
        self.drops.watch(self, [self.composer])
        self.drops.spreadsheetDropped.connect(self.list_loading.open_file)
        self.drops.templateDropped.connect(self._open_template)
        self.layout_part.restore(self.splitter, self.composer_splitter, self.problems_dock)
        self.status_bar_part.show_summary(None)
        self._ready = True
        self.setProperty("workAreaReady", True)  # seen by tests.helpers.startup_probe

        connection, restore_last, welcome = self._start
        if connection is not None:
            self.window_connection.use(connection)
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

    def _build_central(self) -> None:
        from .window.work_area import WorkArea

        area = self.work_area = WorkArea(self, self.central_stack, self._starting_page, self._settings)
        self.recipient_pane, self.composer = area.pane, area.composer
        self.splitter, self.composer_splitter = area.splitter, area.composer_splitter
        self.problems_dock, self.welcome_page = area.problems_dock, area.welcome_page
        self.status_bar_part.follow(area.pane.model, area.composer)
        area.composer.modificationChanged.connect(self.setWindowModified)
        area.composer.fileChanged.connect(self._template_file_changed)
        self._template_file_changed(area.composer.file_path())
        area.sandboxChosen.connect(self.sandboxRequested)
        area.connectChosen.connect(self.window_connection.open_dialog)

    def _build_list_loading(self) -> None:
        from .window.list_loading import ListLoading

        self.list_loading = ListLoading(
            self, self.recipient_pane, self.composer, self._settings, self.sheet_action, self._list_sheets
        )
        part = self.list_loading
        pane = self.recipient_pane
        pane.openRequested.connect(part.open_file_dialog)
        pane.sheetDialogRequested.connect(part.open_sheet_dialog)
        pane.cancelRequested.connect(part.cancel)
        part.starting.connect(self.show_work_area)
        part.remembered.connect(lambda path: self.recent.files.remember(path))
        part.forgotten.connect(lambda path: self.recent.files.forget(path))
        part.loaded.connect(lambda table: self.title.set_list(table.source.path))
        part.loaded.connect(self.recipientsLoaded)
        part.failed.connect(self.loadFailed)
        part.cancelled.connect(self.loadCancelled)
        part.message.connect(self._say)

    def _build_statuses(self) -> None:
        from .window.statuses import CampaignStatuses

        part = self.statuses = CampaignStatuses(self, self.recipient_pane.model, self._poll_connection)
        self.status_dock, self.status_poller = part.dock, part.poller
        bar = self.status_bar_part
        part.queueRead.connect(lambda queue: bar.show_queue(queue.pending, queue.daemon_running))
        part.shown.connect(self.show_work_area)
        part.retryRequested.connect(lambda c, u: self.send_flow.open_retry_dialog(c, include_uncertain=u))
        part.message.connect(self._say)
        self.sendFinished.connect(part.track_sent)

    def _build_send_flow(self) -> None:
        from .window.send_flow import SendFlow

        self.send_flow = SendFlow(
            self,
            situation=self._situation,
            connection=lambda: self.window_connection.connection,
            check=self._check,
            settings=self._settings,
            recipients=self.recipient_pane.table,
            composer=self.composer,
            installation_text=self.status_bar_part.installation.text,
            actions=(self.send_action, self.send_test_action, self.interrupted_action),
            shown_rows=self.recipient_pane.model.rowCount,
        )
        flow = self.send_flow
        flow.started.connect(self.sendStarted)
        flow.finished.connect(self._send_ended)
        flow.message.connect(self._say)
        flow.explain.connect(self._explain)

    def _build_resume_flow(self) -> None:
        from .window.resume_flow import ResumeFlow

        flow = self.resume_flow = ResumeFlow(
            self, self._situation, lambda: self.window_connection.connection, self._check
        )
        flow.found.connect(self.interruptedFound)
        flow.sendRequested.connect(self.send_flow.start_session)
        flow.message.connect(lambda text: self._say(text, 15000))
        flow.explain.connect(self._explain)
        flow.connectRequested.connect(self.window_connection.open_dialog)
        self.window_connection.changed.connect(flow.connection_changed)

    # --- how the parts meet ------------------------------------------------------------
    def _say(self, text: str, ms: int = 0) -> None:
        self.statusBar().showMessage(text, ms)

    def _explain(self, title: str, text: str, informative: str = "", *, warning: bool = True) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

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

    def _situation(self) -> Situation:
        """What decides whether a send may start now (``core.readiness``)."""
        from usosmail_gui.core.readiness import Situation

        conn = self.window_connection.connection
        dialog = self.send_flow.dialog
        return Situation(
            sending=self.send_flow.sending,
            loading=self.list_loading.loading,
            has_list=self.recipient_pane.table() is not None,
            connected_to=conn.base_url if conn is not None and conn.credentials is not None else None,
            recipient_chosen=self.composer.current_row() is not None,
            confirmation_open=dialog is not None and dialog.isVisible(),
        )

    def _poll_connection(self) -> tuple[str, str, str] | None:
        conn = self.window_connection.connection
        return None if conn is None else conn.keys()

    def _template_file_changed(self, path: Path | None) -> None:
        self.title.set_template(self.composer.document_name(), path)

    def _open_template(self, path: Path) -> None:
        self.show_work_area()
        self.composer.open_template(path)

    def _send_ended(self, result: object) -> None:
        self.sendFinished.emit(result)
        if self.close_guard.send_ended():
            self.close()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.layout_part.apply_icons()
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _retranslate(self) -> None:
        """The frame's texts and its parts', in the language now installed."""
        table.retranslate_actions(self.actions_by_name)
        table.retranslate_menus(self._menus)
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.status_bar_part.retranslate()
        self.window_connection.retranslate()
        if not self._ready:
            return
        for part in (self.layout_part, self.recent, self.edit_actions, self.work_area):
            part.retranslate()
        self._template_file_changed(self.composer.file_path())

    # --- the welcome page (``window.work_area``) --------------------------------------
    @Slot()
    def show_welcome(self) -> None:
        """Show the welcome page in place of the work area; the open docks hide meanwhile."""
        self.work_area.show_welcome((self.problems_dock, self.status_dock))

    @Slot()
    def show_work_area(self) -> None:
        """Leave the welcome page (if shown): the work area and the docks open before."""
        if self._ready:
            self.work_area.show_work_area()

    # --- showing and closing ---------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._deferred and not self._ready:
            self._loader.start_when_painted()
        self._offer_resume_once_shown()

    def _offer_resume_once_shown(self) -> None:
        if self._offer_resume and self._ready and self.isVisible():
            self._offer_resume = False
            QTimer.singleShot(0, self, lambda: self.resume_flow.show(quiet=True))

    def closeEvent(self, event: QCloseEvent) -> None:
        """In ``window.closing``'s order: while sending, ask (and if the user insists stop
        after the request under way and close once it has finished); then ask about an
        unsaved template; then remember the window's state, stop polling, cancel the
        workers (they end on their own) and close the dialogs."""
        if not self._ready:  # closed while the work area was still loading: nothing to keep
            self._loader.stop()  # stops the import under way
            self._deferred = False
            super().closeEvent(event)
        elif self.close_guard.close(event):
            super().closeEvent(event)

    def _stopping_to_close(self, text: str) -> None:
        if self.send_flow.progress_dialog is not None:
            self.send_flow.progress_dialog.show_closing()
        self._say(text)

    def __repr__(self) -> str:
        conn = self.window_connection.connection
        return f"<MainWindow installation={conn.base_url if conn else None!r}>"
