"""Send again to failed: from the history, a new campaign of exactly the failed recipients
of an earlier one, through the normal confirmation and the normal send (real sandbox with
a failing domain, the real journal)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import FAIL_DOMAIN, TEMPLATE, client_for, rows_failing, sent_campaign
from tests.helpers.maildir import per_address
from tests.helpers.recipient_lists import HEADER, write_csv
from usosmail_gui.application.preparing import Prepared
from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.journal import Journal, RecipientState
from usosmail_gui.core.polling import poll_once
from usosmail_gui.core.statuses import Status, campaign_statuses
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.send_dialog import SendDialog

TIMEOUT = 20000

pytestmark = pytest.mark.usefixtures("english_plurals")


def failed_campaign(sb: Sandbox) -> tuple[str, list[str]]:
    """Five recipients, two of them at the failing domain, polled until all are final."""
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(5, failing=[1, 3]))
        with client_for(sb) as client:
            for _ in range(100):
                result = poll_once(journal, client, campaign)
                if result.next_interval_hint is None:
                    break
        views = campaign_statuses(journal, campaign)
    failed = [v.email for v in views if v.status is Status.FAILED]
    assert len(failed) == 2 and all(a.endswith(FAIL_DOMAIN) for a in failed)
    return campaign, failed


def test_send_again_to_failed_goes_through_the_confirmation_and_sends_only_them(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Any]
) -> None:
    sb = make_sandbox(fail_domain=FAIL_DOMAIN)
    campaign, failed = failed_campaign(sb)
    delivered_before = per_address(sb.maildir)
    window = make_connected_window(sb)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    assert history.retry_button.isEnabled() and history.retry_button.accessibleName()
    history.retry_button.click()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    blocker = qtbot.waitSignal(dialog.prepared, timeout=TIMEOUT)
    blocker.wait()  # the signal is already on its way
    prepared = blocker.args[0]
    assert isinstance(prepared, Prepared), prepared
    qtbot.waitUntil(lambda: not dialog.preparing, timeout=TIMEOUT)
    draft = prepared.draft
    assert sorted(m.addresses[0] for m in draft.messages) == sorted(failed)
    assert dialog.recipients_label.text().startswith("2 messages")
    assert "2 messages" in dialog.confirm_box.text()
    assert campaign in dialog.excluded_label.text()
    assert not dialog.send_button.isEnabled()  # the explicit confirmation is needed
    assert not dialog.messages_radio.isEnabled()  # the earlier campaign's mode is kept
    dialog.confirm_box.click()
    assert dialog.send_button.isEnabled()
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as sent:
        dialog.send_button.click()
    outcome = sent.args[0]
    assert isinstance(outcome, SendOutcome), outcome
    assert outcome.campaign.id != campaign and outcome.result.counts.enqueued == 2
    with Journal.open() as journal:
        again = journal.recipients(outcome.campaign.id)
        assert sorted(r.addresses[0] for r in again) == sorted(failed)
        assert all(r.state is RecipientState.ENQUEUED and r.message_id for r in again)
        assert journal.campaign(outcome.campaign.id).template == journal.campaign(campaign).template
        assert len(journal.campaigns()) == 2
    # nobody who already got it got it again; the failing addresses fail once more
    assert per_address(sb.maildir) == delivered_before
    dock = window.status_dock
    qtbot.waitUntil(lambda: dock.campaign == outcome.campaign.id, timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: (
            dock.model.rowCount() == 2 and all(dock.model.view(i).status is Status.FAILED for i in range(2))
        ),
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(
        lambda: not window.status_poller.polling and not window.status_poller.busy, timeout=TIMEOUT
    )


def test_a_campaign_without_failures_offers_no_retry(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Any]
) -> None:
    sb = make_sandbox()
    with Journal.open() as journal:
        sent_campaign(journal, sb, rows_failing(2))
    window = make_connected_window(sb)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    assert not history.retry_button.isEnabled()


def test_the_grid_shows_each_rows_status_without_a_reset(
    qtbot: QtBot,
    qtmodeltester: Any,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    sb = make_sandbox(delay=0.3, fail_domain=FAIL_DOMAIN)
    window = make_connected_window(sb)
    path = write_csv(tmp_path / "studenci.csv", rows_failing(3, failing=[1]), header=HEADER)
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(path)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    window.composer.set_template(TEMPLATE)
    model = window.recipient_pane.model
    assert model.status_column() == -1
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    window.send_action.trigger()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT):
        dialog.confirm_box.click()
        dialog.send_button.click()
    qtbot.waitUntil(lambda: model.status_column() > 0, timeout=TIMEOUT)
    column = model.status_column()
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Status"

    def shown() -> list[str]:
        return [model.index(r, column).data() for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: shown() == ["sent", "failed", "sent"], timeout=TIMEOUT)
    failed = model.index(1, column)
    assert failed.data(Qt.ItemDataRole.ToolTipRole).startswith("failed: ")
    assert failed.data(Qt.ItemDataRole.DecorationRole) is not None
    assert failed.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert resets == []  # updated through dataChanged, never a reset
    qtmodeltester.check(model, force_py=True)
    poller = window.status_poller
    qtbot.waitUntil(lambda: not poller.polling and not poller.busy, timeout=TIMEOUT)


def test_send_again_through_another_installation_is_refused_and_sends_nothing(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Any]
) -> None:
    """Issue 14: practise in one installation (here a sandbox), connect to another (the
    "real" one), press Send again to failed: the confirmation says which installation the
    campaign belongs to, cannot be confirmed, and nothing goes out."""
    practice = make_sandbox(fail_domain=FAIL_DOMAIN)
    campaign, _failed = failed_campaign(practice)
    real = make_sandbox()
    window = make_connected_window(real)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    history.retry_button.click()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    blocker = qtbot.waitSignal(dialog.prepared, timeout=TIMEOUT)
    blocker.wait()
    assert not isinstance(blocker.args[0], Prepared)
    qtbot.waitUntil(lambda: not dialog.preparing, timeout=TIMEOUT)
    shown = dialog.problem_label.text()
    assert f"Campaign {campaign} was sent through {practice.url}" in shown, shown
    assert f"Connect to {practice.url}" in shown
    assert not dialog.send_button.isEnabled()
    assert sum(n for path, n in real.requests_served.items() if "send" in path) == 0
    with Journal.open() as journal:
        assert len(journal.campaigns()) == 1


def test_the_refusal_of_another_installation_is_worded_in_the_windows_language(
    qtbot: QtBot,
    polish: None,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
) -> None:
    """The core's refusal is a structured error (the campaign, its installation, the one
    connected); the Polish window says it in Polish, naming the right installation."""
    practice = make_sandbox(fail_domain=FAIL_DOMAIN)
    campaign, _failed = failed_campaign(practice)
    real = make_sandbox()
    window = make_connected_window(real)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    history.retry_button.click()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: not dialog.preparing and dialog.problem_label.isVisible(), timeout=TIMEOUT)
    shown = dialog.problem_label.text()
    assert f"Kampania {campaign} została wysłana przez {practice.url}, a nie {real.url}" in shown, shown
    assert f"Połącz się z {practice.url}" in shown
    assert "was sent through" not in shown and "Connect to" not in shown
    assert not dialog.send_button.isEnabled()
    assert sum(n for path, n in real.requests_served.items() if "send" in path) == 0
