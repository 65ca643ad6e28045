"""Building and settling a ComposerPanel (or a TemplateEditor alone) in the Qt tests (real
widgets, offscreen)."""

from __future__ import annotations

import threading
from collections.abc import Generator, Sequence

from pytestqt.qtbot import QtBot

from tests.helpers.tables import DEMO_COLUMNS, make_table
from usosmail_gui.application.preparing import CheckSteps
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.template import (
    CheckProgress,
    CheckResult,
    CompiledTemplate,
    MessageTemplate,
    check_steps,
)
from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.template_editor import TemplateEditor

TIMEOUT = 10000

STUDENTS = [
    ["Anna", "Kowalska", "100001", "anna.kowalska@student.example.edu.pl", "Informatyka", "1"],
    ["Łukasz", "Wiśniewski", "100002", "lukasz.w@student.example.edu.pl", "Filologia polska", "2"],
    ["Zofia", "Żółć", "100003", "zofia.zolc@student.example.edu.pl", "Zarządzanie", "3"],
    ["Michał", "", "100004", "michal@student.example.edu.pl", "Matematyka", "4"],  # no surname
    ["Ewa", "Lewandowska", "100005", "ewa(at)student.example.edu.pl", "Biotechnologia", "5"],  # bad address
]
NO_SURNAME_ROW = 3
BAD_ADDRESS_ROW = 4


def students(rows: Sequence[Sequence[str]] = STUDENTS) -> RecipientTable:
    return make_table(rows, DEMO_COLUMNS)


def make_composer(
    qtbot: QtBot,
    table: RecipientTable | None = None,
    template: MessageTemplate | None = None,
    *,
    check: CheckSteps | None = None,
) -> ComposerPanel:
    composer = ComposerPanel() if check is None else ComposerPanel(check=check)
    qtbot.addWidget(composer)
    composer.resize(1200, 800)
    composer.show()
    composer.activateWindow()  # keys and the completion popup need the window to have focus
    qtbot.waitUntil(composer.isActiveWindow)
    if template is not None:
        composer.set_template(template)
    if table is not None:
        composer.set_table(table)
    settle(qtbot, composer)
    return composer


def settle(qtbot: QtBot, composer: ComposerPanel) -> None:
    """Until the preview shows the latest text and no check runs or waits."""
    composer.flush_preview()
    qtbot.waitUntil(lambda: not composer.check_pending and not composer.file_busy, timeout=TIMEOUT)


def editor_with_columns(qtbot: QtBot) -> TemplateEditor:
    """A template editor of its own, shown and focused, knowing the students' columns."""
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    editor.activateWindow()  # keys and the completion popup need the window to have focus
    qtbot.waitUntil(editor.isActiveWindow)
    editor.set_columns(students().columns)
    return editor


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
