"""The editor of a letter's derived columns and of its grouping (issue 18), in the composer.

A clerk defines here what the sheet does not have: a salutation that fits each student
("Szanowna Pani Anno"), a first name in the vocative, a value or a fallback for empty
cells, a column in upper or title case, and one message per e-mail address listing the
student's rows (``{lista}``). The widget only edits ``core.letters`` definitions (plain
data) and says when they changed (``setupChanged``); the composer computes them in a
worker. No business logic lives here: what a salutation says is ``core.letters.derive``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.core.letters import (
    DEFAULT_FEMALE,
    DEFAULT_MALE,
    DEFAULT_UNKNOWN,
    NEUTRAL_UNKNOWN,
    DerivedColumn,
    Fallback,
    Grouping,
    LetterSetup,
    Salutation,
    Transform,
    TransformKind,
    Vocative,
)
from usosmail_gui.core.recipients.headers import Column
from usosmail_gui.ui.text_fields import show_from_start

from .column_box import ColumnBox
from .derived_column_words import describe, transform_names

__all__ = ["LettersEditor"]


class LettersEditor(QWidget):
    """Derived columns (a list, with a form for the selected one) and the grouping.

    ``set_columns`` gives the list's columns (the choices of sources); ``set_setup`` shows
    definitions (read from a template file); every change the user makes emits
    ``setupChanged(LetterSetup)`` at once (the composer waits for a pause to compute).
    """

    setupChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lettersEditor")
        self.setAccessibleName(self.tr("Derived columns"))
        self._derived: list[DerivedColumn] = []
        self._grouping = Grouping("- {Przedmiot}: {Ocena}")
        self._grouped = False
        self._sheet_columns: list[str] = []
        self._build()
        self._show_selected()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        derived = self._derived_box = QGroupBox(self)
        left = QVBoxLayout(derived)
        self.list = QListWidget(derived)
        self.list.setObjectName("derivedColumnsList")
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        left.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QToolButton(derived)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_salutation_action = self._add_action("salutation")
        self.add_vocative_action = self._add_action("vocative")
        self.add_fallback_action = self._add_action("fallback")
        self.add_transform_action = self._add_action("transform")
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton(derived)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        layout.addWidget(derived, 2)

        self.forms = QStackedWidget(self)
        self.forms.setObjectName("derivedColumnForm")
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.forms.addWidget(self.empty_label)
        self.forms.addWidget(self._salutation_form())
        self.forms.addWidget(self._vocative_form())
        self.forms.addWidget(self._fallback_form())
        self.forms.addWidget(self._transform_form())
        layout.addWidget(self.forms, 3)
        layout.addWidget(self._grouping_box(), 3)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the editor in the language now installed (the list of derived
        columns and the form shown are filled again)."""
        self.setAccessibleName(self.tr("Derived columns"))
        self._derived_box.setTitle(self.tr("Derived columns"))
        self._derived_box.setToolTip(
            self.tr(
                "Columns the app computes for each row (a salutation, a vocative, a value or a "
                "fallback, a changed case): write them in the template like the list's own."
            )
        )
        self.add_salutation_action.setText(self.tr("Salutation (Szanowna Pani / Szanowny Panie)"))
        self.add_vocative_action.setText(self.tr("First name in the vocative (Anno, Janie)"))
        self.add_fallback_action.setText(self.tr("Value or fallback for empty cells"))
        self.add_transform_action.setText(self.tr("Text case (UPPER, Title)"))
        self.remove_button.setText(self.tr("&Remove"))
        self.empty_label.setText(
            self.tr(
                "Add a derived column to write, for example, {Zwrot} in the template: “Szanowna Pani "
                "Anno” or “Szanowny Panie Janie” for each student."
            )
        )
        self.list.setAccessibleName(self.tr("Derived columns"))
        self.add_button.setText(self.tr("&Add"))
        self.add_button.setAccessibleName(self.tr("Add a derived column"))
        self.remove_button.setAccessibleName(self.tr("Remove the derived column"))
        self.unknown_box.setAccessibleName(self.tr("Salutation when the gender is unknown"))
        self.transform_box.setAccessibleName(self.tr("Text case"))
        self.list_name_edit.setAccessibleName(self.tr("Name of the list column"))
        self.line_edit.setAccessibleName(self.tr("Line for each row"))
        self.separator_box.setAccessibleName(self.tr("Between the lines"))
        self.add_button.setToolTip(
            self.tr("Add a salutation, a first name in the vocative, a value or fallback, or a text case.")
        )
        self.gender_box.setToolTip(
            self.tr(
                "A column saying K/M, kobieta/mężczyzna or F/M, as USOS exports it. Without one, the gender "
                "is guessed from the first name, and every guess is a warning."
            )
        )
        self.with_name_box.setToolTip(
            self.tr(
                "“Szanowna Pani Anno” rather than “Szanowna Pani”: the first name from the dictionary, "
                "in the vocative."
            )
        )
        self.unknown_box.setToolTip(
            self.tr("Used for a row whose gender cannot be told; each such row is a warning in Problems.")
        )
        self.line_edit.setToolTip(
            self.tr("Written once for every row of the group, e.g. - {Przedmiot}: {Ocena}")
        )
        for edit in (self.salutation_name, self.vocative_name, self.fallback_name, self.transform_name):
            edit.setAccessibleName(self.tr("Name of the derived column"))
            edit.setToolTip(self.tr("Write this name in braces in the template, e.g. {Zwrot}."))
        self.gender_box.setAccessibleName(self.tr("Gender column"))
        self.gender_box.set_optional_text(self.tr("none: guess from the first name"))
        self.first_name_box.setAccessibleName(self.tr("First name column"))
        self.first_name_box.set_optional_text(self.tr("none"))
        self.vocative_column.setAccessibleName(self.tr("First name column"))
        self.fallback_column.setAccessibleName(self.tr("Column"))
        self.transform_column.setAccessibleName(self.tr("Column"))
        self.with_name_box.setText(self.tr("Add the first name in the vocative (Szanowna Pani Anno)"))
        self.female_edit.setAccessibleName(self.tr("Salutation of a woman"))
        self.male_edit.setAccessibleName(self.tr("Salutation of a man"))
        self.fallback_edit.setAccessibleName(self.tr("Text for empty cells"))
        self._vocative_note.setText(
            self.tr(
                "Anna → Anno, Jan → Janie, Kuba → Kubo. A name the dictionary does not know is left "
                "as written, and flagged."
            )
        )
        for index, text in enumerate(transform_names().values()):
            self.transform_box.setItemText(index, text)
        self.grouping_box.setTitle(self.tr("One message per e-mail address"))
        self.grouping_box.setToolTip(
            self.tr(
                "Rows with the same address become one message: the other columns come from the "
                "group's first row, and the list column lists every row."
            )
        )
        for index, text in enumerate((self.tr("a new line"), self.tr("a comma"), self.tr("a semicolon"))):
            self.separator_box.setItemText(index, text)
        rows = (
            (self.salutation_name, self.tr("&Name:")),
            (self.gender_box, self.tr("&Gender from:")),
            (self.first_name_box, self.tr("&First name from:")),
            (self.female_edit, self.tr("&Woman:")),
            (self.male_edit, self.tr("&Man:")),
            (self.unknown_box, self.tr("&Unknown gender:")),
            (self.vocative_name, self.tr("&Name:")),
            (self.vocative_column, self.tr("&First name from:")),
            (self.fallback_name, self.tr("&Name:")),
            (self.fallback_column, self.tr("&Value of:")),
            (self.fallback_edit, self.tr("&When empty:")),
            (self.transform_name, self.tr("&Name:")),
            (self.transform_column, self.tr("&Value of:")),
            (self.transform_box, self.tr("&Case:")),
            (self.list_name_edit, self.tr("List &column:")),
            (self.line_edit, self.tr("&Line of each row:")),
            (self.separator_box, self.tr("&Between lines:")),
        )
        for field, text in rows:
            label = self._form_label(field)
            if label is not None:
                label.setText(text)
        self._fill_list(self.list.currentRow())

    @staticmethod
    def _add_row(form: QFormLayout, field: QWidget) -> None:
        """A row of ``form``: ``field`` with its label (its text set by ``retranslate``)."""
        label = QLabel()
        label.setBuddy(field)
        form.addRow(label, field)

    @staticmethod
    def _form_label(field: QWidget) -> QLabel | None:
        parent = field.parentWidget()
        form = parent.layout() if parent is not None else None
        label = form.labelForField(field) if isinstance(form, QFormLayout) else None
        return label if isinstance(label, QLabel) else None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _add_action(self, kind: str) -> QAction:
        action = self.add_menu.addAction("")
        action.triggered.connect(lambda _checked=False, k=kind: self.add(k))
        return action

    def _name_edit(self, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.textEdited.connect(lambda _text: self._form_edited())
        return edit

    def _column_box(self, parent: QWidget, accessible: str, *, optional: str | None = None) -> ColumnBox:
        box = ColumnBox(parent, optional_text=optional)
        box.setAccessibleName(accessible)
        box.currentIndexChanged.connect(lambda _index: self._form_edited())
        return box

    def _text_edit(self, parent: QWidget, accessible: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(lambda _text: self._form_edited())
        return edit

    def _salutation_form(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.salutation_name = self._name_edit(page)
        self.gender_box = self._column_box(page, "", optional="")
        self.first_name_box = self._column_box(page, "", optional="")
        self.with_name_box = QCheckBox(page)
        self.with_name_box.toggled.connect(lambda _on: self._form_edited())
        self.female_edit = self._text_edit(page, "")
        self.male_edit = self._text_edit(page, "")
        self.unknown_box = QComboBox(page)
        self.unknown_box.setEditable(True)
        self.unknown_box.addItems([DEFAULT_UNKNOWN, NEUTRAL_UNKNOWN])
        self.unknown_box.currentTextChanged.connect(lambda _text: self._form_edited())
        fields: tuple[QWidget, ...] = (self.salutation_name, self.gender_box, self.first_name_box)
        for field in fields:
            self._add_row(form, field)
        form.addRow("", self.with_name_box)
        fields = (self.female_edit, self.male_edit, self.unknown_box)
        for field in fields:
            self._add_row(form, field)
        return page

    def _vocative_form(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.vocative_name = self._name_edit(page)
        self.vocative_column = self._column_box(page, "")
        note = self._vocative_note = QLabel(page)
        note.setWordWrap(True)
        self._add_row(form, self.vocative_name)
        self._add_row(form, self.vocative_column)
        form.addRow(note)
        return page

    def _fallback_form(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.fallback_name = self._name_edit(page)
        self.fallback_column = self._column_box(page, "")
        self.fallback_edit = self._text_edit(page, "")
        for field in (self.fallback_name, self.fallback_column, self.fallback_edit):
            self._add_row(form, field)
        return page

    def _transform_form(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.transform_name = self._name_edit(page)
        self.transform_column = self._column_box(page, "")
        self.transform_box = QComboBox(page)
        for kind in transform_names():
            self.transform_box.addItem("", kind.value)
        self.transform_box.currentIndexChanged.connect(lambda _index: self._form_edited())
        for field in (self.transform_name, self.transform_column, self.transform_box):
            self._add_row(form, field)
        return page

    def _grouping_box(self) -> QGroupBox:
        box = QGroupBox(self)
        box.setObjectName("groupingBox")
        box.setCheckable(True)
        box.setChecked(False)
        box.toggled.connect(lambda _on: self._grouping_edited())
        self.grouping_box = box
        form = QFormLayout(box)
        self.list_name_edit = QLineEdit("lista", box)
        self.list_name_edit.textEdited.connect(lambda _text: self._grouping_edited())
        self.line_edit = QLineEdit(self._grouping.line, box)
        self.line_edit.textEdited.connect(lambda _text: self._grouping_edited())
        self.separator_box = QComboBox(box)
        for separator in ("\n", ", ", "; "):
            self.separator_box.addItem("", separator)
        self.separator_box.currentIndexChanged.connect(lambda _index: self._grouping_edited())
        for field in (self.list_name_edit, self.line_edit, self.separator_box):
            self._add_row(form, field)
        return box

    # --- the API -------------------------------------------------------------------------

    def set_columns(self, columns: Sequence[Column] | None) -> None:
        """The list's columns: what a derived column may read."""
        self._sheet_columns = [] if columns is None else [c.name for c in columns]
        self._show_selected()

    def setup(self) -> LetterSetup:
        return LetterSetup(tuple(self._derived), self._grouping if self._grouped else None)

    def set_setup(self, setup: LetterSetup) -> None:
        """Show ``setup`` (e.g. read from a template file); emits nothing."""
        self._derived = list(setup.derived)
        self._grouped = setup.grouping is not None
        if setup.grouping is not None:
            self._grouping = setup.grouping
        with QSignalBlocker(self.grouping_box):
            self.grouping_box.setChecked(self._grouped)
        self._show_grouping()
        self._fill_list(0 if self._derived else -1)

    def add(self, kind: str) -> DerivedColumn:
        """Add a derived column of ``kind`` with sensible choices, select it, and say so."""
        first = self._guess(("imię", "imie", "first name", "imiona")) or ""
        taken = {d.name for d in self._derived} | set(self._sheet_columns)
        definition: DerivedColumn
        if kind == "salutation":
            gender = self._guess(("płeć", "plec", "gender", "sex"))
            definition = Salutation(self._free("Zwrot", taken), gender, first or None, with_name=True)
        elif kind == "vocative":
            definition = Vocative(self._free("Wołacz", taken), first)
        elif kind == "fallback":
            definition = Fallback(
                self._free("Wartość", taken), self._sheet_columns[0] if self._sheet_columns else ""
            )
        else:
            surname = self._guess(("nazwisko", "surname", "last name")) or (
                self._sheet_columns[0] if self._sheet_columns else ""
            )
            definition = Transform(self._free("Wielkie", taken), surname, TransformKind.UPPER)
        self._derived.append(definition)
        self._fill_list(len(self._derived) - 1)
        self._emit()
        return definition

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._derived):
            del self._derived[row]
            self._fill_list(min(row, len(self._derived) - 1))
            self._emit()

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    # --- internals -----------------------------------------------------------------------

    def _guess(self, words: Sequence[str]) -> str | None:
        for name in self._sheet_columns:
            if name.strip().casefold() in words:
                return name
        return None

    @staticmethod
    def _free(base: str, taken: set[str]) -> str:
        name, n = base, 2
        while name in taken:
            name, n = f"{base}{n}", n + 1
        return name

    def _fill_list(self, select: int) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            for definition in self._derived:
                item = QListWidgetItem(describe(definition), self.list)
                item.setToolTip(describe(definition))
            self.list.setCurrentRow(select)
        self.remove_button.setEnabled(bool(self._derived))
        self._show_selected()

    def _sources(self, index: int) -> list[str]:
        """What the derived column at ``index`` may read: the list's columns, then the
        derived columns before it."""
        return [*self._sheet_columns, *(d.name for d in self._derived[:index])]

    def _show_selected(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(0 <= row < len(self._derived))
        if not 0 <= row < len(self._derived):
            self.forms.setCurrentIndex(0)
            return
        definition = self._derived[row]
        sources = self._sources(row)
        blockers = [QSignalBlocker(w) for w in self.forms.findChildren(QWidget)]
        try:
            if isinstance(definition, Salutation):
                self.forms.setCurrentIndex(1)
                self.salutation_name.setText(definition.name)
                self.gender_box.fill(sources, definition.gender_column)
                self.first_name_box.fill(sources, definition.first_name_column)
                self.with_name_box.setChecked(definition.with_name)
                show_from_start(self.female_edit, definition.female)
                show_from_start(self.male_edit, definition.male)
                self.unknown_box.setCurrentText(definition.unknown)
            elif isinstance(definition, Vocative):
                self.forms.setCurrentIndex(2)
                self.vocative_name.setText(definition.name)
                self.vocative_column.fill(sources, definition.column)
            elif isinstance(definition, Fallback):
                self.forms.setCurrentIndex(3)
                self.fallback_name.setText(definition.name)
                self.fallback_column.fill(sources, definition.column)
                show_from_start(self.fallback_edit, definition.fallback)
            else:
                self.forms.setCurrentIndex(4)
                self.transform_name.setText(definition.name)
                self.transform_column.fill(sources, definition.column)
                self.transform_box.setCurrentIndex(
                    max(0, self.transform_box.findData(definition.transform.value))
                )
        finally:
            del blockers

    def _form_edited(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._derived):
            return
        old = self._derived[row]
        new: DerivedColumn
        if isinstance(old, Salutation):
            new = Salutation(
                self.salutation_name.text().strip(),
                self.gender_box.value(),
                self.first_name_box.value(),
                self.with_name_box.isChecked(),
                self.female_edit.text() or DEFAULT_FEMALE,
                self.male_edit.text() or DEFAULT_MALE,
                self.unknown_box.currentText() or DEFAULT_UNKNOWN,
            )
        elif isinstance(old, Vocative):
            new = Vocative(self.vocative_name.text().strip(), self.vocative_column.value() or "")
        elif isinstance(old, Fallback):
            new = Fallback(
                self.fallback_name.text().strip(),
                self.fallback_column.value() or "",
                self.fallback_edit.text(),
            )
        else:
            new = Transform(
                self.transform_name.text().strip(),
                self.transform_column.value() or "",
                TransformKind(self.transform_box.currentData()),
            )
        if new == old:
            return
        self._derived[row] = new
        item = self.list.item(row)
        if item is not None:
            item.setText(describe(new))
            item.setToolTip(describe(new))
        self._emit()

    def _show_grouping(self) -> None:
        grouping = self._grouping
        for widget in (self.list_name_edit, self.line_edit, self.separator_box):
            widget.blockSignals(True)
        show_from_start(self.list_name_edit, grouping.column)
        show_from_start(self.line_edit, grouping.line)
        index = self.separator_box.findData(grouping.separator)
        if index < 0:
            self.separator_box.addItem(repr(grouping.separator), grouping.separator)
            index = self.separator_box.count() - 1
        self.separator_box.setCurrentIndex(index)
        for widget in (self.list_name_edit, self.line_edit, self.separator_box):
            widget.blockSignals(False)

    def _grouping_edited(self) -> None:
        self._grouped = self.grouping_box.isChecked()
        separator = self.separator_box.currentData()
        self._grouping = replace(
            self._grouping,
            column=self.list_name_edit.text().strip(),
            line=self.line_edit.text(),
            separator=str(separator) if separator is not None else "\n",
        )
        self._emit()

    def _emit(self) -> None:
        self.setupChanged.emit(self.setup())
