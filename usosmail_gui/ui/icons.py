"""The toolbar's and menus' icons: the desktop theme's icon where it has one, else ours.

Ours are SVG (``resources/icons``), so they are sharp at any devicePixelRatio. Each comes
in two colours: dark strokes for light palettes and ``-on-dark`` light strokes for dark
ones, chosen from the palette's window colour when the icon is asked for (the window asks
again when the palette changes).
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon, QPalette

__all__ = ["ICONS", "icon", "icon_path", "icons_folder", "is_dark"]

# our name → the freedesktop icon-naming name the theme may provide (None: always ours,
# because no standard name means the same thing)
ICONS: dict[str, str | None] = {
    "open": "document-open",
    "save": "document-save",
    "send": "mail-send",
    "send-test": None,
    "refresh": "view-refresh",
    "find": "edit-find",
    "campaigns": "document-open-recent",
}

DARK_SUFFIX = "-on-dark"


@functools.cache
def icons_folder() -> Path:
    """Looked up once: importlib.resources takes about half a millisecond a call."""
    return Path(str(resources.files("usosmail_gui").joinpath("resources/icons")))


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette's windows are dark (light strokes are needed on them)."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def icon_path(name: str, *, dark: bool = False) -> Path:
    """Our SVG for ``name`` (one of ``ICONS``), the variant for dark palettes if ``dark``."""
    if name not in ICONS:
        raise KeyError(name)
    return icons_folder() / f"{name}{DARK_SUFFIX if dark else ''}.svg"


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The theme's icon for ``name`` if the desktop theme has one, else our SVG in the
    palette's colours."""
    fallback = QIcon(str(icon_path(name, dark=is_dark(palette))))
    theme_name = ICONS[name]
    if theme_name is None:
        return fallback
    return QIcon.fromTheme(theme_name, fallback)
