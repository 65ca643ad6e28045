"""What an open window says, for the tests that switch View ▸ Language while it is open:
its words, and those still written with Polish letters after a switch to English."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QHeaderView, QLabel, QWidget

__all__ = ["OWN_POLISH", "POLISH_LETTERS", "polish_left", "words"]

POLISH_LETTERS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
OWN_POLISH = ("Imię", "Decyzja dla", "Dzień dobry", "Zaproszenie")  # the campaigns' own Polish


def words(window: QWidget) -> list[str]:
    """What the user reads in a window: its title, labels, buttons, boxes and headers."""
    found = [window.windowTitle()]
    found += [w.text() for w in window.findChildren(QLabel) if w.isVisibleTo(window)]
    found += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)]
    found += [w.title() for w in window.findChildren(QGroupBox) if w.isVisibleTo(window)]
    for header in window.findChildren(QHeaderView):
        model = header.model()
        if model is not None and header.isVisibleTo(window):
            found += [str(model.headerData(i, header.orientation())) for i in range(header.count())]
    return [text for text in found if text]


def polish_left(texts: list[str], *, data: tuple[str, ...] = ()) -> list[str]:
    """The texts still written with Polish letters (leaving out the students' own data)."""
    return [t for t in texts if POLISH_LETTERS.search(t) and not any(d in t for d in data)]
