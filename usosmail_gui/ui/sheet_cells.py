"""The grid's cells of the spreadsheet itself, as the recipient model shows them: a value,
dimmed when its row is left out, italic when edited or merged, tinted when edited, red when
the sheet shows an error; the Send box; the row numbers of the vertical header; a sheet
column's header (the e-mail column in bold). Beside ``StatusCells``, ``ProblemCells`` and
``DerivedCells``: the model asks each for its columns' cells.

Its one text is in the ``RecipientTableModel`` translation context, where it was written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont, QPalette

from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.ui.colours import Tone, tint, tone
from usosmail_gui.ui.sheet_tooltips import cell_tooltip, column_tooltip, include_tooltip

__all__ = ["SheetCells"]

# plain ints: ``role`` arrives as an int, and int comparisons keep data() cheap
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_CHECK = Qt.ItemDataRole.CheckStateRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value


class SheetCells:
    """The data of the sheet's own cells and headers, in colours of the current palette."""

    def __init__(self, palette: QPalette) -> None:
        self._italic = QFont()
        self._italic.setItalic(True)
        self._bold = QFont()
        self._bold.setBold(True)
        self._center = Qt.AlignmentFlag.AlignCenter.value
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        rows = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)  # alternating rows
        self._grey = QBrush(tone(Tone.MUTED, palette, on=rows))  # excluded rows: dimmed, still legible
        self._edited_background = QBrush(tint(Tone.ACCENT, palette, amount=0.14))
        self._error_foreground = QBrush(tone(Tone.ERROR, palette, on=rows))  # a cell showing #N/A

    def data(self, table: RecipientTable, row: int, column: int, role: int) -> Any:
        """Table row ``row``'s cell of the sheet's column ``column``."""
        if role in (_DISPLAY, _EDIT):
            return table.value(row, column)
        if role == _FOREGROUND:
            if not table.is_included(row):
                return self._grey
            return self._error_foreground if table.cell_error(row, column) is not None else None
        if role == _FONT:
            edited_or_merged = table.is_edited(row, column) or table.is_merged_cell(row, column)
            return self._italic if edited_or_merged else None
        if role == _BACKGROUND:
            return self._edited_background if table.is_edited(row, column) else None
        if role == _TOOLTIP:
            return cell_tooltip(table, row, column)
        return None

    def include_data(self, table: RecipientTable, row: int, role: int) -> Any:
        """Table row ``row``'s Send box."""
        if role == _CHECK:
            return Qt.CheckState.Checked if table.is_included(row) else Qt.CheckState.Unchecked
        if role in (_TOOLTIP, _ACCESSIBLE):
            return include_tooltip(table, row)
        return None

    def row_header(self, table: RecipientTable, row: int | None, role: int) -> Any:
        """The vertical header of table row ``row`` (None: a position no row is shown at)."""
        if row is None:
            return self._center if role == _ALIGNMENT else None
        if role == _DISPLAY:
            return str(table.row_number(row))
        if role == _ALIGNMENT:
            return self._center
        if role == _TOOLTIP and table.is_hidden(row):
            return QCoreApplication.translate(
                "RecipientTableModel", "Row {row} is hidden in the sheet."
            ).format(row=table.row_number(row))
        if role == _FOREGROUND and table.is_hidden(row):
            return self._grey
        if role == _FONT and table.is_hidden(row):
            return self._italic
        return None

    def column_header(self, table: RecipientTable, column: int, role: int) -> Any:
        """The header of the sheet's column ``column``."""
        if role == _DISPLAY:
            return table.columns[column].name
        if role == _TOOLTIP:
            return column_tooltip(table, column)
        if role == _FONT and column == table.email_column:
            return self._bold
        return None
