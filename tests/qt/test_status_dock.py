"""The Statuses view: a count per status that filters the per-recipient table (on the
data, not through a proxy), the progress bar, and a batch of statuses that touches only
the rows that changed — in the view's table and in the grid (issue 14, item 4 and the
status-batch speed)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QToolButton
from pytestqt.qtbot import QtBot

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.application.statuses import StatusSnapshot
from usosmail_gui.core.statuses import RecipientStatusView, Status, count_statuses
from usosmail_gui.ui.recipients_model import RecipientTableModel
from usosmail_gui.ui.status_dock import StatusDock
from usosmail_gui.ui.status_poller import with_changes
from usosmail_gui.ui.status_table import ALL, FAILED, LEFT_OUT, SENT, UNCERTAIN, WAITING, StatusTableModel


def view(row: int, status: Status, error: str | None = None) -> RecipientStatusView:
    return RecipientStatusView(
        row=row, addresses=(f"s{row}@student.example.edu.pl",), values={}, message_id=f"m{row}",
        status=status, error=error, enqueued_at=None, finished_at=None,
    )  # fmt: skip


def snapshot(views: list[RecipientStatusView], campaign: str = "c1") -> StatusSnapshot:
    return StatusSnapshot(campaign, "Exam dates", tuple(views), count_statuses(views), source_path="x.csv")


MIXED = [
    view(2, Status.SENT), view(3, Status.SENT), view(4, Status.FAILED, "550 no such mailbox"),
    view(5, Status.WAITING), view(6, Status.UNCERTAIN), view(7, Status.EXCLUDED, "no address"),
    view(8, Status.REJECTED, "refused"), view(9, Status.SENT),
]  # fmt: skip


_WINDOWS: list[QMainWindow] = []  # the docks' windows, kept alive until the test ends


def make_dock(qtbot: QtBot) -> StatusDock:
    window = QMainWindow()
    _WINDOWS[:] = [window]
    qtbot.addWidget(window)
    dock = StatusDock(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(1200, 500)
    window.show()
    return dock


def rows_shown(model: StatusTableModel) -> list[int]:
    return [model.view(i).row for i in range(model.rowCount())]


def test_counts_per_status_filter_the_table_and_progress_shows_the_finished(
    qtbot: QtBot, english_plurals: None
) -> None:
    dock = make_dock(qtbot)
    buttons = dock.filter_buttons
    assert dock.campaign_label.text() == "No campaign is shown: send one, or open one from Campaigns…"
    dock.show_snapshot(snapshot(MIXED))
    assert dock.campaign_label.text() == "Campaign c1: Exam dates"
    texts = {name: button.text() for name, button in buttons.items()}
    assert texts[ALL] == "All: 8"
    assert texts[SENT] == "Sent: 3" and texts[FAILED] == "Failed: 2"  # failed and refused
    assert texts[WAITING] == "Waiting: 1" and texts[UNCERTAIN] == "Uncertain: 1"
    assert texts[LEFT_OUT] == "Left out: 1"
    assert not buttons["not_sent"].isEnabled()  # none: greyed
    assert dock.progress.maximum() == 7 and dock.progress.value() == 5  # 3 sent, 2 failed of 7 messages
    assert dock.progress.text() == "5 of 7 finished"
    assert dock.table.model() is dock.model  # filtered on the data, no proxy in between
    buttons[FAILED].click()
    assert dock.filter_name() == FAILED and rows_shown(dock.model) == [4, 8]
    buttons[SENT].click()
    assert rows_shown(dock.model) == [2, 3, 9]
    buttons[ALL].click()
    assert rows_shown(dock.model) == [2, 3, 4, 5, 6, 7, 8, 9]
    # the widths come from the translated texts: the longest status is whole
    header = dock.table.horizontalHeader()
    metrics = dock.table.fontMetrics()
    assert header.sectionSize(StatusTableModel.STATUS) > metrics.horizontalAdvance("uncertain") + 16
    for button in buttons.values():
        assert isinstance(button, QToolButton) and button.accessibleName() == button.text()


def test_counts_are_written_in_the_window_language(qtbot: QtBot, polish: None) -> None:
    dock = make_dock(qtbot)
    many = [view(2 + i, Status.SENT) for i in range(12_345)]
    dock.show_snapshot(snapshot(many))
    number = QLocale(QLocale.Language.Polish).toString(12_345)
    assert "," not in number
    assert dock.filter_buttons[SENT].text() == f"Wysłane: {number}"
    assert dock.filter_buttons[ALL].text() == f"Wszystkie: {number}"


def test_a_batch_touches_only_the_changed_rows_of_the_view_and_the_grid(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    first = snapshot([view(2 + i, Status.WAITING) for i in range(2000)])
    dock.show_snapshot(first)
    later = [view(2 + i, Status.SENT if i in (5, 6, 7, 1500) else Status.WAITING) for i in range(2000)]
    batch = with_changes(first, lambda: snapshot(later))
    assert batch.changed == {7, 8, 9, 1502} and batch.places == (5, 6, 7, 1500)
    resets: list[None] = []
    changed: list[tuple[int, int, int, int]] = []
    model = dock.model
    model.modelReset.connect(lambda: resets.append(None))
    model.dataChanged.connect(
        lambda tl, br, _roles: changed.append((tl.row(), br.row(), tl.column(), br.column()))
    )
    dock.show_batch(batch)
    assert resets == []
    assert {(top, bottom) for top, bottom, _, _ in changed} == {(5, 7), (1500, 1500)}
    assert all(left == right for _, _, left, right in changed)  # column by column
    assert model.view(6).status is Status.SENT and dock.filter_buttons[SENT].text().endswith("4")
    # with a filter: the same batch without places, found again by row number
    dock.set_filter(WAITING)
    assert model.rowCount() == 1996
    again = [view(2 + i, Status.SENT if i in (5, 6, 7, 1500) else Status.WAITING, "x" if i == 10 else None)
             for i in range(2000)]  # fmt: skip
    changed.clear()
    dock.show_batch(with_changes(batch.snapshot, lambda: snapshot(again)))
    assert resets == [None] * 1  # the filter's reset only
    assert [(top, bottom) for top, bottom, _, _ in changed] == [(7, 7), (7, 7)]  # row 12: 8th waiting
    # a row leaving the filter: the rows shown change, one reset
    gone = [view(2 + i, Status.SENT if i in (5, 6, 7, 1500, 0) else Status.WAITING) for i in range(2000)]
    dock.show_batch(with_changes(None, lambda: snapshot(gone)))
    assert len(resets) == 2 and model.rowCount() == 1995


def test_the_grid_takes_the_changed_rows_from_the_batch(qtbot: QtBot, qapp: QApplication) -> None:
    table = make_table(demo_rows(300))
    grid = RecipientTableModel()
    grid.set_table(table)
    numbers = [table.row_number(i) for i in range(table.row_count)]
    first = snapshot([view(n, Status.WAITING) for n in numbers])
    grid.set_statuses(first.row_statuses())
    batch = with_changes(first, lambda: snapshot([view(n, Status.SENT if n == numbers[9] else Status.WAITING)
                                                  for n in numbers]))  # fmt: skip
    spans: list[tuple[int, int]] = []
    grid.dataChanged.connect(lambda tl, br, _roles: spans.append((tl.row(), br.row())))
    grid.set_statuses(batch.snapshot.row_statuses(), changed=batch.changed, since=first.row_statuses())
    assert spans == [(9, 9)]
    assert grid.index(9, grid.status_column()).data() == "sent"
    # statuses given without the batch's: compared here, the same answer
    spans.clear()
    grid.set_statuses(first.row_statuses())
    assert spans == [(9, 9)] and grid.index(9, grid.status_column(), QModelIndex()).data() == "waiting"


def test_the_campaign_line_shows_the_subject_as_written_not_the_raw_template(qtbot: QtBot) -> None:
    """As the Campaigns window does: each placeholder as ‹name›, ``{{``/``}}`` as braces."""
    dock = make_dock(qtbot)
    templated = StatusSnapshot(
        "c7", "Decyzja dla {Imię} {{nr {Indeks}}}", tuple(MIXED), count_statuses(MIXED), source_path="x.csv"
    )
    dock.show_snapshot(templated)
    assert dock.campaign_label.text() == "Campaign c7: Decyzja dla ‹Imię› {nr ‹Indeks›}"
    assert "{Imię}" not in dock.campaign_label.text()
