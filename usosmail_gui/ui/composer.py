"""The composer: template editor, preview and problems panel, wired to the core.

What runs where, and why:

- Each edit compiles the template once (``TemplateEditor.compiled``, cached): the
  highlighters, the counters and the preview share that compilation.
- The preview follows the editor through a ``Throttle`` (the first change after a quiet
  spell renders at once, a burst of keys renders once per ``PREVIEW_DELAY_MS``), so
  typing never waits for the preview.
- Checking every recipient (``check_steps``, in slices: ``check_in_slices`` of
  ``application.preparing``) runs in a worker (``recipient_check.RecipientCheck``),
  started ``CHECK_DELAY_MS`` after the last change; a change cancels the
  running check at once (it is about a text that no longer exists) and only the newest
  check's result is shown. Template-level problems are shown right away (compiling is
  cheap) — except those of a new template's untouched empty fields: a fresh window is
  not red (``held_problems.HeldProblems``; ``reveal_problems`` when a send is tried).
- Its parts, each in its own module: the template's file and its commands
  (``template_files.TemplateFiles``: read and written in workers, a file that cannot be
  read explained in a message box, the text being edited kept), the derived columns
  computed for the list (``derived_columns.DerivedColumns``), one row's message in the
  preview (``row_preview.RowPreview``), the problems held back (``held_problems``), the
  check in its worker (``recipient_check``) and the quick fixes (``quick_fixes``). The
  panel owns them and forwards their signals; each part sets its own texts again on
  ``LanguageChange`` (the panel passes it on to them, its children).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from usosmail_gui.application.letters import LetterInputs
from usosmail_gui.application.preparing import CheckSteps, ListedCheck, check_in_slices
from usosmail_gui.core.letters import LetterSetup
from usosmail_gui.core.letters.derive import LetterList, Overrides
from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.template import EXTENSION, CompiledTemplate, MessageTemplate

from . import heap
from .derived_columns import DerivedColumns
from .held_problems import HeldProblems
from .letters_editor import LettersEditor
from .placeholder_edit import is_template_file_drop
from .preview import PreviewPane
from .problems_panel import ProblemsPanel
from .quick_fixes import apply_template_fix, fix_description_for, problem_row, recipient_fix
from .recipient_check import RecipientCheck
from .row_preview import RowPreview
from .settings import app_settings
from .template_editor import TemplateEditor
from .template_files import TemplateFiles, sample_templates
from .throttle import Throttle

__all__ = ["ComposerPanel", "sample_templates"]


class ComposerPanel(QWidget):
    """Everything the user composes, previews and corrects before sending.

    The main window tells it the recipient list (``set_table``), the grid's current row
    (``set_current_row``) and, optionally, the grid's row order (``set_row_order``); it
    puts ``new_action``, ``open_action``, ``save_action``, ``save_as_action`` and
    ``samples_menu`` in its File menu, and the problems panel in a dock
    (``take_problems_panel``).

    Signals:
        rowActivated(int): the table row index the user went to from here (a problem,
            previous/next): the grid should select it.
        cellFixRequested(int, int, str): the quick fix of a recipient problem: set this
            table row's cell of this column to the text (the grid's model does it).
        templateChanged(): the template differs (typed, opened, fixed…).
        checkFinished(object): the ``CheckResult`` of the newest check of every
            recipient (only when a list is loaded; never for an outdated text).
        modificationChanged(bool): whether the template differs from its file now.
        fileChanged(object): the template's file (``Path``), or None for a new one.
        lettersChanged(object): the list with its derived columns computed
            (``LetterList``), after each computation; None when there are none.

    Its parts: ``files`` (``TemplateFiles``: the template's file, its commands and
    actions) and ``derived`` (``DerivedColumns``, issue 18: ``letters_editor`` edits the
    definitions, saved in the template file; they are computed for the list in a worker
    before each check, and the preview, the counters and Problems use the result).
    ``overrides`` are the values typed over derived ones in the grid (``set_override``).
    """

    rowActivated = Signal(int)
    cellFixRequested = Signal(int, int, str)
    templateChanged = Signal()
    checkFinished = Signal(object)
    modificationChanged = Signal(bool)
    fileChanged = Signal(object)
    lettersChanged = Signal(object)

    PREVIEW_DELAY_MS = 120
    CHECK_DELAY_MS = 300

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        check: CheckSteps = check_in_slices,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composerPanel")
        self.setAcceptDrops(True)
        self._settings = settings if settings is not None else app_settings()
        self._table: RecipientTable | None = None
        self._row: int | None = None
        self._order: Sequence[int] | None = None
        self._row_problems: tuple[Problem, ...] = ()  # of the newest finished check (row not None)
        self._listed_head: tuple[Problem, ...] | None = None  # list + template problems shown
        self._editor_columns: list[tuple[str, str]] | None = None  # (name, placeholder) the editor knows
        self.letters_editor = LettersEditor()
        self.derived = DerivedColumns(self.letters_editor, self)
        self.letters_action = self.derived.action
        self.derived.computed.connect(self._derived)
        self.derived.forgotten.connect(lambda: self.lettersChanged.emit(None))
        self.letters_editor.setupChanged.connect(self.set_letter_setup)

        self.editor = TemplateEditor()
        self.preview = PreviewPane()
        self.problems = ProblemsPanel()
        self.problems.fix_for = self.fix_description_for
        self.derived.failed.connect(self.problems.set_status)  # instead of the check's progress
        self._build()
        self.held = HeldProblems(self.editor.subject_edit, self.editor.content_edit, self)
        self.held.revealed.connect(self._show_held)
        self.row_preview = RowPreview(self.preview, self.editor, self)
        self.files = TemplateFiles(
            self, template=self.editor.template, setup=self.derived.setup, settings=self._settings
        )
        self.files.opened.connect(self._show_template)
        self.files.modificationChanged.connect(self.modificationChanged)
        self.files.fileChanged.connect(self.fileChanged)
        self.new_action = self.files.new_action
        self.open_action = self.files.open_action
        self.save_action = self.files.save_action
        self.save_as_action = self.files.save_as_action
        self.samples_menu = self.files.samples_menu

        # public for tests and the benchmark; the preview's only way to be refreshed
        self.preview_throttle = Throttle(self._refresh_preview, self.PREVIEW_DELAY_MS, self)
        self.checking = RecipientCheck(check, delay_ms=self.CHECK_DELAY_MS, parent=self)
        self._check_timer = self.checking.timer  # (the benchmark shortens the pause)
        self.checking.due.connect(self.start_check)
        self.checking.progress.connect(lambda done, total: self.problems.set_checking(True, done, total))
        self.checking.finished.connect(self._check_done)
        self.checking.failed.connect(self.problems.set_status)

        self.editor.changed.connect(self._template_edited)
        self.preview.previousRequested.connect(self.show_previous)
        self.preview.nextRequested.connect(self.show_next)
        self.problems.problemClicked.connect(lambda problem: self._go_to_problem(problem, focus=False))
        self.problems.problemActivated.connect(lambda problem: self._go_to_problem(problem, focus=True))
        self.problems.fixRequested.connect(self.apply_fix)

        self.files.set_saved(template=self.editor.template())
        self._refresh_preview()
        self.start_check()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.addWidget(self.editor)
        self.top_splitter.addWidget(self.preview)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.top_splitter)
        self.splitter.addWidget(self.letters_editor)
        self.letters_editor.hide()  # shown by the Template menu, or when a file defines columns
        self.splitter.addWidget(self.problems)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.splitter)

    def take_problems_panel(self) -> ProblemsPanel:
        """Take the problems panel out of this layout for the main window's dock (editor
        and preview then fill the composer); the composer still fills and follows it."""
        if self.problems.parent() is self.splitter:
            self.problems.setParent(None)
            layout = self.layout()
            if layout is not None:
                layout.setContentsMargins(0, 0, 0, 0)
        return self.problems

    # --- the API for the main window -----------------------------------------------------

    def set_table(self, table: RecipientTable | None) -> None:
        """A recipient list was loaded (None: closed). Its columns feed completion,
        highlighting and checks; the preview shows its first row until told otherwise."""
        self.checking.cancel()
        self._table = table
        self._order = None
        self._row_problems = ()
        self._listed_head = None
        if table is not None:
            heap.renew()  # the list's objects stay out of later garbage collections
        self.derived.set_table(table)
        self._set_editor_columns(force=True)
        self._row = 0 if table is not None and table.row_count else None
        self._refresh_preview_now()
        self.start_check()

    def table(self) -> RecipientTable | None:
        return self._table

    def set_current_row(self, row_index: int) -> None:
        """The grid's current row (table index; -1: none) is the one previewed."""
        table = self._table
        row = row_index if table is not None and 0 <= row_index < table.row_count else None
        if row == self._row:
            return
        self._row = row
        self.preview_throttle()

    def current_row(self) -> int | None:
        return self._row

    def set_row_order(self, rows: Sequence[int] | None) -> None:
        """The rows in the grid's order (search, sort) for previous/next; None: the
        table's own order."""
        self._order = rows
        self.preview_throttle()

    def recheck(self) -> None:
        """The list's data changed (an edit, include/exclude): check every row again
        and show the current row's message anew."""
        self._listed_head = None
        self.derived.outdated()
        self._restart_check_later()
        self.preview_throttle()

    # --- derived columns (the part ``derived``) -------------------------------------------

    @property
    def overrides(self) -> Overrides:
        """The values typed over derived ones in the grid."""
        return self.derived.overrides

    def letter_setup(self) -> LetterSetup:
        """The derived columns and grouping defined now (saved with the template)."""
        return self.derived.setup()

    def letter_inputs(self) -> LetterInputs:
        """The definitions and a copy of the overrides (for a worker: sending, a test)."""
        return self.derived.inputs()

    def letters(self) -> LetterList | None:
        """The list with its derived columns as last computed (None: no list or none defined)."""
        return self.derived.letters()

    @property
    def letters_pending(self) -> bool:
        """Whether the derived columns wait to be computed (or are being)."""
        return self.derived.pending

    def set_letter_setup(self, setup: LetterSetup) -> None:
        """New definitions (the editor's, or a file's): computed again after a pause."""
        if not self.derived.set_setup(setup):
            return
        self._set_editor_columns()
        self.files.update_modified()
        self._restart_check_later()
        self.preview_throttle()

    def set_override(self, column: str, row_number: int, text: str | None) -> None:
        """The value typed over a derived one in sheet row ``row_number`` (None: the
        computed one again); the list is computed again at once."""
        if self.derived.set_override(column, row_number, text):
            self.start_check()

    def _set_editor_columns(self, *, force: bool = False) -> None:
        columns = self.derived.template_columns()
        shown = None if columns is None else [(c.name, c.placeholder) for c in columns]
        if force or shown != self._editor_columns:
            self._editor_columns = shown
            self.editor.set_columns(columns)

    def _derived(self, letters: LetterList) -> None:
        self._set_editor_columns()
        self._refresh_preview_now()
        self.lettersChanged.emit(letters)
        self.start_check()

    def _shown(self) -> tuple[RecipientTable | None, int | None]:
        """The table templates see and the row of it the preview shows: the list's own,
        or with derived columns the computed one (with a grouping, the row's message)."""
        table, row, letters = self._table, self._row, self.derived.letters()
        if table is None or row is None or letters is None:
            return table, row
        return letters.table, letters.index_of(table.row_number(row))

    def template(self) -> MessageTemplate:
        return self.editor.template()

    def set_template(self, template: MessageTemplate, *, modified: bool = False) -> None:
        """Show ``template`` as a new, unsaved one (``modified``: whether closing it
        should ask to save it)."""
        self._show_template(template, None)
        if modified:
            self.files.set_saved(template=MessageTemplate())
            self.files.update_modified()

    def compiled(self) -> CompiledTemplate:
        """The template checked against the list's columns (what the preview uses)."""
        return self.editor.compiled()

    def _show_template(
        self, template: MessageTemplate, path: Path | None, letters: LetterSetup | None = None
    ) -> None:
        if letters is not None:
            self.files.set_saved(setup=letters)
            self.set_letter_setup(letters)
            if not letters.empty:
                self.letters_action.setChecked(True)
        self.editor.set_template(template)
        # a new empty template is quiet until touched; an opened one says all at once
        self.held.restart(new=template == MessageTemplate())
        self._listed_head = None
        self.files.set_saved(template=self.editor.template())  # as the editor holds it (\r\n → \n)
        self.files.set_path(path)
        self.files.update_modified()
        self.templateChanged.emit()
        self._refresh_preview_now()
        self.start_check()

    # --- the template's file (the part ``files``) -----------------------------------------

    def is_modified(self) -> bool:
        return self.files.is_modified()

    def file_path(self) -> Path | None:
        return self.files.path()

    def document_name(self) -> str:
        return self.files.document_name()

    @property
    def file_busy(self) -> bool:
        return self.files.busy

    @property
    def message_box(self) -> QMessageBox | None:
        """The last message box the template's file showed (tests answer it)."""
        return self.files.message_box

    def new_template(self) -> None:
        self.files.new_template()

    def open_template(self, path: str | Path | None = None, *, as_new: bool = False) -> None:
        """Open a template file (asks which one when ``path`` is None; ``as_new``: a
        sample, saved elsewhere later). Unsaved changes are offered to be saved first."""
        self.files.open_template(path, as_new=as_new)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save to the template's file (asks where for a new one)."""
        self.files.save(then)

    def save_as(self, path: str | Path | None = None, *, then: Callable[[], None] | None = None) -> None:
        self.files.save_as(path, then=then)

    def confirm_discard(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` once unsaved changes are saved or the user lets them go (not
        at all when the user cancels)."""
        self.files.confirm_discard(proceed)

    def cancel_work(self) -> None:
        """Stop the running check and forget pending work (the window is closing)."""
        self.checking.stop()
        self.derived.outdated()
        self.preview_throttle.cancel()

    # --- edits ---------------------------------------------------------------------------

    def reveal_problems(self) -> None:
        """The user tried to send or test: every problem is shown, held back or not."""
        self.held.reveal_all()

    def _show_held(self) -> None:
        """A problem held back until now shows (its field was left, a send was tried)."""
        self._listed_head = None
        self._refresh_preview_now()
        self.start_check()

    def _template_edited(self) -> None:
        self.files.update_modified()
        self.templateChanged.emit()
        self.preview_throttle()
        self._restart_check_later()

    # --- preview -------------------------------------------------------------------------

    def flush_preview(self) -> None:
        """Show the waiting preview now (the benchmark and tests use it)."""
        self.preview_throttle.flush()

    @property
    def preview_pending(self) -> bool:
        return self.preview_throttle.pending

    def _refresh_preview_now(self) -> None:
        self.preview_throttle.cancel()
        self._refresh_preview()

    def _position(self) -> tuple[int | None, int]:
        table, row, order = self._table, self._row, self._order
        if table is None:
            return None, 0
        if order is None:
            return row, table.row_count
        if row is None:
            return None, len(order)
        try:
            return order.index(row), len(order)
        except ValueError:  # the row is hidden by the grid's search
            return None, len(order)

    def _refresh_preview(self) -> None:
        table, row = self._shown()
        shown = self.held.codes
        self.row_preview.show(table, row, self._position(), chosen=self._row is not None, held=shown)

    def show_previous(self) -> None:
        self._step(-1)

    def show_next(self) -> None:
        self._step(1)

    def _step(self, delta: int) -> None:
        index, count = self._position()
        if index is None or not 0 <= index + delta < count:
            return
        target = index + delta if self._order is None else self._order[index + delta]
        self._row = target
        self._refresh_preview_now()
        self.rowActivated.emit(target)

    # --- checks --------------------------------------------------------------------------

    @property
    def check_running(self) -> bool:
        """Whether a check of every recipient runs in a worker now."""
        return self.checking.running

    @property
    def check_pending(self) -> bool:
        """Whether a check runs or waits for the typing to pause."""
        return self.checking.pending or self.derived.busy

    def _restart_check_later(self) -> None:
        if self._table is not None:
            self.problems.set_checking(True)
        self.checking.later()

    def start_check(self) -> None:
        """Show the template's problems now and check every recipient in a worker."""
        self.checking.stop()
        compiled = self.editor.compiled()
        table = self._table
        listed = (*(table.table_problems() if table is not None else ()), *compiled.problems)
        head = tuple(self.held.unheld(listed))
        if head != self._listed_head:
            self._listed_head = head
            self.problems.set_problems([*head, *self._row_problems])
        if table is None:
            self.problems.set_checking(False)
            return
        if self.derived.pending:
            if not self.derived.busy:
                if not self.problems.checking:
                    self.problems.set_checking(True)  # busy; the check that follows shows its progress
                self.derived.start()
            return  # the check starts once the derived columns are computed
        self.problems.set_checking(True, 0, table.row_count)
        letters = self.derived.letters()
        self.checking.start(compiled, table if letters is None else letters)

    def _check_done(self, listed: ListedCheck) -> None:
        self._row_problems = listed.rows
        if self.held.holds_any(listed.head):  # the head only: rows hold none
            head = tuple(self.held.unheld(listed.head))
            shown: Sequence[Problem] = (*head, *listed.rows)
            counts = None
        else:
            head, shown, counts = listed.head, listed.result.problems, listed.counts
        self._listed_head = head
        heap.settle()
        self.problems.set_problems(shown, counts=counts)
        self.problems.set_checking(False)
        self.checkFinished.emit(listed.result)

    # --- problems ------------------------------------------------------------------------

    def _go_to_problem(self, problem: Problem, *, focus: bool) -> None:
        row = problem_row(self._table, problem)
        if row is not None:
            if row != self._row:
                self._row = row
                self._refresh_preview_now()
            self.rowActivated.emit(row)
        if problem.position is not None:
            self.editor.go_to(problem.position, focus=focus)

    def go_to_problem(self, problem: Problem) -> None:
        """What activating a problem does: select its row, put the cursor on it."""
        self._go_to_problem(problem, focus=True)

    def fix_description_for(self, problem: Problem) -> str | None:
        """What the quick fix of ``problem`` would do, or None when it has none (or the
        problem is about a text that has changed since)."""
        return fix_description_for(self._table, self.editor.compiled(), problem)

    def apply_fix(self, problem: Problem) -> bool:
        """Apply the core's quick fix: one undoable edit of the template field concerned, or
        for a recipient's address (``a|b`` → ``a, b``) an edit of the cell, in the grid."""
        recipient = recipient_fix(self._table, problem)
        if recipient is not None:
            self.cellFixRequested.emit(*recipient)
            return True
        return apply_template_fix(self.editor, problem)

    # --- drops ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if is_template_file_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not is_template_file_drop(mime):
            event.ignore()
            return
        event.acceptProposedAction()
        path = next(url.toLocalFile() for url in mime.urls() if url.toLocalFile().lower().endswith(EXTENSION))
        self.open_template(path)
