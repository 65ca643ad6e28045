"""What the grid's sheet data says when pointed at: a column's header (the placeholder
that inserts it, its letter, whether it holds the addresses, shown or stored values), a
cell (a failed formula, a merged cell, an edit) and a row's Send checkbox."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.ui.problem_texts import problem_text

__all__ = ["cell_tooltip", "column_tooltip", "include_tooltip"]


def column_tooltip(table: RecipientTable, column: int) -> str:
    """What the header of the sheet's ``column`` says when pointed at."""
    info = table.columns[column]
    placeholder = "{" + info.placeholder + "}"
    if info.aliased:
        text = QCoreApplication.translate(
            "SheetTooltips",
            "“{name}” cannot be used in a template as written; write {placeholder} to insert this column.",
        ).format(name=info.name, placeholder=placeholder)
    else:
        text = QCoreApplication.translate(
            "SheetTooltips", "Write {placeholder} in the template to insert this column."
        ).format(placeholder=placeholder)
    text += "\n" + QCoreApplication.translate("SheetTooltips", "Column {letter} of the spreadsheet.").format(
        letter=info.letter
    )
    if column == table.email_column:
        text += "\n" + QCoreApplication.translate(
            "SheetTooltips", "The e-mail addresses are taken from this column."
        )
    if table.shows_stored(column):
        text += "\n" + QCoreApplication.translate(
            "SheetTooltips",
            "Shown (and sent) as stored, not as the sheet formats it; right-click the header to change it.",
        )
    elif table.has_stored_values(column):
        text += "\n" + QCoreApplication.translate(
            "SheetTooltips",
            "Shown (and sent) as the sheet formats it; right-click the header to show the stored "
            "values instead.",
        )
    unrendered = table.unrendered_formats(column)
    if unrendered:
        text += "\n" + QCoreApplication.translate(
            "SheetTooltips",
            "Some cells have a number format this app cannot show ({formats}): they show the stored value.",
        ).format(formats=", ".join(unrendered))
    return text


def cell_tooltip(table: RecipientTable, row: int, column: int) -> str | None:
    """What a sheet cell of the grid says when pointed at (None: nothing to say)."""
    lines: list[str] = []
    if column == table.email_column:
        lines.extend(problem_text(problem) for problem in table.problems(row))
    error = table.cell_error(row, column)
    if error is not None:
        lines.append(
            QCoreApplication.translate(
                "SheetTooltips",
                "The sheet shows {error} here: the cell's formula failed. A message using this "
                "column would say {error}.",
            ).format(error=error)
        )
    if table.is_merged_cell(row, column):
        lines.append(
            QCoreApplication.translate(
                "SheetTooltips",
                "Taken from the merged cell above it: in the sheet, this cell is part of that one.",
            )
        )
    if table.is_edited(row, column):
        original = table.original_value(row, column)
        if original:
            lines.append(
                QCoreApplication.translate("SheetTooltips", "Edited here; the file has “{original}”.").format(
                    original=original
                )
            )
        else:
            lines.append(
                QCoreApplication.translate("SheetTooltips", "Edited here; this cell is empty in the file.")
            )
        lines.append(QCoreApplication.translate("SheetTooltips", "The file itself is never changed."))
    return "\n".join(lines) or None


def include_tooltip(table: RecipientTable, row: int) -> str:
    """What a row's Send checkbox says: whether the row receives the message, and why not."""
    if not table.is_included(row) and table.is_hidden(row):
        return QCoreApplication.translate(
            "SheetTooltips", "Hidden in the sheet, so left out: tick it to send to this row too."
        )
    if not table.is_included(row):
        return QCoreApplication.translate("SheetTooltips", "Excluded: nothing is sent to this row.")
    if table.will_receive(row):
        return QCoreApplication.translate("SheetTooltips", "Included: this row receives the message.")
    return QCoreApplication.translate(
        "SheetTooltips", "Included, but nothing can be sent to this row: see its problems."
    )
