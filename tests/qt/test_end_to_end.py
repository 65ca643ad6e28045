"""The whole flow a dean's office goes through, in one test, through the real window:
open the demo list, write a template (with a mistake, fixed from the problems panel),
check the preview, send a test to myself, send the campaign, watch the statuses become
final, export the report, and reopen the campaign from the history in a new window.

Real files on disk, a real sandbox on 127.0.0.1 (its clock moved by the test, so a
message stays "waiting" until the test lets it be delivered), the real SQLite journal in
the test's data dir; only the keyring is in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QStatusBar
from pytestqt.qtbot import QtBot

from tests.helpers.composer import settle
from tests.helpers.end_to_end import (
    EMAIL_COLUMN,
    FAIL_DOMAIN,
    FAILING_STUDENT,
    ManualClock,
    choose_file,
    demo_with_failing_student,
    expected_recipients,
    mails,
    open_file_dialog,
    read_csv_report,
    read_rows,
)
from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.statuses import Status
from usosmail_gui.core.template import Code, MessageTemplate
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.sandbox.delivery import body_with_footer
from usosmail_gui.ui import history_window
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.problems_panel import ProblemsModel
from usosmail_gui.ui.send_dialog import SendDialog
from usosmail_gui.ui.status_dock import StatusDock

TIMEOUT = 20000
DELAY = 30.0  # the sandbox's delivery delay, in its (hand-moved) clock's seconds
MY_ADDRESS = "dean.office@uni.example.edu.pl"
SUBJECT_WITH_MISTAKE = "Decyzja dla {Imie} {Nazwisko}"  # "Imie": the column is "Imię"
SUBJECT = "Decyzja dla {Imię} {Nazwisko}"
GREETING = "Dzień dobry {Imię},\n\n"  # non-ASCII: set, not typed
TYPED_BODY = "your application ({Kierunek}, year {Rok}) has been accepted."
SIGNATURE = "\n\nDziekanat Wydziału"
CONTENT = GREETING + TYPED_BODY + SIGNATURE
PREVIEWED_ROW = 2  # table row index: Zofia Wójcik, spreadsheet row 4

pytestmark = pytest.mark.usefixtures("english_plurals")


def dock_statuses(dock: StatusDock) -> dict[str, tuple[Status, str | None]]:
    """Lower-cased "Sent to" → (status, error) of the messages, as the Statuses dock shows them."""
    model = dock.model
    return {
        model.view(i).email.lower(): (model.view(i).status, model.view(i).error)
        for i in range(model.rowCount())
        if model.view(i).status is not Status.EXCLUDED
    }


def dock_left_out(dock: StatusDock) -> list[int]:
    """Rows the dock lists as left out of the campaign."""
    model = dock.model
    return [model.view(i).row for i in range(model.rowCount()) if model.view(i).status is Status.EXCLUDED]


def grid_statuses(window: MainWindow, table_rows: list[int]) -> list[str]:
    """The grid's status column for these table rows ("" when it has none)."""
    model = window.recipient_pane.model
    column = model.status_column()
    if column < 0:
        return ["" for _ in table_rows]
    return [model.index(model.view_row(r), column).data() or "" for r in table_rows]


def polling_over(window: MainWindow) -> bool:
    poller = window.status_poller
    return not poller.polling and not poller.busy and not poller.timer.isActive()


def active_timers(window: MainWindow) -> list[QTimer]:
    """The window's running timers, but for the status bar's own one that clears a
    temporary message (Qt's, harmless: it goes with the window)."""
    return [t for t in window.findChildren(QTimer) if t.isActive() and not isinstance(t.parent(), QStatusBar)]


def open_list(qtbot: QtBot, window: MainWindow, path: Path) -> RecipientTable:
    """File ▸ Open…, the file dialog answered with ``path``."""
    window.open_action.trigger()
    dialog = open_file_dialog(qtbot, window, TIMEOUT)
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as blocker:
        choose_file(dialog, path)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    table = blocker.args[0]
    assert isinstance(table, RecipientTable)
    return table


