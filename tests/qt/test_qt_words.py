"""Qt's own dialogs speak the Polish window's words: the file dialog's labels are Polish
(Qt's qtbase_pl.qm leaves "&Look in:" and "Files of &type:" English) and Save is
"Zapisz" everywhere, as in the app's own buttons (Qt says "Zachowaj")."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot


def test_the_file_dialog_is_polish(qtbot: QtBot, polish: None) -> None:
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "Eksportuj raport")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        texts = {w.text() for w in dialog.findChildren(QLabel)} | {
            w.text() for w in dialog.findChildren(QAbstractButton) if w.text()
        }
        assert {"&Szukaj w:", "&Typ plików:", "Nazwa &pliku:"} <= texts, texts
        assert not {"&Look in:", "Files of &type:"} & texts
        if mode is QFileDialog.AcceptMode.AcceptSave:
            assert "&Zapisz" in texts and "&Zachowaj" not in texts


def test_save_is_zapisz_in_qt_buttons(qtbot: QtBot, polish: None) -> None:
    button = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question, "Zmiany", "Zapisać zmiany?", button.Save | button.Discard | button.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Save).text() == "Zapisz"
    assert box.button(QMessageBox.StandardButton.Discard).text() == "Nie zapisuj"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Anuluj"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Zapisz"


def test_english_is_untouched(qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Changes", "Save?", QMessageBox.StandardButton.Save)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Save).text() == "Save"
