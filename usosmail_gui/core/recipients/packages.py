"""Zip-based workbooks (xlsx/xlsm/xlsb and ods) looked at before any reader expands them.

Two jobs, both before python-calamine sees the file:

- **Bounded work and memory.** A 1.5 MB xlsx can hold a part that inflates to gigabytes
  (a "zip bomb"); calamine then takes several GB and the process is aborted, not raised
  to — in the GUI, the app dies with the user's typed template. So every part's declared
  size and compression ratio is checked first, and every part a reader will expand is
  inflated here once, in 1 MiB chunks with a cap, counting what it really holds (a
  declared size may lie): too big, too compressed, a text longer than any spreadsheet
  cell can be, or far more rows than a recipient list has, and the file is refused with
  "too large or damaged" in bounded time and memory, whatever the reader underneath.
- **What the package is.** The workbook part is found through the package relationships
  (``_rels/.rels``), not assumed at ``xl/workbook.xml``; an OpenDocument file is
  recognised by its manifest or content when it has no ``mimetype`` entry (Google Docs
  writes such files), and its encryption manifest says when it is password-protected.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "CHUNK",
    "MAX_CELL_TEXT",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "Package",
    "PackageTooLarge",
    "XmlAttributes",
    "inflate",
    "inspect_zip",
    "read_part",
]

CHUNK = 1 << 20
MAX_PART_BYTES = 512 * 2**20
"""The most one part may inflate to (a 200,000-row list of 8 columns is ~100 MiB)."""
MAX_TOTAL_BYTES = 1024 * 2**20
MAX_RATIO = 200
"""Compression ratio above which a big part is a bomb, not a sheet (real sheets: 5-40)."""
RATIO_FLOOR = 32 * 2**20  # parts smaller than this may compress as well as they like
MAX_CELL_TEXT = CHUNK
"""A text run without any markup longer than this is no cell (Excel's cell limit: 32,767)."""
MAX_ROW_ELEMENTS = 400_000  # twice the rows a list may have, plus the header and titles

_OFFICE_DOCUMENT = "/officeDocument"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


class PackageTooLarge(Exception):
    """A part is bigger, more compressed or holds more than a recipient list can."""


@dataclass(slots=True)
class Package:
    """What the zip holds, as far as reading it needs."""

    names: set[str]
    workbook: str | None = None  # the OOXML workbook part, found through the relationships
    workbook_binary: bool = False  # xlsb
    ods: bool = False
    ods_mimetype: bool = True
    ods_encrypted: bool = False
    mimetype: bytes = b""
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (compressed, declared)
    parts: dict[str, bytes] = field(default_factory=dict)  # inflated worksheets, see inspect_zip


def _check_declared(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    sizes: dict[str, tuple[int, int]] = {}
    total = 0
    for info in archive.infolist():
        declared, packed = info.file_size, info.compress_size
        total += declared
        if declared > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise PackageTooLarge(info.filename)
        if declared > RATIO_FLOOR and declared > MAX_RATIO * max(packed, 1):
            raise PackageTooLarge(info.filename)
        sizes[info.filename] = (packed, declared)
    return sizes


def inflate(archive: zipfile.ZipFile, name: str, *, keep: bool = False) -> bytes:
    """The part's bytes (``keep``) or b"" after checking, chunk by chunk, what it really holds.

    Raises ``PackageTooLarge`` as soon as the part is bigger than ``MAX_PART_BYTES``, more
    compressed than ``MAX_RATIO`` past ``RATIO_FLOOR``, holds a run of text longer than
    ``MAX_CELL_TEXT``. Memory: one chunk (or the part itself when kept). (An .ods's rows
    and repeats are checked on its content.xml before calamine reads it: ``ods_extent.check_ods_extent``.)
    """
    info = archive.getinfo(name)
    if keep:
        # content.xml: calamine reads it as it opens the file, and checks its CRC then
        whole = _inflate_at_once(archive, info, crc=name != "content.xml")
        if whole is not None:
            return whole
    packed = max(info.compress_size, 1)
    kept: list[bytes] = []
    total = 0
    run = 0  # characters since the last "<"
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_PART_BYTES or (total > RATIO_FLOOR and total > MAX_RATIO * packed):
                raise PackageTooLarge(name)
            last = chunk.rfind(b"<")
            if last < 0:
                run += len(chunk)
                if run > MAX_CELL_TEXT:
                    raise PackageTooLarge(name)
            else:
                if run + chunk.find(b"<") > MAX_CELL_TEXT or _longest_text(chunk) > MAX_CELL_TEXT:
                    raise PackageTooLarge(name)
                run = len(chunk) - last - 1
            if keep:
                kept.append(chunk)
    return b"".join(kept)


_LOCAL_HEADER = struct.Struct("<4s22xHH")


def read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part python-calamine reads next (the sheet it is asked for; an .ods's content.xml),
    for the checks and facts beside it: inflated in one call, its CRC left to calamine
    (which refuses a part whose bytes do not match it: "Invalid checksum"). Its declared
    size bounds what is inflated (``_check_declared``)."""
    info = archive.getinfo(name)
    whole = _inflate_at_once(archive, info, crc=False, runs=False)
    return whole if whole is not None else archive.read(name)


def _inflate_at_once(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, crc: bool = True, runs: bool = True
) -> bytes | None:
    """A kept part inflated in one call (no chunks to join: the part is kept whole anyway),
    or None when it is not plainly stored or deflated (the chunked way reads it then).

    Its declared size, checked before (``_check_declared``: at most ``MAX_PART_BYTES``,
    ``MAX_RATIO``), bounds what is inflated; a part that holds more or less than it
    declares is damaged, as is one whose CRC does not match (``crc``); a text run longer
    than ``MAX_CELL_TEXT`` is refused as in the chunked way (``runs``).
    """
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    handle = archive.fp
    if handle is None:
        return None
    handle.seek(info.header_offset)
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(info.filename)
    handle.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    raw = handle.read(info.compress_size)
    if info.compress_type == zipfile.ZIP_STORED:
        data = raw
    else:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        data = inflater.decompress(raw, info.file_size + 1)
    del raw
    if len(data) != info.file_size or (crc and zlib.crc32(data) != info.CRC):
        raise zipfile.BadZipFile(info.filename)
    if runs and _text_run_too_long(data):
        raise PackageTooLarge(info.filename)
    return data


def _text_run_too_long(data: bytes) -> bool:
    """Whether a stretch without "<" (at the start, between two, at the end) is longer than
    ``MAX_CELL_TEXT``: one ``rfind`` per ``MAX_CELL_TEXT`` bytes (the last "<" within reach
    of the one before)."""
    limit = MAX_CELL_TEXT
    at = data.find(b"<", 0, limit + 1)
    if at < 0:
        return len(data) > limit
    while at + limit + 1 < len(data):
        following = data.rfind(b"<", at + 1, at + limit + 2)
        if following < 0:
            return True
        at = following
    return False


def _longest_text(chunk: bytes) -> int:
    """The longest stretch between two "<" in a chunk (cheap: only when the chunk is long)."""
    if len(chunk) <= MAX_CELL_TEXT:
        return 0
    return max(map(len, chunk.split(b"<")))


def _relationship_target(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """The officeDocument part named by ``_rels/.rels`` (ECMA-376 Part 2, 9.3)."""
    if "_rels/.rels" not in names:
        return None
    rels = inflate(archive, "_rels/.rels", keep=True).decode("utf-8", "replace")
    for match in re.finditer(r"<Relationship\b([^>]*)>", rels):
        attributes: dict[str, str] = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
        if attributes.get("Type", "").endswith(_OFFICE_DOCUMENT) and "Target" in attributes:
            return posixpath.normpath(attributes["Target"].lstrip("/"))
    return None


VERIFY_ABOVE = 32 * 2**20
"""Parts declared bigger than this are inflated once to check what they hold (a smaller
one bounds a reader's memory by its size: even a single text of 32 MiB is harmless)."""
KEEP_AT_MOST = 192 * 2**20
"""Of the parts inflated to be checked, the sheets' (read again for their formats) are
kept up to this much; a bigger workbook is read in a child process, which reads its own."""


def _read_later(name: str) -> bool:
    return name == "content.xml" or (name.startswith("xl/worksheets/") and name.endswith(".xml"))



def inspect_zip(path: Path) -> Package:
    """Look at a zip workbook; ``PackageTooLarge`` for a bomb, ``zipfile.BadZipFile`` if damaged.

    Every part's declared size and ratio is checked (calamine's zip reader refuses a part
    that inflates past its declared size — "File is larger than its declared uncompressed
    size" —, and so does Python's, by its CRC, so a declared size bounds what a reader
    expands). Parts declared above ``VERIFY_ABOVE`` are also inflated here, chunk by chunk,
    for what they hold: a text run no cell can have, or far more rows than a list has.
    """
    with zipfile.ZipFile(path) as archive:
        sizes = _check_declared(archive)
        names = set(sizes)
        package = Package(names, sizes=sizes)
        kept = 0
        for name in sorted(names):
            declared = sizes[name][1]
            if declared > VERIFY_ABOVE and not name.endswith("/"):
                # the parts a reader of the values' facts reads again are kept (one inflate, not two)
                keep = _read_later(name) and kept + declared <= KEEP_AT_MOST
                data = inflate(archive, name, keep=keep)
                if keep:
                    package.parts[name] = data
                    kept += declared
        target = _relationship_target(archive, names)
        if target is None and "xl/workbook.xml" in names:
            target = "xl/workbook.xml"
        if target is not None and target in names:
            package.workbook = target
            package.workbook_binary = target.endswith(".bin")
            return package
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
        package.mimetype = mimetype
        manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
        if _ODS_MIME in mimetype or (
            not mimetype
            and "content.xml" in names
            and (_ODS_MIME in manifest or b"<office:spreadsheet" in _head(archive, "content.xml"))
        ):
            package.ods = True
            package.ods_mimetype = bool(mimetype)
        package.ods_encrypted = b"encryption-data" in manifest
        return package


def _head(archive: zipfile.ZipFile, name: str, size: int = 4 * CHUNK) -> bytes:
    """The start of a part (its body follows the automatic styles, usually well within 4 MiB)."""
    with archive.open(name) as stream:
        return stream.read(size)


def repacked(path: Path, package: Package) -> io.BytesIO | None:
    """The package with its parts where python-calamine looks for them, or None when they are.

    calamine reads the workbook only at ``xl/workbook.xml`` and an OpenDocument file only
    with its ``mimetype`` entry; a valid file with the workbook elsewhere (named by the
    relationships) or without a ``mimetype`` (Google Docs) is rewritten in memory.
    """
    rename: dict[str, str] = {}
    mimetype = None
    if package.workbook is not None and not package.workbook_binary and package.workbook != "xl/workbook.xml":
        folder, name = posixpath.split(package.workbook)
        if folder != "xl":
            return None  # a workbook in another folder: its relative targets would break
        rename = {package.workbook: "xl/workbook.xml", f"xl/_rels/{name}.rels": "xl/_rels/workbook.xml.rels"}
    elif package.ods and not package.ods_mimetype:
        mimetype = _ODS_MIME
    else:
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        if mimetype is not None:
            target.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in ("_rels/.rels", "[Content_Types].xml") and rename:
                old = package.workbook or ""
                data = data.replace(b"/" + old.encode(), b"/xl/workbook.xml").replace(
                    b'"' + old.encode(), b'"xl/workbook.xml'
                )
            target.writestr(rename.get(info.filename, info.filename), data)
    out.seek(0)
    return out


MAX_EXTENT_CELLS = 20_000_000
"""The most cells a sheet's rectangle (first to last used row and column) may span.

calamine allocates the whole rectangle at once: two cells, A1 and XFD1000000, in a
1 KB file ask for 500 GB and abort the process. 20 million cells is 200,000 rows of 100
columns; calamine needs ~0.5 GB for it.
"""
_REFERENCE = re.compile(rb"([A-Z]*)(\d+)")
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


def _letters_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index


def _word(text: bytes) -> int:
    return int.from_bytes(text, "little")


class XmlAttributes:
    """Where an XML part's attribute values are, found in a few vectorised passes (numpy).

    Every ``"`` of the part is found once (``quotes``); an attribute ``name="`` is then
    the quote whose preceding bytes spell `` name="``, compared four or eight bytes at a
    time for all quotes at once, and its value runs to the next quote. A 50,000-row
    sheet (20 MB, 2 million quotes) takes ~30 ms, where a regular expression over the
    same bytes takes ~70 ms per question asked of it and the reader needs several.
    """

    def __init__(self, xml: bytes) -> None:
        import numpy as np

        self.xml = xml
        self.size = len(xml)
        self.array = np.frombuffer(xml, dtype=np.uint8)
        # found a few MiB at a time, as 32-bit offsets (a part is at most MAX_PART_BYTES):
        # the memory this takes stays a small part of the sheet's own
        step = 4 * CHUNK
        found = [
            np.flatnonzero(self.array[at : at + step] == 34).astype(np.int32) + np.int32(at)
            for at in range(0, self.size, step)
        ]
        # sentinels past the end, so that "the quotes after" always exist
        found.append(np.full(8, self.size, dtype=np.int32))
        self.quotes = np.concatenate(found)
        del found
        padded = xml if self.size >= 8 else xml.ljust(8, b"\0")
        self._words8 = np.ndarray(shape=(len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
        self._words4 = np.ndarray(shape=(len(padded) - 3,), dtype="<u4", buffer=padded, strides=(1,))
        # the three bytes before each quote, and the quote: `` r="`` is one number
        before = self.quotes[:-8] - np.int32(3)
        np.maximum(before, 0, out=before)
        self._before = self._words4[before]
        del before
        self._found: dict[bytes, Any] = {}
        self._views: dict[int, tuple[Any, Any, int]] = {}

    def word8(self, offsets: Any) -> Any:
        """The eight bytes from each offset as a little-endian number (one gather: a scattered
        read costs a cache line whether it takes one byte or eight). Offsets out of the part
        read its first or last eight bytes instead."""
        import numpy as np

        return self._words8[np.clip(offsets, 0, len(self._words8) - 1)]

    def window(self, offsets: Any, words: int) -> Any:
        """The ``8 * words`` bytes from each offset, a row per offset (uint8; zeros past
        the end): one gather of consecutive bytes per offset, a cache line or two each."""
        import numpy as np

        width = 8 * words
        views = self._views.get(width)
        if views is None:
            start = max(0, self.size - width)
            # the last bytes with zeros after them, for the offsets near the end
            tail = np.concatenate((self.array[start:], np.zeros(width, dtype=np.uint8)))
            views = (
                np.lib.stride_tricks.sliding_window_view(self.array, width) if self.size >= width else None,
                np.lib.stride_tricks.sliding_window_view(tail, width),
                start,
            )
            self._views[width] = views
        body, tail_view, start = views
        offsets = np.clip(offsets, 0, self.size)
        near_end = offsets > start if body is not None else np.ones(len(offsets), dtype=bool)
        if body is not None and not near_end.any():
            return body[offsets]
        rows = np.empty((len(offsets), width), dtype=np.uint8)
        if body is not None:
            rows[~near_end] = body[offsets[~near_end]]
        rows[near_end] = tail_view[offsets[near_end] - start]
        return rows

    def find(self, name: bytes) -> Any:
        """The indices (into ``quotes``) of the opening quotes of `` name="`` values (the
        name with the space before it: four bytes, or eight for a longer name)."""
        import numpy as np

        found = self._found.get(name)
        if found is None:
            found = np.flatnonzero(self._before == _word(name[-4:]))
            if len(name) > 4:  # up to eight bytes: the whole name at once
                assert len(name) <= 8
                shift = np.uint64(8 * (8 - len(name)))
                words = self.word8(self.quotes[found] - 7) >> shift
                found = found[words == np.uint64(_word(name))]
            self._found[name] = found
        return found

    def values(self, name: bytes) -> tuple[Any, Any]:
        """(start, end) offsets of every `` name="`` attribute's value."""
        found = self.find(name)
        return self.quotes[found] + 1, self.quotes[found + 1]


_FAR_WINDOW = 12  # characters of a cell reference read at once: 3 letters, up to 9 digits


def check_xlsx_extent(xml: bytes, attributes: XmlAttributes | None = None) -> int:
    """How many cells the sheet's used rectangle spans, about (for choosing a child process);
    ``PackageTooLarge`` when it may span more than ``MAX_EXTENT_CELLS``.

    Every ``r="…"`` attribute counts (cells and rows, whatever the element's prefix or
    the attributes' order: calamine takes a cell's place from it), and only references
    past column Z or row 99,999 are read (a usual list has none), so the rectangle is
    bounded by them and by 26 × 99,999 otherwise; the sheet's own ``<dimension>`` (which
    may lie) only narrows the estimate, never the bound.
    """
    import numpy as np

    index = attributes if attributes is not None else XmlAttributes(xml)
    starts, ends = index.values(b' r="')
    lengths = ends - starts
    head = index.word8(starts)
    first = (head & np.uint64(0xFF)).astype(np.uint8)
    second = ((head >> np.uint64(8)) & np.uint64(0xFF)).astype(np.uint8)
    letter = (first >= 65) & (first <= 90)
    far = np.where(letter, ((second >= 65) & (second <= 90)) | (lengths >= 7), lengths >= 6)
    rows, columns = 99_999, 26
    wide = far & (lengths > _FAR_WINDOW)
    for start, end in zip(starts[wide].tolist(), ends[wide].tolist(), strict=True):
        match = _REFERENCE.fullmatch(xml[start:end])
        if match is not None and len(match.group(1)) <= 3:
            columns = max(columns, _letters_index(match.group(1)))
            rows = max(rows, int(match.group(2)))
    near = far & ~wide
    if near.any():
        starts, lengths = starts[near], lengths[near]
        window = index.window(starts, 2)[:, :_FAR_WINDOW].copy()
        window[np.arange(_FAR_WINDOW)[None, :] >= lengths[:, None]] = 0
        letters = (window >= 65) & (window <= 90)
        digits = (window >= 48) & (window <= 57)
        leading = np.cumprod(letters, axis=1).sum(axis=1)  # letters before the digits
        valid = (leading <= 3) & (digits.sum(axis=1) == lengths - leading) & (lengths > leading)
        column = np.zeros(len(starts), dtype=np.int64)
        row = np.zeros(len(starts), dtype=np.int64)
        for place in range(_FAR_WINDOW):
            value = window[:, place].astype(np.int64)
            column = np.where(letters[:, place] & (place < leading), column * 26 + value - 64, column)
            row = np.where(digits[:, place], row * 10 + value - 48, row)
        if valid.any():
            columns = max(columns, int(column[valid].max()))
            rows = max(rows, int(row[valid].max()))
    if rows * columns > MAX_EXTENT_CELLS:
        raise PackageTooLarge("sheet extent")
    dimension = _DIMENSION.search(xml, 0, 4096)
    if dimension is not None and columns == 26:
        rows_said, columns_said = int(dimension.group(2)), _letters_index(dimension.group(1))
        return min(rows, rows_said if rows_said > 99_999 else rows) * min(columns, columns_said)
    return rows * columns
