"""ui/window/layout.py: the toolbar and its icons (sharp at any pixel ratio, following a dark
palette), View ▸ Language, and the layout (splitters, docks, toolbar) remembered across
starts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import LANGUAGE, app_settings


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
