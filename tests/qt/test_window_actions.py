"""ui/window/actions.py: every action declared once; the menus, the toolbar and the Help ▸
Keyboard shortcuts list are built from that table."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.window.actions import ACTIONS, MENUS, TOOLBAR
from usosmail_gui.ui.window.shortcuts import ShortcutsDialog, menu_shortcuts


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


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


def test_the_shortcuts_list_has_every_key_of_the_menus(qtbot: QtBot, window: MainWindow) -> None:
    groups = dict(menu_shortcuts(window.menuBar()))
    assert ("Send test to me…", "Ctrl+T") in groups["Send"]
    assert ("Campaigns…", "Ctrl+H") in groups["Send"]
    assert any(text == "Undo" for text, _keys in groups["Edit"])  # the Edit menu's too
    window.shortcuts_action.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    tree = dialog.tree
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [t.text(0) for t in tops if isinstance(t, QTreeWidgetItem)] == list(groups)
    dialog.close()
