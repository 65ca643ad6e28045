"""The composer (``ui.composer``) as a whole: every control a screen reader reaches has a name."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.helpers.composer import make_composer, students


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTableView,
        QWidget,
    )

    composer = make_composer(qtbot, students())
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTableView)
    unnamed = [
        w
        for w in composer.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(composer) and not w.accessibleName()
    ]
    assert unnamed == []
