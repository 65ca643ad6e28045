"""ui/row_preview: one row's message in the preview, or the template as written with what
keeps it from being a message, and the lengths the editor's counters show."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.helpers.composer import students
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.ui.preview import PreviewPane
from usosmail_gui.ui.row_preview import RowPreview
from usosmail_gui.ui.template_editor import TemplateEditor


def parts(qtbot: QtBot, template: MessageTemplate) -> tuple[RowPreview, PreviewPane, TemplateEditor]:
    preview, editor = PreviewPane(), TemplateEditor()
    qtbot.addWidget(preview)
    qtbot.addWidget(editor)
    editor.set_columns(students().columns)
    editor.set_template(template)
    return RowPreview(preview, editor), preview, editor


def test_a_rows_message_with_its_recipient(qtbot: QtBot) -> None:
    shown, preview, _ = parts(qtbot, MessageTemplate("Dla {Imię}", "Dzień dobry, {Imię} {Nazwisko}"))
    table = students()
    shown.show(table, 1, (1, table.row_count), chosen=True)
    assert preview.subject_text() == "Dla Łukasz"
    assert preview.content_text() == "Dzień dobry, Łukasz Wiśniewski"
    assert preview.message is not None and not preview.notice_label.text()


def test_without_a_message_the_preview_says_why(qtbot: QtBot) -> None:
    shown, preview, _ = parts(qtbot, MessageTemplate("Dla {Imię}", "Treść"))
    shown.show(None, None, (None, 0), chosen=False)
    assert preview.notice_label.text().startswith("No recipient list is open")
    assert "{Imię}" in preview.subject_text()  # as written
    table = students()
    shown.show(table, None, (None, table.row_count), chosen=True)
    assert "unticked" in preview.notice_label.text()
    shown.show(table, None, (None, table.row_count), chosen=False)
    assert preview.notice_label.text() == "Select a recipient in the list to see their message."
