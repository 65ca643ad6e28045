"""The facts of an OpenDocument sheet that python-calamine does not give: formats, errors,
hidden rows (``table:visibility``, also rows an autofilter hides) and merged cells.

ODF keeps a number's look as XML (``<number:number-style>`` with ``<number:number
number:decimal-places="2"/>`` …, ODF 1.3 Part 3, 16.29), not as a format code; each data
style is translated here into the equivalent Excel code, so one renderer serves every
format. A cell's data style comes from its cell style (``table:style-name``), else from
its column's default cell style, else from the parent style.

The sheet is walked row by row, cell by cell (repeats expanded by count, not by copy),
with one regular expression for the elements that matter; empty and plain text cells
cost one comparison each.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from .sheetfacts import SheetFacts

__all__ = ["data_style_codes", "ods_sheet_facts"]

_STYLE_BLOCK = re.compile(
    rb"<number:(number|currency|percentage|date|time|boolean|text)-style\b([^>]*)>(.*?)</number:\1-style>",
    re.DOTALL,
)
_PART = re.compile(rb"<(number|style):([\w-]+)\b([^>]*?)(/?)>(?:([^<]*)</\1:\2>)?", re.DOTALL)
_ATTRIBUTE = re.compile(rb'([\w:-]+)="([^"]*)"')
_CELL_STYLE = re.compile(rb"<style:style\b([^>]*?style:family=\"table-cell\"[^>]*?)/?>")
_TOKEN = re.compile(
    rb"<table:table-row\b([^>]*?)(/?)>|</table:table-row>|<table:(?:covered-)?table-cell\b([^>]*?)(/?)>"
    rb"|<table:table-column\b([^>]*?)/?>|</table:table>"
)
_CONDITION = re.compile(r"value\(\)\s*(<=|>=|!=|<|>|=)\s*(-?[\d.]+)")
_NUMERIC_TYPES = (b"float", b"percentage", b"currency", b"date", b"time", b"boolean")


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
            out.append(_number_part(attrs, body[match.start() : match.end()]))
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
            out.append("General")
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


def _table(content: bytes, sheet: str) -> bytes:
    escaped = html.escape(sheet, quote=True).encode()
    start = content.find(b'<table:table table:name="' + escaped + b'"')
    if start < 0:
        return b""
    end = content.find(b"</table:table>", start)
    return content[start : len(content) if end < 0 else end + len(b"</table:table>")]


def ods_sheet_facts(
    content: bytes, styles: bytes, sheet: str, columns: Sequence[Sequence[Any]], first_column: int
) -> SheetFacts:
    """Formats, errors, hidden rows and merges of the sheet named ``sheet`` in content.xml."""
    facts = SheetFacts()
    table = _table(content, sheet)
    if not table:
        return facts
    codes = data_style_codes(styles, content[: content.find(b"<office:body")])
    cell_styles = _cell_styles((styles, content[: content.find(b"<office:body")]))
    code_of_style: dict[bytes, str | None] = {}

    def code_for(style: bytes | None) -> str | None:
        if style is None:
            return None
        if style not in code_of_style:
            seen = 0
            name: bytes | None = style
            code = None
            while name is not None and seen < 8:
                data, parent = cell_styles.get(name, (None, None))
                if data is not None:
                    code = codes.get(data.decode(), "[unrenderable]")
                    break
                name, seen = parent, seen + 1
            code_of_style[style] = code
        return code_of_style[style]

    column_defaults: list[tuple[int, bytes | None]] = []  # (first column, default style) runs
    per_column: dict[int, dict[int, str]] = {}
    row = 0  # the current row number (1-based), 0 before the first
    col = 0
    row_repeat = 1
    spans: dict[int, int] = {}  # column -> last row of a vertical merge still open
    default_at = _column_defaults(table)
    for match in _TOKEN.finditer(table):
        text = match.group(0)
        if text.startswith(b"<table:table-row"):
            attributes = match.group(1)
            row_repeat = (
                int(_attributes(attributes).get(b"table:number-rows-repeated", b"1")) if attributes else 1
            )
            hidden = b"table:visibility=" in attributes and b'visibility="visible"' not in attributes
            if hidden:
                facts.hidden_rows.update(range(row + 1, row + 1 + min(row_repeat, 1_100_000)))
            row += 1
            col = 0
            if match.group(2):  # an empty row element
                row += row_repeat - 1
            continue
        if text == b"</table:table-row>":
            row += row_repeat - 1
            row_repeat = 1
            continue
        if text.startswith(b"<table:table-column") or text == b"</table:table>":
            continue
        attributes = match.group(3)
        if not attributes:
            col += 1
            continue
        repeat = 1
        attrs = None
        if b"repeated" in attributes:
            attrs = _attributes(attributes)
            repeat = int(attrs.get(b"table:number-columns-repeated", b"1"))
        if b"office:value-type" in attributes and b'value-type="string"' not in attributes:
            attrs = attrs or _attributes(attributes)
            style = attrs.get(b"table:style-name") or default_at(col)
            code = code_for(style)
            if code is not None and attrs.get(b"office:value-type") in _NUMERIC_TYPES:
                for c in range(col, col + min(repeat, 1024)):
                    per_column.setdefault(c, {})[row] = code
        if b'calcext:value-type="error"' in attributes:
            end = table.find(b"</table:table-cell>", match.end())
            inner = table[match.end() : end if end > 0 else match.end()]
            found = re.search(rb"<text:p>([^<]*)", inner)
            if found is not None:
                facts.errors[(row, col)] = html.unescape(found.group(1).decode("utf-8", "replace"))
        if b"spanned" in attributes:
            attrs = attrs or _attributes(attributes)
            rows = int(attrs.get(b"table:number-rows-spanned", b"1"))
            cols = int(attrs.get(b"table:number-columns-spanned", b"1"))
            if rows > 1 or cols > 1:
                facts.merges.append((row - 1, col, row - 1 + rows - 1, col + cols - 1))
        col += repeat
    del spans, column_defaults
    for c, rows_codes in per_column.items():
        distinct = set(rows_codes.values())
        j = c - first_column
        numbers = 0
        if 0 <= j < len(columns):
            column = columns[j]
            numbers = len(column) - list(map(type, column)).count(str)
        if len(distinct) == 1 and len(rows_codes) == numbers:
            facts.column_codes[c] = distinct.pop()
        else:
            facts.cell_codes[c] = rows_codes
    # merges as calamine reports them for xlsx: 0-based rows; make them 1-based
    facts.merges = [(r1 + 1, c1, r2 + 1, c2) for r1, c1, r2, c2 in facts.merges]
    return facts


def _column_defaults(table: bytes) -> Any:
    """A function: column index -> its default cell style (from ``table:table-column``)."""
    runs: list[tuple[int, int, bytes | None]] = []
    at = 0
    for match in re.finditer(rb"<table:table-column\b([^>]*?)/?>", table[: table.find(b"<table:table-row")]):
        attributes = _attributes(match.group(1))
        count = int(attributes.get(b"table:number-columns-repeated", b"1"))
        runs.append((at, at + count, attributes.get(b"table:default-cell-style-name")))
        at += count

    def default(column: int) -> bytes | None:
        for start, end, style in runs:
            if start <= column < end:
                return None if style == b"Default" else style
        return None

    return default
