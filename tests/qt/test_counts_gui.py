"""One source for every count (issue 14, items 1, 7 and 9): the status bar says what Send…
says, a confirmation shown in the status bar has room to be read, numbers are written the
window's language's way, and a search that hides rows does not hide who receives.

Real window (offscreen), a real list on disk, the real check in its worker; Send… prepares
its campaign in its worker as it does for the user (nothing is sent).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QStatusBar
from pytestqt.qtbot import QtBot

from tests.helpers.composer import settle
from tests.helpers.recipient_lists import HEADER, write_csv
from usosmail_gui.application.statuses import StatusSnapshot
from usosmail_gui.core.counts import ListCounts, campaign_counts_of, draft_counts
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.statuses import RecipientStatusView, Status, count_statuses
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.numbers import counted, number
from usosmail_gui.ui.send_dialog import SendDialog
from usosmail_gui.ui.status_dock import StatusDock

TIMEOUT = 20000
# a subject over USOS's 200 characters for the rows with a long first name
TEMPLATE = MessageTemplate(subject="Decyzja dla {Imię} {Nazwisko}", content="Dzień dobry {Imię},\nDziekanat")


def six_students(path: Path) -> Path:
    """Six good addresses; rows 3 and 6 have a first name that makes the subject too long;
    row 7 has an invalid address."""
    rows = [
        ["Anna", "Kowalska", "Łódź", "anna.kowalska@student.example.edu.pl"],
        ["Ł" * 210, "Wiśniewski", "Kraków", "lukasz.wisniewski@student.example.edu.pl"],
        ["Zofia", "Wójcik", "Gdańsk", "zofia.wojcik@student.example.edu.pl"],
        ["Michał", "Kamiński", "Warszawa", "michal.kaminski@student.example.edu.pl"],
        ["E" * 210, "Lewandowska", "Poznań", "ewa.lewandowska@student.example.edu.pl"],
        ["Piotr", "Mazur", "Opole", "piotr.mazur(at)student.example.edu.pl"],
    ]
    return write_csv(path, rows, header=HEADER)


def load(qtbot: QtBot, window: MainWindow, path: Path) -> RecipientTable:
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as blocker:
        window.list_loading.open_file(path)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    table = blocker.args[0]
    assert isinstance(table, RecipientTable)
    window.composer.set_template(TEMPLATE)
    settle(qtbot, window.composer)
    return table


def confirmation(qtbot: QtBot, window: MainWindow) -> SendDialog:
    window.send_action.trigger()
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.draft() is not None and not dialog.preparing, timeout=TIMEOUT)
    return dialog


@pytest.mark.usefixtures("english_plurals")
def test_the_status_bar_counts_what_send_will_send(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], sandbox: Sandbox, tmp_path: Path
) -> None:
    window = make_connected_window(sandbox)
    load(qtbot, window, six_students(tmp_path / "studenci.csv"))
    # the invalid address and the two too-long subjects: 3 of 6 will receive, not 5
    qtbot.waitUntil(lambda: "3 will receive" in window.status_bar_part.summary.text(), timeout=TIMEOUT)
    assert window.status_bar_part.summary.text().startswith("6 recipients · 3 will receive · 3 left out · ")
    bar = window.status_bar_part.counts()
    assert bar is not None and bar.checked and (bar.rows, bar.will_receive, bar.excluded) == (6, 3, 3)

    dialog = confirmation(qtbot, window)
    draft = dialog.draft()
    assert draft is not None
    sent = draft_counts(draft)
    assert (sent.rows, sent.will_receive, sent.excluded) == (bar.rows, bar.will_receive, bar.excluded)
    assert dialog.rows_label.text() == "3 rows will receive of 6 rows of the list · 3 left out"
    assert sent.reasons == {"email_invalid": 1, "subject_too_long": 2}
    assert not dialog.filter_label.isVisible()  # no search: nothing to say
    dialog.reject()


@pytest.mark.usefixtures("english_plurals")
def test_an_edit_counts_again_and_a_blocking_template_error_says_nothing_is_sent(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], sandbox: Sandbox, tmp_path: Path
) -> None:
    window = make_connected_window(sandbox)
    load(qtbot, window, six_students(tmp_path / "studenci.csv"))
    qtbot.waitUntil(lambda: "3 will receive" in window.status_bar_part.summary.text(), timeout=TIMEOUT)
    window.recipient_pane.model.set_included([0], False)  # Anna unticked
    settle(qtbot, window.composer)
    summary = window.status_bar_part.summary
    qtbot.waitUntil(lambda: "2 will receive · 4 left out" in summary.text(), timeout=TIMEOUT)
    window.composer.set_template(MessageTemplate(subject="Decyzja {Brak}", content="x"))  # no such column
    settle(qtbot, window.composer)
    qtbot.waitUntil(
        lambda: "nothing will be sent until the message is corrected" in summary.text(),
        timeout=TIMEOUT,
    )
    assert "will receive" not in window.status_bar_part.summary.text()


@pytest.mark.usefixtures("english_plurals")
def test_a_search_does_not_limit_who_receives_and_send_says_so(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], sandbox: Sandbox, tmp_path: Path
) -> None:
    window = make_connected_window(sandbox)
    load(qtbot, window, six_students(tmp_path / "studenci.csv"))
    window.recipient_pane.model.set_search("Kowalska")
    assert window.recipient_pane.model.rowCount() == 1
    dialog = confirmation(qtbot, window)
    assert dialog.filter_label.isVisible()
    note = dialog.filter_label.text()
    assert "shows 1 of 6 rows" in note and "does not limit who receives" in note
    draft = dialog.draft()
    assert draft is not None and draft_counts(draft).will_receive == 3  # every ticked row, shown or not
    dialog.reject()


def test_a_status_bar_message_is_shown_with_room_to_read_it(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], sandbox: Sandbox, tmp_path: Path
) -> None:
    window = make_connected_window(sandbox)
    window.resize(1366, 768)
    load(qtbot, window, six_students(tmp_path / "studenci.csv"))
    bar = window.statusBar()
    text = "Test sent to tester@dziekanat.example.edu.pl (campaign 20261202-0415-abcd)"
    bar.showMessage(text, 5000)
    assert bar.currentMessage() == text
    qtbot.waitUntil(lambda: not window.status_bar_part.summary.isVisible())  # the message takes its place
    assert_message_fits(bar, text)
    bar.clearMessage()
    qtbot.waitUntil(window.status_bar_part.summary.isVisible)


def assert_message_fits(bar: QStatusBar, text: str) -> None:
    """The room QStatusBar paints a message in: from its left edge to the first permanent
    widget shown; the whole text must fit."""
    permanent = [
        label
        for label in bar.findChildren(QLabel)
        if label.isVisible() and label.parent() is bar and label.objectName() != "recipientsSummary"
    ]
    room = min(label.geometry().left() for label in permanent) if permanent else bar.width()
    assert room >= bar.fontMetrics().horizontalAdvance(text) + 8, (room, [p.text() for p in permanent])


@pytest.mark.usefixtures("polish")
def test_numbers_in_polish_have_a_no_break_space_from_the_thousands(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], sandbox: Sandbox
) -> None:
    assert number(5000) == "5\u00a0000"
    assert number(15000) == "15\u00a0000"
    assert number(999) == "999"
    assert number(-1234567) == "-1\u00a0234\u00a0567"
    window = make_connected_window(sandbox)
    text = window.status_bar_part.counts_text(ListCounts(5000, 2957, 3))
    assert text == "5\u00a0000 odbiorców · 2\u00a0957 otrzyma · 2\u00a0043 pominięte · 3 problemy"


def test_numbers_in_english_have_commas() -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert number(5000, english) == "5,000"
    assert number(1234567, english) == "1,234,567"
    assert number(12, english) == "12"


@pytest.mark.usefixtures("polish")
def test_counted_texts_write_the_count_as_number_does() -> None:
    assert counted("5000 wysłanych", 5000) == "5\u00a0000 wysłanych"
    assert counted("15\u00a0000 wysłanych", 15000) == "15\u00a0000 wysłanych"


def view(row: int, status: Status) -> RecipientStatusView:
    return RecipientStatusView(
        row=row,
        addresses=(f"s{row}@student.example.edu.pl",),
        values={},
        message_id=None if status is Status.NOT_SENT else f"m{row}",
        status=status,
        error=None,
        enqueued_at=None,
        finished_at=None,
        seq=row,
    )


@pytest.mark.usefixtures("english_plurals")
def test_never_sent_messages_are_not_finished_in_the_statuses_panel(qtbot: QtBot) -> None:
    """An interrupted campaign: 2 sent, 1 failed, 3 never sent, 1 uncertain, 1 row left out."""
    views = (
        view(2, Status.SENT),
        view(3, Status.SENT),
        view(4, Status.FAILED),
        view(5, Status.NOT_SENT),
        view(6, Status.NOT_SENT),
        view(7, Status.NOT_SENT),
        view(8, Status.UNCERTAIN),
        view(9, Status.EXCLUDED),
    )
    snapshot = StatusSnapshot("20261202-0400-abcd", "Decyzja", views, count_statuses(views))
    dock = StatusDock()
    qtbot.addWidget(dock)
    dock.show_snapshot(snapshot)
    assert (
        dock.summary_label.text() == "2 sent · 1 failed · 1 uncertain · 3 not sent · 1 left out of the list"
    )
    assert (dock.progress.value(), dock.progress.maximum()) == (3, 7)
    assert dock.progress.text() == "3 of 7 finished"
    tally = campaign_counts_of(snapshot.counts)
    assert (tally.finished, tally.unfinished, tally.to_send) == (3, 4, 3)


@pytest.mark.usefixtures("english_plurals")
def test_rows_left_out_say_why_in_the_grid_status_column(
    qtbot: QtBot, make_connected_window: Callable[[Sandbox], MainWindow], sandbox: Sandbox, tmp_path: Path
) -> None:
    window = make_connected_window(sandbox)
    load(qtbot, window, six_students(tmp_path / "studenci.csv"))
    window.recipient_pane.model.set_included([3], False)  # Michał unticked
    settle(qtbot, window.composer)
    dialog = confirmation(qtbot, window)
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT):
        dialog.confirm_box.click()
        dialog.send_button.click()
    model = window.recipient_pane.model
    qtbot.waitUntil(lambda: model.status_column() >= 0, timeout=TIMEOUT)

    def cell(row: int) -> str:
        return str(model.index(model.view_row(row), model.status_column()).data() or "")

    qtbot.waitUntil(lambda: cell(0) in ("waiting", "sent"), timeout=TIMEOUT)
    assert cell(3) == "left out: Excluded from the list (unticked)."
    assert cell(5).startswith("left out: ") and "address" in cell(5)  # the invalid one
    assert cell(1).startswith("left out: ") and "200" in cell(1), cell(1)  # the subject too long
    assert all(cell(row) for row in range(6))  # no row of the list has an empty status cell
    qtbot.waitUntil(
        lambda: not window.status_poller.polling and not window.status_poller.busy, timeout=TIMEOUT
    )