def click_grid_row(qtbot: QtBot, window: MainWindow, table_row: int) -> None:
    pane = window.recipient_pane
    index = pane.current_index_for(table_row, 1)
    assert index.isValid()
    pane.view.scrollTo(index)
    rect = pane.view.visualRect(index)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def template_problems(window: MainWindow) -> list[Problem]:
    return [p for p in window.composer.problems.model.problems() if p.position is not None]


def test_the_whole_flow_from_spreadsheet_to_report(
    qtbot: QtBot,
    make_connected_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Any],
    tmp_path: Path,
) -> None:
    clock = ManualClock()
    sb = make_sandbox(clock=clock, delay=DELAY, fail_domain=FAIL_DOMAIN)
    path = demo_with_failing_student(tmp_path)
    rows = read_rows(path)
    expected = expected_recipients(rows)  # address → row, by the csv module
    failing = {a for a in expected if a.endswith("@" + FAIL_DOMAIN)}
    assert FAILING_STUDENT[3] in failing and len(expected) > 30  # the demo has a few of its own
    window = make_connected_window(sb)

    # 1. the list, through File ▸ Open…
    table = open_list(qtbot, window, path)
    pane = window.recipient_pane
    assert pane.model.rowCount() == table.row_count == len(rows)
    assert [pane.current_index_for(i, 0).data() for i in range(len(rows))] == [r["Imię"] for r in rows]
    assert table.email_column_name == EMAIL_COLUMN and table.email_column is not None
    last_email = pane.current_index_for(len(rows) - 1, table.email_column)
    assert last_email.data() == rows[-1][EMAIL_COLUMN]

    # 2. the template, typed (a mistake first), the problem listed, fixed from the panel
    composer = window.composer
    editor = composer.editor
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    editor.subject_edit.setFocus()
    qtbot.keyClicks(editor.subject_edit, SUBJECT_WITH_MISTAKE)
    editor.content_edit.setFocus()
    editor.content_edit.insertPlainText(GREETING)
    qtbot.keyClicks(editor.content_edit, TYPED_BODY)
    editor.content_edit.insertPlainText(SIGNATURE)
    assert composer.template() == MessageTemplate(subject=SUBJECT_WITH_MISTAKE, content=CONTENT)
    settle(qtbot, composer)
    panel = composer.problems
    assert panel.view.isVisible()
    (mistake,) = template_problems(window)
    assert mistake.code == Code.UNKNOWN_PLACEHOLDER and mistake.row is None and mistake.is_error
    assert mistake.suggestion == "Imię" and "{Imie}" in mistake.message
    assert mistake.position is not None and mistake.position.part == "subject"
    shown_at = panel.model.row_of(mistake)
    assert shown_at is not None
    index = panel.model.index(shown_at, ProblemsModel.COL_MESSAGE)
    assert index.data() == mistake.message
    panel.view.scrollTo(index)
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center()
    )
    assert panel.current_problem() == mistake and panel.fix_button.isEnabled()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert editor.subject_edit.text() == SUBJECT
    settle(qtbot, composer)
    assert template_problems(window) == []
    assert composer.template() == MessageTemplate(subject=SUBJECT, content=CONTENT)

    # 3. the preview of a selected student is str.format of the template with their row
    click_grid_row(qtbot, window, PREVIEWED_ROW)
    qtbot.waitUntil(lambda: composer.current_row() == PREVIEWED_ROW, timeout=TIMEOUT)
    settle(qtbot, composer)
    student = rows[PREVIEWED_ROW]
    subject, content = composer.preview.subject_text(), composer.preview.content_text()
    assert subject == SUBJECT.format(**student) == "Decyzja dla Zofia Wójcik"
    assert content == CONTENT.format(**student)

    # 4. Send ▸ Send test to me: my address asked once, the previewed message delivered
    window.send_test_action.trigger()
    asked = window.send_flow.address_dialog
    assert asked is not None and asked.isVisible()
    line = asked.findChild(QLineEdit)
    assert line is not None
    line.clear()
    qtbot.keyClicks(line, MY_ADDRESS)
    buttons = asked.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    test = blocker.args[0]
    assert isinstance(test, SendOutcome) and test.campaign.is_test and test.result.counts.all_enqueued
    assert mails(sb.maildir) == []  # waiting: the sandbox's clock has not moved
    clock.advance(DELAY + 1)
    qtbot.waitUntil(lambda: sb.wait_delivered(0), timeout=TIMEOUT)
    (mail,) = mails(sb.maildir)
    template = composer.template()
    assert mail.to == MY_ADDRESS and mail.subject == subject
    assert mail.body == body_with_footer(content, template.content_format, template.lang)

    # 5. Send ▸ Send…: the confirmation, ticked, then every included student once
    window.send_action.trigger()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    draft = dialog.draft()
    assert draft is not None
    assert sorted(a.lower() for m in draft.messages for a in m.addresses) == sorted(expected)
    excluded = sorted(e.row for e in draft.excluded)
    assert excluded == [i + 2 for i, row in enumerate(rows) if row not in expected.values()]
    assert not dialog.send_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_box, Qt.MouseButton.LeftButton)
    assert dialog.confirm_box.isChecked() and dialog.send_button.isEnabled()
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome), outcome
    campaign = outcome.campaign.id
    assert not outcome.campaign.is_test and outcome.result.counts.enqueued == len(draft.messages)

    # 6. statuses: waiting while the sandbox holds the messages…
    dock = window.status_dock
    included = [i for i, row in enumerate(rows) if row in expected.values()]
    qtbot.waitUntil(
        lambda: (
            dock.campaign == campaign
            and set(dock_statuses(dock)) == {", ".join(m.addresses).lower() for m in draft.messages}
            and {s for s, _ in dock_statuses(dock).values()} == {Status.WAITING}
        ),
        timeout=TIMEOUT,
    )
    assert dock.isVisible()
    qtbot.waitUntil(lambda: set(grid_statuses(window, included)) == {"waiting"}, timeout=TIMEOUT)
    assert len(mails(sb.maildir)) == 1  # only the test so far
    # …then delivered (the fail.example.com ones failed), and F5 asks USOS at once
    clock.advance(DELAY + 1)
    qtbot.waitUntil(lambda: sb.wait_delivered(0), timeout=TIMEOUT)
    delivered = mails(sb.maildir)
    assert Counter(m.to for m in delivered) == Counter(
        [MY_ADDRESS, *(a for a in expected if a not in failing)]
    )
    for m in delivered:
        if m.to != MY_ADDRESS:
            row = expected[m.to]
            assert m.subject == SUBJECT.format(**row)
            assert m.body == body_with_footer(CONTENT.format(**row), template.content_format, template.lang)
    window.refresh_statuses_action.trigger()
    qtbot.waitUntil(
        lambda: not {s for s, _ in dock_statuses(dock).values()} - {Status.SENT, Status.FAILED},
        timeout=TIMEOUT,
    )
    final = dock_statuses(dock)
    failed = {email: error for email, (status, error) in final.items() if status is Status.FAILED}
    assert set(failed) == failing and all(failed.values())
    sent_count = len(final) - len(failing)
    assert dock_left_out(dock) == excluded  # every row of the sheet is accounted for
    summary = f"{sent_count} sent · {len(failing)} failed · {len(excluded)} left out of the list"
    assert dock.summary_label.text() == summary
    assert dock.progress.value() == dock.progress.maximum() == len(final)
    failing_rows = {i for i, row in enumerate(rows) if row[EMAIL_COLUMN].lower() in failing}
    grid_final = ["failed" if i in failing_rows else "sent" for i in included]
    qtbot.waitUntil(lambda: grid_statuses(window, included) == grid_final, timeout=TIMEOUT)
    model = pane.model
    for i in failing_rows:
        tip = model.index(model.view_row(i), model.status_column()).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("failed: ") and failed[rows[i][EMAIL_COLUMN].lower()] in tip
    qtbot.waitUntil(lambda: polling_over(window), timeout=TIMEOUT)
    assert "polling stopped" in window.status_poller.state

    # 7. Campaigns… (Ctrl+H): export the campaign's report as .csv and read it back
    assert window.history_action.shortcut().toString() == "Ctrl+H"
    window.history_action.trigger()
    history = window.statuses.history
    assert history is not None and history.isVisible()
    qtbot.waitUntil(lambda: len(history.rows) == 2 and not history.busy, timeout=TIMEOUT)
    position = next(i for i, r in enumerate(history.rows) if r.id == campaign)
    history.table.selectRow(position)
    counts_item = history.table.item(position, history_window.STATUSES)
    assert counts_item is not None
    assert counts_item.text() == f"{summary} · {len(final)} of {len(final)} finished"  # as the dock says
    report = tmp_path / "raport.csv"
    qtbot.mouseClick(history.export_button, Qt.MouseButton.LeftButton)
    file_dialog = open_file_dialog(qtbot, history, TIMEOUT)
    with qtbot.waitSignal(history.reportWritten, timeout=TIMEOUT):
        choose_file(file_dialog, report, "*.csv")
    everything = read_csv_report(report)
    assert len(everything) == len(rows)  # one line per row of the sheet
    left_out = [r for r in everything if r["Status"] == "excluded"]
    assert len(left_out) == len(excluded) and all(r["Error"] and not r["Message ID"] for r in left_out)
    written = [r for r in everything if r["Status"] != "excluded"]
    assert sorted(r["Sent to"].lower() for r in written) == sorted(final)
    for record in written:
        address = record["Sent to"].lower()
        status, error = final[address]
        assert record["Status"] == status.value and record["Error"] == (error or "")
        assert record["Imię"] == expected[address.split(", ")[0]]["Imię"]
        assert record["Message ID"]
    assert {r["Status"] for r in written} == {"sent", "failed"}

    # 8. a new window over the same journal: the campaign reopened from the history shows
    # the final statuses, and nothing is sent again
    window.close()
    box = composer.message_box  # the template was never saved
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: polling_over(window), timeout=TIMEOUT)
    assert active_timers(window) == []
    mail_before = len(mails(sb.maildir))
    sends_before = {k: v for k, v in sb.requests_served.items() if "send" in k}
    assert sum(sends_before.values()) >= 2  # the test and the campaign

    again = make_connected_window(sb)
    open_list(qtbot, again, path)
    again.history_action.trigger()
    reopened = again.statuses.history
    assert reopened is not None
    qtbot.waitUntil(lambda: len(reopened.rows) == 2 and not reopened.busy, timeout=TIMEOUT)
    position = next(i for i, r in enumerate(reopened.rows) if r.id == campaign)
    reopened.table.selectRow(position)
    with qtbot.waitSignal(again.status_poller.updated, timeout=TIMEOUT):
        qtbot.mouseClick(reopened.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.status_dock.campaign == campaign, timeout=TIMEOUT)
    assert dock_statuses(again.status_dock) == final
    assert again.status_dock.summary_label.text() == summary
    qtbot.waitUntil(lambda: grid_statuses(again, included) == grid_final, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: polling_over(again), timeout=TIMEOUT)
    assert len(mails(sb.maildir)) == mail_before
    assert {k: v for k, v in sb.requests_served.items() if "send" in k} == sends_before
    again.close()
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=TIMEOUT)
    assert polling_over(again) and active_timers(again) == []
