"""Start-up of ``usosmail-gui``: the command line and the composition root.

Here the core services (credential store, connection check, installation list, the
optional in-process sandbox) are built and handed to the Qt classes. Heavy or
system-touching modules (keyring, requests, requests-oauthlib, the sandbox) are
imported only inside functions that run after the window is shown, in workers, so the
window appears fast and start-up never waits on the network or the keyring
(tests/qt/test_app_startup.py checks it, tests/bench/bench_startup.py measures it).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QSettings,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .application.connection import ActiveConnection
from .ui import workers
from .ui.i18n import ENGLISH, LANGUAGES, POLISH, install_translations
from .ui.main_window import MainWindow
from .ui.settings import APPLICATION, KEY_LAST_URL, ORGANIZATION, app_settings

if TYPE_CHECKING:
    import tempfile

    from .core.credentials import CredentialStore
    from .sandbox import Sandbox

SANDBOX_DELAY = 2.0  # seconds a sandbox message waits, so the queue and statuses show
SHUTDOWN_WAIT_MS = 15000  # how long quitting waits for a worker still talking to a server
SCREENSHOT_SIZE = (1280, 800)  # the window in --screenshot pictures, so README images stay alike
SCREENSHOT_ROW = 2  # the demo list's third student is selected and previewed
SCREENSHOT_TIMEOUT_S = 60.0
SCREENSHOT_POLL_MS = 50
DEMO_TEMPLATES = {POLISH: "brakujace-dokumenty.usosmail", ENGLISH: "missing-documents.usosmail"}

translate = QCoreApplication.translate


def build_parser() -> argparse.ArgumentParser:
    """The command line; kept separate so ``--help`` needs no QApplication.

    Its texts go through ``translate`` too, so lupdate collects them; they are shown
    translated once a translator is installed before parsing.
    """
    parser = argparse.ArgumentParser(
        prog="usosmail-gui",
        description=translate(
            "usosmail-gui",
            "Send personalised e-mail to students through your university's USOS API "
            "(services/mailing) and follow every message until it is sent.",
        ),
        epilog=translate(
            "usosmail-gui",
            "Examples:\n"
            "  usosmail-gui                       open the app; the first time, a welcome page offers\n"
            "                                     to connect to your university or to try the sandbox\n"
            "  usosmail-gui --sandbox             try everything against a local test server;\n"
            "                                     nothing is sent to anyone\n"
            "  usosmail-gui --sandbox --demo      the same, with a demo list of students loaded\n"
            "  usosmail-gui --installation https://usosapps.example.edu.pl/\n"
            "                                     start connected, with the key saved earlier\n"
            "  usosmail-gui --sandbox --demo --language en --screenshot window.png\n"
            "                                     save a picture of the window (for documentation)\n\n"
            "The consumer secret is never accepted on the command line (it would stay in the\n"
            "shell history); it is kept in the system keyring. For scripts, see `usosmail`.",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--sandbox",
        action="store_true",
        help=translate(
            "usosmail-gui",
            "start a local USOS API test server inside the app and connect to it with its "
            "administrative key; messages are 'delivered' into a temporary folder, never sent",
        ),
    )
    where.add_argument(
        "--installation",
        metavar="URL",
        help=translate(
            "usosmail-gui",
            "connect at start to this USOS API installation (its https:// base URL), using "
            "the key and secret saved for it",
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate(
            "usosmail-gui",
            "load the bundled demo list of students (fictitious people and addresses) and a "
            "sample template in the window's language at start",
        ),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=translate(
            "usosmail-gui",
            "the language of the window for this run; by default the system's, or the one "
            "chosen in View > Language",
        ),
    )
    parser.add_argument(
        "--no-connect-dialog",
        action="store_true",
        help=translate(
            "usosmail-gui",
            "on a first run, do not show the welcome page that offers to connect or to try the "
            "sandbox",
        ),
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        help=translate(
            "usosmail-gui",
            "with --sandbox (implies --demo): once the demo is loaded and a student is "
            "previewed, save a PNG picture of the window (1280x800, fresh settings) to FILE "
            "and quit; exit code 1 if it cannot",
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help=translate(
            "usosmail-gui",
            "a recipient list (.xlsx, .ods, .csv…) or a template (.usosmail) to open at start, "
            "as when it is double-clicked",
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = build_parser()
    options = parser.parse_args(None if argv is None else list(argv))
    if options.screenshot is not None:
        if not options.sandbox:
            parser.error(
                translate(
                    "usosmail-gui",
                    "--screenshot works only with --sandbox: it pictures the demo on the local "
                    "test server, for documentation and tests",
                )
            )
        options.demo = True
    return options


class SandboxSession:
    """The in-process sandbox of ``--sandbox``: started in a worker, stopped after quit.

    ``start`` runs in a worker thread and records the sandbox before it returns, so
    ``stop`` finds it even if the window was closed before the answer arrived.
    """

    def __init__(self, config_factory: Callable[[], object] | None = None) -> None:
        self._config_factory = config_factory
        self._lock = threading.Lock()
        self._sandbox: Sandbox | None = None
        self._stopped = False

    def start(self) -> Sandbox:
        from .sandbox import Sandbox, SandboxConfig  # lazy: oauthlib, email-validator

        config = self._config_factory() if self._config_factory else SandboxConfig(delay=SANDBOX_DELAY)
        sandbox = Sandbox(config)  # type: ignore[arg-type]
        with self._lock:
            if self._stopped:
                raise RuntimeError("The app was closed before the sandbox started.")
            self._sandbox = sandbox.start()
        return sandbox

    @property
    def sandbox(self) -> Sandbox | None:
        return self._sandbox

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            sandbox.stop()


def sandbox_connection(sandbox: Sandbox) -> ActiveConnection:
    """The sandbox's address with its administrative key (shown as "Local sandbox")."""
    from .core.credentials import Credentials

    return ActiveConnection(
        sandbox.url,
        Credentials(sandbox.admin_key, sandbox.admin_secret),
        name=translate("usosmail-gui", "Local sandbox"),
        sandbox=True,
    )


