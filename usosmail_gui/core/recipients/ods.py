"""The facts of an OpenDocument sheet that python-calamine does not give: formats, errors,
hidden rows (``table:visibility``, also rows an autofilter hides) and merged cells.

ODF keeps a number's look as XML (``<number:number-style>`` with ``<number:number
number:decimal-places="2"/>`` …, ODF 1.3 Part 3, 16.29), not as a format code; each data
style is translated here into the equivalent Excel code, so one renderer serves every
format. A cell's data style comes from its cell style (``table:style-name``), else from
its column's default cell style, else from the parent style.

content.xml is indexed once (``OdsIndex``: where its tags and attribute values are,
numpy); the extent check (``check_ods_extent``, before calamine reads the file) and every
sheet's facts are read from that index: each cell's row and column from the row and cell
tags and their repeats (cumulative sums, repeats counted, not expanded), its style from
the attributes it owns; Python runs per distinct style and per rare thing only.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from .packages import MAX_EXTENT_CELLS, MAX_ROW_ELEMENTS, PackageTooLarge
from .sheetfacts import SheetFacts

__all__ = ["OdsIndex", "check_ods_extent", "data_style_codes", "ods_facts", "ods_sheet_facts"]

_STYLE_BLOCK = re.compile(
    rb"<number:(number|currency|percentage|date|time|boolean|text)-style\b([^>]*)>(.*?)</number:\1-style>",
    re.DOTALL,
)
_PART = re.compile(rb"<(number|style):([\w-]+)\b([^>]*?)(/?)>(?:([^<]*)</\1:\2>)?", re.DOTALL)
_ATTRIBUTE = re.compile(rb'([\w:-]+)="([^"]*)"')
_CELL_STYLE = re.compile(rb"<style:style\b([^>]*?style:family=\"table-cell\"[^>]*?)/?>")
_CONDITION = re.compile(r"value\(\)\s*(<=|>=|!=|<|>|=)\s*(-?[\d.]+)")


def _attributes(raw: bytes) -> dict[bytes, bytes]:
    return dict(_ATTRIBUTE.findall(raw))


def _quoted(text: str) -> str:
    return (
        "".join("\\" + c if c in '"\\' else c for c in text)
        if len(text) == 1
        else ('"' + text.replace('"', "") + '"')
    )


def _number_part(attributes: dict[bytes, bytes], inner: bytes) -> str:
    decimals = int(attributes.get(b"number:decimal-places", b"0") or 0)
    minimum = int(attributes.get(b"number:min-decimal-places", str(decimals).encode()) or 0)
    integers = int(attributes.get(b"number:min-integer-digits", b"1") or 0)
    grouping = attributes.get(b"number:grouping") == b"true"
    run = "#" * max(0, (4 if grouping else 1) - integers) + "0" * integers
    if grouping:
        run = run[:-3] + "," + run[-3:]
    embedded = sorted(
        (
            (int(_attributes(m.group(3)).get(b"number:position", b"0")), html.unescape(m.group(5).decode()))
            for m in _PART.finditer(inner)
            if m.group(2) == b"embedded-text" and m.group(5) is not None
        ),
        reverse=True,
    )
    if embedded and not grouping:
        width = max(len(run), max(p for p, _ in embedded) + 1)
        run = run.rjust(width, "#")
        for position, text in embedded:  # counted from the decimal point leftwards
            at = len(run) - position
            run = run[:at] + _quoted(text) + run[at:]
    code = run
    if decimals:
        replacement = attributes.get(b"number:decimal-replacement")
        code += "." + ("0" * minimum + "#" * (decimals - minimum) if replacement is None else "")
    factor = attributes.get(b"number:display-factor")
    if factor and factor != b"1":
        code += "," * max(0, round(len(factor.decode().split(".")[0]) - 1) // 3)
    return code


def _date_part(name: bytes, attributes: dict[bytes, bytes], elapsed: bool) -> str:
    long = attributes.get(b"number:style") == b"long"
    if name == b"day":
        return "dd" if long else "d"
    if name == b"month":
        if attributes.get(b"number:textual") == b"true":
            return "mmmm" if long else "mmm"
        return "mm" if long else "m"
    if name == b"year":
        return "yyyy" if long else "yy"
    if name == b"day-of-week":
        return "dddd" if long else "ddd"
    if name == b"hours":
        text = "hh" if long else "h"
        return f"[{text}]" if elapsed else text
    if name == b"minutes":
        return "mm" if long else "m"
    if name == b"seconds":
        places = int(attributes.get(b"number:decimal-places", b"0") or 0)
        return ("ss" if long else "s") + ("." + "0" * places if places else "")
    if name == b"am-pm":
        return "AM/PM"
    raise ValueError(name)  # era, quarter, week of year: not rendered


def _style_code(
    kind: bytes, attributes: dict[bytes, bytes], body: bytes
) -> tuple[str, list[tuple[str, str]]]:
    """(the style's own code, [(condition, style name)] of its maps)."""
    out: list[str] = []
    maps: list[tuple[str, str]] = []
    elapsed = kind == b"time" and attributes.get(b"number:truncate-on-overflow") == b"false"
    for match in _PART.finditer(body):
        space, name, raw, inner = match.group(1), match.group(2), match.group(3), match.group(5)
        attrs = _attributes(raw)
        if space == b"style":
            if name == b"map":
                condition = html.unescape(attrs.get(b"style:condition", b"").decode())
                maps.append((condition, attrs.get(b"style:apply-style-name", b"").decode()))
            continue
        text = html.unescape(inner.decode("utf-8", "replace")) if inner is not None else ""
        if name == b"number":
            inner_end = body.find(b"</number:number>", match.end()) if not match.group(4) else -1
            out.append(_number_part(attrs, body[match.end() : inner_end] if inner_end > 0 else b""))
        elif name == b"scientific-number":
            decimals = int(attrs.get(b"number:decimal-places", b"0") or 0)
            integers = int(attrs.get(b"number:min-integer-digits", b"1") or 1)
            exponent = int(attrs.get(b"number:min-exponent-digits", b"2") or 2)
            out.append("0" * integers + ("." + "0" * decimals if decimals else "") + "E+" + "0" * exponent)
        elif name == b"fraction":
            integers = int(attrs.get(b"number:min-integer-digits", b"0") or 0)
            numerator = int(attrs.get(b"number:min-numerator-digits", b"1") or 1)
            denominator = attrs.get(b"number:denominator-value")
            head = ("#" if integers == 0 else "0" * integers) + " "
            tail = (
                denominator.decode()
                if denominator
                else "?" * int(attrs.get(b"number:min-denominator-digits", b"1") or 1)
            )
            out.append(head + "?" * numerator + "/" + tail)
        elif name in (b"text", b"currency-symbol"):
            if kind == b"percentage" and "%" in text:
                out.append(_quoted(text.replace("%", "")) if text.strip("%") else "")
                out.append("%")
            elif text:
                out.append(_quoted(text))
        elif name == b"text-content":
            out.append("@")
        elif name == b"boolean":
            out.append("[BOOLEAN]")
        elif name in (b"fill-character", b"embedded-text"):
            continue
        else:
            out.append(_date_part(name, attrs, elapsed))
            if name == b"hours":
                elapsed = False
    return "".join(out), maps


def data_style_codes(*parts: bytes) -> dict[str, str]:
    """Data style name -> Excel format code, for the data styles of these parts."""
    own: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for part in parts:
        for match in _STYLE_BLOCK.finditer(part):
            attributes = _attributes(match.group(2))
            name = attributes.get(b"style:name", b"").decode()
            try:
                own[name] = _style_code(match.group(1), attributes, match.group(3))
            except (ValueError, KeyError):
                own[name] = ("[unrenderable]", [])
    codes: dict[str, str] = {}
    for name, (code, maps) in own.items():
        if not maps:
            codes[name] = code or "General"
            continue
        sections: list[str] = []
        conditions = [condition.replace(" ", "") for condition, _ in maps]
        targets = [own.get(target, ("General", []))[0] for _, target in maps]
        if conditions == ["value()>=0"]:
            sections = [targets[0], code]
        elif conditions == ["value()>0", "value()<0"]:
            sections = [targets[0], targets[1], code]
        elif conditions == ["value()>0"]:
            sections = [targets[0], code]
        else:
            for condition, target in zip(conditions, targets, strict=True):
                found = _CONDITION.fullmatch(condition)
                if found is None:
                    sections = ["[unrenderable]"]
                    break
                op = "<>" if found.group(1) == "!=" else found.group(1)
                sections.append(f"[{op}{found.group(2)}]{target}")
            else:
                sections.append(code)
        codes[name] = ";".join(sections)
    return codes


def _cell_styles(parts: Sequence[bytes]) -> dict[bytes, tuple[bytes | None, bytes | None]]:
    """Cell style name -> (data style name, parent style name)."""
    found: dict[bytes, tuple[bytes | None, bytes | None]] = {}
    for part in parts:
        for match in _CELL_STYLE.finditer(part):
            attributes = _attributes(match.group(1))
            name = attributes.get(b"style:name")
            if name is not None:
                found[name] = (
                    attributes.get(b"style:data-style-name"),
                    attributes.get(b"style:parent-style-name"),
                )
    return found


class OdsIndex:
    """Where content.xml's tags and attribute values are, found once with numpy for the
    whole part: the offsets of every "<", of every ">" and of every opening quote of an
    attribute value (a quote right after "="). The extent check before calamine reads the
    file and every sheet's facts after are read from it, without another pass over the
    bytes (a 50,000-row sheet is 60 MB of XML: each pass costs tens of milliseconds).

    A tag or attribute name is matched by comparing the bytes at the candidates' offsets,
    eight at a time (``word``); bytes at or past a sheet's end read as zeros there. Offsets
    are always given in increasing order (every array here is sorted): the first and the
    last say whether all are well inside.
    """

    def __init__(self, content: bytes) -> None:
        import numpy as np

        self.content = content
        self.size = len(content)
        array = np.frombuffer(content, dtype=np.uint8)
        self.array = array
        found = np.empty(len(array), dtype=bool)  # one buffer for the passes
        self.opens = np.flatnonzero(np.equal(array, 60, out=found))
        quotes = np.flatnonzero(np.equal(array, 34, out=found))
        del found
        if len(quotes) and quotes[0] <= 1:
            quotes = quotes[quotes > 1]
        self.quotes = quotes[array[quotes - 1] == 61]  # the opening quotes of attribute values
        padded = content if len(content) >= 8 else content.ljust(8, b"\0")
        self._words = np.ndarray(shape=(len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
        words4 = np.ndarray(shape=(len(padded) - 3,), dtype="<u4", buffer=padded, strides=(1,))
        # the last three letters of each attribute's name and its "=" as one number (`ype=`),
        # and each tag's 14th byte ("<table:table-c…", "<table:table-r…"): the first sieves
        ahead = self.quotes - 4
        self.before = words4[ahead if not len(ahead) or ahead[0] >= 0 else np.maximum(ahead, 0)]
        self.open13 = self.byte(self.opens + 13, self.size)
        # what only the facts need is found when they ask (after calamine started reading)
        self._closes: Any = None
        self._value1: Any = None
        self._tables: Any = None

    @property
    def closes(self) -> Any:
        """The offsets of every ">"."""
        import numpy as np

        if self._closes is None:
            self._closes = np.flatnonzero(self.array == 62)
        return self._closes

    @property
    def value1(self) -> Any:
        """Each attribute value's first byte."""
        if self._value1 is None:
            self._value1 = self.byte(self.quotes + 1, self.size)
        return self._value1

    def word(self, offsets: Any, limit: int) -> Any:
        """The eight bytes from each offset as a little-endian number; bytes at or past
        ``limit`` (and past the part) read as zeros."""
        import numpy as np

        if not len(offsets) or (int(offsets[0]) >= 0 and int(offsets[-1]) + 8 <= min(limit, self.size)):
            return self._words[offsets]  # the usual case: every offset well inside the sheet
        out = self._words[np.clip(offsets, 0, len(self._words) - 1)]
        near = offsets + 8 > limit
        if near.any():
            out = out.copy()
            for i in np.flatnonzero(near).tolist():
                at = int(offsets[i])
                out[i] = int.from_bytes(self.content[at : max(at, limit)].ljust(8, b"\0")[:8], "little")
        return out

    def byte(self, offsets: Any, limit: int) -> Any:
        """The byte at each offset; 0 at or past ``limit``."""
        import numpy as np

        end = min(limit, self.size)
        if not len(offsets) or (int(offsets[0]) >= 0 and int(offsets[-1]) < end):
            return self.array[offsets]
        inside = offsets < end
        if not self.size:
            return np.zeros(len(offsets), dtype=np.uint8)
        return np.where(inside, self.array[np.clip(offsets, 0, self.size - 1)], 0).astype(np.uint8)

    def match(self, found: Any, text: bytes, limit: int) -> Any:
        """The offsets among ``found`` where ``text`` starts (8 bytes compared at a time)."""
        for i in range(0, len(text), 8):
            part = text[i : i + 8]
            if len(part) == 8:
                found = found[self.word(found + i, limit) == int.from_bytes(part, "little")]
            else:
                for k, byte in enumerate(part, i):
                    found = found[self.byte(found + k, limit) == byte]
        return found

    def tags(self, opens: Any, open13: Any, tag: bytes, limit: int) -> Any:
        """Offsets among ``opens`` of ``tag`` (followed by a space, ">" or "/"); ``open13``:
        the 14th byte of each."""
        if len(tag) <= 13:
            found = opens
        elif not len(opens) or int(opens[-1]) + 13 < limit:
            found = opens[open13 == tag[13]]
        else:
            found = opens[(open13 == tag[13]) & (opens + 13 < limit)]
        found = self.match(found, tag, limit)
        after = self.byte(found + len(tag), limit)
        return found[(after == 32) | (after == 62) | (after == 47)]

    def attributes(self, quotes: Any, before: Any, needle: bytes, start: int, limit: int) -> Any:
        """Offsets of a ``name="`` attribute among these quotes (``before``: the four bytes
        before each), from ``start`` on."""
        found = quotes[before == int.from_bytes(needle[-5:-1], "little")] - (len(needle) - 1)
        return self.match(found[found >= start], needle[:-2], limit)

    def valued(self, quotes: Any, value1: Any, needle: bytes, start: int, limit: int) -> list[int]:
        """Offsets of every occurrence of ``needle`` (``name="value…``): found among the few
        quotes whose value starts as the needle's does (``value1``: each quote's next byte)."""
        quote = needle.index(b'="') + 1
        found = quotes[value1 == needle[quote + 1]] - quote
        found = found[found >= start]
        content = self.content
        return [at for at in found.tolist() if content.startswith(needle, at) and at + len(needle) <= limit]

    def table_starts(self) -> Any:
        """Offsets of every ``<table:table `` tag (the sheets and nothing else)."""
        if self._tables is None:
            opens = self.opens[self.byte(self.opens + 12, self.size) == 32]
            self._tables = self.match(opens, b"<table:table", self.size)
        return self._tables

    def region(self, sorted_offsets: Any, start: int, end: int) -> slice:
        """The slice of these (sorted) offsets that lie in [start, end)."""
        import numpy as np

        low, high = np.searchsorted(sorted_offsets, [start, end])
        return slice(int(low), int(high))


_SHEET_MARKER = b'<table:table table:name="'


def _table(index: OdsIndex, sheet: str) -> tuple[int, int] | None:
    """Where the sheet named ``sheet`` is: (its first byte, past its last), or None."""
    content = index.content
    escaped = html.escape(sheet, quote=True).encode() + b'"'
    tables = index.table_starts().tolist()
    marked = [at for at in tables if content.startswith(_SHEET_MARKER, at)]
    start = next((at for at in marked if content.startswith(escaped, at + len(_SHEET_MARKER))), -1)
    if start < 0:
        return None
    following = next((at for at in tables if at > start), -1)
    bound = len(content) if following < 0 else following
    end = content.rfind(b"</table:table>", start, bound)  # searched backwards: the end is near
    return start, bound if end < 0 else end + len(b"</table:table>")


def _owner(starts: Any, ends: Any, offsets: Sequence[int]) -> Any:
    """The index of the tag each offset lies in (-1 when in none)."""
    import numpy as np

    at = np.asarray(offsets, dtype=np.int64)
    index = np.searchsorted(starts, at, side="right") - 1
    inside = (index >= 0) & (at < ends[np.clip(index, 0, None)])
    return np.where(inside, index, -1)


def _until_quote(content: bytes, at: int, limit: int) -> int:
    """Where the attribute value starting at ``at`` ends (its closing quote) within the sheet."""
    end = content.find(b'"', at, limit)
    return end if end >= 0 else limit - 1


def _number_after(content: bytes, at: int, limit: int) -> int:
    try:
        return int(content[at : _until_quote(content, at, limit)])
    except ValueError:
        return 1


def ods_facts(content: bytes | OdsIndex, styles: bytes) -> dict[str, SheetFacts]:
    """Every sheet's facts, by sheet name (``content``: content.xml, or its index)."""
    index = content if isinstance(content, OdsIndex) else OdsIndex(content)
    data = index.content
    first = len(_SHEET_MARKER)
    names = [
        html.unescape(data[at + first : data.find(b'"', at + first)].decode("utf-8", "replace"))
        for at in index.table_starts().tolist()
        if data.startswith(_SHEET_MARKER, at)
    ]
    head = data[: max(0, data.find(b"<office:body"))]
    styles_of = (data_style_codes(styles, head), _cell_styles((styles, head)))
    return {name: _sheet_facts(index, styles_of, name) for name in names}


def ods_sheet_facts(content: bytes | OdsIndex, styles: bytes, sheet: str) -> SheetFacts:
    """Formats, errors, hidden rows and merges of the sheet named ``sheet`` in content.xml.

    Every cell's row and column are computed at once with numpy from the offsets of the
    tags (rows and cells, repeats added by cumulative sums); Python runs only per distinct
    style and per rare attribute (repeats, spans, errors, hidden rows).
    """
    index = content if isinstance(content, OdsIndex) else OdsIndex(content)
    data = index.content
    head = data[: max(0, data.find(b"<office:body"))]
    return _sheet_facts(index, (data_style_codes(styles, head), _cell_styles((styles, head))), sheet)


def _sheet_facts(
    index: OdsIndex,
    styles_of: tuple[dict[str, str], dict[bytes, tuple[bytes | None, bytes | None]]],
    sheet: str,
) -> SheetFacts:
    import numpy as np

    facts = SheetFacts(iso_durations=True)
    where = _table(index, sheet)
    if where is None:
        return facts
    start, limit = where
    content = index.content
    codes, cell_styles = styles_of
    in_sheet = index.region(index.opens, start, limit)
    opens, open13 = index.opens[in_sheet], index.open13[in_sheet]
    in_sheet = index.region(index.quotes, start, limit)
    quotes, before_quote, value1 = index.quotes[in_sheet], index.before[in_sheet], index.value1[in_sheet]
    closes = index.closes[index.region(index.closes, start, limit)]
    rows = index.tags(opens, open13, b"<table:table-row", limit)
    cells = index.tags(opens, open13, b"<table:table-cell", limit)
    covered = index.tags(opens, open13, b"<table:covered-table-cell", limit)
    if len(covered):
        cells = np.sort(np.concatenate((cells, covered)))
    if not len(rows) or not len(cells):
        return facts
    row_ends = closes[np.clip(np.searchsorted(closes, rows), 0, len(closes) - 1)]
    cell_ends = closes[np.clip(np.searchsorted(closes, cells), 0, len(closes) - 1)]
    # row numbers: 1 + the repeats of the rows before
    repeats = np.ones(len(rows), dtype=np.int64)
    marker = b'table:number-rows-repeated="'
    at_all = index.attributes(quotes, before_quote, marker, start, limit)
    for i, at in zip(_owner(rows, row_ends, at_all).tolist(), at_all.tolist(), strict=True):
        if i >= 0:
            repeats[i] = max(1, _number_after(content, at + len(marker), limit))
    numbers = np.concatenate(([1], 1 + np.cumsum(repeats)[:-1]))
    at_all = index.attributes(quotes, before_quote, b'table:visibility="', start, limit)
    for i, at in zip(_owner(rows, row_ends, at_all).tolist(), at_all.tolist(), strict=True):
        if i >= 0 and content[at + 18 : min(at + 25, limit)] != b"visible":
            facts.hidden_rows.update(range(int(numbers[i]), int(numbers[i] + min(repeats[i], 1_100_000))))
    # columns: the cell's place in its row plus the repeats of the cells before it there
    cell_row = np.searchsorted(rows, cells) - 1
    widths = np.ones(len(cells), dtype=np.int64)
    marker = b'table:number-columns-repeated="'
    at_all = index.attributes(quotes, before_quote, marker, start, limit)
    owners = _owner(cells, cell_ends, at_all)
    # the repeat of a row's last cell moves nothing (LibreOffice ends every row with one)
    last = np.append(cell_row[1:] != cell_row[:-1], True)
    wanted = (owners >= 0) & ~last[np.clip(owners, 0, None)]
    owners, at_all = owners[wanted], at_all[wanted]
    repeated_cells: list[int] = []
    for k, at in zip(owners.tolist(), at_all.tolist(), strict=True):
        if k >= 0:
            width = _number_after(content, at + len(marker), limit)
            if width > 1:
                widths[k] = width
                repeated_cells.append(k)
    before = np.cumsum(widths) - widths  # columns taken by the cells before, in the whole table
    row_first = np.searchsorted(cells, rows)
    first_of = np.clip(row_first[np.clip(cell_row, 0, None)], 0, len(cells) - 1)
    column_of = before - before[first_of]
    # numeric cells and their cell style (own, else the column's default)
    marker = b'office:value-type="'
    types = index.attributes(quotes, before_quote, marker, start, limit)
    numeric = np.zeros(len(cells), dtype=bool)
    if len(types):
        owner = _owner(cells, cell_ends, types)
        letter = index.byte(types + len(marker), limit)
        keep = (owner >= 0) & (letter != ord("s"))
        numeric[owner[keep]] = True
    style_index = np.full(len(cells), -1, dtype=np.int64)
    names: list[bytes] = []
    marker = b'table:style-name="'
    name_ids: dict[bytes, int] = {}
    style_at = index.attributes(quotes, before_quote, marker, start, limit)
    if len(style_at):
        owner = _owner(cells, cell_ends, style_at)
        keep = owner >= 0
        keep[keep] = numeric[owner[keep]]
        owned, starts = owner[keep], style_at[keep] + len(marker)
        # a name's bytes (up to its closing quote) as one 64-bit key; longer names one by one
        window = np.concatenate(
            (index.word(starts, limit).view(np.uint8).reshape(-1, 8), index.byte(starts + 8, limit)[:, None]),
            axis=1,
        )
        ends = np.argmax(window == 34, axis=1)
        short = (window == 34).any(axis=1) & (ends <= 8)
        keys = np.where(np.arange(8) < ends[:, None], window[:, :8], 0).copy().view(np.uint64).reshape(-1)
        keys[~short] = np.uint64(0)
        distinct, inverse = np.unique(keys, return_inverse=True)
        for number, key in enumerate(distinct.tolist()):
            name = key.to_bytes(8, "little").rstrip(b"\0")
            names.append(name)
            name_ids[name] = number
        inverse = inverse.reshape(-1).copy()
        for i in np.flatnonzero(~short).tolist():  # names of 9 bytes or more
            at = int(starts[i])
            name = content[at : _until_quote(content, at, limit)]
            if name not in name_ids:
                name_ids[name] = len(names)
                names.append(name)
            inverse[i] = name_ids[name]
        style_index[owned] = inverse
    default_at = _column_defaults(content, start, limit)
    placed = (cells, cell_ends, cell_row, numbers, column_of)  # where each cell is
    found = np.flatnonzero(numeric)
    if not len(found):
        return _errors_and_spans(facts, index, (quotes, before_quote, value1), (start, limit), placed)
    found_columns = column_of[found]
    found_styles = style_index[found]
    unstyled = found_styles < 0
    if unstyled.any():
        for c in sorted(set(found_columns[unstyled].tolist())):
            default = default_at(int(c))
            if default is None:
                continue
            if default not in name_ids:
                name_ids[default] = len(names)
                names.append(default)
            found_styles[unstyled & (found_columns == c)] = name_ids[default]
    code_ids: dict[str, int] = {}
    style_code = np.full(len(names) + 1, -1, dtype=np.int64)  # -1: no format (General)
    code_names: list[str] = []
    for number, name in enumerate(names):
        code = _code_for(name, cell_styles, codes)
        if code is not None and code.strip().lower() not in ("general", "@", ""):
            style_code[number] = code_ids.setdefault(code, len(code_ids))
            if style_code[number] == len(code_names):
                code_names.append(code)
    found_codes = style_code[found_styles]  # index -1 reads the last entry: -1
    for c in sorted(set(found_columns[found_codes >= 0].tolist())):
        in_column = found_columns == c
        column_codes = found_codes[in_column]
        distinct = np.array(sorted(set(column_codes.tolist())))
        file_column = int(c)
        if len(distinct) == 1 and distinct[0] >= 0:
            facts.column_codes[file_column] = code_names[int(distinct[0])]
            continue
        row_numbers = numbers[cell_row[found[in_column]]]
        facts.cell_codes[file_column] = {
            int(r): code_names[int(code)]
            for r, code in zip(row_numbers, column_codes, strict=True)
            if code >= 0
        }
    for k in repeated_cells:  # a value repeated across columns: each copy has the format
        if numeric[k] and widths[k] > 1:
            code_id = style_code[style_index[k]] if style_index[k] >= 0 else -1
            if code_id >= 0:
                for c in range(int(column_of[k]) + 1, int(column_of[k] + min(widths[k], 1024))):
                    facts.cell_codes.setdefault(c, {})[int(numbers[cell_row[k]])] = code_names[int(code_id)]
    return _errors_and_spans(facts, index, (quotes, before_quote, value1), (start, limit), placed)


def _code_for(
    style: bytes, cell_styles: dict[bytes, tuple[bytes | None, bytes | None]], codes: dict[str, str]
) -> str | None:
    name: bytes | None = style
    for _ in range(8):  # the cell style, then its parents
        if name is None:
            return None
        data, parent = cell_styles.get(name, (None, None))
        if data is not None:
            return codes.get(data.decode(), "[unrenderable]")
        name = parent
    return None


def _errors_and_spans(
    facts: SheetFacts,
    index: OdsIndex,
    attribute_quotes: tuple[Any, Any, Any],
    where: tuple[int, int],
    placed: tuple[Any, Any, Any, Any, Any],
) -> SheetFacts:
    quotes, before_quote, value1 = attribute_quotes
    start, limit = where
    cells, cell_ends, cell_row, numbers, column_of = placed
    content = index.content
    for at in index.valued(quotes, value1, b'calcext:value-type="error"', start, limit):
        (k,) = _owner(cells, cell_ends, [at])
        if k < 0:
            continue
        end = content.find(b"</table:table-cell>", at, limit)
        found = re.search(rb"<text:p>([^<]*)", content[at : end if end >= 0 else min(at + 4096, limit)])
        if found is not None:
            key = (int(numbers[cell_row[k]]), int(column_of[k]))
            facts.errors[key] = html.unescape(found.group(1).decode("utf-8", "replace"))
    for formula in (b'table:formula="of:=TRUE()"', b'table:formula="of:=FALSE()"'):
        # LibreOffice shows these as TRUE/FALSE
        for at in index.valued(quotes, value1, formula, start, limit):
            (k,) = _owner(cells, cell_ends, [at])
            if k >= 0:
                facts.booleans.add((int(numbers[cell_row[k]]), int(column_of[k])))
    marker = b'table:number-rows-spanned="'
    for at in index.attributes(quotes, before_quote, marker, start, limit).tolist():
        (k,) = _owner(cells, cell_ends, [at])
        if k < 0:
            continue
        span = _number_after(content, at + len(marker), limit)
        tag = content[int(cells[k]) : min(int(cell_ends[k]), limit)]
        across = re.search(rb'table:number-columns-spanned="(\d+)"', tag)
        width = int(across.group(1)) if across else 1
        top, left = int(numbers[cell_row[k]]), int(column_of[k])
        if span > 1 or width > 1:
            facts.merges.append((top, left, top + span - 1, left + width - 1))
    return facts


def _column_defaults(content: bytes, start: int, limit: int) -> Any:
    """A function: column index -> its default cell style (from ``table:table-column``)."""
    runs: list[tuple[int, int, bytes | None]] = []
    at = 0
    first_row = content.find(b"<table:table-row", start, limit)
    for match in re.compile(rb"<table:table-column\b([^>]*?)/?>").finditer(
        content, start, first_row if first_row >= 0 else limit - 1
    ):
        attributes = _attributes(match.group(1))
        count = int(attributes.get(b"table:number-columns-repeated", b"1"))
        runs.append((at, at + count, attributes.get(b"table:default-cell-style-name")))
        at += count

    def default(column: int) -> bytes | None:
        for first, end, style in runs:
            if first <= column < end:
                return None if style == b"Default" else style
        return None

    return default


_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d{4,})"[^>]*?office:value-type=')
_ROW_START = b"<table:table-row"


def _digit_runs(index: OdsIndex, values: Any) -> tuple[Any, Any]:
    """(how many digits, their number) at the start of each value, for up to seven digits;
    8 digits (or more) count as 8 with the number unknown (-1)."""
    import numpy as np

    window = index.word(values, index.size).view(np.uint8).reshape(-1, 8).astype(np.int64)
    digit = (window >= 48) & (window <= 57)
    count = np.where(digit.all(axis=1), 8, np.argmin(digit, axis=1))
    number = np.zeros(len(values), dtype=np.int64)
    for place in range(7):
        more = place < count
        number = np.where(more, number * 10 + window[:, place] - 48, number)
    return count, np.where(count >= 8, -1, number)


def check_ods_extent(index: OdsIndex) -> None:
    """``PackageTooLarge`` when content.xml holds more rows than a list may have
    (``MAX_ROW_ELEMENTS`` row elements), or repeated rows or cells that hold values would
    expand past ``MAX_EXTENT_CELLS`` (a repeat count of empty cells costs nothing): run
    before calamine reads the file, which allocates what the repeats say.

    The repeat attributes are found among the index's attribute quotes and their numbers
    read for all at once; only the few big ones are looked at one by one.
    """
    import numpy as np

    content, size = index.content, index.size
    rows = index.match(index.opens[index.open13 == ord("r")], _ROW_START, size)
    if len(rows) > MAX_ROW_ELEMENTS:
        raise PackageTooLarge("content.xml")
    repeats = (index.quotes, index.before)
    # a repeat of more than 16,384 columns on a cell that holds a value
    marker = b'table:number-columns-repeated="'
    found = index.attributes(*repeats, marker, 0, size)
    count, number = _digit_runs(index, found + len(marker))
    column_repeats = (found, np.where(count >= 8, 10**9, np.where(count == 0, 1, number)))
    big = (count >= 8) | (number > 16_384)
    for at in found[big].tolist():
        match = _COLUMNS_REPEATED.match(content, at)
        if match is not None and int(match.group(1)) > 16_384:
            raise PackageTooLarge("repeated cells")
    # 10,000 repeated rows or more: their cells, if they hold values, times the repeat
    marker = b'table:number-rows-repeated="'
    found = index.attributes(*repeats, marker, 0, size)
    count, number = _digit_runs(index, found + len(marker))
    row_repeats = (found, np.where(count >= 8, 10**9, np.where(count == 0, 1, number)))
    for at in found[count >= 5].tolist():
        value = at + len(marker)
        end = content.find(b'"', value)
        if end < 0 or not content[value:end].isdigit() or not _in_row_tag(content, at):
            continue
        repeat = int(content[value:end])
        row_end = content.find(b"</table:table-row>", end + 1)
        row = content[end + 1 : row_end if row_end > 0 else end + 1 + 4096]
        cells = max(1, row.count(b"<table:table-cell"))
        if b"office:value-type=" in row and repeat * cells > MAX_EXTENT_CELLS:
            raise PackageTooLarge("repeated rows")
    if _rectangles_may_be_too_large(index, rows, column_repeats, row_repeats):
        _check_used_rectangles(index)


def _rectangles_may_be_too_large(index: OdsIndex, rows: Any, columns: Any, repeats: Any) -> bool:
    """Whether a sheet's used rectangle could pass ``MAX_EXTENT_CELLS``, by a bound that
    costs little: at most every row element plus what the rows' repeats add (before the
    last value), times the most tags in a row plus what the cells' repeats add. An
    ordinary list (no repeats among its values) is cleared by it; the exact count is
    made only when it is not."""
    import numpy as np

    content = index.content
    last = max(content.rfind(b'office:value-type="'), content.rfind(b"<text:p"))
    if last < 0 or not len(rows):
        return False
    extra_rows = int(np.sum(repeats[1][repeats[0] < last] - 1))
    before = columns[0] < last
    found, number = columns[0][before], columns[1][before]
    if len(found):
        # no width is added by the repeats of column definitions (<table:table-column …>),
        # nor by a row's last cell when it is empty (LibreOffice ends rows with one)
        tags = _tag_of(index, found)
        following = np.searchsorted(index.opens, found)
        ends = index.opens[np.minimum(following, len(index.opens) - 1)]
        typed = np.concatenate([[0], np.cumsum(index.before == _TYPE_EQUALS)])
        untyped = typed[np.searchsorted(index.quotes, ends)] == typed[np.searchsorted(index.quotes, tags)]
        last_empty = (
            (following < len(index.opens))
            & (index.byte(ends - 2, index.size) == ord("/"))
            & untyped
            & (index.word(ends, index.size) == _ROW_END[0])
            & (index.word(ends + 8, index.size) == _ROW_END[1])
        )
        number = number[(index.byte(tags + 14, index.size) != ord("o")) & ~last_empty]
    extra_columns = int(np.sum(number - 1))
    starts = np.searchsorted(index.opens, rows)
    tags_in_row = int(np.diff(np.append(starts, len(index.opens))).max())
    return (len(rows) + extra_rows) * (tags_in_row + extra_columns) > MAX_EXTENT_CELLS


_TYPE_EQUALS = int.from_bytes(b"ype=", "little")  # office:value-type=, calcext:value-type=
_ROW_END = (int.from_bytes(b"</table", "little") + (ord(":") << 56), int.from_bytes(b"table-ro", "little"))
_CELL_STARTS = (b"<table:table-cell", b"<table:covered-table-cell")


def _repeats_of(index: OdsIndex, owners: Any, needle: bytes) -> Any:
    """How often each tag at ``owners`` (sorted offsets of tags) repeats, by its ``needle``
    attribute (1 without it; 8 digits or more count as 10**9: past any limit)."""
    import numpy as np

    found = index.attributes(index.quotes, index.before, needle, 0, index.size)
    repeat = np.ones(len(owners), dtype=np.int64)
    if not len(found) or not len(owners):
        return repeat
    count, number = _digit_runs(index, found + len(needle))
    number = np.where(count >= 8, 10**9, np.where(count == 0, 1, number))
    owner = _tag_of(index, found)
    at = np.clip(np.searchsorted(owners, owner), 0, len(owners) - 1)
    mine = owners[at] == owner
    repeat[at[mine]] = np.maximum(number[mine], 1)
    return repeat


def _tag_of(index: OdsIndex, offsets: Any) -> Any:
    """The offset of the tag (its "<") each attribute offset lies in."""
    import numpy as np

    return index.opens[np.maximum(np.searchsorted(index.opens, offsets, side="right") - 1, 0)]


def _check_used_rectangles(index: OdsIndex) -> None:
    """``PackageTooLarge`` when a sheet's used rectangle — from its first to its last cell
    that holds a value, rows and cells repeated as they say — spans more than
    ``MAX_EXTENT_CELLS``: calamine allocates that rectangle whole (2,000 rows of one value
    repeated 16,384 times, or a value in A1 and one in XFC5001, take it 4–5 GB and
    minutes, or abort the process). Counted for all sheets at once, with numpy, from the
    index: every row's and cell's repeat, and which cells hold a value (a value type, or
    a paragraph inside)."""
    import numpy as np

    size = index.size
    rows = index.match(index.opens[index.open13 == ord("r")], _ROW_START, size)
    after_name = index.byte(rows + len(_ROW_START), size)
    rows = rows[(after_name == 32) | (after_name == 62) | (after_name == 47)]
    found = [index.tags(index.opens, index.open13, tag, size) for tag in _CELL_STARTS]
    cells = np.sort(np.concatenate(found))
    if not len(rows) or not len(cells):
        return
    # which cells hold a value: a value type, or (no type) a paragraph as the next tag
    typed = index.attributes(index.quotes, index.before, b'office:value-type="', 0, size)
    valued = np.zeros(len(cells), dtype=bool)
    if len(typed):
        owner = _tag_of(index, typed)
        at = np.clip(np.searchsorted(cells, owner), 0, len(cells) - 1)
        valued[at[cells[at] == owner]] = True
    following = np.searchsorted(index.opens, cells, side="right")
    inner = index.opens[np.minimum(following, len(index.opens) - 1)]
    word = index.word(inner, size)
    eighth = (word >> np.uint64(56)) & np.uint64(0xFF)
    valued |= ((word & np.uint64((1 << 56) - 1)) == np.uint64(int.from_bytes(b"<text:p", "little"))) & (
        (eighth == 32) | (eighth == 62) | (eighth == 47)
    ) & (following < len(index.opens))
    if not valued.any():
        return
    columns = _repeats_of(index, cells, b'table:number-columns-repeated="')
    row_repeats = _repeats_of(index, rows, b'table:number-rows-repeated="')
    tables = index.table_starts()
    # rows: where each ends, counted from its sheet's first row
    row_table = np.searchsorted(tables, rows, side="right") - 1
    row_end = np.cumsum(row_repeats)
    first_of_table = np.searchsorted(rows, tables)
    row_base = np.concatenate([[0], row_end])[np.minimum(first_of_table, len(rows))]
    row_end = row_end - row_base[np.maximum(row_table, 0)]
    # cells: where each ends, counted from its row's first cell
    cell_row = np.searchsorted(rows, cells, side="right") - 1
    inside = cell_row >= 0
    cell_end = np.cumsum(columns)
    first_of_row = np.searchsorted(cells, rows)
    cell_base = np.concatenate([[0], cell_end])[first_of_row]
    cell_end = cell_end - cell_base[np.maximum(cell_row, 0)]
    keep = valued & inside
    if not keep.any():
        return
    last_col, first_col = cell_end[keep], cell_end[keep] - columns[keep]
    owner_row = cell_row[keep]
    last_row = row_end[owner_row]
    first_row = last_row - row_repeats[owner_row]
    sheet = row_table[owner_row]
    for table in np.unique(sheet).tolist():
        mine = sheet == table
        height = int(last_row[mine].max()) - int(first_row[mine].min())
        width = int(last_col[mine].max()) - int(first_col[mine].min())
        if height * width > MAX_EXTENT_CELLS:
            raise PackageTooLarge("used rectangle")


def _in_row_tag(content: bytes, at: int) -> bool:
    """Whether the attribute at ``at`` is inside a ``<table:table-row`` tag (no ">" between)."""
    start = content.rfind(_ROW_START, 0, at)
    while start >= 0 and content.find(b">", start, at) < 0:
        after = content[start + len(_ROW_START) : start + len(_ROW_START) + 1]
        if not (after.isalnum() or after == b"_"):
            return True
        start = content.rfind(_ROW_START, 0, start)
    return False
