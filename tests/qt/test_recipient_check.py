"""ui/recipient_check: the check of every recipient in a worker, after a pause in typing;
only the newest check's result is told, a failure is said in words."""

from __future__ import annotations

from collections.abc import Generator

from pytestqt.qtbot import QtBot

from tests.helpers.composer import BAD_ADDRESS_ROW, TIMEOUT, students
from usosmail_gui.application.preparing import ListedCheck
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.template import (
    CheckProgress,
    CheckResult,
    CompiledTemplate,
    MessageTemplate,
    compile_template,
)
from usosmail_gui.ui import workers
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
