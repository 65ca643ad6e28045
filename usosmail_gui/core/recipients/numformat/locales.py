"""What a format code's output depends on besides the code: the app's language
(separators, month and day names, the short date), and the built-in format numbers."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BUILTIN_FORMATS", "LOCALES", "NBSP", "Locale", "builtin_code", "locale_for"]

NBSP = "\u00a0"


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
