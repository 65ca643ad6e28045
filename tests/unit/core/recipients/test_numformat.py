"""Number format codes rendered as the spreadsheet shows them (core/recipients/numformat.py).

The cases come from the spreadsheet programs' own documentation of format codes:

- [MS] Microsoft Support, "Review guidelines for customizing a number format" (Excel),
  https://support.microsoft.com/office/c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5 — the tables
  "Display decimal places and significant digits", "Display thousands separators",
  "Specify dates and times" and their examples;
- [LO] LibreOffice Help, "Number Format Codes",
  https://help.libreoffice.org/latest/en-US/text/shared/01/05020301.html — "Decimal
  places and significant digits", "Thousands separator", "Conditional brackets",
  "Percentages and scientific notation", "Fractions", "Date and time formats";
- ECMA-376 Part 1, 18.8.30 (numFmt): the built-in formats.

Polish separators follow what Polish Excel and LibreOffice (pl-PL) show: a decimal comma
and a no-break space between thousands.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usosmail_gui.core.recipients.numformat import (
    BUILTIN_FORMATS,
    LOCALES,
    NumberFormat,
    Unrenderable,
    compiled,
    general_number,
    locale_for,
)

EN = LOCALES["en"]
PL = LOCALES["pl"]
NBSP = "\u00a0"


def en(code: str, value: object) -> str:
    return NumberFormat(code, EN).render(value)


def pl(code: str, value: object) -> str:
    return NumberFormat(code, PL).render(value)


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [
        # [MS] "Display decimal places and significant digits"
        ("####.#", 1234.59, "1234.6"),
        ("#.000", 8.9, "8.900"),
        ("0.#", 0.631, "0.6"),
        ("#.0#", 12, "12.0"),
        ("#.0#", 1234.568, "1234.57"),
        ("???.???", 44.398, " 44.398"),
        ("???.???", 102.65, "102.65 "),
        ("???.???", 2.8, "  2.8  "),
        # [LO] "Decimal places and significant digits"
        ("####.#", 3456.78, "3456.8"),
        ("#.000", 9.9, "9.900"),
        ("#.0#", 13, "13.0"),
        ("#.0#", 1234.567, "1234.57"),
        ("00.000", 1.5, "01.500"),
        # [MS] / [LO] "Display thousands separators" (and scaling by commas)
        ("#,###", 12000, "12,000"),
        ("#,", 12000, "12"),
        ("0.0,,", 12200000, "12.2"),
        ("#,###", 15000, "15,000"),
        ("#,", 16000, "16"),
        ("0.0,,", 16000000, "16.0"),
        # [LO] "Percentages and scientific notation"; ECMA built-ins 9-11
        ("0%", 0.8512, "85%"),
        ("0.00%", 0.8512, "85.12%"),
        ("0.00E+00", 12200000, "1.22E+07"),
        ("0.00E+00", 0.000123, "1.23E-04"),
        ("##0.0E+0", 12345.678, "12.3E+3"),
        # [LO] "Fractions"; ECMA built-ins 12, 13
        ("# ?/?", 1.25, "1 1/4"),
        ("# ??/??", 3.14159, "3 14/99"),
        ("?/8", 0.375, "3/8"),
        ("# ?/?", 2.0, "2    "),
        # sections: positive;negative;zero;text, and conditions [LO] "Conditional brackets"
        ("0;(0)", -5, "(5)"),
        ("0;(0)", 5, "5"),
        ('0;-0;"zero";@', 0, "zero"),
        ('0;-0;"zero";"text: "@', "abc", "text: abc"),
        ('[<0]"negative";[>0]"positive";"zero"', -3, "negative"),
        ('[<0]"negative";[>0]"positive";"zero"', 3, "positive"),
        ('[<0]"negative";[>0]"positive";"zero"', 0, "zero"),
        ("[Red]0.0;[Blue]-0.0", -2.25, "-2.3"),
        ("#,##0.00_);[Red](#,##0.00)", -1234.5, "(1,234.50)"),
        ("#,##0.00_);[Red](#,##0.00)", 1234.5, "1,234.50 "),
        # literal text, quotes, backslash, currency [MS] "Include text and add spacing"
        ('"Nr "0', 7, "Nr 7"),
        ('0.00 "zł"', 4.5, "4.50 zł"),
        ("\\$0.00", 4.5, "$4.50"),
        ("#,##0.00\\ [$€-407]", 1234.5, "1,234.50 €"),
        ("[$-415]0.00", 4.5, "4.50"),
        ("00-000", 30059, "30-059"),  # a Polish postal code
        ("@", "tekst", "tekst"),
        ('"<"@">"', "x", "<x>"),
        ("General", 0.1 + 0.2, "0.3"),
        ('"Nr "General', 12, "Nr 12"),
        # zero padding: album numbers and PESEL (issue 15)
        ("000000", 12345, "012345"),
        ("00000000000", 2211512345, "02211512345"),
        # rounding as spreadsheets do: 15 digits, then half away from zero
        ("0.00", 2.675, "2.68"),
        ("0.00", 0.125, "0.13"),
        ("0", 2.5, "3"),
        ("0", -2.5, "-3"),
    ],
)
def test_number_codes_render_as_documented(code: str, value: object, shown: str) -> None:
    assert en(code, value) == shown


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [
        # [MS] "Specify dates and times": m, mm, mmm, mmmm, mmmmm, d, dd, ddd, dddd, yy, yyyy
        ("m", dt.date(2024, 1, 5), "1"),
        ("mm", dt.date(2024, 1, 5), "01"),
        ("mmm", dt.date(2024, 1, 5), "Jan"),
        ("mmmm", dt.date(2024, 1, 5), "January"),
        ("mmmmm", dt.date(2024, 1, 5), "J"),
        ("d", dt.date(2024, 1, 5), "5"),
        ("dd", dt.date(2024, 1, 5), "05"),
        ("ddd", dt.date(2024, 1, 5), "Fri"),
        ("dddd", dt.date(2024, 1, 5), "Friday"),
        ("yy", dt.date(2024, 1, 5), "24"),
        ("yyyy", dt.date(2024, 1, 5), "2024"),
        # hours, minutes, seconds, AM/PM, elapsed time, fractions of a second
        ("h", dt.time(4, 36, 3), "4"),
        ("hh", dt.time(4, 36, 3), "04"),
        ("h:mm", dt.time(4, 36, 3), "4:36"),
        ("h:mm:ss", dt.time(4, 36, 3), "4:36:03"),
        ("h AM/PM", dt.time(4, 36, 3), "4 AM"),
        ("h:mm AM/PM", dt.time(16, 36, 3), "4:36 PM"),
        ("h:mm:ss A/P", dt.time(16, 36, 3), "4:36:03 P"),
        ("h:mm:ss.00", dt.time(16, 36, 3, 750000), "16:36:03.75"),
        ("[h]:mm", dt.timedelta(hours=25, minutes=2), "25:02"),
        ("[mm]:ss", dt.timedelta(minutes=63, seconds=46), "63:46"),
        ("[ss]", dt.timedelta(hours=1, minutes=2, seconds=15), "3735"),
        ("mm:ss", dt.time(0, 5, 9), "05:09"),
        # a date stored as its serial number (dates in spreadsheets are numbers)
        ("dd.mm.yyyy", 45460.0, "17.06.2024"),
        ("yyyy-mm-dd hh:mm", 45460.4375, "2024-06-17 10:30"),
        ("dd.mm.yyyy", dt.datetime(2024, 6, 17, 23, 59, 59, 600000), "18.06.2024"),  # seconds rounded
        ("d-mmm-yy", dt.date(2024, 6, 17), "17-Jun-24"),  # ECMA built-in 15
    ],
)
def test_date_codes_render_as_documented(code: str, value: object, shown: str) -> None:
    assert en(code, value) == shown


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [
        ("0.00", 4.5, "4,50"),
        ("#,##0.00", 1234.5, f"1{NBSP}234,50"),
        ("#,##0.00\\ [$zł-415]", 1234.5, f"1{NBSP}234,50 zł"),
        ('#,##0.00 "zł"', 1234.5, f"1{NBSP}234,50 zł"),
        ("0.00%", 0.8512, "85,12%"),
        ("0.00E+00", 12200000, "1,22E+07"),
        ("General", 4.5, "4,5"),
        ("d mmmm yyyy", dt.date(2024, 6, 17), "17 czerwca 2024"),  # genitive after a day
        ("mmmm yyyy", dt.date(2024, 6, 17), "czerwiec 2024"),
        ("dddd", dt.date(2024, 6, 17), "poniedziałek"),
        ("mmm", dt.date(2024, 10, 1), "X"),  # LibreOffice's Polish abbreviations: Roman numerals
        ("hh:mm:ss.00", dt.time(10, 30, 15, 500000), "10:30:15,50"),
    ],
)
def test_polish_separators_and_names(code: str, value: object, shown: str) -> None:
    assert pl(code, value) == shown


def test_booleans_and_general_follow_the_language() -> None:
    assert pl("General", True) == "PRAWDA"
    assert en("0.00", False) == "FALSE"
    # LibreOffice's "General" (measured with its CSV export "as shown")
    assert general_number(1e20, EN) == "1E+020"
    assert general_number(1e16, EN) == "1E+016"
    assert general_number(1.2345678901234568e17, EN) == "1.23456789012346E+017"
    assert general_number(1234567890123456.0, EN) == "1234567890123456"
    assert general_number(-0.0, EN) == "0"
    assert general_number(1234567.891, PL) == "1234567,891"
    assert general_number(2.5e-5, EN) == "0.000025"
    assert general_number(1.23456789e-8, EN) == "0.0000000123456789"
    assert general_number(0.00012345678901234, EN) == "0.00012345678901234"
    assert general_number(1e-10, EN) == "1E-10"
    assert general_number(5e-10, PL) == "5E-10"
    assert general_number(1.2345678901234e-9, EN) == "1.2345678901234E-09"
    assert general_number(1 / 3, EN) == "0.333333333333333"


def test_text_cells_go_through_the_text_section_only() -> None:
    assert en("0.00", "abc") == "abc"  # no text section: the text as it is
    assert en('"Mr "@', "Smith") == "Mr Smith"


@pytest.mark.parametrize("code", ["[DBNum1]0", "[$-F800]dddd, mmmm dd, yyyy", "[NatNum12 CARDINAL]0", "bbbb"])
def test_what_is_not_rendered_says_so(code: str) -> None:
    with pytest.raises(Unrenderable):
        NumberFormat(code, EN)
    assert compiled(code, EN) is None


def test_every_builtin_format_renders() -> None:
    for number, code in BUILTIN_FORMATS.items():
        assert compiled(code, EN) is not None, (number, code)
        assert compiled(code, PL) is not None, (number, code)


def test_a_column_renders_like_each_cell() -> None:
    fmt = NumberFormat("000000", EN)
    values = [float(v) for v in range(0, 3000, 7)]
    assert fmt.render_column(values) == [fmt.render(v) for v in values]
    mixed = [1.0, -2.0, 3.5, "x", True, dt.date(2024, 1, 1)]
    assert fmt.render_column(mixed) == [fmt.render(v) for v in mixed]
    money = NumberFormat("#,##0.00", PL)
    amounts = [1234.5, 1234.5, 0.125, -7.0]
    assert money.render_column(amounts) == [f"1{NBSP}234,50", f"1{NBSP}234,50", "0,13", "-7,00"]


def test_language_codes() -> None:
    assert locale_for("pl_PL") is PL
    assert locale_for("en-GB") is EN
    assert locale_for("de") is EN


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [*BUILTIN_FORMATS.values(), "000000", '#,##0.00 "zł"', "#,##0.00\\ [$zł-415]", "dd.mm.yyyy hh:mm",
         "[h]:mm:ss", '0.00;[Red]-0.00;"zero";"t: "@', "# ??/??", "0.0,,", "00-000", "[>=100]0;0.0"]
    ),
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**20), 10**20), st.text(max_size=5)
    ),
)
def test_any_value_renders_to_text_and_a_column_agrees(code: str, value: object) -> None:
    """A sheet may hold anything: rendering never raises (a load must not fail on a cell)."""
    for locale in (EN, PL):
        fmt = NumberFormat(code, locale)
        text = fmt.render(value)
        assert isinstance(text, str)
        column = [value, value, 1.0]
        assert fmt.render_column(column) == [fmt.render(v) for v in column]


def test_a_column_rounds_to_15_digits_first_like_each_cell() -> None:
    """Found by the property below: 100000000000.30469 is 100000000000.305 to 15 digits,
    which a spreadsheet rounds away from zero; the exact double would round down."""
    values = [100000000000.30469, 2.675, 0.00001, -1.005]
    fmt = NumberFormat("0.00", EN)
    assert fmt.render_column(values) == [fmt.render(v) for v in values]
    assert fmt.render_column(values) == ["100000000000.31", "2.68", "0.00", "-1.01"]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(
        ["0", "000000", "00000000000", "0.00", "0.0", "0.000", "#,##0", "#,##0.00", '#,##0.00 "zł"',
         '"Nr "0.00', "#,##0.0000", "0.00000", "#0.00"]
    ),
    st.lists(
        st.one_of(
            st.integers(-(10**12), 10**12).map(lambda n: n / 100),  # money, grades: the vectorised path
            st.integers(0, 10**14).map(float),
            st.floats(-1e13, 1e13, allow_nan=False),  # more decimals than shown: rounded one by one
            st.sampled_from([0.0, -0.0, 0.005, -0.005, 2.675, 1.005, 999.995, 0.1 + 0.2]),
        ),
        min_size=1,
        max_size=40,
    ),
)
def test_a_whole_column_of_numbers_renders_like_each_cell(code: str, values: list[float]) -> None:
    """The column paths (digits computed for the whole column at once) agree with the
    one-value renderer, cell for cell, in both languages."""
    for locale in (EN, PL):
        fmt = NumberFormat(code, locale)
        assert fmt.render_column(values) == [fmt.render(v) for v in values], (code, locale.language)
