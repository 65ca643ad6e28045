"""The letters editor's choice of a source column (its texts in the ``LettersEditor``
translation context)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

__all__ = ["ColumnBox"]


class ColumnBox(QComboBox):
    """A choice of a list's column (or an earlier derived one); keeps a name the list
    lacks, marked, so a definition read from a file is never changed silently."""

    def __init__(self, parent: QWidget, *, optional_text: str | None = None) -> None:
        super().__init__(parent)
        self._optional = optional_text
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def set_optional_text(self, text: str) -> None:
        """What the "no column" choice says (another language)."""
        self._optional = text
        if self.count() and self.itemData(0) == "":
            self.setItemText(0, text)

    def fill(self, names: Sequence[str], current: str | None) -> None:
        with QSignalBlocker(self):
            self.clear()
            if self._optional is not None:
                self.addItem(self._optional, "")
            for name in names:
                self.addItem(name, name)
            if current and current not in names:
                self.addItem(
                    QCoreApplication.translate("LettersEditor", "{name} (not in the list)").format(
                        name=current
                    ),
                    current,
                )
            index = self.findData(current or "")
            self.setCurrentIndex(max(index, 0))

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None
