"""What a spreadsheet column's header in the grid says when pointed at: the placeholder
that inserts it, its letter in the sheet, whether it holds the addresses, and whether its
values are shown (and sent) as the sheet formats them or as stored."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from usosmail_gui.core.recipients import RecipientTable

__all__ = ["column_tooltip"]


def column_tooltip(table: RecipientTable, column: int) -> str:
    """What the header of the sheet's ``column`` says when pointed at."""
    info = table.columns[column]
    placeholder = "{" + info.placeholder + "}"
    if info.aliased:
        text = QCoreApplication.translate(
            "ColumnTooltip",
            "“{name}” cannot be used in a template as written; write {placeholder} to insert this column.",
        ).format(name=info.name, placeholder=placeholder)
    else:
        text = QCoreApplication.translate(
            "ColumnTooltip", "Write {placeholder} in the template to insert this column."
        ).format(placeholder=placeholder)
    text += "\n" + QCoreApplication.translate("ColumnTooltip", "Column {letter} of the spreadsheet.").format(
        letter=info.letter
    )
    if column == table.email_column:
        text += "\n" + QCoreApplication.translate(
            "ColumnTooltip", "The e-mail addresses are taken from this column."
        )
    if table.shows_stored(column):
        text += "\n" + QCoreApplication.translate(
            "ColumnTooltip",
            "Shown (and sent) as stored, not as the sheet formats it; right-click the header to change it.",
        )
    elif table.has_stored_values(column):
        text += "\n" + QCoreApplication.translate(
            "ColumnTooltip",
            "Shown (and sent) as the sheet formats it; right-click the header to show the stored "
            "values instead.",
        )
    unrendered = table.unrendered_formats(column)
    if unrendered:
        text += "\n" + QCoreApplication.translate(
            "ColumnTooltip",
            "Some cells have a number format this app cannot show ({formats}): they show the stored value.",
        ).format(formats=", ".join(unrendered))
    return text
