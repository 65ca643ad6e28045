"""Sending from the window, end to end: real widgets (offscreen), a real sandbox over
loopback, the real journal in the test's own data dir.

(i) Send test to me: the selected row's message, exactly as previewed, to the user's own
address, recorded as a test; (ii) the confirmation: counts and exclusions, Send locked
until confirmed, then every sendable row delivered once; (iii) Stop mid-way leaves the
campaign stopped and resumable; (iv) interrupted campaigns are offered at start, uncertain
recipients unticked, and only what the user ticks is sent again; (v) closing while sending
waits for the request under way.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.composer import settle
from tests.helpers.maildir import deliveries, per_address
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import HEADER, write_csv
from tests.helpers.tables import make_table
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.application.preparing import Prepared
from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.campaign import SendMode, key_fingerprint
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import CampaignBusy, CampaignState, Journal, RecipientState
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.sending import StopReason, send_steps
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.core.usos.connection import ConnectionReport, Verdict
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.sandbox.delivery import HEADER_MESSAGE_ID, body_with_footer
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.send_dialog import SendDialog
from usosmail_gui.ui.sending import SendSession

TIMEOUT = 20000
TEMPLATE = MessageTemplate(
    subject="Decyzja dla {Imię} {Nazwisko}",
    content="Dzień dobry {Imię},\n\nTwoja decyzja (miasto: {Miasto}) jest gotowa.\nDziekanat",
)
MY_ADDRESS = "tester@dziekanat.example.edu.pl"

pytestmark = pytest.mark.usefixtures("english_plurals")


def students(count: int) -> list[list[str]]:
    return [[f"Imię{i}", f"Nazwisko{i}", "Łódź", f"s{i:04d}@student.example.edu.pl"] for i in range(count)]


def demo_like(path: Path) -> Path:
    """Six good rows, then an invalid, a missing and a repeated address (rows 8, 9, 10)."""
    rows = [
        ["Anna", "Kowalska", "Łódź", "anna.kowalska@student.example.edu.pl"],
        ["Łukasz", "Wiśniewski", "Kraków", "lukasz.wisniewski@student.example.edu.pl"],
        ["Zofia", "Wójcik", "Gdańsk", "zofia.wojcik@student.example.edu.pl"],
        ["Michał", "Kamiński", "Warszawa", "michal.kaminski@student.example.edu.pl"],
        ["Ewa", "Lewandowska", "Poznań", "ewa.lewandowska@student.example.edu.pl"],
        ["Paweł", "Zieliński", "Lublin", "pawel.zielinski@student.example.edu.pl"],
        ["Piotr", "Mazur", "Opole", "piotr.mazur(at)student.example.edu.pl"],
        ["Agnieszka", "Jankowska", "Toruń", ""],
        ["Anna", "Kowalska-Duplikat", "Łódź", "Anna.Kowalska@student.example.edu.pl"],
    ]
    return write_csv(path, rows, header=HEADER)


@pytest.fixture
def make_window(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> Callable[..., MainWindow]:
    def make(url: str, key: str, secret: str, **options: Any) -> MainWindow:
        connection = ActiveConnection(url, Credentials(key, secret), name="Local sandbox", sandbox=True)
        window = MainWindow(memory_store[0], connection=connection, restore_last=False, **options)
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        return window

    return make


def window_for(make_window: Callable[..., MainWindow], sb: Sandbox, **options: Any) -> MainWindow:
    return make_window(sb.url, sb.admin_key, sb.admin_secret, **options)


def load(qtbot: QtBot, window: MainWindow, path: Path) -> RecipientTable:
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as blocker:
        window.list_loading.open_file(path)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    table = blocker.args[0]
    assert isinstance(table, RecipientTable)
    window.composer.set_template(TEMPLATE)
    return table


def open_confirmation(qtbot: QtBot, window: MainWindow) -> tuple[SendDialog, Prepared]:
    with qtbot.waitSignal(window.send_action.triggered, timeout=TIMEOUT):
        window.send_action.trigger()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    prepared = dialog._prepared
    assert prepared is not None
    return dialog, prepared


def rebuilt(qtbot: QtBot, dialog: SendDialog, change: Callable[[], object]) -> Prepared:
    with qtbot.waitSignal(dialog.prepared, timeout=TIMEOUT) as blocker:
        change()
    qtbot.waitUntil(lambda: not dialog.preparing, timeout=TIMEOUT)
    prepared = blocker.args[0]
    assert isinstance(prepared, Prepared)
    return prepared


def confirm_and_send(dialog: SendDialog, window: MainWindow) -> SendSession:
    dialog.confirm_box.click()
    assert dialog.send_button.isEnabled()
    dialog.send_button.click()
    session = window.send_flow.session
    assert session is not None
    return session


def finished(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> SendOutcome:
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
        action()
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome), outcome
    return outcome


def delivered_once(qtbot: QtBot, sb: Sandbox, count: int) -> None:
    """Wait until ``count`` messages arrived, and no address got one twice."""
    qtbot.waitUntil(lambda: len(deliveries(sb.maildir)) >= count, timeout=TIMEOUT)
    counts = per_address(sb.maildir)
    assert sum(counts.values()) == count
    assert max(counts.values()) == 1


# --- (i) send test to me ---------------------------------------------------------------------


def test_send_test_sends_the_previewed_message_to_me(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = make_sandbox()
    window = window_for(make_window, sb)
    table = load(qtbot, window, demo_like(tmp_path / "studenci.csv"))
    assert window.send_test_action.shortcut().toString() == "Ctrl+T"
    composer = window.composer
    window.recipient_pane.select_table_rows([1], current=1)
    qtbot.waitUntil(lambda: composer.current_row() == 1, timeout=TIMEOUT)
    settle(qtbot, composer)
    subject, content = composer.preview.subject_text(), composer.preview.content_text()
    assert subject == "Decyzja dla Łukasz Wiśniewski" and "Kraków" in content

    window.send_test_action.trigger()  # first time: asks for my address
    dialog = window.send_flow.address_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue(MY_ADDRESS)
    outcome = finished(qtbot, window, lambda: dialog.done(QDialog.DialogCode.Accepted))
    assert outcome.result.counts.all_enqueued and outcome.campaign.is_test
    assert window.send_flow.test_address() == MY_ADDRESS  # remembered (QSettings), not asked again
    assert f"row {table.row_number(1)}" in window.statusBar().currentMessage()

    qtbot.waitUntil(lambda: len(deliveries(sb.maildir)) == 1, timeout=TIMEOUT)
    box = mailbox.Maildir(sb.maildir, create=False)
    (raw,) = [box.get_bytes(key) for key in box.iterkeys()]
    mail = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(mail["To"]) == MY_ADDRESS
    assert str(mail["Subject"]) == subject
    assert mail.get_content() == body_with_footer(content, TEMPLATE.content_format, TEMPLATE.lang)
    with Journal.open() as journal:
        (summary,) = journal.campaigns()
        assert summary.campaign.is_test and summary.counts.enqueued == 1
        (record,) = journal.recipients(summary.campaign.id)
    assert record.addresses == (MY_ADDRESS,) and record.row == table.row_number(1)
    assert record.subject == subject and record.content == content
    assert str(mail[HEADER_MESSAGE_ID]) == record.message_id


# --- (ii) the confirmation -------------------------------------------------------------------


def test_confirmation_shows_counts_and_exclusions_and_needs_a_yes(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = make_sandbox()
    window = window_for(make_window, sb)
    load(qtbot, window, demo_like(tmp_path / "studenci.csv"))
    assert window.send_action.shortcut().toString() == "Ctrl+Shift+Return"
    # the shortcut works from inside the template editor, which keeps its text
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    editor = window.composer.editor.content_edit
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=TIMEOUT)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor, Qt.Key.Key_Return, modifiers)
    assert window.send_flow.dialog is not None and window.composer.template() == TEMPLATE
    window.send_flow.dialog.reject()
    qtbot.waitUntil(lambda: window.send_flow.dialog is None, timeout=TIMEOUT)
    dialog, prepared = open_confirmation(qtbot, window)
    draft = prepared.draft
    assert draft.recipient_count == 6 and draft.mode is SendMode.MESSAGES and draft.batch_size == 100
    assert dialog.recipients_label.text() == "6 messages to 6 recipients"
    assert dialog.excluded_label.text().startswith("Excluded: 3 rows get nothing")
    groups = {
        dialog.excluded_tree.topLevelItem(i).data(
            0, Qt.ItemDataRole.UserRole
        ): dialog.excluded_tree.topLevelItem(i)
        for i in range(dialog.excluded_tree.topLevelItemCount())
    }
    assert set(groups) == {"email_invalid", "email_missing", "email_duplicate"}
    assert groups["email_invalid"].text(0) == "Invalid address — 1 row"
    assert [groups[c].child(0).text(0) for c in ("email_invalid", "email_missing", "email_duplicate")] == [
        "8",
        "9",
        "10",
    ]
    assert "Decyzja dla Anna Kowalska" in dialog.subject_label.text()
    assert "row 2" in dialog.subject_label.text()

    # nothing goes out until the explicit confirmation, and Enter is never "Send"
    assert not dialog.send_button.isEnabled() and not dialog.confirm_box.isChecked()
    assert not dialog.send_button.isDefault() and not dialog.send_button.autoDefault()
    assert dialog.confirm_box.text() == "I have checked the preview and want to send 6 messages"
    dialog.confirm_box.click()
    assert dialog.send_button.isEnabled()
    # a change of what is sent takes the confirmation back
    prepared = rebuilt(qtbot, dialog, dialog.template_radio.click)
    assert prepared.draft.mode is SendMode.TEMPLATE
    assert not dialog.confirm_box.isChecked() and not dialog.send_button.isEnabled()
    prepared = rebuilt(qtbot, dialog, dialog.messages_radio.click)
    prepared = rebuilt(qtbot, dialog, lambda: dialog.batch_spin.setValue(4))
    assert prepared.requests == 2 and dialog.requests_label.text() == "2 requests of up to 4 messages"

    outcome = finished(qtbot, window, lambda: confirm_and_send(dialog, window))
    assert outcome.result.stop is StopReason.FINISHED and outcome.result.counts.enqueued == 6
    assert outcome.result.requests == 2
    progress = window.send_flow.progress_dialog
    assert progress is not None and progress.isVisible()
    assert progress.summary_label.text() == "All 6 messages were accepted by USOS for delivery."
    assert (
        "Campaign" in window.statusBar().currentMessage()
        and "6 accepted" in window.statusBar().currentMessage()
    )
    delivered_once(qtbot, sb, 6)
    with Journal.open() as journal:
        (summary,) = journal.campaigns()
        assert summary.campaign.state is CampaignState.DONE and not summary.campaign.is_test
        assert {r.state for r in journal.recipients(summary.campaign.id)} == {RecipientState.ENQUEUED}
        assert [e.row for e in journal.excluded(summary.campaign.id)] == [8, 9, 10]
        assert not journal.interrupted()


def test_a_campaign_with_nothing_sendable_cannot_start(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = make_sandbox()
    window = window_for(make_window, sb)
    load(qtbot, window, write_csv(tmp_path / "bad.csv", [["Anna", "K", "Łódź", "anna(at)example.edu.pl"]]))
    window.send_action.trigger()
    dialog = window.send_flow.dialog
    assert dialog is not None
    blocker = qtbot.waitSignal(dialog.prepared, timeout=TIMEOUT)
    blocker.wait()  # the signal is already on its way
    assert not isinstance(blocker.args[0], Prepared)
    assert dialog.problem_label.isVisible() and "no row of the list" in dialog.problem_label.text()
    assert not dialog.send_button.isEnabled() and not dialog.confirm_box.isVisible()
    dialog.reject()


@pytest.mark.parametrize("preflight", [True, False], ids=["checked-before", "found-while-sending"])
def test_a_key_that_may_not_send_is_explained_and_nothing_is_lost(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    make_sandbox: Callable[..., Sandbox],
    tmp_path: Path,
    preflight: bool,
) -> None:
    sb = make_sandbox()
    options = {} if preflight else {"check": lambda url, key, secret: ConnectionReport(url, Verdict.OK)}
    window = make_window(sb.url, sb.user_key, sb.user_secret, **options)  # not administrative: 403
    load(qtbot, window, write_csv(tmp_path / "few.csv", students(3)))
    dialog, _ = open_confirmation(qtbot, window)
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
        confirm_and_send(dialog, window)
    progress = window.send_flow.progress_dialog
    assert progress is not None
    words = progress.summary_label.text()
    assert "not administrative" in words or "not an administrative key" in words
    with Journal.open() as journal:
        summaries = journal.campaigns()
    if preflight:  # stopped before anything was stored
        assert isinstance(blocker.args[0], Exception) and "Nothing was stored or sent" in words
        assert summaries == []
    else:  # the campaign stays, every recipient still to send
        outcome = blocker.args[0]
        assert isinstance(outcome, SendOutcome) and outcome.result.stop is StopReason.NOT_ADMINISTRATIVE
        assert "Interrupted campaigns" in words
        (summary,) = summaries
        assert summary.counts.pending == 3 and summary.campaign.state is CampaignState.STOPPED
    assert deliveries(sb.maildir) == []


# --- (iii) stop mid-way ----------------------------------------------------------------------


def test_stop_mid_way_leaves_the_campaign_resumable(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = make_sandbox(latency_ms=150)
    window = window_for(make_window, sb)
    load(qtbot, window, write_csv(tmp_path / "many.csv", students(40)))
    dialog, _ = open_confirmation(qtbot, window)
    prepared = rebuilt(qtbot, dialog, lambda: dialog.batch_spin.setValue(5))
    assert prepared.requests == 8
    session = confirm_and_send(dialog, window)
    qtbot.waitSignal(session.progress, timeout=TIMEOUT).wait()  # the signal is already on its way
    progress = window.send_flow.progress_dialog
    assert progress is not None and progress.stop_button.isEnabled() and not progress.close_button.isVisible()
    assert progress.bar.value() >= 5 and "of 8 done" in progress.batches_label.text()
    outcome = finished(qtbot, window, progress.stop_button.click)

    counts = outcome.result.counts
    assert outcome.result.stop is StopReason.CANCELLED
    assert counts.in_flight == 0 and counts.uncertain == 0 and counts.not_sent > 0
    assert counts.enqueued + counts.not_sent == 40 and counts.enqueued % 5 == 0
    assert "Interrupted campaigns" in progress.summary_label.text()
    assert progress.close_button.isVisible() and not progress.stop_button.isVisible()
    assert window.send_action.isEnabled()
    with Journal.open() as journal:
        record = journal.campaign(outcome.campaign.id)
        assert record.state is CampaignState.STOPPED
        assert not journal.recipients(record.id, [RecipientState.IN_FLIGHT])
        assert [s.campaign.id for s in journal.interrupted()] == [record.id]
        assert all(b["outcome"] == "enqueued" for b in journal.batches(record.id))
    delivered_once(qtbot, sb, counts.enqueued)


# --- (iv) resume -----------------------------------------------------------------------------


def interrupted_campaign(sb: Sandbox) -> str:
    """30 recipients, batches of 10: the first request is uncertain (USOS enqueued it, the
    answer was lost), then the sender stops: 10 uncertain, 20 never sent."""
    table = make_table(
        [[f"Imię{i}", f"N{i}", str(i), f"u{i:03d}@student.example.edu.pl", "I", "1"] for i in range(30)]
    )
    draft = build_campaign(
        table,
        MessageTemplate(subject="Dla {Imię}", content="Treść {Nazwisko}"),
        installation=sb.url,
        key_fingerprint=key_fingerprint(sb.admin_key),
        batch_size=10,
    )
    with Journal.open() as journal, MailingClient(sb.url, sb.admin_key, sb.admin_secret) as client:
        campaign = journal.create_campaign(draft).id
        sb.faults.drop_rate = 1.0
        steps = send_steps(journal, client, campaign)
        assert next(steps).counts.uncertain == 10
        sb.faults.drop_rate = 0.0
        steps.close()
        assert journal.counts(campaign).pending == 20
    return campaign


def test_interrupted_campaigns_are_offered_at_start_and_uncertain_sent_only_when_ticked(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb, elsewhere = make_sandbox(), make_sandbox()
    campaign = interrupted_campaign(sb)
    qtbot.waitUntil(lambda: len(deliveries(sb.maildir)) == 10, timeout=TIMEOUT)  # the "lost" answer's batch
    window = window_for(make_window, elsewhere, offer_resume=True)  # another installation
    blocker = qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT)
    blocker.wait()  # the signal is already on its way
    (found,) = blocker.args[0]
    assert found.campaign.id == campaign and found.counts.not_sent == 20 and len(found.uncertain) == 10
    offer = window.resume_flow.dialog
    assert offer is not None and offer.isVisible() and not offer.isModal()
    items = offer.uncertain_items()
    assert [i.text() for i in items] == [f"row {r.row}: {r.addresses[0]}" for r in found.uncertain]
    assert all(i.checkState() == Qt.CheckState.Unchecked for i in items)
    assert offer.resume_button.text().replace("&", "") == "Resume: send 20 messages"

    # connected elsewhere: said plainly, nothing sent
    offer.resume_button.click()
    assert offer.problem_label.isVisible() and sb.url in offer.problem_label.text()
    assert window.send_flow.session is None
    right = ActiveConnection(sb.url, Credentials(sb.admin_key, sb.admin_secret), sandbox=True)
    window.window_connection.use(right)

    outcome = finished(qtbot, window, offer.resume_button.click)
    assert outcome.result.counts.enqueued == 20 and outcome.result.counts.uncertain == 10
    assert len(outcome.uncertain) == 10
    delivered_once(qtbot, sb, 30)  # the 20 never sent, once; the uncertain ones not again

    # tick one uncertain recipient: it alone is sent again
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT):
        window.interrupted_action.trigger()
    offer = window.resume_flow.dialog
    assert offer is not None
    items = offer.uncertain_items()
    assert len(items) == 10 and not any(i.checkState() == Qt.CheckState.Checked for i in items)
    items[3].setCheckState(Qt.CheckState.Checked)
    assert offer.resume_button.text().replace("&", "") == "Resume: send 1 message"
    chosen = found.uncertain[3].addresses[0]
    outcome = finished(qtbot, window, offer.resume_button.click)
    assert outcome.result.counts.enqueued == 21 and outcome.result.requests == 1
    qtbot.waitUntil(lambda: len(deliveries(sb.maildir)) == 31, timeout=TIMEOUT)
    counts = per_address(sb.maildir)
    assert counts[chosen] == 2 and sorted(counts.values()) == [1] * 29 + [2]

    # the rest: left as they are, and the campaign stops asking
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT):
        window.interrupted_action.trigger()
    offer = window.resume_flow.dialog
    assert offer is not None and len(offer.uncertain_items()) == 9
    assert not offer.resume_button.isEnabled()  # nothing never-sent is left
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT) as blocker:
        offer.leave_button.click()
    assert blocker.args[0] == []
    with Journal.open() as journal:
        assert not journal.interrupted()
        assert journal.counts(campaign).undecided == 0


def test_a_campaign_sent_elsewhere_is_not_touched(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_sandbox: Callable[..., Sandbox]
) -> None:
    sb = make_sandbox()
    campaign = interrupted_campaign(sb)
    with Journal.open() as journal, journal.lock_campaign(campaign):  # "another window sends it"
        window = window_for(make_window, sb, offer_resume=True)
        qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT).wait()  # the signal is already on its way
        offer = window.resume_flow.dialog
        assert offer is not None
        with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
            offer.resume_button.click()
        assert isinstance(blocker.args[0], CampaignBusy)
        progress = window.send_flow.progress_dialog
        assert progress is not None and "being sent right now elsewhere" in progress.summary_label.text()
        assert journal.counts(campaign).pending == 20


# --- (v) closing while sending ---------------------------------------------------------------


def test_closing_while_sending_waits_for_the_request_under_way(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = make_sandbox(latency_ms=300)
    window = window_for(make_window, sb)
    load(qtbot, window, write_csv(tmp_path / "many.csv", students(40)))  # 8 requests: ~2.4 s
    dialog, _ = open_confirmation(qtbot, window)
    rebuilt(qtbot, dialog, lambda: dialog.batch_spin.setValue(5))
    session = confirm_and_send(dialog, window)
    qtbot.waitSignal(session.progress, timeout=TIMEOUT).wait()  # the signal is already on its way

    window.close()
    box = window.close_guard.box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    assert window.isVisible() and session.running
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()  # "Keep sending": nothing changes
    assert window.isVisible() and not session.stopping

    window.close()
    box = window.close_guard.box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    stop = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
        stop.click()
        assert window.isVisible() and session.stopping  # waits for the request under way
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    assert not session.running
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome) and outcome.result.stop is StopReason.CANCELLED
    with Journal.open() as journal:
        record = journal.campaign(outcome.campaign.id)
        assert record.state is CampaignState.STOPPED
        assert not journal.recipients(record.id, [RecipientState.IN_FLIGHT])
        batches = journal.batches(record.id)
        assert batches and all(b["outcome"] == "enqueued" for b in batches)
        counts = journal.counts(record.id)
    assert counts.enqueued == 5 * len(batches) and counts.pending == 40 - counts.enqueued > 0
    delivered_once(qtbot, sb, counts.enqueued)
