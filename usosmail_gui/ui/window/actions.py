"""The window's actions, declared once: one table of text, shortcuts, icon, tips and
handler, from which the menus, the toolbar and the Help ▸ Keyboard shortcuts list are
built.

The texts keep the translation context "MainWindow" (``QT_TRANSLATE_NOOP`` marks them for
lupdate; ``translate`` shows them), so the Polish translation follows them here. Shortcuts
are portable texts ("Ctrl+T"), translated too (a translator may pick another key), or a
platform's standard key (``standard``: a name of ``QKeySequence.StandardKey``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

__all__ = [
    "ACTIONS",
    "MENUS",
    "TOOLBAR",
    "ActionSpec",
    "WindowActions",
    "build_actions",
    "build_menus",
    "dotted_slot",
    "fill_menu",
    "retranslate_actions",
    "retranslate_menus",
    "shortcut_text",
]

CONTEXT = "MainWindow"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    return source


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


class WindowActions:
    """The window's actions and menus by name, as ``build_actions``/``build_menus`` set them
    from the table (declared here for the type checker: the table is their one source)."""

    open_action: QAction
    clear_recent_action: QAction
    sheet_action: QAction
    quit_action: QAction
    connect_action: QAction
    test_action: QAction
    send_test_action: QAction
    send_action: QAction
    interrupted_action: QAction
    test_address_action: QAction
    refresh_statuses_action: QAction
    history_action: QAction
    user_guide_action: QAction
    welcome_action: QAction
    shortcuts_action: QAction
    about_action: QAction
    about_qt_action: QAction
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    connection_menu: QMenu
    send_menu: QMenu
    help_menu: QMenu


class ActionSpec(NamedTuple):
    """One action of the window: ``window.<name>_action``, calling ``window.<slot>()``
    (a dotted path: ``window.send_flow.send_test()``, looked up when it is triggered;
    empty: the composition root connects it, ``window.actions_by_name[name]``). A
    NamedTuple: the table is read before the first paint, where ``dataclasses`` would cost
    imports."""

    name: str
    text: str
    slot: str
    shortcuts: tuple[str, ...] = ()
    standard: str = ""  # a QKeySequence.StandardKey by name ("Open"), before ``shortcuts``
    status_tip: str = ""
    toolbar_tip: str = ""  # on the toolbar, with this tooltip (and its shortcut)
    icon: str = ""  # resources/icons/<icon>.svg (ui/icons.py)
    role: str = ""  # a QAction.MenuRole by name ("QuitRole"): where macOS puts it
    enabled: bool = True
    deferred: bool = True  # waits for the work area (a shortcut pressed while it is built)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        name="open",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
        slot="list_loading.open_file_dialog",
        standard="Open",
        icon="open",
        status_tip=QT_TRANSLATE_NOOP("MainWindow", "Open a spreadsheet with the list of recipients."),
        toolbar_tip=QT_TRANSLATE_NOOP("MainWindow", "Open a list of recipients"),
    ),
    ActionSpec(
        name="clear_recent",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Clear the list"),
        slot="recent.files.clear",
    ),
    ActionSpec(
        name="sheet",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Sheet and header row…"),
        slot="list_loading.open_sheet_dialog",
        enabled=False,
        status_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Read the list again from another sheet, "
            "header row or e-mail column.",
        ),
    ),
    ActionSpec(
        name="quit",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        slot="close",
        standard="Quit",
        shortcuts=(QT_TRANSLATE_NOOP("MainWindow", "Ctrl+Q"),),
        role="QuitRole",
        deferred=False,
    ),
    ActionSpec(
        name="connect",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Connect…"),
        slot="window_connection.open_dialog",
        status_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Choose the USOS installation and enter "
            "the key and secret.",
        ),
    ),
    ActionSpec(
        name="test",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Test connection"),
        slot="window_connection.refresh",
        enabled=False,
        status_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Check the key and secret and read the "
            "mail queue's size.",
        ),
    ),
    ActionSpec(
        name="send_test",
        text=QT_TRANSLATE_NOOP("MainWindow", "Send &test to me…"),
        slot="send_flow.send_test",
        shortcuts=(QT_TRANSLATE_NOOP("MainWindow", "Ctrl+T"),),
        icon="send-test",
        status_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Send the selected recipient's message (as the "
            "preview shows it) to your own address.",
        ),
        toolbar_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Send the selected recipient's message "
            "to yourself as a test",
        ),
    ),
    ActionSpec(
        name="send",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Send…"),
        slot="send_flow.open_send_dialog",
        # Ctrl+Shift+Return: no editor uses it (Ctrl+Return / Shift+Return insert breaks in some)
        shortcuts=(
            QT_TRANSLATE_NOOP("MainWindow", "Ctrl+Shift+Return"),
            QT_TRANSLATE_NOOP("MainWindow", "Ctrl+Shift+Enter"),
        ),
        icon="send",
        status_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Check what will be sent, confirm, and send the "
            "message to every recipient.",
        ),
        toolbar_tip=QT_TRANSLATE_NOOP("MainWindow", "Check and send the message to every recipient"),
    ),
    ActionSpec(
        name="interrupted",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Interrupted campaigns…"),
        slot="resume_flow.show",
        status_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Finish campaigns that stopped before the end "
            "(recipients never sent, uncertain ones).",
        ),
    ),
    ActionSpec(
        name="test_address",
        text=QT_TRANSLATE_NOOP("MainWindow", "My &address for tests…"),
        slot="send_flow.ask_test_address",
        status_tip=QT_TRANSLATE_NOOP("MainWindow", "The address test messages are sent to."),
    ),
    ActionSpec(
        name="refresh_statuses",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Refresh statuses"),
        slot="statuses.refresh_now",
        shortcuts=(QT_TRANSLATE_NOOP("MainWindow", "F5"),),
        icon="refresh",
        status_tip=QT_TRANSLATE_NOOP("MainWindow", "Ask USOS now about the shown campaign's messages."),
        toolbar_tip=QT_TRANSLATE_NOOP("MainWindow", "Ask USOS now for the statuses of the shown campaign"),
    ),
    ActionSpec(
        name="history",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Campaigns…"),
        slot="statuses.open_history",
        shortcuts=(QT_TRANSLATE_NOOP("MainWindow", "Ctrl+H"),),
        icon="campaigns",
        status_tip=QT_TRANSLATE_NOOP("MainWindow", "Campaigns sent earlier: statuses and reports."),
    ),
    ActionSpec(
        name="user_guide",
        text=QT_TRANSLATE_NOOP("MainWindow", "&User Guide"),
        slot="help.show_user_guide",
        standard="HelpContents",
        status_tip=QT_TRANSLATE_NOOP("MainWindow", "Read the user guide, in the window's language."),
        deferred=False,
    ),
    ActionSpec(
        name="sandbox_mailbox",
        text=QT_TRANSLATE_NOOP("MainWindow", "Sandbox &mailbox…"),
        slot="",  # app/sandbox_launcher.py: shown only while the window talks to the built-in sandbox
        status_tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "The messages the built-in sandbox delivered (campaigns and tests), as the students see them.",
        ),
    ),
    ActionSpec(
        name="welcome",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Welcome page"),
        slot="show_welcome",
        status_tip=QT_TRANSLATE_NOOP("MainWindow", "Show the first page again: try the sandbox or connect."),
    ),
    ActionSpec(
        name="shortcuts",
        text=QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
        slot="help.show_shortcuts",
        deferred=False,
        status_tip=QT_TRANSLATE_NOOP("MainWindow", "List the keys that do what the menus do."),
    ),
    ActionSpec(
        name="about",
        text=QT_TRANSLATE_NOOP("MainWindow", "&About usosmail-gui"),
        slot="help.show_about",
        role="AboutRole",
        deferred=False,
    ),
    ActionSpec(
        name="about_qt",
        text=QT_TRANSLATE_NOOP("MainWindow", "About &Qt"),
        slot="help.about_qt",
        role="AboutQtRole",
        deferred=False,
    ),
)

# The frame's menus, in order: an action's name, "-" a separator, "@name" a place the
# window fills itself (a submenu, or the composer's actions once the work area exists).
MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "file",
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        ("open", "@recent", "sheet", "-", "@templates", "quit"),
    ),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit"), ()),  # filled once the work area exists
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View"), ()),  # filled once the docks exist
    ("connection", QT_TRANSLATE_NOOP("MainWindow", "&Connection"), ("connect", "test")),
    (
        "send",
        QT_TRANSLATE_NOOP("MainWindow", "&Send"),
        (
            "send_test",
            "send",
            "-",
            "interrupted",
            "test_address",
            "-",
            "refresh_statuses",
            "history",
            "sandbox_mailbox",
        ),
    ),
    (
        "help",
        QT_TRANSLATE_NOOP("MainWindow", "&Help"),
        ("user_guide", "welcome", "shortcuts", "-", "about", "about_qt"),
    ),
)

# The toolbar, in order ("@save": the composer's Save, with its own tip).
TOOLBAR = ("open", "@save", "send_test", "send", "refresh_statuses")
SAVE_TIP = QT_TRANSLATE_NOOP("MainWindow", "Save the template")


def build_actions(
    parent: QObject, slot: Callable[[ActionSpec], Callable[..., object]]
) -> dict[str, QAction]:
    """Every action of the table, by name; ``slot(spec)`` is what its trigger calls."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(parent)
        action.setObjectName(f"{spec.name}Action")
        if spec.standard:
            action.setShortcuts(getattr(QKeySequence.StandardKey, spec.standard))
        if spec.shortcuts and action.shortcut().isEmpty():
            # setShortcuts (plural): PySide6's overload check of setShortcut is slow at start
            action.setShortcuts([QKeySequence(translate(key)) for key in spec.shortcuts])
        if spec.role:
            action.setMenuRole(getattr(QAction.MenuRole, spec.role))
        action.setEnabled(spec.enabled)
        if spec.slot:
            action.triggered.connect(slot(spec))
        actions[spec.name] = action
    retranslate_actions(actions)
    return actions


