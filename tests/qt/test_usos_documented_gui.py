"""The window against the documented USOS (section D) and every sandbox switch: USOS's own
Polish words and a self-check difference in the Connection dialog, a stopped mail daemon in
the status bar and the Statuses dock, statuses that reach sent / failed / expired and
never "waiting" under sparse detail and strict IDs, and the sender each mode shows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import FAIL_DOMAIN, TEMPLATE, client_for, new_campaign, rows_failing
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import HEADER, write_csv
from tests.qt.test_connection_dialog import fill, make_dialog, run_test
from tests.qt.test_status_poller import send_from_window, statuses
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.sending import send_steps
from usosmail_gui.core.statuses import Status
from usosmail_gui.core.usos.connection import Verdict
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.send_dialog import SendDialog

TIMEOUT = 20000

pytestmark = pytest.mark.usefixtures("english_plurals")


@pytest.fixture
def store(memory_store: tuple[CredentialStore, MemoryKeyring]) -> CredentialStore:
    return memory_store[0]


def test_connection_dialog_shows_usos_polish_words_and_names_the_administrators(
    qtbot: QtBot,
    store: CredentialStore,
    make_sandbox: Callable[..., Sandbox],
    monkeypatch: pytest.MonkeyPatch,
    polish: None,
) -> None:
    sb = make_sandbox(forbidden_status=400)
    monkeypatch.setenv("USOSMAIL_MOTHER_URL", sb.url)
    dialog = make_dialog(qtbot, store)
    with qtbot.waitSignal(dialog.installationsLoaded, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    assert dialog.select_installation(sb.url)
    fill(dialog, sb.url, sb.user_key, sb.user_secret)
    report = run_test(qtbot, dialog)
    assert report.verdict is Verdict.NOT_ADMINISTRATIVE
    assert dialog.result_text().startswith("Klucz i sekret są poprawne, ale klucz nie jest administracyjny")
    assert "usosapi@sandbox.example.edu.pl" in dialog.result_text()
    assert dialog.usos_label.isVisible()
    assert dialog.usos_label.text() == (
        "USOS: Ta aplikacja nie ma uprawnień administracyjnych do tej metody. Skontaktuj się z "
        "administratorami USOS API swojej uczelni."
    )


def test_connection_dialog_lists_a_self_check_difference_and_a_stopped_daemon(
    qtbot: QtBot, store: CredentialStore, make_sandbox: Callable[..., Sandbox]
) -> None:
    sb = make_sandbox(status_detail="sparse", daemon_stopped=True)
    dialog = make_dialog(qtbot, store)
    fill(dialog, sb.url, sb.admin_key, sb.admin_secret)
    report = run_test(qtbot, dialog)
    assert report.ok
    assert dialog.warning_label.isVisible() and "mail daemon is not running" in dialog.warning_label.text()
    assert dialog.compatibility_label.isVisible()
    text = dialog.compatibility_label.text()
    assert text.startswith("Self-check: this installation documents some answers differently")
    assert "• check_messages_status: The installation documents no per-recipient statuses" in text
    fill(dialog, sb.url, sb.admin_key, "wrong")  # a new test replaces what the last one showed
    run_test(qtbot, dialog)
    assert not dialog.warning_label.isVisible()


def test_a_stopped_daemon_is_shown_while_the_campaign_is_polled(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    sb = make_sandbox(daemon_stopped=True)
    window = make_connected_window(sb)
    path = write_csv(tmp_path / "studenci.csv", rows_failing(3), header=HEADER)
    outcome = send_from_window(qtbot, window, path)
    assert outcome.result.counts.enqueued == 3
    dock = window.status_dock
    qtbot.waitUntil(lambda: dock.daemon_label.isVisible(), timeout=TIMEOUT)
    assert "mail daemon is not running" in dock.daemon_label.text()
    assert window.status_bar_part.queue.text() == "Queue: 3 unsent — mail daemon stopped"
    assert "administrators" in window.status_bar_part.queue.toolTip()
    assert {status for status, _ in statuses(dock).values()} == {
        Status.WAITING
    }  # true: nothing left the queue
    window.status_poller.stop()


def test_sparse_detail_reaches_sent_and_failed_in_the_dock_never_waiting(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    sb = make_sandbox(status_detail="sparse", fail_domain=FAIL_DOMAIN)
    window = make_connected_window(sb)
    path = write_csv(tmp_path / "studenci.csv", rows_failing(4, failing=[1]), header=HEADER)
    outcome = send_from_window(qtbot, window, path)
    assert outcome.result.counts.enqueued == 4
    dock = window.status_dock
    seen: list[set[Status]] = []
    window.status_poller.snapshotReady.connect(lambda snap: seen.append({v.status for v in snap.views}))
    qtbot.waitUntil(
        lambda: not window.status_poller.polling and not window.status_poller.busy, timeout=TIMEOUT
    )
    found = Counter(status for status, _ in statuses(dock).values())
    assert found == {Status.SENT: 3, Status.FAILED: 1}
    assert seen and Status.WAITING not in seen[-1]
    assert dock.summary_label.text() == "3 sent · 1 failed"
    assert dock.progress.value() == 4


def test_strict_ids_reach_expired_and_sent_in_the_dock(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Any]
) -> None:
    now = [datetime.now(UTC).timestamp()]
    sb = make_sandbox(strict_ids=True, clock=lambda: now[0])
    with Journal.open() as journal:
        campaign = new_campaign(journal, sb.url, sb.admin_key, rows_failing(4), batch_size=2)
        with client_for(sb) as client:
            steps = send_steps(journal, client, campaign)
            next(steps)
            now[0] += 4 * 24 * 3600  # by USOS's clock, the first two are older than the rest
            for _ in steps:
                pass
    now[0] += 3.5 * 24 * 3600  # the first two are past USOS's 7 days, the others not
    assert sb.wait_delivered(10)
    window = make_connected_window(sb)
    window.status_poller.start(campaign)
    dock = window.status_dock
    qtbot.waitUntil(
        lambda: not window.status_poller.polling and not window.status_poller.busy, timeout=TIMEOUT
    )
    found = Counter(status for status, _ in statuses(dock).values())
    assert found == {Status.EXPIRED: 2, Status.SENT: 2}
    assert "Polling stopped" not in window.status_poller.state


def test_the_preview_and_send_dialog_say_which_sender_each_mode_shows(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    sandbox: Sandbox,
    tmp_path: Path,
) -> None:
    window = make_connected_window(sandbox)
    path = write_csv(tmp_path / "studenci.csv", rows_failing(2), header=HEADER)
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(path)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    window.composer.set_template(TEMPLATE)
    editor = window.composer.editor
    editor.from_name_edit.setText("Dziekanat Wydziału Fizyki")
    editor.from_email_edit.setText("dziekanat@fuw.example.edu.pl")
    window.composer.flush_preview()
    preview = window.composer.preview
    qtbot.waitUntil(lambda: "Dziekanat Wydziału Fizyki" in preview.sender_text(), timeout=TIMEOUT)
    assert preview.sender_text() == (
        "Dziekanat Wydziału Fizyki <dziekanat@fuw.example.edu.pl>"
        "   ·   in template mode: the USOS Notifier address"
    )
    window.send_action.trigger()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    assert dialog.sender_label.text() == "Dziekanat Wydziału Fizyki <dziekanat@fuw.example.edu.pl>"
    dialog.template_radio.click()
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: dialog.sender_label.text().startswith("the USOS Notifier address"), timeout=TIMEOUT
    )
    dialog.reject()
