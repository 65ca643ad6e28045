"""The problems panel: every problem (template, list, each recipient) in one list, going to
a problem (row and cursor, UTF-16 aware), the check in a worker restarted by typing, and
quick fixes that Ctrl+Z takes back."""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.helpers.composer import BAD_ADDRESS_ROW, NO_SURNAME_ROW, TIMEOUT, make_composer, settle, students
from usosmail_gui.core.problems import Problem, Severity
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.template import (
    CheckProgress,
    CheckResult,
    Code,
    CompiledTemplate,
    ContentFormat,
    MessageTemplate,
    check_steps,
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


# --- the check runs in a worker, restarted by typing ------------------------------------


class GatedChecks:
    """A check function whose runs wait for the test to let them go."""

    def __init__(self) -> None:
        self.gates: list[threading.Event] = []
        self.started: list[str] = []
        self.cancelled: list[str] = []
        self.finished: list[str] = []

    def function(self):  # type: ignore[no-untyped-def]
        checks = self

        def gated_check(
            compiled: CompiledTemplate, table: RecipientTable
        ) -> Generator[CheckProgress, None, CheckResult]:
            gate = threading.Event()
            checks.gates.append(gate)
            text = compiled.template.content
            checks.started.append(text)
            try:
                yield CheckProgress(0, table.row_count)
                gate.wait(TIMEOUT / 1000)
                result = yield from check_steps(compiled, table)
            except BaseException:
                checks.cancelled.append(text)
                raise
            checks.finished.append(text)
            return result

        return gated_check


@pytest.fixture
def roomy_pool() -> Iterator[None]:
    """Enough pool threads for two blocked checks side by side, whatever the CPU count."""
    pool = QThreadPool.globalInstance()
    before = pool.maxThreadCount()
    pool.setMaxThreadCount(max(before, 4))
    yield
    pool.setMaxThreadCount(before)


@pytest.mark.usefixtures("roomy_pool")
def test_typing_cancels_the_running_check_and_only_the_latest_is_shown(qtbot: QtBot) -> None:
    checks = GatedChecks()
    composer = ComposerPanel(check=checks.function())
    qtbot.addWidget(composer)
    composer.show()
    composer.set_template(MessageTemplate(subject="S", content="Dzień dobry {Imię}"))
    results: list[CheckResult] = []
    composer.checkFinished.connect(results.append)
    composer.set_table(students())
    qtbot.waitUntil(lambda: len(checks.gates) == 1, timeout=TIMEOUT)
    assert composer.problems.checking
    # the user types: the running check is cancelled at once, a new one starts after a pause
    edit = composer.editor.content_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.insertPlainText(" {Nazwiskoo}")
    assert not composer.check_running and composer.check_pending
    qtbot.waitUntil(lambda: len(checks.gates) == 2, timeout=TIMEOUT)
    assert checks.started == ["Dzień dobry {Imię}", "Dzień dobry {Imię} {Nazwiskoo}"]
    checks.gates[0].set()  # the stale check may now go on: it stops at its next yield
    qtbot.waitUntil(lambda: checks.cancelled == ["Dzień dobry {Imię}"], timeout=TIMEOUT)
    with qtbot.waitSignal(composer.checkFinished, timeout=TIMEOUT):
        checks.gates[1].set()
    assert len(results) == 1
    assert checks.finished == ["Dzień dobry {Imię} {Nazwiskoo}"]
    assert any(p.code == Code.UNKNOWN_PLACEHOLDER for p in results[0].problems)
    assert composer.problems.model.problems() == list(results[0].problems)
    assert not composer.problems.checking


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


def test_quick_fix_doubles_css_braces_and_ctrl_z_takes_it_back(qtbot: QtBot) -> None:
    content = "<style>p {color: red} .box {margin: 0}</style><p>Dzień dobry {Imię}</p>"
    template = MessageTemplate(subject="S", content=content, content_format=ContentFormat.HTML)
    composer = make_composer(qtbot, students(), template)
    panel = composer.problems
    css = next(p for p in panel.model.problems() if p.code == Code.CSS_BRACES)
    assert panel.select_problem(css)
    assert panel.fix_button.isEnabled()
    assert panel.fix_button.toolTip() == "Write the braces twice"
    panel.fix_button.click()
    edit = composer.editor.content_edit
    fixed = "<style>p {{color: red}} .box {{margin: 0}}</style><p>Dzień dobry {Imię}</p>"
    assert edit.text() == fixed
    settle(qtbot, composer)
    assert all(p.code != Code.CSS_BRACES for p in panel.model.problems())
    assert composer.preview.message is not None
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)  # one step back to the text as it was
    assert edit.text() == content
    QTest.keyClick(edit, Qt.Key.Key_Y, CTRL)
    assert edit.text() == fixed


