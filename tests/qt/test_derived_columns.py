"""Derived columns in the GUI (issue 18): defined in the composer's editor, computed in a
worker, seen in the preview, Problems and the grid, typed over per row, saved with the
template (ui/derived_columns, the part ComposerPanel owns; and the part on its own). Real
widgets offscreen, real Morfeusz, real files."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.composer import TIMEOUT, make_composer, settle
from tests.helpers.tables import make_table
from usosmail_gui.core.letters import NEUTRAL_UNKNOWN, Grouping, LetterSetup, Salutation, Vocative, names
from usosmail_gui.core.letters.gender import Gender
from usosmail_gui.core.letters.messages import Code
from usosmail_gui.core.problems import Severity
from usosmail_gui.core.template import MessageTemplate, load_template_file
from usosmail_gui.ui import workers
from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.derived_columns import DerivedColumns
from usosmail_gui.ui.letters_editor import LettersEditor
from usosmail_gui.ui.recipients_model import FIRST_DATA_COLUMN, RecipientTableModel

HEADERS = ["Imię", "Nazwisko", "E-mail", "Płeć"]
PEOPLE = [
    ["Anna", "Kowalska", "anna@student.example.edu.pl", ""],
    ["Jan", "Nowak", "jan@student.example.edu.pl", ""],
    ["Katarzyna", "Zając", "kasia@student.example.edu.pl", "K"],
    ["Kuba", "Wiśniewski", "kuba@student.example.edu.pl", "M"],
    ["Siobhan", "Murphy", "siobhan@student.example.edu.pl", ""],  # not in the dictionary
]
LETTER = MessageTemplate("Informacja dla {Nazwisko}", "{Zwrot},\n\nuprzejmie informujemy…")


def people() -> list[list[str]]:
    return [list(p) for p in PEOPLE]


def preview_of(qtbot: QtBot, composer: ComposerPanel, row: int) -> str:
    composer.set_current_row(row)
    settle(qtbot, composer)
    return composer.preview.content_text()


def define_salutation(qtbot: QtBot, composer: ComposerPanel) -> None:
    """As a clerk does it: Add ▸ Salutation, then choose the unknown-gender form."""
    editor = composer.letters_editor
    composer.letters_action.setChecked(True)
    assert editor.isVisible()
    editor.add_salutation_action.trigger()
    assert editor.salutation_name.text() == "Zwrot"
    assert editor.gender_box.value() == "Płeć" and editor.first_name_box.value() == "Imię"
    editor.unknown_box.setCurrentText(NEUTRAL_UNKNOWN)
    qtbot.waitUntil(lambda: composer.letter_setup().derived[0].unknown == NEUTRAL_UNKNOWN, timeout=TIMEOUT)
    settle(qtbot, composer)
    qtbot.waitUntil(lambda: composer.letters() is not None, timeout=TIMEOUT)


def test_a_letter_to_men_women_and_unknowns_previews_the_right_salutation(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, make_table(people(), HEADERS), LETTER)
    define_salutation(qtbot, composer)
    expected = [
        "Szanowna Pani Anno",  # guessed from the name
        "Szanowny Panie Janie",  # guessed
        "Szanowna Pani Katarzyno",  # said by the gender column
        "Szanowny Panie Kubo",
        NEUTRAL_UNKNOWN,  # the form the user chose for an unknown gender
    ]
    for row, salutation in enumerate(expected):
        assert preview_of(qtbot, composer, row).startswith(salutation + ",\n")
    # nobody addressed wrongly unseen: each guessed or unknown row is a warning
    warned = {(p.code, p.row) for p in composer.problems.model.problems() if p.severity is Severity.WARNING}
    assert {(Code.GENDER_GUESSED, 2), (Code.GENDER_GUESSED, 3), (Code.GENDER_UNKNOWN, 6)} <= warned
    assert not any(
        p.row in (4, 5) and p.code.startswith("gender") for p in composer.problems.model.problems()
    )


def test_the_definitions_are_saved_with_the_template_and_opened_again(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot, make_table(people(), HEADERS), LETTER)
    define_salutation(qtbot, composer)
    assert composer.is_modified()
    target = tmp_path / "list.usosmail"
    composer.save_as(target)
    qtbot.waitUntil(lambda: not composer.file_busy and composer.file_path() == target, timeout=TIMEOUT)
    assert not composer.is_modified()
    saved = load_template_file(target)
    assert saved.letters == composer.letter_setup()
    assert saved.letters.derived[0].unknown == NEUTRAL_UNKNOWN

    other = make_composer(qtbot, make_table(people(), HEADERS))
    other.open_template(target)
    qtbot.waitUntil(lambda: other.file_path() == target, timeout=TIMEOUT)
    settle(qtbot, other)
    assert other.letter_setup() == saved.letters
    assert other.letters_editor.list.count() == 1 and other.letters_action.isChecked()
    assert preview_of(qtbot, other, 0).startswith("Szanowna Pani Anno,")
    assert not other.is_modified()


def test_editing_a_definition_recomputes_the_preview(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, make_table(people(), HEADERS), LETTER)
    define_salutation(qtbot, composer)
    editor = composer.letters_editor
    editor.with_name_box.setChecked(False)
    settle(qtbot, composer)
    assert preview_of(qtbot, composer, 0).startswith("Szanowna Pani,\n")
    editor.female_edit.setText("Droga Pani")
    editor.female_edit.textEdited.emit("Droga Pani")
    settle(qtbot, composer)
    assert preview_of(qtbot, composer, 0).startswith("Droga Pani,\n")


def test_the_grid_marks_derived_columns_and_an_edit_overrides_the_preview(qtbot: QtBot) -> None:
    table = make_table(people(), HEADERS)
    composer = make_composer(qtbot, table, LETTER)
    model = RecipientTableModel()
    model.set_table(table)
    composer.lettersChanged.connect(lambda letters: model.set_letters(letters, composer.overrides))
    model.derivedEdited.connect(composer.set_override)
    define_salutation(qtbot, composer)
    qtbot.waitUntil(lambda: model.columnCount() == FIRST_DATA_COLUMN + len(HEADERS) + 1, timeout=TIMEOUT)
    column = FIRST_DATA_COLUMN + len(HEADERS)
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Zwrot"
    assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is not None
    tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "{Zwrot}" in tip
    assert model.data(model.index(1, column)) == "Szanowny Panie Janie"
    assert model.flags(model.index(1, column)) & Qt.ItemFlag.ItemIsEditable
    # a guessed row's cell says so
    assert "Jan" in model.data(model.index(1, column), Qt.ItemDataRole.ToolTipRole)

    assert model.setData(model.index(4, column), "Dear Ms Murphy")
    qtbot.waitUntil(lambda: composer.overrides.get("Zwrot", 6) == "Dear Ms Murphy", timeout=TIMEOUT)
    settle(qtbot, composer)
    assert preview_of(qtbot, composer, 4).startswith("Dear Ms Murphy,\n")
    qtbot.waitUntil(lambda: model.data(model.index(4, column)) == "Dear Ms Murphy", timeout=TIMEOUT)
    assert model.is_overridden(model.index(4, column))
    # the user's decision: no warning left for that row
    assert not any(p.row == 6 and p.code == Code.GENDER_UNKNOWN for p in composer.problems.model.problems())
    # clearing the edit computes the value again
    assert model.revert_cell(model.index(4, column))
    settle(qtbot, composer)
    qtbot.waitUntil(lambda: model.data(model.index(4, column)) == NEUTRAL_UNKNOWN, timeout=TIMEOUT)
    assert preview_of(qtbot, composer, 4).startswith(NEUTRAL_UNKNOWN + ",")


def test_the_grid_shows_groups_and_the_preview_lists_the_rows(qtbot: QtBot) -> None:
    headers = ["Imię", "E-mail", "Przedmiot", "Ocena"]
    rows = [
        ["Anna", "anna@student.example.edu.pl", "Analiza", "3"],
        ["Jan", "jan@student.example.edu.pl", "Algebra", "4"],
        ["Ania", "ANNA@student.example.edu.pl", "Fizyka", "5"],  # the same student, written otherwise
    ]
    table = make_table(rows, headers)
    letter = MessageTemplate("Oceny", "{Wołacz}, Twoje oceny:\n{lista}")
    composer = make_composer(qtbot, table, letter)
    model = RecipientTableModel()
    model.set_table(table)
    composer.lettersChanged.connect(lambda letters: model.set_letters(letters, composer.overrides))
    composer.set_letter_setup(LetterSetup((Vocative("Wołacz", "Imię"),), Grouping("- {Przedmiot}: {Ocena}")))
    assert composer.letters_editor.grouping_box.isChecked()
    settle(qtbot, composer)
    qtbot.waitUntil(lambda: model.columnCount() == FIRST_DATA_COLUMN + len(headers) + 3, timeout=TIMEOUT)
    assert preview_of(qtbot, composer, 2) == "Anno, Twoje oceny:\n- Analiza: 3\n- Fizyka: 5"
    message = FIRST_DATA_COLUMN + len(headers) + 2
    assert model.headerData(message, Qt.Orientation.Horizontal) == "Message"
    assert model.data(model.index(0, message)) == "#1 (1 of 2)"
    assert model.data(model.index(2, message)) == "#1 (2 of 2)"
    assert model.data(model.index(1, message)) == "#2"
    assert "rows 2, 4" in model.data(model.index(2, message), Qt.ItemDataRole.ToolTipRole)
    listing = FIRST_DATA_COLUMN + len(headers) + 1
    assert "Analiza" in model.data(model.index(0, listing)) and "Fizyka" in model.data(
        model.index(0, listing)
    )
    assert not model.flags(model.index(0, message)) & Qt.ItemFlag.ItemIsEditable
    # the message uses row 2's vocative; that row 4's differs is a warning
    differ = [p for p in composer.problems.model.problems() if p.code == Code.GROUP_VALUES_DIFFER]
    assert [(p.row, p.severity) for p in differ] == [(2, Severity.WARNING)]


def test_a_grouped_message_over_the_limit_is_an_error_of_its_row(qtbot: QtBot) -> None:
    from usosmail_gui.core.template import Code as TemplateCode

    headers = ["Imię", "E-mail", "Uwagi"]
    rows = [["Jan", "jan@student.example.edu.pl", "x" * 6_000] for _ in range(3)]
    rows.append(["Ewa", "ewa@student.example.edu.pl", "krótko"])
    letter = MessageTemplate("Uwagi", "Uwagi:\n{lista}")
    composer = make_composer(qtbot, make_table(rows, headers), letter)
    composer.set_letter_setup(LetterSetup(grouping=Grouping("{Uwagi}")))
    settle(qtbot, composer)
    errors = {(p.code, p.row) for p in composer.problems.model.problems() if p.is_error}
    assert (TemplateCode.CONTENT_TOO_LONG, 2) in errors  # 18,000 characters in one message
    assert not any(p.row == 5 and p.is_error for p in composer.problems.model.problems())


def test_a_derived_column_the_list_lacks_is_an_error_the_editor_keeps(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, make_table(people(), HEADERS), LETTER)
    composer.set_letter_setup(LetterSetup((Salutation("Zwrot", "Gender", "Imię"),)))
    settle(qtbot, composer)
    editor = composer.letters_editor
    assert "Gender" in editor.gender_box.currentText()  # shown, marked, not changed silently
    codes = {p.code for p in composer.problems.model.problems() if p.severity is Severity.ERROR}
    assert Code.DERIVED_SOURCE_MISSING in codes


def test_showing_the_derived_columns_loads_the_names_dictionary_in_a_worker(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Morfeusz's loader holds the GIL for ~0.2 s: loaded when the pane is first shown, not
    in the middle of the first derive (issue 18's GUI-thread stall)."""
    loaded: list[str] = []

    class Lexicon:
        def load(self) -> None:
            loaded.append(threading.current_thread().name)

        def first_name_entries(self, lemma: str) -> list[tuple[Gender, str]]:
            return []

    monkeypatch.setattr(names, "_DEFAULT", names.NameBook(Lexicon()))
    composer = make_composer(qtbot, make_table(people(), HEADERS))
    composer.letters_action.setChecked(True)
    qtbot.waitUntil(lambda: len(loaded) == 1, timeout=TIMEOUT)
    assert loaded[0] != threading.main_thread().name  # in a worker, never on the GUI thread
    composer.letters_action.setChecked(False)
    composer.letters_action.setChecked(True)
    settle(qtbot, composer)
    assert len(loaded) == 1  # once per run


