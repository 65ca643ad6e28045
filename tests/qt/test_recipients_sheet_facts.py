"""The grid shows cells as the sheet does (issue 15), and says what the sheet says besides:
the "as shown / as stored" switch in a column's header menu, merged and error cells, hidden
rows left out with the reason, the quick fix of an address with "|" (issue 17, item 3),
the encoding one click away in the sheet dialog, and a bomb refused with the app alive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from tests.helpers.windows import open_list
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.recipients import SpreadsheetError
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.recipients_model import COLUMN_INCLUDE, COLUMN_PROBLEMS, FIRST_DATA_COLUMN

TIMEOUT = 15000
FORMATS = RECIPIENT_FIXTURES / "formats"
DISPLAY, TOOLTIP, FONT, FOREGROUND, CHECK = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole,
)


@pytest.fixture
def window(qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]) -> MainWindow:
    window = MainWindow(memory_store[0], restore_last=False)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def polish() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    yield
    QLocale.setDefault(previous)


def cell(window: MainWindow, row: int, column: int, role: Qt.ItemDataRole = DISPLAY) -> object:
    model = window.recipient_pane.model
    return model.index(model.view_row(row), FIRST_DATA_COLUMN + column).data(role)


@pytest.mark.usefixtures("polish")
def test_cells_as_the_sheet_shows_them_in_the_apps_language(qtbot: QtBot, window: MainWindow) -> None:
    table = open_list(qtbot, window, FORMATS / "formats.ods")
    assert table.source.language == "pl"
    for name, shown in (
        ("Nr albumu", "012345"),
        ("Kwota", "1\u00a0234,50"),
        ("Procent2", "85,12%"),
        ("Waluta", "1\u00a0234,50 zł"),
        ("Data", "17.06.2024"),
    ):
        column = table.find_column(name)
        assert column is not None
        assert cell(window, 0, column) == shown, name
    window.composer.set_template(MessageTemplate("Numer {Nr albumu}", "Kwota: {Kwota}"))
    qtbot.waitUntil(lambda: "1\u00a0234,50" in window.composer.preview.content_text(), timeout=TIMEOUT)
    assert window.composer.preview.subject_text() == "Numer 012345"


def test_the_column_menu_switches_between_shown_and_stored(qtbot: QtBot, window: MainWindow) -> None:
    table = open_list(qtbot, window, FORMATS / "formats-lo.xlsx")
    pane = window.recipient_pane
    album = table.find_column("Nr albumu")
    name = table.find_column("Imię")
    assert album is not None and name is not None
    assert pane.column_menu(FIRST_DATA_COLUMN + name) is None  # text: nothing to switch
    menu = pane.column_menu(FIRST_DATA_COLUMN + album)
    assert menu is not None
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["As the sheet shows it", "As stored"]
    assert pane.values_menu.shown_action.isChecked() and not pane.values_menu.stored_action.isChecked()
    header_tip = pane.model.headerData(FIRST_DATA_COLUMN + album, Qt.Orientation.Horizontal, TOOLTIP)
    assert "as the sheet formats it" in header_tip
    with qtbot.waitSignal(pane.model.rowsChanged, timeout=TIMEOUT):
        pane.values_menu.stored_action.trigger()
    assert cell(window, 0, album) == "12345"
    assert table.params(0)["Nr albumu"] == "12345"  # what is sent follows the grid
    assert "as stored" in pane.model.headerData(FIRST_DATA_COLUMN + album, Qt.Orientation.Horizontal, TOOLTIP)
    menu.close()
    menu = pane.column_menu(FIRST_DATA_COLUMN + album)
    assert menu is not None and pane.values_menu.stored_action.isChecked()
    pane.values_menu.shown_action.trigger()
    assert cell(window, 0, album) == "012345"
    menu.close()


def test_merged_error_and_hidden_cells_are_marked(qtbot: QtBot, window: MainWindow) -> None:
    table = open_list(qtbot, window, FORMATS / "formats-lo.xlsx")
    model = window.recipient_pane.model
    group, error = table.find_column("Grupa"), table.find_column("Błąd")
    assert group is not None and error is not None
    assert cell(window, 1, group) == "G1"
    assert cell(window, 1, group, FONT).italic()
    assert "merged cell above" in str(cell(window, 1, group, TOOLTIP))
    assert cell(window, 0, group, FONT) is None
    assert cell(window, 0, error) == "#N/A"
    assert cell(window, 0, error, FOREGROUND) is not None
    assert "shows #N/A here" in str(cell(window, 0, error, TOOLTIP))
    hidden = table.hidden_rows
    assert [table.row_number(r) for r in hidden] == [6, 7]
    position = model.view_row(hidden[0])
    include = model.index(position, COLUMN_INCLUDE)
    assert include.data(CHECK) == Qt.CheckState.Unchecked
    assert "Hidden in the sheet, so left out" in include.data(TOOLTIP)
    assert model.index(position, COLUMN_PROBLEMS).data(DISPLAY) == "Hidden in the sheet"
    assert "hidden in the sheet" in model.headerData(position, Qt.Orientation.Vertical, TOOLTIP)
    with qtbot.waitSignal(model.summaryChanged):
        assert model.setData(include, Qt.CheckState.Checked.value, CHECK)  # the user includes it
    assert table.is_included(hidden[0])


def test_an_error_cell_the_template_uses_is_a_problem(qtbot: QtBot, window: MainWindow) -> None:
    open_list(qtbot, window, FORMATS / "formats-lo.xlsx")
    composer = window.composer
    with qtbot.waitSignal(composer.checkFinished, timeout=TIMEOUT) as done:
        composer.set_template(MessageTemplate("Wynik", "Twój wynik: {Błąd}"))
    result = done.args[0]
    codes = [(p.row, p.code) for p in result.problems if p.code == "error_value"]
    assert codes == [(2, "error_value"), (4, "error_value")]  # row 6 (#VALUE!) is hidden: left out
    shown = composer.problems.model.problems()
    assert any(p.code == "error_value" and "#N/A" in p.message for p in shown)


def test_the_quick_fix_splits_an_address_at_the_bar(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_text("Imię;E-mail\nAnna;a@student.example.edu.pl|b@student.example.edu.pl\n", encoding="utf-8")
    table = open_list(qtbot, window, path)
    composer = window.composer
    with qtbot.waitSignal(composer.checkFinished, timeout=TIMEOUT) as done:
        composer.set_template(MessageTemplate("Temat", "Dzień dobry {Imię}"))
    (problem,) = [p for p in done.args[0].problems if p.code == "email_pipe"]
    assert not table.will_receive(0)
    assert composer.fix_description_for(problem) == (
        "Split at |: write “a@student.example.edu.pl, b@student.example.edu.pl”"
    )
    composer.problems.select_problem(problem)
    assert composer.problems.fix_button.isEnabled()
    with qtbot.waitSignal(composer.checkFinished, timeout=TIMEOUT):
        qtbot.mouseClick(composer.problems.fix_button, Qt.MouseButton.LeftButton)
    assert table.value(0, 1) == "a@student.example.edu.pl, b@student.example.edu.pl"
    assert table.is_edited(0, 1)
    assert table.recipients(0) == ("a@student.example.edu.pl", "b@student.example.edu.pl")


def test_the_sheet_dialog_reads_the_file_as_the_other_encoding_in_one_click(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes("Imię;E-mail\nŹdźisław;zdzislaw@student.example.edu.pl\n".encode("iso8859_2"))
    first = open_list(qtbot, window, path)
    assert (first.source.encoding, first.source.encoding_alternative) == ("ISO 8859-2", "Windows-1250")
    assert first.value(0, 0) == "Źdźisław"
    dialog = window.list_loading.open_sheet_dialog()
    assert dialog is not None and dialog.encoding_combo is not None and dialog.alternative_button is not None
    assert dialog.encoding_combo.currentData() is None  # found by the app
    assert dialog.alternative_button.text() == "Read it as Windows-1250"
    qtbot.waitSignal(dialog.sheetsLoaded, timeout=TIMEOUT).wait()
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as loaded:
        qtbot.mouseClick(dialog.alternative_button, Qt.MouseButton.LeftButton)
    table = loaded.args[0]
    assert table.source.encoding == "Windows-1250" and not table.source.encoding_detected
    assert table.value(0, 0) == "¬dĽisław"


@pytest.mark.parametrize("name", ["bomb-sharedstrings.xlsx", "bomb-extent.xlsx"])
def test_a_bomb_is_refused_and_the_app_and_the_users_work_survive(
    qtbot: QtBot, window: MainWindow, name: str, tmp_path: Path
) -> None:
    previous = open_list(qtbot, window, FORMATS / "formats-lo.xlsx")
    window.composer.set_template(MessageTemplate("Temat wpisany", "Treść wpisana przez użytkownika"))
    with qtbot.waitSignal(window.loadFailed, timeout=TIMEOUT) as blocker:
        window.list_loading.open_file(FORMATS / name)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    error = blocker.args[0]
    assert isinstance(error, SpreadsheetError) and error.reason == "too_large"
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "too large or damaged" in boxes[0].text()
    boxes[0].close()
    assert window.recipient_pane.table() is previous
    assert window.composer.editor.template().content == "Treść wpisana przez użytkownika"


def test_english_separators_follow_the_english_window(qtbot: QtBot, window: MainWindow) -> None:
    table = open_list(qtbot, window, FORMATS / "formats.ods")
    assert table.source.language == "en"
    kwota = table.find_column("Kwota")
    assert kwota is not None and cell(window, 0, kwota) == "1,234.50"
