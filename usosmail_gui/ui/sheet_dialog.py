"""The "Sheet and header row…" dialog: read the list again with another sheet, header row,
e-mail column or (a text file) encoding — with the other reading of a Polish text file one
click away when Windows-1250 and ISO 8859-2 would give different letters.

The workbook's sheets are listed by the core in a worker (the file is opened again, which
may take a moment on a big workbook or a network drive); the dialog only shows them and
returns the user's choice as a ``LoadRequest``, which the window loads like any file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.loading import LoadRequest
from usosmail_gui.core.recipients import (
    ENCODINGS,
    Column,
    FileKind,
    SheetInfo,
    SourceInfo,
    SpreadsheetError,
    list_sheets,
)

from .workers import run_in_background

log = logging.getLogger(__name__)

__all__ = ["ListSheets", "SheetDialog"]

ListSheets = Callable[[str | os.PathLike[str]], list[SheetInfo]]
MAX_HEADER_ROW = 1_048_576  # the most rows a worksheet has


class SheetDialog(QDialog):
    """Choose the sheet, the header row and the e-mail column of ``path``.

    Signals:
        sheetsLoaded(object): the list of ``SheetInfo`` once shown ([] for a CSV file), or
            the exception when the file could not be read.
    """

    sheetsLoaded = Signal(object)

    def __init__(
        self,
        path: Path,
        *,
        source: SourceInfo | None = None,
        columns: Sequence[Column] = (),
        email_column: int | None = None,
        list_sheets: ListSheets = list_sheets,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sheetDialog")
        self.setWindowTitle(self.tr("Sheet and header row — {name}").format(name=path.name))
        self._path = path
        self._source = source
        self._build(columns, email_column)
        self._loading = True
        run_in_background(
            list_sheets,
            path,
            parent=self,
            on_result=self._show_sheets,
            on_error=self._sheets_failed,
        )

    def _build(self, columns: Sequence[Column], email_column: int | None) -> None:
        source = self._source
        intro = QLabel(
            self.tr(
                "Read {name} again with these choices. The list loaded now stays until the new one is read."
            ).format(name=self._path.name)
        )
        intro.setWordWrap(True)

        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.addItem(self.tr("Reading the list of sheets…"), None)
        self.sheet_status = QLabel()
        self.sheet_status.setWordWrap(True)
        self.sheet_status.setAccessibleName(self.tr("Sheet list status"))
        self.sheet_status.hide()

        self.detect_header_check = QCheckBox(self.tr("Find the header row automatically"))
        self.detect_header_check.setAccessibleName(self.tr("Find the header row automatically"))
        self.detect_header_check.setToolTip(
            self.tr("The first row that looks like column names, below any title rows; untick to choose it.")
        )
        self.header_spin = QSpinBox()
        self.header_spin.setAccessibleName(self.tr("Header row"))
        self.header_spin.setRange(0, MAX_HEADER_ROW)
        self.header_spin.setSpecialValueText(self.tr("None: the sheet has no column names"))
        self.header_spin.setToolTip(
            self.tr("The number of the row that holds the column names, as the spreadsheet shows it.")
        )
        detected = source is None or source.header_row_detected
        self.detect_header_check.setChecked(detected)
        self.header_spin.setValue(0 if source is None or source.header_row is None else source.header_row)
        self.header_spin.setEnabled(not detected)
        self.detect_header_check.toggled.connect(lambda on: self.header_spin.setEnabled(not on))
        if source is not None and source.header_row is not None and detected:
            self.detect_header_check.setText(
                self.tr("Find the header row automatically (found: row {row})").format(row=source.header_row)
            )

        self.email_combo = QComboBox()
        self.email_combo.setAccessibleName(self.tr("E-mail column"))
        self.email_combo.setEditable(True)
        self.email_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.email_combo.setToolTip(self.tr("Choose a column, or type a column's name or letter (e.g. D)."))
        self.email_combo.addItem(self.tr("Find automatically"), None)
        for column in columns:
            self.email_combo.addItem(column.name, column.name)
        if source is not None and not source.email_column_detected and email_column is not None:
            self.email_combo.setCurrentIndex(max(0, self.email_combo.findData(columns[email_column].name)))
        else:
            self.email_combo.setCurrentIndex(0)

        form = QFormLayout()
        form.addRow(self.tr("&Sheet:"), self.sheet_combo)
        form.addRow("", self.sheet_status)
        form.addRow(self.tr("&Header row:"), self.detect_header_check)
        form.addRow("", self.header_spin)
        form.addRow(self.tr("&E-mail column:"), self.email_combo)
        self.encoding_combo: QComboBox | None = None
        self.alternative_button: QPushButton | None = None
        if source is not None and source.kind is FileKind.CSV:
            self._build_encoding(form, source)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Read again"))
        self.ok_button.setAccessibleName(self.tr("Read the file again"))
        self.ok_button.setEnabled(False)  # until the sheets are known
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _build_encoding(self, form: QFormLayout, source: SourceInfo) -> None:
        """The text file's encoding: found by the app, or chosen; the other reading one click away."""
        combo = self.encoding_combo = QComboBox()
        combo.setAccessibleName(self.tr("Encoding"))
        combo.setToolTip(
            self.tr(
                "How the file's bytes become letters. Polish files come in UTF-8, Windows-1250 or "
                "ISO 8859-2; if names show odd characters (¬, Ľ, Ä…), choose another."
            )
        )
        found = self.tr("Find automatically (found: {encoding})").format(encoding=source.encoding)
        combo.addItem(found, None)
        for name in ENCODINGS:
            combo.addItem(name, name)
        if not source.encoding_detected and source.encoding:
            combo.setCurrentIndex(max(0, combo.findData(source.encoding.replace(" (BOM)", ""))))
        form.addRow(self.tr("E&ncoding:"), combo)
        alternative = source.encoding_alternative
        if alternative:
            note = QLabel(
                self.tr(
                    "Read as {alternative}, this file's letters would differ. Check a few names in the "
                    "list; if they look wrong, read it as {alternative}."
                ).format(alternative=alternative)
            )
            note.setWordWrap(True)
            button = self.alternative_button = QPushButton(
                self.tr("Read it as {alternative}").format(alternative=alternative)
            )
            accessible = self.tr("Read the file as {alternative}").format(alternative=alternative)
            button.setAccessibleName(accessible)
            button.clicked.connect(lambda: self._read_as(alternative))
            form.addRow("", note)
            form.addRow("", button)

    def _read_as(self, encoding: str) -> None:
        assert self.encoding_combo is not None
        self.encoding_combo.setCurrentIndex(max(0, self.encoding_combo.findData(encoding)))
        self.accept()

    # --- the sheets ----------------------------------------------------------------------

    @Slot(object)
    def _show_sheets(self, sheets: list[SheetInfo]) -> None:
        self._loading = False
        self.sheet_combo.clear()
        if not sheets:
            self.sheet_combo.addItem(self.tr("(a text file has a single sheet)"), None)
            self.sheet_combo.setEnabled(False)
        else:
            for sheet in sheets:
                label = sheet.name if not sheet.hidden else self.tr("{name} (hidden)").format(name=sheet.name)
                self.sheet_combo.addItem(label, sheet.name)
            current = self._source.sheet if self._source is not None else None
            found = self.sheet_combo.findData(current) if current is not None else -1
            self.sheet_combo.setCurrentIndex(max(0, found))
            self.sheet_combo.setEnabled(len(sheets) > 1)
        self.ok_button.setEnabled(True)
        self.sheetsLoaded.emit(sheets)

    def _sheets_failed(self, exc: Exception) -> None:
        self._loading = False
        if not isinstance(exc, SpreadsheetError):
            log.error("Listing the sheets failed", exc_info=exc)
        self.sheet_combo.clear()
        current = self._source.sheet if self._source is not None else None
        self.sheet_combo.addItem(current or self.tr("(the sheet loaded now)"), current)
        self.sheet_combo.setEnabled(False)
        self.sheet_status.setText(
            str(exc)
            if isinstance(exc, SpreadsheetError)
            else self.tr("The list of sheets could not be read.")
        )
        self.sheet_status.show()
        self.ok_button.setEnabled(True)
        self.sheetsLoaded.emit(exc)

    @property
    def loading(self) -> bool:
        return self._loading

    # --- the choice ----------------------------------------------------------------------

    def set_email_column_text(self, text: str) -> None:
        """Type a column's name or letter into the e-mail field (as the user would)."""
        self.email_combo.setEditText(text)

    def request(self) -> LoadRequest:
        """The file with the chosen sheet, header row and e-mail column."""
        sheet = self.sheet_combo.currentData()
        header_row = None if self.detect_header_check.isChecked() else self.header_spin.value()
        email: str | None
        text = self.email_combo.currentText().strip()
        index = self.email_combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            data = self.email_combo.itemData(index)
            email = None if data is None else str(data)
        else:
            email = text or None
        encoding = None if self.encoding_combo is None else self.encoding_combo.currentData()
        return LoadRequest(
            self._path,
            sheet if isinstance(sheet, str) else None,
            header_row,
            email,
            encoding=encoding if isinstance(encoding, str) else None,
        )
