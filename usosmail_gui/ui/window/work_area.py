"""The work area: the recipient list beside the composer (template editor | preview) in
two splitters, the template's problems in a dock below, and the welcome page that may
take the work area's place. The list and the composer are wired to each other here (a
row chosen in one is shown in the other); what they ask of the window goes through its
signals."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSettings, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QStackedWidget, QWidget

from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.recipients_view import RecipientPane
from usosmail_gui.ui.welcome import WelcomePage

__all__ = ["WorkArea"]


class WorkArea(QObject):
    """``pane``, ``composer``, ``splitter``, ``composer_splitter``, ``problems_dock`` and
    ``welcome_page``, in ``stack`` (where they replace ``starting``).

    Signals:
        sandboxChosen(): the welcome page's "Try it with the sandbox" (the work area shows).
        connectChosen(): the welcome page's "Connect to my university".
    """

    sandboxChosen = Signal()
    connectChosen = Signal()

    def __init__(
        self, window: QMainWindow, stack: QStackedWidget, starting: QWidget, settings: QSettings
    ) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack
        self._hidden_by_welcome: list[QDockWidget] = []  # docks to show again after it
        self.pane = RecipientPane()
        self.composer = ComposerPanel(settings=settings)
        self.composer.setObjectName("composer")
        pane, model, composer = self.pane, self.pane.model, self.composer
        composer.cellFixRequested.connect(lambda row, column, text: model.set_cell(row, column, text))
        pane.currentRowChanged.connect(composer.set_current_row)
        pane.emailColumnChanged.connect(lambda _column: composer.recheck())
        model.viewChanged.connect(lambda: composer.set_row_order(model.shown_rows()))
        model.rowsChanged.connect(lambda _rows: composer.recheck())
        composer.rowActivated.connect(lambda row: pane.select_table_rows([row], current=row))
        composer.lettersChanged.connect(lambda letters: model.set_letters(letters, composer.overrides))
        model.derivedEdited.connect(composer.set_override)
        composer.templateChanged.connect(self.show_work_area)  # a template opened from the menu
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("workSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(pane)
        self.splitter.addWidget(composer)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.composer_splitter = composer.top_splitter  # the template editor | the preview
        self.composer_splitter.setObjectName("composerSplitter")
        self.composer_splitter.setChildrenCollapsible(False)
        self.welcome_page = WelcomePage()
        self.welcome_page.sandboxChosen.connect(lambda: self._leave_welcome(self.sandboxChosen))
        self.welcome_page.connectChosen.connect(lambda: self._leave_welcome(self.connectChosen))
        self.welcome_page.backChosen.connect(self.show_work_area)
        stack.addWidget(self.splitter)
        stack.addWidget(self.welcome_page)
        stack.setCurrentWidget(self.splitter)
        stack.removeWidget(starting)
        starting.deleteLater()
        # the composer's problems panel, in a dock below (the composer still fills it)
        dock = self.problems_dock = QDockWidget(window)
        dock.setObjectName("problemsDock")
        self.retranslate()
        dock.setWidget(composer.take_problems_panel())
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)

    def retranslate(self) -> None:
        """The Problems dock's title in the language now installed (the list, the composer
        and the welcome page retranslate themselves)."""
        self.problems_dock.setWindowTitle(self.tr("Problems"))
        self.problems_dock.setAccessibleName(self.tr("Template problems"))

    @property
    def welcome_showing(self) -> bool:
        return self._stack.currentWidget() is self.welcome_page

    def show_welcome(self, docks: Iterable[QDockWidget]) -> None:
        """The welcome page in place of the work area; the open ``docks`` hide meanwhile."""
        if self.welcome_showing:
            return
        self._hidden_by_welcome = [dock for dock in docks if not dock.isHidden()]
        for dock in self._hidden_by_welcome:
            dock.hide()
        table = self.pane.table()
        self.welcome_page.offer_back(None if table is None else table.source.path.name)
        self._stack.setCurrentWidget(self.welcome_page)
        self.welcome_page.sandbox_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_work_area(self) -> None:
        """Leave the welcome page (if shown): the work area and the docks open before."""
        if not self.welcome_showing:
            return
        self._stack.setCurrentWidget(self.splitter)
        hidden, self._hidden_by_welcome = self._hidden_by_welcome, []
        for dock in hidden:
            dock.show()

    def leave_welcome_unseen(self) -> None:
        """The work area and its docks back without a repaint (the window saves its
        layout as the work area's when it closes on the welcome page)."""
        if self.welcome_showing:
            self._window.setUpdatesEnabled(False)
            self.show_work_area()
            self._window.setUpdatesEnabled(True)

    def _leave_welcome(self, then: SignalInstance) -> None:
        self.show_work_area()
        then.emit()
