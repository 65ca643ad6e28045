"""Parsing with positions, placeholders for highlighting, and rendering one recipient."""

from __future__ import annotations

import pytest

from usosmail_gui.core.problems import Problem, TextPosition
from usosmail_gui.core.template import (
    Code,
    ContentFormat,
    Field,
    IssueKind,
    Lang,
    Literal,
    MessageTemplate,
    Part,
    PieceKind,
    RenderError,
    compile_template,
    from_utf16_offset,
    parse,
    render,
    render_part,
    render_pieces,
    utf16_offset,
)
from usosmail_gui.core.template.compiler import CompiledTemplate, FieldGroup
from usosmail_gui.core.template.render import render_group

COLUMNS = ["Imię", "Nazwisko", "Nr albumu", "E-mail", "Kierunek", "Rok"]
VALUES = {
    "Imię": "Łucja",
    "Nazwisko": "Żółkiewska",
    "Nr albumu": "012345",
    "E-mail": "l@x.pl",
    "Kierunek": "Fizyka",
    "Rok": "3",
}


def test_parse_gives_every_piece_with_its_offsets() -> None:
    text = "Dzień {{dobry}} {Imię}, nr {Nr albumu!s:>8}"
    parsed = parse(text)
    assert parsed.ok and parsed.error is None
    kinds = [(type(s).__name__, s.start, s.end) for s in parsed.segments]
    assert kinds == [
        ("Literal", 0, 8),  # "Dzień {{" → "Dzień {"
        ("Literal", 8, 15),  # "dobry}}" → "dobry}"
        ("Literal", 15, 16),
        ("Field", 16, 22),
        ("Literal", 22, 27),
        ("Field", 27, 43),
    ]
    first = parsed.segments[0]
    assert isinstance(first, Literal) and first.text == "Dzień {" and first.escape
    field = parsed.segments[5]
    assert isinstance(field, Field)
    assert (field.name, field.conversion, field.spec) == ("Nr albumu", "s", ">8")
    assert text[field.name_start : field.name_end] == "Nr albumu"
    assert text[field.spec_start : field.spec_end] == ">8"
    assert field.conversion_start == text.index("!s") + 1


def test_nested_fields_in_a_spec_have_absolute_offsets() -> None:
    text = "x{Imię:>{Rok}}"
    (field,) = parse(text).top_fields()
    (inner,) = field.nested_fields()
    assert text[inner.start : inner.end] == "{Rok}" and inner.depth == 1
    assert [f.name for f in parse(text).fields()] == ["Imię", "Rok"]


def test_after_an_error_parsing_goes_on() -> None:
    parsed = parse("a } {Imię} { {Rok}")
    assert [i.kind for i in parsed.issues] == [IssueKind.SINGLE_CLOSE, IssueKind.BRACE_IN_NAME]
    assert parsed.error is not None and parsed.error.offset == 2
    assert [f.name for f in parsed.fields()] == ["Imię", "Rok"]
    assert parsed.valid_segments == 1  # str.format gets no further than "a "


def test_placeholders_for_highlighting() -> None:
    compiled = compile_template(
        MessageTemplate("Dla {Imię}", "{Imie} {Nr albumu:>{Rok}} {Imię.upper}"), COLUMNS
    )
    found = [(p.part, p.name, p.start, p.end, p.known, p.nested) for p in compiled.placeholders]
    assert found == [
        (Part.SUBJECT, "Imię", 4, 10, True, False),
        (Part.CONTENT, "Imie", 0, 6, False, False),
        (Part.CONTENT, "Nr albumu", 7, 25, True, False),
        (Part.CONTENT, "Rok", 19, 24, True, True),
        (Part.CONTENT, "Imię", 26, 38, True, False),
    ]
    attribute = compiled.placeholders[-1]
    assert (attribute.name_start, attribute.name_end) == (27, 31)  # just "Imię", not ".upper"
    assert compiled.used_columns == ("Imię", "Nr albumu", "Rok")


def test_utf16_offsets_for_qt() -> None:
    text = "a😀b{Imię}"
    assert utf16_offset(text, 3) == 4 and from_utf16_offset(text, 4) == 3
    assert utf16_offset("Łódź", 2) == 2 and from_utf16_offset("Łódź", 2) == 2


