"""Where the GUI remembers non-secret things: window geometry and dock layout, the last
installation, the splitters' sizes, and the recently opened recipient lists and templates.

Never a key or a secret: those live in the keyring only (``core.credentials``).

An IT department can set values for all users in the system-wide settings, which Qt reads
whenever the user's own have no such key: on Windows the registry key
``HKEY_LOCAL_MACHINE\\Software\\usosmail-gui\\usosmail-gui``, on Linux
``/etc/xdg/usosmail-gui/usosmail-gui.conf``, on macOS
``/Library/Preferences/com.usosmail-gui.usosmail-gui.plist``. ``connection/installation_url``
there is the university's USOS API address, used until the user connects elsewhere
(README, "For IT departments").
"""

from __future__ import annotations

from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

__all__ = [
    "APPLICATION",
    "COMPOSER_SPLITTER",
    "GEOMETRY",
    "LANGUAGE",
    "LAST_URL",
    "MAX_RECENT_FILES",
    "ORGANIZATION",
    "PRESET_URL",
    "RECENT_FILES",
    "RECENT_TEMPLATES",
    "SETTINGS",
    "SPLITTER",
    "STATE",
    "TEMPLATE_FOLDER",
    "TEST_ADDRESS",
    "TOOLBAR_TEXT",
    "Setting",
    "app_settings",
    "forget_recent_file",
    "recent_files",
    "remember_recent_file",
    "remembered_url",
]

ORGANIZATION = "usosmail-gui"
APPLICATION = "usosmail-gui"

T = TypeVar("T")


class Setting(NamedTuple, Generic[T]):
    """One thing the app remembers: its key in QSettings (never renamed: saved layouts and
    choices must survive an upgrade), the type it is kept as, and its value when unset.
    (A NamedTuple: read before the first paint, where ``dataclasses`` would cost imports.)"""

    key: str
    type: type[T]
    default: T

    def read(self, settings: QSettings) -> T:
        """The stored value, or the default when unset or of another type."""
        if self.type in (bool, int, str):
            value = settings.value(self.key, self.default, self.type)
        else:
            value = settings.value(self.key, self.default)
        return value if isinstance(value, self.type) else self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


# Every setting of the app, in one place (the keys are the ones earlier versions saved).
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
STATE = Setting("window/state", QByteArray, QByteArray())  # docks and toolbar
SPLITTER = Setting("window/splitter", QByteArray, QByteArray())  # the recipient list | the composer
COMPOSER_SPLITTER = Setting("window/composer_splitter", QByteArray, QByteArray())  # editor | preview
TOOLBAR_TEXT = Setting("window/toolbar_text", bool, False)  # text beside the toolbar's icons
LANGUAGE = Setting("ui/language", str, "")  # "" (the system's), "pl" or "en": ui/i18n.py
LAST_URL = Setting("connection/last_url", str, "")
PRESET_URL = Setting("connection/installation_url", str, "")  # set system-wide by IT, read only
RECENT_FILES = Setting("recipients/recent_files", list, [])  # newest first: recent_files()
RECENT_TEMPLATES = Setting("templates/recent_files", list, [])
TEMPLATE_FOLDER = Setting("templates/last_folder", str, "")  # where template dialogs open
TEST_ADDRESS = Setting("sending/test_address", str, "")  # the user's own address (not a secret)

SETTINGS: tuple[Setting[Any], ...] = (
    GEOMETRY,
    STATE,
    SPLITTER,
    COMPOSER_SPLITTER,
    TOOLBAR_TEXT,
    LANGUAGE,
    LAST_URL,
    PRESET_URL,
    RECENT_FILES,
    RECENT_TEMPLATES,
    TEMPLATE_FOLDER,
    TEST_ADDRESS,
)

MAX_RECENT_FILES = 8


def app_settings() -> QSettings:
    """The app's settings in the default format, so tests can redirect them with setPath."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def remembered_url(settings: QSettings) -> str:
    """The installation to start with: the one the user last connected to, else the one IT
    set for all users (the system-wide ``connection/installation_url``), else ""."""
    for setting in (LAST_URL, PRESET_URL):
        value = setting.read(settings).strip()
        if value:
            return value
    return ""


def recent_files(settings: QSettings, key: str = RECENT_FILES.key) -> list[str]:
    """The recently opened recipient lists (``key``: or templates), newest first (paths as
    text, maybe gone by now)."""
    value = settings.value(key, [])
    if isinstance(value, str):  # an INI file gives a one-element list back as a string
        value = [value] if value else []
    if not isinstance(value, list):
        return []
    return [str(path) for path in value if path][:MAX_RECENT_FILES]


def remember_recent_file(settings: QSettings, path: str, key: str = RECENT_FILES.key) -> list[str]:
    """Put ``path`` first in the recent list (once), keep ``MAX_RECENT_FILES``; the new list."""
    paths = [path, *(p for p in recent_files(settings, key) if p != path)][:MAX_RECENT_FILES]
    settings.setValue(key, paths)
    return paths


def forget_recent_file(
    settings: QSettings, path: str | None = None, key: str = RECENT_FILES.key
) -> list[str]:
    """Drop ``path`` from the recent list (``None``: drop them all); the new list."""
    paths = [] if path is None else [p for p in recent_files(settings, key) if p != path]
    settings.setValue(key, paths)
    return paths
