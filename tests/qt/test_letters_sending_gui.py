"""Letters with derived columns sent from the GUI (issue 18) through the real sandbox: what
goes out is what the CLI's ``build_letter_campaign`` makes of the same list, definitions
and overrides; then the Campaigns window shows what a student received, and saves it as
a real PDF file (offscreen)."""

from __future__ import annotations

import email
import email.policy
import mailbox
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.helpers.composer import settle
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import write_csv
from tests.qt.test_accessibility import unnamed, without_tooltip
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.campaign import SendMode, key_fingerprint
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.letters import Grouping, LetterSetup, Salutation
from usosmail_gui.core.letters.campaign import build_letter_campaign
from usosmail_gui.core.letters.derive import Overrides, prepare_letters
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.history_window import HistoryWindow
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.received_view import ReceivedDialog
from usosmail_gui.ui.send_dialog import SendDialog

TIMEOUT = 20000
HEADER = ["Imię", "Nazwisko", "E-mail", "Przedmiot", "Ocena"]
ROWS = [
    ["Anna", "Kowalska", "anna.kowalska@student.example.edu.pl", "Analiza", "3"],
    ["Jan", "Nowak", "jan.nowak@student.example.edu.pl", "Algebra", "4"],
    ["Anna", "Kowalska", "anna.kowalska@student.example.edu.pl", "Fizyka", "5"],
    ["Siobhan", "Murphy", "siobhan@student.example.edu.pl", "Logika", "4,5"],
]
LETTER = MessageTemplate("Oceny – {Nazwisko}", "{Zwrot},\n\nTwoje oceny:\n{lista}\n\nDziekanat")
SETUP = LetterSetup(
    (Salutation("Zwrot", first_name_column="Imię", with_name=True),), Grouping("- {Przedmiot}: {Ocena}")
)

pytestmark = pytest.mark.usefixtures("english_plurals")


@pytest.fixture
def window(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], make_sandbox: Callable[..., Sandbox]
) -> tuple[MainWindow, Sandbox]:
    sb = make_sandbox()
    connection = ActiveConnection(
        sb.url, Credentials(sb.admin_key, sb.admin_secret), name="Local sandbox", sandbox=True
    )
    main = MainWindow(memory_store[0], connection=connection, restore_last=False)
    qtbot.addWidget(main)
    main.resize(1300, 850)
    main.show()
    return main, sb


def load(qtbot: QtBot, main: MainWindow, path: Path) -> RecipientTable:
    with qtbot.waitSignal(main.recipientsLoaded, timeout=TIMEOUT) as blocker:
        main.list_loading.open_file(path)
    qtbot.waitUntil(lambda: not main.list_loading.loading, timeout=TIMEOUT)
    table = blocker.args[0]
    assert isinstance(table, RecipientTable)
    return table


def sent(qtbot: QtBot, main: MainWindow) -> SendOutcome:
    main.send_action.trigger()
    dialog = main.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    dialog.confirm_box.click()
    with qtbot.waitSignal(main.sendFinished, timeout=TIMEOUT) as blocker:
        dialog.send_button.click()
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome)
    return outcome


