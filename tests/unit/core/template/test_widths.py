"""The format-spec width limit at its boundary (issue 19).

``{x:>N}`` pads a value to N characters. CPython accepts N = 50,000,000 (a 50 MB message,
built in a fraction of a second), so the app's own limit (``specs.MAX_WIDTH``) is what
refuses it, in the template and when a row supplies the width; a test with a width CPython
itself cannot allocate would pass without the limit."""

from __future__ import annotations

import pytest

from usosmail_gui.core.problems import Problem
from usosmail_gui.core.template import Code, MessageTemplate, RenderError, check_row, compile_template, render
from usosmail_gui.core.template.specs import MAX_WIDTH, spec_error, too_wide

COLUMNS = ["Imię", "Szerokość"]
VALUES = {"Imię": "Łucja", "Szerokość": "3"}
HUGE = 50_000_000


def test_cpython_itself_accepts_the_huge_width_the_app_refuses() -> None:
    assert len(format("", f">{HUGE}")) == HUGE  # so only the app's limit stands in the way


@pytest.mark.parametrize(
    "spec",
    [f">{HUGE}", f"{HUGE}", f"*^{HUGE}", f"0{HUGE}", f"<0{HUGE}", f"{MAX_WIDTH + 1}", f"x>{MAX_WIDTH + 1}",
     "1234567890", "0000000000001", f"\n>{HUGE}", f"{{>{HUGE}"],
)
def test_widths_over_the_limit_are_too_wide(spec: str) -> None:
    assert too_wide(spec)
    assert spec_error(spec) == "too wide"


@pytest.mark.parametrize(
    "spec", ["", ">8", f">{MAX_WIDTH}", f"{MAX_WIDTH}", f".{HUGE}", f"<.{HUGE}", "s", "^"],
)
def test_widths_up_to_the_limit_and_precisions_are_not(spec: str) -> None:
    assert not too_wide(spec)


def test_spec_errors_are_pythons_own_words() -> None:
    assert spec_error(">8") is None
    assert spec_error("d") == "Unknown format code 'd' for object of type 'str'"
    assert spec_error("+") == "Sign not allowed in string format specifier"


def test_a_template_padding_to_50_million_characters_is_refused_before_anything_is_built() -> None:
    compiled = compile_template(MessageTemplate("s", f"[{{Imię:>{HUGE}}}]"), COLUMNS)
    assert compiled.blocks
    assert [p.code for p in compiled.problems] == [Code.FORMAT_SPEC_INVALID]
    assert "pads the value to more characters than any message may have" in compiled.problems[0].message
    with pytest.raises(RenderError):
        render(compiled, VALUES)


def test_the_widest_allowed_template_renders() -> None:
    compiled = compile_template(MessageTemplate("s", f"{{Imię:>{MAX_WIDTH}}}"), COLUMNS)
    assert not compiled.blocks
    content = render(compiled, VALUES).content
    assert len(content) == MAX_WIDTH and content.endswith(" Łucja")


@pytest.mark.parametrize(
    ("width", "codes"),
    [
        (str(HUGE), [Code.FORMAT_SPEC_INVALID]),
        (str(MAX_WIDTH + 1), [Code.FORMAT_SPEC_INVALID]),
        (str(MAX_WIDTH), ["content_too_long"]),  # built, and then too long for USOS
        ("12", []),
    ],
)
def test_a_width_taken_from_the_row_is_refused_for_that_row_only(width: str, codes: list[str]) -> None:
    compiled = compile_template(MessageTemplate("s", "[{Imię:>{Szerokość}}]"), COLUMNS)
    assert not compiled.blocks
    values = {**VALUES, "Szerokość": width}
    problems = check_row(compiled, values, row=7)
    assert [(p.code, p.row) for p in problems] == [(code, 7) for code in codes]
    if codes == [Code.FORMAT_SPEC_INVALID]:
        assert "For this recipient the format of" in problems[0].message
        with pytest.raises(RenderError) as raised:
            render(compiled, values, row=7)
        assert raised.value.problems[0].row == 7
    else:
        assert len(render(compiled, values).content) == int(width) + 2
    assert render(compiled, VALUES).content == "[Łucja]"  # the other rows are fine


# --- why a message cannot be rendered, and the preview of a half-typed template -------------
def test_a_missing_value_says_which_and_where() -> None:
    compiled = compile_template(MessageTemplate("s", "Dzień dobry {Imię} {Nick}"))  # no list yet
    with pytest.raises(RenderError) as raised:
        render(compiled, VALUES, row=4)
    (problem,) = raised.value.problems
    assert (problem.code, problem.row) == (Code.RENDER_FAILED, 4)
    assert "no value for 'Nick'" in problem.message
    assert problem.position is not None and (problem.position.offset, problem.position.length) == (19, 6)
    assert str(raised.value) == problem.message


def test_a_value_that_breaks_a_width_from_the_row_names_the_format() -> None:
    compiled = compile_template(MessageTemplate("s", "[{Imię:>{Szerokość}}]"), COLUMNS)
    with pytest.raises(RenderError) as raised:
        render(compiled, {**VALUES, "Szerokość": "x"}, row=3)
    (problem,) = raised.value.problems
    assert (problem.code, problem.row) == (Code.FORMAT_SPEC_INVALID, 3)
    assert problem.position is not None and problem.position.offset == 1


def test_a_template_str_format_cannot_parse_is_explained_where_it_breaks() -> None:
    compiled = compile_template(MessageTemplate("s", "Dzień {Imię} }"), COLUMNS)
    with pytest.raises(RenderError) as raised:
        render(compiled, VALUES)
    problem = raised.value.problems[0]
    assert problem.code == Code.UNMATCHED_CLOSE_BRACE
    assert problem.position is not None and problem.position.offset == 13