@pytest.mark.parametrize(
    "content",
    [
        "Szanowna Pani {Imię} {Nazwisko},\nnr albumu {Nr albumu}.",
        "CSS: p {{ color: red; }} {Imię}",
        "{Imię:>10}|{Imię:*^12}|{Imię:.3}|{Rok:0>4}",
        "{Imię!r} {Imię!a} {Imię!s}",
        "{Imię:>{Rok}}|{Nazwisko:{Rok}}",
        "{Imię.upper}",  # str.format prints Python internals: the preview shows what would be sent
        "",
    ],
)
def test_render_is_str_format(content: str) -> None:
    compiled = compile_template(MessageTemplate("Temat {Imię}", content, ContentFormat.HTML), COLUMNS)
    message = render(compiled, VALUES)
    assert message.subject == "Temat Łucja"
    assert message.content == content.format(**VALUES)
    assert message.content_format is ContentFormat.HTML


@pytest.mark.parametrize(
    ("content", "code", "offset"),
    [
        ("Dzień {Imie}", Code.UNKNOWN_PLACEHOLDER, 6),
        ("a } b", Code.UNMATCHED_CLOSE_BRACE, 2),
        ("{Rok:.2f}", Code.FORMAT_SPEC_INVALID, 0),
        ("{Imię!x}", Code.CONVERSION_UNKNOWN, 0),
        ("{0}", Code.POSITIONAL_PLACEHOLDER, 0),
    ],
)
def test_render_error_says_where(content: str, code: str, offset: int) -> None:
    compiled = compile_template(MessageTemplate("s", content), COLUMNS)
    with pytest.raises(RenderError) as caught:
        render(compiled, VALUES)
    problem = caught.value.problems[0]
    assert problem.code == code and problem.position is not None and problem.position.offset == offset
    with pytest.raises((ValueError, KeyError, IndexError)):
        content.format(**VALUES)


def test_a_format_from_the_row_fails_only_for_that_row() -> None:
    compiled = compile_template(MessageTemplate("s", "[{Imię:>{Rok}}]"), COLUMNS)
    assert render(compiled, VALUES).content == "[Łucja]"
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, {**VALUES, "Rok": "x"}, row=9)
    problem = caught.value.problems[0]
    assert (problem.code, problem.row) == (Code.FORMAT_SPEC_INVALID, 9)


def test_huge_widths_are_refused_not_built() -> None:
    compiled = compile_template(MessageTemplate("s", "{Imię:>{Rok}}"), COLUMNS)
    with pytest.raises(RenderError):
        render(compiled, {**VALUES, "Rok": "999999999999"})


def test_render_pieces_mark_values_and_broken_places() -> None:
    compiled = compile_template(MessageTemplate("s", "Hej {Imię}, {Imie} }"), COLUMNS)
    pieces = render_pieces(compiled.content, VALUES)
    assert [(p.text, p.kind) for p in pieces] == [
        ("Hej ", PieceKind.TEXT),
        ("Łucja", PieceKind.VALUE),
        (", ", PieceKind.TEXT),
        ("{Imie}", PieceKind.BROKEN),
        (" ", PieceKind.TEXT),
        ("}", PieceKind.BROKEN),
    ]


def test_render_pieces_join_to_the_rendered_text() -> None:
    content = "Dzień {{x}} {Imię:>{Rok}} {Nazwisko!r}\n{Nr albumu}"
    compiled = compile_template(MessageTemplate("s", content), COLUMNS)
    pieces = render_pieces(compiled.content, VALUES)
    assert "".join(p.text for p in pieces) == render(compiled, VALUES).content == content.format(**VALUES)


def test_the_rendered_message_as_cli_json() -> None:
    template = MessageTemplate("T {Imię}", "<p>{Nazwisko}</p>", ContentFormat.HTML, "Dziekanat", lang=Lang.EN)
    message = render(compile_template(template, COLUMNS), VALUES)
    assert message.to_json(5, ["l@x.pl"]) == {
        "row": 5,
        "to": ["l@x.pl"],
        "subject": "T Łucja",
        "content": "<p>Żółkiewska</p>",
        "content_format": "html",
    }
    assert message.sender.from_name == "Dziekanat" and message.sender.from_email is None
    assert message.sender.lang is Lang.EN


def test_render_accepts_any_mapping() -> None:
    from types import MappingProxyType

    compiled = compile_template(MessageTemplate("{Imię}", "x"), COLUMNS)
    assert render(compiled, MappingProxyType(VALUES)).subject == "Łucja"