def test_the_gui_sends_the_derived_values_the_cli_would_and_shows_what_was_received(
    qtbot: QtBot, window: tuple[MainWindow, Sandbox], tmp_path: Path
) -> None:
    main, sb = window
    table = load(qtbot, main, write_csv(tmp_path / "oceny.csv", ROWS, header=HEADER))
    composer = main.composer
    composer.set_template(LETTER)
    composer.set_letter_setup(SETUP)
    settle(qtbot, composer)
    model = main.recipient_pane.model
    qtbot.waitUntil(lambda: model.derived_columns()[1] == 3, timeout=TIMEOUT)  # Zwrot, lista, Message
    first = model.derived_columns()[0]
    # the clerk writes Ms Murphy's salutation by hand in the grid (her name is not Polish)
    position = model.view_row(3)
    assert model.setData(model.index(position, first), "Dear Ms Murphy")
    settle(qtbot, composer)
    assert composer.overrides.get("Zwrot", 5) == "Dear Ms Murphy"

    outcome = sent(qtbot, main)
    assert outcome.result.counts.all_enqueued
    overrides = Overrides({("Zwrot", 5): "Dear Ms Murphy"})
    expected = build_letter_campaign(
        prepare_letters(table, SETUP, overrides),
        LETTER,
        installation=sb.url,
        key_fingerprint=key_fingerprint(sb.admin_key),
        mode=SendMode.MESSAGES,
    )
    assert len(expected.messages) == 3
    with Journal.open() as journal:
        (summary,) = journal.campaigns()
        campaign = summary.campaign.id
        records = journal.recipients(campaign)
        grouped = journal.message_rows(campaign)
    assert [(r.row, r.subject, r.content) for r in records] == [
        (m.row, m.subject, m.content) for m in expected.messages
    ]
    anna = next(r for r in records if r.row == 2)
    assert anna.content is not None and anna.content.startswith("Szanowna Pani Anno,\n")
    assert "- Analiza: 3\n- Fizyka: 5" in anna.content
    assert [number for number, _ in grouped[anna.seq]] == [4]
    assert next(r for r in records if r.row == 5).content.startswith("Dear Ms Murphy,")  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: len(list(mailbox.Maildir(sb.maildir, create=False).iterkeys())) == 3, timeout=TIMEOUT
    )
    box = mailbox.Maildir(sb.maildir, create=False)
    mails = [email.message_from_bytes(box.get_bytes(k), policy=email.policy.default) for k in box.iterkeys()]
    assert any(
        str(m["To"]) == "jan.nowak@student.example.edu.pl" and "Szanowny Panie Janie," in m.get_content()
        for m in mails
    )

    # --- the Campaigns window: what row 4's student received (in row 2's message) -----
    history = HistoryWindow(main)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: not history.busy and bool(history.rows), timeout=TIMEOUT)
    assert history.received_button.isEnabled()
    dialog = history.show_received(row=4)
    assert isinstance(dialog, ReceivedDialog)
    qtbot.waitUntil(lambda: dialog.found is not None and not dialog.busy, timeout=TIMEOUT)
    found = dialog.found
    assert found is not None and found.row == 4
    (message,) = found.messages
    assert message.rows == (2, 4) and message.subject == anna.subject and message.content == anna.content
    assert [e.event for e in message.history][:2] == ["stored", "request_sent"]
    page = dialog.page.toPlainText()
    assert "Szanowna Pani Anno," in page and "- Fizyka: 5" in page and anna.subject in page
    assert dialog.rows() == [2, 3, 4, 5]
    assert not unnamed(dialog) and not without_tooltip(dialog)  # as tests/qt/test_accessibility.py asks
    assert not unnamed(main.composer.letters_editor) and not without_tooltip(main.composer.letters_editor)
    dialog.filter_edit.setText("murphy")
    assert dialog.rows() == [5]

    target = tmp_path / "out" / "row-4.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(dialog.pdfWritten, timeout=TIMEOUT) as written:
        dialog.save_pdf(target)
    assert written.args == [str(target)]
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(data) > 1000
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)
    dialog.close()


def test_a_row_left_out_says_why(qtbot: QtBot, window: tuple[MainWindow, Sandbox], tmp_path: Path) -> None:
    main, _sb = window
    rows = [*ROWS, ["Ewa", "Bez", "ewa(at)student.example.edu.pl", "Chemia", "2"]]
    load(qtbot, main, write_csv(tmp_path / "oceny.csv", rows, header=HEADER))
    main.composer.set_template(LETTER)
    main.composer.set_letter_setup(SETUP)
    settle(qtbot, main.composer)
    sent(qtbot, main)
    with Journal.open() as journal:
        (summary,) = journal.campaigns()
    dialog = ReceivedDialog(summary.campaign.id, main, row=6)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.found is not None and not dialog.busy, timeout=TIMEOUT)
    assert dialog.found is not None and not dialog.found.messages and dialog.found.excluded is not None
    assert "left out" in dialog.page.toPlainText()


def test_send_test_to_me_sends_the_previewed_letter_with_its_derived_values(
    qtbot: QtBot, window: tuple[MainWindow, Sandbox], tmp_path: Path
) -> None:
    main, _sb = window
    load(qtbot, main, write_csv(tmp_path / "oceny.csv", ROWS, header=HEADER))
    composer = main.composer
    composer.set_template(LETTER)
    composer.set_letter_setup(SETUP)
    settle(qtbot, composer)
    main.recipient_pane.select_table_rows([2], current=2)  # row 4: in row 2's message
    qtbot.waitUntil(lambda: composer.current_row() == 2, timeout=TIMEOUT)
    settle(qtbot, composer)
    previewed = composer.preview.content_text()
    assert previewed.startswith("Szanowna Pani Anno,\n") and "- Analiza: 3\n- Fizyka: 5" in previewed
    main.send_test_action.trigger()
    dialog = main.send_flow.address_dialog
    assert dialog is not None
    dialog.setTextValue("tester@dziekanat.example.edu.pl")
    with qtbot.waitSignal(main.sendFinished, timeout=TIMEOUT) as blocker:
        dialog.done(QDialog.DialogCode.Accepted)
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome) and outcome.campaign.is_test
    with Journal.open() as journal:
        (summary,) = journal.campaigns()
        (record,) = journal.recipients(summary.campaign.id)
    assert record.addresses == ("tester@dziekanat.example.edu.pl",)
    assert record.content == previewed and record.subject == composer.preview.subject_text()
