"""The template parser against CPython's own, on a fixed list of tricky templates (issue 19).

tests/unit/core/template/test_property.py proves the same with generated templates (hypothesis,
tens of seconds); these cases are the quick, deterministic part that every run (and the
mutation run) has: the items and the first error are str.format's, and every piece's
offsets point at its own text, which is what the editor highlights."""

from __future__ import annotations

import string

import pytest

from usosmail_gui.core.template import Field, IssueKind, Literal, from_utf16_offset, parse, utf16_offset
from usosmail_gui.core.template.syntax import formatter_items

CASES = [
    "", "plain text", "{a}", "{a}{b}", "x{a}y", "{{", "}}", "{{}}", "{{a}}", "a{{b}}c{d}", "{{{a}}}",
    "{a!r}", "{a!s:>5}", "{a:>{w}}", "{a:{f}{w}}", "{a[0]}", "{a[}]}", "{a.b}", "{a[x:y]}", "{:>3}",
    "{}", "{0}{1}", "{a:}", "{a!}", "{a!r", "{a!rx}", "{a!r:", "{a", "{", "}", "a}b", "{a{b}}",
    "{a:{b:{c}}}", "{a:{{}}}", "{a:{b}", "{a[", "{a[0}", "{ą:>{ę}}", "Dzień dobry {Imię} {Nazwisko}!",
    "{a}}", "{{a}", "x}}y}", "{a:x{b}y{c}z}", "{a!s}", "{!r}", "{a:{}}", "{a\n}", "\n{\n", "{a:\n}",
    "{a:>{w}}{b", "}{", "{a!r}}", "{a:{b!r}}", "{a:{b:}}", "{a:{b[0]}}", "{a:{[}", "😀{a}😀", "{a!}}",
]


def cpython(text: str) -> tuple[list[tuple[str, str | None, str | None, str | None]], str | None]:
    items = []
    try:
        for item in string.Formatter().parse(text):
            items.append(item)
    except ValueError as exc:
        return items, str(exc)
    return items, None


@pytest.mark.parametrize("text", CASES)
def test_the_parser_reads_each_template_as_str_format_does(text: str) -> None:
    parsed = parse(text)
    items, error = cpython(text)
    assert formatter_items(parsed) == items
    top_error = parsed.error
    assert (top_error.message if top_error else None) == error


@pytest.mark.parametrize("text", CASES)
def test_the_pieces_tile_the_text_and_point_at_their_own_source(text: str) -> None:
    parsed = parse(text)
    position = 0
    for segment in parsed.segments:
        assert segment.start == position
        position = segment.end
        source = text[segment.start : segment.end]
        if isinstance(segment, Literal):
            if segment.escape:
                assert source == segment.text + segment.text[-1]
            elif not segment.broken:
                assert source == segment.text
            assert segment.text == source[: len(segment.text)]
        else:
            check_field(text, segment)
    assert position == len(text)
    assert [i.offset for i in parsed.issues] == sorted(i.offset for i in parsed.issues)
    assert parsed.ok == (not parsed.issues)
    assert 0 <= parsed.valid_segments <= len(parsed.segments)


def check_field(text: str, field: Field) -> None:
    assert text[field.start] == "{" and text[field.end - 1] == "}"
    assert text[field.name_start : field.name_end] == field.name
    assert text[field.spec_start : field.spec_end] == field.spec
    if field.conversion is not None:
        assert field.conversion_start is not None and text[field.conversion_start] == field.conversion
        assert text[field.conversion_start - 1] == "!"
    if field.spec:
        assert text[field.spec_start - 1] == ":"
    assert field.expands_spec == ("{" in field.spec)
    if field.nested:
        assert field.nested[0].start == field.spec_start and field.nested[-1].end == field.spec_end
        for inner in field.nested_fields():
            assert inner.depth == field.depth + 1
            check_field(text, inner)


