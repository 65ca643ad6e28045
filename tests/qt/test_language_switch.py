"""View ▸ Language applies at once: the translators are replaced, and the menus, the status
bar, the composer and an open dialog speak the chosen language — Polish, English, Polish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.composer import settle
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import write_students
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.ui import i18n
from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import LANGUAGE, app_settings
from usosmail_gui.ui.window.shortcuts import ShortcutsDialog

TIMEOUT = 15000


def choose(window: MainWindow, language: str) -> None:
    (action,) = [a for a in window.layout_part.language_group.actions() if a.data() == language]
    action.trigger()


def words(window: MainWindow) -> dict[str, str]:
    """What the user reads: the menus, the status bar, the composer, the dock, the title."""
    labels = [label.text() for label in window.composer.editor.findChildren(QLabel)]
    preview = [label.text() for label in window.composer.preview.findChildren(QLabel)]
    pane = window.recipient_pane
    letters = window.composer.letters_editor
    name_label = letters._form_label(letters.salutation_name)
    return {
        "derived columns": f"{letters.grouping_box.title()} | {letters.remove_button.text()} | "
        f"{name_label.text() if name_label else ''}",
        "preview": " | ".join(text for text in preview if text in ("To:", "From:", "Do:", "Od:")),
        "pane": f"{pane.email_label.text()} | {pane.shown_label.text()} | {pane.find_action.text()}",
        "menus": " | ".join(action.text() for action in window.menuBar().actions()),
        "send test": window.send_test_action.text(),
        "summary": window.status_bar_part.summary.text(),
        "state": window.status_bar_part.state.text(),
        "labels": " | ".join(labels),
        "filter": window.composer.problems.filter_combo.itemText(0),
        "statuses": window.status_dock.windowTitle(),
        "language menu": window.layout_part.language_menu.title(),
        "title": window.windowTitle(),
        "welcome": window.welcome_page.title_label.text(),
    }


@pytest.mark.usefixtures("restore_translators")
def test_choosing_a_language_applies_at_once(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    assert i18n.install_translations(qapp, app_settings(), "en") == i18n.ENGLISH  # as app.main does
    window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(write_students(tmp_path / "studenci.csv"))
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    settle(qtbot, window.composer)  # the message checked against every row: the summary says so
    english = words(window)
    assert english["menus"].startswith("&File | &Edit | &View")
    assert "recipients" in english["summary"] and english["state"] == "Not connected"
    assert english["pane"] == "&E-mail column: | 5 rows | Find in the list"
    assert english["preview"] in ("From: | To:", "To: | From:")
    assert english["derived columns"] == "One message per e-mail address | &Remove | &Name:"
    assert "&Subject:" in english["labels"] and "Sender &name:" in english["labels"]

    window.shortcuts_action.trigger()  # a dialog open while the language changes
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    assert dialog.windowTitle() == "Keyboard shortcuts"
    address = window.send_flow.ask_test_address()
    guide = window.help.show_user_guide()
    assert guide is not None and guide.browser.source().fileName() == "user-guide.en.md"

    choose(window, "pl")
    assert app_settings().value(LANGUAGE.key) == "pl"
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Plik", timeout=TIMEOUT)
    polish = words(window)
    assert polish["menus"].startswith("&Plik | ") and "Wy&syłanie" in polish["menus"]
    assert "odbiorc" in polish["summary"] and polish["state"] == "Nie połączono"
    assert polish["pane"] == "&Kolumna z adresami e-mail: | 5 wierszy | Znajdź na liście"
    assert polish["preview"] in ("Od: | Do:", "Do: | Od:")
    assert polish["derived columns"] == "Jedna wiadomość na adres e-mail | &Usuń | &Nazwa:"
    assert "&Temat:" in polish["labels"] and "&Nazwa nadawcy:" in polish["labels"]
    assert polish["filter"] == "Błędy i ostrzeżenia" and polish["statuses"] == "Statusy"
    assert polish["language menu"] == "&Język" and polish["title"] == "studenci.csv — Szablon bez nazwy[*]"
    assert polish["welcome"] == "Witamy w programie usosmail-gui"
    assert polish["send test"] != english["send test"]
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Skróty klawiszowe", timeout=TIMEOUT)
    top = dialog.tree.topLevelItem(0)
    assert top is not None and top.text(0) == "Plik"  # its list rebuilt from the menus
    assert address.windowTitle() == "Twój adres do testów" and address.isVisible()
    assert guide.windowTitle() == "Podręcznik użytkownika"
    assert guide.browser.source().fileName() == "user-guide.pl.md"  # the guide written in Polish
    assert QLocale().language() == QLocale.Language.Polish
    assert not isinstance(window.message_box, QMessageBox)  # no "at the next start" notice

    choose(window, "en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=TIMEOUT)
    assert words(window) == english
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Keyboard shortcuts", timeout=TIMEOUT)

    choose(window, "pl")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Plik", timeout=TIMEOUT)
    assert words(window) == polish


@pytest.mark.usefixtures("restore_translators")
def test_the_composers_parts_set_their_own_texts_again(qtbot: QtBot, qapp: QApplication) -> None:
    """The template's file commands (TemplateFiles), the derived columns' action
    (DerivedColumns) and the preview's notice (RowPreview) follow the language at once."""
    assert i18n.install_translations(qapp, app_settings(), "en") == i18n.ENGLISH
    composer = ComposerPanel()
    qtbot.addWidget(composer)
    composer.set_template(MessageTemplate("Dla {Imię}", "Treść"))  # without a list: a notice
    settle(qtbot, composer)

    def texts() -> tuple[str, ...]:
        return (
            composer.new_action.text(),
            composer.samples_menu.title(),
            composer.letters_action.text(),
            composer.document_name(),
            composer.preview.notice_label.text(),
        )

    english = texts()
    assert english[0] == "&New Template" and english[4].startswith("No recipient list is open")
    i18n.install_translations(qapp, app_settings(), "pl")
    qtbot.waitUntil(lambda: composer.new_action.text() == "&Nowy szablon", timeout=TIMEOUT)
    polish = texts()
    assert polish[1] == "Nowy szablon z &przykładu" and polish[2] == "&Kolumny wyliczane (zwroty, listy)"
    assert polish[3] == "Szablon bez nazwy" and polish[4].startswith("Nie otwarto listy odbiorców")
    i18n.install_translations(qapp, app_settings(), "en")
    qtbot.waitUntil(lambda: composer.new_action.text() == "&New Template", timeout=TIMEOUT)
    assert texts() == english
