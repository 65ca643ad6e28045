"""application/connection.py: the key read from the keyring, and "Test connection" against
a real sandbox."""

from __future__ import annotations

import pytest

from usosmail_gui.application.connection import ActiveConnection, check_active, load_credentials
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.usos.connection import Verdict
from usosmail_gui.sandbox import Sandbox


def test_the_saved_key_is_read_for_its_installation_only() -> None:
    store = CredentialStore()
    store.save("https://usosapps.example.edu.pl/", Credentials("key", "secret"))
    assert load_credentials(store, "https://usosapps.example.edu.pl/") == Credentials("key", "secret")
    assert load_credentials(store, "https://usosapps.other.edu.pl/") is None


def test_the_check_says_ok_for_the_sandboxs_key_and_rejected_for_a_wrong_secret(sandbox: Sandbox) -> None:
    right = ActiveConnection(sandbox.url, Credentials(sandbox.admin_key, sandbox.admin_secret), sandbox=True)
    assert check_active(right).verdict is Verdict.OK
    wrong = ActiveConnection(sandbox.url, Credentials(sandbox.admin_key, "not-it"))
    assert check_active(wrong).verdict is Verdict.CREDENTIALS_REJECTED


def test_the_given_check_is_asked_with_the_connections_keys() -> None:
    asked: list[tuple[str, str, str]] = []

    def check(base_url: str, key: str, secret: str) -> object:
        asked.append((base_url, key, secret))
        return "report"

    connection = ActiveConnection("https://x.example.edu.pl/", Credentials("k", "SeCrEt-42"))
    assert check_active(connection, check) == "report"
    assert asked == [("https://x.example.edu.pl/", "k", "SeCrEt-42")]
    with pytest.raises(ValueError, match="no key"):
        check_active(ActiveConnection("https://x.example.edu.pl/"))
    assert "SeCrEt-42" not in repr(connection)  # the secret never shows
