"""Resuming when only the key is missing (issue 14, item 5): no keyring, so the key entered
in an earlier session is gone; the installation is still the window's. The Interrupted
campaigns window says so — not "another installation" — and its Connect… opens the
Connection dialog for the campaign's installation; once connected the campaign resumes.

Real window (offscreen), a real sandbox over loopback, keyring's own "no backend" keyring,
the real journal in the test's data dir.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.maildir import deliveries
from tests.helpers.tables import make_table
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.campaign import key_fingerprint
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.readiness import Blocker, Situation, resume_blocker
from usosmail_gui.core.sending import send_steps
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.connection_dialog import ConnectionDialog
from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 20000

pytestmark = pytest.mark.usefixtures("english_plurals")


def stopped_campaign(sb: Sandbox) -> str:
    """12 recipients in batches of 4: one request sent, then the sender stops (8 never sent)."""
    table = make_table(
        [[f"Imię{i}", f"N{i}", str(i), f"u{i:03d}@student.example.edu.pl", "I", "1"] for i in range(12)]
    )
    draft = build_campaign(
        table,
        MessageTemplate(subject="Dla {Imię}", content="Treść {Nazwisko}"),
        installation=sb.url,
        key_fingerprint=key_fingerprint(sb.admin_key),
        batch_size=4,
    )
    with Journal.open() as journal, MailingClient(sb.url, sb.admin_key, sb.admin_secret) as client:
        campaign = journal.create_campaign(draft).id
        steps = send_steps(journal, client, campaign)
        assert next(steps).counts.enqueued == 4
        steps.close()
        assert journal.counts(campaign).pending == 8
    return campaign


def test_readiness_tells_a_missing_key_from_another_installation() -> None:
    url = "https://usosapps.example.edu.pl"
    assert resume_blocker(Situation(chosen=url + "/"), url) is Blocker.KEY_MISSING
    assert (
        resume_blocker(Situation(chosen="https://usosweb.other.example.edu.pl"), url) is Blocker.NOT_CONNECTED
    )
    assert resume_blocker(Situation(), url) is Blocker.NOT_CONNECTED


def test_resume_without_the_key_says_so_and_connect_resumes(
    qtbot: QtBot, failing_store: CredentialStore, make_sandbox: Callable[..., Any]
) -> None:
    sb: Sandbox = make_sandbox()
    campaign = stopped_campaign(sb)
    qtbot.waitUntil(lambda: len(deliveries(sb.maildir)) == 4, timeout=TIMEOUT)
    # the window starts on the campaign's installation, but no keyring holds its key
    window = MainWindow(
        failing_store, connection=ActiveConnection(sb.url), restore_last=False, offer_resume=True
    )
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitUntil(
        lambda: window.status_bar_part.state.text() == "No saved key for this installation", timeout=TIMEOUT
    )
    flow = window.resume_flow
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=TIMEOUT)
    offer = window.resume_flow.dialog
    assert offer is not None and offer.current() is not None and offer.current().campaign.id == campaign

    offer.resume_button.click()
    problem = offer.problem_label.text()
    assert offer.problem_label.isVisible()
    assert f"The key for {sb.url} is not saved on this computer" in problem
    assert "connected to" not in problem  # the installation is the right one
    assert offer.connect_button.isVisible()
    assert window.send_flow.session is None and len(deliveries(sb.maildir)) == 4

    offer.connect_button.click()
    dialog = window.window_connection.dialog
    assert isinstance(dialog, ConnectionDialog) and dialog.isVisible()
    assert dialog.url_edit.text() == sb.url  # the campaign's installation, filled in
    for edit, text in ((dialog.key_edit, sb.admin_key), (dialog.secret_edit, sb.admin_secret)):
        edit.setText(text)
        edit.textEdited.emit(text)
    with qtbot.waitSignal(dialog.credentialsSaved, timeout=TIMEOUT) as saved:
        dialog.save_button.click()
    assert saved.args[0].persistent is False  # no keyring: kept for this session
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as blocker:
        dialog.save_button.click()  # "Use for this session"
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome), outcome
    assert outcome.campaign.id == campaign and outcome.result.counts.enqueued == 12
    qtbot.waitUntil(lambda: len(deliveries(sb.maildir)) == 12, timeout=TIMEOUT)
    assert window.resume_flow.dialog is None  # accepted: the campaign is resumed
