"""Colours of marks and states, derived from the palette in use, light or dark.

The app names no fixed colour for text or backgrounds: a mark starts from a hue chosen for
light backgrounds and is made lighter or darker (same hue and saturation) until it reaches
WCAG 2 contrast with the palette's base colour, so it stays readable when the system
switches to a dark scheme. A hue that is already readable is kept as it is.

When to compute again: Qt changes the application palette when the platform's colour
scheme changes (``QStyleHints.colorSchemeChanged``), and every widget then receives
``QEvent.PaletteChange``; widgets restyle there, and tell their item models
(``set_palette``), which are not widgets and hear of nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette

__all__ = [
    "GRAPHIC_CONTRAST",
    "TEXT_CONTRAST",
    "Tone",
    "contrast",
    "is_dark",
    "luminance",
    "mix",
    "readable",
    "text_style",
    "tint",
    "tone",
]

TEXT_CONTRAST = 4.5  # WCAG AA for text
GRAPHIC_CONTRAST = 3.0  # WCAG AA for large text and graphics (underlines, borders)

Role = QPalette.ColorRole


class Tone(Enum):
    """A meaning, with its hue for light backgrounds."""

    ACCENT = "#1a5fb4"
    ERROR = "#c01c28"
    WARNING = "#a15c00"
    SUCCESS = "#1b7a2e"
    MUTED = "#6b6b6b"

    def hue(self) -> QColor:
        """The colour for light backgrounds (``tone`` gives the one for the palette in use)."""
        return QColor(self.value)


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance (0 black … 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio (1 … 21)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` with ``amount`` (0 … 1) of ``b``."""
    keep = 1.0 - amount
    return QColor.fromRgbF(
        a.redF() * keep + b.redF() * amount,
        a.greenF() * keep + b.greenF() * amount,
        a.blueF() * keep + b.blueF() * amount,
    )


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is lighter than its background (a dark scheme)."""
    palette = QGuiApplication.palette() if palette is None else palette
    return luminance(palette.color(Role.Base)) < luminance(palette.color(Role.Text))


def readable(colour: QColor, backgrounds: Sequence[QColor], minimum: float = TEXT_CONTRAST) -> QColor:
    """``colour``, or the nearest lighter/darker shade of it with at least ``minimum``
    contrast against every background (white or black when no shade has)."""

    def worst(candidate: QColor) -> float:
        return min(contrast(candidate, background) for background in backgrounds)

    if not backgrounds or worst(colour) >= minimum:
        return QColor(colour)
    white, black = QColor(255, 255, 255), QColor(0, 0, 0)
    lighten = worst(white) >= worst(black)
    extreme = white if lighten else black
    if worst(extreme) < minimum:
        return extreme
    hue, saturation, lightness = colour.hslHueF(), colour.hslSaturationF(), colour.lightnessF()
    if hue < 0:  # achromatic
        hue, saturation = 0.0, 0.0
    near, far = lightness, 1.0 if lighten else 0.0  # near fails, far passes
    for _ in range(20):
        middle = (near + far) / 2
        if worst(QColor.fromHslF(hue, saturation, middle)) >= minimum:
            far = middle
        else:
            near = middle
    # in 8-bit channels (as style sheets and painting use it), still passing
    step = 1 / 255 if lighten else -1 / 255
    found = QColor(QColor.fromHslF(hue, saturation, far).name())
    while worst(found) < minimum and 0.0 <= far <= 1.0:
        far += step
        found = QColor(QColor.fromHslF(hue, saturation, min(1.0, max(0.0, far))).name())
    return found


def tone(
    meaning: Tone | QColor,
    palette: QPalette,
    *,
    minimum: float = TEXT_CONTRAST,
    on: Sequence[QPalette.ColorRole] = (Role.Base,),
) -> QColor:
    """The colour of ``meaning`` (a tone or a hue for light backgrounds) that is readable
    on the palette's ``on`` roles (Base for editors and lists, Window for labels)."""
    backgrounds = [palette.color(role) for role in on]
    if meaning is Tone.MUTED:
        start = mix(palette.color(Role.Text), palette.color(Role.Base), 0.45)
    elif isinstance(meaning, Tone):
        start = meaning.hue()
    else:
        start = meaning
    return readable(start, backgrounds, minimum)


def tint(
    meaning: Tone | QColor, palette: QPalette, *, role: QPalette.ColorRole = Role.Base, amount: float = 0.18
) -> QColor:
    """A background of the palette's ``role`` tinted towards ``meaning``, on which the
    palette's own text stays readable."""
    background = palette.color(role)
    text = palette.color(Role.WindowText if role == Role.Window else Role.Text)
    hue = meaning.hue() if isinstance(meaning, Tone) else meaning
    while amount > 0.02:
        tinted = mix(background, hue, amount)
        if contrast(text, tinted) >= TEXT_CONTRAST:
            return tinted
        amount /= 2
    return QColor(background)


def text_style(meaning: Tone, palette: QPalette, *, bold: bool = False) -> str:
    """A label's style sheet: its text in ``meaning``, readable on the palette's window.
    A label with a style sheet hears of no palette change: its owner sets it again."""
    colour = tone(meaning, palette, on=(Role.Window, Role.Base))
    return f"color: {colour.name()};" + (" font-weight: bold;" if bold else "")
