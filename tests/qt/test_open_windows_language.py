"""View ▸ Language reaches the windows that stay open beside the main one: Campaigns, What
a student received, Interrupted campaigns, the Sandbox mailbox and the sending progress
window each speak the new language at once — title, headers, buttons, the state line and
the texts written from their state — and keep what the user chose (selection, filter)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QHeaderView, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import new_campaign
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.tables import demo_rows
from tests.qt.test_sending_gui import (  # the sending tests' window and list, reused
    confirm_and_send,
    demo_like,
    finished,
    load,
    make_window,
    open_confirmation,
    window_for,
)
from tests.unit.test_sandbox_mailbox import send
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui import i18n
from usosmail_gui.ui.campaign_cells import DATA, DATE, RECIPIENTS, STATE, TRACKING
from usosmail_gui.ui.history_window import HistoryWindow
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.received_view import ReceivedDialog
from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox
from usosmail_gui.ui.sending import SendProgressDialog

__all__ = ["make_window"]  # the fixture, imported so that pytest finds it here

TIMEOUT = 20000
REAL_USOS = "https://usosapps.example.edu.pl/"
POLISH_LETTERS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")


@pytest.fixture
def switch(qapp: QApplication, restore_translators: None) -> Callable[[str], None]:
    """Choose a language the way View ▸ Language does: store it, install its translators."""

    def choose(language: str) -> None:
        settings = QSettings()
        i18n.set_language_preference(settings, language)
        assert i18n.install_translations(qapp, settings) == language

    choose("pl")
    return choose


def words(window: QWidget) -> list[str]:
    """What the user reads in a window: its title, labels, buttons, boxes and headers."""
    found = [window.windowTitle()]
    found += [w.text() for w in window.findChildren(QLabel) if w.isVisibleTo(window)]
    found += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)]
    found += [w.title() for w in window.findChildren(QGroupBox) if w.isVisibleTo(window)]
    for header in window.findChildren(QHeaderView):
        model = header.model()
        if model is not None and header.isVisibleTo(window):
            found += [str(model.headerData(i, header.orientation())) for i in range(header.count())]
    return [text for text in found if text]


def polish_left(texts: list[str], *, data: tuple[str, ...] = ()) -> list[str]:
    """The texts still written with Polish letters (leaving out the students' own data)."""
    return [t for t in texts if POLISH_LETTERS.search(t) and not any(d in t for d in data)]


OWN_POLISH = ("Imię", "Decyzja dla", "Dzień dobry", "Zaproszenie")  # the campaigns' own Polish


def test_campaigns_and_what_a_student_received_switch_in_place(
    qtbot: QtBot, switch: Callable[[str], None]
) -> None:
    with Journal.open() as journal:
        done = new_campaign(journal, REAL_USOS, "key", demo_rows(2))
        journal.close_campaign(done)
        new_campaign(journal, REAL_USOS, "key", demo_rows(3))
    history = HistoryWindow()
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: len(history.rows) == 2 and not history.busy, timeout=TIMEOUT)
    table = history.table
    table.selectRow(1)
    assert history.windowTitle() == "Kampanie" and history.open_button.text() == "&Otwórz"
    assert table.horizontalHeaderItem(STATE).text() == "Stan"  # type: ignore[union-attr]
    assert history.state_label.text() == "W dzienniku wysyłek są 2 kampanie."
    polish_state = table.item(0, STATE).text()  # type: ignore[union-attr]
    received = history.show_received()
    assert isinstance(received, ReceivedDialog)
    qtbot.waitUntil(lambda: received.found is not None and not received.busy, timeout=TIMEOUT)
    (second,) = [c for c in received._choices if c.row == 2]
    received.filter_edit.setText(second.addresses)
    assert received.rows() == [2]
    polish_page = received.page.toPlainText()

    switch("en")
    qtbot.waitUntil(lambda: history.windowTitle() == "Campaigns", timeout=TIMEOUT)
    assert history.state_label.text() == "2 campaigns in the journal."
    assert table.horizontalHeaderItem(STATE).text() == "State"  # type: ignore[union-attr]
    assert table.horizontalHeaderItem(STATE).toolTip().startswith("Finished, interrupted")  # type: ignore[union-attr]
    assert table.item(0, STATE).text() == "interrupted" != polish_state  # type: ignore[union-attr]
    assert table.item(1, STATE).text().startswith("closed 20")  # type: ignore[union-attr]
    assert table.item(0, TRACKING).text() in ("trackable", "expired")  # type: ignore[union-attr]
    assert history.open_button.text() == "&Open" and history.retention_box.suffix() == " days"
    assert history.selected() is history.rows[1]  # the selection stays
    assert polish_left(words(history), data=OWN_POLISH) == []
    header = table.horizontalHeader()
    for column in range(table.columnCount()):  # the translated headers are whole
        title = table.horizontalHeaderItem(column).text()  # type: ignore[union-attr]
        assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(title), title

    assert received.windowTitle().startswith("What a student received — campaign ")
    assert received.filter_edit.text() == second.addresses and received.rows() == [
        2
    ]  # the filter typed stays
    assert received.rows_model.stringList()[0].startswith("Row 2: ")
    assert received.print_button.text() == "&Print…"
    assert received.page.toPlainText() != polish_page and "Status history" in received.page.toPlainText()
    assert polish_left(words(received), data=OWN_POLISH) == []

    switch("pl")
    qtbot.waitUntil(lambda: history.windowTitle() == "Kampanie", timeout=TIMEOUT)
    assert table.item(0, STATE).text() == polish_state  # type: ignore[union-attr]
    assert received.rows_model.stringList()[0].startswith("Wiersz 2: ")
    received.close()


