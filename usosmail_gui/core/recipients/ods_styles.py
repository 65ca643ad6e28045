"""ODF data styles → Excel format codes: the look of an .ods cell's number.

ODF keeps a number's look as XML (``<number:number-style>`` with ``<number:number
number:decimal-places="2"/>`` …, ODF 1.3 Part 3, 16.29), not as a format code; each data
style is translated here into the equivalent Excel code, so one renderer serves every
format. A cell's data style comes from its cell style (``table:style-name``), else from
its column's default cell style, else from the parent style (``code_for``).

A module of its own: the sheet facts (``ods``) and the tests' plain reading of them
(tests/helpers/ods_reference.py) translate styles the same way, from the same code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

__all__ = ["code_for", "data_style_codes", "read_cell_styles", "tag_attributes"]

_STYLE_BLOCK = re.compile(
    rb"<number:(number|currency|percentage|date|time|boolean|text)-style\b([^>]*)>(.*?)</number:\1-style>",
    re.DOTALL,
)
_PART = re.compile(rb"<(number|style):([\w-]+)\b([^>]*?)(/?)>(?:([^<]*)</\1:\2>)?", re.DOTALL)
_ATTRIBUTE = re.compile(rb'([\w:-]+)="([^"]*)"')
_CELL_STYLE = re.compile(rb"<style:style\b([^>]*?style:family=\"table-cell\"[^>]*?)/?>")
_CONDITION = re.compile(r"value\(\)\s*(<=|>=|!=|<|>|=)\s*(-?[\d.]+)")


def tag_attributes(raw: bytes) -> dict[bytes, bytes]:
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
            (
                int(tag_attributes(m.group(3)).get(b"number:position", b"0")),
                html.unescape(m.group(5).decode()),
            )
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
        attrs = tag_attributes(raw)
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
            attributes = tag_attributes(match.group(2))
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


def read_cell_styles(parts: Sequence[bytes]) -> dict[bytes, tuple[bytes | None, bytes | None]]:
    """Cell style name -> (data style name, parent style name)."""
    found: dict[bytes, tuple[bytes | None, bytes | None]] = {}
    for part in parts:
        for match in _CELL_STYLE.finditer(part):
            attributes = tag_attributes(match.group(1))
            name = attributes.get(b"style:name")
            if name is not None:
                found[name] = (
                    attributes.get(b"style:data-style-name"),
                    attributes.get(b"style:parent-style-name"),
                )
    return found


def code_for(
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
