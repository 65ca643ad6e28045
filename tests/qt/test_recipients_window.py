"""Loading recipient lists in the main window: Open, drop, recent files, the sheet dialog,
bad files, Cancel, --demo; always in a worker, and the list loaded before stays."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.composer import settle
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import write_csv, write_many, write_students
from tests.helpers.spreadsheets import write_xlsx
from tests.helpers.windows import open_list
from usosmail_gui import app
from usosmail_gui.app import sandbox_launcher
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.recipients import SpreadsheetError
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.ui import workers
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import SPLITTER, app_settings, remember_recent_file

TIMEOUT = 15000


def pool_idle() -> bool:
    return workers.active_task_count() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0


@pytest.fixture
def make_window(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(memory_store[0], restore_last=False)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.mark.usefixtures("english_plurals")
def test_open_shows_the_list_and_the_summary(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.status_bar_part.summary.text() == "No recipients loaded"
    assert not window.sheet_action.isEnabled()
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    students = write_students(tmp_path / "studenci.csv")
    table = open_list(qtbot, window, students)
    assert window.recipient_pane.table() is table
    assert window.recipient_pane.model.rowCount() == 5
    # the list's own verdict at once; the message's once it is checked against every row
    summary = window.status_bar_part.summary
    assert summary.text().startswith("5 recipients · 4 will receive · 1 left out · 1 problem")
    assert window.sheet_action.isEnabled()
    assert not window.recipient_pane.busy_bar.isVisible()
    window.composer.set_template(MessageTemplate(subject="Decyzja", content="Dzień dobry {Imię}"))
    settle(qtbot, window.composer)
    assert window.status_bar_part.summary.text() == "5 recipients · 4 will receive · 1 left out · 1 problem"
    with qtbot.waitSignal(window.recipient_pane.model.summaryChanged):
        window.recipient_pane.model.set_included([2], False)  # the row with the problem
    assert window.status_bar_part.summary.text().endswith(" · checking the message…")
    settle(qtbot, window.composer)
    assert window.status_bar_part.summary.text() == "5 recipients · 4 will receive · 1 left out · 0 problems"


def test_the_open_dialog_filters_spreadsheets_and_loads_the_choice(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    students = write_students(tmp_path / "studenci.csv")
    dialog = window.list_loading.open_file_dialog()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    spreadsheets = dialog.nameFilters()[0]
    for pattern in ("*.xlsx", "*.xlsm", "*.xls", "*.xlsb", "*.ods", "*.csv", "*.tsv", "*.txt"):
        assert pattern in spreadsheets.split("(")[1]
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        dialog.fileSelected.emit(str(students))
        dialog.reject()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("pusty.csv", b"", "empty"),
        ("obraz.csv", bytes(range(256)) * 64, "binary"),
        ("zepsuty.xlsx", None, "damaged"),
    ],
)
def test_a_bad_file_is_explained_and_the_previous_list_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    previous = open_list(qtbot, window, write_students(tmp_path / "studenci.csv"))
    bad = tmp_path / name
    if content is None:  # a real workbook cut in half, as an interrupted download leaves it
        good = write_xlsx(tmp_path / "whole.xlsx", [["E-mail"], ["a@student.example.edu.pl"]])
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
        with pytest.raises(zipfile.BadZipFile):
            zipfile.ZipFile(bad)
    else:
        bad.write_bytes(content)
    with qtbot.waitSignal(window.loadFailed, timeout=TIMEOUT) as blocker:
        window.list_loading.open_file(bad)
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    error = blocker.args[0]
    assert isinstance(error, SpreadsheetError)
    assert error.reason == expected
    boxes = error_boxes()
    assert len(boxes) == 1
    box = boxes[0]
    assert box.text() == str(error)
    assert box.windowTitle() == f"Could not open {name}"
    assert box.informativeText() == "The list opened before stays as it was."
    assert "Traceback" not in box.text()
    box.close()
    assert window.recipient_pane.table() is previous
    assert window.recipient_pane.model.rowCount() == 5
    assert not window.recipient_pane.busy_bar.isVisible()
    assert str(bad) not in window.recent.files.paths()


def test_cancelling_a_load_keeps_the_previous_list(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    previous = open_list(qtbot, window, write_students(tmp_path / "studenci.csv"))
    big = write_many(tmp_path / "duza.csv", 30000)
    pane = window.recipient_pane
    with qtbot.assertNotEmitted(window.recipientsLoaded), qtbot.assertNotEmitted(window.loadFailed):
        window.list_loading.open_file(big)
        assert pane.busy_bar.isVisible() and pane.busy_bar.cancel_button.isEnabled()
        assert pane.busy_bar.busy_label.text() == "Opening duza.csv…"
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() > 0, timeout=TIMEOUT)
        with qtbot.waitSignal(window.loadCancelled):
            qtbot.mouseClick(pane.busy_bar.cancel_button, Qt.MouseButton.LeftButton)
        assert not pane.busy_bar.isVisible()
        qtbot.waitUntil(pool_idle, timeout=TIMEOUT)
    assert window.recipient_pane.table() is previous
    assert (
        window.statusBar().currentMessage() == "Opening duza.csv was cancelled; the list opened before stays."
    )
    assert str(big) not in window.recent.files.paths()


def drop(window: MainWindow, path: Path) -> tuple[bool, bool]:
    """Drag a file over the window and drop it; whether each event was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    dropped = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropping_a_spreadsheet_opens_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "lista.xlsx",
        [["Imię", "E-mail"], ["Anna", "anna@student.example.edu.pl"], ["Jan", "jan@student.example.edu.pl"]],
    )
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as blocker:
        assert drop(window, path) == (True, True)
    assert blocker.args[0].row_count == 2
    assert window.recent.files.paths() == [str(path)]
    notes = tmp_path / "notatki.pdf"
    notes.write_bytes(b"%PDF-1.4")
    with qtbot.assertNotEmitted(window.recipientsLoaded, wait=0):
        assert drop(window, notes) == (False, False)
        assert not window.list_loading.loading


