"""Help ▸ User Guide: the guide shipped with the package, in the window's language, shown
inside the app (nothing is fetched from anywhere); its links to the other shipped pages
open there too, and only a click on a web link leaves for the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.user_guide import UserGuideWindow, guide_path

TIMEOUT = 15000
PACKAGE = Path(__file__).resolve().parents[2] / "usosmail_gui"


def test_the_guide_is_the_packages_file_in_each_language() -> None:
    for language in ("pl", "en"):
        path = guide_path(language)
        assert path == PACKAGE / "resources" / "guide" / f"user-guide.{language}.md"
        repo = PACKAGE.parent / "docs" / path.name
        shipped, written = path.read_text(encoding="utf-8"), repo.read_text(encoding="utf-8")
        assert shipped.splitlines()[0] == written.splitlines()[0]  # (make package-data copies it)


def test_help_opens_the_guide_in_the_window_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(window)
    window.show()
    help_items = [action.text().replace("&", "") for action in window.help_menu.actions()]
    assert "User Guide" in help_items
    assert window.user_guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)

    window.user_guide_action.trigger()
    guide = window.findChild(UserGuideWindow)
    assert guide is not None
    qtbot.waitUntil(guide.isVisible, timeout=TIMEOUT)
    assert guide.browser.source() == QUrl.fromLocalFile(str(guide_path("en")))
    assert "user guide for dean's-office staff" in guide.browser.toPlainText()
    assert guide.browser.document().find("Ctrl+Shift+Return").position() >= 0  # its table is there

    guide.open_link(QUrl("troubleshooting.md"))  # relative: the shipped page beside it
    assert guide.browser.source().fileName() == "troubleshooting.md"
    assert opened == []  # nothing left the app
    guide.open_link(QUrl("https://usosapps.example.edu.pl/developers/"))
    assert opened == [QUrl("https://usosapps.example.edu.pl/developers/")]
    guide.close()

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    try:
        window.user_guide_action.trigger()
        qtbot.waitUntil(lambda: guide_in(window, "pl"), timeout=TIMEOUT)
    finally:
        QLocale.setDefault(previous)


def guide_in(window: MainWindow, language: str) -> bool:
    return any(
        guide.isVisible() and guide.browser.source() == QUrl.fromLocalFile(str(guide_path(language)))
        for guide in window.findChildren(UserGuideWindow)
    )
