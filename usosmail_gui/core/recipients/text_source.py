"""A text file (CSV and its kin) as rows: its encoding (strict UTF-8 first, then
Windows-1250 or ISO 8859-2, told apart by which reads letters inside words) and its
delimiter found, then read by the ``csv`` module."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Generator
from pathlib import Path

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say

from .errors import SpreadsheetError, file_name, os_error, too_many_rows
from .grid import MAX_ROWS, RawGrid, gc_paused, is_blank_row, nonblank_limit
from .progress import LoadProgress, Stage
from .sniffing import FileKind, SheetInfo

__all__ = ["ENCODINGS", "TextSource", "decode_text", "sniff_delimiter"]

# the encodings dean's-office CSV files come in besides UTF-8
_LEGACY_ENCODINGS = ("cp1250", "iso8859_2")
_DETECT_SAMPLE_BYTES = 64 * 1024
_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_CHARS = 64 * 1024
_CSV_CHUNK = 5000
_MAX_TEXT_BYTES = 512 * 2**20  # 2,600 bytes per row of 200,000: no recipient list is bigger
_NO_DELIMITER = "\x1f"  # the ASCII unit separator: never in a recipient list


def _legacy_score(text: str, changed: str) -> int:
    """How much ``text`` reads as words where the two legacy encodings differ: each of the
    ``changed`` characters that is a letter next to a letter counts +1, each that is no
    letter but sits inside a word (a symbol or control between letters) -1."""
    score = 0
    for match in re.finditer("[" + re.escape(changed) + "]", text):
        char = match.group(0)
        at = match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        in_word = before.isalpha() or after.isalpha()
        if char.isalpha():
            score += 1 if in_word else 0
        elif in_word:
            score -= 1
    return score


def _legacy_choice(sample: bytes) -> tuple[str, str | None]:
    """Windows-1250 or ISO 8859-2 for non-UTF-8 text, and the other one when it reads
    ``sample`` to different letters (the user may switch with one click)."""
    differing = bytes(b for b in set(sample) if b >= 0x80 and _CP1250_ISO_DIFFER[b])
    if not differing:
        return "cp1250", None
    try:
        windows = sample.decode("cp1250")
    except UnicodeDecodeError:
        return "iso8859_2", None  # bytes Windows-1250 leaves undefined: only ISO fits
    iso = sample.decode("iso8859_2")
    windows_score = _legacy_score(windows, differing.decode("cp1250", "replace"))
    iso_score = _legacy_score(iso, differing.decode("iso8859_2"))
    if iso_score > windows_score:
        return "iso8859_2", "cp1250"
    return "cp1250", "iso8859_2"


def _differing_bytes() -> bytes:
    table = bytearray(256)
    for b in range(0x80, 0x100):
        try:
            windows = bytes([b]).decode("cp1250")
        except UnicodeDecodeError:
            windows = ""
        table[b] = windows != bytes([b]).decode("iso8859_2")
    return bytes(table)


_CP1250_ISO_DIFFER = _differing_bytes()
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def decode_text(path: Path, data: bytes, encoding: str | None = None) -> tuple[str, str, str | None]:
    """The file's text, the encoding it was written in, and the other legacy encoding when
    that would read different letters (else None).

    Linear in the size of the file: strict UTF-8 is one C-level decode; Windows-1250 and
    ISO 8859-2 are told apart on a bounded sample (the first ``_DETECT_SAMPLE_BYTES``
    bytes holding non-ASCII) by which of them yields letters rather than symbols inside
    words. ``encoding`` (a codec name or one of the names shown) skips the detection.
    """
    alternative: str | None = None
    if encoding is not None:
        candidates = [_codec_of(path, encoding)]
    elif data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        found = None if data.isascii() else _NON_ASCII.search(data)
        if found is not None:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                first = found.start()
                choice, alternative = _legacy_choice(data[max(0, first - 64) : first + _DETECT_SAMPLE_BYTES])
                candidates = [choice, *(e for e in _LEGACY_ENCODINGS if e != choice)]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            alternative = None if codec != candidates[0] else alternative
            continue
        return text, _encoding_name(codec), (_encoding_name(alternative) if alternative else None)
    if encoding is not None:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} cannot be read as {encoding}: it holds bytes that are not text in that "
                    "encoding. Choose another encoding (or let the app find it).",
                ),
                name=file_name(path),
                encoding=encoding,
            ),
            path=path,
            reason="encoding",
        )
    raise SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The text of {name} could not be read: it is not in UTF-8, Windows-1250 or ISO 8859-2. Open "
                "it in Excel or LibreOffice and save it as .xlsx (or as CSV in UTF-8), then open that file.",
            ),
            name=file_name(path),
        ),
        path=path,
        reason="encoding",
    )


ENCODINGS = ("UTF-8", "Windows-1250", "ISO 8859-2", "UTF-16")
"""The encodings a user may choose for a text file (``--encoding``, the sheet dialog)."""


def _codec_of(path: Path, name: str) -> str:
    """A codec for an encoding as the user names it ("Windows-1250", "cp1250", "iso-8859-2", "utf8")."""
    folded = name.strip().lower().replace("_", "-").replace(" ", "-")
    known = {
        "utf-8": "utf-8-sig",
        "utf8": "utf-8-sig",
        "utf-8-(bom)": "utf-8-sig",
        "utf-16": "utf-16",
        "windows-1250": "cp1250",
        "cp1250": "cp1250",
        "iso-8859-2": "iso8859_2",
        "iso8859-2": "iso8859_2",
        "latin2": "iso8859_2",
        "latin-2": "iso8859_2",
    }
    codec = known.get(folded)
    if codec is None:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems", "“{encoding}” is not an encoding this app reads. Choose one of: {encodings}."
                ),
                encoding=name,
                encodings=", ".join(ENCODINGS),
            ),
            path=path,
            reason="bad_encoding",
        )
    return codec


def _encoding_name(codec: str) -> str:
    return {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "utf-16": "UTF-16", "cp1250": "Windows-1250"}.get(
        codec, "ISO 8859-2" if codec == "iso8859_2" else codec
    )


def _field_counts(lines: list[str], delimiter: str) -> list[int]:
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    try:
        return [len(row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error:
        return []


def sniff_delimiter(text: str, preferred: str | None = None) -> str | None:
    """The delimiter that splits the first lines into the same number of fields most often.

    Ties go to the one with more fields (a semicolon file whose names hold one comma each
    is still a semicolon file), then to ``preferred`` (tab for .tsv), then to the order
    ``;`` ``,`` tab ``|``. None when no delimiter makes two fields or more: a file of one
    column, whose cells (several addresses "a@x.pl, b@x.pl") must not be split.
    """
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    lines = sample.splitlines()[:200]
    best: tuple[float, int, int, int] | None = None
    chosen: str | None = None
    for order, delimiter in enumerate(_DELIMITERS):
        counts = _field_counts(lines, delimiter)
        if not counts:
            continue
        mode = max(set(counts), key=lambda n: (counts.count(n), n))
        if mode < 2:
            continue
        consistency = counts.count(mode) / len(counts)
        score = (round(consistency, 1), mode, int(delimiter == preferred), -order)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


class TextSource:
    """A CSV/TSV/TXT file, decoded; ``read`` splits it into rows of strings."""

    kind = FileKind.CSV

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        try:
            size = path.stat().st_size
            if size > _MAX_TEXT_BYTES:
                raise SpreadsheetError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "{name} is {megabytes} MB of text, far more than a list of {max_rows} recipients "
                            "(the most this app sends to at once). Check that you chose the right file, or "
                            "split the list into smaller files.",
                        ),
                        name=file_name(path),
                        megabytes=round(size / 2**20),
                        max_rows=MAX_ROWS,
                    ),
                    path=path,
                    reason="too_big",
                )
            data = path.read_bytes()
        except OSError as exc:
            raise os_error(path, exc) from None
        self.text, self.encoding, self.encoding_alternative = decode_text(path, data, encoding)
        text = self.text
        self._skip_lines = 0
        first_line = text[:20].split("\n", 1)[0].strip()
        if re.fullmatch(r"sep=.", first_line, flags=re.IGNORECASE):
            # Excel's hint line: it names the delimiter and is not shown as a row
            self.delimiter: str | None = first_line[4]
            self._skip_lines = 1
        else:
            preferred = "\t" if path.suffix.lower() == ".tsv" else None
            csv.field_size_limit(_MAX_TEXT_BYTES)  # one long cell is a cell, not a broken file
            self.delimiter = sniff_delimiter(text, preferred)
        self.sheets: list[SheetInfo] = []

    def read(self, name: str | None = None, *, max_rows: int) -> Generator[LoadProgress, None, RawGrid]:
        """The file's non-blank records with their record numbers (see ``WorkbookSource.read``)."""
        del name  # a text file has no sheets
        limit = nonblank_limit(max_rows)
        text = self.text
        stream = io.StringIO(text, newline="")
        for _ in range(self._skip_lines):
            stream.readline()
        total = text.count("\n") + 1
        # one column: a delimiter that cannot occur in text
        reader = csv.reader(stream, delimiter=self.delimiter or _NO_DELIMITER, strict=False)
        rows: list[list[str]] = []
        numbers: list[int] = []
        record = 0
        try:
            for row in reader:
                record += 1
                if row and not is_blank_row(row):
                    rows.append(row)
                    numbers.append(record)
                    if len(rows) > limit:
                        raise too_many_rows(self.path, max_rows)
                if record % _CSV_CHUNK == 0:
                    yield LoadProgress(Stage.CONVERTING, reader.line_num, total)
        except csv.Error:
            raise SpreadsheetError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{name} is not a well-formed CSV file (line {line} could not be split into cells). "
                        "Open it in Excel or LibreOffice and save it as .xlsx or .csv again.",
                    ),
                    name=file_name(self.path),
                    line=str(reader.line_num),
                ),
                path=self.path,
                reason="bad_csv",
            ) from None
        with gc_paused():
            grid = RawGrid.from_text_rows(rows, numbers)
            rows.clear()
        return grid

    def close(self) -> None:
        self.text = ""

    def __enter__(self) -> TextSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
