"""The problems panel (``ui.problems_panel``): every problem (template, list, each recipient)
in one list, and going to a problem (row and cursor, UTF-16 aware); the template's own
problems shown before the check of the recipients ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.helpers.composer import (
    BAD_ADDRESS_ROW,
    NO_SURNAME_ROW,
    TIMEOUT,
    GatedChecks,
    make_composer,
    settle,
    students,
)
from usosmail_gui.core.problems import Problem, Severity
from usosmail_gui.core.template import (
    CheckResult,
    Code,
    MessageTemplate,
)
from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.problems_panel import ProblemsModel, ProblemsPanel

CTRL = Qt.KeyboardModifier.ControlModifier


def codes(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.row, p.code) for p in problems]


def activate(panel: ProblemsPanel, problem: Problem) -> None:
    """Select the problem and press Enter in the list, as a keyboard user would."""
    assert panel.select_problem(problem)
    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_Return)


def test_every_problem_of_every_recipient_is_listed(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    table = students()
    template = MessageTemplate(subject="Decyzja – {Imię} {Nazwisko}", content="Dzień dobry {Imie}")
    composer = ComposerPanel()
    qtbot.addWidget(composer)
    composer.set_template(template)
    with qtbot.waitSignal(composer.checkFinished, timeout=TIMEOUT) as blocker:
        composer.set_table(table)
    result = blocker.args[0]
    assert isinstance(result, CheckResult)
    listed = composer.problems.model.problems()
    assert listed == list(result.problems)
    number = table.row_number
    assert (None, Code.UNKNOWN_PLACEHOLDER) in codes(listed)  # the template's own
    assert (number(BAD_ADDRESS_ROW), "email_invalid") in codes(listed)  # the list's
    assert (number(NO_SURNAME_ROW), Code.EMPTY_VALUE) in codes(listed)  # one recipient's
    model = composer.problems.model
    qtmodeltester.check(model)
    first_row = next(i for i, p in enumerate(listed) if p.row is not None)
    assert model.index(first_row, ProblemsModel.COL_ROW).data() == str(listed[first_row].row)
    unknown = next(i for i, p in enumerate(listed) if p.code == Code.UNKNOWN_PLACEHOLDER)
    assert model.index(unknown, ProblemsModel.COL_WHERE).data() == "Message text"
    assert "Did you mean {Imię}?" in model.index(unknown, ProblemsModel.COL_MESSAGE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(unknown, ProblemsModel.COL_SEVERITY).data(Qt.ItemDataRole.DecorationRole) is not None
    # the filter is a plain list operation, no proxy
    composer.problems.filter_combo.setCurrentIndex(2)  # warnings only
    assert {p.severity for p in map(model.problem, range(model.rowCount()))} == {Severity.WARNING}
    composer.problems.filter_combo.setCurrentIndex(1)  # errors only
    assert {p.severity for p in map(model.problem, range(model.rowCount()))} == {Severity.ERROR}


def test_without_a_list_the_template_is_still_checked(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, None, MessageTemplate(subject="Linia\ndruga", content="{Cokolwiek} }"))
    listed = codes(composer.problems.model.problems())
    assert (None, Code.SUBJECT_LINE_BREAK) in listed
    assert (None, Code.UNMATCHED_CLOSE_BRACE) in listed
    assert (None, Code.UNKNOWN_PLACEHOLDER) not in listed  # no columns to judge by
    assert not composer.problems.checking


@pytest.mark.usefixtures("english_plurals")
def test_activating_a_problem_selects_its_row_and_puts_the_cursor_there(qtbot: QtBot) -> None:
    table = students()
    content = "😀 Dzień dobry 👋🏻 {Imie}!"
    composer = make_composer(qtbot, table, MessageTemplate(subject="Dla {Nazwisko}", content=content))
    panel = composer.problems
    listed = panel.model.problems()
    unknown = next(p for p in listed if p.code == Code.UNKNOWN_PLACEHOLDER)
    assert unknown.position is not None and unknown.position.offset == content.index("{Imie}")
    with qtbot.assertNotEmitted(composer.rowActivated):
        activate(panel, unknown)
    edit = composer.editor.content_edit
    qtbot.waitUntil(edit.hasFocus)
    # three astral characters before it: the code-point offset is 17, Qt's position 20
    assert unknown.position.offset == 17
    assert edit.textCursor().position() == 20
    assert edit.textCursor().selectedText() == "{Imie}"
    # a recipient's problem selects the row (the main window's grid follows rowActivated)
    empty = next(p for p in listed if p.code == Code.EMPTY_VALUE)
    with qtbot.waitSignal(composer.rowActivated) as blocker:
        activate(panel, empty)
    assert blocker.args == [NO_SURNAME_ROW]
    assert composer.current_row() == NO_SURNAME_ROW
    assert composer.preview.subject_text() == "Dla "
    qtbot.waitUntil(composer.editor.subject_edit.hasFocus)
    assert composer.editor.subject_edit.textCursor().position() == len("Dla ")
    # a single click shows the row and the place without taking the focus from the list
    invalid = next(p for p in listed if p.row == table.row_number(BAD_ADDRESS_ROW))
    panel.view.setFocus()
    rect = panel.view.visualRect(panel.model.index(panel.model.row_of(invalid) or 0, 3))
    with qtbot.waitSignal(composer.rowActivated) as blocker:
        QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [BAD_ADDRESS_ROW]
    assert panel.view.hasFocus()
    rect = panel.view.visualRect(panel.model.index(panel.model.row_of(unknown) or 0, 3))
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert edit.textCursor().position() == 20 and edit.textCursor().selectedText() == "{Imie}"
    assert panel.view.hasFocus()


def test_a_problem_in_a_sender_field_selects_it(qtbot: QtBot) -> None:
    template = MessageTemplate(subject="S", content="C", from_name="Dziekanat", from_email="zły adres")
    composer = make_composer(qtbot, students(), template)
    invalid = next(p for p in composer.problems.model.problems() if p.code == Code.FROM_EMAIL_INVALID)
    activate(composer.problems, invalid)
    qtbot.waitUntil(composer.editor.from_email_edit.hasFocus)
    assert composer.editor.from_email_edit.selectedText() == "zły adres"


# --- the check runs in a worker (GatedChecks: tests/helpers/composer.py) ---------------



def test_template_problems_show_before_the_check_ends(qtbot: QtBot) -> None:
    checks = GatedChecks()
    composer = ComposerPanel(check=checks.function())
    qtbot.addWidget(composer)
    composer.set_table(students())
    qtbot.waitUntil(lambda: len(checks.gates) == 1, timeout=TIMEOUT)
    composer.editor.content_edit.setPlainText("{Imie}")
    composer.start_check()  # what the pause in typing triggers
    assert (None, Code.UNKNOWN_PLACEHOLDER) in codes(composer.problems.model.problems())
    assert composer.problems.checking
    qtbot.waitUntil(lambda: len(checks.gates) == 2, timeout=TIMEOUT)
    for gate in checks.gates:
        gate.set()
    settle(qtbot, composer)
    assert checks.finished == ["{Imie}"]


# --- quick fixes ----------------------------------------------------------------------------


