"""Help ▸ Keyboard shortcuts: the keys of every action the menus hold, grouped by menu.

Built from the menu bar as it is (the action table's actions, the Edit menu, the
composer's template actions), so it never lists a key the window does not have.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .actions import shortcut_text

__all__ = ["ShortcutsDialog", "menu_shortcuts"]


def _plain(text: str) -> str:
    """A menu text without its mnemonic ("&Open…" → "Open…", "&&" → "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu, [(action, keys)]) for each menu of ``bar`` with at least one key, in order."""
    found: list[tuple[str, list[tuple[str, str]]]] = []
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        rows: list[tuple[str, str]] = []
        pending: list[QAction] = list(menu.actions())
        while pending:
            action = pending.pop(0)
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                pending[:0] = submenu.actions()
            elif not action.isSeparator() and not action.shortcut().isEmpty():
                rows.append((_plain(action.text()), shortcut_text(action)))
        if rows:
            found.append((_plain(top.text()), rows))
    return found


class ShortcutsDialog(QDialog):
    """The list, one group per menu: what each key does."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self._bar = bar
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsTree")
        self.tree.setColumnCount(2)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(False)
        self.retranslate()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def retranslate(self) -> None:
        """The list again, from the menus as they are now (another language: their texts)."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.clear()
        for menu, rows in menu_shortcuts(self._bar):
            group = QTreeWidgetItem(self.tree, [menu])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for text, keys in rows:
                QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
