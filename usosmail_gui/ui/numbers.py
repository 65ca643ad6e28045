"""Numbers as the window's language writes them: the one helper every count on screen goes
through, so "5 000" (Polish, with a no-break space) or "5,000" (English) is written the same
way in the status bar, Send…, the Statuses panel and the Campaigns window.

``QLocale`` of the window's language (``ui/i18n.py`` sets it as the default) gives the
separators. Polish locale data leaves four-digit numbers ungrouped ("5000" beside
"15 000"); here every number of four digits or more is grouped, so columns of counts read
alike. ``counted`` puts the same writing into a text Qt counted with ``%Ln``.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

__all__ = ["counted", "number"]


def number(value: int, locale: QLocale | None = None) -> str:
    """``value`` with the locale's digit grouping, from the thousands up."""
    locale = locale or QLocale()
    text = locale.toString(value)
    separator = locale.groupSeparator()
    if abs(value) < 1000 or not separator or separator in text:
        return text
    digits = str(abs(value))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return (locale.negativeSign() if value < 0 else "") + separator.join(groups)


def counted(translated: str, n: int) -> str:
    """A counted text (``tr("%Ln sent", "", n)``, or ``%n``) with its number written by
    ``number``: what Qt wrote for ``%Ln`` (the locale's digits) or ``%n`` (plain digits)."""
    written = number(n)
    for plain in (QLocale().toString(n), str(n)):
        if plain != written and plain in translated:
            return translated.replace(plain, written, 1)
    return translated
