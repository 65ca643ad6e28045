"""The main window as a desktop program: grid | editor | preview side by side, the
problems and statuses docks, menus with shortcuts, the toolbar and its icons, the Edit and
View menus, files dropped anywhere, and everything remembered across starts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import write_students
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.template import MessageTemplate, save_template
from usosmail_gui.ui import icons
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import LANGUAGE, app_settings

TIMEOUT = 15000


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[[], MainWindow]:
    """Windows over the test's own QSettings (each new one reads what the last one saved)."""

    def make() -> MainWindow:
        window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
        qtbot.addWidget(window)
        window.resize(760, 540)  # within the offscreen screen, so restoreGeometry keeps it
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def left_of(first: QWidget, second: QWidget, window: MainWindow) -> bool:
    a = first.mapTo(window, QPoint(0, 0))
    b = second.mapTo(window, QPoint(0, 0))
    return a.x() + first.width() <= b.x()


def all_menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found.extend(all_menu_actions(action.menu()))
    return found


def menu_bar_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []
    for top in window.menuBar().actions():
        if top.menu() is not None:
            found.extend(all_menu_actions(top.menu()))
    return found


def test_grid_editor_and_preview_side_by_side_with_docks_below(window: MainWindow) -> None:
    composer = window.composer
    assert window.splitter.orientation() == Qt.Orientation.Horizontal
    assert window.composer_splitter.orientation() == Qt.Orientation.Horizontal
    assert [window.splitter.widget(i) for i in range(window.splitter.count())] == [
        window.recipient_pane,
        composer,
    ]
    assert window.composer_splitter.widget(0) is composer.editor
    assert window.composer_splitter.widget(1) is composer.preview
    for widget in (window.recipient_pane, composer.editor, composer.preview):
        assert widget.isVisible() and widget.width() > 100
    assert left_of(window.recipient_pane, composer.editor, window)
    assert left_of(composer.editor, composer.preview, window)
    dock = window.problems_dock
    assert dock.objectName() == "problemsDock" and dock.windowTitle() == "Problems"
    assert dock.widget() is composer.problems and composer.problems.isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(window.status_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.status_dock.objectName() == "statusDock"
    top_of_dock = dock.mapTo(window, QPoint(0, 0)).y()
    assert composer.editor.mapTo(window, QPoint(0, 0)).y() + composer.editor.height() <= top_of_dock
    window.statuses.show_campaign("no-such-campaign", track=False)
    assert window.status_dock.isVisible() and dock.isVisible()


def test_frequent_actions_have_shortcuts_shown_in_menus(window: MainWindow) -> None:
    in_menus = menu_bar_actions(window)
    expected = {
        "Ctrl+O": window.open_action,
        "Ctrl+S": window.composer.save_action,
        "Ctrl+T": window.send_test_action,
        "Ctrl+Shift+Return": window.send_action,
        "F5": window.refresh_statuses_action,
        "Ctrl+F": window.recipient_pane.find_action,
        "Ctrl+Z": window.edit_actions.undo,
    }
    for shortcut, action in expected.items():
        assert action in in_menus, action.text()
        assert action.shortcut().toString() == shortcut
    edit = all_menu_actions(window.edit_menu)
    for action in (
        window.edit_actions.undo,
        window.edit_actions.redo,
        window.edit_actions.cut,
        window.edit_actions.copy,
        window.edit_actions.paste,
        window.recipient_pane.find_action,
    ):
        assert action in edit
    assert window.welcome_action in in_menus


def test_toolbar_holds_the_frequent_actions_with_tooltips_and_names(window: MainWindow) -> None:
    bar = window.layout_part.toolbar
    assert bar.objectName() == "mainToolBar" and bar.isMovable() and bar.isVisible()
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert [a for a in bar.actions() if not a.isSeparator()] == [
        window.open_action,
        window.composer.save_action,
        window.send_test_action,
        window.send_action,
        window.refresh_statuses_action,
    ]
    for action in bar.actions():
        shortcut = action.shortcut().toString()
        assert action.toolTip().endswith(f"({shortcut})"), action.toolTip()
        button = bar.widgetForAction(action)
        assert isinstance(button, QToolButton) and button.accessibleName()
    window.layout_part.toolbar_text.trigger()
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_icons_are_sharp_at_double_pixel_ratio(window: MainWindow) -> None:
    actions = (
        window.open_action,
        window.composer.save_action,
        window.send_test_action,
        window.send_action,
        window.refresh_statuses_action,
        window.recipient_pane.find_action,
        window.history_action,
    )
    for action in actions:
        icon = action.icon()
        assert not icon.isNull(), action.text()
        pixmap = icon.pixmap(QSize(24, 24), 2.0)
        assert (pixmap.width(), pixmap.height()) == (48, 48), action.text()
        assert pixmap.devicePixelRatio() == 2.0


def test_svg_icons_come_in_light_and_dark_variants(qapp: QApplication) -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    assert not icons.is_dark(light) and icons.is_dark(dark)
    stroke = re.compile(r'stroke="(#[0-9a-f]{6})"')
    for name in icons.ICONS:
        on_light = icons.icon_path(name).read_text(encoding="utf-8")
        on_dark = icons.icon_path(name, dark=True).read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in on_light and "currentColor" not in on_light
        colours_light, colours_dark = set(stroke.findall(on_light)), set(stroke.findall(on_dark))
        assert len(colours_light) == len(colours_dark) == 1
        assert QColor(colours_light.pop()).lightness() < 100 < 180 < QColor(colours_dark.pop()).lightness()
        assert stroke.sub("", on_light) == stroke.sub("", on_dark)  # the same drawing
        rendered = icons.icon(name, dark).pixmap(QSize(32, 32), 1.5)
        assert (rendered.width(), rendered.height()) == (48, 48)


def mean_lightness(action: QAction) -> float:
    image = action.icon().pixmap(QSize(24, 24), 1.0).toImage()
    opaque = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert opaque
    return sum(colour.lightness() for colour in opaque) / len(opaque)


def test_icons_follow_a_dark_palette(window: MainWindow) -> None:
    action = window.send_test_action  # always our SVG (no theme name)
    assert mean_lightness(action) < 100
    dark = QPalette(window.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    window.setPalette(dark)
    assert mean_lightness(action) > 180


def test_edit_menu_undoes_and_copies_in_the_focused_field(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    subject = window.composer.editor.subject_edit
    subject.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is subject, timeout=TIMEOUT)
    qtbot.keyClicks(subject, "Hello")
    qtbot.waitUntil(window.edit_actions.undo.isEnabled, timeout=TIMEOUT)
    assert not window.edit_actions.copy.isEnabled()
    subject.selectAll()
    qtbot.waitUntil(window.edit_actions.copy.isEnabled, timeout=TIMEOUT)
    window.edit_actions.copy.trigger()
    assert QApplication.clipboard().text() == "Hello"
    window.edit_actions.undo.trigger()
    assert subject.toPlainText() == ""
    assert window.edit_actions.redo.isEnabled()
    window.edit_actions.redo.trigger()
    assert subject.toPlainText() == "Hello"
    problems = window.composer.problems.view
    problems.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is problems, timeout=TIMEOUT)
    assert not window.edit_actions.paste.isEnabled()
    assert not window.edit_actions.undo.isEnabled()


@pytest.mark.usefixtures("restore_translators")
def test_language_menu_stores_the_choice_for_the_next_start(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.layout_part.language_menu.actions()
    assert [a.data() for a in actions] == ["", "pl", "en"]
    assert window.layout_part.language_group.isExclusive()
    assert [a.isChecked() for a in actions] == [True, False, False]
    actions[1].trigger()
    assert app_settings().value(LANGUAGE.key) == "pl"
    assert [a.isChecked() for a in actions] == [False, True, False]
    assert window.message_box is None  # it applies at once (test_language_switch.py): nothing to say
    again = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(again)
    assert [a.isChecked() for a in again.layout_part.language_menu.actions()] == [False, True, False]


def send_drop(target: QWidget, *paths: Path) -> tuple[bool, bool]:
    """A drag of these real files entering ``target`` and dropped there; whether each
    event was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = target.rect().center()
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_template_dropped_on_the_window_opens_in_the_composer(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "list.usosmail"
    save_template(path, MessageTemplate(subject="Dropped", content="Body"))
    with qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT) as blocker:
        assert send_drop(window, path) == (True, True)
    assert blocker.args == [path]
    assert window.composer.template().subject == "Dropped"


def test_files_dropped_on_a_text_field_open_instead_of_being_pasted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    content = window.composer.editor.content_edit
    window.composer.set_template(MessageTemplate(subject="S", content="Keep me"))
    students = write_students(tmp_path / "students.csv")
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as loaded:
        assert send_drop(content.viewport(), students) == (True, True)
    assert loaded.args[0].source.path == students
    assert content.toPlainText() == "Keep me"
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        assert send_drop(window.composer.editor.from_name_edit, students) == (True, True)
    assert window.composer.editor.from_name_edit.text() == ""

    template = tmp_path / "letter.usosmail"
    save_template(template, MessageTemplate(subject="From the drop", content="Dear {Imię}"))
    other = tmp_path / "other.csv"
    other.write_bytes(students.read_bytes())
    with (
        qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as loaded,
        qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT),
    ):
        assert send_drop(content.viewport(), other, template) == (True, True)
    assert loaded.args[0].source.path == other
    assert window.composer.template().content == "Dear {Imię}"


def test_unsaved_template_is_offered_to_be_saved_before_a_dropped_one_opens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.composer.set_template(MessageTemplate(subject="Unsaved", content="x"), modified=True)
    path = tmp_path / "other.usosmail"
    save_template(path, MessageTemplate(subject="Other", content="y"))
    assert send_drop(window, path) == (True, True)
    box = window.composer.message_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    with qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Discard).click()
    assert window.composer.template().subject == "Other"


def test_layout_is_restored_in_the_next_window(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    first = make_window()
    first.splitter.setSizes([300, 450])
    first.composer_splitter.setSizes([150, 290])
    outer, inner = first.splitter.sizes(), first.composer_splitter.sizes()
    first.problems_dock.hide()
    first.statuses.show_campaign("no-such-campaign", track=False)
    first.layout_part.toolbar_text.trigger()
    first.close()
    settings = app_settings()
    for key in ("window/state", "window/splitter", "window/composer_splitter", "window/geometry"):
        assert settings.value(key) is not None, key

    second = make_window()
    assert second.splitter.sizes() == outer
    assert second.composer_splitter.sizes() == inner
    assert not second.problems_dock.isVisible() and not second.layout_part.problems_toggle.isChecked()
    assert second.status_dock.isVisible()
    assert second.layout_part.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert second.layout_part.toolbar_text.isChecked()
    second.layout_part.problems_toggle.trigger()
    assert second.problems_dock.isVisible()


def test_recent_templates_are_remembered(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    first = make_window()
    first.composer.set_template(MessageTemplate(subject="Saved", content="Text"))
    path = tmp_path / "saved.usosmail"
    with qtbot.waitSignal(first.recentTemplatesChanged, timeout=TIMEOUT) as blocker:
        first.composer.save_as(path)
    assert blocker.args == [[str(path)]]
    first.close()

    second = make_window()
    qtbot.waitUntil(lambda: second.recent.templates.paths() == [str(path)], timeout=TIMEOUT)
    menu = second.recent.templates_menu
    assert menu in [a.menu() for a in second.file_menu.actions()]
    entry = next(a for a in menu.actions() if a.data() == str(path))
    qtbot.waitUntil(entry.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(second.composer.fileChanged, timeout=TIMEOUT):
        entry.trigger()
    assert second.composer.template().subject == "Saved"
    second.recent.clear_templates_action.trigger()
    assert second.recent.templates.paths() == []
