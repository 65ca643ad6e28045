"""The composer: template editor, preview and problems panel, wired to the core.

What runs where, and why:

- Each edit compiles the template once (``TemplateEditor.compiled``, cached): the
  highlighters, the counters and the preview share that compilation.
- The preview follows the editor through a ``Throttle`` (the first change after a quiet
  spell renders at once, a burst of keys renders once per ``PREVIEW_DELAY_MS``), so
  typing never waits for the preview.
- Checking every recipient (``check_steps``, in slices: ``check_in_slices`` of
  ``application.preparing``) runs
  in a worker, started ``CHECK_DELAY_MS`` after the last change; a change cancels the
  running check at once (it is about a text that no longer exists) and only the newest
  check's result is shown. Template-level problems are shown right away (compiling is
  cheap) — except that an empty subject or text (``HELD_BACK``) of a new template is not
  called an error before the user has touched that field (edited it, or left it empty)
  or tried to send (``reveal_problems``): a fresh window is not red.
- Template files are read and written in workers; a file that cannot be read is
  explained in a message box and the text being edited stays as it is.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.letters import (
    LetterInputs,
    check_letters_in_slices,
    derive,
    expected_columns,
    preload_names,
)
from usosmail_gui.application.preparing import CheckSteps, ListedCheck, check_in_slices, listed_check
from usosmail_gui.core.letters import LetterSetup
from usosmail_gui.core.letters.derive import LetterList, Overrides
from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients.table import FIXABLE_CODES, RecipientTable
from usosmail_gui.core.template import (
    EXTENSION,
    CheckProgress,
    CheckResult,
    CompiledTemplate,
    MessageTemplate,
    Part,
    RenderError,
    TemplateFileError,
    bundled_templates,
    load_template,
    load_template_file,
    quick_fix_template,
    render,
    save_template,
)
from usosmail_gui.core.template.messages import Code
from usosmail_gui.ui.problem_texts import problem_text

from . import heap
from .letters_editor import LettersEditor
from .preview import PreviewPane, marked_pieces
from .problems_panel import ProblemsPanel, fix_description, recipient_fix_description
from .settings import TEMPLATE_FOLDER, app_settings
from .template_editor import TemplateEditor, is_template_file_drop
from .throttle import Throttle
from .workers import Task, run_in_background

log = logging.getLogger(__name__)

__all__ = ["ComposerPanel", "sample_templates"]



def sample_templates() -> list[tuple[Path, str]]:
    """The bundled samples with a title each ("Missing documents (en)"); reads files,
    so it runs in a worker."""
    found: list[tuple[Path, str]] = []
    for path in bundled_templates():
        try:
            template = load_template(path)
        except TemplateFileError:
            log.warning("sample template %s cannot be read", path)
            continue
        head = re.split(r" – | - | \(|\{", template.subject, maxsplit=1)[0].strip()
        found.append((path, f"{head or path.stem} ({template.lang.value})"))
    return found


def _listed_steps(
    steps: Callable[[Any, Any], Generator[CheckProgress, None, CheckResult]], compiled: Any, source: Any
) -> Generator[CheckProgress, None, ListedCheck]:
    """The check, with its problems sorted and counted for the list (in the worker)."""
    return (yield from listed_check(steps(compiled, source)))


# what an untouched field of a new template does not yet call an error, and its field
HELD_BACK = {Code.SUBJECT_EMPTY: "subject", Code.CONTENT_EMPTY: "content"}

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

    Derived columns and grouping (issue 18): ``letters_editor`` edits the definitions
    (saved in the template file); they are computed for the list in a worker
    (``application.letters.derive``, the CLI's ``prepare_letters``) before each check, and the
    preview, the counters and Problems use the result. ``overrides`` are the values typed
    over derived ones in the grid (``set_override``).
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
        self._check_steps = check
        self._settings = settings if settings is not None else app_settings()
        self._table: RecipientTable | None = None
        self._row: int | None = None
        self._order: Sequence[int] | None = None
        self._path: Path | None = None
        self._modified = False
        self._check_task: Task | None = None
        self._check_generation = 0
        self._row_problems: tuple[Problem, ...] = ()  # of the newest finished check (row not None)
        self._listed_head: tuple[Problem, ...] | None = None  # list + template problems shown
        self._held: set[str] = set(HELD_BACK)  # HELD_BACK codes not shown yet (untouched)
        self._file_task: Task | None = None
        self.message_box: QMessageBox | None = None  # the last one shown (tests answer it)
        self._setup = LetterSetup()
        self._saved_setup = LetterSetup()
        self.overrides = Overrides()
        self._letters: LetterList | None = None  # computed for the list, the setup and the overrides
        self._letters_current = False
        self._letters_task: Task | None = None
        self._letters_generation = 0
        self._editor_columns: list[tuple[str, str]] | None = None  # (name, placeholder) the editor knows
        self.letters_editor = LettersEditor()
        self._names_preloaded = False
        self.letters_editor.setupChanged.connect(self.set_letter_setup)

        self.editor = TemplateEditor()
        self.preview = PreviewPane()
        self.problems = ProblemsPanel()
        self.problems.fix_for = self.fix_description_for
        self._build()
        self._build_actions()

        # public for tests and the benchmark; the preview's only way to be refreshed
        self.preview_throttle = Throttle(self._refresh_preview, self.PREVIEW_DELAY_MS, self)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(self.CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.start_check)

        self.editor.changed.connect(self._template_edited)
        # (textChanged also comes when the highlighter restyles: only written text counts)
        subject, content = self.editor.subject_edit, self.editor.content_edit
        subject.textChanged.connect(lambda: self._typed_in(subject, Code.SUBJECT_EMPTY))
        content.textChanged.connect(lambda: self._typed_in(content, Code.CONTENT_EMPTY))
        self.editor.subject_edit.installEventFilter(self)
        self.editor.content_edit.installEventFilter(self)
        self.preview.previousRequested.connect(self.show_previous)
        self.preview.nextRequested.connect(self.show_next)
        self.problems.problemClicked.connect(lambda problem: self._go_to_problem(problem, focus=False))
        self.problems.problemActivated.connect(lambda problem: self._go_to_problem(problem, focus=True))
        self.problems.fixRequested.connect(self.apply_fix)

        self._saved = self.editor.template()
        self._refresh_preview()
        self.start_check()
        self._samples_task = run_in_background(sample_templates, parent=self, on_result=self._fill_samples)

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

    def _build_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.new_template)
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+O")))  # Ctrl+O opens a list
        self.open_action.triggered.connect(lambda: self.open_template())
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.triggered.connect(lambda: self.save())
        self.save_as_action = QAction(self)
        self.save_as_action.setShortcut(QKeySequence(QKeySequence.StandardKey.SaveAs))
        if self.save_as_action.shortcut().isEmpty():
            self.save_as_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+S")))
        self.save_as_action.triggered.connect(lambda: self.save_as())
        self.letters_action = QAction(self)
        self.letters_action.setCheckable(True)
        self.letters_action.toggled.connect(self.letters_editor.setVisible)
        self.letters_action.toggled.connect(self._preload_names)
        self.samples_menu = QMenu(self)
        self.samples_menu.setEnabled(False)  # filled in once the samples are read
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self._retranslate_actions()

    def _retranslate_actions(self) -> None:
        self.new_action.setText(self.tr("&New Template"))
        self.new_action.setStatusTip(self.tr("Start an empty template."))
        self.open_action.setText(self.tr("Open &Template…"))
        self.open_action.setStatusTip(self.tr("Open a template file (.usosmail)."))
        self.save_action.setText(self.tr("&Save Template"))
        self.save_action.setStatusTip(self.tr("Save the template (subject, text, format, sender)."))
        self.save_as_action.setText(self.tr("Save Template &As…"))
        self.letters_action.setText(self.tr("&Derived Columns (Salutations, Lists)"))
        self.letters_action.setStatusTip(
            self.tr(
                "Show the columns the app computes for each letter: salutations, vocatives, lists of rows."
            )
        )
        self.samples_menu.setTitle(self.tr("New Template from Sa&mple"))

    def changeEvent(self, event: QEvent) -> None:
        """Another language: the actions' texts, the preview's notice and Problems' texts
        again (the editor, the preview and the panel retranslate their own widgets)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_actions()
            self._refresh_preview_now()

    def _fill_samples(self, samples: list[tuple[Path, str]]) -> None:
        self.samples_menu.clear()
        for path, title in samples:
            action = QAction(title.replace("&", "&&"), self.samples_menu)
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_template(p, as_new=True))
            self.samples_menu.addAction(action)
        self.samples_menu.setEnabled(bool(samples))

    # --- the API for the main window -----------------------------------------------------

    def set_table(self, table: RecipientTable | None) -> None:
        """A recipient list was loaded (None: closed). Its columns feed completion,
        highlighting and checks; the preview shows its first row until told otherwise."""
        self._cancel_check()
        self._table = table
        self._order = None
        self._row_problems = ()
        self._listed_head = None
        if self.overrides:
            self.overrides = Overrides()  # typed for the rows of another list
        self.letters_editor.set_columns(None if table is None else table.columns)
        if table is not None:
            heap.renew()  # the list's objects stay out of later garbage collections
        self._letters_outdated(forget=True)
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
        self._letters_outdated()
        self._restart_check_later()
        self.preview_throttle()

    # --- derived columns -----------------------------------------------------------------

    def letter_setup(self) -> LetterSetup:
        """The derived columns and grouping defined now (saved with the template)."""
        return self._setup

    def letter_inputs(self) -> LetterInputs:
        """The definitions and a copy of the overrides (for a worker: sending, a test)."""
        return LetterInputs(self._setup, self.overrides)

    def letters(self) -> LetterList | None:
        """The list with its derived columns as last computed (None: no list or none defined)."""
        return self._letters

    @property
    def letters_pending(self) -> bool:
        """Whether the derived columns wait to be computed (or are being)."""
        return self._table is not None and not self._setup.empty and not self._letters_current

    def _preload_names(self, shown: bool) -> None:
        """The derived columns are shown: load the first names' dictionary now, in a worker
        (see ``preload_names``), once per run."""
        if shown and not self._names_preloaded:
            self._names_preloaded = True
            run_in_background(preload_names, parent=self)

    def set_letter_setup(self, setup: LetterSetup) -> None:
        """New definitions (the editor's, or a file's): computed again after a pause."""
        if setup == self._setup:
            return
        self._setup = setup
        if self.letters_editor.setup() != setup:
            self.letters_editor.set_setup(setup)
        self._letters_outdated(forget=setup.empty)
        self._set_editor_columns()
        self._update_modified()
        self._restart_check_later()
        self.preview_throttle()

    def set_override(self, column: str, row_number: int, text: str | None) -> None:
        """The value typed over a derived one in sheet row ``row_number`` (None: the
        computed one again); the list is computed again at once."""
        current = self.overrides.get(column, row_number)
        if text == current:
            return
        if text is None:
            self.overrides.clear(column, row_number)
        else:
            self.overrides.set(column, row_number, text)
        self._letters_outdated()
        self.start_check()

    def _letters_outdated(self, *, forget: bool = False) -> None:
        """The list, the setup or the overrides changed: compute again (``forget``: the
        last result does not even fit the list any more)."""
        self._letters_current = False
        self._letters_generation += 1
        task, self._letters_task = self._letters_task, None
        if task is not None:
            task.cancel()
        if forget or self._table is None or self._setup.empty:
            had = self._letters is not None
            self._letters = None
            if had:
                self.lettersChanged.emit(None)

    def _set_editor_columns(self, *, force: bool = False) -> None:
        table = self._table
        if table is None:
            columns = None
        elif self._letters is not None and self._letters_current:
            columns = list(self._letters.table.columns)
        elif self._setup.empty:
            columns = list(table.columns)
        else:
            columns = expected_columns(table, self._setup)
        shown = None if columns is None else [(c.name, c.placeholder) for c in columns]
        if force or shown != self._editor_columns:
            self._editor_columns = shown
            self.editor.set_columns(columns)

    def _start_derive(self, table: RecipientTable) -> None:
        generation = self._letters_generation
        if not self.problems.checking:
            self.problems.set_checking(True)  # busy; the check that follows shows its progress
        self._letters_task = run_in_background(
            derive,
            table,
            self.letter_inputs(),
            parent=self,
            on_result=lambda letters: self._derived(generation, letters),
            on_error=lambda exc: self._derive_failed(generation, exc),
        )

    def _derived(self, generation: int, letters: LetterList) -> None:
        if generation != self._letters_generation or self._letters_task is None:
            return  # for definitions, a list or overrides that have changed since
        self._letters_task = None
        self._letters = letters
        self._letters_current = True
        heap.settle()
        self._set_editor_columns()
        self._refresh_preview_now()
        self.lettersChanged.emit(letters)
        self.start_check()

    def _derive_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._letters_generation:
            return
        self._letters_task = None
        log.error("computing the derived columns failed", exc_info=exc)
        self.problems.set_status(
            self.tr("The derived columns could not be computed ({error}).").format(error=type(exc).__name__)
        )

    def _shown(self) -> tuple[RecipientTable | None, int | None]:
        """The table templates see and the row of it the preview shows: the list's own,
        or with derived columns the computed one (with a grouping, the row's message)."""
        table, row, letters = self._table, self._row, self._letters
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
            self._saved = MessageTemplate()
            self._update_modified()

    def compiled(self) -> CompiledTemplate:
        """The template checked against the list's columns (what the preview uses)."""
        return self.editor.compiled()

    def is_modified(self) -> bool:
        return self._modified

    def file_path(self) -> Path | None:
        return self._path

    def document_name(self) -> str:
        return self._path.name if self._path is not None else self.tr("Untitled template")

    def cancel_work(self) -> None:
        """Stop the running check and forget pending work (the window is closing)."""
        self._cancel_check()
        self._letters_outdated()
        self._check_timer.stop()
        self.preview_throttle.cancel()

    # --- edits ---------------------------------------------------------------------------

    # --- problems the user has not met yet ----------------------------------------------

    def _unheld(self, problems: Sequence[Problem]) -> list[Problem]:
        """``problems`` without those held back (an untouched empty field)."""
        return [p for p in problems if p.row is not None or p.code not in self._held]

    def _typed_in(self, field: QPlainTextEdit, code: str) -> None:
        if field.toPlainText():
            self._held.discard(code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:  # left the field: empty now means empty
            code = Code.SUBJECT_EMPTY if watched is self.editor.subject_edit else Code.CONTENT_EMPTY
            if code in self._held:
                self._held.discard(code)
                self._listed_head = None
                self.start_check()
        return super().eventFilter(watched, event)

    def reveal_problems(self) -> None:
        """The user tried to send or test: every problem is shown, held back or not."""
        if self._held:
            self._held.clear()
            self._listed_head = None
            self._refresh_preview_now()
            self.start_check()

    def _template_edited(self) -> None:
        self._update_modified()
        self.templateChanged.emit()
        self.preview_throttle()
        self._restart_check_later()

    def _update_modified(self) -> None:
        modified = self.editor.template() != self._saved or self._setup != self._saved_setup
        if modified != self._modified:
            self._modified = modified
            self.modificationChanged.emit(modified)

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
        compiled = self.editor.compiled()
        table, row = self._shown()
        if table is not None and row is not None:
            values = table.params(row)
            number: int | None = table.row_number(row)
            to: Sequence[str] | None = table.recipients(row)
        else:
            values, number, to = {}, None, None
        index, count = self._position()
        self.preview.set_position(index, count, number)
        self.preview.set_recipients(to)
        self.preview.set_sender(self.editor.from_name_edit.text(), self.editor.from_email_edit.text())
        try:
            message = render(compiled, values, row=number)
        except RenderError as exc:
            subject = marked_pieces(compiled.subject, values)
            content = marked_pieces(compiled.content, values)
            if table is None:
                notice = self.tr(
                    "No recipient list is open: placeholders are shown as written. Open a list to see "
                    "each recipient's message."
                )
            elif row is None and self._row is not None:
                notice = self.tr("This row is unticked, so it is in no message. Tick it to see its message.")
            elif row is None:
                notice = self.tr("Select a recipient in the list to see their message.")
            else:
                reason = problem_text(exc.problems[0]) if exc.problems else str(exc)
                notice = self.tr("This message cannot be sent: {reason}").format(reason=reason)
            self.preview.show_pieces(subject, content, notice)
            if table is None:
                self.editor.set_lengths(
                    sum(len(text) for text, _ in subject),
                    sum(len(text) for text, _ in content),
                    for_recipient=False,
                )
            else:
                self.editor.set_lengths(None, None)
            return
        notice = ""
        if any(p.is_error for p in self._unheld(compiled.problems)):
            notice = self.tr(
                "The template has errors (see Problems), so nothing can be sent yet. This is what "
                "the recipient would get."
            )
        self.preview.show_message(message, notice)
        self.editor.set_lengths(len(message.subject), len(message.content), for_recipient=row is not None)

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
        return self._check_task is not None

    @property
    def check_pending(self) -> bool:
        """Whether a check runs or waits for the typing to pause."""
        return self._check_task is not None or self._check_timer.isActive() or self._letters_task is not None

    def _restart_check_later(self) -> None:
        self._cancel_check()  # its text is gone
        if self._table is not None:
            self.problems.set_checking(True)
        self._check_timer.start()

    def _cancel_check(self) -> None:
        task = self._check_task
        self._check_task = None
        if task is not None:
            task.cancel()

    def start_check(self) -> None:
        """Show the template's problems now and check every recipient in a worker."""
        self._check_timer.stop()
        self._cancel_check()
        compiled = self.editor.compiled()
        table = self._table
        listed = (*(table.table_problems() if table is not None else ()), *compiled.problems)
        head = tuple(self._unheld(listed))
        if head != self._listed_head:
            self._listed_head = head
            self.problems.set_problems([*head, *self._row_problems])
        if table is None:
            self.problems.set_checking(False)
            return
        if self.letters_pending:
            if self._letters_task is None:
                self._start_derive(table)
            return  # the check starts once the derived columns are computed
        self._check_generation += 1
        generation = self._check_generation
        self.problems.set_checking(True, 0, table.row_count)
        letters = self._letters
        steps = self._check_steps if letters is None else check_letters_in_slices
        self._check_task = run_in_background(
            _listed_steps,
            steps,
            compiled,
            table if letters is None else letters,
            parent=self,
            on_progress=lambda step: self._check_progress(generation, step),
            on_result=lambda result: self._check_done(generation, result),
            on_error=lambda exc: self._check_failed(generation, exc),
        )

    def _check_progress(self, generation: int, step: object) -> None:
        if generation == self._check_generation and isinstance(step, CheckProgress):
            self.problems.set_checking(True, step.done, step.total)

    def _check_done(self, generation: int, listed: ListedCheck) -> None:
        if generation != self._check_generation or self._check_task is None:
            return  # an outdated text's result
        self._check_task = None
        self._row_problems = listed.rows
        held = self._held
        if held and any(p.code in held for p in listed.head):  # the head only: rows hold none
            head = tuple(self._unheld(listed.head))
            shown: Sequence[Problem] = (*head, *listed.rows)
            counts = None
        else:
            head, shown, counts = listed.head, listed.result.problems, listed.counts
        self._listed_head = head
        heap.settle()
        self.problems.set_problems(shown, counts=counts)
        self.problems.set_checking(False)
        self.checkFinished.emit(listed.result)

    def _check_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._check_generation:
            return
        self._check_task = None
        log.error("checking the recipients failed", exc_info=exc)
        self.problems.set_status(
            self.tr("The recipients could not be checked ({error}).").format(error=type(exc).__name__)
        )

    # --- problems ------------------------------------------------------------------------

    def _row_index(self, problem: Problem) -> int | None:
        table = self._table
        if table is None or problem.row is None:
            return None
        return table.row_index(problem.row)

    def _go_to_problem(self, problem: Problem, *, focus: bool) -> None:
        row = self._row_index(problem)
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

    def _recipient_fix(self, problem: Problem) -> tuple[int, int, str] | None:
        """(table row, column, corrected text) of a recipient problem with an obvious fix."""
        table = self._table
        if problem.code not in FIXABLE_CODES or not problem.suggestion or table is None:
            return None
        row, column = self._row_index(problem), table.email_column
        if row is None or column is None or problem.field != table.columns[column].name:
            return None
        return row, column, problem.suggestion

    def fix_description_for(self, problem: Problem) -> str | None:
        """What the quick fix of ``problem`` would do, or None when it has none (or the
        problem is about a text that has changed since)."""
        if self._recipient_fix(problem) is not None:
            return recipient_fix_description(problem)
        compiled = self.editor.compiled()
        if problem.row is not None or problem not in compiled.problems:
            return None
        if quick_fix_template(compiled, problem) is None:
            return None
        return fix_description(problem)

    def apply_fix(self, problem: Problem) -> bool:
        """Apply the core's quick fix: one undoable edit of the template field concerned, or
        for a recipient's address (``a|b`` → ``a, b``) an edit of the cell, in the grid."""
        recipient = self._recipient_fix(problem)
        if recipient is not None:
            self.cellFixRequested.emit(*recipient)
            return True
        compiled = self.editor.compiled()
        if problem.row is not None or problem not in compiled.problems or problem.position is None:
            return False
        fixed = quick_fix_template(compiled, problem)
        if fixed is None:
            return False
        part = Part(problem.position.part)
        self.editor.replace_text(part, fixed.text(part))
        widget = self.editor.widget_for(part.value)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- template files ------------------------------------------------------------------

    def new_template(self) -> None:
        self.confirm_discard(lambda: self._show_template(MessageTemplate(), None, LetterSetup()))

    def open_template(self, path: str | Path | None = None, *, as_new: bool = False) -> None:
        """Open a template file (asks which one when ``path`` is None; ``as_new``: a
        sample, saved elsewhere later). Unsaved changes are offered to be saved first."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a template"), self._folder(), self._file_filter()
            )
            if not chosen:
                return
            path = chosen
        target = Path(path)
        self.confirm_discard(lambda: self._read(target, as_new=as_new))

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save to the template's file (asks where for a new one)."""
        if self._path is None:
            self.save_as(then=then)
        else:
            self._write(self._path, then)

    def save_as(self, path: str | Path | None = None, *, then: Callable[[], None] | None = None) -> None:
        if path is None:
            suggested = str(
                Path(self._folder()) / (self._path.name if self._path else "template" + EXTENSION)
            )
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the template"), suggested, self._file_filter()
            )
            if not chosen:
                return
            path = chosen
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(EXTENSION)
        self._write(target, then)

    @property
    def file_busy(self) -> bool:
        return self._file_task is not None

    def _read(self, path: Path, *, as_new: bool) -> None:
        self._file_task = run_in_background(
            load_template_file,
            path,
            parent=self,
            on_result=lambda file: self._opened(file.template, None if as_new else path, file.letters),
            on_error=self._open_failed,
            on_finished=self._file_done,
        )

    def _write(self, path: Path, then: Callable[[], None] | None) -> None:
        template = self.editor.template()
        setup = self._setup
        self._file_task = run_in_background(
            save_template,
            path,
            template,
            setup,
            parent=self,
            on_result=lambda written: self._written(Path(written), template, then, setup),
            on_error=self._save_failed,
            on_finished=self._file_done,
        )

    def _file_done(self) -> None:
        self._file_task = None

    def _opened(self, template: MessageTemplate, path: Path | None, letters: LetterSetup) -> None:
        self._show_template(template, path, letters)
        if path is not None:
            self._remember_folder(path)

    def _show_template(
        self, template: MessageTemplate, path: Path | None, letters: LetterSetup | None = None
    ) -> None:
        if letters is not None:
            self._saved_setup = letters
            self.set_letter_setup(letters)
            if not letters.empty:
                self.letters_action.setChecked(True)
        self.editor.set_template(template)
        # a new empty template is quiet until touched; an opened one says all at once
        self._held = set(HELD_BACK) if template == MessageTemplate() else set()
        self._listed_head = None
        self._saved = self.editor.template()  # as the editor holds it (\r\n → \n)
        self._set_path(path)
        self._update_modified()
        self.templateChanged.emit()
        self._refresh_preview_now()
        self.start_check()

    def _written(
        self, path: Path, template: MessageTemplate, then: Callable[[], None] | None, setup: LetterSetup
    ) -> None:
        self._saved = template
        self._saved_setup = setup
        self._set_path(path)
        self._update_modified()
        self._remember_folder(path)
        if then is not None:
            then()

    def _open_failed(self, exc: Exception) -> None:
        self._explain(self.tr("The template was not opened"), exc)

    def _save_failed(self, exc: Exception) -> None:
        self._explain(self.tr("The template was not saved"), exc)

    def _explain(self, title: str, exc: Exception) -> None:
        if isinstance(exc, TemplateFileError):
            text = str(exc)
        else:
            log.error("template file operation failed", exc_info=exc)
            text = self.tr(
                "Something unexpected went wrong ({error}). The template you are editing is kept."
            ).format(error=type(exc).__name__)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAccessibleName(title)
        self._show_box(box)

    def _show_box(self, box: QMessageBox) -> None:
        """Window-modal and not blocking: the GUI thread never waits in exec()."""
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()

    def confirm_discard(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` once unsaved changes are saved or the user lets them go (not
        at all when the user cancels)."""
        if not self._modified:
            proceed()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved template"),
            self.tr("“{name}” has changes that are not saved. Save them first?").format(
                name=self.document_name()
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAccessibleName(self.tr("Unsaved template"))

        def answered(_result: int) -> None:
            button = box.standardButton(box.clickedButton())
            if button == QMessageBox.StandardButton.Save:
                self.save(then=proceed)
            elif button == QMessageBox.StandardButton.Discard:
                proceed()

        box.finished.connect(answered)
        self._show_box(box)

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.fileChanged.emit(path)

    def _folder(self) -> str:
        return TEMPLATE_FOLDER.read(self._settings) or str(Path.home())

    def _remember_folder(self, path: Path) -> None:
        TEMPLATE_FOLDER.write(self._settings, str(path.parent))

    def _file_filter(self) -> str:
        return self.tr("usosmail templates (*{extension});;All files (*)").format(extension=EXTENSION)

    # --- drops ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if is_template_file_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

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
