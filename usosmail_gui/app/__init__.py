"""Start-up of ``usosmail-gui``: the composition root.

Here the collaborators (credential store, connection check, installation list, the
optional in-process sandbox) are chosen and handed to the window, and the application
object is set up and run. The parts of start-up live beside this module: the command
line (``command_line``), the built-in sandbox and the demo (``sandbox_launcher``), the
``--screenshot`` runner (``screenshot``, imported only when asked for). Heavy or
system-touching modules (keyring, requests, requests-oauthlib, the sandbox) are imported
only inside functions that run after the window is shown, in workers, so the window
appears fast and start-up never waits on the network or the keyring
(tests/qt/test_app_startup.py checks it, tests/bench/bench_startup.py measures it).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
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
    qInstallMessageHandler,
)
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from usosmail_gui import __version__
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.ui import workers
from usosmail_gui.ui.heap import tune_collector
from usosmail_gui.ui.i18n import ENGLISH, install_translations
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import APPLICATION, LAST_URL, ORGANIZATION, app_settings

from .command_line import build_parser, parse_args
from .sandbox_launcher import SandboxLauncher, SandboxSession, load_demo

if TYPE_CHECKING:
    import tempfile

    from usosmail_gui.core.credentials import CredentialStore

__all__ = [
    "FileOpenRequests",
    "SandboxLauncher",
    "SandboxSession",
    "build_main_window",
    "build_parser",
    "main",
    "open_given_files",
    "parse_args",
    "should_offer_connection_dialog",
]

SHUTDOWN_WAIT_MS = 15000  # how long quitting waits for a worker still talking to a server

translate = QCoreApplication.translate


def open_given_files(window: MainWindow, paths: Sequence[Path]) -> None:
    """Files named on the command line or handed over by the desktop (a double-clicked
    ``.usosmail``): a template opens in the composer, any other file as the recipient list
    (which says so in plain words if it cannot be read); once the work area exists."""

    def open_them() -> None:
        from usosmail_gui.core.template import EXTENSION

        for path in paths:
            if path.suffix.lower() == EXTENSION:
                window.show_work_area()
                window.composer.open_template(path)
            else:
                window.list_loading.open_file(path)

    if paths:
        window.when_ready(open_them)


class FileOpenRequests(QObject):
    """macOS hands a double-clicked document to the running app as a FileOpen event, not
    on the command line; this opens it like a file named there.

    Installed on the application only where such events come from (macOS: Qt sends
    QFileOpenEvent there alone): a Python filter on the application sees every event of
    every object, and PySide6 wraps each receiver for it — for Qt's private classes by
    creating every type of every module, ~20 ms before the first paint on this machine
    (tests/bench/bench_startup.py) — and every event after that goes through Python too.
    """

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
    return not LAST_URL.read(settings)


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
    if options.sandbox:
        # its interrupted campaigns are offered once it runs (their address is then its new one)
        window = MainWindow(
            store, settings=settings, restore_last=False, offer_resume=False, deferred=deferred
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
    launcher = SandboxLauncher(
        window, language=language, session=sandbox_session, offer_resume=options.screenshot is None
    )
    window.when_ready(_names_in_a_child)
    window.sandboxRequested.connect(lambda: launcher.start(demo=True))
    if options.sandbox:
        # the sandbox's own journal from the first job on (Campaigns… before it has started)
        window.when_ready(launcher.use_sandbox_journal)
        window.window_connection.show_starting_sandbox()
        # Once the work area's modules are in: the sandbox's worker then imports only its own
        # (two threads importing the same modules at once can see one half-initialised).
        QTimer.singleShot(0, window, lambda: window.when_ready(lambda: launcher.start(demo=options.demo)))
    elif options.demo:
        QTimer.singleShot(0, window, lambda: window.when_ready(lambda: load_demo(window, language)))
    if options.files and options.screenshot is None:
        open_given_files(window, options.files)
    if options.screenshot is not None:
        from .screenshot import SCREENSHOT_SIZE, ScreenshotTaker

        window.resize(*SCREENSHOT_SIZE)
        taker = ScreenshotTaker(window, Path(options.screenshot), view=options.screenshot_view)
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


def _names_in_a_child() -> None:
    """The window's first names' dictionary in a child process: Morfeusz's loader holds the
    GIL ~0.2 s, which in this process froze the window (core/letters/lexicon_process.py).
    Chosen once the work area is built (its modules are in by then: nothing to import)."""
    from usosmail_gui.core.letters.lexicon_process import ProcessLexicon
    from usosmail_gui.core.letters.names import NameBook, default_book, use_default_book

    if not isinstance(default_book().lexicon, ProcessLexicon):
        use_default_book(NameBook(ProcessLexicon()))


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
    icon_file = Path(__file__).resolve().parents[1] / "resources" / "icons" / "usosmail-gui.svg"
    return QIcon(str(icon_file)) if icon_file.is_file() else None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``usosmail-gui``; returns the process exit code."""
    options = parse_args(sys.argv[1:] if argv is None else argv)
    # Workers (loading, checking, network) hold the GIL in 5 ms slices by default; 1 ms keeps
    # the GUI thread's longest wait for it short (measured: worst stall 25-40 ms → 6-10 ms).
    sys.setswitchinterval(0.001)
    tune_collector()  # big tables: no full garbage collection in the middle of a worker's job
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
        # and a journal of its own: a pictured campaign never joins the user's
        from usosmail_gui.core.paths import DATA_DIR_ENV

        data_dir_before = os.environ.get(DATA_DIR_ENV)
        os.environ[DATA_DIR_ENV] = str(Path(scratch.name) / "data")
    else:
        settings = app_settings()
    language = install_translations(app, settings, options.language)
    icon = _app_icon()
    if icon is not None:
        QApplication.setWindowIcon(icon)

    _quit_on_signals(app)

    try:
        window, shutdown = build_main_window(options, settings=settings, language=language, deferred=True)
        if sys.platform == "darwin":
            app.installEventFilter(FileOpenRequests(window))
        taker = None
        if options.screenshot is not None:
            from .screenshot import ScreenshotTaker

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
            if data_dir_before is None:
                os.environ.pop(DATA_DIR_ENV, None)
            else:
                os.environ[DATA_DIR_ENV] = data_dir_before
            scratch.cleanup()
    return int(code)
