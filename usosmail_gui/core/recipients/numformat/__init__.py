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

from .codes import Unrenderable
from .digits import general_number
from .locales import BUILTIN_FORMATS, LOCALES, NBSP, Locale, builtin_code, locale_for
from .number_format import NumberFormat, Renderer, compiled, date_text_default

__all__ = [
    "BUILTIN_FORMATS",
    "LOCALES",
    "NBSP",
    "Locale",
    "NumberFormat",
    "Renderer",
    "Unrenderable",
    "builtin_code",
    "compiled",
    "date_text_default",
    "general_number",
    "locale_for",
]
