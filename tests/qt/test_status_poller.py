"""The status monitor end to end: a real sandbox (delivery delay, failing domain), the real
journal, the real window. Statuses reach the dock, polling stops when all are finished,
the history lists and opens campaigns, reports are exported, and closing leaves no timer
or worker behind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QThreadPool, QTimer
from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import FAIL_DOMAIN, TEMPLATE, rows_failing, sent_campaign
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import HEADER, write_csv
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.report import WORDS
from usosmail_gui.core.statuses import Status
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui import history_window, workers
from usosmail_gui.ui.history_window import HistoryWindow
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.send_dialog import SendDialog
from usosmail_gui.ui.status_dock import StatusDock

TIMEOUT = 20000

pytestmark = pytest.mark.usefixtures("english_plurals")


def send_from_window(qtbot: QtBot, window: MainWindow, path: Path) -> SendOutcome:
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(path)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    window.composer.set_template(TEMPLATE)
    window.send_action.trigger()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
        dialog.confirm_box.click()
        dialog.send_button.click()
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome), outcome
    return outcome


def statuses(dock: StatusDock) -> dict[str, tuple[Status, str | None]]:
    model = dock.model
    return {model.view(i).email: (model.view(i).status, model.view(i).error) for i in range(model.rowCount())}


def all_final(dock: StatusDock, count: int) -> bool:
    found = statuses(dock)
    return len(found) == count and all(s in (Status.SENT, Status.FAILED) for s, _ in found.values())


def nothing_running(window: MainWindow) -> bool:
    return (
        not window.status_poller.timer.isActive()
        and not window.status_poller.busy
        and workers.active_task_count() == 0
    )


def test_statuses_reach_the_dock_and_polling_stops_when_all_are_finished(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    sb = make_sandbox(delay=0.5, fail_domain=FAIL_DOMAIN)
    window = make_connected_window(sb)
    path = write_csv(tmp_path / "studenci.csv", rows_failing(4, failing=[2]), header=HEADER)
    outcome = send_from_window(qtbot, window, path)
    assert outcome.result.counts.enqueued == 4
    dock = window.status_dock
    qtbot.waitUntil(lambda: dock.isVisible() and dock.campaign == outcome.campaign.id, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: all_final(dock, 4), timeout=TIMEOUT)
    found = statuses(dock)
    failed = [(email, error) for email, (status, error) in found.items() if status is Status.FAILED]
    assert len(failed) == 1 and failed[0][0].endswith(FAIL_DOMAIN) and failed[0][1]
    assert dock.summary_label.text() == "3 sent · 1 failed"
    assert dock.progress.value() == dock.progress.maximum() == 4
    qtbot.waitUntil(lambda: nothing_running(window) and not window.status_poller.polling, timeout=TIMEOUT)
    assert "polling stopped" in window.status_poller.state
    # the statuses are in the journal too
    with Journal.open() as journal:
        (summary,) = journal.campaigns()
        assert summary.campaign.id == outcome.campaign.id
    # F5 polls again and stops again
    with qtbot.waitSignal(window.status_poller.updated, timeout=TIMEOUT):
        window.refresh_statuses_action.trigger()
    qtbot.waitUntil(lambda: nothing_running(window) and not window.status_poller.polling, timeout=TIMEOUT)


def test_history_lists_opens_and_exports_a_campaign(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    sb = make_sandbox(fail_domain=FAIL_DOMAIN)
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(3, failing=[0]))
    window = make_connected_window(sb)
    assert window.history_action.shortcut().toString() == "Ctrl+H"
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    rows = history.rows
    assert [r.id for r in rows] == [campaign] and rows[0].trackable and rows[0].total == 3
    assert history.table.item(0, history_window.TRACKING).text() == "trackable"
    with qtbot.waitSignal(window.status_poller.updated, timeout=TIMEOUT):
        history.open_button.click()
    qtbot.waitUntil(lambda: all_final(window.status_dock, 3), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: nothing_running(window) and not window.status_poller.polling, timeout=TIMEOUT)

    assert window.statuses.history is history and isinstance(history, HistoryWindow)
    report = tmp_path / "raport.xlsx"
    with qtbot.waitSignal(history.reportWritten, timeout=TIMEOUT):
        history.export(campaign, report)
    sheet = openpyxl.load_workbook(report).active
    assert sheet is not None
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert len(values) == 4  # header and three recipients
    with qtbot.waitSignal(history.reportFailed, timeout=TIMEOUT):
        history.export(campaign, tmp_path / "raport.txt")
    qtbot.waitUntil(lambda: history.message_box is not None, timeout=TIMEOUT)
    assert history.message_box is not None
    history.message_box.close()


def test_closing_while_polling_leaves_no_timer_and_no_worker(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Any]
) -> None:
    sb = make_sandbox(delay=60.0)
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(2))
    window = make_connected_window(sb)
    window.statuses.show_campaign(campaign, track=True)
    qtbot.waitUntil(lambda: window.status_poller.state == "Next check in 2 s", timeout=TIMEOUT)
    assert window.status_poller.timer.isActive() and window.status_poller.polling
    assert window.status_dock.summary_label.text() == "2 waiting"
    window.close()
    assert not window.status_poller.timer.isActive()
    assert [t for t in window.findChildren(QTimer) if t.isActive()] == []
    qtbot.waitUntil(
        lambda: workers.active_task_count() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0,
        timeout=TIMEOUT,
    )
    assert not window.status_poller.timer.isActive()


def test_polling_shows_the_queue_size_without_test_connection(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    sb = make_sandbox(delay=0.5, fail_domain=FAIL_DOMAIN)
    window = make_connected_window(sb)
    sizes: list[int] = []
    window.status_poller.queueRead.connect(lambda queue: sizes.append(queue.pending))
    path = write_csv(tmp_path / "studenci.csv", rows_failing(3), header=HEADER)
    send_from_window(qtbot, window, path)
    qtbot.waitUntil(lambda: bool(sizes), timeout=TIMEOUT)
    assert sizes[0] >= 0
    queue = window.status_bar_part.queue
    qtbot.waitUntil(lambda: queue.text() == f"Queue: {sizes[-1]} unsent", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: nothing_running(window) and not window.status_poller.polling, timeout=TIMEOUT)


def test_offline_polling_keeps_the_statuses_and_backs_off(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Any]
) -> None:
    sb = make_sandbox(delay=60.0)
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(2))
    window = make_connected_window(sb)
    window.statuses.show_campaign(campaign, track=True)
    poller = window.status_poller
    qtbot.waitUntil(lambda: poller.state == "Next check in 2 s", timeout=TIMEOUT)
    sb.stop()  # the installation can no longer be reached
    window.refresh_statuses_action.trigger()
    qtbot.waitUntil(lambda: poller.state == "offline — retrying in 2 s", timeout=TIMEOUT)
    assert poller.polling and poller.timer.isActive()
    assert window.status_dock.state_label.text() == poller.state
    # the statuses collected before are kept, and the next failure waits longer
    assert window.status_dock.summary_label.text() == "2 waiting"
    assert len(statuses(window.status_dock)) == 2
    qtbot.waitUntil(lambda: poller.state == "offline — retrying in 4 s", timeout=TIMEOUT)
    assert poller.polling and poller.timer.isActive()
    assert window.status_dock.summary_label.text() == "2 waiting"
    window.close()
    qtbot.waitUntil(lambda: nothing_running(window), timeout=TIMEOUT)


def test_a_key_that_is_not_administrative_stops_polling_in_plain_words(
    qtbot: QtBot,
    make_sandbox: Callable[..., Any],
    memory_store: tuple[CredentialStore, MemoryKeyring],
) -> None:
    sb = make_sandbox(delay=60.0)
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(2))
    connection = ActiveConnection(
        sb.url, Credentials(sb.user_key, sb.user_secret), name="Local sandbox", sandbox=True
    )
    window = MainWindow(memory_store[0], connection=connection, restore_last=False)
    qtbot.addWidget(window)
    window.show()
    window.statuses.show_campaign(campaign, track=True)
    poller = window.status_poller
    qtbot.waitUntil(lambda: poller.state.startswith("Polling stopped"), timeout=TIMEOUT)
    assert "not an administrative key" in poller.state
    assert window.status_dock.state_label.text() == poller.state
    qtbot.waitUntil(lambda: nothing_running(window) and not poller.polling, timeout=TIMEOUT)
    assert window.status_dock.summary_label.text() == "2 waiting"


def test_a_campaign_older_than_7_days_opened_from_history_is_expired_and_not_polled(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Any]
) -> None:
    sb = make_sandbox(delay=60.0)
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(2))
    window = make_connected_window(sb)
    later = datetime.now(UTC) + timedelta(days=8)
    window.status_poller.clock = lambda: later
    requests: list[str] = []
    window.status_poller.updated.connect(requests.append)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    assert history.rows[0].id == campaign and not history.rows[0].trackable
    assert history.table.item(0, history_window.TRACKING).text() == "expired"
    with qtbot.waitSignal(window.status_poller.updated, timeout=TIMEOUT):
        history.open_button.click()
    dock = window.status_dock
    qtbot.waitUntil(lambda: len(statuses(dock)) == 2, timeout=TIMEOUT)
    assert all(status is Status.EXPIRED for status, _ in statuses(dock).values())
    assert dock.summary_label.text() == "2 expired"
    assert window.status_poller.state.startswith("Expired")
    qtbot.waitUntil(lambda: nothing_running(window), timeout=TIMEOUT)
    assert not window.status_poller.polling


def test_rows_left_out_show_in_the_history_and_the_dock_with_their_reason(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
) -> None:
    sb = make_sandbox()
    rows = rows_failing(4)
    rows[1][3] = "zly adres"  # row 3
    rows[2][3] = rows[0][3]  # row 4 repeats row 2
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows)
    window = make_connected_window(sb)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    (row,) = history.rows
    assert row.id == campaign and row.total == 2 and row.counts.excluded == 2
    assert "2 left out of the list" in history.table.item(0, history_window.STATUSES).text()
    with qtbot.waitSignal(window.status_poller.updated, timeout=TIMEOUT):
        history.open_button.click()
    dock = window.status_dock
    qtbot.waitUntil(lambda: dock.model.rowCount() == 4, timeout=TIMEOUT)
    model = dock.model
    shown = [(model.index(i, model.ROW).data(), model.index(i, model.STATUS).data()) for i in range(4)]
    assert [r for r, _ in shown] == [2, 3, 4, 5]  # every row of the sheet, in its order
    assert [s for r, s in shown if r in (3, 4)] == ["left out", "left out"]
    assert {s for r, s in shown if r in (2, 5)} <= {"waiting", "sent"}
    reason = model.index(1, model.ERROR).data()
    assert "zly adres" in model.index(1, model.EMAIL).data() and "not a valid e-mail address" in reason
    assert "2 left out of the list" in dock.summary_label.text()
    assert dock.progress.maximum() == 2  # the messages; left-out rows are not waited for
    qtbot.waitUntil(lambda: nothing_running(window) and not window.status_poller.polling, timeout=TIMEOUT)


def test_delete_campaign_and_the_retention_setting_in_the_campaigns_window(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from usosmail_gui.core.retention import retention_days

    sb = make_sandbox()
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(3))
    window = make_connected_window(sb)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1 and not history.busy, timeout=TIMEOUT)
    assert history.table.item(0, history_window.DATA).text().startswith("kept until ")
    assert history.retention_box.value() == 180 and not history.retention_button.isEnabled()
    with qtbot.waitSignal(window.status_poller.updated, timeout=TIMEOUT):
        history.open_button.click()
    qtbot.waitUntil(lambda: window.status_dock.model.rowCount() == 3, timeout=TIMEOUT)

    # the retention period: chosen here, kept in the journal (the CLI honours the same)
    history.retention_box.setValue(30)
    assert history.retention_button.isEnabled()
    with qtbot.waitSignal(history.retentionSaved, timeout=TIMEOUT):
        history.retention_button.click()
    qtbot.waitUntil(lambda: not history.busy and history.retention_days == 30, timeout=TIMEOUT)
    with Journal.open() as journal:
        assert retention_days(journal) == 30

    # Delete campaign: asked first; Cancel keeps everything
    box = history.ask_delete_selected()
    assert isinstance(box, QMessageBox) and campaign in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not history.busy
    box = history.ask_delete_selected()
    assert box is not None
    with qtbot.waitSignal(history.campaignDeleted, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not history.busy and history.rows[0].purged_at is not None, timeout=TIMEOUT)
    (row,) = history.rows
    assert row.total == 3 and row.counts.sent + row.counts.waiting == 3  # the counts stay
    assert history.table.item(0, history_window.DATA).text().startswith("deleted ")
    assert not history.delete_button.isEnabled() and not history.retry_button.isEnabled()
    # the dock no longer shows the students
    qtbot.waitUntil(lambda: window.status_dock.model.rowCount() == 0, timeout=TIMEOUT)
    assert "was deleted" in window.status_dock.state_label.text()
    with Journal.open() as journal:
        assert journal.recipients(campaign) == [] and journal.campaign(campaign).purged_at
    qtbot.waitUntil(lambda: nothing_running(window), timeout=TIMEOUT)


def test_a_report_exported_from_the_polish_window_is_in_polish(
    qtbot: QtBot,
    polish: None,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    sb = make_sandbox(fail_domain=FAIL_DOMAIN)
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(2, failing=[0]))
    window = make_connected_window(sb)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    report = tmp_path / "raport.xlsx"
    with qtbot.waitSignal(history.reportWritten, timeout=TIMEOUT):
        history.export(campaign, report)
    book = openpyxl.load_workbook(report)
    assert book.sheetnames[1] == "Podsumowanie"
    header = next(book.worksheets[0].iter_rows(values_only=True))
    assert header[-6:] == tuple(WORDS["pl"].fixed_columns)
    book.close()


def test_the_queue_is_read_again_when_every_status_is_final(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    """The queue read in the middle of the send ("3 unsent") does not stay beside "3 sent":
    when polling stops, the queue shown is the one read then."""
    sb = make_sandbox(delay=0.5)
    window = make_connected_window(sb)
    window.status_poller.QUEUE_EVERY_S = 3600.0  # read once at the start, then only at the end
    sizes: list[int] = []
    window.status_poller.queueRead.connect(lambda queue: sizes.append(queue.pending))
    path = write_csv(tmp_path / "studenci.csv", rows_failing(3), header=HEADER)
    send_from_window(qtbot, window, path)
    qtbot.waitUntil(lambda: nothing_running(window) and not window.status_poller.polling, timeout=TIMEOUT)
    assert window.status_dock.summary_label.text() == "3 sent"
    assert len(sizes) == 2 and sizes[0] > 0 and sizes[-1] == 0, sizes
    assert window.status_bar_part.queue.text() == "Queue: 0 unsent"
