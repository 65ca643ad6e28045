"""Every control of the main window (with its welcome page, toolbar and docks) and of each
dialog it opens has an accessible name; controls whose purpose is not obvious, and the
lists' column headers, have tooltips.

Names are read as a screen reader gets them, through Qt's accessibility bridge:
``QAccessible.queryAccessibleInterface(widget).text(Name)``. That works offscreen (the
interface exists whether or not an assistive technology listens), so a name counts
whether it was set with ``setAccessibleName``, comes from the control's own text or from
a buddy label. One exception: on Linux Qt gives a combo box's *current item* as its name
(the label reaches AT-SPI as a relation), so for combo boxes the explicit accessible name
or a buddy label is what is checked.

What is skipped is Qt's own part of a composite widget (a spin box's editor, a combo box's
list, scroll bars, the table corner button, a line edit's clear button, a dock's title
buttons, a tab bar's scroll arrows, the tool bar's overflow button): Qt names or announces
those itself, by role.
Item views' headers are checked through the model: each column has a name
(AccessibleTextRole, else DisplayRole).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.helpers.campaigns import new_campaign
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import write_students
from tests.helpers.tables import demo_rows
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.connection_dialog import ConnectionDialog
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.send_dialog import SendDialog

TIMEOUT = 20000
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)
# composite widgets whose inner controls are Qt's (QLineEdit: its clear button; QTabBar,
# e.g. of the docks tabified below the work area: its scroll arrows)
_COMPOSITES = (QAbstractSpinBox, QComboBox, QLineEdit, QFileDialog, QMessageBox, QTabBar)

pytestmark = pytest.mark.usefixtures("english_plurals")


# --- what is checked -----------------------------------------------------------------------------


def describe(widget: QWidget) -> str:
    chain: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(chain) < 4:
        chain.append(f"{type(current).__name__}({current.objectName()!r})")
        current = current.parentWidget()
    return " < ".join(chain)


def is_qt_part(widget: QWidget, root: QWidget) -> bool:
    """A part Qt itself puts inside a composite widget (see the module docstring)."""
    if isinstance(widget, QScrollBar | QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> Iterable[QWidget]:
    """The interactive widgets under ``root``, shown or hidden (a hidden one may show later)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, INTERACTIVE) and not is_qt_part(widget, root):
            yield widget


def buddy_text(widget: QWidget) -> str:
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip()
    return ""


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"no accessible interface for {describe(widget)}"
    if isinstance(widget, QComboBox):  # Qt on Linux names a combo box by its current item
        return widget.accessibleName().strip() or buddy_text(widget)
    return interface.text(QAccessible.Text.Name).strip()


def header_name(model: QAbstractItemModel, section: int, role: Qt.ItemDataRole) -> str:
    value = model.headerData(section, Qt.Orientation.Horizontal, role)
    return str(value).strip() if value else ""


def views_with_headers(root: QWidget) -> Iterator[tuple[QAbstractItemView, QAbstractItemModel]]:
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView | QListView) or is_qt_part(view, root):
            continue  # (a list has one column: the view's own name says what it holds)
        model = view.model()
        if model is not None and model.columnCount() > 1:
            yield view, model


def unnamed(root: QWidget) -> list[str]:
    """Controls without a name, and columns without one."""
    missing = [describe(w) for w in controls(root) if not accessible_name(w)]
    for view, model in views_with_headers(root):
        for section in range(model.columnCount()):
            if not (
                header_name(model, section, Qt.ItemDataRole.AccessibleTextRole)
                or header_name(model, section, Qt.ItemDataRole.DisplayRole)
            ):
                missing.append(f"{describe(view)}: column {section}")
    return missing


def without_tooltip(root: QWidget) -> list[str]:
    """Tool buttons (toolbar and others), buttons with no text (icon only) and check boxes
    without a tooltip."""
    missing = []
    for widget in controls(root):
        if not isinstance(widget, QAbstractButton) or widget.toolTip().strip():
            continue
        if isinstance(widget, QToolButton | QCheckBox) or not widget.text().strip():
            missing.append(f"{describe(widget)} {widget.text()!r}")
    return missing


