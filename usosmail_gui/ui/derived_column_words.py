"""A derived column (core.letters) in the user's language: the one line the letters editor's
list and the grid's header tooltip show, and the names of the case changes. The texts are
in the ``LettersEditor`` translation context, as the editor's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from usosmail_gui.core.letters import DerivedColumn, Fallback, Salutation, TransformKind, Vocative

__all__ = ["describe", "transform_names"]


def _column_text(name: str | None) -> str:
    return f"“{name}”" if name else "—"


def describe(definition: DerivedColumn) -> str:
    """One line about a derived column, in the user's language ("{Zwrot} — salutation…")."""
    if isinstance(definition, Salutation):
        if definition.gender_column:
            text = QCoreApplication.translate("LettersEditor", "salutation by the gender in {column}").format(
                column=_column_text(definition.gender_column)
            )
        else:
            text = QCoreApplication.translate(
                "LettersEditor", "salutation guessed from the first name in {column}"
            ).format(column=_column_text(definition.first_name_column))
        if definition.with_name:
            text += QCoreApplication.translate("LettersEditor", ", with the first name in the vocative")
    elif isinstance(definition, Vocative):
        text = QCoreApplication.translate("LettersEditor", "vocative of the first name in {column}").format(
            column=_column_text(definition.column)
        )
    elif isinstance(definition, Fallback):
        text = QCoreApplication.translate(
            "LettersEditor", "{column}, or “{fallback}” where it is empty"
        ).format(column=_column_text(definition.column), fallback=definition.fallback)
    else:
        text = QCoreApplication.translate("LettersEditor", "{column} in {case}").format(
            column=_column_text(definition.column), case=transform_names()[definition.transform]
        )
    return f"{{{definition.name}}} — {text}"


def transform_names() -> dict[TransformKind, str]:
    """The case changes a derived column can make, in the user's language (in this order)."""
    return {
        TransformKind.UPPER: QCoreApplication.translate("LettersEditor", "UPPER CASE"),
        TransformKind.LOWER: QCoreApplication.translate("LettersEditor", "lower case"),
        TransformKind.TITLE: QCoreApplication.translate("LettersEditor", "Title Case (Every Word)"),
        TransformKind.CAPITALIZE: QCoreApplication.translate(
            "LettersEditor", "Capitalised (first letter only)"
        ),
    }
