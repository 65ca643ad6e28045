"""Consumer key and secret per USOS installation, kept in the OS keyring only.

When no secure keyring works (headless Linux without a Secret Service raises
``NoKeyringError``), the credentials are kept in memory for this session and the user is
told so in plain words. There is deliberately no plaintext-file fallback.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .usos.addresses import as_https  # keys: a listed http:// address is its https:// one (D3)

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "usosmail-gui"
ENV_KEY = "USOSMAIL_CONSUMER_KEY"
ENV_SECRET = "USOSMAIL_CONSUMER_SECRET"

_INSECURE_BACKENDS = ("plaintext", "null", "fail")


@dataclass(frozen=True, slots=True)
class Credentials:
    consumer_key: str
    consumer_secret: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(consumer_key={self.consumer_key!r}, consumer_secret=<hidden>)"


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """``persistent`` False means: kept for this session only, ``problem`` says why."""

    persistent: bool
    problem: str | None = None


def _is_secure(backend: KeyringBackend) -> bool:
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if any(bad in name for bad in _INSECURE_BACKENDS):
        return False
    if "chainer" in name:
        return bool(getattr(backend, "backends", ()))
    return True


class CredentialStore:
    """The keyring with a session-only fallback; never a file."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend
        self._session: dict[str, Credentials] = {}
        self._problem: str | None = None

    def _keyring(self) -> KeyringBackend | None:
        import keyring  # lazy: backend discovery is slow and needs D-Bus on Linux

        backend = self._backend or keyring.get_keyring()
        if not _is_secure(backend):
            self._problem = (
                "No secure password store (keyring) is available on this computer, so the "
                "key and secret are kept only until the app is closed. Install and unlock "
                "a keyring (e.g. GNOME Keyring or KWallet) to have them remembered."
            )
            return None
        return backend

    @property
    def problem(self) -> str | None:
        """Why credentials are not being remembered, once that has been found out."""
        return self._problem

    def load(self, base_url: str) -> Credentials | None:
        url = as_https(base_url)
        if url in self._session:
            return self._session[url]
        backend = self._keyring()
        if backend is None:
            return None
        try:
            raw = backend.get_password(SERVICE, url)
        except Exception as exc:  # keyring backends raise many things (locked, D-Bus)
            self._problem = _keyring_failure(exc)
            return None
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return Credentials(str(data["consumer_key"]), str(data["consumer_secret"]))
        except (ValueError, KeyError, TypeError):
            self._problem = "The saved credentials for this installation are damaged; enter them again."
            return None

    def save(self, base_url: str, credentials: Credentials) -> SaveOutcome:
        url = as_https(base_url)
        backend = self._keyring()
        if backend is not None:
            payload = json.dumps(
                {"consumer_key": credentials.consumer_key, "consumer_secret": credentials.consumer_secret}
            )
            try:
                backend.set_password(SERVICE, url, payload)
            except Exception as exc:
                self._problem = _keyring_failure(exc)
            else:
                self._session.pop(url, None)
                return SaveOutcome(persistent=True)
        self._session[url] = credentials
        return SaveOutcome(persistent=False, problem=self._problem)

    def forget(self, base_url: str) -> None:
        url = as_https(base_url)
        self._session.pop(url, None)
        backend = self._keyring()
        if backend is None:
            return
        try:
            backend.delete_password(SERVICE, url)
        except Exception:  # nothing stored is fine; a locked keyring keeps its entry
            pass

    def for_cli(self, base_url: str) -> Credentials | None:
        """The keyring entry for the installation, else the two environment variables."""
        found = self.load(base_url)
        if found is not None:
            return found
        return credentials_from_env()


def credentials_from_env() -> Credentials | None:
    key = os.environ.get(ENV_KEY, "").strip()
    secret = os.environ.get(ENV_SECRET, "").strip()
    if key and secret:
        return Credentials(key, secret)
    return None


def _keyring_failure(exc: Exception) -> str:
    # The exception's own text is not shown: some backends echo what they were given.
    return (
        f"The password store (keyring) could not be used ({type(exc).__name__}), so the key "
        "and secret are kept only until the app is closed. Unlock the keyring and try again "
        "to have them remembered."
    )
