"""One row's message in the composer's preview: rendered with the row's values, or the
template as written with what keeps it from being a message (no list, an unticked row, no
row chosen, a value that does not fit), and the lengths the editor's counters show.

A part the ``ComposerPanel`` owns; as its child it hears ``LanguageChange`` and shows the
last row again, its notice in the language installed now."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QObject

from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.template import RenderError, render

from .preview import PreviewPane, marked_pieces
from .problem_texts import problem_text
from .template_editor import TemplateEditor

__all__ = ["RowPreview"]


class RowPreview(QObject):
    """Shows in ``preview`` the message of a row of the template ``editor`` holds."""

    def __init__(self, preview: PreviewPane, editor: TemplateEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._editor = editor
        self._again: Callable[[], None] | None = None  # the last show(), to show it again

    def event(self, event: QEvent) -> bool:
        """Another language: the last row again (its notice in that language)."""
        if event.type() == QEvent.Type.LanguageChange and self._again is not None:
            self._again()
        return super().event(event)

    def show(
        self,
        table: RecipientTable | None,
        row: int | None,
        position: tuple[int | None, int],
        *,
        chosen: bool,
        held: Collection[str] = frozenset(),
    ) -> None:
        """Row ``row`` of ``table`` (what templates see; None: no row to show);
        ``position``: its index among the rows the grid shows and their count;
        ``chosen``: whether the grid has a current row (None with one: it is in no message);
        ``held``: the codes of the template's problems not shown yet (no error of theirs
        is mentioned)."""
        self._again = partial(self.show, table, row, position, chosen=chosen, held=held)
        preview, editor = self._preview, self._editor
        compiled = editor.compiled()
        if table is not None and row is not None:
            values = table.params(row)
            number: int | None = table.row_number(row)
            to: Sequence[str] | None = table.recipients(row)
        else:
            values, number, to = {}, None, None
        index, count = position
        preview.set_position(index, count, number)
        preview.set_recipients(to)
        preview.set_sender(editor.from_name_edit.text(), editor.from_email_edit.text())
        try:
            message = render(compiled, values, row=number)
        except RenderError as exc:
            subject = marked_pieces(compiled.subject, values)
            content = marked_pieces(compiled.content, values)
            if table is None:
                notice = self.tr(
                    "No recipient list is open: placeholders are shown as written. Open a list to see "
                    "each recipient's message."
                )
            elif row is None and chosen:
                notice = self.tr("This row is unticked, so it is in no message. Tick it to see its message.")
            elif row is None:
                notice = self.tr("Select a recipient in the list to see their message.")
            else:
                reason = problem_text(exc.problems[0]) if exc.problems else str(exc)
                notice = self.tr("This message cannot be sent: {reason}").format(reason=reason)
            preview.show_pieces(subject, content, notice)
            if table is None:
                editor.set_lengths(
                    sum(len(text) for text, _ in subject),
                    sum(len(text) for text, _ in content),
                    for_recipient=False,
                )
            else:
                editor.set_lengths(None, None)
            return
        notice = ""
        if any(p.is_error and (p.row is not None or p.code not in held) for p in compiled.problems):
            notice = self.tr(
                "The template has errors (see Problems), so nothing can be sent yet. This is what "
                "the recipient would get."
            )
        preview.show_message(message, notice)
        editor.set_lengths(len(message.subject), len(message.content), for_recipient=row is not None)
