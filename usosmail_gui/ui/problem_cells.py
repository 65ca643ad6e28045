"""The grid's Problems column: a row's problems in a few words (the one problem, or how
many), its worst severity's icon, every problem in the tooltip, dimmed when excluded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from usosmail_gui.core.problems import Severity
from usosmail_gui.core.recipients import Code, RecipientTable
from usosmail_gui.ui.colours import Tone, tone
from usosmail_gui.ui.numbers import counted
from usosmail_gui.ui.problem_texts import problem_text

__all__ = ["ProblemCells"]

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value


class ProblemCells:
    """The Problems column's cells, coloured for a palette (``set_palette`` when it changes)."""

    def __init__(self, palette: QPalette) -> None:
        style = QApplication.style()
        self._icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        rows = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)  # alternating rows
        self._grey = QBrush(tone(Tone.MUTED, palette, on=rows))  # excluded rows: dimmed, still legible

    def icon_for(self, severity: Severity) -> QIcon:
        return self._icons[severity]

    def data(self, table: RecipientTable, row: int, role: int) -> Any:
        if role in (_DISPLAY, _ACCESSIBLE):
            return self.summary(table, row)
        if role == _DECORATION:
            severity = table.worst_severity(row)
            return None if severity is None else self._icons[severity]
        if role == _TOOLTIP:
            problems = table.problems(row)
            hidden = []
            if table.is_hidden(row):
                hidden.append(
                    QCoreApplication.translate(
                        "ProblemCells", "This row is hidden in the sheet (or by its filter)."
                    )
                )
            if not problems:
                return hidden[0] if hidden else None
            lines = [*hidden, *(f"• {problem_text(problem)}" for problem in problems)]
            if not table.is_included(row):
                lines.append(
                    QCoreApplication.translate(
                        "ProblemCells", "(This row is excluded, so nothing is sent to it anyway.)"
                    )
                )
            return "\n".join(lines)
        if role == _FOREGROUND:
            return None if table.is_included(row) else self._grey
        return None

    @staticmethod
    def labels() -> list[str]:
        """Every short text the column shows for usual problems (its width is made from
        the longest, as translated)."""
        return [
            QCoreApplication.translate("ProblemCells", "Hidden in the sheet"),
            QCoreApplication.translate("ProblemCells", "%n problem(s)", None, 9),
            QCoreApplication.translate("ProblemCells", "No address"),
            QCoreApplication.translate("ProblemCells", "Invalid address"),
            QCoreApplication.translate("ProblemCells", "Duplicate address"),
            QCoreApplication.translate("ProblemCells", "Several addresses"),
        ]

    @staticmethod
    def summary(table: RecipientTable, row: int) -> str:
        """A few words for the cell: what the one problem is, or how many there are."""
        problems = table.problems(row)
        if not problems:
            return (
                QCoreApplication.translate("ProblemCells", "Hidden in the sheet")
                if table.is_hidden(row)
                else ""
            )
        if len(problems) > 1:
            return counted(
                QCoreApplication.translate("ProblemCells", "%n problem(s)", None, len(problems)),
                len(problems),
            )
        code = problems[0].code
        if code == Code.EMAIL_MISSING:
            return QCoreApplication.translate("ProblemCells", "No address")
        if code == Code.EMAIL_INVALID:
            return QCoreApplication.translate("ProblemCells", "Invalid address")
        if code == Code.EMAIL_DUPLICATE:
            return QCoreApplication.translate("ProblemCells", "Duplicate address")
        if code == Code.EMAIL_MULTIPLE:
            return QCoreApplication.translate("ProblemCells", "Several addresses")
        return problem_text(problems[0])
