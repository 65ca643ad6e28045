"""A format code parsed: its sections (``positive;negative;zero;text``), each a list of
tokens with what kind of value it shows and how (conditions, colours, scaling, date parts)."""

from __future__ import annotations

import re
from dataclasses import dataclass


class Unrenderable(ValueError):
    """The format code uses something this module does not render (the value stays as stored)."""


_COLOURS = re.compile(r"(black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)", re.IGNORECASE)
_CONDITION = re.compile(r"(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)")
_ELAPSED = re.compile(r"(h+|m+|s+)", re.IGNORECASE)
_DATE_LETTERS = frozenset("yYmMdDhHsS")


Token = tuple[str, str]  # (kind, text): kinds below


@dataclass(slots=True)
class _Section:
    tokens: list[Token]
    condition: tuple[str, float] | None = None
    kind: str = "literal"  # number | date | text | general | literal
    # number sections
    percent: int = 0
    scale: int = 0  # trailing commas: divide by 1000 each
    grouping: bool = False
    decimals: int = 0
    has_point: bool = False
    exponent: bool = False
    fraction: bool = False
    # date sections
    second_places: int = 0
    twelve_hour: bool = False
    genitive: bool = False

    def accepts(self, value: float) -> bool:
        if self.condition is None:
            return True
        op, bound = self.condition
        return {
            "<": value < bound,
            ">": value > bound,
            "=": value == bound,
            "<=": value <= bound,
            ">=": value >= bound,
            "<>": value != bound,
        }[op]


def _split_sections(code: str) -> list[str]:
    sections: list[str] = []
    current: list[str] = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c == '"':
            end = code.find('"', i + 1)
            end = n - 1 if end < 0 else end
            current.append(code[i : end + 1])
            i = end + 1
            continue
        if c in "\\_*" and i + 1 < n:
            current.append(code[i : i + 2])
            i += 2
            continue
        if c == "[":
            end = code.find("]", i)
            end = n - 1 if end < 0 else end
            current.append(code[i : end + 1])
            i = end + 1
            continue
        if c == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    sections.append("".join(current))
    return sections


def _bracket(content: str, section: _Section, tokens: list[Token]) -> None:
    if not content:
        return
    if content[0] == "$":
        if content.upper() in ("$-F800", "$-F400"):
            raise Unrenderable(content)  # "the system's long date / time": the reader's settings
        symbol = content[1:].split("-", 1)[0]
        if symbol:
            tokens.append(("lit", symbol))
        return
    match = _CONDITION.fullmatch(content.strip())
    if match is not None:
        section.condition = (match.group(1), float(match.group(2)))
        return
    if content.upper() == "BOOLEAN":  # an OpenDocument boolean style: TRUE/FALSE in the language
        tokens.append(("boolean", ""))
        return
    if _ELAPSED.fullmatch(content):
        tokens.append(("elapsed", content.lower()))
        return
    if _COLOURS.fullmatch(content.strip()):
        return
    raise Unrenderable(content)


def _tokenize(text: str) -> _Section:
    section = _Section([])
    tokens = section.tokens
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            tokens.append(("lit", text[i + 1 : end]))
            i = end + 1
        elif c == "\\":
            tokens.append(("lit", text[i + 1 : i + 2]))
            i += 2
        elif c == "_":
            tokens.append(("lit", " "))
            i += 2
        elif c == "*":
            i += 2  # fill the cell's width with the next character: nothing in a text
        elif c == "[":
            end = text.find("]", i)
            end = n if end < 0 else end
            _bracket(text[i + 1 : end], section, tokens)
            i = end + 1
        elif text[i : i + 7].lower() == "general":
            tokens.append(("general", ""))
            i += 7
        elif text[i : i + 5].upper() == "AM/PM":
            tokens.append(("ampm", text[i : i + 5]))
            i += 5
        elif text[i : i + 3].upper() == "A/P":
            tokens.append(("ap", text[i : i + 3]))
            i += 3
        elif c in _DATE_LETTERS:
            j = i
            while j < n and text[j].lower() == c.lower():
                j += 1
            tokens.append(("date", text[i:j].lower()))
            i = j
        elif c in "0#?":
            tokens.append(("digit", c))
            i += 1
        elif c in ".,%@/":
            tokens.append((c, c))
            i += 1
        elif c in "Ee" and i + 1 < n and text[i + 1] in "+-":
            tokens.append(("exp", text[i : i + 2]))
            i += 2
        elif c in "BbGgEe" or c.isdigit():
            if c.isdigit() and tokens and tokens[-1][0] == "/":
                j = i
                while j < n and text[j].isdigit():
                    j += 1
                tokens.append(("denominator", text[i:j]))
                i = j
                continue
            if c.isdigit():
                tokens.append(("lit", c))
                i += 1
                continue
            raise Unrenderable(text)  # Buddhist years, eras: other calendars
        else:
            tokens.append(("lit", c))
            i += 1
    return section