def test_a_render_error_without_problems_still_says_something() -> None:
    assert str(RenderError([])) == "The message cannot be rendered."


def test_the_rendered_message_as_cli_json() -> None:
    compiled = compile_template(MessageTemplate("Temat {Imię}", "Treść"), COLUMNS)
    assert render(compiled, VALUES).to_json(5, ["a@x.pl"]) == {
        "row": 5, "to": ["a@x.pl"], "subject": "Temat Łucja", "content": "Treść", "content_format": "plain",
    }


def test_the_preview_marks_values_and_shows_what_cannot_be_rendered_as_written() -> None:
    from usosmail_gui.core.template import PieceKind, render_pieces

    text = f"{{Imię}} {{Imię:>{HUGE}}} {{Imię:>{{Szerokość}}}} {{Imię:>{{Nie}}}} {{Nie}} {{{{x}}}}"
    compiled = compile_template(MessageTemplate("s", text), COLUMNS)
    pieces = render_pieces(compiled.content, VALUES)
    shown = [(p.text, p.kind) for p in pieces if p.text != " "]
    assert shown == [
        ("Łucja", PieceKind.VALUE),
        (f"{{Imię:>{HUGE}}}", PieceKind.BROKEN),  # never built
        ("Łucja", PieceKind.VALUE),  # 3 wide: "Łucja" is wider
        ("{Imię:>{Nie}}", PieceKind.BROKEN),
        ("{Nie}", PieceKind.BROKEN),
        (" {", PieceKind.TEXT),  # "{{" and "}}" are one brace each
        ("x}", PieceKind.TEXT),
    ]
    for piece in pieces:
        if piece.kind is not PieceKind.VALUE:
            assert text[piece.start : piece.end].startswith(piece.text[:1])


def test_a_width_placeholder_without_a_value_says_which() -> None:
    compiled = compile_template(MessageTemplate("s", "[{Imię:>{Nie}}]"))  # no list: not checked yet
    with pytest.raises(RenderError) as raised:
        render(compiled, VALUES, row=2)
    (problem,) = raised.value.problems
    assert (problem.code, problem.row) == (Code.RENDER_FAILED, 2)
    assert "no value for 'Nie'" in problem.message
    problems = check_row(compile_template(MessageTemplate("s", "[{Imię:>{Nie}}]")), VALUES, row=2)
    assert (Code.RENDER_FAILED, 2) in [(p.code, p.row) for p in problems]


def row_and_render_problems(
    text: str, values: dict[str, str], columns: list[str] | None
) -> list[tuple[object, ...]]:
    """(where, code, row, (part, offset, length), words) of check_row's problems, then render's."""
    compiled = compile_template(MessageTemplate("s", text), columns)

    def shown(where: str, p: Problem) -> tuple[object, ...]:
        place = p.position and (p.position.part, p.position.offset, p.position.length)
        return (where, p.code, p.row, place, p.message)

    found = [shown("row", p) for p in check_row(compiled, values, row=5)]
    with pytest.raises(RenderError) as raised:
        render(compiled, values, row=5)
    return found + [shown("render", p) for p in raised.value.problems]


def test_the_words_and_place_of_a_rows_failing_format() -> None:
    invalid = (
        "For this recipient the format of {Imię:>{Szerokość}}, filled in, is not valid (Unknown format code "
        "'x' for object of type 'str'). Correct the values it uses, or remove the format."
    )
    assert row_and_render_problems("ab [{Imię:>{Szerokość}}]", {**VALUES, "Szerokość": "x"}, COLUMNS) == [
        ("row", Code.FORMAT_SPEC_INVALID, 5, ("content", 4, 19), invalid),
        ("render", Code.FORMAT_SPEC_INVALID, 5, ("content", 4, 19), invalid),
    ]
    wide = (
        "For this recipient the format of {Imię:>{Szerokość}} pads the value to more characters than any "
        "message may have. Use a smaller width, or remove the format."
    )
    too_wide_values = {**VALUES, "Szerokość": str(HUGE)}
    assert row_and_render_problems("ab [{Imię:>{Szerokość}}]", too_wide_values, COLUMNS) == [
        ("row", Code.FORMAT_SPEC_INVALID, 5, ("content", 4, 19), wide),
        ("render", Code.FORMAT_SPEC_INVALID, 5, ("content", 4, 19), wide),
    ]


def test_the_words_and_place_of_a_missing_value() -> None:
    missing = (
        "The message cannot be put together for this recipient (no value for 'Nie'). Check the template and "
        "the row."
    )
    found = row_and_render_problems("ab [{Imię:>{Nie}}]", {"Imię": "Ł"}, None)
    assert found[0] == ("row", Code.RENDER_FAILED, 5, ("content", 4, 13), missing)
    assert found[-1] == ("render", Code.RENDER_FAILED, 5, ("content", 4, 13), missing)


def test_a_template_level_error_is_what_rendering_reports() -> None:
    compiled = compile_template(MessageTemplate("s", "ab {Imię:d} }"), COLUMNS)
    with pytest.raises(RenderError) as raised:
        render(compiled, VALUES)
    (problem,) = raised.value.problems  # the place str.format stops at, not every problem
    assert (problem.code, problem.row, problem.position and problem.position.offset) == (
        Code.UNMATCHED_CLOSE_BRACE, None, 12
    )
    conversion = compile_template(MessageTemplate("s", "ab {Imię!x} c"))
    with pytest.raises(RenderError) as raised:
        render(conversion, VALUES)
    (problem,) = raised.value.problems
    assert (problem.code, problem.position and (problem.position.offset, problem.position.length)) == (
        Code.CONVERSION_UNKNOWN, (3, 8)
    )