def test_recent_files_newest_first_and_missing_ones_disabled(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    first = write_students(tmp_path / "pierwsza.csv")
    second = write_csv(
        tmp_path / "druga & ostatnia.csv", [["Jan", "Nowak", "Łódź", "jan@student.example.edu.pl"]]
    )
    window = make_window()
    open_list(qtbot, window, first)
    open_list(qtbot, window, second)
    open_list(qtbot, window, first)
    assert window.recent.files.paths() == [str(first), str(second)]
    window.close()

    second.unlink()
    remember_recent_file(app_settings(), str(tmp_path / "gone.csv"))
    window = make_window()  # it checks which recent files still exist, in a worker
    qtbot.waitSignal(window.recentFilesChanged, timeout=TIMEOUT).wait()  # the signal is already on its way
    actions = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in actions] == [str(tmp_path / "gone.csv"), str(first), str(second)]
    gone, present, missing = actions
    assert not gone.isEnabled() and gone.text().endswith("(not found)")
    assert present.isEnabled() and "pierwsza.csv" in present.text()
    assert not missing.isEnabled() and "druga && ostatnia.csv" in missing.text()
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        present.trigger()
    qtbot.waitUntil(lambda: window.recent.files.paths()[0] == str(first), timeout=TIMEOUT)
    with qtbot.waitSignal(window.recentFilesChanged, timeout=TIMEOUT) as blocker:
        window.clear_recent_action.trigger()
    assert blocker.args == [[]]
    assert window.recent.files.paths() == []


def test_sheet_dialog_reloads_with_the_chosen_sheet_and_header_row(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "wydzial.xlsx",
        [["Imię", "E-mail"], ["Anna", "anna@student.example.edu.pl"]],
        sheet="Rok 1",
        after=[
            (
                "Rok 2",
                [
                    ["Lista obecności"],
                    ["Imię", "Nazwisko", "Adres"],
                    ["Jan", "Nowak", "jan@student.example.edu.pl"],
                    ["Ewa", "Zając", "ewa@student.example.edu.pl"],
                ],
            )
        ],
    )
    first = open_list(qtbot, window, path)
    assert first.source.sheet == "Rok 1"
    qtbot.waitSignal(window.recentFilesChanged, timeout=TIMEOUT).wait()  # the signal is already on its way
    dialog = window.list_loading.open_sheet_dialog()
    assert dialog is not None
    blocker = qtbot.waitSignal(dialog.sheetsLoaded, timeout=TIMEOUT)
    blocker.wait()  # the signal is already on its way
    assert [s.name for s in blocker.args[0]] == ["Rok 1", "Rok 2"]
    assert dialog.sheet_combo.currentData() == "Rok 1"
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findData("Rok 2"))
    dialog.detect_header_check.setChecked(False)
    dialog.header_spin.setValue(2)
    dialog.set_email_column_text("C")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as loaded:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    table = loaded.args[0]
    assert table.source.sheet == "Rok 2"
    assert table.source.header_row == 2 and not table.source.header_row_detected
    assert table.email_column_name == "Adres"
    assert table.column_names == ["Imię", "Nazwisko", "Adres"]
    assert window.recipient_pane.table() is table


def test_sheet_dialog_on_a_csv_has_no_sheets(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_list(qtbot, window, write_students(tmp_path / "studenci.csv"))
    dialog = window.list_loading.open_sheet_dialog()
    assert dialog is not None
    blocker = qtbot.waitSignal(dialog.sheetsLoaded, timeout=TIMEOUT)
    blocker.wait()  # the signal is already on its way
    assert blocker.args == [[]]
    assert not dialog.sheet_combo.isEnabled()
    dialog.reject()


def test_demo_option_loads_the_demo_list(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    options = app.parse_args(["--sandbox", "--demo"])
    assert options.demo and options.sandbox
    window, shutdown = app.build_main_window(options, credential_store=memory_store[0])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as blocker:
        window.show()
    table = blocker.args[0]
    assert table.source.path == sandbox_launcher.demo_list_path()
    assert table.row_count == 40
    assert table.column_names == ["Imię", "Nazwisko", "Nr albumu", "E-mail", "Kierunek", "Rok"]
    assert table.value(0, 2).startswith("00")  # leading zeros kept
    codes = {p.code for p in table.all_problems()}
    assert {"email_invalid", "email_missing", "email_duplicate", "email_multiple"} <= codes
    assert sum("@fail.example.com" in table.value(r, 3) for r in range(table.row_count)) >= 2
    assert window.recent.files.paths() == []  # the demo is not one of the user's files
    window.close()
    qtbot.waitUntil(pool_idle, timeout=TIMEOUT)
    shutdown()


def test_closing_while_loading_leaves_no_worker_and_remembers_the_splitter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    big = write_many(tmp_path / "duza.csv", 30000)
    window.resize(760, 500)  # within the offscreen screen (800 x 600): restoreGeometry keeps it
    window.splitter.setSizes([500, 250])
    sizes = window.splitter.sizes()
    with qtbot.assertNotEmitted(window.recipientsLoaded):
        window.list_loading.open_file(big)
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() > 0, timeout=TIMEOUT)
        window.close()
        qtbot.waitUntil(pool_idle, timeout=TIMEOUT)
    assert window.recipient_pane.table() is None
    assert app_settings().value(SPLITTER.key) is not None
    again = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == sizes
