"""Numbers as the digits a format shows: rounding as spreadsheets round, grouping, the
"General" format, and placing digits into a code's placeholders."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from .codes import Token
from .locales import Locale


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
