"""Where the GUI remembers non-secret things: window geometry and the last installation.

Never a key or a secret: those live in the keyring only (``core.credentials``).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "usosmail-gui"
APPLICATION = "usosmail-gui"

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_LAST_URL = "connection/last_url"


def app_settings() -> QSettings:
    """The app's settings in the default format, so tests can redirect them with setPath."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
