"""The problems panel: every problem of the template, the list and each recipient, in one table.

The model is an adapter over a plain list of the core's ``Problem`` values (50,000 and
more after a check of a big list): no proxy model, the severity filter is one list
comprehension, and the view asks only for the rows in sight (fixed row heights, no
measuring). The panel knows nothing of templates: the composer tells it what to show,
whether a check is running, and which problems have a quick fix.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.core.problems import Problem, Severity, count_by_severity
from usosmail_gui.core.recipients import Code as RecipientCode
from usosmail_gui.core.template import Code, Part
from usosmail_gui.ui.numbers import counted
from usosmail_gui.ui.problem_texts import problem_text

__all__ = ["ProblemsModel", "ProblemsPanel", "fix_description", "recipient_fix_description", "where_text"]

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
PROBLEM_ROLE = Qt.ItemDataRole.UserRole.value


translate = QCoreApplication.translate


def where_text(problem: Problem) -> str:
    """Which text or column a problem is about, in a few words."""
    position = problem.position
    if position is not None:
        words = {
            Part.SUBJECT.value: translate("ProblemsPanel", "Subject"),
            Part.CONTENT.value: translate("ProblemsPanel", "Message text"),
            Part.FROM_NAME.value: translate("ProblemsPanel", "Sender name"),
            Part.FROM_EMAIL.value: translate("ProblemsPanel", "Sender address"),
            Part.SEND_SUMMARY_TO.value: translate("ProblemsPanel", "Summary to"),
        }.get(position.part)
        if words is not None:
            if problem.field and position.part in (Part.SUBJECT.value, Part.CONTENT.value) and problem.row:
                return translate("ProblemsPanel", "{part}, column “{column}”").format(
                    part=words, column=problem.field
                )
            return words
    if problem.field:
        return translate("ProblemsPanel", "Column “{column}”").format(column=problem.field)
    return translate("ProblemsPanel", "Recipient list") if problem.row is None else ""


def fix_description(problem: Problem) -> str:
    """What the quick fix for ``problem`` does (only asked when the core has one)."""
    code = problem.code
    if code in (Code.CSS_BRACES, Code.LITERAL_BRACES):
        return translate("ProblemsPanel", "Write the braces twice")
    if code in (Code.UNMATCHED_OPEN_BRACE, Code.UNMATCHED_CLOSE_BRACE):
        return translate("ProblemsPanel", "Write the brace twice (as text)")
    if code in (Code.SUBJECT_LINE_BREAK, Code.FROM_NAME_LINE_BREAK):
        return translate("ProblemsPanel", "Replace the line breaks with spaces")
    if code == Code.CONTROL_CHARACTER:
        return translate("ProblemsPanel", "Remove the invisible control characters")
    if code in (Code.UNKNOWN_PLACEHOLDER, Code.ATTRIBUTE_ACCESS, Code.INDEX_ACCESS) and problem.suggestion:
        return translate("ProblemsPanel", "Write {{{name}}} instead").format(name=problem.suggestion)
    if code in (Code.CONVERSION_REPR, Code.CONVERSION_ASCII, Code.CONVERSION_UNKNOWN):
        return translate("ProblemsPanel", "Remove the conversion")
    if code == Code.FORMAT_SPEC_INVALID:
        return translate("ProblemsPanel", "Remove the format")
    return translate("ProblemsPanel", "Apply the suggested correction")


def recipient_fix_description(problem: Problem) -> str:
    """What the quick fix of a recipient's address does (the core gives the corrected cell)."""
    code = problem.code
    if code == RecipientCode.EMAIL_PIPE:
        return translate("ProblemsPanel", "Split at |: write “{cell}”").format(cell=problem.suggestion)
    if code == RecipientCode.EMAIL_COMMA_DOMAIN:
        return translate("ProblemsPanel", "Replace the comma with a dot: write “{cell}”").format(
            cell=problem.suggestion
        )
    return translate("ProblemsPanel", "Split into separate addresses: write “{cell}”").format(
        cell=problem.suggestion
    )


