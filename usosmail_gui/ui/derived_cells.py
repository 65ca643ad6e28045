"""The grid's derived columns (issue 18): what ``RecipientTableModel`` shows after the
sheet's own columns once the composer has computed a ``LetterList``.

Each derived column (a salutation, a vocative…) shows every row's value, marked as
derived in its header (an icon, a tooltip saying how it is made) and in its cells (a
tint); a row's warning (a guessed gender, a name not in the dictionary) colours its cell
and is its tooltip. A cell is editable: what the user types becomes an ``Overrides``
value of that row (the model emits it; the composer computes again). With a grouping,
a "Message" column says which rows go out in which message, and the list column shows
each message's list on its first row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from usosmail_gui.core.letters.derive import LetterList, Overrides
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.ui.colours import Tone, tint, tone
from usosmail_gui.ui.problem_texts import problem_text

__all__ = ["DerivedCells"]

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_ACCESSIBLE_DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole.value

LIST_PREVIEW_CHARS = 200  # a message's list shown in its cell (the tooltip has more)


class DerivedCells:
    """The derived columns of one ``LetterList`` as grid columns (index 0 = the first
    after the sheet's columns); with a grouping, the last one is "Message"."""

    def __init__(self, letters: LetterList, overrides: Overrides, palette: QPalette) -> None:
        self.letters = letters
        self.overrides = overrides
        self.names: tuple[str, ...] = letters.derived
        grouping = letters.setup.grouping
        self.list_name = grouping.column if grouping is not None and letters.grouped else None
        self.count = len(self.names) + (1 if letters.grouped else 0)
        self.icon: QIcon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.set_palette(palette)
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_palette(self, palette: QPalette) -> None:
        rows = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)
        self._derived_background = QBrush(tint(Tone.ACCENT, palette, amount=0.06))
        self._overridden_background = QBrush(tint(Tone.ACCENT, palette, amount=0.14))
        self._warning = QBrush(tone(Tone.WARNING, palette, on=rows))
        self._muted = QBrush(tone(Tone.MUTED, palette, on=rows))

    def is_message_column(self, k: int) -> bool:
        return self.letters.grouped and k == len(self.names)

    def editable(self, k: int) -> bool:
        return not self.is_message_column(k)

    # --- cells ---------------------------------------------------------------------------

    def data(self, table: RecipientTable, row: int, k: int, role: int) -> Any:
        letters = self.letters
        if row >= letters.source.row_count:
            return None
        if self.is_message_column(k):
            return self._message_data(table, row, role)
        name = self.names[k]
        is_list = name == self.list_name
        if role in (_DISPLAY, _EDIT):
            return self._value(row, name, is_list, full=role == _EDIT)
        number = table.row_number(row)
        overridden = self.overrides.get(name, number) is not None
        if role == _BACKGROUND:
            return self._overridden_background if overridden else self._derived_background
        if role == _FONT:
            return self._italic if overridden else None
        note = None if is_list and not self._is_first(row) else letters.note(name, row)
        if role == _FOREGROUND:
            if not table.is_included(row):
                return self._muted
            if is_list and not self._is_first(row):
                return self._muted
            return self._warning if note is not None else None
        if role == _TOOLTIP:
            lines: list[str] = []
            if is_list:
                value = self._value(row, name, is_list, full=True)
                if value:
                    lines.append(value)
            if note is not None:
                lines.append(problem_text(note))
            if overridden:
                lines.append(
                    QCoreApplication.translate(
                        "DerivedCells", "Typed here for this row; clear the cell's edit to compute it again."
                    )
                )
            else:
                lines.append(
                    QCoreApplication.translate(
                        "DerivedCells",
                        "Computed by the app (a derived column); type here to set this row's value.",
                    )
                )
            return "\n".join(lines)
        if role == _ACCESSIBLE_DESCRIPTION:
            return QCoreApplication.translate("DerivedCells", "derived column")
        return None

    def _is_first(self, row: int) -> bool:
        letters = self.letters
        index = letters.index_of(letters.source.row_number(row))
        return index is not None and letters.source_rows(index)[0] == row

    def _value(self, row: int, name: str, is_list: bool, *, full: bool) -> str:
        letters = self.letters
        if not is_list:
            return letters.derived_value(name, row)
        index = letters.index_of(letters.source.row_number(row))
        if index is None:
            return ""
        members = letters.source_rows(index)
        if members[0] != row:
            first = letters.source.row_number(members[0])
            return (
                ""
                if full
                else QCoreApplication.translate("DerivedCells", "(in row {row}'s message)").format(row=first)
            )
        column = letters.table.find_column(name)
        text = "" if column is None else letters.table.value(index, column)
        if full or len(text) <= LIST_PREVIEW_CHARS:
            return text if full else text.replace("\n", " ⏎ ")
        return text[:LIST_PREVIEW_CHARS].replace("\n", " ⏎ ") + "…"

    def _message_data(self, table: RecipientTable, row: int, role: int) -> Any:
        letters = self.letters
        index = letters.index_of(table.row_number(row))
        if index is None:
            if role == _DISPLAY:
                return "—"
            if role == _TOOLTIP:
                return QCoreApplication.translate("DerivedCells", "Unticked: this row is in no message.")
            if role == _FOREGROUND:
                return self._muted
            return None
        members = letters.source_rows(index)
        numbers = [letters.source.row_number(i) for i in members]
        if role == _DISPLAY:
            if len(members) == 1:
                return QCoreApplication.translate("DerivedCells", "#{message}").format(message=index + 1)
            return QCoreApplication.translate("DerivedCells", "#{message} ({position} of {count})").format(
                message=index + 1, position=members.index(row) + 1, count=len(members)
            )
        if role == _TOOLTIP:
            shown = ", ".join(map(str, numbers[:20])) + (" …" if len(numbers) > 20 else "")
            return QCoreApplication.translate(
                "DerivedCells", "Message {message} of {total}, to {address}: rows {rows}."
            ).format(
                message=index + 1,
                total=letters.table.row_count,
                address=", ".join(letters.table.recipients(index)) or "—",
                rows=shown,
            )
        if role == _BACKGROUND:
            return self._derived_background if index % 2 else None
        if role == _FOREGROUND and members[0] != row:
            return self._muted
        return None

    # --- header --------------------------------------------------------------------------

    def header(self, k: int, role: int) -> Any:
        if self.is_message_column(k):
            if role == _DISPLAY:
                return QCoreApplication.translate("DerivedCells", "Message")
            if role == _TOOLTIP:
                return QCoreApplication.translate(
                    "DerivedCells",
                    "One message per e-mail address: which message each row goes out in (rows of "
                    "one message share its number).",
                )
            if role == _DECORATION:
                return self.icon
            return None
        name = self.names[k]
        if role == _DISPLAY:
            return name
        if role == _DECORATION:
            return self.icon
        if role == _TOOLTIP:
            text = QCoreApplication.translate(
                "DerivedCells", "Derived column: computed by the app for each row, not in the file."
            )
            text += "\n" + QCoreApplication.translate(
                "DerivedCells", "Write {placeholder} in the template to insert it."
            ).format(placeholder="{" + name + "}")
            definition = next((d for d in self.letters.setup.derived if d.name == name), None)
            if definition is not None:
                from .derived_column_words import describe

                text += "\n" + describe(definition)
            elif name == self.list_name:
                text += "\n" + QCoreApplication.translate(
                    "DerivedCells", "The list of the message's rows, on its first row."
                )
            text += "\n" + QCoreApplication.translate(
                "DerivedCells", "Type in a cell to set that row's value yourself."
            )
            return text
        return None

    def override_key(self, table: RecipientTable, row: int, k: int) -> tuple[str, int] | None:
        """(derived column, sheet row number) an edit of this cell overrides; for the list
        column, the message's first row."""
        if not 0 <= k < self.count or self.is_message_column(k) or row < 0:
            return None
        name = self.names[k]
        if name != self.list_name:
            return name, table.row_number(row)
        letters = self.letters
        index = letters.index_of(table.row_number(row))
        if index is None:
            return None
        return name, letters.source.row_number(letters.source_rows(index)[0])