def headers_without_tooltip(view: QAbstractItemView) -> list[str]:
    model = view.model()
    assert model is not None and model.columnCount() > 1, describe(view)
    return [
        f"{describe(view)}: column {section} {header_name(model, section, Qt.ItemDataRole.DisplayRole)!r}"
        for section in range(model.columnCount())
        if not header_name(model, section, Qt.ItemDataRole.ToolTipRole)
    ]


def audit(found: dict[str, list[str]], name: str, root: QWidget) -> None:
    assert len(list(controls(root))) > 1, f"{name}: nothing to check?"
    problems = [f"no name: {line}" for line in unnamed(root)]
    problems += [f"no tooltip: {line}" for line in without_tooltip(root)]
    if problems:
        found[name] = problems


# --- the windows ---------------------------------------------------------------------------------


@pytest.fixture
def make_window(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> Callable[[Sandbox], MainWindow]:
    """As ``make_connected_window``, with interrupted campaigns offered at start."""

    def make(sb: Sandbox) -> MainWindow:
        connection = ActiveConnection(
            sb.url, Credentials(sb.admin_key, sb.admin_secret), name="Local sandbox", sandbox=True
        )
        window = MainWindow(memory_store[0], connection=connection, restore_last=False, offer_resume=True)
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        return window

    return make


def test_every_control_of_the_window_and_its_dialogs_is_named(
    qtbot: QtBot,
    make_window: Callable[[Sandbox], MainWindow],
    make_sandbox: Callable[..., Sandbox],
    memory_store: tuple[CredentialStore, MemoryKeyring],
    tmp_path: Path,
) -> None:
    sb = make_sandbox()
    with Journal.open() as journal:  # never sent: offered for resuming at start
        new_campaign(journal, sb.url, sb.admin_key, demo_rows(3))
    found: dict[str, list[str]] = {}

    window = make_window(sb)
    qtbot.waitUntil(lambda: window.resume_flow.dialog is not None, timeout=TIMEOUT)
    resume = window.resume_flow.dialog
    assert resume is not None
    audit(found, "resume dialog", resume)
    resume.later_button.click()

    audit(found, "main window with its welcome page", window)
    assert window.findChildren(QToolBar)
    assert window.findChildren(QDockWidget)

    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(write_students(tmp_path / "studenci.csv"))
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    window.composer.set_template(MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię}."))
    audit(found, "main window with a list", window)
    header_tips = headers_without_tooltip(window.recipient_pane.view)
    header_tips += headers_without_tooltip(window.composer.problems.view)
    header_tips += headers_without_tooltip(window.status_dock.table)

    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: len(history.rows) == 1, timeout=TIMEOUT)
    audit(found, "campaign history", history)
    header_tips += headers_without_tooltip(history.table)
    history.close()

    sheet = window.list_loading.open_sheet_dialog()
    assert sheet is not None
    qtbot.waitSignal(sheet.sheetsLoaded, timeout=TIMEOUT).wait()  # the signal is already on its way
    audit(found, "sheet dialog", sheet)
    sheet.reject()

    connection = ConnectionDialog(memory_store[0])
    qtbot.addWidget(connection)
    with qtbot.waitSignal(connection.installationsLoaded, timeout=TIMEOUT):
        connection.show()
    audit(found, "connection dialog", connection)
    connection.reject()

    window.send_test_action.trigger()  # first time: asks for the address
    address = window.send_flow.address_dialog
    assert address is not None and address.isVisible()
    audit(found, "test address dialog", address)
    address.done(QDialog.DialogCode.Rejected)

    window.send_action.trigger()
    send = window.send_flow.dialog
    assert isinstance(send, SendDialog)
    qtbot.waitUntil(lambda: send.draft() is not None and not send.preparing, timeout=TIMEOUT)
    audit(found, "send dialog", send)
    send.confirm_box.click()
    with qtbot.waitSignal(window.sendFinished, timeout=TIMEOUT) as sent:
        send.send_button.click()
    assert isinstance(sent.args[0], SendOutcome)
    progress = window.send_flow.progress_dialog
    assert progress is not None
    audit(found, "send progress dialog", progress)
    audit(found, "main window after sending", window)  # statuses in the dock and the grid
    header_tips += headers_without_tooltip(window.recipient_pane.view)
    qtbot.waitUntil(lambda: not window.status_poller.busy, timeout=TIMEOUT)

    assert found == {}
    assert header_tips == []
