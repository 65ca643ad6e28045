"""``NumberFormat``: a parsed format code that renders one value, or a whole column at
once, as the sheet shows it; ``compiled`` caches one per code and language."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from fractions import Fraction
from itertools import repeat
from typing import Any

from .codes import Unrenderable, _classify, _Section, _split_sections, _tokenize
from .digits import (
    _digits,
    _place_decimals,
    _place_integer,
    general_number,
)
from .locales import Locale

_EPOCH = dt.datetime(1899, 12, 30)  # serial 0 (with Lotus' 29 February 1900 kept, as Excel does)


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
        kinds = set(map(type, values))  # once, for every fast way below
        if values and kinds in ({int}, {int, float}):
            values = list(map(float, values))  # an .xls gives whole numbers as int (RK records)
            kinds = {float}
        fast = self._fast_integers(values, kinds)
        if fast is None:
            fast = self._fast_fixed(values, kinds)
        if fast is None:
            fast = self._fast_dates(values, kinds)
        if fast is not None:
            return fast
        render = self.render
        if len(kinds) == 1:  # one type: the values themselves are the keys
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

    def _fast_integers(self, values: Sequence[Any], kinds: set[type]) -> list[str] | None:
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
        if kinds != {float}:
            return None
        import numpy as np

        array = np.array(values, dtype=np.float64)
        # non-negative whole numbers below 10**15 (a nan or an infinity is none of these)
        if not (array.min() >= 0 and array.max() < 1e15 and np.array_equal(np.floor(array), array)):
            return None
        return _digit_texts(array, 0, len(section.tokens), "", "").split("\n")


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

    def _fast_fixed(self, values: Sequence[Any], kinds: set[type]) -> list[str] | None:
        """Fixed decimals over a column of floats with C-level ``format``; only the values
        that sit exactly on a half (where Python rounds to even, spreadsheets away from
        zero) are rounded the spreadsheet's way, one by one."""
        pattern = self._fixed_pattern()
        if pattern is None or not values or kinds != {float}:
            return None
        before, after, places, grouping = pattern
        # beyond it a half-way point between two shown numbers may take 16 digits, which the
        # 15 significant digits a spreadsheet rounds to first cannot hold: the slow way
        bound = 10.0 ** (14 - places)
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
        # A spreadsheet rounds to 15 significant digits first, then half away from zero;
        # ``format`` rounds the exact binary value half to even. The two differ only where the
        # 15-digit text ends on a half ("2.675", or 100000000000.30469 read as …0.305): those
        # cells (and tiny ones, whose text has an exponent) are rounded one by one.
        fifteen = "\n".join(map(format, values, repeat(".15g"))) + "\n"
        if "n" in fifteen.replace("\n", ""):
            return None  # nan, inf: the general way
        ties = re.compile(r"\.\d{" + str(places) + r"}5\n|e")
        if ties.search(fifteen):
            for i, value in enumerate(values):
                if ties.search(format(value, ".15g") + "\n"):
                    whole, decimals = _digits(abs(value), places)
                    if grouping:
                        whole = f"{int(whole):,}"
                    texts[i] = ("-" if value < 0 else "") + whole + ("." + decimals if places else "")
        # the rest on the whole column at once: separators, "-0" kept as "-0", literals
        joined = "\n".join(texts)
        if locale.decimal != "." or locale.group != ",":
            joined = joined.translate(str.maketrans(",.", locale.group + locale.decimal))
        return _literals(joined, before, after).split("\n")

    def _fast_dates(self, values: Sequence[Any], kinds: set[type]) -> list[str] | None:
        """Day, month and year as digits ("dd.mm.yyyy", "yyyy-mm-dd") over ``date`` values:
        every date's digits computed at once from its ordinal (numpy), as ``strftime`` would
        write them (``_date_texts``)."""
        if len(self._sections) != 1 or not values or kinds != {dt.date}:
            return None
        section = self._sections[0]
        if section.kind != "date":
            return None
        parts: list[str | bytes] = []
        for token in section.tokens:
            if token in _DATE_PARTS:
                parts.append(token[1])
            elif token[0] == "lit" and "\n" not in token[1] and "\0" not in token[1]:
                parts.append(token[1].encode())
            else:
                return None
        if min(values).year < 1000:
            return None
        return _date_texts(values, parts)


_DATE_PARTS = {("date", "dd"), ("date", "mm"), ("date", "yyyy"), ("date", "yy")}


def _date_texts(values: Sequence[dt.date], parts: Sequence[str | bytes]) -> list[str]:
    """Dates (years 1000-9999) as texts made of ``parts``: "dd", "mm", "yyyy", "yy" (zero-
    padded digits) and literal bytes: no Python call per cell. Each day from the column's
    first to its last is written once (a column spans a few thousand days; a column that
    spans far more than it has cells is written date by date), as a row of a byte matrix;
    every cell then takes its day's row, and one decode makes the texts."""
    import numpy as np

    ordinals = np.fromiter(map(dt.date.toordinal, values), dtype=np.int64, count=len(values))
    first, last = int(ordinals.min()), int(ordinals.max())
    if last - first <= 2 * len(values) + 1000:
        matrix = _date_matrix(np.arange(first, last + 1, dtype=np.int64), parts)[ordinals - first]
    else:
        matrix = _date_matrix(ordinals, parts)
    text: str = matrix.tobytes().decode()
    return text[:-1].split("\n")


_PAIRS: Any = None


def _date_matrix(ordinals: Any, parts: Sequence[str | bytes]) -> Any:
    """A row of bytes per ordinal: its ``parts`` and a newline. The proleptic Gregorian day,
    month and year of every ordinal at once (H. Hinnant's ``civil_from_days``)."""
    import numpy as np

    global _PAIRS
    if _PAIRS is None:
        _PAIRS = np.array([[48 + n // 10, 48 + n % 10] for n in range(100)], dtype=np.uint8)
    days = ordinals + 305  # counted from 0000-03-01 (the ordinal of 0001-01-01 is 1)
    era = days // 146_097
    of_era = days - era * 146_097
    year_of_era = (of_era - of_era // 1460 + of_era // 36_524 - of_era // 146_096) // 365
    of_year = of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted = (5 * of_year + 2) // 153  # months from March
    day = of_year - (153 * shifted + 2) // 5 + 1
    month = np.where(shifted < 10, shifted + 3, shifted - 9)
    year = year_of_era + era * 400 + (month <= 2)
    pieces: list[Any] = []
    for part in parts:
        if isinstance(part, bytes):
            pieces.append(np.broadcast_to(np.frombuffer(part, dtype=np.uint8), (len(ordinals), len(part))))
        elif part == "yyyy":
            pieces += [_PAIRS[year // 100], _PAIRS[year % 100]]
        else:
            pieces.append(_PAIRS[{"dd": day, "mm": month, "yy": year % 100}[part]])
    pieces.append(np.full((len(ordinals), 1), 10, dtype=np.uint8))
    return np.concatenate(pieces, axis=1)


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
