"""The recipient pane (``ui.recipients_view``) driven as a user would: search box, header
clicks, the checkbox, the cell editor, the e-mail column choice, the loading strip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit
from pytestqt.qtbot import QtBot

from tests.helpers.recipient_lists import INVALID_ROW, write_students
from usosmail_gui.core import recipients
from usosmail_gui.core.recipients import LoadProgress, RecipientTable, Stage
from usosmail_gui.ui.recipients_model import COLUMN_INCLUDE, FIRST_DATA_COLUMN
from usosmail_gui.ui.recipients_view import RecipientPane

TIMEOUT = 10000
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def students(tmp_path: Path) -> Path:
    return write_students(tmp_path / "studenci.csv")


@pytest.fixture
def table(students: Path) -> RecipientTable:
    return recipients.load(students)


@pytest.fixture
def pane(qtbot: QtBot, table: RecipientTable) -> RecipientPane:
    pane = RecipientPane()
    qtbot.addWidget(pane)
    pane.resize(900, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_table(table)
    return pane


def names(pane: RecipientPane) -> list[str]:
    model = pane.model
    return [model.index(r, FIRST_DATA_COLUMN).data(DISPLAY) for r in range(model.rowCount())]


def test_empty_state_then_the_grid(qtbot: QtBot, table: RecipientTable) -> None:
    pane = RecipientPane()
    qtbot.addWidget(pane)
    pane.show()
    assert pane.stack.currentIndex() == 0
    assert pane.empty_label.text() == "Open a spreadsheet: File ▸ Open… or drag it here"
    assert not pane.source_bar.isVisible()
    with qtbot.waitSignal(pane.openRequested):
        qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pane.currentRowChanged) as blocker:
        pane.set_table(table)
    assert blocker.args == [0]
    assert pane.stack.currentWidget() is pane.view
    assert (
        pane.source_label.text()
        == "studenci.csv · UTF-8, separated by “;” · header in row 1 (found automatically)"
    )
    assert pane.email_combo.currentText() == "D: E-mail"
    assert pane.shown_label.text().startswith("5 row")
    # a grid for 50,000 rows: fixed row heights, sorting by the model, no proxy
    assert pane.view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert pane.view.isSortingEnabled()
    assert pane.view.model() is pane.model


def test_search_box_filters_after_a_pause(qtbot: QtBot, pane: RecipientPane) -> None:
    pane.search_edit.setText("lodz")
    assert pane.search_pending  # debounced: nothing filtered while typing
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=TIMEOUT)
    assert pane.model.index(0, FIRST_DATA_COLUMN + 2).data(DISPLAY) == "Łódź"
    assert pane.shown_label.text() == "1 of 5 rows shown"
    pane.search_edit.clear()
    qtbot.keyClicks(pane.search_edit, "WARSZAWA")
    qtbot.keyClick(pane.search_edit, Qt.Key.Key_Return)  # Enter applies at once
    assert names(pane) == ["Michał"]


def test_ctrl_f_focuses_the_search(qtbot: QtBot, pane: RecipientPane) -> None:
    pane.activateWindow()
    qtbot.waitActive(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.search_edit.hasFocus, timeout=TIMEOUT)


def test_header_click_sorts_and_the_selection_follows_the_row(qtbot: QtBot, pane: RecipientPane) -> None:
    pane.select_table_rows([1])  # Łukasz, second in the file
    assert pane.current_table_row() == 1
    with qtbot.assertNotEmitted(pane.currentRowChanged):
        header = pane.view.horizontalHeader()
        x = header.sectionViewportPosition(FIRST_DATA_COLUMN) + 5
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert names(pane) == ["Anna", "Ewa", "Łukasz", "Michał", "Zofia"]
        assert pane.model.sort_state() == (FIRST_DATA_COLUMN, Qt.SortOrder.AscendingOrder)
        pane.view.sortByColumn(FIRST_DATA_COLUMN, Qt.SortOrder.DescendingOrder)
        assert names(pane) == ["Zofia", "Michał", "Łukasz", "Ewa", "Anna"]
    assert pane.current_table_row() == 1
    assert pane.selected_table_rows() == [1]
    assert pane.view.currentIndex().row() == 2
    # the search hides the current row: no current row any more
    with qtbot.waitSignal(pane.currentRowChanged) as blocker:
        pane.search_edit.setText("anna")
        pane.apply_search()
    assert blocker.args == [-1]


def test_space_toggles_the_checkbox_and_the_summary(qtbot: QtBot, pane: RecipientPane) -> None:
    pane.view.setFocus()
    pane.view.setCurrentIndex(pane.model.index(0, COLUMN_INCLUDE))
    with qtbot.waitSignal(pane.model.summaryChanged) as blocker:
        qtbot.keyClick(pane.view, Qt.Key.Key_Space)
    assert blocker.args[0].will_receive == 3
    assert not pane.table().is_included(0)  # type: ignore[union-attr]
    pane.select_table_rows([0, 1, 3])
    with qtbot.waitSignal(pane.model.summaryChanged) as blocker:
        pane.exclude_action.trigger()
    assert blocker.args[0].will_receive == 1
    assert blocker.args[0].excluded == 3


def test_editing_a_cell_leaves_the_file_alone(qtbot: QtBot, pane: RecipientPane, students: Path) -> None:
    before = students.read_bytes()
    index = pane.model.index(INVALID_ROW, FIRST_DATA_COLUMN + 3)
    pane.view.setCurrentIndex(index)
    pane.view.edit(index)
    editors = pane.view.viewport().findChildren(QLineEdit)
    assert len(editors) == 1
    editor = editors[0]
    editor.setText("zofia.nowak@student.example.edu.pl")
    with qtbot.waitSignal(pane.model.summaryChanged) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args[0].problems == 0
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert "zofia.nowak(at)student.example.edu.pl" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert students.read_bytes() == before


def test_choosing_another_email_column_checks_again_in_a_worker(qtbot: QtBot, pane: RecipientPane) -> None:
    pane.select_table_rows([3])
    with qtbot.waitSignal(pane.emailColumnChanged, timeout=TIMEOUT) as blocker:
        pane.email_combo.setCurrentIndex(pane.email_combo.findData(0))
        pane.email_combo.activated.emit(pane.email_combo.currentIndex())
        assert pane.checking_emails and pane.stack.currentWidget() is pane.working_label
        assert pane.model.rowCount() == 0  # nothing reads the table while it changes
    assert blocker.args == [0]
    assert pane.stack.currentWidget() is pane.view
    assert pane.model.rowCount() == 5
    assert pane.current_table_row() == 3
    assert pane.table().summary().will_receive == 0  # type: ignore[union-attr]
    with qtbot.waitSignal(pane.emailColumnChanged, timeout=TIMEOUT) as blocker:
        pane.set_email_column(None)
    assert pane.email_warning.isVisible()
    assert "No column of e-mail addresses" in pane.email_warning.text()


def test_a_new_list_starts_unsorted_and_keeps_the_search(
    qtbot: QtBot, pane: RecipientPane, tmp_path: Path
) -> None:
    pane.view.sortByColumn(FIRST_DATA_COLUMN + 1, Qt.SortOrder.DescendingOrder)
    pane.search_edit.setText("a")
    pane.apply_search()
    again = recipients.load(write_students(tmp_path / "znowu.csv"))
    pane.set_table(again)
    assert pane.model.sort_state() == (-1, Qt.SortOrder.AscendingOrder)
    assert pane.view.horizontalHeader().sortIndicatorSection() == -1
    assert pane.model.search_text == "a"
    assert pane.model.shown_rows() == [0, 1, 2, 3, 4]  # every student has an "a" somewhere


def test_busy_strip_shows_the_stage_and_how_far(pane: RecipientPane) -> None:
    pane.show_busy("Opening lista.xlsx…")
    assert pane.busy_bar.isVisible() and pane.busy_bar.progress_bar.maximum() == 0  # no idea how long yet
    pane.show_progress(LoadProgress(Stage.CHECKING, 250, 1000))
    assert pane.busy_bar.busy_label.text() == "Opening lista.xlsx…"
    assert pane.busy_bar.stage_label.text() == "Checking the e-mail addresses…"
    assert (pane.busy_bar.progress_bar.maximum(), pane.busy_bar.progress_bar.value()) == (1000, 250)
    pane.show_progress(LoadProgress(Stage.READING))
    assert pane.busy_bar.progress_bar.maximum() == 0
    pane.hide_busy()
    assert not pane.busy_bar.isVisible()
    assert pane.view.isVisible()  # the list stayed usable meanwhile
