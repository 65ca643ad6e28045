"""Qt's own words in Polish where Qt's translation leaves them English or words them
differently from the app.

Qt 6's ``qtbase_pl.qm`` predates some of Qt's texts: the file dialog's "&Look in:" and
"Files of &type:" stay English in the Polish window. And it says "Zachowaj" (keep) for
Save where the app, like Windows and Office, says "Zapisz", so one dialog showed both.
This translator answers just those texts; installed after Qt's, it is asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

__all__ = ["POLISH_QT_WORDS", "PolishQtWords", "install_polish_qt_words"]

# (context, Qt's English source) -> the Polish the app uses
POLISH_QT_WORDS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Szukaj w:",
    ("QFileDialog", "Files of &type:"): "&Typ plików:",
    ("QFileDialog", "&Save"): "&Zapisz",
    ("QFileDialog", "Save As"): "Zapisz jako",
    ("QFileDialog", "&New Folder"): "&Nowy folder",
    ("QFileDialog", "Create New Folder"): "Utwórz nowy folder",
    ("QFileDialog", "Parent Directory"): "Folder wyżej",
    ("QFileDialog", "New Folder"): "Nowy folder",
    ("QFileDialog", "Directory:"): "Folder:",
    ("QPlatformTheme", "Save"): "Zapisz",
    ("QPlatformTheme", "Save All"): "Zapisz wszystko",
    ("QPlatformTheme", "Discard"): "Nie zapisuj",
}


class PolishQtWords(QTranslator):
    """Answers only the texts of ``POLISH_QT_WORDS``; for others it has no translation."""

    def translate(  # None (a null QString): "not translated"
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return POLISH_QT_WORDS.get((context, source_text))

    def isEmpty(self) -> bool:
        return False


def install_polish_qt_words(app: QCoreApplication, parent: QObject | None = None) -> PolishQtWords:
    """Install after Qt's own Polish translation (the last installed is asked first)."""
    translator = PolishQtWords(parent if parent is not None else app)
    app.installTranslator(translator)
    return translator
