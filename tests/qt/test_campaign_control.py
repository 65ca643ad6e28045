"""Closing a campaign from the Interrupted campaigns dialog and from the Campaigns window
(asked in plain words first; nothing more of it is sent; not offered at start any more;
listed as closed), and what the Campaigns window says of each campaign: its installation,
its state, its subject with the placeholders marked, every column whole."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import new_campaign
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.tables import demo_rows
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.journal import CampaignClosed, Journal
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui import history_window
from usosmail_gui.ui.history_window import HistoryWindow
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.sending import failure_text

TIMEOUT = 20000
REAL_USOS = "https://usosapps.example.edu.pl/"
OLD_SANDBOX = "http://127.0.0.1:9/"  # a practice campaign of an earlier sandbox, in the real journal


def offered_window(qtbot: QtBot, store: CredentialStore) -> tuple[MainWindow, list[str]]:
    window = MainWindow(store, restore_last=False, offer_resume=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT) as found:
        window.show()
    return window, [item.campaign.id for item in found.args[0]]


def test_close_campaign_in_the_interrupted_dialog_asks_then_it_is_never_offered_again(
    qtbot: QtBot, english_plurals: None, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    with Journal.open() as journal:
        legacy = new_campaign(journal, OLD_SANDBOX, "key", demo_rows(2))
        real = new_campaign(journal, REAL_USOS, "key", demo_rows(3))
    window, offered = offered_window(qtbot, memory_store[0])
    assert offered == [real]  # a local server of an earlier run is gone: not offered unasked
    dialog = window.resume_flow.dialog
    assert dialog is not None and dialog.close_button.isEnabled()
    assert "Subject: Decyzja dla ‹Imię›" in dialog.details_label.text()  # placeholders as such

    dialog.close_button.click()
    box = window.resume_flow.confirm_box
    assert box is not None and box.isVisible()
    assert "Nothing more of it will be sent" in box.text()
    assert "3 recipients never sent will not get this message." in box.informativeText()
    assert box.defaultButton() is box.button(box.StandardButton.Cancel)
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT) as after:
        box.button(box.StandardButton.Yes).click()
    # asked for now (not at start): the old practice campaign is listed, so it can be closed too
    assert [item.campaign.id for item in after.args[0]] == [legacy]
    with Journal.open() as journal:
        assert journal.campaign(real).closed_at is not None
        assert journal.counts(real).pending == 3  # nothing was sent, nothing made up
    window.close()

    # the next start: nothing to offer, no dialog
    again, offered = offered_window(qtbot, memory_store[0])
    assert offered == [] and again.resume_flow.dialog is None
    again.close()


def test_the_campaigns_window_closes_a_campaign_and_says_what_each_one_is(
    qtbot: QtBot, english_plurals: None
) -> None:
    with Journal.open() as journal:
        finished = new_campaign(journal, REAL_USOS, "key", demo_rows(2))
        journal.close_campaign(finished)  # closed by `usosmail close`, say
        open_one = new_campaign(journal, REAL_USOS, "key", demo_rows(4))
    history = HistoryWindow()
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: len(history.rows) == 2 and not history.busy, timeout=TIMEOUT)
    table = history.table
    assert [r.id for r in history.rows] == [open_one, finished]

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        assert item is not None
        return item.text()

    assert cell(0, history_window.SUBJECT) == "Decyzja dla ‹Imię›"  # not the raw {Imię}
    tip = table.item(0, history_window.SUBJECT).toolTip()  # type: ignore[union-attr]
    assert "The first student got: “Decyzja dla Anna”" in tip
    assert cell(0, history_window.INSTALLATION) == "usosapps.example.edu.pl"
    assert cell(0, history_window.STATE) == "interrupted"
    assert cell(0, history_window.STATUSES) == "4 not sent · 0 of 4 finished"  # not "0 sent, 0 failed"
    assert cell(1, history_window.STATE).startswith("closed 20")

    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    assert table.columnCount() == 8
    for column in range(table.columnCount()):
        title = table.horizontalHeaderItem(column).text()  # type: ignore[union-attr]
        assert header.sectionSize(column) > metrics.horizontalAdvance(title), title  # whole
        assert header.sectionResizeMode(column) is header.ResizeMode.Interactive

    # on a 1366-pixel laptop screen every column is in view, the last one's text too
    history.resize(1366 - 40, 500)
    qtbot.waitUntil(lambda: history.width() == 1366 - 40)
    last_text = metrics.horizontalAdvance(cell(0, history_window.DATA))
    assert header.sectionViewportPosition(history_window.DATA) + last_text < table.viewport().width()

    table.selectRow(1)
    assert not history.close_button.isEnabled()  # closed already
    table.selectRow(0)
    assert history.close_button.isEnabled()
    box = history.ask_close_selected()
    assert box is not None and "Nothing more of it will be sent" in box.text()
    assert "uncertain ones stay listed as uncertain" in box.informativeText()
    with qtbot.waitSignal(history.campaignClosed, timeout=TIMEOUT) as closed:
        box.button(box.StandardButton.Yes).click()
    assert closed.args == [open_one]
    qtbot.waitUntil(
        lambda: not history.busy and cell(0, history_window.STATE).startswith("closed"), timeout=TIMEOUT
    )
    table.selectRow(0)
    assert not history.close_button.isEnabled()
    with Journal.open() as journal:
        assert not journal.interrupted()


def test_resuming_a_campaign_closed_meanwhile_sends_nothing_and_says_why(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], make_sandbox: Callable[..., Sandbox]
) -> None:
    """Closed with `usosmail close` (or another window) while this one offers it: Resume
    sends nothing, in words about closing (not "the journal cannot be used")."""
    sb = make_sandbox()
    with Journal.open() as journal:
        campaign = new_campaign(journal, sb.url, sb.admin_key, demo_rows(3))
    window = make_connected_window(sb)
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT):
        window.resume_flow.show()
    dialog = window.resume_flow.dialog
    assert dialog is not None and dialog.resume_button.isEnabled()
    with Journal.open() as journal:
        journal.close_campaign(campaign)
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as done:
        dialog.resume_button.click()
    error = done.args[0]
    assert isinstance(error, CampaignClosed)
    assert failure_text(error).startswith("This campaign was closed")
    assert sum(n for path, n in sb.requests_served.items() if "send" in path) == 0
