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

from PySide6.QtCore import QSettings

ORGANIZATION = "usosmail-gui"
APPLICATION = "usosmail-gui"

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLITTER = "window/splitter"  # the recipient list | the composer
KEY_COMPOSER_SPLITTER = "window/composer_splitter"  # the template editor | the preview
KEY_TOOLBAR_TEXT = "window/toolbar_text"  # text beside the toolbar's icons
KEY_LAST_URL = "connection/last_url"
KEY_PRESET_URL = "connection/installation_url"  # set system-wide by IT, read only
KEY_RECENT_FILES = "recipients/recent_files"
KEY_RECENT_TEMPLATES = "templates/recent_files"

MAX_RECENT_FILES = 8


def app_settings() -> QSettings:
    """The app's settings in the default format, so tests can redirect them with setPath."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def remembered_url(settings: QSettings) -> str:
    """The installation to start with: the one the user last connected to, else the one IT
    set for all users (the system-wide ``connection/installation_url``), else ""."""
    for key in (KEY_LAST_URL, KEY_PRESET_URL):
        value = settings.value(key, "", str)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def recent_files(settings: QSettings, key: str = KEY_RECENT_FILES) -> list[str]:
    """The recently opened recipient lists (``key``: or templates), newest first (paths as
    text, maybe gone by now)."""
    value = settings.value(key, [])
    if isinstance(value, str):  # an INI file gives a one-element list back as a string
        value = [value] if value else []
    if not isinstance(value, list):
        return []
    return [str(path) for path in value if path][:MAX_RECENT_FILES]


def remember_recent_file(settings: QSettings, path: str, key: str = KEY_RECENT_FILES) -> list[str]:
    """Put ``path`` first in the recent list (once), keep ``MAX_RECENT_FILES``; the new list."""
    paths = [path, *(p for p in recent_files(settings, key) if p != path)][:MAX_RECENT_FILES]
    settings.setValue(key, paths)
    return paths


def forget_recent_file(
    settings: QSettings, path: str | None = None, key: str = KEY_RECENT_FILES
) -> list[str]:
    """Drop ``path`` from the recent list (``None``: drop them all); the new list."""
    paths = [] if path is None else [p for p in recent_files(settings, key) if p != path]
    settings.setValue(key, paths)
    return paths
