"""English plurals for Qt's ``%n`` texts, without a compiled English translation.

Qt's convention is to write a counted text once, ``tr("%Ln recipient(s)", "", n)``, and
let each language's .qm file pick the form for ``n`` (Polish needs three). With no
translation installed Qt would show "1,204 recipient(s)"; this translator gives the
English forms instead ("1 recipient", "1,204 recipients"). Installed first, it is asked
last: a real translation (e.g. Polish) installed later wins.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator


class EnglishPlurals(QTranslator):
    """Answers only counted texts with "(s)"; for any other text it has no translation."""

    def translate(  # None (a null QString): "not translated"
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if n < 0 or "(s)" not in source_text:
            return None
        return source_text.replace("(s)", "" if n == 1 else "s")

    def isEmpty(self) -> bool:
        return False


def install_english_plurals(app: QCoreApplication, parent: QObject | None = None) -> EnglishPlurals:
    """Install the English plural forms for the whole application; returns the translator."""
    translator = EnglishPlurals(parent if parent is not None else app)
    app.installTranslator(translator)
    return translator


class TextContext(QObject):
    """Base of classes that only name a translation context for module-level texts.

    ``pyside6-lupdate`` marks a text as counted (plural forms) only when it is passed to
    ``tr`` — never for ``QCoreApplication.translate`` — and takes the context from the
    class name in ``Sending.tr("%n message(s)", "", n)``. This ``tr`` may be called on the
    class itself and translates in the class's own name.
    """

    @classmethod
    def tr(  # callable on the class, as lupdate's pattern needs
        cls, sourceText: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return QCoreApplication.translate(cls.__name__, sourceText, disambiguation, n)