def test_interrupted_campaigns_switch_in_place(
    qtbot: QtBot, switch: Callable[[str], None], memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    with Journal.open() as journal:
        new_campaign(journal, REAL_USOS, "key", demo_rows(3))
    window = MainWindow(memory_store[0], restore_last=False, offer_resume=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT):
        window.show()
    dialog = window.resume_flow.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    assert dialog.windowTitle() == "Przerwane kampanie"
    polish_details = dialog.details_label.text()

    switch("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Interrupted campaigns", timeout=TIMEOUT)
    assert dialog.resume_button.text() == "&Resume: send 3 messages"
    assert dialog.later_button.text() == "Later" and dialog.close_button.text() == "&Close campaign…"
    details = dialog.details_label.text()
    assert details != polish_details and "Never sent (Resume sends them): 3 recipients" in details
    assert "So far: 0 accepted · 0 refused · 0 uncertain · 3 still to send" in details
    assert polish_left(words(dialog), data=OWN_POLISH) == []

    switch("pl")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Przerwane kampanie", timeout=TIMEOUT)
    assert dialog.details_label.text() == polish_details
    window.close()


def test_the_sandbox_mailbox_switches_in_place(
    qtbot: QtBot, switch: Callable[[str], None], make_sandbox: Callable[..., Sandbox]
) -> None:
    sb = make_sandbox()
    send(sb, MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię}."), count=2)
    mailbox = SandboxMailbox(sb.maildir)
    qtbot.addWidget(mailbox)
    with qtbot.waitSignal(mailbox.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(mailbox.opened, timeout=TIMEOUT):
            mailbox.show()
    with qtbot.waitSignal(mailbox.opened, timeout=TIMEOUT):
        mailbox.table.selectRow(1)
    assert mailbox.windowTitle() == "Skrzynka piaskownicy"
    polish_state = mailbox.state_label.text()
    polish_date = mailbox.table.item(1, 0).text()  # type: ignore[union-attr]

    switch("en")
    qtbot.waitUntil(lambda: mailbox.windowTitle() == "Sandbox mailbox", timeout=TIMEOUT)
    assert mailbox.state_label.text() == "2 messages delivered by the sandbox." != polish_state
    assert mailbox.table.horizontalHeaderItem(0).text() == "Received"  # type: ignore[union-attr]
    assert mailbox.refresh_button.text() == "Refresh" and mailbox.tabs.tabText(0) == "Message"
    names = [mailbox.headers.itemAt(i).widget().text() for i in range(mailbox.headers.count())]
    assert "From:" in names and "Subject:" in names
    assert mailbox.selected_key() == mailbox.envelopes[1].key  # the message chosen stays
    english_date = mailbox.table.item(1, 0).text()  # type: ignore[union-attr]
    assert english_date != polish_date and english_date[-2:] in ("AM", "PM")  # written the English way
    assert polish_left(words(mailbox), data=OWN_POLISH) == []

    switch("pl")
    qtbot.waitUntil(lambda: mailbox.state_label.text() == polish_state, timeout=TIMEOUT)


def test_the_sending_window_rewrites_its_summary_from_the_outcome(
    qtbot: QtBot,
    switch: Callable[[str], None],
    make_window: Callable[..., MainWindow],
    make_sandbox: Callable[..., Sandbox],
    tmp_path: Path,
) -> None:
    sb = make_sandbox()
    window = window_for(make_window, sb)
    load(qtbot, window, demo_like(tmp_path / "studenci.csv"))
    dialog, _prepared = open_confirmation(qtbot, window)
    finished(qtbot, window, lambda: confirm_and_send(dialog, window))
    progress = window.send_flow.progress_dialog
    assert isinstance(progress, SendProgressDialog)
    qtbot.waitUntil(lambda: progress.close_button.isVisibleTo(progress), timeout=TIMEOUT)
    polish = (progress.heading.text(), progress.summary_label.text(), progress.counts_label.text())
    assert progress.windowTitle() == "Wysyłanie" and "przyjętych" in polish[2]

    switch("en")
    qtbot.waitUntil(lambda: progress.windowTitle() == "Sending", timeout=TIMEOUT)
    assert progress.heading.text().endswith(": sending finished.")
    assert (
        progress.summary_label.text().startswith("All ")
        and "accepted by USOS" in progress.summary_label.text()
    )
    assert (
        progress.counts_label.text().endswith("0 still to send")
        and " accepted · " in progress.counts_label.text()
    )
    assert progress.time_label.text().endswith("request") or "request" in progress.time_label.text()
    assert progress.close_button.text() == "&Close" and progress.counts_title.text() == "Messages:"
    assert polish_left(words(progress), data=OWN_POLISH) == []

    switch("pl")
    qtbot.waitUntil(lambda: progress.windowTitle() == "Wysyłanie", timeout=TIMEOUT)
    assert (progress.heading.text(), progress.summary_label.text(), progress.counts_label.text()) == polish
    progress.close()


def test_the_language_menu_reaches_an_open_campaigns_window(
    qtbot: QtBot, switch: Callable[[str], None], memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    with Journal.open() as journal:
        new_campaign(journal, REAL_USOS, "key", demo_rows(2))
    window = MainWindow(memory_store[0], restore_last=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1 and not history.busy, timeout=TIMEOUT)
    assert history.isVisible() and not history.isModal()
    assert history.windowTitle() == "Kampanie"

    (action,) = [a for a in window.layout_part.language_group.actions() if a.data() == "en"]
    action.trigger()
    qtbot.waitUntil(lambda: history.windowTitle() == "Campaigns", timeout=TIMEOUT)
    assert history.state_label.text() == "1 campaign in the journal."
    assert history.reload_button.text() == "&Reload"
    assert polish_left(words(history), data=OWN_POLISH) == []


def test_campaigns_at_1366_pixels_shows_its_short_columns_whole_in_both_languages(
    qtbot: QtBot, switch: Callable[[str], None]
) -> None:
    """The columns fit their content within a 1366-pixel screen: the subject and the
    statuses give way first, the state, counts, tracking and data are never cut."""
    with Journal.open() as journal:
        done = new_campaign(journal, REAL_USOS, "key", demo_rows(2))
        journal.close_campaign(done)
        new_campaign(journal, REAL_USOS, "key", demo_rows(3))
    for language in ("pl", "en"):
        switch(language)
        history = HistoryWindow()
        qtbot.addWidget(history)
        history.resize(1366 - 40, 600)
        history.show()
        qtbot.waitUntil(lambda: len(history.rows) == 2 and not history.busy, timeout=TIMEOUT)  # noqa: B023
        table = history.table
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        assert history.width() <= 1366 - 40
        for column in (STATE, TRACKING, RECIPIENTS, DATA, DATE):
            widest = max(metrics.horizontalAdvance(table.item(r, column).text()) for r in range(2))  # type: ignore[union-attr]
            assert widest < header.sectionSize(column), (language, column)
            assert header.sectionViewportPosition(column) + widest <= table.viewport().width(), (
                language,
                column,
            )
        history.close()
