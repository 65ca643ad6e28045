"""The grid's columns as the user sees them: Send, Problems, E-mail and Status first in the
view only (the model keeps the sheet's order), widths measured on a sample and capped, and
the e-mail column narrowed so Status beside it stays in sight."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from tests.helpers.tables import DEMO_COLUMNS, demo_rows, make_table
from usosmail_gui.core.statuses import RecipientStatusView, Status
from usosmail_gui.ui.grid_columns import MAX_COLUMN_WIDTH, GridColumns, tune_grid_view
from usosmail_gui.ui.recipients_model import (
    COLUMN_INCLUDE,
    COLUMN_PROBLEMS,
    FIRST_DATA_COLUMN,
    RecipientTableModel,
)

EMAIL = FIRST_DATA_COLUMN + DEMO_COLUMNS.index("E-mail")


def grid(qtbot: QtBot, rows: list[list[str]], width: int = 1200) -> tuple[QTableView, GridColumns]:
    model = RecipientTableModel()
    model.set_table(make_table(rows))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.setParent(view)
    tune_grid_view(view)
    columns = GridColumns(view, model)
    model.columnsInserted.connect(columns.columns_inserted)
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    columns.fit()
    return view, columns


def status(row: int) -> RecipientStatusView:
    return RecipientStatusView(
        row=row, addresses=(f"s{row}@student.example.edu.pl",), values={}, message_id=f"m{row}",
        status=Status.SENT, error=None, enqueued_at=None, finished_at=None,
    )  # fmt: skip


def test_the_columns_that_matter_come_first_in_the_view_only(qtbot: QtBot) -> None:
    view, columns = grid(qtbot, demo_rows(40))
    header = view.horizontalHeader()
    first = [header.logicalIndex(visual) for visual in range(3)]
    assert first == [COLUMN_INCLUDE, COLUMN_PROBLEMS, EMAIL] == columns.key_columns()
    assert view.model().headerData(EMAIL, header.orientation()) == "E-mail"  # the model's order kept
    model = columns.model
    model.set_statuses({model.table().row_number(i): status(model.table().row_number(i)) for i in range(40)})
    state = model.status_column()
    assert state > EMAIL and header.visualIndex(state) == 3  # inserted at the end, shown fourth
    assert header.sectionSize(state) == columns.status_width()
    assert columns.key_columns() == [COLUMN_INCLUDE, COLUMN_PROBLEMS, EMAIL, state]


def test_widths_come_from_a_sample_and_are_capped(qtbot: QtBot) -> None:
    rows = demo_rows(200)
    rows[150][4] = "Filologia " * 40  # a long value among the sampled rows
    view, _ = grid(qtbot, rows)
    header = view.horizontalHeader()
    assert header.sectionSize(FIRST_DATA_COLUMN + 4) == MAX_COLUMN_WIDTH
    year = FIRST_DATA_COLUMN + 5
    assert view.fontMetrics().horizontalAdvance("Rok") < header.sectionSize(year) < MAX_COLUMN_WIDTH


def test_a_wide_email_column_narrows_to_the_room_left_not_below_a_usual_address(qtbot: QtBot) -> None:
    rows = demo_rows(20)
    for i, row in enumerate(rows):
        row[3] = f"{'bardzo.dlugie.nazwisko.' * 3}{i}@student.example.edu.pl"
    wide, _ = grid(qtbot, rows, width=1600)
    narrow, columns = grid(qtbot, rows, width=500)
    assert narrow.horizontalHeader().sectionSize(EMAIL) < wide.horizontalHeader().sectionSize(EMAIL)
    assert narrow.horizontalHeader().sectionSize(EMAIL) >= columns.email_width()