def demo_list_path() -> Path:
    """The bundled demo list (``resources/demo/studenci.csv``) as a file on disk."""
    from importlib import resources

    return Path(str(resources.files("usosmail_gui").joinpath("resources/demo/studenci.csv")))


def demo_template_path(language: str) -> Path:
    """The sample letter in the window's language that uses every column of the demo list."""
    from importlib import resources

    name = DEMO_TEMPLATES.get(language, DEMO_TEMPLATES[ENGLISH])
    return Path(str(resources.files("usosmail_gui").joinpath(f"resources/templates/{name}")))


def load_demo(window: MainWindow, language: str) -> None:
    """The demo list and the sample template, each read in a worker; the template opens
    as a new, unmodified one, so closing does not ask to save it."""
    window.open_file(demo_list_path(), remember=False)
    window.composer.open_template(demo_template_path(language), as_new=True)


class SandboxLauncher:
    """Starts the in-process sandbox for the window, at most one per run: for ``--sandbox``
    and for the welcome page's "Try it with the sandbox"; ``stop`` ends it at shutdown."""

    def __init__(
        self, window: MainWindow, *, language: str, session: SandboxSession | None = None
    ) -> None:
        self._window = window
        self._language = language
        self._session = session
        self._starting = False
        self.failure_listeners: list[Callable[[str], None]] = []

    def start(self, *, demo: bool) -> None:
        """Start the sandbox in a worker and connect to it (again, if it already runs)."""
        window = self._window
        if self._session is None:
            self._session = SandboxSession()
        session = self._session
        if session.sandbox is not None:
            running = session.sandbox
            window.when_ready(lambda: window.use_connection(sandbox_connection(running)))
        elif not self._starting:
            self._starting = True
            window.show_starting_sandbox()
            workers.run_in_background(
                session.start,
                parent=window,
                on_result=lambda sandbox: window.when_ready(
                    lambda: window.use_connection(sandbox_connection(sandbox))
                ),
                on_error=self._failed,
                on_finished=self._started,
            )
        if demo:
            window.when_ready(lambda: load_demo(window, self._language))

    def _started(self) -> None:
        self._starting = False

    def _failed(self, exc: Exception) -> None:
        self._window.show_sandbox_failed(str(exc))
        for listener in self.failure_listeners:
            listener(str(exc))

    def stop(self) -> None:
        if self._session is not None:
            self._session.stop()