def test_15000_character_content_renders_fast() -> None:
    import time

    content = "Szanowni Państwo, {Imię} {Nazwisko} — nr albumu {Nr albumu}.\n" * 230  # ~14,000 characters
    compiled = compile_template(MessageTemplate("s", content), COLUMNS)
    render(compiled, VALUES)
    started = time.perf_counter()
    for _ in range(100):
        render(compiled, VALUES)
    assert (time.perf_counter() - started) / 100 < 0.005  # well under 1 ms on a desktop; generous for CI


# --- what a problem found while rendering says, and where it points (issue 19) -----------------
def _group(compiled: CompiledTemplate, source: str) -> FieldGroup:
    return next(g for g in compiled.content.groups if g.source == source)


def test_a_filled_in_format_that_fails_points_at_its_placeholder_with_the_row() -> None:
    compiled = compile_template(MessageTemplate("s", "Hej\n  {Imię:>{Rok}} i {Nazwisko}"), COLUMNS)
    values = {**VALUES, "Rok": "x"}
    failed = render_group(compiled.content, _group(compiled, "{Imię:>{Rok}}"), values, 7)
    assert isinstance(failed, Problem)
    assert (failed.code, failed.row) == (Code.FORMAT_SPEC_INVALID, 7)
    assert failed.position == TextPosition("content", 6, 13, 2, 3)
    assert failed.message == (
        "For this recipient the format of {Imię:>{Rok}}, filled in, is not valid (Unknown format code 'x' "
        "for object of type 'str'). Correct the values it uses, or remove the format."
    )
    assert failed.args == {
        "source": "{Imię:>{Rok}}",
        "spec": ">{Rok}",
        "detail": "Unknown format code 'x' for object of type 'str'",
    }
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, values, row=7)
    assert caught.value.problems == (failed,)
    assert render_group(compiled.content, _group(compiled, "{Nazwisko}"), values, 7) == "Żółkiewska"


def test_a_filled_in_format_that_fails_keeps_the_format_as_written() -> None:
    """The problem names the format as the template writes it (":>{Rok}"), not as filled in."""
    compiled = compile_template(MessageTemplate("s", "Hej {Imię:>{Rok}}"), COLUMNS)
    values = {**VALUES, "Rok": "x"}
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, values, row=7)
    assert caught.value.problems[0].args["spec"] == ">{Rok}"
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, values)  # the preview of a template, no row
    [problem] = caught.value.problems
    assert problem.message.startswith("The format “:>{Rok}” in {Imię:>{Rok}} does not work on text")


def test_a_render_failure_lists_the_errors_there_not_the_warnings() -> None:
    compiled = compile_template(MessageTemplate("s", "Hej {Imię!r:zz}"), COLUMNS)
    assert {p.code for p in compiled.problems} == {Code.FORMAT_SPEC_INVALID, Code.CONVERSION_REPR}
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, VALUES, row=3)
    assert [p.code for p in caught.value.problems] == [Code.FORMAT_SPEC_INVALID]


def test_every_error_inside_a_broken_placeholder_is_shown() -> None:
    """A control character inside a placeholder that is never closed: both are shown where
    the text breaks, the second although it starts after the broken placeholder does."""
    compiled = compile_template(MessageTemplate("s", "Dzień dobry {Imię!r\x01"), COLUMNS)
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, VALUES)
    assert [(p.code, p.position.offset if p.position else None) for p in caught.value.problems] == [
        (Code.INVALID_PLACEHOLDER, 12),
        (Code.CONTROL_CHARACTER, 19),
    ]


def test_a_width_too_big_is_the_problem_shown_before_a_later_failing_format() -> None:
    compiled = compile_template(MessageTemplate("s", "{Imię:>200000} {Rok:zz}"), COLUMNS)
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, VALUES, row=2)
    [problem] = caught.value.problems
    assert problem.position is not None and problem.position.offset == 0
    assert "pads the value to more characters than any message may have" in problem.message


def test_a_filled_in_width_too_big_is_refused_with_the_width_it_came_to() -> None:
    compiled = compile_template(MessageTemplate("s", "Hej\n  {Imię:>{Rok}}"), COLUMNS)
    values = {**VALUES, "Rok": "99999999"}
    failed = render_group(compiled.content, _group(compiled, "{Imię:>{Rok}}"), values, 7)
    assert isinstance(failed, Problem)
    assert failed.position == TextPosition("content", 6, 13, 2, 3) and failed.row == 7
    assert failed.message.startswith("For this recipient the format of {Imię:>{Rok}} pads the value to more")
    assert failed.args == {"source": "{Imię:>{Rok}}", "spec": ">99999999", "detail": "too wide"}
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, values, row=7)
    assert caught.value.problems == (failed,)
    assert caught.value.problems[0].args["spec"] == ">99999999"


