"""The Sandbox mailbox window: lists what the sandbox delivered, opens a message with its
headers, shows HTML without fetching anything or following links, and follows View ▸
Language while open."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.helpers.open_windows import OWN_POLISH, polish_left, words
from tests.unit.sandbox.test_mailbox import HOSTILE_HTML, send
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos.models import ContentFormat
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox

TIMEOUT = 20000


def test_the_mailbox_shows_what_the_student_receives(
    qtbot: QtBot, english_plurals: None, make_sandbox: Callable[..., Sandbox]
) -> None:
    sb = make_sandbox()
    window = SandboxMailbox(sb.maildir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=TIMEOUT) as empty:
        window.show()
    assert empty.args == [0] and "No messages yet" in window.state_label.text()

    send(sb, MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię}."), count=2)
    invitation = MessageTemplate("Zaproszenie", HOSTILE_HTML, content_format=ContentFormat.HTML)
    send(sb, invitation, count=1)
    with qtbot.waitSignal(window.loaded, timeout=TIMEOUT) as listed:
        with qtbot.waitSignal(window.opened, timeout=TIMEOUT):
            window.refresh_button.click()
    assert listed.args == [3] and window.table.rowCount() == 3
    assert "3 messages delivered" in window.state_label.text()
    assert window.table.item(0, 2).text() == "Zaproszenie"  # newest first, selected
    shown = window.html_view.toPlainText()
    assert "Dzień dobry Anna," in shown and 'alert("x")' not in shown  # laid out; the script is not text
    assert any("tracker.example.com" in url for url in window.html_view.refused)  # asked for, refused
    assert window.tabs.tabText(1) == "HTML source" and "<script>" in window.text_view.toPlainText()
    labels = [window.headers.itemAt(i).widget().text() for i in range(window.headers.count())]
    assert "Zaproszenie" in labels and "student0@student.example.edu.pl" in labels

    with qtbot.waitSignal(window.opened, timeout=TIMEOUT):
        window.table.selectRow(2)
    assert window.html_view.toPlainText().startswith("Dzień dobry")
    assert window.tabs.tabText(1) == "Plain text"


def test_the_date_is_shown_in_the_window_language_not_as_the_english_header(
    qtbot: QtBot, polish: None, make_sandbox: Callable[..., Sandbox]
) -> None:
    from email.utils import parsedate_to_datetime

    from PySide6.QtCore import QDateTime, QLocale
    from PySide6.QtWidgets import QLabel

    sb = make_sandbox()
    send(sb, MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię}."), count=1)
    window = SandboxMailbox(sb.maildir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT):
        window.show()
    assert window.current is not None
    header = dict(window.current.headers)["Date"]  # RFC 2822: "Wed, 02 Dec 2026 05:41:40 +0000"
    values = [window.headers.itemAt(i).widget() for i in range(window.headers.count())]
    dated = next(w for w in values if isinstance(w, QLabel) and w.toolTip() == header)
    moment = QDateTime.fromSecsSinceEpoch(int(parsedate_to_datetime(header).timestamp()))
    assert dated.text() == QLocale().toString(moment, QLocale.FormatType.LongFormat)
    assert QLocale().language() == QLocale.Language.Polish
    english_days = ("Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,")
    assert not dated.text().startswith(english_days) and dated.text() != header


def test_the_sandbox_mailbox_switches_in_place(
    qtbot: QtBot, switch_language: Callable[[str], None], make_sandbox: Callable[..., Sandbox]
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

    switch_language("en")
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

    switch_language("pl")
    qtbot.waitUntil(lambda: mailbox.state_label.text() == polish_state, timeout=TIMEOUT)
