"""View ▸ Language reaches an open Campaigns window (and What a student received, opened
from it) at once, keeping the selection and the filter; its columns fit a 1366-pixel
screen in both languages."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import new_campaign
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.open_windows import OWN_POLISH, polish_left, words
from tests.helpers.tables import demo_rows
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.journal import Journal
from usosmail_gui.ui.campaign_cells import DATA, DATE, RECIPIENTS, STATE, TRACKING
from usosmail_gui.ui.history_window import HistoryWindow
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.received_view import ReceivedDialog

TIMEOUT = 20000
REAL_USOS = "https://usosapps.example.edu.pl/"


def test_campaigns_and_what_a_student_received_switch_in_place(
    qtbot: QtBot, switch_language: Callable[[str], None]
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

    switch_language("en")
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

    switch_language("pl")
    qtbot.waitUntil(lambda: history.windowTitle() == "Kampanie", timeout=TIMEOUT)
    assert table.item(0, STATE).text() == polish_state  # type: ignore[union-attr]
    assert received.rows_model.stringList()[0].startswith("Wiersz 2: ")
    received.close()


def test_the_language_menu_reaches_an_open_campaigns_window(
    qtbot: QtBot, switch_language: Callable[[str], None], memory_store: tuple[CredentialStore, MemoryKeyring]
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
    qtbot: QtBot, switch_language: Callable[[str], None]
) -> None:
    """The columns fit their content within a 1366-pixel screen: the subject and the
    statuses give way first, the state, counts, tracking and data are never cut."""
    with Journal.open() as journal:
        done = new_campaign(journal, REAL_USOS, "key", demo_rows(2))
        journal.close_campaign(done)
        new_campaign(journal, REAL_USOS, "key", demo_rows(3))
    for language in ("pl", "en"):
        switch_language(language)
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