def test_a_missing_value_names_the_column_and_points_at_its_placeholder() -> None:
    compiled = compile_template(MessageTemplate("s", "Hej\n  {Imię:>{Rok}} i {Nazwisko}"), COLUMNS)
    values = {k: v for k, v in VALUES.items() if k != "Nazwisko"}
    failed = render_group(compiled.content, _group(compiled, "{Nazwisko}"), values, 7)
    assert failed == render_group(
        compiled.content,
        _group(compiled, "{Nazwisko}"),
        values,
        7,
        TextPosition("content", 22, 10, 2, 19),
    )
    assert isinstance(failed, Problem)
    assert (failed.code, failed.row, failed.position) == (
        Code.RENDER_FAILED,
        7,
        TextPosition("content", 22, 10, 2, 19),
    )
    assert failed.message == (
        "The message cannot be put together for this recipient (no value for 'Nazwisko'). "
        "Check the template and the row."
    )
    assert failed.args == {"detail": "no value for 'Nazwisko'"}


def test_a_value_missing_from_a_format_names_it_when_the_template_has_no_list() -> None:
    compiled = compile_template(MessageTemplate("s", "x {Imię:>{Brak}} y"), None)
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, VALUES, row=4)
    [problem] = caught.value.problems
    assert (problem.code, problem.row, problem.position) == (
        Code.RENDER_FAILED,
        4,
        TextPosition("content", 2, 14, 1, 3),
    )
    assert "(no value for 'Brak')" in problem.message


def test_a_text_that_cannot_be_parsed_shows_the_problems_at_the_broken_place_only() -> None:
    # "}" right after an unknown placeholder, another unknown placeholder further on: the
    # problem at the stray brace is the one that stops rendering
    compiled = compile_template(MessageTemplate("s", "{Imie}} {Nazwsko}"), COLUMNS)
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, VALUES)
    assert [(p.code, p.position.offset if p.position else None) for p in caught.value.problems] == [
        (Code.UNMATCHED_CLOSE_BRACE, 6)
    ]
    compiled = compile_template(MessageTemplate("s", "}{Imie}"), COLUMNS)
    with pytest.raises(RenderError) as caught:
        render_part(compiled.content, VALUES)
    assert [p.code for p in caught.value.problems] == [Code.UNMATCHED_CLOSE_BRACE]


def test_preview_pieces_know_where_each_came_from() -> None:
    compiled = compile_template(MessageTemplate("s", "Hej\n  {Imię:>{Rok}} i {Nazwisko} {Imie} }"), COLUMNS)
    pieces = render_pieces(compiled.content, {**VALUES, "Rok": "x"})
    assert [(p.text, p.start, p.end, p.kind) for p in pieces] == [
        ("Hej\n  ", 0, 6, PieceKind.TEXT),
        ("{Imię:>{Rok}}", 6, 19, PieceKind.BROKEN),
        (" i ", 19, 22, PieceKind.TEXT),
        ("Żółkiewska", 22, 32, PieceKind.VALUE),
        (" ", 32, 33, PieceKind.TEXT),
        ("{Imie}", 33, 39, PieceKind.BROKEN),
        (" ", 39, 40, PieceKind.TEXT),
        ("}", 40, 41, PieceKind.BROKEN),
    ]
    wide = render_pieces(compiled.content, {**VALUES, "Rok": "99999999"})
    assert (wide[1].text, wide[1].kind) == ("{Imię:>{Rok}}", PieceKind.BROKEN)
    assert (render_pieces(compiled.content, VALUES)[1].text) == "Łucja"


def test_a_subject_that_fails_for_a_recipient_names_the_row() -> None:
    compiled = compile_template(MessageTemplate("Decyzja {Imię:>{Rok}}", "Treść"), COLUMNS)
    with pytest.raises(RenderError) as caught:
        render(compiled, {**VALUES, "Rok": "x"}, row=12)
    [problem] = caught.value.problems
    assert (problem.code, problem.row) == (Code.FORMAT_SPEC_INVALID, 12)
    assert problem.position is not None and problem.position.part == "subject"
    assert problem.message.startswith("For this recipient the format of {Imię:>{Rok}}, filled in, is not")
