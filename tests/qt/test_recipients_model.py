"""The recipient model over real files: Qt's model tester, edits, include flags, search, sort."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.helpers.recipient_lists import INVALID_ROW, STUDENTS, write_students
from tests.helpers.spreadsheets import write_xlsx
from usosmail_gui.core import recipients
from usosmail_gui.core.problems import Severity
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.ui.recipients_model import (
    COLUMN_INCLUDE,
    COLUMN_PROBLEMS,
    FIRST_DATA_COLUMN,
    RecipientTableModel,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
EMAIL = FIRST_DATA_COLUMN + 3  # Imię, Nazwisko, Miasto, E-mail


@pytest.fixture
def table(tmp_path: Path) -> RecipientTable:
    return recipients.load(write_students(tmp_path / "studenci.csv"))


@pytest.fixture
def model(table: RecipientTable) -> RecipientTableModel:
    model = RecipientTableModel()
    model.set_table(table)
    return model


def column_texts(model: RecipientTableModel, column: int) -> list[str]:
    return [model.index(r, column).data(DISPLAY) for r in range(model.rowCount())]


@pytest.mark.qt_log_level_fail("WARNING")
def test_qt_model_tester_on_a_loaded_xlsx(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    """Qt's own tester stays attached while the model is searched, sorted, edited and reset."""
    path = write_xlsx(
        tmp_path / "lista.xlsx",
        [
            ["Lista studentów — semestr zimowy"],
            None,
            ["Nr albumu", "Imię", "Ocena 1.5", "E-mail"],
            ["000123", "Anna", 4.5, "anna@student.example.edu.pl"],
            ["000124", "Łukasz", 3, "lukasz@student.example.edu.pl, l2@student.example.edu.pl"],
            ["000125", "Zofia", 5, ""],
            ["000126", "Anna", 4, "anna@student.example.edu.pl"],
        ],
        merge=["A1:D1"],
    )
    table = recipients.load(path)
    model = RecipientTableModel()
    model.set_table(table)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.columnCount() == FIRST_DATA_COLUMN + 4
    # the vertical header shows the spreadsheet's own row numbers
    assert [model.headerData(r, Qt.Orientation.Vertical, DISPLAY) for r in range(4)] == ["4", "5", "6", "7"]
    # an unusable header gets its alias in the tooltip
    tip = model.headerData(FIRST_DATA_COLUMN + 2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "{Ocena 1_5}" in tip
    email_tip = model.headerData(
        FIRST_DATA_COLUMN + 3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "{E-mail}" in email_tip and "e-mail addresses are taken from this column" in email_tip
    assert model.headerData(FIRST_DATA_COLUMN + 3, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).bold()

    persistent = QPersistentModelIndex(model.index(3, FIRST_DATA_COLUMN))  # the second Anna, row 7
    model.sort(FIRST_DATA_COLUMN + 1, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, FIRST_DATA_COLUMN + 1) == ["Zofia", "Łukasz", "Anna", "Anna"]
    assert model.headerData(persistent.row(), Qt.Orientation.Vertical, DISPLAY) == "7"
    model.set_search("anna")
    assert model.rowCount() == 2
    assert model.headerData(persistent.row(), Qt.Orientation.Vertical, DISPLAY) == "7"
    model.set_search("zofia")
    assert not persistent.isValid()  # its row is hidden now
    model.set_search("")
    model.sort(COLUMN_PROBLEMS, Qt.SortOrder.AscendingOrder)  # errors first
    assert model.index(0, COLUMN_PROBLEMS).data(DISPLAY) == "No address"
    model.sort(-1, Qt.SortOrder.AscendingOrder)
    assert model.setData(model.index(2, EMAIL), "zofia@student.example.edu.pl", Qt.ItemDataRole.EditRole)
    assert model.setData(
        model.index(0, COLUMN_INCLUDE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    model.set_table(None)
    assert model.rowCount() == 0 and model.columnCount() == 0
    model.set_table(table)


def test_columns_roles_and_problems(model: RecipientTableModel, table: RecipientTable) -> None:
    assert model.headerData(COLUMN_INCLUDE, Qt.Orientation.Horizontal, DISPLAY) == "Send"
    assert model.headerData(FIRST_DATA_COLUMN, Qt.Orientation.Horizontal, DISPLAY) == "Imię"
    assert "{Imię}" in model.headerData(
        FIRST_DATA_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(0, FIRST_DATA_COLUMN + 2).data(DISPLAY) == "Łódź"
    assert model.index(0, COLUMN_INCLUDE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, COLUMN_INCLUDE).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, FIRST_DATA_COLUMN).flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.index(0, COLUMN_PROBLEMS).flags() & Qt.ItemFlag.ItemIsEditable
    bad = model.index(INVALID_ROW, COLUMN_PROBLEMS)
    assert bad.data(DISPLAY) == "Invalid address"
    assert model.index(0, COLUMN_PROBLEMS).data(DISPLAY) == ""
    icon = bad.data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and icon.cacheKey() == model.icon_for(Severity.ERROR).cacheKey()
    tooltip = bad.data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "• " + table.problems(INVALID_ROW)[0].message
    assert "is not a valid e-mail address" in tooltip
    assert model.index(0, COLUMN_PROBLEMS).data(Qt.ItemDataRole.DecorationRole) is None


def test_unticking_a_row_changes_the_summary_and_greys_it(qtbot: QtBot, model: RecipientTableModel) -> None:
    index = model.index(0, COLUMN_INCLUDE)
    with (
        qtbot.waitSignal(model.summaryChanged) as summary_blocker,
        qtbot.waitSignal(model.dataChanged) as changed,
    ):
        assert model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert summary_blocker.args[0].will_receive == 3
    assert summary_blocker.args[0].excluded == 1
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (0, 0)  # just that row
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(0, FIRST_DATA_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, FIRST_DATA_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is None


def test_edit_is_an_overlay_and_fixes_the_address(
    qtbot: QtBot, model: RecipientTableModel, table: RecipientTable
) -> None:
    index = model.index(INVALID_ROW, EMAIL)
    with qtbot.waitSignal(model.summaryChanged) as blocker:
        assert model.setData(index, "zofia.nowak@student.example.edu.pl", Qt.ItemDataRole.EditRole)
    assert blocker.args[0].problems == 0 and blocker.args[0].will_receive == 5
    assert model.index(INVALID_ROW, COLUMN_PROBLEMS).data(DISPLAY) == ""
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert STUDENTS[INVALID_ROW][3] in index.data(Qt.ItemDataRole.ToolTipRole)
    assert table.is_edited(INVALID_ROW, 3)
    assert model.revert_cell(index)
    assert model.index(INVALID_ROW, COLUMN_PROBLEMS).data(DISPLAY) == "Invalid address"
    assert index.data(Qt.ItemDataRole.FontRole) is None


def test_search_ignores_case_and_polish_letters(model: RecipientTableModel) -> None:
    with_view = model.rowCount()
    model.set_search("lodz")
    assert column_texts(model, FIRST_DATA_COLUMN + 2) == ["Łódź"]
    model.set_search("ZIELINSKI warszawa")
    assert column_texts(model, FIRST_DATA_COLUMN + 1) == ["Zieliński"]
    model.set_search("nobody")
    assert model.rowCount() == 0
    model.set_search("")
    assert model.rowCount() == with_view


def test_sort_by_a_column_is_polish_order_and_keeps_persistent_indexes(model: RecipientTableModel) -> None:
    current = QPersistentModelIndex(model.index(1, FIRST_DATA_COLUMN))  # Łukasz
    model.sort(FIRST_DATA_COLUMN, Qt.SortOrder.AscendingOrder)
    assert column_texts(model, FIRST_DATA_COLUMN) == ["Anna", "Ewa", "Łukasz", "Michał", "Zofia"]
    assert current.data(DISPLAY) == "Łukasz" and current.row() == 2
    assert model.table_row(current.row()) == 1 and model.view_row(1) == 2
    model.sort(FIRST_DATA_COLUMN, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, FIRST_DATA_COLUMN) == ["Zofia", "Michał", "Łukasz", "Ewa", "Anna"]
    model.sort(-1)
    assert model.shown_rows() == [0, 1, 2, 3, 4]
    assert current.row() == 1
    assert model.index(0, 0, QModelIndex()).isValid()


def test_a_status_batch_repaints_only_the_rows_that_changed(qtbot: QtBot) -> None:
    """Issue 14: a batch of 10,000 statuses names only the changed rows, in short runs
    (so the grid repaints what it shows of them, and nothing when they are off screen)."""
    from tests.helpers.tables import demo_rows, make_table
    from usosmail_gui.core.statuses import RecipientStatusView, Status

    def view(number: int, status: Status, error: str | None = None) -> RecipientStatusView:
        return RecipientStatusView(number, ("s@uni.example.edu.pl",), {}, "m", status, error, None, None)

    table = make_table(demo_rows(10_000))
    model = RecipientTableModel()
    model.set_table(table)
    numbers = [table.row_number(i) for i in range(table.row_count)]
    waiting = {n: view(n, Status.WAITING) for n in numbers}
    model.set_statuses(waiting)  # inserts the column
    column = model.status_column()
    spans: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: spans.append((a.row(), b.row(), a.column())))

    model.set_statuses(dict(waiting))  # nothing changed: nothing to repaint
    assert spans == []

    later = dict(waiting)
    for i in [*range(3000, 3300), 7, 9999]:
        later[numbers[i]] = view(numbers[i], Status.SENT)
    later[numbers[42]] = view(numbers[42], Status.FAILED, "550 mailbox unavailable")
    model.set_statuses(later)
    assert {c for _, _, c in spans} == {column}
    covered = sorted(r for first, last, _ in spans for r in range(first, last + 1))
    assert covered == sorted([*range(3000, 3300), 7, 42, 9999])
    assert max(last - first + 1 for first, last, _ in spans) <= 128
    assert model.index(42, column).data(DISPLAY) == "failed"
    assert model.index(3000, column).data(DISPLAY) == "sent"
    assert model.index(3300, column).data(DISPLAY) == "waiting"

    spans.clear()
    shorter = dict(later)  # (the model keeps the mapping it is given: a new one each batch)
    del shorter[numbers[5]]  # a row no longer in the batch: its cell changes too
    model.set_statuses(shorter)
    assert [(first, last) for first, last, _ in spans] == [(5, 5)]


def test_the_roles_no_cell_answers_are_none_everywhere_and_the_rest_unchanged(
    model: RecipientTableModel,
) -> None:
    """Alignment, size hint, status tip and What's This are answered before any lookup
    (the delegate asks for them on every paint); every column still shows its text."""
    unanswered = (
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    )
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert all(model.data(index, role) is None for role in unanswered)
    assert column_texts(model, EMAIL)[0] == STUDENTS[0][3]
    assert model.index(0, COLUMN_INCLUDE).data(Qt.ItemDataRole.CheckStateRole) is not None