def test_what_each_issue_marks() -> None:
    cases = {
        "ab}cd": (IssueKind.SINGLE_CLOSE, 2, 1),
        "ab{": (IssueKind.SINGLE_OPEN, 2, 1),
        "x{ab": (IssueKind.UNCLOSED_FIELD, 1, 1),
        "x{a{b}": (IssueKind.BRACE_IN_NAME, 1, 1),
        "x{a!": (IssueKind.CONVERSION_AT_END, 3, 1),
        "x{a!rx}": (IssueKind.CONVERSION_NOT_CLOSED, 1, 5),
        "x{a:{b}": (IssueKind.UNCLOSED_SPEC, 1, 1),
        "x{a[0}": (IssueKind.UNCLOSED_FIELD, 1, 1),
    }
    for text, (kind, offset, length) in cases.items():
        issue = parse(text).issues[0]
        assert (issue.kind, issue.offset, issue.length, issue.depth) == (kind, offset, length, 0), text
        assert issue.field_start == (None if kind in (IssueKind.SINGLE_CLOSE, IssueKind.SINGLE_OPEN) else 1)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a {xy", IssueKind.UNCLOSED_FIELD),
        ("a {x{Imię} b", IssueKind.BRACE_IN_NAME),
        ("a {x[y", IssueKind.UNCLOSED_FIELD),
        ("a {x!ry", IssueKind.CONVERSION_NOT_CLOSED),
        ("a {x:y", IssueKind.UNCLOSED_SPEC),
    ],
)
def test_after_a_broken_brace_the_text_goes_on_from_the_next_character(text: str, kind: IssueKind) -> None:
    """Only the "{" is marked broken (the preview shows the rest as text, or as placeholders)."""
    parsed = parse(text)
    assert [i.kind for i in parsed.issues] == [kind]
    broken = [s for s in parsed.segments if isinstance(s, Literal) and s.broken]
    assert [(s.start, s.end, s.text) for s in broken] == [(2, 3, "{")]
    assert [f.name for f in parsed.fields()] == (["Imię"] if "Imię" in text else [])


def test_a_field_inside_a_format_is_read_within_that_format_only() -> None:
    """The "}" that closes the outer placeholder does not close a field left open in its format."""
    parsed = parse("{Imię:{x[}]}}")
    assert [(i.kind, i.offset, i.depth) for i in parsed.issues] == [
        (IssueKind.UNCLOSED_FIELD, 6, 1), (IssueKind.SINGLE_CLOSE, 9, 1), (IssueKind.SINGLE_CLOSE, 12, 0),
    ]
    assert [f.name for f in parsed.fields()] == ["Imię"]


def test_a_bracket_earlier_in_the_text_does_not_close_a_placeholders_index() -> None:
    parsed = parse("Oceny [5] i {Imię[0]}")
    assert parsed.issues == ()
    assert [f.name for f in parsed.fields()] == ["Imię[0]"]


def test_an_index_ends_at_its_own_bracket() -> None:
    parsed = parse("{Imię[0]} i {Rok[1]}")
    assert parsed.issues == ()
    assert [f.name for f in parsed.fields()] == ["Imię[0]", "Rok[1]"]


def test_an_unclosed_conversion_after_a_stray_brace_is_found_once() -> None:
    parsed = parse("Ocena} {Imię!rx}")
    assert [(i.kind, i.offset) for i in parsed.issues] == [
        (IssueKind.SINGLE_CLOSE, 5), (IssueKind.CONVERSION_NOT_CLOSED, 7),
    ]


@pytest.mark.parametrize("text", ["{Imię!rx} i {Rok}", "{Imię!}x} i {Rok}"])
def test_an_unclosed_conversion_is_broken_up_to_its_own_brace_only(text: str) -> None:
    """The broken piece ends at the first "}" after the conversion; what follows is read again."""
    parsed = parse(text)
    assert [(i.kind, i.offset, i.length) for i in parsed.issues] == [(IssueKind.CONVERSION_NOT_CLOSED, 0, 8)]
    broken = [s for s in parsed.segments if isinstance(s, Literal) and s.broken]
    assert [(s.start, s.end) for s in broken] == [(0, 9)]
    assert [f.name for f in parsed.fields()] == ["Rok"]


