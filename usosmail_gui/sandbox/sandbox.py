"""The sandbox as one object: an HTTP server thread, a delivery thread, keys and a Maildir.

The app (``usosmail-gui --sandbox``), the command line and the tests all start it the
same way, so what a user tries is what the tests checked.
"""

from __future__ import annotations

import logging
import shutil
import socket
import tempfile
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from .api import MailingApi
from .config import (
    GENERATED_KEY_LENGTH,
    GENERATED_SECRET_LENGTH,
    Behaviour,
    Faults,
    SandboxConfig,
    generate_token,
)
from .delivery import MaildirDelivery
from .oauth import OAuthVerifier
from .server import SandboxHTTPServer
from .store import MessageStore

log = logging.getLogger(__name__)

POLL_INTERVAL = 0.05  # seconds between the delivery thread's looks at the queue
DELIVERY_BATCH = 200  # messages taken per look, so stop() is never kept waiting long
TEMP_PREFIX = "usosmail-sandbox-"


class Sandbox:
    """A local USOS API mailing server on 127.0.0.1, for trying the app and for tests.

    ``clock`` (seconds, like ``time.time``) drives the delivery delay and the 7-day
    retention, so tests can move time instead of waiting. OAuth timestamps are still
    checked against the real time, as a real server would.
    """

    def __init__(
        self, config: SandboxConfig | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.config = config or SandboxConfig()
        self._clock = clock
        cfg = self.config
        self.admin_key = cfg.admin_key or generate_token(GENERATED_KEY_LENGTH)
        self.admin_secret = cfg.admin_secret or generate_token(GENERATED_SECRET_LENGTH)
        self.user_key = generate_token(GENERATED_KEY_LENGTH)
        while self.user_key == self.admin_key:  # pragma: no cover - 62**20 to one
            self.user_key = generate_token(GENERATED_KEY_LENGTH)
        self.user_secret = generate_token(GENERATED_SECRET_LENGTH)
        self.faults = Faults(cfg.error_rate, cfg.drop_rate, cfg.latency_ms, cfg.seed)
        self.behaviour = Behaviour(cfg)

        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._store = MessageStore(clock, cfg.delay)
        self._api = MailingApi(
            store=self._store,
            verifier=OAuthVerifier({self.admin_key: self.admin_secret, self.user_key: self.user_secret}),
            admin_keys=frozenset({self.admin_key}),
            faults=self.faults,
            stopping=self._stopping,
            on_enqueue=self._wake.set,
            behaviour=self.behaviour,
        )
        self._state_lock = threading.Lock()
        self._deliver_lock = threading.Lock()
        self._started = False
        self._stopped = False
        self._server: SandboxHTTPServer | None = None
        self._server_thread: threading.Thread | None = None
        self._delivery_thread: threading.Thread | None = None
        self._delivery: MaildirDelivery | None = None
        self._maildir: Path | None = None
        self._cleanup: weakref.finalize[..., object] | None = None
        self._url: str | None = None

    # --- life cycle ------------------------------------------------------------------
    def start(self) -> Sandbox:
        """Bind, create the Maildir, start both threads; returns ``self``."""
        with self._state_lock:
            if self._stopped:
                raise RuntimeError("A stopped sandbox cannot be started again; make a new one.")
            if self._started:
                return self
            cfg = self.config
            host = "127.0.0.1" if cfg.host.lower() == "localhost" else cfg.host.strip("[]")
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            server = SandboxHTTPServer((host, cfg.port), self._api, family)
            try:
                if cfg.maildir is None:
                    self._maildir = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
                    # removed by stop(), or at exit if the owner forgot to stop
                    self._cleanup = weakref.finalize(self, shutil.rmtree, self._maildir, True)
                else:
                    self._maildir = cfg.maildir.expanduser().resolve()
                self._delivery = MaildirDelivery(self._maildir, cfg.fail_domain, self._clock)
            except BaseException:
                server.server_close()
                self._remove_own_maildir()
                self._maildir = None
                raise
            port = server.server_port
            shown = f"[{host}]" if family == socket.AF_INET6 else host
            self._url = f"http://{shown}:{port}/"
            self._api.base_url = self._url
            self._server = server
            self._server_thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": POLL_INTERVAL},
                name=f"usos-sandbox-http-{port}", daemon=True,
            )
            self._delivery_thread = threading.Thread(
                target=self._deliver_loop, name=f"usos-sandbox-delivery-{port}", daemon=True
            )
            self._server_thread.start()
            self._delivery_thread.start()
            self._started = True
            log.debug("Sandbox serving %s, mail into %s", self._url, self._maildir)
            return self

    def stop(self) -> None:
        """Stop serving and delivering, close every socket; safe to call more than once."""
        with self._state_lock:
            if self._stopped:
                return
            self._stopped = True
            self._stopping.set()
            self._wake.set()
            if self._server is not None:
                self._server.shutdown()
                self._server.close_connections()
                self._server.server_close()
            for thread in (self._server_thread, self._delivery_thread):
                if thread is not None:
                    thread.join(timeout=10)
            self._remove_own_maildir()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- what callers read -------------------------------------------------------------
    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT/``: the base URL to give the client."""
        if self._url is None:
            raise RuntimeError("The sandbox has no address until it is started.")
        return self._url

    @property
    def maildir(self) -> Path:
        """Where "delivered" messages are written (a Maildir: tmp/, new/, cur/)."""
        if self._maildir is None:
            raise RuntimeError("The sandbox has no Maildir until it is started.")
        return self._maildir

    @property
    def requests_served(self) -> Counter[str]:
        """HTTP requests received so far by method path (a snapshot, e.g. for benchmarks)."""
        return self._api.requests_served()

    def ready_info(self) -> dict[str, str]:
        """The command line's ready line (docs/cli.md, "The sandbox")."""
        return {
            "url": self.url,
            "admin_key": self.admin_key,
            "admin_secret": self.admin_secret,
            "user_key": self.user_key,
            "user_secret": self.user_secret,
            "maildir": str(self.maildir),
        }

    def __repr__(self) -> str:  # never shows the secrets
        state = "stopped" if self._stopped else "running" if self._started else "new"
        return f"Sandbox({self._url or 'unbound'}, {state})"

    # --- delivery ------------------------------------------------------------------------
    def deliver_due(self) -> int:
        """Deliver every message whose delay has passed by the clock; how many were."""
        if self._delivery is None:
            raise RuntimeError("The sandbox must be started before it can deliver.")
        delivered = 0
        if not self.behaviour.daemon_running:
            return 0  # a stopped mail daemon: nothing leaves the queue
        with self._deliver_lock:
            while True:
                batch = self._store.take_due(DELIVERY_BATCH)
                for message in batch:
                    self._store.record(message, self._delivery.deliver(message))
                delivered += len(batch)
                if len(batch) < DELIVERY_BATCH or self._stopping.is_set():
                    return delivered

    def wait_delivered(self, timeout: float) -> bool:
        """Block until nothing is queued or being delivered; ``False`` if ``timeout`` passed."""
        return self._store.wait_idle(timeout)

    def start_daemon(self) -> None:
        """The administrators start USOS's mail daemon again: the queue moves on."""
        self.behaviour.daemon_running = True
        self._wake.set()

    def _deliver_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self.deliver_due()
            except Exception:
                log.exception("Sandbox delivery failed")
            self._wake.wait(POLL_INTERVAL)
            self._wake.clear()

    def _remove_own_maildir(self) -> None:
        if self._cleanup is not None:
            self._cleanup()
