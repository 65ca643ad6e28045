"""The template core against Python's own str.format, on generated templates.

Three claims, each checked on thousands of generated format strings (braces, escapes,
Polish letters, names with spaces, specs, conversions, nested fields, attribute and
index access, stray braces, CSS):

1. ``syntax.parse`` is str.format's parser: up to the first error it yields what
   ``string.Formatter().parse`` yields, and it fails where and how that fails.
2. ``render`` is str.format: same output, or both reject.
3. The checker is sound: whenever str.format rejects a template for some values, the
   checker reports an error (for the template, or for that recipient).

Deterministic (derandomize, no example database) so CI sees the same examples each run.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usosmail_gui.core.template import (
    Field,
    Literal,
    MessageTemplate,
    RenderError,
    check_row,
    compile_template,
    parse,
    render_part,
)
from usosmail_gui.core.template.syntax import formatter_items

SETTINGS = {
    "derandomize": True,
    "database": None,
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
}

NAMES = ["Imię", "Nazwisko", "Nr albumu", "x", "w", "ąę ść", "ŁÓDŹ", " x"]
ODD_NAMES = ["", "0", "1", "٣", "unknown", "imię", "a.b", "x ", "Nr  albumu"]
POLISH = "aąbcćeęlłnńoósśzźżAĄĘŁÓŚŹŻ "

ACCESSES = ["", ".upper", ".foo", "[0]", "[1]", "[x]", ".", "[", "]", "[0]x", "[}]"]
CONVERSIONS = ["", "!r", "!s", "!a", "!x", "!", "!rr", "!}"]
SPECS = [
    "",
    ":",
    ":>5",
    ":<3",
    ":^7",
    ":.2",
    ":.2f",
    ":d",
    ":s",
    ":x<4",
    ":=5",
    ":+",
    ":,",
    ":0>3",
    ":z",
    ":#",
    ": red",
    ":10",
    ":{w}",
    ":>{w}",
    ":{w}{x}",
    ":{}",
    ":{{",
    ":{{}}",
    ":{w:{x}}",
    ":{w!r}",
    ":{unknown}",
    ":.{w}",
    ":<{Imię}",
    ":{x}}",
    ":{",
    ":ą^3",
]
FIELDS = [
    "{" + name + access + conversion + spec + "}"
    for name in NAMES + ODD_NAMES
    for access in ACCESSES
    for conversion in CONVERSIONS
    for spec in SPECS
]
PLAIN_FIELDS = ["{" + name + "}" for name in NAMES + ODD_NAMES]
LITERALS = [
    "Dzień dobry ",
    "ą",
    "Łódź",
    "\n",
    " ",
    "zł.",
    "Szanowna Pani ",
    ":",
    "!",
    "<p>",
    "a.b",
    "'",
    '"',
    "100%",
    ";",
    "Zażółć gęślą jaźń",
    "0",
    "[",
    "]",
]
STRAYS = [
    "{{",
    "}}",
    "{",
    "}",
    "{ color: red; }",
    "p {color: red}",
    "}}}",
    "{{{",
    "<style>p {margin: 0}</style>",
]
GOOD_SPECS = ["", ":>5", ":<3", ":^7", ":.2", ":s", ":x<4", ":{w}", ":>{w}", ":.{w}", ":0>3", ":ą^4", ":"]
GOOD_FIELDS = ["{" + n + c + s + "}" for n in NAMES for c in ["", "!s", "!r", "!a"] for s in GOOD_SPECS]
# random specs and stray braces, made once with a fixed seed
_random = random.Random(4)
SOUP = ["".join(_random.choices("{}[]!:.ars0wx<>^.2fą ", k=_random.randint(1, 7))) for _ in range(4000)]
TEXTS = [
    "".join(_random.choices(POLISH + "\n.,:;-'\"0123456789", k=_random.randint(1, 12))) for _ in range(4000)
]
# A template is drawn as bytes, every 3 bytes picking one piece: hypothesis draws (and
# shrinks) a byte string far faster than a list of choices, which keeps 10,000 examples
# within seconds. The weights keep plain fields, text and stray braces common among the
# ~50,000 odd fields.
KNOWN_FIELDS = ["{" + name + "}" for name in NAMES]
PIECES = (
    FIELDS
    + GOOD_FIELDS * 150
    + KNOWN_FIELDS * 4000
    + PLAIN_FIELDS * 200
    + LITERALS * 1000
    + TEXTS * 5
    + STRAYS * 150
    + SOUP * 2
)


def join_pieces(data: bytes) -> str:
    return "".join(
        PIECES[int.from_bytes(data[i : i + 3], "big") % len(PIECES)] for i in range(0, len(data) - 2, 3)
    )


templates = st.binary(max_size=21).map(join_pieces)

VALUES = [
    "",
    "3",
    "10",
    "0",
    "-1",
    ">4",
    "abc",
    "d",
    ".1",
    "Jan",
    "Łukasz",
    "ą{}",
    "a\nb",
    "{x}",
    "}",
    "Zażółć",
    " ",
    "99",
    "Nowak-Kowalska",
    "Kowalski",
    "Informatyka",
]
FULL = dict.fromkeys(NAMES, "Jan")
FULL["w"] = "4"
PAIRS = [(n, v) for n in NAMES for v in VALUES]


def value_map(data: bytes) -> dict[str, str]:
    """First byte odd: start from a value for every name; then each byte sets one pair."""
    values = dict(FULL) if data[:1] and data[0] % 2 else {}
    values.update(PAIRS[b % len(PAIRS)] for b in data[1:])
    return values


value_maps = st.binary(max_size=9).map(value_map)


def outcome(fn: Callable[[], str]) -> tuple[bool, str | None]:
    try:
        return True, fn()
    except Exception:
        return False, None


def formatter_parse(text: str) -> tuple[list[tuple[str, str | None, str | None, str | None]], str | None]:
    items = []
    try:
        for item in string.Formatter().parse(text):
            items.append(item)
    except ValueError as exc:
        return items, str(exc)
    return items, None


# --- 1. the parser ----------------------------------------------------------------------


def check_parser_agrees(text: str) -> None:
    parsed = parse(text)
    error = parsed.error
    assert (formatter_items(parsed), error.message if error else None) == formatter_parse(text)
    # the segments tile the text, and each literal's source produces its text
    position = 0
    for segment in parsed.segments:
        assert segment.start == position
        position = segment.end
        source = text[segment.start : segment.end]
        if isinstance(segment, Literal) and not segment.broken:
            assert source == (segment.text + segment.text[-1] if segment.escape else segment.text)
        if isinstance(segment, Field):
            assert source[0] == "{" and source[-1] == "}"
            assert text[segment.name_start : segment.name_end] == segment.name
            assert text[segment.spec_start : segment.spec_end] == segment.spec
            if segment.conversion is not None:
                assert segment.conversion_start is not None
                assert (
                    text[segment.conversion_start - 1 : segment.conversion_start + 1]
                    == "!" + segment.conversion
                )
            if segment.expands_spec:  # the spec is parsed as str.format will parse it
                inner = parse(segment.spec)
                shifted = [
                    (type(s), s.start + segment.spec_start, s.end + segment.spec_start)
                    for s in inner.segments
                ]
                assert [(type(s), s.start, s.end) for s in segment.nested] == shifted
                nested_ok = inner.error is None and all(
                    not (isinstance(f, Field) and f.expands_spec) for f in inner.segments
                )
                in_spec = [i for i in parsed.issues if segment.spec_start <= i.offset < segment.spec_end]
                assert nested_ok == (not in_spec)
    assert position == len(text)


@settings(max_examples=3000, **SETTINGS)
@given(templates)
def test_parser_agrees_with_string_formatter_on_templates(text: str) -> None:
    check_parser_agrees(text)


@settings(max_examples=3000, **SETTINGS)
@given(st.text(alphabet="{}{}[]!:rsa.0 x", max_size=16))
def test_parser_agrees_with_string_formatter_on_brace_soup(text: str) -> None:
    check_parser_agrees(text)


# --- 2. rendering and 3. soundness ------------------------------------------------------


@settings(max_examples=6000, **SETTINGS)
@given(templates, value_maps)
def test_render_is_str_format_and_the_checker_sees_every_rejection(text: str, values: dict[str, str]) -> None:
    try:
        expected_ok, expected, failure = True, text.format(**values), None
    except Exception as exc:
        expected_ok, expected, failure = False, None, exc
    compiled = compile_template(MessageTemplate(subject="S", content=text), list(values))
    rejection: RenderError | None = None
    try:
        got_ok, got = True, render_part(compiled.content, values, row=2)
    except RenderError as exc:
        got_ok, got, rejection = False, None, exc
    assert (got_ok, got) == (expected_ok, expected)
    if rejection is not None:  # said with problems, with positions inside the text
        assert rejection.problems and all(p.is_error for p in rejection.problems)
        for problem in rejection.problems:
            assert problem.position is None or 0 <= problem.position.offset <= len(text)
    if not expected_ok:
        template_errors = [p for p in compiled.content.problems if p.is_error]
        row_errors = [p for p in check_row(compiled, values, 2) if p.is_error]
        assert template_errors or row_errors, "str.format rejects it, the checker saw nothing"
        if not isinstance(failure, KeyError):  # without a list, only unknown names go unseen
            blind = compile_template(MessageTemplate(subject="S", content=text), None)
            assert [p for p in blind.content.problems if p.is_error] or [
                p for p in check_row(blind, values, 2) if p.is_error
            ], "with no list loaded, the checker missed a rejection other than an unknown name"
    # every position the checker reports is inside the text
    for problem in compiled.content.problems:
        assert problem.position is not None and problem.position.end <= len(text)
