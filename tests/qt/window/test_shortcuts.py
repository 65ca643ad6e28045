"""ui/window/shortcuts.py: Help ▸ Keyboard shortcuts lists every key of the menus (built from
the menu bar), and the user guides' shortcut tables say the keys the menus show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.window.shortcuts import ShortcutsDialog, menu_shortcuts


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


GUIDES = Path(__file__).resolve().parents[3] / "docs"


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
