"""ui/recipient_check: the check of every recipient in a worker, after a pause in typing;
only the newest check's result is told (typing cancels the running one), a failure is said
in words."""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from tests.helpers.composer import BAD_ADDRESS_ROW, TIMEOUT, GatedChecks, students
from usosmail_gui.application.preparing import ListedCheck
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.template import (
    CheckProgress,
    CheckResult,
    Code,
    CompiledTemplate,
    MessageTemplate,
    compile_template,
)
from usosmail_gui.ui import workers
from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.recipient_check import RecipientCheck


def compiled_for(table: RecipientTable) -> CompiledTemplate:
    return compile_template(MessageTemplate("Dla {Imię}", "Dzień dobry, {Imię} {Nazwisko}"), table.columns)


def test_the_newest_check_is_told_with_its_problems_listed(qtbot: QtBot) -> None:
    check = RecipientCheck(delay_ms=50)
    table = students()
    steps: list[tuple[int, int]] = []
    check.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(check.due, timeout=TIMEOUT):  # after the pause in typing
        check.later()
        assert check.pending and not check.running
    with qtbot.waitSignal(check.finished, timeout=TIMEOUT) as finished:
        check.start(compiled_for(table), table)
        assert check.running
    listed = finished.args[0]
    assert isinstance(listed, ListedCheck) and not check.pending
    assert any(p.row == table.row_number(BAD_ADDRESS_ROW) for p in listed.rows)
    assert steps and steps[-1][1] == table.row_count
    # a check made outdated by a change is never told
    told: list[object] = []
    check.finished.connect(told.append)
    check.start(compiled_for(table), table)
    check.later()
    check.stop()
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    assert told == [] and not check.pending


def test_a_failed_check_is_said_in_words(qtbot: QtBot) -> None:
    def broken(
        compiled: CompiledTemplate, table: RecipientTable
    ) -> Generator[CheckProgress, None, CheckResult]:
        raise MemoryError
        yield  # a generator, as the check's steps are

    check = RecipientCheck(broken, delay_ms=0)
    table = students()
    with qtbot.waitSignal(check.failed, timeout=TIMEOUT) as failed:
        check.start(compiled_for(table), table)
    assert failed.args == ["The recipients could not be checked (MemoryError)."]
    assert not check.running


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
