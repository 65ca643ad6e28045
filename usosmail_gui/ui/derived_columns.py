"""The composer's derived columns and grouping (issue 18): the definitions, the values typed
over computed ones, and the list with its derived columns computed in a worker.

A part the ``ComposerPanel`` owns: ``application.letters.derive`` (the CLI's
``prepare_letters``) computes the list's derived columns before each check; the preview,
the counters and Problems use the result. Only the newest computation's result is kept:
a change of the list, the definitions or the overrides makes the running one outdated.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction

from usosmail_gui.application.letters import LetterInputs, derive, expected_columns, preload_names
from usosmail_gui.core.letters import LetterSetup
from usosmail_gui.core.letters.derive import LetterList, Overrides
from usosmail_gui.core.recipients.headers import Column
from usosmail_gui.core.recipients.table import RecipientTable

from . import heap
from .letters_editor import LettersEditor
from .workers import Task, run_in_background

log = logging.getLogger(__name__)

__all__ = ["DerivedColumns"]


class DerivedColumns(QObject):
    """The derived columns of the composer's list; ``editor`` edits their definitions
    (shown and hidden by ``action``, whose texts follow the language when the part is a
    child of the composer).

    Signals:
        computed(object): the list with its derived columns (``LetterList``), newly computed.
        forgotten(): the last computed list does not fit any more (another list, no
            definitions); there is none now.
        failed(str): the computation failed: what to tell the user.
    """

    computed = Signal(object)
    forgotten = Signal()
    failed = Signal(str)

    def __init__(self, editor: LettersEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._table: RecipientTable | None = None
        self._setup = LetterSetup()
        self.overrides = Overrides()
        self._letters: LetterList | None = None  # computed for the list, the setup and the overrides
        self._current = False
        self._task: Task | None = None
        self._generation = 0
        self._names_preloaded = False
        self.action = QAction(self)
        self.action.setCheckable(True)
        self.action.toggled.connect(editor.setVisible)
        self.action.toggled.connect(self._preload_names)
        self.retranslate()

    def retranslate(self) -> None:
        """The action's texts in the language installed now."""
        self.action.setText(self.tr("&Derived Columns (Salutations, Lists)"))
        self.action.setStatusTip(
            self.tr(
                "Show the columns the app computes for each letter: salutations, vocatives, lists of rows."
            )
        )

    def event(self, event: QEvent) -> bool:
        """Another language (the composer passes ``LanguageChange`` on to its children)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    def setup(self) -> LetterSetup:
        """The derived columns and grouping defined now (saved with the template)."""
        return self._setup

    def inputs(self) -> LetterInputs:
        """The definitions and a copy of the overrides (for a worker: sending, a test)."""
        return LetterInputs(self._setup, self.overrides)

    def letters(self) -> LetterList | None:
        """The list with its derived columns as last computed (None: no list or none defined)."""
        return self._letters

    @property
    def pending(self) -> bool:
        """Whether the derived columns wait to be computed (or are being)."""
        return self._table is not None and not self._setup.empty and not self._current

    @property
    def busy(self) -> bool:
        """Whether they are being computed in a worker now."""
        return self._task is not None

    def set_table(self, table: RecipientTable | None) -> None:
        """Another list (None: closed): the overrides typed for the last one go."""
        self._table = table
        if self.overrides:
            self.overrides = Overrides()  # typed for the rows of another list
        self.editor.set_columns(None if table is None else table.columns)
        self.outdated(forget=True)

    def set_setup(self, setup: LetterSetup) -> bool:
        """New definitions (the editor's, or a file's); False: they are the ones defined."""
        if setup == self._setup:
            return False
        self._setup = setup
        if self.editor.setup() != setup:
            self.editor.set_setup(setup)
        self.outdated(forget=setup.empty)
        return True

    def set_override(self, column: str, row_number: int, text: str | None) -> bool:
        """The value typed over a derived one in sheet row ``row_number`` (None: the
        computed one again); False: nothing changed."""
        if text == self.overrides.get(column, row_number):
            return False
        if text is None:
            self.overrides.clear(column, row_number)
        else:
            self.overrides.set(column, row_number, text)
        self.outdated()
        return True

    def template_columns(self) -> list[Column] | None:
        """The columns a template can use: the list's, with the derived ones (as computed,
        or as the definitions will make them); None without a list."""
        table = self._table
        if table is None:
            return None
        if self._letters is not None and self._current:
            return list(self._letters.table.columns)
        if self._setup.empty:
            return list(table.columns)
        return expected_columns(table, self._setup)

    def outdated(self, *, forget: bool = False) -> None:
        """The list, the setup or the overrides changed: compute again (``forget``: the
        last result does not even fit the list any more)."""
        self._current = False
        self._generation += 1
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        if forget or self._table is None or self._setup.empty:
            had = self._letters is not None
            self._letters = None
            if had:
                self.forgotten.emit()

    def start(self) -> None:
        """Compute the list's derived columns in a worker (unless it runs already)."""
        table = self._table
        if table is None or self._task is not None:
            return
        generation = self._generation
        self._task = run_in_background(
            derive,
            table,
            self.inputs(),
            parent=self,
            on_result=lambda letters: self._derived(generation, letters),
            on_error=lambda exc: self._derive_failed(generation, exc),
        )

    def _derived(self, generation: int, letters: LetterList) -> None:
        if generation != self._generation or self._task is None:
            return  # for definitions, a list or overrides that have changed since
        self._task = None
        self._letters = letters
        self._current = True
        heap.settle()
        self.computed.emit(letters)

    def _derive_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._task = None
        log.error("computing the derived columns failed", exc_info=exc)
        self.failed.emit(
            self.tr("The derived columns could not be computed ({error}).").format(error=type(exc).__name__)
        )

    def _preload_names(self, shown: bool) -> None:
        """The derived columns are shown: load the first names' dictionary now, in a worker
        (see ``preload_names``), once per run."""
        if shown and not self._names_preloaded:
            self._names_preloaded = True
            run_in_background(preload_names, parent=self)