class ProblemsModel(QAbstractTableModel):
    """Problems as rows: severity, spreadsheet row, where, message."""

    COL_SEVERITY, COL_ROW, COL_WHERE, COL_MESSAGE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: tuple[Problem, ...] = ()
        self._shown: Sequence[Problem] = ()
        self._severity: Severity | None = None
        self._counts = count_by_severity(())
        style = QApplication.style()
        self._icons: dict[Severity, QIcon] = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self._right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # --- the list --------------------------------------------------------------------------

    def set_problems(self, problems: Sequence[Problem], counts: Mapping[Severity, int] | None = None) -> None:
        """Show ``problems`` (``counts``: their count by severity, when the worker made it)."""
        self.beginResetModel()
        self._all = problems if isinstance(problems, tuple) else tuple(problems)  # no copy of 50,000
        self._counts = dict(counts) if counts is not None else count_by_severity(self._all)
        self._shown = self._filtered()
        self.endResetModel()

    def set_severity(self, severity: Severity | None) -> None:
        """Show only errors, only warnings, or (None) both."""
        if severity is self._severity:
            return
        self.beginResetModel()
        self._severity = severity
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> Sequence[Problem]:
        severity = self._severity
        if severity is None:
            return self._all
        return [p for p in self._all if p.severity is severity]

    def problems(self) -> list[Problem]:
        """Every problem, whatever the filter."""
        return list(self._all)

    def counts(self) -> dict[Severity, int]:
        return dict(self._counts)

    def problem(self, row: int) -> Problem:
        return self._shown[row]

    def row_of(self, problem: Problem) -> int | None:
        """The model row showing ``problem`` (None when filtered out or gone)."""
        try:
            return self._shown.index(problem)
        except ValueError:
            return None

    def icon_for(self, severity: Severity) -> QIcon:
        return self._icons[severity]

    # --- Qt's side -------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        problem = self._shown[index.row()]
        column = index.column()
        if role == PROBLEM_ROLE:
            return problem
        if column == self.COL_SEVERITY:
            if role == _DECORATION:
                return self._icons[problem.severity]
            if role in (_TOOLTIP, _ACCESSIBLE):
                return (
                    translate("ProblemsPanel", "Error")
                    if problem.is_error
                    else translate("ProblemsPanel", "Warning")
                )
            return None
        if column == self.COL_ROW:
            if role in (_DISPLAY, _ACCESSIBLE):
                return "" if problem.row is None else str(problem.row)
            if role == _ALIGN:
                return self._right
            if role == _TOOLTIP:
                if problem.row is None:
                    return translate(
                        "ProblemsPanel", "Not about one recipient: about the whole template or list."
                    )
                return translate("ProblemsPanel", "Row {row} of the spreadsheet").format(row=problem.row)
            return None
        if column == self.COL_WHERE:
            if role in (_DISPLAY, _ACCESSIBLE, _TOOLTIP):
                return where_text(problem)
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            return problem_text(problem)
        if role == _TOOLTIP:
            tip = f"<p>{html.escape(problem_text(problem))}</p>"
            if problem.suggestion:
                suggestion = translate("ProblemsPanel", "Suggestion: {suggestion}").format(
                    suggestion=problem.suggestion
                )
                tip += f"<p><i>{html.escape(suggestion)}</i></p>"
            return tip
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return [
                "",
                translate("ProblemsPanel", "Row"),
                translate("ProblemsPanel", "Where"),
                translate("ProblemsPanel", "Problem"),
            ][section]
        if role == _TOOLTIP:
            tips = [
                translate("ProblemsPanel", "Severity"),
                translate("ProblemsPanel", "Row of the spreadsheet"),
                translate("ProblemsPanel", "Which text or column"),
                translate("ProblemsPanel", "What is wrong; click to see the place, double-click to go there"),
            ]
            return tips[section]
        if role == _ACCESSIBLE and section == self.COL_SEVERITY:  # the column shows only icons
            return translate("ProblemsPanel", "Severity")
        return None