class ScreenshotTaker(QObject):
    """``--screenshot``: once the window is at rest, save a PNG of it.

    At rest: the sandbox is connected and its check has ended, the demo list and template
    are shown, the chosen student is current, no worker runs and no check or preview
    waits. Polled by a timer (a worker's end has no signal of its own); the picture is
    taken one event-loop turn later, so what changed last is painted.

    Signals:
        finished(int): the exit code — 0 saved, 1 not saved (the reason is on stderr).
    """

    finished = Signal(int)

    def __init__(
        self,
        window: MainWindow,
        path: Path,
        *,
        row: int = SCREENSHOT_ROW,
        timeout_s: float = SCREENSHOT_TIMEOUT_S,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._row = row
        self._timeout_s = timeout_s
        self._checked = False
        self._listed = False
        self._templated = False
        self._selected: int | None = None  # the table row made current once the list is shown
        self._done = False
        self.exit_code: int | None = None  # set once finished
        window.statusRefreshed.connect(self._status_refreshed)
        window.recipientsLoaded.connect(self._recipients_loaded)
        window.when_ready(self._watch_template)
        self._poll = QTimer(self)
        self._poll.setInterval(SCREENSHOT_POLL_MS)
        self._poll.timeout.connect(self._poll_idle)
        self._poll.start()
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(int(timeout_s * 1000))
        self._deadline.timeout.connect(self._timed_out)
        self._deadline.start()

    def _watch_template(self) -> None:
        self._window.composer.templateChanged.connect(self._template_shown)

    def _status_refreshed(self, _report: object) -> None:
        connection = self._window.connection()
        self._checked = connection is not None and connection.sandbox

    def _recipients_loaded(self, table: object) -> None:
        self._listed = True
        pane = self._window.recipient_pane
        rows = pane.model.rowCount()
        if rows:
            row = pane.model.table_row(min(self._row, rows - 1))
            self._selected = row
            pane.select_table_rows([row], current=row)

    def _template_shown(self) -> None:
        self._templated = True

    def is_idle(self) -> bool:
        window = self._window
        if not window.ready:  # the work area (composer, list) is still being built
            return False
        composer = window.composer
        connection = window.connection()
        return (
            self._checked
            and self._listed
            and self._templated
            and connection is not None
            and connection.sandbox
            and window.last_report() is not None
            and (self._selected is None or composer.current_row() == self._selected)
            and not window.loading
            and workers.active_task_count() == 0
            and not composer.file_busy
            and not composer.check_pending
            and not composer.check_running
            and not composer.preview_pending
        )

    def _poll_idle(self) -> None:
        if self._done or not self.is_idle():
            return
        self._poll.stop()
        self._window.composer.flush_preview()
        QTimer.singleShot(0, self, self._take)

    def _take(self) -> None:
        if self._done:
            return
        if not self.is_idle():  # the flush started something: wait for it
            self._poll.start()
            return
        if self._window.grab().save(str(self._path), "PNG"):
            self._finish(0)
        else:
            self.fail(
                translate("usosmail-gui", "The picture could not be saved to {path}.").format(
                    path=self._path
                )
            )

    def _timed_out(self) -> None:
        self.fail(
            translate(
                "usosmail-gui",
                "The window did not come to rest within {seconds:g} s; no picture was taken.",
            ).format(seconds=self._timeout_s)
        )

    def fail(self, reason: str) -> None:
        if self._done:
            return
        print(translate("usosmail-gui", "usosmail-gui: {reason}").format(reason=reason), file=sys.stderr)
        self._finish(1)

    def _finish(self, code: int) -> None:
        self._done = True
        self.exit_code = code
        self._poll.stop()
        self._deadline.stop()
        self.finished.emit(code)


def open_given_files(window: MainWindow, paths: Sequence[Path]) -> None:
    """Files named on the command line or handed over by the desktop (a double-clicked
    ``.usosmail``): a template opens in the composer, any other file as the recipient list
    (which says so in plain words if it cannot be read); once the work area exists."""

    def open_them() -> None:
        from .core.template import EXTENSION

        for path in paths:
            if path.suffix.lower() == EXTENSION:
                window.show_work_area()
                window.composer.open_template(path)
            else:
                window.open_file(path)

    if paths:
        window.when_ready(open_them)


class FileOpenRequests(QObject):
    """macOS hands a double-clicked document to the running app as a FileOpen event, not
    on the command line; this opens it like a file named there."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            open_given_files(self._window, [Path(event.file())])
            return True
        return super().eventFilter(watched, event)


def should_offer_connection_dialog(options: argparse.Namespace, settings: QSettings) -> bool:
    """A first run — nothing chosen on the command line, no installation remembered — shows
    the welcome page, which offers to connect to a university or to try the sandbox."""
    if options.sandbox or options.installation or options.demo or options.no_connect_dialog:
        return False
    return not settings.value(KEY_LAST_URL, "", str)


def build_main_window(
    options: argparse.Namespace,
    *,
    credential_store: CredentialStore | None = None,
    settings: QSettings | None = None,
    sandbox_session: SandboxSession | None = None,
    language: str = ENGLISH,
    deferred: bool = False,
) -> tuple[MainWindow, Callable[[], None]]:
    """Compose the window from the options; returns it and the clean-up to run after it closes.

    Needs a QApplication. Nothing here waits on the network, the keyring or the disk, nor
    imports what they need: the sandbox and the ``--demo`` files are started once the event
    loop runs (after the window is shown), stored credentials are read and the journal is
    searched for interrupted campaigns in workers. ``language`` ("pl"/"en") picks the demo
    template. ``deferred`` (as ``main`` does): the window shows its frame first and builds
    its work area once shown (``MainWindow.when_ready``); the store is the keyring's unless
    given.
    """
    store = credential_store
    settings = settings if settings is not None else app_settings()
    offer_resume = options.screenshot is None  # the picture shows the demo, not the journal
    if options.sandbox:
        window = MainWindow(
            store, settings=settings, restore_last=False, offer_resume=offer_resume, deferred=deferred
        )
    elif options.installation:
        connection = ActiveConnection(options.installation.strip())
        window = MainWindow(
            store,
            connection=connection,
            settings=settings,
            ask_when_missing=True,
            offer_resume=True,
            deferred=deferred,
        )
    else:
        window = MainWindow(
            store,
            settings=settings,
            offer_resume=True,
            welcome=should_offer_connection_dialog(options, settings),
            deferred=deferred,
        )
    launcher = SandboxLauncher(window, language=language, session=sandbox_session)
    window.sandboxRequested.connect(lambda: launcher.start(demo=True))
    if options.sandbox:
        window.show_starting_sandbox()
        # Once the work area's modules are in: the sandbox's worker then imports only its own
        # (two threads importing the same modules at once can see one half-initialised).
        QTimer.singleShot(0, window, lambda: window.when_ready(lambda: launcher.start(demo=options.demo)))
    elif options.demo:
        QTimer.singleShot(0, window, lambda: window.when_ready(lambda: load_demo(window, language)))
    if options.files and options.screenshot is None:
        open_given_files(window, options.files)
    if options.screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
        taker = ScreenshotTaker(window, Path(options.screenshot))
        launcher.failure_listeners.append(
            lambda reason: taker.fail(
                translate("usosmail-gui", "The local sandbox could not be started: {reason}").format(
                    reason=reason
                )
            )
        )

    def shutdown() -> None:
        workers.cancel_all()
        workers.wait_for_all(SHUTDOWN_WAIT_MS)
        launcher.stop()

    return window, shutdown


_qt_log = logging.getLogger("usosmail_gui.qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# Notices of the headless "offscreen" platform about what it cannot do; not problems.
_HARMLESS_QT_MESSAGES = ("This plugin does not support",)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to logging like ours (so they can be filtered and kept)."""
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if message.startswith(_HARMLESS_QT_MESSAGES):
        level = logging.DEBUG
    _qt_log.log(level, "%s", message)


def _quit_on_signals(app: QCoreApplication) -> QTimer:
    """Ctrl+C or SIGTERM quit like File > Quit, so the sandbox is stopped and its temp dir removed.

    Python runs signal handlers only when it gets control; the idle timer gives it that
    control five times a second while Qt's event loop waits.
    """
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    wake = QTimer(app)
    wake.start(200)
    wake.timeout.connect(lambda: None)
    return wake


def _app_icon() -> QIcon | None:
    """The window icon, from the package's folder (importlib.resources would cost ~5 ms of
    start-up for a file that is always beside this module in an installed package)."""
    icon_file = Path(__file__).resolve().parent / "resources" / "icons" / "usosmail-gui.svg"
    return QIcon(str(icon_file)) if icon_file.is_file() else None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``usosmail-gui``; returns the process exit code."""
    options = parse_args(sys.argv[1:] if argv is None else argv)
    # Workers (loading, checking, network) hold the GIL in 5 ms slices by default; 1 ms keeps
    # the GUI thread's longest wait for it short (measured: worst stall 25-40 ms → 6-10 ms).
    sys.setswitchinterval(0.001)
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "usosmail-gui"])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName("usosmail-gui")
    # A picture for documentation starts from fresh settings, so it looks the same everywhere.
    scratch: tempfile.TemporaryDirectory[str] | None = None
    if options.screenshot:
        import tempfile

        scratch = tempfile.TemporaryDirectory(prefix="usosmail-gui-")
    if scratch is not None:
        settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    else:
        settings = app_settings()
    language = install_translations(app, settings, options.language)
    icon = _app_icon()
    if icon is not None:
        QApplication.setWindowIcon(icon)

    _quit_on_signals(app)

    try:
        window, shutdown = build_main_window(options, settings=settings, language=language, deferred=True)
        app.installEventFilter(FileOpenRequests(window))
        taker = window.findChild(ScreenshotTaker)
        if taker is not None:
            taker.finished.connect(app.exit)
        window.show()
        try:
            code = app.exec()
        finally:
            shutdown()
        if taker is not None and taker.exit_code is None:
            code = 1  # quit (Ctrl+C) before the picture was taken
    finally:
        if scratch is not None:
            settings.sync()
            scratch.cleanup()
    return int(code)