def test_the_derived_columns_part_on_its_own_keeps_only_the_newest_computation(qtbot: QtBot) -> None:
    """DerivedColumns without a composer: the definitions, a computation in a worker, an
    override, a result made outdated while it runs (never shown), another list."""
    editor = LettersEditor()
    qtbot.addWidget(editor)
    part = DerivedColumns(editor)
    rows = [p for p in people() if p[3]]  # the gender written: no dictionary needed
    table = make_table(rows, HEADERS)
    part.set_table(table)
    assert not part.pending and part.template_columns() == list(table.columns)
    setup = LetterSetup((Salutation("Zwrot", "Płeć", "Imię"),))
    assert part.set_setup(setup) and not part.set_setup(setup)
    assert editor.setup() == setup  # the editor shows a file's definitions
    assert part.pending
    assert [c.name for c in part.template_columns() or []][-1] == "Zwrot"  # before it is computed
    with qtbot.waitSignal(part.computed, timeout=TIMEOUT) as done:
        part.start()
    letters = done.args[0]
    assert part.letters() is letters and not part.pending and not part.busy
    column = letters.table.find_column("Zwrot")
    assert column is not None
    first = letters.table.value(0, column)
    # an override: computed again; the same text again changes nothing
    assert part.set_override("Zwrot", table.row_number(0), "Droga Kasiu")
    assert not part.set_override("Zwrot", table.row_number(0), "Droga Kasiu")
    assert part.pending and part.inputs().overrides.get("Zwrot", table.row_number(0)) == "Droga Kasiu"
    # a computation made outdated while it runs is never shown
    shown: list[object] = []
    part.computed.connect(shown.append)
    part.start()
    part.outdated()
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    assert shown == [] and part.letters() is letters
    with qtbot.waitSignal(part.computed, timeout=TIMEOUT) as done:
        part.start()
    assert done.args[0].table.value(0, column) == "Droga Kasiu" != first
    # another list: the overrides and the result go
    with qtbot.waitSignal(part.forgotten, timeout=TIMEOUT):
        part.set_table(make_table(rows, HEADERS))
    assert part.letters() is None and not part.overrides
