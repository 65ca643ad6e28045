"""The first layout (nothing saved) on a 1366×768 laptop, in Polish and in English: the
window fits the screen, the list shows its Send, Problems, E-mail and Status columns
without scrolling, every label and short placeholder is whole (widths from the
translated texts), text fields show the start of their text; layouts saved by earlier
versions still restore (issue 14, item 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.windows import open_list
from usosmail_gui.app.sandbox_launcher import demo_list_path, demo_template_path
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.statuses import RecipientStatusView, Status
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.recipients_model import COLUMN_INCLUDE, COLUMN_PROBLEMS, FIRST_DATA_COLUMN
from usosmail_gui.ui.text_fields import text_width
from usosmail_gui.ui.window.first_size import first_size

TIMEOUT = 15000
# 1366×768 less a 40-pixel panel or task bar: what the window may take
LAPTOP = QSize(1366, 768 - 40)


@pytest.fixture(params=["en", "pl"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> str:
    if request.param == "pl":
        request.getfixturevalue("polish")
    else:
        request.getfixturevalue("english_plurals")
    return str(request.param)


def first_window(qtbot: QtBot, size: QSize) -> MainWindow:
    """A window on fresh settings, built as the app builds it (frame first, then the work
    area) at ``size``, with the demo list, its sample letter and a status in each row."""
    window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False, deferred=True)
    qtbot.addWidget(window)
    window.resize(size)
    with qtbot.waitSignal(window.workAreaReady, timeout=TIMEOUT):
        window.show()
    return window


def load_demo(qtbot: QtBot, window: MainWindow, language: str) -> None:
    table = open_list(qtbot, window, demo_list_path())
    with qtbot.waitSignal(window.composer.templateChanged, timeout=TIMEOUT):
        window.composer.open_template(demo_template_path(language), as_new=True)
    statuses = {}
    for row in range(table.row_count):
        number = table.row_number(row)
        statuses[number] = RecipientStatusView(
            row=number, addresses=("a@example.edu.pl",), values={}, message_id=f"m{row}",
            status=Status.UNCERTAIN if row % 2 else Status.WAITING, error=None,
            enqueued_at=None, finished_at=None,
        )  # fmt: skip
    window.recipient_pane.model.set_statuses(statuses)
    qtbot.waitUntil(lambda: window.recipient_pane.model.status_column() >= 0, timeout=TIMEOUT)


def cut_labels(root: QWidget) -> list[str]:
    """The shown one-line labels under ``root`` whose text does not fit them."""
    cut = []
    for label in root.findChildren(QLabel):
        text = label.text().replace("&", "")
        if not label.isVisibleTo(root) or not text or label.wordWrap() or text.startswith("<"):
            continue
        if label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width():
            cut.append(text)
    return cut


def test_the_first_size_fits_the_screen_it_is_made_for() -> None:
    for available in (LAPTOP, QSize(1440, 900 - 40), QSize(1920, 1080 - 40), QSize(1024, 600)):
        size = first_size(available)
        assert size.width() <= available.width() and size.height() <= available.height()
        assert size.width() >= min(available.width(), 1920) - 16  # not a small window in a corner
    assert first_size(LAPTOP) == QSize(1350, 680)


def test_the_first_layout_fits_a_laptop_with_the_columns_that_matter_in_sight(
    qtbot: QtBot, language: str
) -> None:
    size = first_size(LAPTOP)
    window = first_window(qtbot, size)
    load_demo(qtbot, window, language)
    qtbot.wait(50)  # the layouts' own queued events
    assert window.width() <= LAPTOP.width() and window.height() <= LAPTOP.height()  # minimums did not grow it
    pane = window.recipient_pane
    view, model = pane.view, pane.model
    table = pane.table()
    assert table is not None and table.email_column is not None
    header = view.horizontalHeader()
    assert view.horizontalScrollBar().value() == 0
    email, status = FIRST_DATA_COLUMN + table.email_column, model.status_column()
    for column in (COLUMN_INCLUDE, COLUMN_PROBLEMS, email, status):
        left = header.sectionViewportPosition(column)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert left >= 0 and left + header.sectionSize(column) <= view.viewport().width(), (language, title)
    # the Problems column shows "Invalid address" / "Nieprawidłowy adres" whole
    invalid = next(
        r for r in range(model.rowCount()) if "pawel.zielinski" in str(model.index(r, email).data())
    )
    icon = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    shown = str(model.index(invalid, COLUMN_PROBLEMS).data())
    assert shown in model.problem_labels()
    assert icon + view.fontMetrics().horizontalAdvance(shown) < header.sectionSize(COLUMN_PROBLEMS)
    status_text = str(model.index(0, status).data())
    assert icon + view.fontMetrics().horizontalAdvance(status_text) < header.sectionSize(status)
    # the composer: labels whole, short placeholders whole, the sender's name whole
    for root in (window.recipient_pane, window.composer, window.problems_dock):
        assert cut_labels(root) == [], language
    editor = window.composer.editor
    summary = editor.summary_edit
    assert summary.width() >= text_width(summary, summary.placeholderText())
    name = editor.from_name_edit
    assert name.text() and name.width() >= text_width(name, name.text())
    assert name.cursorPosition() == 0


def test_text_fields_show_the_start_of_a_text_set_by_the_program(qtbot: QtBot) -> None:
    window = first_window(qtbot, first_size(LAPTOP))
    editor = window.composer.editor
    editor.set_template(
        MessageTemplate(
            subject="Terminy egzaminów",
            content="…",
            from_name="Dziekanat Wydziału Matematyki, Informatyki i Mechaniki",
            from_email="dziekanat.wydzialu.matematyki@uni.example.edu.pl",
            send_summary_to="kierownik.dziekanatu.wydzialu@uni.example.edu.pl",
        )
    )
    for edit in (editor.from_name_edit, editor.from_email_edit, editor.summary_edit):
        assert edit.cursorPosition() == 0 and not edit.hasSelectedText(), edit.accessibleName()


def test_the_sender_fields_take_one_column_when_two_do_not_fit(qtbot: QtBot, language: str) -> None:
    window = first_window(qtbot, first_size(LAPTOP))
    fields = window.composer.editor.sender_fields
    assert fields.columns == (2 if fields.width() >= fields.two_column_width() else 1)
    window.resize(first_size(QSize(2560, 1400)))
    window.composer_splitter.setSizes([1200, 600])
    qtbot.waitUntil(lambda: fields.columns == 2, timeout=TIMEOUT)
    assert fields.minimumSizeHint().width() == fields.one_column_width()  # never holds the window wide
    window.resize(first_size(LAPTOP))
    window.composer_splitter.setSizes([1, 2000])
    qtbot.waitUntil(lambda: fields.columns == 1, timeout=TIMEOUT)
    qtbot.wait(20)
    assert cut_labels(fields) == []


def test_the_statuses_dock_shares_the_bottom_with_problems_and_is_remembered(qtbot: QtBot) -> None:
    window = first_window(qtbot, first_size(LAPTOP))
    problems, statuses = window.problems_dock, window.status_dock
    window.statuses.show_campaign("no-such-campaign", track=False)
    qtbot.waitUntil(lambda: window.tabifiedDockWidgets(problems) == [statuses], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not statuses.visibleRegion().isEmpty(), timeout=TIMEOUT)
    assert statuses.width() >= window.width() * 9 // 10  # the whole width, not a corner
    assert statuses.height() >= window.height() // 5
    window.close()
    again = first_window(qtbot, first_size(LAPTOP))
    qtbot.waitUntil(lambda: again.tabifiedDockWidgets(again.problems_dock) == [again.status_dock])
    assert again.status_dock.isVisibleTo(again)


def test_a_layout_saved_by_an_earlier_version_is_restored(qtbot: QtBot) -> None:
    """Earlier versions kept the Statuses dock beside Problems, not as its tab: their saved
    state (same object names, same settings keys) still restores as it was."""
    window = first_window(qtbot, first_size(LAPTOP))
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.status_dock)  # untabified
    window.splitDockWidget(window.problems_dock, window.status_dock, Qt.Orientation.Horizontal)
    window.status_dock.show()
    window.splitter.setSizes([window.width() - 800, 800])  # the list narrower than the first layout's
    qtbot.wait(20)
    saved = window.splitter.sizes()[0]
    window.close()
    assert {"window/geometry", "window/state", "window/splitter"} <= set(QSettings().allKeys())
    again = first_window(qtbot, first_size(LAPTOP))
    assert again.tabifiedDockWidgets(again.problems_dock) == []
    assert again.status_dock.isVisibleTo(again)
    assert abs(again.splitter.sizes()[0] - saved) <= 2

