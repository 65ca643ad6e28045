"""The template editor: subject and content with placeholder highlighting and completion
(ui/placeholder_edit.py), the content's format, the sender fields, and the selected
recipient's lengths (ui/length_counter.py).

A pasted line break in the one-line subject stays visible and is reported by the checker,
with a fix.

Everything the editor knows about a template comes from the core: ``compile_template``
(cached per text, shared by both highlighters and the composer) says what is a
placeholder and what is wrong; the editor only shows it and turns the user's keys into
text. Texts are read with ``toRawText`` (see ``text_spans.document_text``) so a no-break
space typed by the user is sent as one.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.core.problems import TextPosition
from usosmail_gui.core.recipients.headers import Column
from usosmail_gui.core.template import (
    CompiledPart,
    CompiledTemplate,
    ContentFormat,
    Lang,
    MessageTemplate,
    Part,
    compile_template,
    utf16_offset,
)
from usosmail_gui.core.usos.wire import MAX_CONTENT, MAX_SUBJECT

from .highlighter import PlaceholderHighlighter
from .length_counter import LengthCounter
from .placeholder_edit import PlaceholderEdit, SubjectEdit
from .text_fields import SenderFields, show_from_start
from .text_spans import changed_span

__all__ = ["TemplateEditor"]


class TemplateEditor(QWidget):
    """Subject, content, content format and sender fields of one template.

    Signals:
        changed(): the template (``template()``) differs from the last time this was
            emitted: typed, pasted, undone, fixed, a field or the format changed. Not
            emitted by ``set_template``.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self._columns: tuple[Column, ...] | None = None
        self._compiled: CompiledTemplate | None = None
        self._loading = False
        self._completion = QStringListModel(self)
        self._last = MessageTemplate()
        self._build()
        self._last = self.template()
        self._target: PlaceholderEdit = self.content_edit  # where "Insert placeholder" writes
        self.set_columns(None)

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.from_name_edit = QLineEdit()
        self.from_email_edit = QLineEdit()
        self.summary_edit = QLineEdit()
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("", Lang.PL.value)
        self.lang_combo.addItem("", Lang.EN.value)
        for edit in (self.from_name_edit, self.from_email_edit, self.summary_edit):
            edit.setAcceptDrops(False)  # a dropped template file goes to the composer
            edit.textChanged.connect(self._edited)
        self.lang_combo.currentIndexChanged.connect(self._edited)

        self.sender_fields = SenderFields(
            (
                (self.tr("Sender &name:"), self.from_name_edit),
                (self.tr("Sender &address:"), self.from_email_edit),
                (self.tr("Su&mmary to:"), self.summary_edit),
                (self.tr("&Language:"), self.lang_combo),
            )
        )
        self._sender_labels: list[QLabel] = self.sender_fields.labels()  # retexted by retranslate

        self.subject_edit = SubjectEdit(self._completion)
        self.content_edit = PlaceholderEdit(Part.CONTENT, self._completion)
        self.subject_counter = LengthCounter(MAX_SUBJECT)
        self.content_counter = LengthCounter(MAX_CONTENT)
        # the highlighters' source is the shared compilation: created after the editors,
        # each connects to its document before Qt's own highlighting handler
        self.subject_highlighter = PlaceholderHighlighter(
            self.subject_edit.document(), lambda: self._part(Part.SUBJECT), self.subject_edit
        )
        self.content_highlighter = PlaceholderHighlighter(
            self.content_edit.document(), lambda: self._part(Part.CONTENT), self.content_edit
        )
        for editor in (self.subject_edit, self.content_edit):
            editor.textChanged.connect(self._edited)
        # "Insert placeholder" writes where the user was last
        self.subject_edit.focused.connect(lambda: self._set_target(self.subject_edit))
        self.content_edit.focused.connect(lambda: self._set_target(self.content_edit))
        self.subject_edit.returnPressed.connect(
            lambda: self.content_edit.setFocus(Qt.FocusReason.TabFocusReason)
        )

        self.insert_button = QToolButton()
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_menu = QMenu(self.insert_button)
        self.insert_button.setMenu(self.insert_menu)

        self.plain_radio = QRadioButton()
        self.html_radio = QRadioButton()
        self.format_group = QButtonGroup(self)
        self.format_group.addButton(self.plain_radio)
        self.format_group.addButton(self.html_radio)
        self.plain_radio.setChecked(True)
        self.html_radio.toggled.connect(self._edited)

        subject_label = self._subject_label = QLabel()
        subject_label.setBuddy(self.subject_edit)
        subject_row = QHBoxLayout()
        subject_row.addWidget(subject_label)
        subject_row.addWidget(self.subject_edit, 1)
        subject_row.addWidget(self.subject_counter)

        tools = QHBoxLayout()
        tools.addWidget(self.insert_button)
        tools.addStretch(1)
        format_label = self._format_label = QLabel()
        tools.addWidget(format_label)
        tools.addWidget(self.plain_radio)
        tools.addWidget(self.html_radio)

        counter_row = QHBoxLayout()
        counter_row.addStretch(1)
        counter_row.addWidget(self.content_counter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sender_fields)
        layout.addLayout(subject_row)
        layout.addLayout(tools)
        layout.addWidget(self.content_edit, 1)
        layout.addLayout(counter_row)

        order: Sequence[QWidget] = (
            self.from_name_edit,
            self.from_email_edit,
            self.summary_edit,
            self.lang_combo,
            self.subject_edit,
            self.content_edit,
            self.insert_button,
            self.plain_radio,
            self.html_radio,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the editor's own widgets, in the language now installed."""
        self.from_name_edit.setAccessibleName(self.tr("Sender name"))
        self.from_name_edit.setPlaceholderText(self.tr("USOS (the server's default)"))
        self.from_email_edit.setAccessibleName(self.tr("Sender address"))
        self.from_email_edit.setPlaceholderText(self.tr("the server's no-reply address"))
        self.summary_edit.setAccessibleName(self.tr("Send a summary to"))
        self.summary_edit.setPlaceholderText(self.tr("nobody"))
        self.lang_combo.setAccessibleName(self.tr("Language of the message"))
        self.lang_combo.setToolTip(self.tr("The language USOS uses for the parts of the e-mail it adds."))
        self.subject_edit.setAccessibleName(self.tr("Subject"))
        self.content_edit.setAccessibleName(self.tr("Message text"))
        self.subject_counter.setAccessibleName(self.tr("Subject length"))
        self.content_counter.setAccessibleName(self.tr("Message text length"))
        self.insert_button.setText(self.tr("Insert placeholder"))
        self.insert_button.setAccessibleName(self.tr("Insert placeholder"))
        self.insert_menu.setAccessibleName(self.tr("Columns to insert"))
        self.plain_radio.setAccessibleName(self.tr("Plain text message"))
        self.html_radio.setAccessibleName(self.tr("HTML message"))
        self.summary_edit.setToolTip(
            self.tr("An address that receives a summary once every message is sent.")
        )
        self.subject_edit.setPlaceholderText(
            self.tr("Subject, e.g. Decyzja stypendialna – {Imię} {Nazwisko}")
        )
        self.content_edit.setPlaceholderText(
            self.tr("Dear {Imię},\n\n… Type { to insert a column of the recipient list.")
        )
        self.lang_combo.setItemText(0, self.tr("Polish"))
        self.lang_combo.setItemText(1, self.tr("English"))
        labels = (
            self.tr("Sender &name:"),
            self.tr("Sender &address:"),
            self.tr("Su&mmary to:"),
            self.tr("&Language:"),
        )
        for label, text in zip(self._sender_labels, labels, strict=True):
            label.setText(text)
        self.sender_fields.refit()
        self.plain_radio.setText(self.tr("&Plain text"))
        self.html_radio.setText(self.tr("&HTML"))
        self._subject_label.setText(self.tr("&Subject:"))
        self._format_label.setText(self.tr("Format:"))

    def _set_target(self, editor: PlaceholderEdit) -> None:
        self._target = editor

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill_insert_menu()  # its words too
        if event.type() == QEvent.Type.PaletteChange:  # a label with a style sheet hears nothing
            self.subject_counter.restyle()
            self.content_counter.restyle()

    # --- the template ------------------------------------------------------------------

    def template(self) -> MessageTemplate:
        """What the user composed, exactly as typed."""
        return MessageTemplate(
            subject=self.subject_edit.text(),
            content=self.content_edit.text(),
            content_format=ContentFormat.HTML if self.html_radio.isChecked() else ContentFormat.PLAIN,
            from_name=self.from_name_edit.text(),
            from_email=self.from_email_edit.text(),
            send_summary_to=self.summary_edit.text(),
            lang=Lang(str(self.lang_combo.currentData())),
        )

    def set_template(self, template: MessageTemplate) -> None:
        """Show ``template`` (each editor's undo history starts again); ``changed`` is not
        emitted. Line breaks written ``\\r\\n`` become ``\\n`` (Qt keeps lines, not them)."""
        self._loading = True
        try:
            # the format first: the content's highlighting depends on it
            (self.html_radio if template.is_html else self.plain_radio).setChecked(True)
            show_from_start(self.from_name_edit, template.from_name)
            show_from_start(self.from_email_edit, template.from_email)
            show_from_start(self.summary_edit, template.send_summary_to)
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(template.lang.value)))
            self.subject_edit.setPlainText(template.subject)
            self.content_edit.setPlainText(template.content)
        finally:
            self._loading = False
        self._last = self.template()

    def compiled(self) -> CompiledTemplate:
        """The template checked against the list's columns (cached until it changes)."""
        template = self.template()
        compiled = self._compiled
        if compiled is None or compiled.template != template:
            compiled = self._compiled = compile_template(template, self._columns)
        return compiled

    def _part(self, part: Part) -> CompiledPart:
        return self.compiled().part(part)

    def _edited(self) -> None:
        if self._loading:
            return
        template = self.template()
        if template == self._last:
            return  # e.g. the highlighter restyled a line: textChanged without an edit
        format_changed = template.content_format != self._last.content_format
        self._last = template
        if format_changed:  # CSS braces count differently in HTML
            self.content_highlighter.refresh()
        self.changed.emit()

    # --- columns -----------------------------------------------------------------------

    def set_columns(self, columns: Sequence[Column] | None) -> None:
        """The recipient list's columns (None: no list; placeholders are not judged)."""
        self._columns = None if columns is None else tuple(columns)
        self._compiled = None
        placeholders = [] if columns is None else [c.placeholder for c in columns]
        self._completion.setStringList(placeholders)
        self._fill_insert_menu()
        self.subject_highlighter.refresh()
        self.content_highlighter.refresh()

    def _fill_insert_menu(self) -> None:
        menu = self.insert_menu
        menu.clear()
        columns = self._columns
        if not columns:
            self.insert_button.setEnabled(False)
            self.insert_button.setToolTip(
                self.tr("Open a recipient list first: its columns are the placeholders.")
            )
            return
        self.insert_button.setEnabled(True)
        self.insert_button.setToolTip(self.tr("Write a column of the recipient list into the text."))
        for column in columns:
            if column.aliased:
                text = self.tr("{name}  (written {{{placeholder}}})").format(
                    name=column.name, placeholder=column.placeholder
                )
            else:
                text = column.name
            action = QAction(text.replace("&", "&&"), menu)
            action.setData(column.placeholder)
            action.triggered.connect(lambda _=False, p=column.placeholder: self.insert_placeholder(p))
            menu.addAction(action)

    def insert_placeholder(self, placeholder: str) -> None:
        """Write ``{placeholder}`` where the cursor was last (subject or content)."""
        self._target.insert_placeholder(placeholder)

    # --- places and edits by code ------------------------------------------------------

    def widget_for(self, part: str) -> QWidget | None:
        return {
            Part.SUBJECT.value: self.subject_edit,
            Part.CONTENT.value: self.content_edit,
            Part.FROM_NAME.value: self.from_name_edit,
            Part.FROM_EMAIL.value: self.from_email_edit,
            Part.SEND_SUMMARY_TO.value: self.summary_edit,
        }.get(part)

    def go_to(self, position: TextPosition, *, focus: bool = True) -> bool:
        """Put the cursor where ``position`` points (and focus that field)."""
        widget = self.widget_for(position.part)
        if isinstance(widget, PlaceholderEdit):
            widget.go_to(position.offset, position.length, focus=focus)
            return True
        if isinstance(widget, QLineEdit):
            text = widget.text()
            start = utf16_offset(text, min(position.offset, len(text)))
            end = utf16_offset(text, min(position.end, len(text)))
            if focus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if end > start:
                widget.setSelection(end, start - end)  # cursor at the start, span selected
            else:
                widget.setCursorPosition(start)
            return True
        return False

    def replace_text(self, part: Part, new: str) -> None:
        """Make ``part``'s text ``new`` as one undoable edit of that field."""
        widget = self.widget_for(part.value)
        if isinstance(widget, PlaceholderEdit):
            widget.replace_text(new)
        elif isinstance(widget, QLineEdit):
            old = widget.text()
            start, end, replacement = changed_span(old, new)
            a, b = utf16_offset(old, start), utf16_offset(old, end)
            widget.setSelection(a, b - a)
            widget.insert(replacement)  # QLineEdit's own undo covers it

    # --- counters ------------------------------------------------------------------------

    def set_lengths(self, subject: int | None, content: int | None, *, for_recipient: bool = True) -> None:
        self.subject_counter.set_length(subject, for_recipient=for_recipient)
        self.content_counter.set_length(content, for_recipient=for_recipient)
