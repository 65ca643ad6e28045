"""ui/window/actions.py: every action declared once; the menus and the toolbar are built from
that table, and the frequent actions have their shortcuts, shown in the menus."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.window.actions import ACTIONS, MENUS, TOOLBAR


def test_each_action_of_the_table_is_the_windows_and_in_one_menu(window: MainWindow) -> None:
    names = [spec.name for spec in ACTIONS]
    assert len(names) == len(set(names))
    in_menus = [entry for _key, _title, entries in MENUS for entry in entries if entry[0] not in "-@"]
    assert sorted(in_menus) == sorted(set(in_menus))  # none twice
    for spec in ACTIONS:
        action = getattr(window, f"{spec.name}_action")
        assert isinstance(action, QAction) and action is window.actions_by_name[spec.name]
    for key, _title, entries in MENUS:
        menu = getattr(window, f"{key}_menu")
        for entry in entries:
            if entry[0] not in "-@":
                assert window.actions_by_name[entry] in menu.actions(), (key, entry)


def test_the_toolbar_holds_the_tables_toolbar_actions_with_their_keys_in_the_tip(window: MainWindow) -> None:
    shown = window.layout_part.toolbar.actions()
    expected = [window.composer.save_action if n == "@save" else window.actions_by_name[n] for n in TOOLBAR]
    assert shown == expected
    assert window.send_test_action.toolTip().endswith("(Ctrl+T)")
    assert window.send_action.icon().isNull() is False


def test_send_answers_to_both_return_and_enter(window: MainWindow) -> None:
    keys = [key.toString() for key in window.send_action.shortcuts()]
    assert keys == ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"]


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
