"""Connecting: the installation the app talks to (with its key and secret once they are
read from the system keyring), and "Test connection" — the core's check, turned into a
verdict the window shows — for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from usosmail_gui.core.credentials import Credentials, CredentialStore
    from usosmail_gui.core.usos.connection import ConnectionReport

__all__ = ["ActiveConnection", "CheckConnection", "check_active", "load_credentials"]

CheckConnection = Callable[[str, str, str], "ConnectionReport"]
"""``check_connection(base_url, consumer_key, consumer_secret)``."""


class ActiveConnection(NamedTuple):
    """The installation the window talks to; ``credentials`` is None until loaded.

    Its repr never shows the secret (``Credentials`` hides it). A NamedTuple, not a
    dataclass: it is built before the window's first paint, and ``dataclasses`` (with
    ``copy``) would cost that paint ~3 ms of imports (tests/bench/bench_startup.py).
    """

    base_url: str
    credentials: Credentials | None = None
    name: str = ""
    sandbox: bool = False

    def keys(self) -> tuple[str, str, str] | None:
        """(base URL, consumer key, consumer secret), or None before the key is loaded."""
        if self.credentials is None:
            return None
        return self.base_url, self.credentials.consumer_key, self.credentials.consumer_secret


def load_credentials(store: CredentialStore, base_url: str) -> Credentials | None:
    """The key and secret saved for the installation (None: none saved)."""
    return store.load(base_url)


def check_active(connection: ActiveConnection, check: CheckConnection | None = None) -> ConnectionReport:
    """Run the connection check for ``connection`` (``core.usos.connection.check_connection``
    unless given); never raises a USOS error, every outcome is a verdict."""
    keys = connection.keys()
    if keys is None:
        raise ValueError("The connection has no key and secret yet: load them first.")
    if check is None:
        from usosmail_gui.core.usos.connection import check_connection  # lazy: requests

        check = check_connection
    return check(*keys)