def test_quick_fix_uses_the_suggested_column(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, students(), MessageTemplate(subject="Dla {Imie}", content="C"))
    panel = composer.problems
    unknown = next(p for p in panel.model.problems() if p.code == Code.UNKNOWN_PLACEHOLDER)
    assert composer.fix_description_for(unknown) == "Write {Imię} instead"
    with qtbot.waitSignal(composer.templateChanged):
        assert composer.apply_fix(unknown)
    assert composer.editor.subject_edit.text() == "Dla {Imię}"
    # a fix for a text that has changed since is not offered
    assert composer.fix_description_for(unknown) is None
    assert not composer.apply_fix(unknown)
    QTest.keyClick(composer.editor.subject_edit, Qt.Key.Key_Z, CTRL)
    assert composer.editor.subject_edit.text() == "Dla {Imie}"
    # problems of one recipient have no fix
    settle(qtbot, composer)
    invalid = next(p for p in panel.model.problems() if p.row is not None)
    assert composer.fix_description_for(invalid) is None


def test_a_nul_in_the_sender_name_is_an_error_with_a_fix_that_removes_it(qtbot: QtBot) -> None:
    template = MessageTemplate(subject="Dla {Imię}\x07", content="C", from_name="Dzie\x00kanat")
    composer = make_composer(qtbot, students(), template)
    panel = composer.problems
    found = [p for p in panel.model.problems() if p.code == Code.CONTROL_CHARACTER]
    assert [(p.row, p.position.part if p.position else None) for p in found] == [
        (None, "subject"),
        (None, "from_name"),
    ]
    sender = found[1]
    assert composer.fix_description_for(sender) == "Remove the invisible control characters"
    with qtbot.waitSignal(composer.templateChanged):
        assert composer.apply_fix(sender)
    assert composer.editor.from_name_edit.text() == "Dziekanat"
    settle(qtbot, composer)
    remaining = [p for p in panel.model.problems() if p.code == Code.CONTROL_CHARACTER]
    assert [p.position.part for p in remaining if p.position] == ["subject"]


def test_an_empty_new_template_is_not_red_until_touched_or_sent(qtbot: QtBot) -> None:
    from tests.helpers.memory_keyring import MemoryKeyring
    from usosmail_gui.core.credentials import CredentialStore
    from usosmail_gui.ui.main_window import MainWindow

    window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(window)
    window.show()
    composer = window.composer
    settle(qtbot, composer)
    assert codes(composer.problems.model.problems()) == []  # nothing done yet: nothing wrong
    assert "errors" not in composer.preview.notice_label.text()

    composer.editor.content_edit.setPlainText("Dzień dobry")  # the text touched, not the subject
    settle(qtbot, composer)
    assert codes(composer.problems.model.problems()) == []

    composer.editor.subject_edit.setFocus()  # into the subject and out again, writing nothing
    qtbot.waitUntil(composer.editor.subject_edit.hasFocus, timeout=TIMEOUT)
    composer.editor.content_edit.setFocus()
    qtbot.waitUntil(
        lambda: (None, Code.SUBJECT_EMPTY) in codes(composer.problems.model.problems()), timeout=TIMEOUT
    )
    assert (None, Code.CONTENT_EMPTY) not in codes(composer.problems.model.problems())

    composer.set_template(MessageTemplate())  # a new empty one: quiet again, until a send is tried
    settle(qtbot, composer)
    assert codes(composer.problems.model.problems()) == []
    window.send_test_action.trigger()  # refused (no list), and now says what is wrong
    both = {(None, Code.SUBJECT_EMPTY), (None, Code.CONTENT_EMPTY)}
    qtbot.waitUntil(lambda: both <= set(codes(composer.problems.model.problems())), timeout=TIMEOUT)
