"""The Connection dialog driven as a user would, against a real sandbox on 127.0.0.1.

Only the keyring is faked (there is none here) and, in one test, the check function is a
stand-in that blocks, to look at the dialog while a test is running.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import SERVICE, Credentials, CredentialStore
from usosmail_gui.core.usos.connection import ConnectionReport, Verdict, check_connection
from usosmail_gui.core.usos.installations import known_installations
from usosmail_gui.core.usos.models import SimpleMessage
from usosmail_gui.ui.connection_dialog import ConnectionDialog

TIMEOUT = 15000


def make_dialog(qtbot: QtBot, store: CredentialStore, **kwargs: Any) -> ConnectionDialog:
    dialog = ConnectionDialog(store, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.installationsLoaded, timeout=TIMEOUT):
        dialog.show()
    return dialog


def fill(dialog: ConnectionDialog, url: str, key: str, secret: str) -> None:
    """What typing does: the fields' text plus the "edited" notifications."""
    dialog.url_edit.setText(url)
    dialog.url_edit.editingFinished.emit()
    for edit, text in ((dialog.key_edit, key), (dialog.secret_edit, secret)):
        edit.setText(text)
        edit.textEdited.emit(text)


def run_test(qtbot: QtBot, dialog: ConnectionDialog) -> ConnectionReport:
    with qtbot.waitSignal(dialog.connectionTested, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert isinstance(report, ConnectionReport)
    assert dialog.test_button.isEnabled()
    assert not dialog.busy_indicator.isVisible()
    return report


@pytest.fixture
def store(memory_store: tuple[CredentialStore, MemoryKeyring]) -> CredentialStore:
    return memory_store[0]


def test_secret_is_hidden_unless_shown(qtbot: QtBot, store: CredentialStore) -> None:
    dialog = make_dialog(qtbot, store)
    assert dialog.secret_edit.echoMode() is QLineEdit.EchoMode.Password
    dialog.show_secret_box.setChecked(True)
    assert dialog.secret_edit.echoMode() is QLineEdit.EchoMode.Normal
    dialog.show_secret_box.setChecked(False)
    assert dialog.secret_edit.echoMode() is QLineEdit.EchoMode.Password
    dialog.secret_edit.setText("s3cret-value")
    assert "s3cret-value" not in repr(dialog)


def test_bundled_list_first_filter_and_pick(qtbot: QtBot, store: CredentialStore) -> None:
    dialog = make_dialog(qtbot, store)
    bundled = known_installations(live=False).installations
    assert dialog.list_view.model().rowCount() == len(bundled)
    dialog.filter_edit.setText("Jagiello")
    assert dialog.list_view.model().rowCount() == 1
    index = dialog.list_view.model().index(0, 0)
    dialog.list_view.setCurrentIndex(index)
    assert dialog.url_edit.text() == "https://apps.usos.uj.edu.pl/"
    for widget in (dialog.filter_edit, dialog.list_view, dialog.url_edit, dialog.key_edit,
                   dialog.secret_edit, dialog.test_button, dialog.save_button, dialog.refresh_button):
        assert widget.accessibleName()


def test_refresh_failure_says_so_and_keeps_the_list(qtbot: QtBot, store: CredentialStore) -> None:
    # tests/conftest.py points the mother server at a closed loopback port.
    dialog = make_dialog(qtbot, store)
    before = dialog.list_view.model().rowCount()
    with qtbot.waitSignal(dialog.installationsLoaded, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].live is False
    assert "could not be fetched" in dialog.list_status_label.text()
    assert dialog.list_view.model().rowCount() == before
    assert dialog.refresh_button.isEnabled()


def test_refresh_from_a_mother_server(qtbot: QtBot, store: CredentialStore, sandbox: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USOSMAIL_MOTHER_URL", sandbox.url)
    dialog = make_dialog(qtbot, store)
    with qtbot.waitSignal(dialog.installationsLoaded, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].live is True
    assert dialog.select_installation(sandbox.url)
    assert dialog.url_edit.text() == sandbox.url
    assert "Current list from USOS" in dialog.list_status_label.text()


def test_ok_shows_the_queue_size(
    qtbot: QtBot, store: CredentialStore, make_sandbox: Callable[..., Any]
) -> None:
    sandbox = make_sandbox(delay=3600.0)  # nothing is delivered during the test
    from usosmail_gui.core.usos.client import MailingClient

    with MailingClient(sandbox.url, sandbox.admin_key, sandbox.admin_secret) as client:
        # one message to three addresses: three unsent recipients (B4)
        recipients = ("a@example.com", "b@example.com", "c@example.com")
        client.send_simple_message(SimpleMessage("Hi", "Hello", recipients))
    dialog = make_dialog(qtbot, store)
    fill(dialog, sandbox.url, sandbox.admin_key, sandbox.admin_secret)
    report = run_test(qtbot, dialog)
    assert report.verdict is Verdict.OK
    assert "Connected" in dialog.result_text()
    assert "3 unsent" in dialog.result_text()
    assert not dialog.details_label.isVisible()


def test_wrong_secret_is_rejected(qtbot: QtBot, store: CredentialStore, sandbox: Any) -> None:
    dialog = make_dialog(qtbot, store)
    fill(dialog, sandbox.url, sandbox.admin_key, "not-the-secret")
    report = run_test(qtbot, dialog)
    assert report.verdict is Verdict.CREDENTIALS_REJECTED
    assert "did not accept this consumer key or secret" in dialog.result_text()
    assert dialog.details_label.text().startswith("Details:")
    assert "not-the-secret" not in dialog.result_text() + dialog.details_label.text()
    # Enter now tests again; saving what just failed is still possible, but not the default
    assert dialog.test_button.isDefault() and not dialog.save_button.isDefault()
    assert dialog.save_button.isEnabled()
    fill(dialog, sandbox.url, sandbox.admin_key, sandbox.admin_secret)
    assert run_test(qtbot, dialog).verdict is Verdict.OK
    assert dialog.save_button.isDefault() and not dialog.test_button.isDefault()


def test_user_key_is_not_administrative(qtbot: QtBot, store: CredentialStore, sandbox: Any) -> None:
    dialog = make_dialog(qtbot, store)
    fill(dialog, sandbox.url, sandbox.user_key, sandbox.user_secret)
    report = run_test(qtbot, dialog)
    assert report.verdict is Verdict.NOT_ADMINISTRATIVE
    assert "not administrative" in dialog.result_text()


def test_plain_http_elsewhere_is_refused_without_network(
    qtbot: QtBot, store: CredentialStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []

    def no_network(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError("no network I/O expected")

    dialog = make_dialog(qtbot, store)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    fill(dialog, "http://usosapps.example.edu.pl/", "key", "secret")
    report = run_test(qtbot, dialog)
    assert report.verdict is Verdict.INSECURE_URL
    assert "plain http" in dialog.result_text()
    assert "Nothing was sent" in dialog.result_text()
    assert attempts == []


def test_closed_port_is_unreachable(qtbot: QtBot, store: CredentialStore, closed_loopback_url: str) -> None:
    # The real check, retries and all (a few seconds): that is what a user waits through.
    dialog = make_dialog(qtbot, store)
    fill(dialog, closed_loopback_url, "key", "secret")
    report = run_test(qtbot, dialog)
    assert report.verdict is Verdict.UNREACHABLE
    assert dialog.result_text().startswith(f"Could not reach {closed_loopback_url}")


def test_missing_fields_are_named_before_anything_runs(qtbot: QtBot, store: CredentialStore) -> None:
    dialog = make_dialog(qtbot, store)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "Choose an installation" in dialog.result_text()
    fill(dialog, "https://usosapps.example.edu.pl/", "key", "")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "consumer secret" in dialog.result_text()
    assert not dialog.testing


def test_busy_while_testing_and_cancel_stays_responsive(qtbot: QtBot, store: CredentialStore) -> None:
    started = threading.Event()
    release = threading.Event()

    def slow_check(url: str, key: str, secret: str) -> ConnectionReport:
        started.set()
        release.wait(10)
        return ConnectionReport(url, Verdict.OK, 0)

    dialog = make_dialog(qtbot, store, check=slow_check)
    fill(dialog, "https://usosapps.example.edu.pl/", "key", "secret")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)
    assert not dialog.test_button.isEnabled()
    assert dialog.busy_indicator.isVisible()
    assert dialog.cancel_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.connectionTested):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()  # closed at once, while the check still runs
        release.set()
        qtbot.waitUntil(lambda: not dialog.testing, timeout=TIMEOUT)
    assert dialog.chosen() is None


def test_save_persists_in_the_keyring(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], sandbox: Any
) -> None:
    store, backend = memory_store
    dialog = make_dialog(qtbot, store)
    fill(dialog, sandbox.url, sandbox.admin_key, sandbox.admin_secret)
    with qtbot.waitSignal(dialog.connectionChosen, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [sandbox.url, Credentials(sandbox.admin_key, sandbox.admin_secret)]
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted
    assert dialog.chosen() == (sandbox.url, Credentials(sandbox.admin_key, sandbox.admin_secret))
    assert (SERVICE, sandbox.url) in backend.entries
    reread = CredentialStore(backend=backend).load(sandbox.url)
    assert reread == Credentials(sandbox.admin_key, sandbox.admin_secret)


def test_without_keyring_says_session_only_and_keeps_values(
    qtbot: QtBot, failing_store: CredentialStore, sandbox: Any
) -> None:
    dialog = make_dialog(qtbot, failing_store)
    fill(dialog, sandbox.url, sandbox.admin_key, sandbox.admin_secret)
    with qtbot.waitSignal(dialog.credentialsSaved, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].persistent is False
    assert "only for this session" in dialog.notice_text()
    assert "Details:" in dialog.notice_text()
    assert sandbox.admin_secret not in dialog.notice_text()
    assert dialog.isVisible() and dialog.chosen() is None
    assert (dialog.url_edit.text(), dialog.key_edit.text(), dialog.secret_edit.text()) == (
        sandbox.url, sandbox.admin_key, sandbox.admin_secret)
    assert dialog.save_button.text() == "Use for this session"
    with qtbot.waitSignal(dialog.connectionChosen, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == (sandbox.url, Credentials(sandbox.admin_key, sandbox.admin_secret))
    assert failing_store.load(sandbox.url) == Credentials(sandbox.admin_key, sandbox.admin_secret)


def test_stored_credentials_are_loaded_for_the_chosen_url(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    store, _ = memory_store
    url = "https://apps.usos.uj.edu.pl/"
    store.save(url, Credentials("uj-key", "uj-secret"))
    dialog = make_dialog(qtbot, store)
    with qtbot.waitSignal(dialog.credentialsLoaded, timeout=TIMEOUT) as blocker:
        assert dialog.select_installation(url)
    assert blocker.args[0] == url
    assert dialog.key_edit.text() == "uj-key"
    assert dialog.secret_edit.text() == "uj-secret"


def test_real_check_is_the_default() -> None:
    import inspect

    defaults = inspect.signature(ConnectionDialog).parameters
    assert defaults["check"].default is check_connection
    assert defaults["list_installations"].default is known_installations
