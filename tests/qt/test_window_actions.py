"""ui/window/actions.py: every action declared once; the menus, the toolbar and the Help ▸
Keyboard shortcuts list are built from that table."""

from __future__ import annotations

import re
from pathlib import Path

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


GUIDES = Path(__file__).resolve().parents[2] / "docs"


def documented_shortcuts(guide: Path) -> list[tuple[str, str, str]]:
    """(key, menu, item) of each row of a user guide's shortcut table naming an English
    menu path ("| Ctrl+T | Send ▸ Send test to me… |"; the Polish guide's third column)."""
    rows = []
    for line in guide.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not re.fullmatch(r"(Ctrl\+|Shift\+|Alt\+)*\w+", cells[0]):
            continue
        path = next((cell for cell in reversed(cells[1:]) if "▸" in cell), None)
        if path is None:
            continue
        menu, item = (part.strip() for part in re.sub(r"\s*\(.*\)$", "", path).split("▸"))
        rows.append((cells[0], menu, item))
    return rows


@pytest.mark.parametrize("guide", ["user-guide.en.md", "user-guide.pl.md"])
def test_the_guides_shortcuts_are_the_ones_the_menus_show(window: MainWindow, guide: str) -> None:
    documented = documented_shortcuts(GUIDES / guide)
    assert len(documented) >= 9
    groups = {menu: dict(rows) for menu, rows in menu_shortcuts(window.menuBar())}
    for key, menu, item in documented:
        keys = groups[menu][item].split("; ")  # as Help ▸ Keyboard shortcuts lists them
        assert keys[0] == key, (guide, item, keys)  # the key the menu shows, written the same


def test_send_answers_to_both_return_and_enter(window: MainWindow) -> None:
    keys = [key.toString() for key in window.send_action.shortcuts()]
    assert keys == ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"]
