"""The built-in sandbox keeps its practice campaigns in a journal of its own: the real
Interrupted campaigns and Campaigns windows never show them, and the sandbox's never show
real ones. Its port changes at every run, yet a practice campaign stopped half-way is
resumed through the sandbox running now; its delivered mail is one menu entry away."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import new_campaign
from tests.helpers.composer import settle
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.tables import demo_rows
from usosmail_gui import app
from usosmail_gui.application.sending import Interrupted, SendOutcome
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.journal import Journal, sandbox_journal_path
from usosmail_gui.sandbox import SandboxConfig
from usosmail_gui.ui import history_window, workers
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox

TIMEOUT = 30000
EARLIER_RUN = "http://127.0.0.1:9/"  # the sandbox's address when the practice campaign was sent
REAL_USOS = "https://usosapps.example.edu.pl/"


def practice_and_real_campaigns() -> tuple[str, str]:
    """A practice campaign stopped before anything was sent (in the sandbox's journal, at an
    earlier run's port) and a real one stopped too (in the user's journal)."""
    with Journal.open(sandbox_journal_path()) as journal:
        practice = new_campaign(journal, EARLIER_RUN, "an-earlier-key", demo_rows(5))
    with Journal.open() as journal:
        real = new_campaign(journal, REAL_USOS, "key", demo_rows(3))
    return practice, real


def listed_campaigns(qtbot: QtBot, window: MainWindow) -> list[str]:
    window.history_action.trigger()
    history = window.statuses.history
    assert history is not None
    if history.busy or not history.rows:
        with qtbot.waitSignal(history.loaded, timeout=TIMEOUT):
            pass
    ids = [row.id for row in history.rows]
    practice = history.state_label.text().endswith(
        "Real campaigns are listed when the window is connected to your university."
    )
    for i in range(len(ids)):  # each says where it went: the sandbox's as practice
        shown = history.table.item(i, history_window.INSTALLATION).text()  # type: ignore[union-attr]
        assert (shown == "Sandbox (practice)") is practice, shown
    history.close()
    qtbot.waitUntil(lambda: window.statuses.history is None, timeout=TIMEOUT)  # deleted on close
    return ids


def interrupted_ids(found: list[Interrupted]) -> list[str]:
    return [item.campaign.id for item in found]


def test_the_sandbox_has_its_own_journal_and_resumes_a_practice_campaign_on_its_new_port(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    practice, real = practice_and_real_campaigns()
    session = app.SandboxSession(lambda: SandboxConfig(delay=0.0))
    window, shutdown = app.build_main_window(
        app.parse_args(["--sandbox"]), credential_store=memory_store[0], sandbox_session=session
    )
    qtbot.addWidget(window)
    mailbox_action = window.actions_by_name["sandbox_mailbox"]
    assert not mailbox_action.isVisible()  # before the sandbox runs
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT) as offered:
        window.show()
    assert interrupted_ids(offered.args[0]) == [practice]  # the real one is not the sandbox's
    sandbox = session.sandbox
    assert sandbox is not None and sandbox.url != EARLIER_RUN
    offer = window.resume_flow.dialog
    assert offer is not None and offer.isVisible()
    assert f"Installation: {sandbox.url}" in offer.details_label.text()

    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as done:
        offer.resume_button.click()
    outcome: SendOutcome = done.args[0]
    assert outcome.campaign.id == practice and outcome.result.counts.enqueued == 5
    assert listed_campaigns(qtbot, window) == [practice]

    # the delivered mail, as the students see it
    assert mailbox_action.isVisible() and mailbox_action in window.send_menu.actions()
    mailbox_action.trigger()
    mailbox = window.findChild(SandboxMailbox)
    assert mailbox is not None and mailbox.isVisible()

    def delivered() -> bool:
        if len(mailbox.envelopes) < 5:
            mailbox.refresh()
            return False
        return True

    qtbot.waitUntil(delivered, timeout=TIMEOUT)
    assert {m.subject for m in mailbox.envelopes} == {f"Decyzja dla {row[0]}" for row in demo_rows(5)}

    with Journal.open() as journal:
        assert [s.campaign.id for s in journal.campaigns()] == [real]  # nothing practised in it
    window.close()
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    shutdown()


def test_a_real_window_never_shows_practice_campaigns_and_trying_the_sandbox_switches_journals(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    practice, real = practice_and_real_campaigns()
    session = app.SandboxSession(lambda: SandboxConfig(delay=0.0))
    window, shutdown = app.build_main_window(
        app.parse_args(["--no-connect-dialog"]), credential_store=memory_store[0], sandbox_session=session
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT) as offered:
        window.show()
    assert interrupted_ids(offered.args[0]) == [real]
    assert window.resume_flow.dialog is not None
    window.resume_flow.dialog.close()
    assert listed_campaigns(qtbot, window) == [real]
    assert not window.actions_by_name["sandbox_mailbox"].isVisible()

    # Help ▸ Welcome page ▸ Try it with the sandbox: its journal from then on; the Campaigns
    # window left open reads it again
    window.history_action.trigger()
    history = window.statuses.history
    assert history is not None
    qtbot.waitUntil(lambda: [r.id for r in history.rows] == [real] and not history.busy, timeout=TIMEOUT)
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT) as offered:
        window.sandboxRequested.emit()
    assert interrupted_ids(offered.args[0]) == [practice]
    qtbot.waitUntil(lambda: [r.id for r in history.rows] == [practice], timeout=TIMEOUT)
    history.close()
    assert listed_campaigns(qtbot, window) == [practice]
    assert window.actions_by_name["sandbox_mailbox"].isVisible()
    window.close()
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    shutdown()


def test_a_test_to_me_in_the_sandbox_is_in_its_mailbox_and_its_journal(
    qtbot: QtBot, english_plurals: None, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    """Issue 14: test mail in the built-in sandbox went to a temporary folder the app never
    showed; it is in Send ▸ Sandbox mailbox…, as the student would see it."""
    session = app.SandboxSession(lambda: SandboxConfig(delay=0.0))
    window, shutdown = app.build_main_window(
        app.parse_args(["--sandbox", "--demo", "--language", "en"]),
        credential_store=memory_store[0],
        sandbox_session=session,
    )
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.statusRefreshed, window.recipientsLoaded], timeout=TIMEOUT):
        window.show()
    composer = window.composer
    qtbot.waitUntil(lambda: composer.template().subject.startswith("Missing documents"), timeout=TIMEOUT)
    window.recipient_pane.select_table_rows([0], current=0)
    qtbot.waitUntil(lambda: composer.current_row() == 0, timeout=TIMEOUT)
    settle(qtbot, composer)
    subject = composer.preview.subject_text()

    window.send_test_action.trigger()
    dialog = window.send_flow.address_dialog
    assert dialog is not None
    dialog.setTextValue("dziekanat@example.edu.pl")
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as done:
        dialog.done(QDialog.DialogCode.Accepted)
    outcome: SendOutcome = done.args[0]
    assert outcome.campaign.is_test and outcome.result.counts.all_enqueued

    window.actions_by_name["sandbox_mailbox"].trigger()
    mailbox = window.findChild(SandboxMailbox)
    assert mailbox is not None

    def delivered() -> bool:
        if not mailbox.envelopes:
            mailbox.refresh()
            return False
        return True

    qtbot.waitUntil(delivered, timeout=TIMEOUT)
    (mail,) = mailbox.envelopes
    assert mail.to == "dziekanat@example.edu.pl" and mail.subject == subject
    qtbot.waitUntil(lambda: mailbox.current is not None, timeout=TIMEOUT)  # the newest, opened
    assert mailbox.current is not None and ("To", "dziekanat@example.edu.pl") in mailbox.current.headers
    with Journal.open(sandbox_journal_path()) as journal:
        assert [s.campaign.id for s in journal.campaigns()] == [outcome.campaign.id]
    with Journal.open() as journal:
        assert journal.campaigns() == []
    window.close()
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    shutdown()