class ProblemsPanel(QWidget):
    """The problems table with its counts, filter, "checking…" line and Fix button.

    Signals:
        problemClicked(object): a problem was clicked (``Problem``): show where it is.
        problemActivated(object): a problem was activated (double-click or Enter): go there.
        fixRequested(object): the user asked for the quick fix of this ``Problem``.

    ``fix_for`` (set by the owner) says what the quick fix of a problem does, or None
    when it has none.
    """

    problemClicked = Signal(object)
    problemActivated = Signal(object)
    fixRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.fix_for: Callable[[Problem], str | None] = lambda problem: None
        self.model = ProblemsModel(self)
        self._build()
        self._show_counts()
        self.set_checking(False)

    def _build(self) -> None:
        title = self._title = QLabel()
        self.count_label = QLabel()
        self.checking_label = QLabel()
        self.checking_bar = QProgressBar()
        self.checking_bar.setTextVisible(False)
        self.checking_bar.setMaximumWidth(120)
        self.checking_bar.setMaximumHeight(self.fontMetrics().height())
        for widget in (self.checking_label, self.checking_bar):  # showing them moves nothing
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        self.filter_combo = QComboBox()
        self.filter_combo.addItem("", None)
        self.filter_combo.addItem("", Severity.ERROR.value)
        self.filter_combo.addItem("", Severity.WARNING.value)
        self.filter_combo.currentIndexChanged.connect(self._filter_chosen)
        self.fix_button = QPushButton()
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self._fix_clicked)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.checking_label)
        top.addWidget(self.checking_bar)
        top.addStretch(1)
        top.addWidget(self.filter_combo)
        top.addWidget(self.fix_button)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # nothing measured per row
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        columns = self.view.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(True)
        columns.setHighlightSections(False)
        width = self.fontMetrics().horizontalAdvance
        self.view.setColumnWidth(ProblemsModel.COL_SEVERITY, 28)
        self.view.setColumnWidth(ProblemsModel.COL_ROW, width("000000") + 12)
        self.view.setColumnWidth(ProblemsModel.COL_WHERE, width("Message text") + 40)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._update_fix)
        self.model.modelReset.connect(self._update_fix)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's texts in the language now installed (the problems' own texts are
        the model's, asked again)."""
        self._title.setText(self.tr("<b>Problems</b>"))
        self.count_label.setAccessibleName(self.tr("Number of problems"))
        self.checking_label.setAccessibleName(self.tr("Checking the recipients"))
        self.checking_bar.setAccessibleName(self.tr("Checking progress"))
        self.filter_combo.setAccessibleName(self.tr("Show which problems"))
        for index, text in enumerate(
            (self.tr("Errors and warnings"), self.tr("Errors only"), self.tr("Warnings only"))
        ):
            self.filter_combo.setItemText(index, text)
        self.fix_button.setText(self.tr("&Fix"))
        self.fix_button.setAccessibleName(self.tr("Fix the selected problem"))
        self.view.setAccessibleName(self.tr("Problems"))
        self._show_counts()
        model = self.model
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        if model.rowCount():
            last = model.index(model.rowCount() - 1, model.columnCount() - 1)
            model.dataChanged.emit(model.index(0, 0), last)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # --- what the owner tells it ---------------------------------------------------------

    def set_problems(self, problems: Sequence[Problem], counts: Mapping[Severity, int] | None = None) -> None:
        self.model.set_problems(problems, counts)
        self._show_counts()

    def set_checking(self, active: bool, done: int = 0, total: int = 0) -> None:
        """Show (or hide) that the recipients are being checked, with progress if known."""
        self.checking_label.setVisible(active)
        self.checking_bar.setVisible(active)
        if not active:
            return
        if total > 0:
            self.checking_label.setText(counted(self.tr("Checking %Ln recipient(s)…", "", total), total))
            self.checking_bar.setRange(0, total)
            self.checking_bar.setValue(done)
        else:
            self.checking_label.setText(self.tr("Checking…"))
            self.checking_bar.setRange(0, 0)  # busy

    def set_status(self, text: str) -> None:
        """A line of its own in place of the "checking" indicator (e.g. the check failed)."""
        self.checking_bar.hide()
        self.checking_label.setText(text)
        self.checking_label.setVisible(bool(text))

    @property
    def checking(self) -> bool:
        return self.checking_bar.isVisibleTo(self)

    def current_problem(self) -> Problem | None:
        index = self.view.currentIndex()
        return self.model.problem(index.row()) if index.isValid() else None

    def select_problem(self, problem: Problem) -> bool:
        row = self.model.row_of(problem)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, ProblemsModel.COL_MESSAGE))
        return True

    # --- reactions -------------------------------------------------------------------------

    def _show_counts(self) -> None:
        counts = self.model.counts()
        errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
        if not errors and not warnings:
            self.count_label.setText(self.tr("none"))
            return
        self.count_label.setText(
            counted(self.tr("%Ln error(s)", "", errors), errors)
            + ", "
            + counted(self.tr("%Ln warning(s)", "", warnings), warnings)
        )

    def _filter_chosen(self, _item: int) -> None:
        value = self.filter_combo.currentData()
        self.model.set_severity(None if value is None else Severity(str(value)))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.problemClicked.emit(self.model.problem(index.row()))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.problemActivated.emit(self.model.problem(index.row()))

    def _update_fix(self) -> None:
        problem = self.current_problem()
        label = None if problem is None else self.fix_for(problem)
        self.fix_button.setEnabled(label is not None)
        self.fix_button.setToolTip(label or self.tr("The selected problem has no automatic fix."))

    def _fix_clicked(self) -> None:
        problem = self.current_problem()
        if problem is not None:
            self.fixRequested.emit(problem)

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        problem = self.model.problem(index.row())
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        label = self.fix_for(problem)
        if label is not None:
            fix = QAction(self.tr("Fix: {what}").format(what=label), menu)
            fix.triggered.connect(lambda: self.fixRequested.emit(problem))
            menu.addAction(fix)
        go = QAction(self.tr("Go to the problem"), menu)
        go.triggered.connect(lambda: self.problemActivated.emit(problem))
        menu.addAction(go)
        copy = QAction(self.tr("Copy the message"), menu)
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(problem_text(problem)))
        menu.addAction(copy)
        menu.popup(self.view.viewport().mapToGlobal(point))
