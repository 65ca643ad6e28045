"""The composer's template file: where it is, whether the text differs from it, and its
commands (new, open, save, save as, the samples, the question before unsaved changes go).

A part the ``ComposerPanel`` owns and forwards. Files are read and written in workers; a
file that cannot be read or written is explained in a window-modal message box (never
``exec()``: the GUI thread does not wait) and the text being edited stays as it is.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from usosmail_gui.core.letters import LetterSetup
from usosmail_gui.core.template import (
    EXTENSION,
    MessageTemplate,
    TemplateFileError,
    bundled_templates,
    load_template,
    load_template_file,
    save_template,
)

from .settings import TEMPLATE_FOLDER
from .workers import Task, run_in_background

log = logging.getLogger(__name__)

__all__ = ["TemplateFiles", "sample_templates"]


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


class TemplateFiles(QObject):
    """The template's file and its commands, for the composer ``panel`` (the parent of its
    dialogs; its actions are added to it, with window shortcuts). Its texts follow the
    language: the panel passes ``LanguageChange`` on to this part, its child.

    ``template`` and ``setup`` tell what is edited now (what a save writes, what
    "modified" compares with the last saved or opened state).

    Signals:
        opened(object, object, object): show this template (``MessageTemplate``), from this
            file (``Path``, or None for a new or sample one), with these derived columns
            (``LetterSetup``); unsaved changes were saved or let go first.
        modificationChanged(bool): whether the template differs from its file now.
        fileChanged(object): the template's file (``Path``), or None for a new one.
    """

    opened = Signal(object, object, object)
    modificationChanged = Signal(bool)
    fileChanged = Signal(object)

    def __init__(
        self,
        panel: QWidget,
        *,
        template: Callable[[], MessageTemplate],
        setup: Callable[[], LetterSetup],
        settings: QSettings,
    ) -> None:
        super().__init__(panel)
        self._panel = panel
        self._template = template
        self._setup = setup
        self._settings = settings
        self._path: Path | None = None
        self._saved = MessageTemplate()
        self._saved_setup = LetterSetup()
        self._modified = False
        self._task: Task | None = None
        self.message_box: QMessageBox | None = None  # the last one shown (tests answer it)
        self._build_actions()
        self._samples_task = run_in_background(sample_templates, parent=self, on_result=self._fill_samples)

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
        self.samples_menu = QMenu(self._panel)
        self.samples_menu.setEnabled(False)  # filled in once the samples are read
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._panel.addAction(action)
        self.retranslate()

    def retranslate(self) -> None:
        """The actions' and the samples menu's texts in the language installed now."""
        self.new_action.setText(self.tr("&New Template"))
        self.new_action.setStatusTip(self.tr("Start an empty template."))
        self.open_action.setText(self.tr("Open &Template…"))
        self.open_action.setStatusTip(self.tr("Open a template file (.usosmail)."))
        self.save_action.setText(self.tr("&Save Template"))
        self.save_action.setStatusTip(self.tr("Save the template (subject, text, format, sender)."))
        self.save_as_action.setText(self.tr("Save Template &As…"))
        self.samples_menu.setTitle(self.tr("New Template from Sa&mple"))

    def event(self, event: QEvent) -> bool:
        """Another language (the panel passes ``LanguageChange`` on to its children)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    def _fill_samples(self, samples: list[tuple[Path, str]]) -> None:
        self.samples_menu.clear()
        for path, title in samples:
            action = QAction(title.replace("&", "&&"), self.samples_menu)
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_template(p, as_new=True))
            self.samples_menu.addAction(action)
        self.samples_menu.setEnabled(bool(samples))

    # --- the state -----------------------------------------------------------------------

    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.fileChanged.emit(path)

    def is_modified(self) -> bool:
        return self._modified

    def set_saved(self, *, template: MessageTemplate | None = None, setup: LetterSetup | None = None) -> None:
        """What the file holds (what "modified" compares with); ``update_modified`` tells."""
        if template is not None:
            self._saved = template
        if setup is not None:
            self._saved_setup = setup

    def update_modified(self) -> None:
        modified = self._template() != self._saved or self._setup() != self._saved_setup
        if modified != self._modified:
            self._modified = modified
            self.modificationChanged.emit(modified)

    def document_name(self) -> str:
        return self._path.name if self._path is not None else self.tr("Untitled template")

    @property
    def busy(self) -> bool:
        """Whether a file is being read or written."""
        return self._task is not None

    # --- the commands --------------------------------------------------------------------

    def new_template(self) -> None:
        self.confirm_discard(lambda: self.opened.emit(MessageTemplate(), None, LetterSetup()))

    def open_template(self, path: str | Path | None = None, *, as_new: bool = False) -> None:
        """Open a template file (asks which one when ``path`` is None; ``as_new``: a
        sample, saved elsewhere later). Unsaved changes are offered to be saved first."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._panel, self.tr("Open a template"), self._folder(), self._file_filter()
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
                self._panel, self.tr("Save the template"), suggested, self._file_filter()
            )
            if not chosen:
                return
            path = chosen
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(EXTENSION)
        self._write(target, then)

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
            self._panel,
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

    # --- the workers ---------------------------------------------------------------------

    def _read(self, path: Path, *, as_new: bool) -> None:
        self._task = run_in_background(
            load_template_file,
            path,
            parent=self,
            on_result=lambda file: self._opened(file.template, None if as_new else path, file.letters),
            on_error=self._open_failed,
            on_finished=self._done,
        )

    def _write(self, path: Path, then: Callable[[], None] | None) -> None:
        template = self._template()
        setup = self._setup()
        self._task = run_in_background(
            save_template,
            path,
            template,
            setup,
            parent=self,
            on_result=lambda written: self._written(Path(written), template, then, setup),
            on_error=self._save_failed,
            on_finished=self._done,
        )

    def _done(self) -> None:
        self._task = None

    def _opened(self, template: MessageTemplate, path: Path | None, letters: LetterSetup) -> None:
        self.opened.emit(template, path, letters)
        if path is not None:
            self._remember_folder(path)

    def _written(
        self, path: Path, template: MessageTemplate, then: Callable[[], None] | None, setup: LetterSetup
    ) -> None:
        self.set_saved(template=template, setup=setup)
        self.set_path(path)
        self.update_modified()
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
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._panel)
        box.setAccessibleName(title)
        self._show_box(box)

    def _show_box(self, box: QMessageBox) -> None:
        """Window-modal and not blocking: the GUI thread never waits in exec()."""
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()

    def _folder(self) -> str:
        return TEMPLATE_FOLDER.read(self._settings) or str(Path.home())

    def _remember_folder(self, path: Path) -> None:
        TEMPLATE_FOLDER.write(self._settings, str(path.parent))

    def _file_filter(self) -> str:
        return self.tr("usosmail templates (*{extension});;All files (*)").format(extension=EXTENSION)
