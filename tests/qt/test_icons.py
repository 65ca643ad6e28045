"""ui/icons.py: every toolbar icon comes as one drawing in a light and a dark variant, and
renders sharp."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from usosmail_gui.ui import icons


def test_svg_icons_come_in_light_and_dark_variants(qapp: QApplication) -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    assert not icons.is_dark(light) and icons.is_dark(dark)
    stroke = re.compile(r'stroke="(#[0-9a-f]{6})"')
    for name in icons.ICONS:
        on_light = icons.icon_path(name).read_text(encoding="utf-8")
        on_dark = icons.icon_path(name, dark=True).read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in on_light and "currentColor" not in on_light
        colours_light, colours_dark = set(stroke.findall(on_light)), set(stroke.findall(on_dark))
        assert len(colours_light) == len(colours_dark) == 1
        assert QColor(colours_light.pop()).lightness() < 100 < 180 < QColor(colours_dark.pop()).lightness()
        assert stroke.sub("", on_light) == stroke.sub("", on_dark)  # the same drawing
        rendered = icons.icon(name, dark).pixmap(QSize(32, 32), 1.5)
        assert (rendered.width(), rendered.height()) == (48, 48)
