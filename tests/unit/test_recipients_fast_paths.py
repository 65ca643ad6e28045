"""The fast ways of reading a sheet's facts give what the plain ways give (issue 15, item 6).

Each fast path (the .xls record walk that keeps only the offsets it needs; …) is compared
with a plain, obviously right reading of the same bytes: on the committed fixtures and on
generated input, so that a fast path that skips work never skips a fact.
"""

from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core.recipients import xls
from usosmail_gui.core.recipients.sheetfacts import SheetFacts

XLS_FILES = [RECIPIENT_FIXTURES / "students.xls", RECIPIENT_FIXTURES / "formats" / "formats.xls"]


Records = tuple[list[int], list[int], list[int], dict[tuple[int, int], str]]


def plain_xls_records(data: bytes, start: int) -> Records:
    """Every record from ``start`` to EOF (or to the end), one by one, each kind looked at
    on its own: (number cells, MULRK, ROW, errors)."""
    numbers: list[int] = []
    multiple: list[int] = []
    rows: list[int] = []
    facts = SheetFacts()
    pos = start
    try:
        while True:
            kind, size = struct.unpack_from("<HH", data, pos)
            if kind == 0x000A:  # EOF
                break
            if kind in (0x0203, 0x027E):  # NUMBER, RK
                numbers.append(pos)
            elif kind == 0x00BD:  # MULRK
                multiple.append(pos)
            elif kind == 0x0208:  # ROW
                rows.append(pos)
            elif kind in (0x0006, 0x0205):  # FORMULA (a number result is a number cell), BOOLERR
                xls._formula_or_error(data, pos + 4, kind, facts, numbers)
            pos += 4 + size
    except struct.error:
        pass
    return numbers, multiple, rows, facts.errors


def fast_xls_records(data: bytes, start: int) -> Records:
    facts = SheetFacts()
    found = xls._sheet_records(data, start, facts)
    numbers, multiple, rows = xls._split_records(data, found)
    return numbers.tolist(), multiple.tolist(), rows.tolist(), facts.errors


def outcome(walk: object, data: bytes, start: int) -> object:
    try:
        return walk(data, start)  # type: ignore[operator]
    except IndexError:  # a record cut short inside its cell: the facts are not read
        return IndexError


@pytest.mark.parametrize("path", XLS_FILES, ids=lambda p: p.name)
def test_the_xls_walk_finds_every_record_the_plain_walk_finds(path: object) -> None:
    from usosmail_gui.core.recipients.numformat import LOCALES

    data = xls.read_workbook_stream(path)  # type: ignore[arg-type]
    assert data
    _codes, sheets = xls._globals(data, LOCALES["pl"])
    assert sheets
    for start in sheets.values():
        assert outcome(fast_xls_records, data, start) == outcome(plain_xls_records, data, start)


_KINDS = [0x0203, 0x027E, 0x00BD, 0x0208, 0x0006, 0x0205, 0x00FD, 0x0201, 0x00D7, 0x0000]


@st.composite
def record_streams(draw: st.DrawFn) -> bytes:
    """Sheet records of the kinds the walk treats differently, with bodies of any bytes;
    maybe an EOF among them, maybe a last record cut short."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(_KINDS))
        body = draw(st.binary(min_size=0 if kind in (0x00D7, 0x0000) else 14, max_size=30))
        if kind in (0x0006, 0x0205) and draw(st.booleans()):
            body = body[:6] + bytes([2, 1, 0x07]) + body[9:12] + b"\xff\xff" + body[14:]
        parts.append(struct.pack("<HH", kind, len(body)) + body)
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), struct.pack("<HH", 0x000A, 0))
    data = b"".join(parts)
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@settings(max_examples=300, deadline=None)
@given(record_streams())
def test_the_xls_walk_equals_the_plain_walk_on_any_records(data: bytes) -> None:
    assert outcome(fast_xls_records, data, 0) == outcome(plain_xls_records, data, 0)