def test_a_field_with_a_plain_format_inside_a_format_is_not_too_deep() -> None:
    """"{Imię:{Rok:>2}}" is one level of nesting, which str.format parses (whether the filled-in
    format then works depends on the row's values)."""
    parsed = parse("{Imię:{Rok:>2}}")
    assert parsed.issues == ()
    assert [f.name for f in parsed.fields()] == ["Imię", "Rok"]


def test_text_after_the_first_error_does_not_hide_it() -> None:
    parsed = parse("a } b")
    assert parsed.valid_segments == 1
    assert parsed.error is not None and parsed.error.kind is IssueKind.SINGLE_CLOSE


def test_a_too_deep_format_names_the_field_it_is_in() -> None:
    [issue] = parse("{a:{b:{c}}}").issues
    assert (issue.kind, issue.offset, issue.field_start) == (IssueKind.TOO_DEEP, 3, 3)


def test_every_issue_is_found_not_only_the_first() -> None:
    parsed = parse("} {a {b!x} {c:{d:{e}}} {")
    assert [(i.kind, i.offset, i.depth) for i in parsed.issues] == [
        (IssueKind.SINGLE_CLOSE, 0, 0), (IssueKind.BRACE_IN_NAME, 2, 0), (IssueKind.TOO_DEEP, 14, 1),
        (IssueKind.SINGLE_OPEN, 23, 0),
    ]
    assert parsed.error is not None and parsed.error.kind is IssueKind.SINGLE_CLOSE
    assert parsed.valid_segments == 0


def test_a_spec_nested_two_levels_is_too_deep_as_str_format_says_when_rendering() -> None:
    parsed = parse("{a:{b:{c}}}")
    (issue,) = parsed.issues
    assert (issue.kind, issue.depth, issue.offset, issue.length) == (IssueKind.TOO_DEEP, 1, 3, 7)
    assert parsed.error is None  # parsing succeeds; rendering fails
    too_deep = "{a:{b:{c}}}"
    with pytest.raises(ValueError, match="Max string recursion exceeded"):
        too_deep.format(a="x", b="y", c="z")


def test_a_bad_spec_field_is_an_issue_of_depth_one() -> None:
    parsed = parse("{a:{b}}}")
    assert [(i.kind, i.depth) for i in parsed.issues] == [(IssueKind.SINGLE_CLOSE, 0)]
    inner = parse("{a:x}y}")
    assert [(i.kind, i.depth, i.offset) for i in inner.issues] == [(IssueKind.SINGLE_CLOSE, 0, 6)]
    nested = parse("{a:{b}}}")
    assert list(nested.fields())[1].name == "b"
    spec_issue = parse("{a:{b!xy}}")
    found = [(i.kind, i.depth, i.offset) for i in spec_issue.issues]
    assert found == [(IssueKind.CONVERSION_NOT_CLOSED, 1, 3)]


def test_top_fields_leave_out_the_fields_of_specs() -> None:
    parsed = parse("{a:{w}} {b}")
    assert [f.name for f in parsed.top_fields()] == ["a", "b"]
    assert [f.name for f in parsed.fields()] == ["a", "w", "b"]


@pytest.mark.parametrize(
    ("text", "offset", "units"),
    [("abc", 2, 2), ("ąbc", 2, 2), ("😀a", 1, 2), ("😀a", 2, 3), ("a😀😀b", 3, 5), ("😀", 0, 0),
     ("😀", -1, -1)],
)
def test_offsets_in_qt_units(text: str, offset: int, units: int) -> None:
    assert utf16_offset(text, offset) == units
    assert from_utf16_offset(text, units) == offset


def test_a_qt_position_inside_a_surrogate_pair_falls_before_the_character() -> None:
    assert from_utf16_offset("a😀b", 2) == 1
    assert from_utf16_offset("a😀b", 3) == 2
    assert from_utf16_offset("😀a", 1) == 0


def test_qt_offsets_are_whole_numbers() -> None:  # Qt's setPosition refuses a float
    assert type(utf16_offset("😀a😀", 3)) is int and type(from_utf16_offset("😀a😀", 3)) is int