def _classify(section: _Section) -> None:
    kinds = {kind for kind, _ in section.tokens}
    if "boolean" in kinds:
        section.kind = "boolean"
    elif kinds & {"date", "elapsed", "ampm", "ap"}:
        section.kind = "date"
        _prepare_date(section)
    elif "general" in kinds:
        section.kind = "general"
    elif "digit" in kinds:
        section.kind = "number"
        _prepare_number(section)
    elif "@" in kinds:
        section.kind = "text"
    else:
        section.kind = "literal"
    if section.kind not in ("number",):
        # a "." "," "%" "/" outside a number is just a character
        section.tokens = [(kind if kind not in ".,%/" else "lit", text) for kind, text in section.tokens]


def _prepare_number(section: _Section) -> None:
    tokens = section.tokens
    digit_at = [i for i, (kind, _) in enumerate(tokens) if kind == "digit"]
    first, last = digit_at[0], digit_at[-1]
    out: list[Token] = []
    seen_point = False
    for i, (kind, text) in enumerate(tokens):
        if kind == "%":
            section.percent += 1
            out.append(("lit", "%"))
        elif kind == "," and first < i:
            # between digit placeholders of the integer part: grouping; after the last one
            # (before the point or the end): each comma divides by 1,000. Never shown.
            if any(k == "digit" for k, _ in tokens[i + 1 : _next_point(tokens, i)]):
                section.grouping = True
            elif not seen_point or i > last:
                section.scale += 1
        elif kind == ",":
            out.append(("lit", ","))
        elif kind == ".":
            if seen_point or section.exponent:
                out.append(("lit", "."))
            else:
                seen_point = True
                section.has_point = True
                out.append(("point", "."))
        elif kind == "exp":
            section.exponent = True
            out.append((kind, text))
        elif kind == "/":
            section.fraction = True
            out.append((kind, text))
        elif kind == "digit" and seen_point and not section.exponent:
            section.decimals += 1
            out.append(("decimal", text))
        else:
            out.append((kind, text))
    section.tokens = out
    if section.fraction and (section.exponent or section.has_point):
        raise Unrenderable("fraction with a decimal point")


def _next_point(tokens: list[Token], start: int) -> int:
    for i in range(start, len(tokens)):
        if tokens[i][0] == ".":
            return i
    return len(tokens)


def _prepare_date(section: _Section) -> None:
    tokens = section.tokens
    out: list[Token] = []
    has_day = any(kind == "date" and text[0] == "d" and len(text) <= 2 for kind, text in tokens)
    section.genitive = has_day
    for i, (kind, text) in enumerate(tokens):
        if kind in ("ampm", "ap"):
            section.twelve_hour = True
        if kind == "date" and text[0] == "m" and len(text) <= 2 and _is_minute(tokens, i):
            out.append(("minute", text))
            continue
        if kind == "." and i > 0 and out and out[-1][0] == "date" and out[-1][1][0] == "s":
            # fractions of a second: ss.00
            j = i + 1
            while j < len(tokens) and tokens[j] == ("digit", "0"):
                j += 1
            places = j - i - 1
            if places:
                section.second_places = max(section.second_places, places)
                out.append(("subsecond", str(places)))
                tokens[i + 1 : j] = [("skip", "")] * places
                continue
        if kind == "skip":
            continue
        if kind == "date" and text[0] == "e":
            raise Unrenderable(text)
        out.append((kind, text))
    section.tokens = [t for t in out if t[0] != "skip"]


def _is_minute(tokens: list[Token], index: int) -> bool:
    """``m``/``mm`` is minutes right after an hour or right before seconds (literals between)."""
    for j in range(index - 1, -1, -1):
        kind, text = tokens[j]
        if kind == "date":
            return text[0] == "h"
        if kind == "elapsed":
            return text[0] == "h"
        if kind not in ("lit",):
            break
    for j in range(index + 1, len(tokens)):
        kind, text = tokens[j]
        if kind == "date":
            return text[0] == "s"
        if kind == "elapsed":
            return text[0] == "s"
        if kind not in ("lit",):
            break
    return False
