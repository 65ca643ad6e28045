"""Credentials live in the keyring, or for the session only; never in a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import fail, null

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import Credentials, CredentialStore, credentials_from_env

URL = "https://usosapps.example.edu.pl/"


def test_round_trip_through_the_keyring(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    outcome = store.save("usosapps.example.edu.pl", Credentials("key123", "secret456"))
    assert outcome.persistent and outcome.problem is None
    assert CredentialStore().load(URL) == Credentials("key123", "secret456")
    assert list(memory_keyring.entries) == [("usosmail-gui", URL)]


def test_forget_removes_the_entry(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    store.save(URL, Credentials("k", "s"))
    store.forget(URL)
    store.forget(URL)  # twice is fine
    assert store.load(URL) is None
    assert memory_keyring.entries == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_without_a_keyring_credentials_are_kept_for_the_session_only(backend: object, tmp_path: Path) -> None:
    store = CredentialStore(backend=backend)  # type: ignore[arg-type]
    outcome = store.save(URL, Credentials("k", "s"))
    assert not outcome.persistent
    assert outcome.problem and "keyring" in outcome.problem and "until the app is closed" in outcome.problem
    assert store.load(URL) == Credentials("k", "s")
    assert CredentialStore(backend=backend).load(URL) is None  # gone with the session  # type: ignore[arg-type]


def test_a_failing_keyring_falls_back_to_session_without_echoing_the_secret() -> None:
    class Locked(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError(f"locked, could not store {password}")

    store = CredentialStore(backend=Locked())
    outcome = store.save(URL, Credentials("k", "very-secret-value"))
    assert not outcome.persistent
    assert outcome.problem and "very-secret-value" not in outcome.problem
    assert store.load(URL) == Credentials("k", "very-secret-value")


def test_no_file_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USOSMAIL_DATA_DIR", str(tmp_path / "data"))
    CredentialStore(backend=fail.Keyring()).save(URL, Credentials("k", "file-secret"))
    for path in tmp_path.rglob("*"):
        assert not path.is_file() or b"file-secret" not in path.read_bytes()


def test_repr_hides_the_secret() -> None:
    assert "hunter2" not in repr(Credentials("k", "hunter2"))
    assert "hunter2" not in str(Credentials("k", "hunter2"))


def test_cli_reads_keyring_then_environment(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CredentialStore()
    assert store.for_cli(URL) is None
    monkeypatch.setenv("USOSMAIL_CONSUMER_KEY", "envkey")
    monkeypatch.setenv("USOSMAIL_CONSUMER_SECRET", "envsecret")
    assert store.for_cli(URL) == Credentials("envkey", "envsecret") == credentials_from_env()
    store.save(URL, Credentials("ringkey", "ringsecret"))
    assert store.for_cli(URL) == Credentials("ringkey", "ringsecret")


def test_credentials_saved_under_https_are_found_for_the_listed_http_address(
    memory_keyring: MemoryKeyring,
) -> None:
    """D3: the mother server lists http:// base URLs that are used as https://."""
    store = CredentialStore()
    store.save("https://usosapps.example.edu.pl/", Credentials("key", "secret"))
    found = store.load("http://usosapps.example.edu.pl")
    assert found is not None and found.consumer_key == "key"
    assert store.load("http://127.0.0.1:8000/") is None  # loopback keeps its own entry
