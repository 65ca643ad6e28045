"""Start-up of ``usosmail-gui``: the command line and the composition root.

Here the core services (credential store, connection check, installation list, the
optional in-process sandbox) are built and handed to the Qt classes. Heavy or
system-touching modules (keyring, requests, requests-oauthlib, pandas, the sandbox) are
imported only inside functions that run after the window is shown, in workers, so the
window appears fast and start-up never waits on the network or the keyring.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .core.credentials import Credentials, CredentialStore
from .ui import workers
from .ui.main_window import ActiveConnection, MainWindow
from .ui.plurals import install_english_plurals
from .ui.settings import APPLICATION, KEY_LAST_URL, ORGANIZATION, app_settings

if TYPE_CHECKING:
    from .sandbox import Sandbox

SANDBOX_DELAY = 2.0  # seconds a sandbox message waits, so the queue and statuses show
SHUTDOWN_WAIT_MS = 15000  # how long quitting waits for a worker still talking to a server


def _tr(text: str) -> str:
    return QCoreApplication.translate("usosmail-gui", text)


def build_parser() -> argparse.ArgumentParser:
    """The command line; kept separate so ``--help`` needs no QApplication.

    Its texts go through ``translate`` too, so lupdate collects them; they are shown
    translated once a translator is installed before parsing.
    """
    parser = argparse.ArgumentParser(
        prog="usosmail-gui",
        description=_tr(
            "Send personalised e-mail to students through your university's USOS API "
            "(services/mailing) and follow every message until it is sent."
        ),
        epilog=_tr(
            "Examples:\n"
            "  usosmail-gui                       open the app; Connection > Connect... chooses\n"
            "                                     the installation and stores the key in the keyring\n"
            "  usosmail-gui --sandbox             try everything against a local test server;\n"
            "                                     nothing is sent to anyone\n"
            "  usosmail-gui --sandbox --demo      the same, with a demo list of students loaded\n"
            "  usosmail-gui --installation https://usosapps.example.edu.pl/\n"
            "                                     start connected, with the key saved earlier\n\n"
            "The consumer secret is never accepted on the command line (it would stay in the\n"
            "shell history); it is kept in the system keyring. For scripts, see `usosmail`."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--sandbox",
        action="store_true",
        help=_tr(
            "start a local USOS API test server inside the app and connect to it with its "
            "administrative key; messages are 'delivered' into a temporary folder, never sent"
        ),
    )
    where.add_argument(
        "--installation",
        metavar="URL",
        help=_tr(
            "connect at start to this USOS API installation (its https:// base URL), using "
            "the key and secret saved for it"
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_tr("load the bundled demo list of students at start (fictitious people and addresses)"),
    )
    parser.add_argument(
        "--no-connect-dialog",
        action="store_true",
        help=_tr("do not open the Connection dialog at start even when nothing is configured yet"),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(None if argv is None else list(argv))


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
    return ActiveConnection(
        sandbox.url,
        Credentials(sandbox.admin_key, sandbox.admin_secret),
        name=_tr("Local sandbox"),
        sandbox=True,
    )


def demo_list_path() -> Path:
    """The bundled demo list (``resources/demo/studenci.csv``) as a file on disk."""
    return Path(str(resources.files("usosmail_gui").joinpath("resources/demo/studenci.csv")))


def build_main_window(
    options: argparse.Namespace,
    *,
    credential_store: CredentialStore | None = None,
    settings: QSettings | None = None,
    sandbox_session: SandboxSession | None = None,
) -> tuple[MainWindow, Callable[[], None]]:
    """Compose the window from the options; returns it and the clean-up to run after it closes.

    Needs a QApplication. Nothing here waits on the network, the keyring or the disk: the
    sandbox is started, stored credentials and the ``--demo`` list are loaded, and the
    journal is searched for interrupted campaigns (offered once the window shows), in
    workers once the event loop runs.
    """
    store = credential_store or CredentialStore()
    settings = settings if settings is not None else app_settings()
    session: SandboxSession | None = None
    if options.sandbox:
        window = MainWindow(store, settings=settings, restore_last=False, offer_resume=True)
        session = sandbox_session or SandboxSession()
        window.show_starting_sandbox()
        workers.run_in_background(
            session.start,
            parent=window,
            on_result=lambda sandbox: window.use_connection(sandbox_connection(sandbox)),
            on_error=lambda exc: window.show_sandbox_failed(str(exc)),
        )
    elif options.installation:
        connection = ActiveConnection(options.installation.strip())
        window = MainWindow(
            store, connection=connection, settings=settings, ask_when_missing=True, offer_resume=True
        )
    else:
        window = MainWindow(store, settings=settings, offer_resume=True)
    if options.demo:
        window.open_file(demo_list_path(), remember=False)  # in a worker, like any file

    def shutdown() -> None:
        workers.cancel_all()
        workers.wait_for_all(SHUTDOWN_WAIT_MS)
        if session is not None:
            session.stop()

    return window, shutdown


def should_offer_connection_dialog(options: argparse.Namespace, settings: QSettings) -> bool:
    """Open the Connection dialog at start only on a first run with nothing configured."""
    if options.sandbox or options.installation or options.no_connect_dialog:
        return False
    return not settings.value(KEY_LAST_URL, "", str)


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
    try:
        icon_file = resources.files("usosmail_gui").joinpath("resources/icons/usosmail-gui.svg")
        if icon_file.is_file():
            return QIcon(str(icon_file))
    except (OSError, ModuleNotFoundError):
        pass
    return None


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
    install_english_plurals(app)
    icon = _app_icon()
    if icon is not None:
        QApplication.setWindowIcon(icon)

    _quit_on_signals(app)

    settings = app_settings()
    window, shutdown = build_main_window(options, settings=settings)
    window.show()
    if should_offer_connection_dialog(options, settings):
        # After the first paint, and non-blocking (open(), not exec()).
        QTimer.singleShot(0, window.open_connection_dialog)
    try:
        code = app.exec()
    finally:
        shutdown()
    return int(code)
