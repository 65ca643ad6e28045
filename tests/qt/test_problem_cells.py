"""The grid's Problems cells: the one problem in a few words with its severity's icon,
every problem in the tooltip, dimmed once the row is excluded; words in Polish too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication, QIcon
from pytestqt.qtbot import QtBot

from tests.helpers.recipient_lists import INVALID_ROW, write_students
from usosmail_gui.core import recipients
from usosmail_gui.core.problems import Severity
from usosmail_gui.ui.problem_cells import ProblemCells

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value
FOREGROUND, DECORATION = Qt.ItemDataRole.ForegroundRole.value, Qt.ItemDataRole.DecorationRole.value


def test_a_row_with_an_invalid_address(qtbot: QtBot, tmp_path: Path) -> None:
    table = recipients.load(write_students(tmp_path / "studenci.csv"))
    cells = ProblemCells(QGuiApplication.palette())
    assert cells.data(table, INVALID_ROW, DISPLAY) == "Invalid address"
    assert cells.data(table, 0, DISPLAY) == "" and cells.data(table, 0, TOOLTIP) is None
    assert cells.data(table, 0, DECORATION) is None
    assert cells.data(table, INVALID_ROW, DECORATION) is cells.icon_for(Severity.ERROR)
    assert isinstance(cells.icon_for(Severity.WARNING), QIcon)
    tip = cells.data(table, INVALID_ROW, TOOLTIP)
    assert tip.startswith("• ") and "zofia.nowak(at)student.example.edu.pl" in tip
    assert cells.data(table, INVALID_ROW, FOREGROUND) is None
    table.set_included([INVALID_ROW], False)
    assert isinstance(cells.data(table, INVALID_ROW, FOREGROUND), QBrush)
    assert cells.data(table, INVALID_ROW, TOOLTIP).endswith(
        "(This row is excluded, so nothing is sent to it anyway.)"
    )
    assert "Invalid address" in cells.labels()


def test_the_words_in_polish(qtbot: QtBot, polish: None, tmp_path: Path) -> None:
    table = recipients.load(write_students(tmp_path / "studenci.csv"))
    cells = ProblemCells(QGuiApplication.palette())
    assert cells.data(table, INVALID_ROW, DISPLAY) == "Nieprawidłowy adres"
    assert "9 problemów" in cells.labels()
