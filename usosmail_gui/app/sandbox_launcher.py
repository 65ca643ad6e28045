"""The built-in sandbox of ``--sandbox`` and of the welcome page's "Try it with the
sandbox": a local USOS API started in a worker (at most one per run), the window
connected to it with its administrative key, the demo list and letter loaded if asked,
and the sandbox stopped after the window closes.

The sandbox keeps its campaigns in a journal of its own (``core.journal.sandbox_journal_path``,
beside the real one): while the window talks to the sandbox the use cases open that one
(``choose_journal``), so practice campaigns never show among real ones and the other way
round. The sandbox listens on a new port at each start; its journal's campaigns follow it
there (``Journal.move_installation``) before the window connects, so a practice campaign
stopped half-way is resumed through the sandbox running now. Once connected, its
interrupted campaigns are offered (quietly: only if there are any), and its delivered mail
is one menu entry away (Send ▸ Sandbox mailbox…).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# ``Qt`` (the namespace) through ``QtCore``: PySide6 builds its enums on first use of ``Qt``,
# and this module is imported before the first paint
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.ui import workers
from usosmail_gui.ui.i18n import ENGLISH, POLISH

if TYPE_CHECKING:
    from usosmail_gui.sandbox import Sandbox
    from usosmail_gui.ui.main_window import MainWindow
    from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox

__all__ = [
    "SANDBOX_DELAY",
    "SandboxLauncher",
    "SandboxSession",
    "choose_journal",
    "demo_list_path",
    "demo_template_path",
    "load_demo",
    "sandbox_connection",
]

SANDBOX_DELAY = 2.0  # seconds a sandbox message waits, so the queue and statuses show
DEMO_TEMPLATES = {POLISH: "brakujace-dokumenty.usosmail", ENGLISH: "missing-documents.usosmail"}

translate = QCoreApplication.translate


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
        from usosmail_gui.sandbox import Sandbox, SandboxConfig  # lazy: oauthlib, email-validator

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


def choose_journal(sandbox: bool) -> None:
    """The journal the use cases open from now on: the built-in sandbox's own one while the
    window talks to the sandbox, the user's otherwise (imported here: after the frame)."""
    from usosmail_gui.application.collaborators import use_journal_file
    from usosmail_gui.core.journal import sandbox_journal_path

    use_journal_file(sandbox_journal_path() if sandbox else None)


def follow_the_sandbox(sandbox: Sandbox) -> Sandbox:
    """In the worker, once the sandbox listens: its journal's campaigns are the sandbox's at
    its new address (a journal that cannot be written is left as it is: the sandbox still
    runs, and its old campaigns then say which address they expect)."""
    import logging

    from usosmail_gui.core.journal import Journal, JournalError, sandbox_journal_path

    try:
        with Journal.open(sandbox_journal_path()) as journal:
            journal.move_installation(sandbox.url)
    except JournalError:
        logging.getLogger(__name__).warning("The sandbox's journal could not be updated", exc_info=True)
    return sandbox


def sandbox_connection(sandbox: Sandbox) -> ActiveConnection:
    """The sandbox's address with its administrative key (shown as "Local sandbox")."""
    from usosmail_gui.core.credentials import Credentials

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
    window.list_loading.open_file(demo_list_path(), remember=False)
    window.composer.open_template(demo_template_path(language), as_new=True)


class SandboxLauncher:
    """Starts the in-process sandbox for the window, at most one per run: for ``--sandbox``
    and for the welcome page's "Try it with the sandbox"; ``stop`` ends it at shutdown."""

    def __init__(
        self,
        window: MainWindow,
        *,
        language: str,
        session: SandboxSession | None = None,
        offer_resume: bool = True,
    ) -> None:
        self._window = window
        self._offer_resume = offer_resume
        self._language = language
        self._session = session
        self._starting = False
        self.failure_listeners: list[Callable[[str], None]] = []
        self.mailbox: SandboxMailbox | None = None
        self._sandbox_journal = False  # the journal chosen is the sandbox's (choose_journal)
        window.connectionChanged.connect(self._connection_changed)
        action = window.actions_by_name["sandbox_mailbox"]
        action.triggered.connect(self.show_mailbox)
        action.setVisible(False)  # only while the window talks to the built-in sandbox

    def _connection_changed(self, connection: ActiveConnection) -> None:
        window = self._window
        on_sandbox = connection.sandbox and self.sandbox is not None
        switched = connection.sandbox != self._sandbox_journal
        self._sandbox_journal = connection.sandbox
        choose_journal(connection.sandbox)
        window.actions_by_name["sandbox_mailbox"].setVisible(on_sandbox)
        if not on_sandbox and self.mailbox is not None:
            self.mailbox.close()
        if switched and window.ready:  # what is shown of the other journal goes, or is read again
            window.status_poller.stop()
            if window.statuses.history is not None:
                window.statuses.history.reload()
            if window.resume_flow.dialog is not None:
                window.resume_flow.show()

    def use_sandbox_journal(self) -> None:
        """The sandbox's journal from now on (``--sandbox``: before the sandbox has started)."""
        self._sandbox_journal = True
        choose_journal(True)

    @property
    def sandbox(self) -> Sandbox | None:
        """The built-in sandbox, once it runs."""
        return self._session.sandbox if self._session is not None else None

    def show_mailbox(self) -> SandboxMailbox | None:
        """Send ▸ Sandbox mailbox…: what the sandbox delivered, campaigns and tests alike,
        as the students see it (one window; read in workers)."""
        from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox

        sandbox = self.sandbox
        if sandbox is None:
            return None
        if self.mailbox is None:
            mailbox = SandboxMailbox(sandbox.maildir, self._window)
            mailbox.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
            mailbox.destroyed.connect(self._mailbox_gone)
            self.mailbox = mailbox
        self.mailbox.show()
        self.mailbox.raise_()
        self.mailbox.activateWindow()
        return self.mailbox

    def _mailbox_gone(self) -> None:
        self.mailbox = None

    def start(self, *, demo: bool) -> None:
        """Start the sandbox in a worker and connect to it (again, if it already runs)."""
        window = self._window
        if self._session is None:
            self._session = SandboxSession()
        session = self._session
        if session.sandbox is not None:
            running = session.sandbox
            window.when_ready(lambda: window.window_connection.use(sandbox_connection(running)))
        elif not self._starting:
            self._starting = True
            window.window_connection.show_starting_sandbox()
            workers.run_in_background(
                lambda: follow_the_sandbox(session.start()),
                parent=window,
                on_result=lambda sandbox: window.when_ready(lambda: self._connect(sandbox)),
                on_error=self._failed,
                on_finished=self._started,
            )
        if demo:
            window.when_ready(lambda: load_demo(window, self._language))

    def _connect(self, sandbox: Sandbox) -> None:
        """Talk to the sandbox (its journal from now on), and offer its interrupted campaigns."""
        self._window.window_connection.use(sandbox_connection(sandbox))
        if self._offer_resume:
            self._window.resume_flow.show(quiet=True)

    def _started(self) -> None:
        self._starting = False

    def _failed(self, exc: Exception) -> None:
        self._window.window_connection.show_sandbox_failed(str(exc))
        for listener in self.failure_listeners:
            listener(str(exc))

    def stop(self) -> None:
        if self._session is not None:
            self._session.stop()
