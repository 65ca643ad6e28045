"""Spreadsheet number format codes (Excel's and LibreOffice's) rendered the way the sheet shows a cell.

A recipient list's numbers are stored without their look: an album number ``12345`` with
the format ``000000`` is shown (and must be sent) as ``012345``, ``0.8512`` with ``0.00%``
as ``85,12%``, a date serial with ``dd.mm.yyyy`` as ``17.06.2024``. This module parses a
format code once (``NumberFormat``) and renders values with it, with the decimal and
thousands separators, month and day names of the app's language (``Locale``).

Supported (ECMA-376 Part 1, 18.8.31, and the format-code pages of Excel's and LibreOffice's
help): up to four sections ``positive;negative;zero;text`` and conditions (``[>100]``),
``General``, digit placeholders ``0 # ?``, decimal point, thousands separator and scaling
commas, ``%``, scientific ``E+``/``E-``, fractions (``# ?/?``, ``?/8``), literal text in
quotes, after ``\\`` and plain punctuation, ``_x`` (a space), ``*x`` (fill: nothing),
colours, ``[$zł-415]`` currency symbols and ``[$-415]`` locale tags, ``@`` (the text
itself), and the date and time codes ``y m d h s`` (with ``mmm``/``mmmm``/``mmmmm``,
``ddd``/``dddd``, ``AM/PM``, ``A/P``, fractions of seconds and the elapsed ``[h] [m] [s]``).
What is not (calendars, ``[DBNum…]``/``[NatNum…]`` spelled-out numbers, system formats
``[$-F800]``) raises ``Unrenderable``: the caller shows the stored value and says so.

Why not a library: the Python ports of SheetJS SSF (``ssf`` and its forks) were last
released in 2020 (forks copy that code), pull in seven dependencies and know no Polish
separators; the other candidates are single releases. See pyproject.toml.

Numbers are rounded as spreadsheets round them: to 15 significant digits first, then half
away from zero (``2.675`` with ``0.00`` is ``2.68``, where Python's ``format`` says 2.67).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from itertools import repeat
from operator import methodcaller
from typing import Any

__all__ = [
    "BUILTIN_FORMATS",
    "LOCALES",
    "Locale",
    "NumberFormat",
    "Unrenderable",
    "builtin_code",
    "general_number",
    "locale_for",
]

NBSP = "\u00a0"


class Unrenderable(ValueError):
    """The format code uses something this module does not render (the value stays as stored)."""


@dataclass(frozen=True, slots=True)
class Locale:
    """What a format code's output depends on besides the code: the app's language."""

    language: str
    decimal: str
    group: str
    true: str
    false: str
    months: tuple[str, ...]
    months_genitive: tuple[str, ...]  # after a day: "17 czerwca 2024"
    months_short: tuple[str, ...]
    days: tuple[str, ...]  # Monday first, like ``date.weekday()``
    days_short: tuple[str, ...]
    short_date: str  # built-in format 14 ("the system's short date")
    date_time: str  # built-in format 22


_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_PL_MONTHS = [
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
]
_PL_MONTHS_GENITIVE = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
]

LOCALES: dict[str, Locale] = {
    "en": Locale(
        "en",
        ".",
        ",",
        "TRUE",
        "FALSE",
        tuple(_EN_MONTHS),
        tuple(_EN_MONTHS),
        tuple(m[:3] for m in _EN_MONTHS),
        tuple(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
        tuple(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
        "mm/dd/yyyy",
        "mm/dd/yyyy hh:mm",
    ),
    "pl": Locale(
        "pl",
        ",",
        NBSP,
        "PRAWDA",
        "FAŁSZ",
        tuple(_PL_MONTHS),
        tuple(_PL_MONTHS_GENITIVE),
        # LibreOffice's Polish abbreviations are Roman numerals (Excel's: "sty", "lut"…)
        tuple(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]),
        tuple(["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]),
        tuple(["pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."]),
        "dd.mm.yyyy",
        "dd.mm.yyyy hh:mm",
    ),
}


def locale_for(language: str) -> Locale:
    """The locale of a language code ("pl", "pl_PL", "en-GB"…); English for any other."""
    return LOCALES.get(language[:2].lower(), LOCALES["en"])


# ECMA-376 Part 1, 18.8.30: the formats a file may use by number without writing them out.
# 14 and 22 are "the system's short date (and time)": taken from the locale instead.
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

def builtin_code(number: int, locale: Locale) -> str | None:
    """The code of a built-in format number (14 and 22 in the locale's own form); None for
    one whose code is the reader's locale's business (East Asian dates, 5-8 currencies)."""
    if number == 14:
        return locale.short_date
    if number == 22:
        return locale.date_time
    return BUILTIN_FORMATS.get(number)


_EPOCH = dt.datetime(1899, 12, 30)  # serial 0 (with Lotus' 29 February 1900 kept, as Excel does)
_COLOURS = re.compile(r"(black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)", re.IGNORECASE)
_CONDITION = re.compile(r"(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)")
_ELAPSED = re.compile(r"(h+|m+|s+)", re.IGNORECASE)
_DATE_LETTERS = frozenset("yYmMdDhHsS")


# --- numbers as digits ---------------------------------------------------------------------


def _digits(x: float, places: int) -> tuple[str, str]:
    """``x`` (≥ 0) rounded to ``places`` decimals as (integer digits, decimal digits), the way
    spreadsheets round: 15 significant digits, then half away from zero."""
    text = format(x, ".15g")
    if "e" not in text:
        whole, _, decimals = text.partition(".")
        if len(decimals) <= places:
            return whole, decimals.ljust(places, "0")
    with localcontext() as context:  # enough digits for 1e300 to two places
        context.prec = 400 + places
        exact = Decimal(text).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, decimals = format(exact, "f").partition(".")
    return whole, decimals.ljust(places, "0")


def _group(digits: str, separator: str) -> str:
    if len(digits) <= 3:
        return digits
    head = len(digits) % 3 or 3
    return digits[:head] + "".join(separator + digits[i : i + 3] for i in range(head, len(digits), 3))


def general_number(value: float, locale: Locale) -> str:
    """A number in the "General" format as LibreOffice shows it: whole numbers below 10^16
    in full; others to 15 significant digits, in plain decimals unless that would take
    more than 17 digits after the point or the number is below 10^-9 or from 10^16 up
    (then "1,5E-10", "1E+016": LibreOffice writes three digits of a positive exponent)."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    magnitude = abs(value)
    sign = "-" if value < 0 else ""
    if magnitude == 0:
        return "0"
    if magnitude < 1e16 and value == int(value):
        return str(int(value))
    text = format(magnitude, ".15g")
    if 1e-9 <= magnitude < 1e16:
        if "e" in text:
            text = format(Decimal(text), "f")
        whole, _, decimals = text.partition(".")
        if len(decimals) <= 17:
            return sign + (whole + locale.decimal + decimals if decimals else whole)
    mantissa, _, exponent = format(magnitude, ".14e").partition("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    power = int(exponent)
    digits = str(abs(power)).rjust(3 if power > 0 else 2, "0")
    mantissa = mantissa.replace(".", locale.decimal)
    return f"{sign}{mantissa}E{'+' if power > 0 else '-'}{digits}"


# --- the parsed format ----------------------------------------------------------------------

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


# --- rendering -----------------------------------------------------------------------------


def _place_integer(digits: str, placeholders: list[Token], grouping: bool, locale: Locale) -> str:
    """Fill the integer placeholders (and the literals between them) from the right; the
    leftmost placeholder takes every digit left over."""
    if grouping:  # "#,##0": a minimum of digits, separators between them
        zeros = sum(1 for kind, text in placeholders if kind == "digit" and text == "0")
        marks = sum(1 for kind, text in placeholders if kind == "digit" and text in "0?")
        plain = digits.rjust(zeros, "0")
        text = _group(plain, locale.group) if plain else ""
        if len(plain) < marks:
            text = " " * (marks - len(plain)) + text
        return "".join(t for _, t in _leading_literals(placeholders)) + text
    count = sum(1 for kind, _ in placeholders if kind == "digit")
    out: list[str] = []
    remaining = digits
    seen = 0
    for kind, text in reversed(placeholders):
        if kind != "digit":
            out.append(text)
            continue
        seen += 1
        if remaining:
            if seen == count:
                out.append(remaining)
                remaining = ""
            else:
                out.append(remaining[-1])
                remaining = remaining[:-1]
        else:
            out.append("0" if text == "0" else " " if text == "?" else "")
    return "".join(reversed(out))


def _leading_literals(tokens: list[Token]) -> list[Token]:
    out = []
    for token in tokens:
        if token[0] == "digit":
            break
        out.append(token)
    return out


def _trailing_literals(tokens: list[Token]) -> list[Token]:
    out = []
    for token in reversed(tokens):
        if token[0] == "digit":
            break
        out.append(token)
    return list(reversed(out))


def _place_decimals(digits: str, placeholders: list[Token]) -> str:
    """Decimal digits into their placeholders: trailing zeros vanish under ``#``, are spaces under ``?``."""
    kinds = [text for kind, text in placeholders if kind == "decimal"]
    chars = list(digits)
    for i in range(len(chars) - 1, -1, -1):
        if chars[i] != "0" or kinds[i] == "0":
            break
        chars[i] = "" if kinds[i] == "#" else " "
    out: list[str] = []
    k = 0
    for kind, text in placeholders:
        if kind == "decimal":
            out.append(chars[k])
            k += 1
        else:
            out.append(text)
    return "".join(out)


class NumberFormat:
    """A parsed format code; ``render(value)`` gives the text the sheet shows.

    ``value`` is what a reader gives: a float or int, a ``datetime``/``date``/``time``/
    ``timedelta`` (shown by a date format, or as its serial number by a number format), a
    bool, or a str (shown through the text section, if there is one).
    """

    def __init__(self, code: str, locale: Locale) -> None:
        self.code = code
        self.locale = locale
        parts = _split_sections(code)
        if len(parts) > 4:
            raise Unrenderable(code)
        sections = [_tokenize(part) for part in parts]
        for section in sections:
            _classify(section)
        self._text: _Section | None = None
        if len(sections) == 4 or (len(sections) > 1 and sections[-1].kind == "text"):
            self._text = sections.pop()
        elif len(sections) == 1 and sections[0].kind == "text":
            self._text = sections[0]
            sections = [_Section([("general", "")], kind="general")]
        self._sections = sections
        self.is_date = any(s.kind == "date" for s in sections)
        self.is_general = all(s.kind == "general" and len(s.tokens) == 1 for s in sections) and (
            self._text is None or self._text.tokens == [("@", "@")]
        )
        # a quick check that the code renders at all
        for probe in (1.5, -1.5, 0.0, 45000.5):
            self.render(probe)

    def __repr__(self) -> str:
        return f"NumberFormat({self.code!r}, {self.locale.language!r})"

    # --- choosing the section -------------------------------------------------------------

    def _section_for(self, value: float) -> tuple[_Section, bool]:
        """The section that shows ``value`` and whether it shows the minus sign itself."""
        sections = self._sections
        if any(s.condition is not None for s in sections):
            for section in sections:
                if section.condition is not None and section.accepts(value):
                    negative_section = section.condition[0] in ("<", "<=") and section.condition[1] <= 0
                    return section, not negative_section
            rest = [s for s in sections if s.condition is None]
            return (rest[0] if rest else sections[-1]), True
        if len(sections) == 1 or value > 0 or (value == 0 and len(sections) == 2):
            return sections[0], True
        if value < 0:
            return sections[1], False
        return sections[2] if len(sections) > 2 else sections[0], True

    # --- rendering ------------------------------------------------------------------------

    def render(self, value: Any) -> str:
        kind = value.__class__
        if kind is str:
            return self.render_text(value)
        if kind is bool:
            return self.locale.true if value else self.locale.false
        if kind is float or kind is int:
            number = float(value)
        elif isinstance(value, dt.datetime):
            number = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        elif isinstance(value, dt.date):
            number = float((value - _EPOCH.date()).days)
        elif isinstance(value, dt.time):
            number = (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
        elif isinstance(value, dt.timedelta):
            number = value.total_seconds() / 86400
        elif isinstance(value, (int, float)):
            number = float(value)
        else:
            return str(value)
        if math.isnan(number) or math.isinf(number):
            return str(value)
        section, signed = self._section_for(number)
        try:
            return self._render_number(section, number, signed)
        except (ArithmeticError, ValueError, IndexError):  # a value the code cannot show: as stored
            return general_number(number, self.locale)

    def render_text(self, text: str) -> str:
        section = self._text
        if section is None:
            return text
        return "".join(text if kind == "@" else value for kind, value in section.tokens)

    def _render_number(self, section: _Section, number: float, signed: bool) -> str:
        kind = section.kind
        if kind == "date":
            return self._render_date(section, number)
        sign = "-" if signed and number < 0 else ""
        magnitude = abs(number)
        if kind == "general":
            body = general_number(magnitude, self.locale)
            return sign + "".join(body if k == "general" else t for k, t in section.tokens)
        if kind == "literal":
            return "".join(t for k, t in section.tokens if k == "lit")
        if kind == "boolean":
            return self.locale.true if number else self.locale.false
        if kind == "text":
            return general_number(number, self.locale)
        magnitude *= 100**section.percent
        magnitude /= 1000**section.scale
        if section.exponent:
            text = self._render_scientific(section, magnitude)
        elif section.fraction:
            text = self._render_fraction(section, magnitude)
        else:
            text = self._render_fixed(section, magnitude)
        return sign + text

    def _render_fixed(self, section: _Section, magnitude: float) -> str:
        whole, decimals = _digits(magnitude, section.decimals)
        tokens = section.tokens
        point = next((i for i, (k, _) in enumerate(tokens) if k == "point"), None)
        integer_part = tokens if point is None else tokens[:point]
        decimal_part = [] if point is None else tokens[point + 1 :]
        if whole == "0":
            whole = ""
        # literals after the last digit placeholder stay where they are
        last_digit = max((i for i, (k, _) in enumerate(integer_part) if k == "digit"), default=-1)
        if last_digit < 0:
            head = "".join(t for k, t in integer_part)
            integer_text = head + whole
            tail = ""
        else:
            tail_tokens = integer_part[last_digit + 1 :]
            integer_text = _place_integer(
                whole, integer_part[: last_digit + 1], section.grouping, self.locale
            )
            tail = "".join(t for _, t in tail_tokens)
        text = integer_text + tail
        if point is not None:
            text += self.locale.decimal + _place_decimals(decimals, decimal_part)
        return text

    def _render_scientific(self, section: _Section, magnitude: float) -> str:
        tokens = section.tokens
        at = next(i for i, (k, _) in enumerate(tokens) if k == "exp")
        mantissa_tokens, exponent_tokens = tokens[:at], tokens[at + 1 :]
        integer_places = sum(1 for k, _ in mantissa_tokens if k == "digit")
        exponent = 0 if magnitude == 0 else math.floor(math.log10(magnitude))
        if integer_places > 1 and any(t == "#" for k, t in mantissa_tokens if k == "digit"):
            exponent -= exponent % integer_places  # engineering notation: ##0.0E+0
        elif integer_places > 1:
            exponent -= integer_places - 1
        mantissa = magnitude / 10**exponent if magnitude else 0.0
        probe = _Section(
            mantissa_tokens, kind="number", decimals=section.decimals, has_point=section.has_point
        )
        whole, _ = _digits(mantissa, section.decimals)
        if len(whole) > max(1, integer_places) and magnitude:
            exponent += 1
            mantissa = magnitude / 10**exponent
        text = self._render_fixed(probe, mantissa)
        sign_kind = tokens[at][1][1]
        exponent_sign = "-" if exponent < 0 else ("+" if sign_kind == "+" else "")
        places = sum(1 for k, _ in exponent_tokens if k == "digit")
        digits = str(abs(exponent)).rjust(places, "0")
        rest = "".join(t for k, t in exponent_tokens if k != "digit")
        return text + tokens[at][1][0] + exponent_sign + digits + rest

    def _render_fraction(self, section: _Section, magnitude: float) -> str:
        tokens = section.tokens
        slash = next(i for i, (k, _) in enumerate(tokens) if k == "/")
        before, after = tokens[:slash], tokens[slash + 1 :]
        denominator_fixed = next((int(t) for k, t in after if k == "denominator"), None)
        denominator_places = sum(1 for k, _ in after if k == "digit")
        # the numerator is the last run of digit placeholders before "/"; digits before it and
        # a literal between them are the whole number
        numerator_start = slash
        while numerator_start > 0 and before[numerator_start - 1][0] == "digit":
            numerator_start -= 1
        whole_tokens = before[:numerator_start]
        numerator_tokens = before[numerator_start:]
        has_whole = any(k == "digit" for k, _ in whole_tokens)
        whole = int(magnitude) if has_whole else 0
        rest = magnitude - whole
        if denominator_fixed:
            numerator, denominator = round(rest * denominator_fixed), denominator_fixed
        else:
            limit = 10 ** max(1, denominator_places) - 1
            approx = Fraction(rest).limit_denominator(limit)
            numerator, denominator = approx.numerator, approx.denominator
        if has_whole and numerator == denominator:
            whole, numerator = whole + 1, 0
        numerator_text = _place_integer(str(numerator), numerator_tokens, False, self.locale)
        denominator_text = str(denominator)
        if not denominator_fixed:
            denominator_text = denominator_text.ljust(denominator_places)
        out = ""
        if has_whole:
            last = max(i for i, (k, _) in enumerate(whole_tokens) if k == "digit")
            digits = str(whole) if whole else ""
            out = _place_integer(digits, whole_tokens[: last + 1], False, self.locale)
            separator = "".join(t for _, t in whole_tokens[last + 1 :])
            if numerator == 0:
                width = len(numerator_text) + 1 + len(denominator_text) + len(separator)
                return (out or "0") + " " * width
            out += separator
        return out + numerator_text + "/" + denominator_text + "".join(t for k, t in after if k == "lit")

    def _render_date(self, section: _Section, number: float) -> str:
        if number < 0:
            return general_number(number, self.locale)  # no date: Excel shows ####
        locale = self.locale
        places = section.second_places
        units = round(number * 86400 * 10**places)
        day_units = 86400 * 10**places
        days, rest = divmod(units, day_units)
        seconds, fraction = divmod(rest, 10**places)
        hour, rem = divmod(seconds, 3600)
        minute, second = divmod(rem, 60)
        date = None  # serial 0 is Excel's "0 January 1900"
        if days > 0:
            try:
                date = _EPOCH.date() + dt.timedelta(days=days)
            except OverflowError:
                return general_number(number, locale)
        total_seconds = units // 10**places
        out: list[str] = []
        for kind, text in section.tokens:
            if kind == "lit":
                out.append(text)
            elif kind == "date":
                letter, width = text[0], len(text)
                if letter == "y":
                    year = date.year if date else 1900
                    out.append(str(year % 100).rjust(2, "0") if width <= 2 else str(year).rjust(4, "0"))
                elif letter == "m":
                    month = date.month if date else 1
                    if width == 1:
                        out.append(str(month))
                    elif width == 2:
                        out.append(f"{month:02d}")
                    elif width == 3:
                        out.append(locale.months_short[month - 1])
                    elif width == 5:
                        out.append(locale.months[month - 1][0])
                    else:
                        names = locale.months_genitive if section.genitive else locale.months
                        out.append(names[month - 1])
                elif letter == "d":
                    day = date.day if date else 0
                    if width == 1:
                        out.append(str(day))
                    elif width == 2:
                        out.append(f"{day:02d}")
                    else:
                        weekday = (date or _EPOCH.date()).weekday()
                        out.append(locale.days_short[weekday] if width == 3 else locale.days[weekday])
                elif letter == "h":
                    shown = hour
                    if section.twelve_hour:
                        shown = hour % 12 or 12
                    out.append(f"{shown:02d}" if width >= 2 else str(shown))
                elif letter == "s":
                    out.append(f"{second:02d}" if width >= 2 else str(second))
            elif kind == "minute":
                out.append(f"{minute:02d}" if len(text) >= 2 else str(minute))
            elif kind == "subsecond":
                out.append(locale.decimal + str(fraction).rjust(int(text), "0"))
            elif kind == "elapsed":
                letter, width = text[0], len(text)
                amount = {"h": total_seconds // 3600, "m": total_seconds // 60, "s": total_seconds}[letter]
                out.append(str(amount).rjust(width, "0"))
            elif kind == "ampm":
                out.append("AM" if hour < 12 else "PM")
            elif kind == "ap":
                out.append("A" if hour < 12 else "P")
            elif kind in ("digit", "general", "@"):
                out.append(text if kind == "digit" else "")
            else:
                out.append(text)
        return "".join(out)

    # --- a whole column ---------------------------------------------------------------------

    def render_column(self, values: Sequence[Any]) -> list[str]:
        """Every value of a column (one render per distinct value)."""
        if values and set(map(type, values)) in ({int}, {int, float}):
            values = list(map(float, values))  # an .xls gives whole numbers as int (RK records)
        fast = self._fast_integers(values)
        if fast is None:
            fast = self._fast_fixed(values)
        if fast is None:
            fast = self._fast_dates(values)
        if fast is not None:
            return fast
        render = self.render
        if len(set(map(type, values))) == 1:  # one type: the values themselves are the keys
            table = {value: render(value) for value in set(values)}
            return list(map(table.__getitem__, values))
        cache: dict[tuple[type, Any], str] = {}
        out: list[str] = []
        append = out.append
        for value in values:
            key = (value.__class__, value)
            text = cache.get(key)
            if text is None:
                text = cache[key] = render(value)
            append(text)
        return out

    def _fast_integers(self, values: Sequence[Any]) -> list[str] | None:
        """``000000`` and ``0`` over non-negative whole numbers: one C-level pass."""
        if len(self._sections) != 1 or not values:
            return None
        section = self._sections[0]
        if section.kind != "number" or section.percent or section.scale or section.decimals:
            return None
        if section.has_point or section.exponent or section.fraction or section.grouping:
            return None
        if any(k != "digit" or t != "0" for k, t in section.tokens):
            return None
        if set(map(type, values)) != {float}:
            return None
        if min(values) < 0 or max(values) >= 1e15 or not all(map(float.is_integer, values)):
            return None
        import numpy as np

        return _digit_texts(np.array(values, dtype=np.float64), 0, len(section.tokens), "", "").split("\n")


    def _fixed_pattern(self) -> tuple[str, str, int, bool] | None:
        """(text before, text after, decimals, grouping) of a one-section format that is a
        plain number between literals ("#,##0.00", "0.00 zł", "Nr 0"), else None."""
        if len(self._sections) != 1:
            return None
        section = self._sections[0]
        if section.kind != "number" or section.percent or section.scale or section.exponent:
            return None
        if section.fraction:
            return None
        tokens = section.tokens
        digits = [i for i, (k, _) in enumerate(tokens) if k in ("digit", "point", "decimal")]
        first, last = digits[0], digits[-1]
        middle = tokens[first : last + 1]
        if any(k not in ("digit", "point", "decimal") for k, _ in middle):
            return None
        integer = [t for k, t in middle if k == "digit"]
        decimal = [t for k, t in middle if k == "decimal"]
        # one "0" as the last integer digit (# before it): "0.00", "#,##0.00"; decimals all "0"
        if integer[-1] != "0" or integer.count("0") != 1 or "?" in integer or any(t != "0" for t in decimal):
            return None
        before = "".join(t for _, t in tokens[:first])
        after = "".join(t for _, t in tokens[last + 1 :])
        return before, after, section.decimals, section.grouping

    def _fast_fixed(self, values: Sequence[Any]) -> list[str] | None:
        """Fixed decimals over a column of floats with C-level ``format``; only the values
        that sit exactly on a half (where Python rounds to even, spreadsheets away from
        zero) are rounded the spreadsheet's way, one by one."""
        pattern = self._fixed_pattern()
        if pattern is None or not values or set(map(type, values)) != {float}:
            return None
        before, after, places, grouping = pattern
        bound = 10.0 ** (15 - places)  # beyond it a spreadsheet shows 15 digits only: the slow way
        if min(values) <= -bound or max(values) >= bound:
            return None
        spec = ("{:,." if grouping else "{:.") + str(places) + "f}"
        locale = self.locale
        import numpy as np

        array = np.array(values, dtype=np.float64) + 0.0  # -0.0 + 0.0 is 0.0: no "-0.00"
        scaled = np.rint(array * 10.0**places)
        if np.array_equal(scaled / 10.0**places, array):
            # each value is the double nearest to a number of ``places`` decimals (money,
            # grades): nothing to round, the digits are the scaled integers' (numpy, no
            # Python call per cell)
            joined = _digit_texts(scaled, places, 1, locale.group if grouping else "", locale.decimal)
            return _literals(joined, before, after).split("\n")
        if 0.0 in values:  # -0.0 + 0.0 is 0.0: no "-0.00" for a negative zero
            values = list(map(float.__add__, values, repeat(0.0)))
        texts = list(map(spec.format, values))
        shortest = "\n".join(map(repr, values)) + "\n"
        if "e" in shortest or "n" in shortest.replace("\n", ""):
            return None  # exponents, nan, inf: the general way
        ties = re.compile(r"\.\d{" + str(places) + r"}5\n")
        if shortest and ties.search(shortest):
            for i, value in enumerate(values):
                if ties.search(repr(value) + "\n"):
                    whole, decimals = _digits(abs(value), places)
                    if grouping:
                        whole = f"{int(whole):,}"
                    texts[i] = ("-" if value < 0 else "") + whole + ("." + decimals if places else "")
        # the rest on the whole column at once: separators, "-0" kept as "-0", literals
        joined = "\n".join(texts)
        if locale.decimal != "." or locale.group != ",":
            joined = joined.translate(str.maketrans(",.", locale.group + locale.decimal))
        return _literals(joined, before, after).split("\n")

    def _fast_dates(self, values: Sequence[Any]) -> list[str] | None:
        """Day, month and year as digits ("dd.mm.yyyy", "yyyy-mm-dd") over ``date`` values:
        ``strftime`` per distinct date."""
        if len(self._sections) != 1 or not values or set(map(type, values)) != {dt.date}:
            return None
        section = self._sections[0]
        if section.kind != "date":
            return None
        codes = {("date", "dd"): "%d", ("date", "mm"): "%m", ("date", "yyyy"): "%Y", ("date", "yy"): "%y"}
        parts: list[str] = []
        for token in section.tokens:
            if token in codes:
                parts.append(codes[token])
            elif token[0] == "lit":
                parts.append(token[1].replace("%", "%%"))
            else:
                return None
        pattern = "".join(parts)
        distinct = set(values)
        if min(distinct).year < 1000:
            return None
        table = dict(zip(distinct, map(methodcaller("strftime", pattern), distinct), strict=True))
        return list(map(table.__getitem__, values))


def _literals(joined: str, before: str, after: str) -> str:
    """Texts joined by newlines with a format's literals around each; a minus sign goes
    before the literals in front ("-Nr 5", as spreadsheets show it)."""
    if before or after:
        joined = before + joined.replace("\n", after + "\n" + before) + after
        if "-" in joined and before:
            joined = re.sub("(?m)^" + re.escape(before) + "-", lambda _m: "-" + before, joined)
    return joined


def _digit_texts(scaled: Any, places: int, minimum: int, group: str, decimal: str) -> str:
    """Whole numbers (``scaled``: float64, each a value times 10**places, below 10**15 in
    magnitude) as texts with ``places`` decimals after ``decimal``, at least ``minimum``
    integer digits (zero-padded) and ``group`` between thousands ("" for none), joined by
    newlines: the digits ``format(x, ",.2f")`` writes for a value that has at most
    ``places`` decimals.

    Every value's characters are computed at once in a byte matrix (a row per value, a
    column per character place, NUL where a value has no character); one decode and a few
    ``replace`` make the texts: no Python call per cell.
    """
    import numpy as np

    count = len(scaled)
    magnitude = np.abs(scaled).astype(np.int64)
    digit_count = np.ones(count, dtype=np.int64)  # 1 for 0
    for power in range(1, 19):
        bigger = magnitude >= 10**power
        if not bigger.any():
            break
        digit_count += bigger
    # the digits a value shows: its own, at least one before the point, at least ``minimum``
    shown_count = np.maximum(digit_count, places + max(minimum, 1))
    width = int(shown_count.max()) if count else places + 1
    integer_width = width - places
    # the matrix's columns: sign, digits (a separator after each thousands place), point, newline
    digit_columns: list[int] = []
    separator_after: list[int] = []  # digit places followed by a thousands separator
    column = 1
    for place in range(width):
        if place == integer_width and places:
            column += 1  # the decimal separator
        digit_columns.append(column)
        column += 1
        integer_place = integer_width - 1 - place  # 0 for the units
        if group and integer_place > 0 and integer_place % 3 == 0:
            separator_after.append(place)
            column += 1
    matrix = np.zeros((count, column + 1), dtype=np.uint8)
    matrix[:, 0] = np.where(scaled < 0, 45, 0)  # the sign, right before the first digit
    shown = (np.arange(width)[None, :] >= (width - shown_count)[:, None]).view(np.uint8)
    digits = np.empty((count, width), dtype=np.uint8)
    rest = magnitude
    for place in range(width - 1, -1, -1):  # a scalar divisor: numpy's fast integer division
        quotient = rest // 10
        digits[:, place] = rest - quotient * 10
        rest = quotient
    digits += 48
    digits *= shown
    matrix[:, digit_columns] = digits
    if places:
        matrix[:, digit_columns[integer_width] - 1] = 2
    if separator_after:
        matrix[:, [digit_columns[place] + 1 for place in separator_after]] = shown[:, separator_after]
    matrix[:, column] = 10
    text = matrix.tobytes().decode("latin-1").replace("\0", "")[:-1]
    if group:
        text = text.replace("\x01", group)
    if places:
        text = text.replace("\x02", decimal)
    return text


_CACHE: dict[tuple[str, str], NumberFormat | None] = {}


def compiled(code: str, locale: Locale) -> NumberFormat | None:
    """The parsed format (cached per code and language), or None when it cannot be rendered."""
    key = (code, locale.language)
    if key not in _CACHE:
        try:
            _CACHE[key] = NumberFormat(code, locale)
        except (Unrenderable, ValueError, IndexError, StopIteration, OverflowError, ZeroDivisionError):
            _CACHE[key] = None
    return _CACHE[key]


def date_text_default(value: dt.date | dt.datetime, locale: Locale) -> str:
    """A date with no format of its own (CSV, a reader's guess): the locale's short date."""
    fmt = compiled(locale.short_date if not isinstance(value, dt.datetime) else locale.date_time, locale)
    assert fmt is not None
    return fmt.render(value)


Renderer = Callable[[Any], str]
