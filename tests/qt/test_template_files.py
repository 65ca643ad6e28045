"""Template files from the composer (ui/template_files, the part ComposerPanel owns):
save/open round trip in workers, a broken file explained with the typed text kept, the
question before unsaved changes go, samples, drag and drop; the part on its own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.composer import TIMEOUT, make_composer, settle, students
from usosmail_gui.core.letters import LetterSetup, Vocative
from usosmail_gui.core.template import (
    ContentFormat,
    Lang,
    MessageTemplate,
    bundled_templates,
    load_template,
    load_template_file,
    save_template,
)
from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.template_files import TemplateFiles

TEMPLATE = MessageTemplate(
    subject="Decyzja – {Imię} {Nazwisko}",
    content="<p>Szanowna Pani {Imię},</p>\n<style>p {{ color: #222 }}</style>\n😀 zażółć\u00a0gęślą",
    content_format=ContentFormat.HTML,
    from_name="Dziekanat",
    from_email="dziekanat@example.edu.pl",
    send_summary_to="kierownik@example.edu.pl",
    lang=Lang.EN,
)


def wait_for_box(qtbot: QtBot, composer: ComposerPanel) -> QMessageBox:
    qtbot.waitUntil(lambda: composer.message_box is not None and composer.message_box.isVisible())
    box = composer.message_box
    assert box is not None
    return box


def test_save_and_open_round_trip(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot, students())
    modified: list[bool] = []
    composer.modificationChanged.connect(modified.append)
    composer.set_template(TEMPLATE, modified=True)  # e.g. restored from an unsaved session
    assert composer.is_modified() and modified == [True]
    path = tmp_path / "decyzja.usosmail"
    with qtbot.waitSignal(composer.fileChanged, timeout=TIMEOUT) as saved:
        composer.save_as(path)
    assert saved.args == [path]
    assert load_template(path) == TEMPLATE
    assert not composer.is_modified() and modified == [True, False]
    assert composer.document_name() == "decyzja.usosmail"
    # Ctrl+S saves to the same file again
    composer.editor.subject_edit.setPlainText("Nowy temat")
    assert composer.is_modified()
    composer.save_action.trigger()
    qtbot.waitUntil(lambda: not composer.file_busy and not composer.is_modified(), timeout=TIMEOUT)
    assert load_template(path).subject == "Nowy temat"

    other = make_composer(qtbot, students())
    with qtbot.waitSignal(other.templateChanged, timeout=TIMEOUT):
        other.open_template(path)
    assert other.template() == replace(TEMPLATE, subject="Nowy temat")
    assert other.file_path() == path
    assert not other.is_modified()


def test_a_broken_file_is_explained_and_the_typed_text_stays(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "zepsuty.usosmail"
    broken.write_text('{"format_version": 1, "subject": "x", ', encoding="utf-8")
    composer = make_composer(qtbot, students(), MessageTemplate(subject="S", content="Mój tekst {Imię}"))
    composer.open_template(broken)
    box = wait_for_box(qtbot, composer)
    assert "“zepsuty.usosmail” is damaged" in box.text()
    assert box.windowTitle() == "The template was not opened"
    assert composer.template().content == "Mój tekst {Imię}"
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: composer.message_box is None or not composer.message_box.isVisible())
    # a file that is not there, and a folder that cannot be written to, likewise
    composer.open_template(tmp_path / "nie-ma.usosmail")
    assert "does not exist" in wait_for_box(qtbot, composer).text()
    composer.message_box.close()  # type: ignore[union-attr]
    (tmp_path / "plik").write_text("", encoding="utf-8")
    composer.save_as(tmp_path / "plik" / "szablon.usosmail")
    box = wait_for_box(qtbot, composer)
    assert box.windowTitle() == "The template was not saved"
    assert "could not be saved" in box.text()
    assert composer.template().content == "Mój tekst {Imię}"


def test_unsaved_changes_are_asked_about_before_opening_another(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "inny.usosmail"
    save_template(path, MessageTemplate(subject="Inny", content="Inna treść"))
    composer = make_composer(qtbot, students())
    composer.editor.content_edit.setPlainText("Niezapisany tekst")
    assert composer.is_modified()
    # Cancel: nothing happens
    composer.open_template(path)
    box = wait_for_box(qtbot, composer)
    assert "not saved" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    settle(qtbot, composer)
    assert composer.template().content == "Niezapisany tekst"
    # Discard: the other template opens
    composer.open_template(path)
    box = wait_for_box(qtbot, composer)
    with qtbot.waitSignal(composer.fileChanged, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Discard).click()
    assert composer.template().content == "Inna treść"
    assert not composer.is_modified()
    # Save: saved first (to the file it came from), then the next one opens
    composer.editor.content_edit.setPlainText("Poprawiona treść")
    composer.new_template()
    box = wait_for_box(qtbot, composer)
    with qtbot.waitSignal(composer.fileChanged, timeout=TIMEOUT) as changed:
        box.button(QMessageBox.StandardButton.Save).click()
    assert changed.args == [None]  # the new, untitled template
    assert load_template(path).content == "Poprawiona treść"
    assert composer.template() == MessageTemplate()


def test_samples_open_as_new_untitled_templates(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, students())
    qtbot.waitUntil(composer.samples_menu.isEnabled, timeout=TIMEOUT)
    titles = [a.text() for a in composer.samples_menu.actions()]
    assert len(titles) == len(bundled_templates())
    assert "Missing documents (en)" in titles
    action = composer.samples_menu.actions()[titles.index("Missing documents (en)")]
    with qtbot.waitSignal(composer.templateChanged, timeout=TIMEOUT):
        action.trigger()
    assert composer.template() == load_template(Path(action.data()))
    assert composer.file_path() is None
    settle(qtbot, composer)
    assert composer.preview.message is not None
    assert composer.preview.content_text().startswith("Dear Anna Kowalska,")


def test_dropping_a_template_file_opens_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "upuszczony.usosmail"
    save_template(path, MessageTemplate(subject="Upuszczony", content="Treść"))
    composer = make_composer(qtbot, students())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    target = composer.editor.content_edit.viewport()
    point = QPointF(target.rect().center())
    # the editor refuses the file, so the drag reaches the composer
    assert not composer.editor.content_edit.canInsertFromMimeData(mime)
    enter = QDragEnterEvent(
        composer.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(composer, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(composer.fileChanged, timeout=TIMEOUT):
        QApplication.sendEvent(composer, drop)
    assert composer.template().subject == "Upuszczony"


def test_shortcuts_do_not_clash_with_opening_a_list(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, None)
    shortcuts = {
        a.shortcut().toString() for a in (composer.open_action, composer.save_action, composer.save_as_action)
    }
    assert "Ctrl+O" not in shortcuts
    assert {"Ctrl+Shift+O", "Ctrl+S"} <= shortcuts



def test_the_file_part_on_its_own_tracks_changes_saves_and_opens(qtbot: QtBot, tmp_path: Path) -> None:
    """TemplateFiles with a bare panel: "modified" compares what is edited (template and
    derived columns) with what was saved; a save writes both; opening hands them over."""
    panel = QWidget()
    qtbot.addWidget(panel)
    edited: dict[str, Any] = {"template": MessageTemplate(), "setup": LetterSetup()}
    files = TemplateFiles(
        panel,
        template=lambda: edited["template"],
        setup=lambda: edited["setup"],
        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
    )
    actions = (files.new_action, files.open_action, files.save_action, files.save_as_action)
    assert all(action in panel.actions() for action in actions)
    assert not files.is_modified() and files.document_name() == "Untitled template"
    changes: list[bool] = []
    files.modificationChanged.connect(changes.append)
    setup = LetterSetup((Vocative("Wołacz", "Imię"),))
    edited["setup"] = setup
    files.update_modified()
    assert files.is_modified() and changes == [True]
    edited["template"] = TEMPLATE
    path = tmp_path / "z-wolaczem.usosmail"
    with qtbot.waitSignal(files.fileChanged, timeout=TIMEOUT) as saved:
        files.save_as(tmp_path / "z-wolaczem")  # the extension is added
    assert saved.args == [path]
    qtbot.waitUntil(lambda: not files.busy, timeout=TIMEOUT)
    assert not files.is_modified() and changes == [True, False]
    assert files.document_name() == "z-wolaczem.usosmail"
    written = load_template_file(path)
    assert written.template == TEMPLATE and written.letters == setup
    # opening hands the file's template and derived columns to the panel (nothing unsaved)
    with qtbot.waitSignal(files.opened, timeout=TIMEOUT) as opened:
        files.open_template(path)
    assert opened.args == [TEMPLATE, path, setup]
    # a sample opens as a new template: no file of its own
    with qtbot.waitSignal(files.opened, timeout=TIMEOUT) as opened:
        files.open_template(path, as_new=True)
    assert opened.args[1] is None