def retranslate_actions(actions: Mapping[str, QAction]) -> None:
    """The texts and tips of the table's actions, in the language now installed."""
    for spec in ACTIONS:
        action = actions[spec.name]
        action.setText(translate(spec.text))
        action.setStatusTip(translate(spec.status_tip))


def retranslate_menus(menus: Mapping[str, QMenu]) -> None:
    """The titles of the menus of ``MENUS`` (by key), in the language now installed."""
    for key, title, _entries in MENUS:
        menus[key].setTitle(translate(title))


def dotted_slot(root: object, path: str) -> Callable[[], object]:
    """What ``root.<path>()`` calls, looked up at each call (the parts of the work area are
    built after the actions)."""

    def call() -> object:
        target = root
        for name in path.split("."):
            target = getattr(target, name)
        assert callable(target), path
        return target()

    return call


def build_menus(
    bar: QMenuBar, actions: Mapping[str, QAction], submenus: Mapping[str, QMenu]
) -> tuple[dict[str, QMenu], dict[str, QAction]]:
    """The menus of ``MENUS`` in ``bar``, by key ("file"), and the places ("@templates")
    where the window inserts what comes later."""
    menus: dict[str, QMenu] = {}
    places: dict[str, QAction] = {}
    for key, title, entries in MENUS:
        menus[key] = bar.addMenu(translate(title))
        fill_menu(menus[key], entries, actions, submenus, places)
    return menus, places


def fill_menu(
    menu: QMenu,
    entries: Iterable[str],
    actions: Mapping[str, QAction],
    submenus: Mapping[str, QMenu],
    places: dict[str, QAction],
) -> None:
    """Put ``entries`` (see ``MENUS``) into ``menu``: a "@name" of ``submenus`` is that
    submenu; any other "@name" a separator recorded in ``places``, before which the window
    inserts what goes there later."""
    for entry in entries:
        if entry == "-":
            menu.addSeparator()
        elif entry[1:] in submenus and entry.startswith("@"):
            menu.addMenu(submenus[entry[1:]])
        elif entry.startswith("@"):
            places[entry[1:]] = menu.addSeparator()
        else:
            menu.addAction(actions[entry])


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts as this platform writes them ("Ctrl+T", "⌘T"), "; "-joined."""
    return "; ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
