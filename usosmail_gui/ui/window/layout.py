"""The window's layout: the toolbar (its actions come from ``actions.TOOLBAR``), the View
menu (docks, toolbar, text beside icons, language), the actions' icons for the palette, and
the layout saved on close and restored on start — under the object names and settings keys
earlier versions used (``mainToolBar``, ``problemsDock``, ``statusDock``, ``workSplitter``,
``composerSplitter``; ``settings.GEOMETRY``, ``STATE``, ``SPLITTER``, ``COMPOSER_SPLITTER``), so saved layouts
survive."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QToolBar

from usosmail_gui.ui.i18n import (
    ENGLISH,
    POLISH,
    SYSTEM,
    install_translations,
    language_preference,
    set_language_preference,
)
from usosmail_gui.ui.settings import COMPOSER_SPLITTER, GEOMETRY, SPLITTER, STATE, TOOLBAR_TEXT

from .actions import ACTIONS, SAVE_TIP, TOOLBAR, translate

__all__ = ["WindowLayout"]


class WindowLayout(QObject):
    """The toolbar, the View menu, and saving and restoring the layout of ``window``.

    Signals:
        languageChanged(): another language was chosen, remembered and installed
            (``i18n.install_translations``: every widget then hears ``LanguageChange``).
    """

    languageChanged = Signal()

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.toolbar = QToolBar(window)
        self._icons: list[tuple[QAction, str]] = []
        self._tips: list[tuple[QAction, str]] = []

    def build(
        self,
        actions: Mapping[str, QAction],
        save: QAction,
        find: QAction,
        view_menu: QMenu,
        docks: tuple[QDockWidget, QDockWidget],
        extra: Sequence[QAction] = (),
    ) -> None:
        """The toolbar of ``actions.TOOLBAR`` (``save``: the composer's Save), the View menu
        over the docks (Problems, Statuses) and ``extra``, and the icons of the actions."""
        specs = {spec.name: spec for spec in ACTIONS}
        self.build_toolbar(
            [
                (save, SAVE_TIP) if name == "@save" else (actions[name], specs[name].toolbar_tip)
                for name in TOOLBAR
            ]
        )
        self.build_view_menu(view_menu, *docks, extra)
        named = [(actions[spec.name], spec.icon) for spec in ACTIONS if spec.icon]
        self._icons = [*named, (save, "save"), (find, "find")]
        self.apply_icons()
        self.retranslate()

    def apply_icons(self) -> None:
        """Icons for the current palette (again when it changes: light or dark strokes)."""
        from usosmail_gui.ui.icons import icon

        palette = self._window.palette()
        for action, name in self._icons:
            action.setIcon(icon(name, palette))

    def build_toolbar(self, entries: Sequence[tuple[QAction, str]]) -> QToolBar:
        """The toolbar of ``entries`` (an action, what it does: a text of the action table,
        translated by ``retranslate``), its shortcut in the tip."""
        bar = self.toolbar
        bar.setObjectName("mainToolBar")
        bar.setMovable(True)
        beside = TOOLBAR_TEXT.read(self._settings)
        style = Qt.ToolButtonStyle
        bar.setToolButtonStyle(style.ToolButtonTextBesideIcon if beside else style.ToolButtonIconOnly)
        self._tips = list(entries)
        for action, _what in entries:
            bar.addAction(action)
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def build_view_menu(
        self, menu: QMenu, problems: QDockWidget, statuses: QDockWidget, extra: Sequence[QAction] = ()
    ) -> None:
        """The docks' and the toolbar's toggles, then ``extra`` (e.g. the composer's letters
        toggle), the toolbar's text, the language."""
        self.problems_toggle = problems.toggleViewAction()
        self.status_toggle = statuses.toggleViewAction()
        self.toolbar_toggle = self.toolbar.toggleViewAction()
        for action in (self.problems_toggle, self.status_toggle, self.toolbar_toggle, *extra):
            menu.addAction(action)
        self.toolbar_text = QAction(self._window)
        self.toolbar_text.setCheckable(True)
        self.toolbar_text.setChecked(
            self.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        self.toolbar_text.toggled.connect(self.set_toolbar_text)
        menu.addAction(self.toolbar_text)
        menu.addSeparator()
        self.language_menu = QMenu(self._window)
        self.language_menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self._window)
        self.language_group.setExclusive(True)
        chosen = language_preference(self._settings)
        for value in (SYSTEM, POLISH, ENGLISH):
            action = QAction(self.language_group)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value == chosen)
            self.language_menu.addAction(action)
        self.language_group.triggered.connect(self._language_chosen)
        menu.addMenu(self.language_menu)

    def retranslate(self) -> None:
        """The texts of the toolbar and the View menu, in the language now installed."""
        bar = self.toolbar
        bar.setWindowTitle(self.tr("Main toolbar"))
        bar.setAccessibleName(self.tr("Main toolbar"))
        for action, tip in self._tips:
            what = translate(tip)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(self.tr("{what} ({shortcut})").format(what=what, shortcut=shortcut))
            button = bar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(what)
        self.problems_toggle.setStatusTip(self.tr("Show or hide the list of the template's problems."))
        self.status_toggle.setStatusTip(self.tr("Show or hide the statuses of the shown campaign."))
        self.toolbar_toggle.setText(self.tr("&Toolbar"))
        self.toolbar_toggle.setStatusTip(self.tr("Show or hide the toolbar."))
        self.toolbar_text.setText(self.tr("Text &beside Toolbar Icons"))
        self.language_menu.setTitle(self.tr("&Language"))
        names = {SYSTEM: self.tr("System language"), POLISH: self.tr("Polski"), ENGLISH: self.tr("English")}
        for action in self.language_group.actions():
            action.setText(names[str(action.data() or "")])

    def set_toolbar_text(self, beside: bool) -> None:
        """Show the toolbar's texts beside its icons (remembered), or icons only."""
        style = Qt.ToolButtonStyle
        beside_or_not = style.ToolButtonTextBesideIcon if beside else style.ToolButtonIconOnly
        self.toolbar.setToolButtonStyle(beside_or_not)
        TOOLBAR_TEXT.write(self._settings, beside)

    def _language_chosen(self, action: QAction) -> None:
        value = str(action.data() or "")
        if value == language_preference(self._settings):
            return
        set_language_preference(self._settings, value)
        app = QCoreApplication.instance()
        if app is not None:  # Qt tells every widget; each sets its texts again (retranslate)
            install_translations(app, self._settings)
        self.languageChanged.emit()

    def restore(self, splitter: QSplitter, composer_splitter: QSplitter, problems: QDockWidget) -> None:
        """Docks, toolbar and splitters as they were (the window's size came with the frame).

        The first time (nothing saved): the Statuses dock as a tab beside Problems below
        the work area, a quarter of the height; the list as wide as its Send, Problems,
        E-mail and Status columns need (``RecipientPane.key_columns_width``, from the
        translated texts), between 30 and 50 % of the width and leaving the template and the
        preview their least widths; those two share the rest."""
        window = self._window
        if not window.restoreState(STATE.read(self._settings)):
            statuses = window.findChild(QDockWidget, "statusDock")
            if statuses is not None and window.dockWidgetArea(statuses) == window.dockWidgetArea(problems):
                window.tabifyDockWidget(problems, statuses)
                problems.raise_()
            height = max(problems.minimumSizeHint().height(), window.height() // 4)
            window.resizeDocks([problems], [height], Qt.Orientation.Vertical)
        width = window.width()
        if not splitter.restoreState(SPLITTER.read(self._settings)):
            pane = splitter.widget(0)
            wanted = getattr(pane, "key_columns_width", None)
            needed = int(wanted()) if callable(wanted) else width * 2 // 5
            list_width = min(max(needed, width * 3 // 10), width // 2)
            composer = splitter.widget(1) if splitter.count() > 1 else None
            if composer is not None:  # the template and the preview keep their least widths
                least = composer.minimumSizeHint().width() + splitter.handleWidth()
                list_width = max(width * 3 // 10, min(list_width, width - least))
            splitter.setSizes([list_width, width - list_width])
        if not composer_splitter.restoreState(COMPOSER_SPLITTER.read(self._settings)):
            rest = width - splitter.sizes()[0] if splitter.count() else width
            composer_splitter.setSizes([rest // 2, rest - rest // 2])

    def save(self, splitter: QSplitter, composer_splitter: QSplitter) -> None:
        """Geometry, docks, toolbar and splitters (the work area must be shown)."""
        window = self._window
        GEOMETRY.write(self._settings, window.saveGeometry())
        STATE.write(self._settings, window.saveState())
        SPLITTER.write(self._settings, splitter.saveState())
        COMPOSER_SPLITTER.write(self._settings, composer_splitter.saveState())
        self._settings.sync()
