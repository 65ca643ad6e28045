"""The built-in sandbox of ``--sandbox`` and of the welcome page's "Try it with the
sandbox": a local USOS API started in a worker (at most one per run), the window
connected to it with its administrative key, the demo list and letter loaded if asked,
and the sandbox stopped after the window closes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.ui import workers
from usosmail_gui.ui.i18n import ENGLISH, POLISH

if TYPE_CHECKING:
    from usosmail_gui.sandbox import Sandbox
    from usosmail_gui.ui.main_window import MainWindow

__all__ = [
    "SANDBOX_DELAY",
    "SandboxLauncher",
    "SandboxSession",
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
            window.when_ready(lambda: window.window_connection.use(sandbox_connection(running)))
        elif not self._starting:
            self._starting = True
            window.window_connection.show_starting_sandbox()
            workers.run_in_background(
                session.start,
                parent=window,
                on_result=lambda sandbox: window.when_ready(
                    lambda: window.window_connection.use(sandbox_connection(sandbox))
                ),
                on_error=self._failed,
                on_finished=self._started,
            )
        if demo:
            window.when_ready(lambda: load_demo(window, self._language))

    def _started(self) -> None:
        self._starting = False

    def _failed(self, exc: Exception) -> None:
        self._window.window_connection.show_sandbox_failed(str(exc))
        for listener in self.failure_listeners:
            listener(str(exc))

    def stop(self) -> None:
        if self._session is not None:
            self._session.stop()
