"""Recipient lists: spreadsheet files (xlsx/xlsm/xlsb/xls/ods/csv/tsv/txt) → ``RecipientTable``.

``load(path)`` reads a file as the user sees it (cells as text, row numbers as in the
sheet), finds the header row and the e-mail column, and checks every address.
Everything that can be wrong with the *file* raises ``SpreadsheetError`` (plain words,
what to do); everything wrong with a *row* is a ``Problem`` on the table. Modules, one
concept each: ``sources`` (file → raw rows: format, encoding, delimiter), ``grid``
(non-blank rows with their numbers), ``cells`` (values → text), ``headers`` (header row,
column names, placeholder aliases), ``emails`` (cleaning, splitting, validation, the
e-mail column), ``table`` (the table, edits, flags, problems), ``ordering`` (search and
sort), ``loading`` (the pipeline, progress, cancellation); and for cells as the sheet
shows them: ``numformat`` (format codes rendered in the app's language), ``sheetfacts``
(formats, errors, hidden rows, merges of a sheet), ``xlsx``/``ods``/``xls``/``xlsb`` (those
facts read from each kind of file; an .ods's from ``ods_index``, its data styles by ``ods_styles``),
``packages`` and ``ods_extent`` (zip workbooks checked before any reader expands them).

Heavy libraries (python-calamine, numpy, olefile, email-validator) load on first use.
"""

from .cells import column_letter, format_cell, format_column
from .emails import CellVerdict, EmailChecker, clean_email_cell, detect_email_column, split_addresses
from .errors import LoadCancelled, SpreadsheetError
from .grid import MAX_ROWS
from .headers import Column, is_usable_placeholder, make_columns, placeholder_alias
from .loading import list_sheets, load, load_steps
from .ordering import RowKey
from .progress import CancelCheck, LoadProgress, ProgressCallback, Stage
from .sources import ENCODINGS, FileKind, SheetInfo
from .table import FIXABLE_CODES, Code, ListFacts, RecipientsJson, RecipientTable, SourceInfo, Summary

__all__ = [
    "ENCODINGS",
    "FIXABLE_CODES",
    "MAX_ROWS",
    "CancelCheck",
    "CellVerdict",
    "Code",
    "Column",
    "EmailChecker",
    "FileKind",
    "ListFacts",
    "LoadCancelled",
    "LoadProgress",
    "ProgressCallback",
    "RecipientTable",
    "RecipientsJson",
    "RowKey",
    "SheetInfo",
    "SourceInfo",
    "SpreadsheetError",
    "Stage",
    "Summary",
    "clean_email_cell",
    "column_letter",
    "detect_email_column",
    "format_cell",
    "format_column",
    "is_usable_placeholder",
    "list_sheets",
    "load",
    "load_steps",
    "make_columns",
    "placeholder_alias",
    "split_addresses",
]
