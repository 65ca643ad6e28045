"""Every template problem code, on an example: code, severity, position, and the quick fix.

Template-level problems come from ``compile_template`` (row None); per-recipient ones from
``check_row`` (the row number given). The last test makes sure no code goes untested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usosmail_gui.core.problems import Problem, Severity, TextPosition
from usosmail_gui.core.recipients import make_columns
from usosmail_gui.core.template import (
    Code,
    ContentFormat,
    MessageTemplate,
    Part,
    RenderError,
    check_row,
    code_regions,
    compile_template,
    escape_braces,
    parse,
    quick_fix,
    quick_fix_template,
    render,
)
from usosmail_gui.core.template import messages as msg

COLUMNS = ["Imię", "Nazwisko", "Nr albumu", "E-mail", "Kierunek", "Rok"]
E, W = Severity.ERROR, Severity.WARNING


@dataclass
class Case:
    code: str
    severity: Severity
    part: str
    offset: int
    length: int
    template: dict[str, Any]
    fixed: str | None = None  # the part's text after the quick fix (None: no fix offered)
    suggestion: str | None = None
    columns: Any = field(default_factory=lambda: COLUMNS)


def plain(content: str, **more: Any) -> dict[str, Any]:
    return {"subject": "Temat", "content": content, **more}


def html(content: str) -> dict[str, Any]:
    return {"subject": "Temat", "content": content, "content_format": ContentFormat.HTML}


TEMPLATE_CASES = {
    "unknown placeholder": Case(
        Code.UNKNOWN_PLACEHOLDER,
        E,
        "content",
        12,
        6,
        plain("Dzień dobry {Imie}!"),
        "Dzień dobry {Imię}!",
        suggestion="Imię",
    ),
    "unknown placeholder, other case": Case(
        Code.UNKNOWN_PLACEHOLDER, E, "content", 0, 11, plain("{NR ALBUMU} a"), "{Nr albumu} a", "Nr albumu"
    ),
    "unknown placeholder, nothing close": Case(
        Code.UNKNOWN_PLACEHOLDER, E, "content", 0, 18, plain("{Średnia ocen xyz}"), None
    ),
    "a column written by its name, not its alias": Case(
        Code.UNKNOWN_PLACEHOLDER,
        E,
        "content",
        5,
        11,
        plain("Your {Ocena 1.5} grade"),
        "Your {Ocena 1_5} grade",
        "Ocena 1_5",
        columns=make_columns(["Imię", "Ocena 1.5"], [0, 1]),
    ),
    "attribute access": Case(
        Code.ATTRIBUTE_ACCESS, E, "content", 3, 12, plain("Hi {Imię.upper}"), "Hi {Imię}", "Imię"
    ),
    "index access": Case(Code.INDEX_ACCESS, E, "content", 0, 9, plain("{Imię[0]}."), "{Imię}.", "Imię"),
    "empty placeholder": Case(Code.EMPTY_PLACEHOLDER, E, "content", 2, 2, plain("a {} b")),
    "empty placeholder with a format": Case(Code.EMPTY_PLACEHOLDER, E, "content", 0, 5, plain("{:>3}")),
    "positional placeholder": Case(Code.POSITIONAL_PLACEHOLDER, E, "content", 4, 3, plain("Nr: {0}")),
    "invalid placeholder: empty attribute": Case(
        Code.INVALID_PLACEHOLDER, E, "content", 0, 7, plain("{Imię.}")
    ),
    "invalid placeholder: after the conversion": Case(
        Code.INVALID_PLACEHOLDER, E, "content", 0, 8, plain("{Imię!rx} {Rok}")
    ),
    "invalid placeholder: nested too deep": Case(
        Code.INVALID_PLACEHOLDER, E, "content", 6, 11, plain("{Imię:{Rok:{Rok}}}")
    ),
    "unmatched open brace": Case(
        Code.UNMATCHED_OPEN_BRACE, E, "content", 6, 1, plain("Dzień {Imię"), "Dzień {{Imię"
    ),
    "unmatched open brace at the end": Case(
        Code.UNMATCHED_OPEN_BRACE, E, "content", 2, 1, plain("a {"), "a {{"
    ),
    "unmatched close brace": Case(Code.UNMATCHED_CLOSE_BRACE, E, "content", 2, 1, plain("a } b"), "a }} b"),
    "CSS in a style element": Case(
        Code.CSS_BRACES,
        E,
        "content",
        9,
        12,
        html("<style>p {color: red}</style><p>{Imię}</p>"),
        "<style>p {{color: red}}</style><p>{Imię}</p>",
    ),
    "CSS in a style attribute keeps known placeholders": Case(
        Code.CSS_BRACES,
        E,
        "content",
        12,
        21,
        html('<p style="a { color: {Kierunek} }">x</p>'),
        '<p style="a {{ color: {Kierunek} }}">x</p>',
    ),
    "JavaScript": Case(
        Code.CSS_BRACES,
        E,
        "content",
        21,
        13,
        html("<script>function f() { return 1; }</script>"),
        "<script>function f() {{ return 1; }}</script>",
    ),
    "CSS rule outside a style element": Case(
        Code.CSS_BRACES, E, "content", 5, 12, html("<p>p {color: red}</p>"), "<p>p {{color: red}}</p>"
    ),
    "code in a plain letter": Case(
        Code.LITERAL_BRACES, E, "content", 5, 12, plain("Kod: {\n  x = 1;\n}"), "Kod: {{\n  x = 1;\n}}"
    ),
    "unknown conversion": Case(Code.CONVERSION_UNKNOWN, E, "content", 0, 8, plain("{Imię!x}"), "{Imię}"),
    "!r prints quotes": Case(Code.CONVERSION_REPR, W, "content", 0, 8, plain("{Imię!r}"), "{Imię}"),
    "!a prints codes": Case(Code.CONVERSION_ASCII, W, "content", 0, 12, plain("{Nazwisko!a}"), "{Nazwisko}"),
    "number format on text": Case(
        Code.FORMAT_SPEC_INVALID, E, "content", 4, 9, plain("Rok {Rok:.2f}"), "Rok {Rok}"
    ),
    "integer format on text": Case(Code.FORMAT_SPEC_INVALID, E, "content", 0, 7, plain("{Rok:d}"), "{Rok}"),
    "'=' alignment on text": Case(Code.FORMAT_SPEC_INVALID, E, "content", 0, 8, plain("{Rok:=5}"), "{Rok}"),
    "a width no message can have": Case(
        Code.FORMAT_SPEC_INVALID, E, "content", 0, 16, plain("{Rok:>999999999}"), "{Rok}"
    ),
    "empty subject": Case(Code.SUBJECT_EMPTY, E, "subject", 0, 0, {"subject": "  ", "content": "x"}),
    "empty content": Case(Code.CONTENT_EMPTY, E, "content", 0, 0, {"subject": "s", "content": ""}),
    "line break in the subject": Case(
        Code.SUBJECT_LINE_BREAK,
        E,
        "subject",
        5,
        1,
        {"subject": "Temat\r\nBcc: x@y.pl", "content": "x"},
        "Temat Bcc: x@y.pl",
    ),
    "a NUL in the subject": Case(
        Code.CONTROL_CHARACTER,
        E,
        "subject",
        5,
        1,
        {"subject": "Temat\x00 {Imię}\x1b", "content": "x"},
        "Temat {Imię}",
    ),
    "a bell in the message text": Case(
        Code.CONTROL_CHARACTER, E, "content", 3, 1, plain("abc\x07\tdef"), "abc\tdef"
    ),
    "a NUL in the sender name": Case(
        Code.CONTROL_CHARACTER,
        E,
        "from_name",
        4,
        1,
        plain("x", from_name="Dzie\x00kanat"),
        "Dziekanat",
    ),
    "a control character in the sender address": Case(
        Code.CONTROL_CHARACTER,
        E,
        "from_email",
        2,
        1,
        plain("x", from_name="D", from_email="dz\x00@example.edu.pl"),
        "dz@example.edu.pl",
    ),
    "a control character in the summary address": Case(
        Code.CONTROL_CHARACTER,
        E,
        "send_summary_to",
        0,
        1,
        plain("x", send_summary_to="\x01s@example.edu.pl"),
        "s@example.edu.pl",
    ),
    "subject too long without values": Case(
        Code.SUBJECT_TOO_LONG, E, "subject", 0, 201, {"subject": "x" * 201, "content": "x"}
    ),
    "content too long without values": Case(
        Code.CONTENT_TOO_LONG, E, "content", 0, 15_001, {"subject": "s", "content": "x" * 15_001}
    ),
    "sender name too long": Case(
        Code.FROM_NAME_TOO_LONG, E, "from_name", 100, 5, plain("x", from_name="n" * 105)
    ),
    "sender name with a line break": Case(
        Code.FROM_NAME_LINE_BREAK,
        E,
        "from_name",
        9,
        1,
        plain("x", from_name="Dziekanat\nWydział"),
        "Dziekanat Wydział",
    ),
    "sender address without a name": Case(
        Code.FROM_EMAIL_NEEDS_NAME, E, "from_email", 0, 24, plain("x", from_email="dziekanat@example.edu.pl")
    ),
    "sender address invalid": Case(
        Code.FROM_EMAIL_INVALID, E, "from_email", 0, 12, plain("x", from_name="D", from_email="dziekanat@pl")
    ),
    "summary address invalid": Case(
        Code.SUMMARY_TO_INVALID, E, "send_summary_to", 0, 6, plain("x", send_summary_to="nobody")
    ),
}


def problem_with(code: str, problems: tuple[Problem, ...] | list[Problem]) -> Problem:
    found = [p for p in problems if p.code == code]
    assert found, f"no {code} in {[p.code for p in problems]}"
    return found[0]


@pytest.mark.parametrize("case", TEMPLATE_CASES.values(), ids=TEMPLATE_CASES.keys())
def test_template_level_problem(case: Case) -> None:
    template = MessageTemplate(**case.template)
    compiled = compile_template(template, case.columns)
    problem = problem_with(case.code, compiled.problems)
    assert problem.row is None
    assert problem.severity is case.severity
    assert problem.position is not None
    assert (problem.position.part, problem.position.offset, problem.position.length) == (
        case.part,
        case.offset,
        case.length,
    )
    assert problem.suggestion == case.suggestion
    assert problem.message and "Traceback" not in problem.message
    assert problem.to_json()["code"] == case.code
    assert compiled.blocks is any(p.is_error for p in compiled.problems)
    fixed = quick_fix_template(compiled, problem)
    if case.fixed is None:
        assert fixed is None
    else:
        assert fixed is not None and fixed.text(Part(case.part)) == case.fixed
        again = compile_template(fixed, case.columns)
        assert case.code not in {
            p.code for p in again.problems if p.position and p.position.part == case.part
        }


# --- per recipient --------------------------------------------------------------------


def values(**changes: str) -> dict[str, str]:
    base = {
        "Imię": "Anna",
        "Nazwisko": "Nowak",
        "Nr albumu": "123456",
        "E-mail": "a@b.pl",
        "Kierunek": "Fizyka",
    }
    return {**base, "Rok": "2", **changes}


ROW_CASES: dict[str, tuple[str, Severity, dict[str, Any], dict[str, str], str, int, int]] = {
    "empty value": (
        Code.EMPTY_VALUE,
        W,
        plain("Dzień dobry {Imię} {Nazwisko}"),
        values(Nazwisko=" "),
        "content",
        19,
        10,
    ),
    "a value brings a line break into the subject": (
        Code.SUBJECT_LINE_BREAK,
        E,
        {"subject": "Kierunek {Kierunek}", "content": "x"},
        values(Kierunek="Fizyka\nBcc: x@y.pl"),
        "subject",
        9,
        10,
    ),
    "a value brings a NUL into the subject": (
        Code.CONTROL_CHARACTER,
        E,
        {"subject": "Kierunek {Kierunek}", "content": "x"},
        values(Kierunek="Fizyka\x00"),
        "subject",
        9,
        10,
    ),
    "a value brings an escape into the message text": (
        Code.CONTROL_CHARACTER,
        E,
        plain("Rok: {Rok:>3}"),
        values(Rok="\x1b"),
        "content",
        5,
        8,
    ),
    "subject empty once filled in": (
        Code.SUBJECT_EMPTY,
        E,
        {"subject": "{Imię}", "content": "x"},
        values(Imię=""),
        "subject",
        0,
        6,
    ),
    "subject too long once filled in": (
        Code.SUBJECT_TOO_LONG,
        E,
        {"subject": "Decyzja {Nazwisko}", "content": "x"},
        values(Nazwisko="N" * 193),
        "subject",
        0,
        18,
    ),
    "content too long once filled in": (
        Code.CONTENT_TOO_LONG,
        E,
        plain("x" * 14_990 + "{Kierunek}"),
        values(Kierunek="k" * 11),
        "content",
        0,
        15_000,
    ),
    "format taken from the row does not work": (
        Code.FORMAT_SPEC_INVALID,
        E,
        plain("[{Imię:>{Rok}}]"),
        values(Rok="abc"),
        "content",
        1,
        13,
    ),
    "format taken from the row is too wide": (
        Code.FORMAT_SPEC_INVALID,
        E,
        plain("[{Imię:>{Rok}}]"),
        values(Rok="5000000"),
        "content",
        1,
        13,
    ),
}


@pytest.mark.parametrize("case", ROW_CASES.values(), ids=ROW_CASES.keys())
def test_problem_of_one_recipient(
    case: tuple[str, Severity, dict[str, Any], dict[str, str], str, int, int],
) -> None:
    code, severity, template, row_values, part, offset, length = case
    compiled = compile_template(MessageTemplate(**template), COLUMNS)
    assert not compiled.blocks
    problem = problem_with(code, check_row(compiled, row_values, 7))
    assert problem.row == 7 and problem.severity is severity
    assert problem.position is not None
    assert (problem.position.part, problem.position.offset, problem.position.length) == (part, offset, length)
    # the same template with ordinary values has no problem at all
    assert check_row(compiled, values(), 7) == ()


def test_render_failed_when_a_value_is_missing() -> None:
    """Compiled without columns (no list loaded yet), rendering finds the missing value."""
    compiled = compile_template(MessageTemplate("Temat", "Dzień dobry {Imię}"))
    assert not compiled.problems
    with pytest.raises(RenderError) as caught:
        render(compiled, {"Nazwisko": "Nowak"}, row=4)
    problem = caught.value.problems[0]
    assert (problem.code, problem.row, problem.severity) == (Code.RENDER_FAILED, 4, E)
    assert problem.position is not None and problem.position.offset == 12
    assert "Imię" in problem.message


def test_an_error_cell_the_template_uses_is_an_error_of_that_row() -> None:
    """A cell showing #N/A (an error of its formula) would put "#N/A" in the letter (issue 15, item 2)."""
    compiled = compile_template(MessageTemplate(**plain("Rok: {Rok}")), COLUMNS)
    row_values = values(Rok="#N/A")
    problem = problem_with(Code.ERROR_VALUE, check_row(compiled, row_values, 7, {"Rok": "#N/A"}))
    assert (problem.row, problem.severity, problem.field) == (7, E, "Rok")
    assert "#N/A" in problem.message
    assert problem.position is not None and problem.position.offset == 5
    # the same text typed into the cell is just text
    assert check_row(compiled, row_values, 7) == ()


def test_every_code_has_an_example() -> None:
    tested = {case.code for case in TEMPLATE_CASES.values()} | {case[0] for case in ROW_CASES.values()}
    tested |= {Code.RENDER_FAILED, Code.ERROR_VALUE}
    assert tested == set(Code.all())


def test_messages_keep_their_parameters_for_translation() -> None:
    compiled = compile_template(MessageTemplate("s", "{Imie} {Rok:.2f}"), COLUMNS)
    unknown = problem_with(Code.UNKNOWN_PLACEHOLDER, compiled.problems)
    assert dict(unknown.args) == {"source": "{Imie}", "name": "Imie", "suggestion": "Imię"}
    spec = problem_with(Code.FORMAT_SPEC_INVALID, compiled.problems)
    assert spec.args["spec"] == ".2f" and "f" in str(spec.args["detail"])
    data = unknown.to_json()
    assert data["position"] == {"part": "content", "offset": 0, "length": 6, "line": 1, "column": 1}
    assert data["suggestion"] == "Imię"


def test_positions_have_lines_and_columns() -> None:
    compiled = compile_template(MessageTemplate("s", "Dzień dobry,\n\nNr: {Nr albumu}, {Imie}"), COLUMNS)
    position = problem_with(Code.UNKNOWN_PLACEHOLDER, compiled.problems).position
    assert position is not None and (position.line, position.column) == (3, 18)


def test_no_columns_yet_means_no_unknown_placeholders() -> None:
    compiled = compile_template(MessageTemplate("s", "{Cokolwiek} {Imię.upper} {} {0}"), None)
    assert [p.code for p in compiled.problems] == [
        Code.ATTRIBUTE_ACCESS,
        Code.EMPTY_PLACEHOLDER,
        Code.POSITIONAL_PLACEHOLDER,
    ]
    assert all(p.known for p in compiled.placeholders)


def test_an_empty_list_of_columns_says_so() -> None:
    compiled = compile_template(MessageTemplate("s", "{Imię}"), [])
    problem = problem_with(Code.UNKNOWN_PLACEHOLDER, compiled.problems)
    assert "no columns yet" in problem.message and problem.suggestion is None


def test_css_braces_are_one_problem_not_a_cascade() -> None:
    content = "<style>\n@media print { p { color: red; } }\nh1 { margin: 0 }\n</style><p>{Imię}</p>"
    compiled = compile_template(MessageTemplate("s", content, ContentFormat.HTML), COLUMNS)
    assert [p.code for p in compiled.problems] == [Code.CSS_BRACES]
    assert compiled.problems[0].args["count"] == 6


def test_quick_fix_needs_the_text_the_problem_was_found_in() -> None:
    compiled = compile_template(MessageTemplate("s", "a } b"), COLUMNS)
    problem = problem_with(Code.UNMATCHED_CLOSE_BRACE, compiled.problems)
    assert quick_fix("a", problem) is None  # the position is past its end
    assert quick_fix("a } b", problem) == "a }} b"


def test_warnings_do_not_block() -> None:
    compiled = compile_template(MessageTemplate("s", "{Imię!r}"), COLUMNS)
    assert compiled.problems and not compiled.blocks


# --- the escape fix on its own ----------------------------------------------------------


def test_escape_braces_keeps_pairs_and_known_placeholders() -> None:
    text = "a { b } {{ c }} {Imię} {Imie} {Rok:>3}"
    assert escape_braces(text, COLUMNS) == "a {{ b }} {{ c }} {Imię} {{Imie}} {Rok:>3}"
    assert escape_braces(text) == "a {{ b }} {{ c }} {{Imię}} {{Imie}} {{Rok:>3}}"
    assert escape_braces(text, COLUMNS, start=0, end=5) == "a {{ b } {{ c }} {Imię} {Imie} {Rok:>3}"


def test_code_regions_of_an_html_letter() -> None:
    html_text = "<STYLE type=\"text/css\">p{}</style><p style='x'>{a}</p><script>s</script>"
    assert [html_text[s:e] for s, e in code_regions(html_text)] == ["p{}", "x", "s"]


def test_braces_of_a_style_text_that_a_script_leaves_open_are_one_problem() -> None:
    """A script writing 'style="…' (its quote closed only later in the letter): the braces
    are in the script's body, reported once, not again for a style value read past it."""
    html_text = "<script>a = 'style=\"x{ c }';</script><p>{Imię}</p>\""
    assert [html_text[s:e] for s, e in code_regions(html_text)] == ["a = 'style=\"x{ c }';"]
    compiled = compile_template(MessageTemplate("s", html_text, ContentFormat.HTML), COLUMNS)
    assert [(p.code, p.args["count"]) for p in compiled.problems] == [(Code.CSS_BRACES, 2)]


def test_a_style_attribute_written_inside_a_script_is_part_of_the_script_once() -> None:
    html_text = "<script>el.innerHTML = '<b style=\"c{}\">';</script><p>{Imię}</p>"
    assert [html_text[s:e] for s, e in code_regions(html_text)] == ["el.innerHTML = '<b style=\"c{}\">';"]
    compiled = compile_template(MessageTemplate("s", html_text, ContentFormat.HTML), COLUMNS)
    assert [(p.code, p.args["count"]) for p in compiled.problems] == [(Code.CSS_BRACES, 2)]


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(st.text(alphabet="{}ab :;\n", max_size=20))
def test_escaped_text_prints_as_written(text: str) -> None:
    """After escaping everything, str.format prints the text (its pairs as single braces)."""
    escaped = escape_braces(text)
    parsed = parse(escaped)
    assert parsed.ok and not list(parsed.fields())
    assert escaped.format() == re.sub(r"\{\{|\}\}", lambda m: m.group()[0], text)
    assert escape_braces(escaped) == escaped


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\x0e", "\x1b", "\x1f", "\x7f", "\x9b"])
def test_every_control_character_but_tab_and_line_breaks_is_an_error(character: str) -> None:
    compiled = compile_template(MessageTemplate(f"A{character}B", "x", from_name=f"N{character}"), COLUMNS)
    found = [p for p in compiled.problems if p.code == Code.CONTROL_CHARACTER]
    assert [p.position.part for p in found if p.position] == ["subject", "from_name"]
    assert compiled.blocks
    assert f"U+{ord(character):04X}" in found[0].message and character not in found[0].message
    fine = compile_template(MessageTemplate("A\tB ąę", "x\ty\nz\r\n", from_name="N\tą"), COLUMNS)
    assert not [p for p in fine.problems if p.code == Code.CONTROL_CHARACTER]


# --- braces that hold code or text, not a column (issue 19: mutation testing) ---------------
@pytest.mark.parametrize(
    "source",
    [
        "{Nieznana:;}",  # a semicolon anywhere in the braces
        "{Nieznana:\n}",  # a line break, LF
        "{Nieznana:\r}",  # a line break, CR
        "{ Nieznana}",  # spaces around the name
        '{a"b}',  # quotes and parentheses never belong to a column's name
        "{a'b}",
        "{f(x)}",
    ],
    ids=["semicolon", "LF", "CR", "space", "double quote", "single quote", "parenthesis"],
)
def test_braces_holding_code_or_text_are_called_literal_braces(source: str) -> None:
    compiled = compile_template(MessageTemplate("s", f"Kod: {source} koniec"), COLUMNS)
    assert [p.code for p in compiled.problems] == [Code.LITERAL_BRACES]
    assert compiled.problems[0].args["source"] == source


@pytest.mark.parametrize("source", ["{Nieznana}", "{Nieznana:>10}", "{Nieznana!r}"])
def test_a_field_that_only_names_no_column_is_an_unknown_placeholder_not_code(source: str) -> None:
    compiled = compile_template(MessageTemplate("s", f"Kod: {source} koniec"), COLUMNS)
    assert Code.UNKNOWN_PLACEHOLDER in [p.code for p in compiled.problems]
    assert Code.LITERAL_BRACES not in [p.code for p in compiled.problems]


@pytest.mark.parametrize(
    ("columns", "written", "suggested"),
    [
        (COLUMNS, "{Nazwsko}", "Nazwisko"),  # a typo: the closest column
        (["Imię", "Imie"], "{IMIĘ}", "Imię"),  # the same but for case, before any lookalike
        (["Szkoła", "Szkola2"], "{Szkola}", "Szkoła"),  # the same but for diacritics, ł too
        (COLUMNS, "{Adres}", None),  # nothing close: no guess
    ],
)
def test_an_unknown_placeholder_suggests_the_column_meant(
    columns: list[str], written: str, suggested: str | None
) -> None:
    compiled = compile_template(MessageTemplate("s", f"Dzień dobry {written}"), columns)
    assert problem_with(Code.UNKNOWN_PLACEHOLDER, compiled.problems).suggestion == suggested


@pytest.mark.parametrize(
    ("source", "code", "args", "placeholder"),
    [
        ("{a.}", Code.INVALID_PLACEHOLDER, {"detail": "Empty attribute in format string"}, ("a.", False)),
        ("{}", Code.EMPTY_PLACEHOLDER, {}, None),
        ("{0}", Code.POSITIONAL_PLACEHOLDER, {}, None),
        ("{Imię.x}", Code.ATTRIBUTE_ACCESS, {"name": "Imię"}, ("Imię", True)),
        ("{Imię[x]}", Code.INDEX_ACCESS, {"name": "Imię"}, ("Imię", True)),  # an index, even by a name
        ("{Imię[0]:q}", Code.INDEX_ACCESS, {"name": "Imię"}, ("Imię", True)),  # the spec is not checked then
        ("{Imię!r}", Code.CONVERSION_REPR, {}, ("Imię", True)),
        ("{Imię!a}", Code.CONVERSION_ASCII, {}, ("Imię", True)),
        ("{Imię!x}", Code.CONVERSION_UNKNOWN, {"conversion": "x"}, ("Imię", True)),
        ("{Imię:q}", Code.FORMAT_SPEC_INVALID, {"spec": "q"}, ("Imię", True)),
    ],
)
def test_a_placeholders_problem_quotes_it_as_written(
    source: str, code: str, args: dict[str, str], placeholder: tuple[str, bool] | None
) -> None:
    """The message shows the placeholder as the user wrote it; the editor highlights it."""
    compiled = compile_template(MessageTemplate("s", f"Tekst {source} koniec"), COLUMNS)
    assert [p.code for p in compiled.problems] == [code]
    problem = compiled.problems[0]
    assert problem.args["source"] == source and source in problem.message
    assert {k: problem.args[k] for k in args} == args
    shown = [(p.name, p.known) for p in compiled.placeholders]
    assert shown == ([] if placeholder is None else [placeholder])


@pytest.mark.parametrize("source", ["{Imię}", "{Imię!s}", "{Imię:>5}"])
def test_a_plain_placeholder_has_no_problem_and_its_name_is_highlighted(source: str) -> None:
    compiled = compile_template(MessageTemplate("s", f"Tekst {source}"), COLUMNS)
    assert compiled.problems == ()
    (placeholder,) = compiled.placeholders
    assert (placeholder.name, placeholder.known, placeholder.name_start, placeholder.name_end) == (
        "Imię", True, 7, 11
    )


@pytest.mark.parametrize(
    ("content", "order"),
    [
        # in the order of the text, whatever their severity
        ("a {Imię!r} b {Nieznana}", [Code.CONVERSION_REPR, Code.UNKNOWN_PLACEHOLDER]),
        # at the same place, the error (it blocks sending) before the warning found first
        ("{Imię!r:q}", [Code.FORMAT_SPEC_INVALID, Code.CONVERSION_REPR]),
    ],
)
def test_problems_are_listed_in_the_order_of_the_text_errors_first(content: str, order: list[str]) -> None:
    compiled = compile_template(MessageTemplate("s", content), COLUMNS)
    assert [p.code for p in compiled.problems] == order


@pytest.mark.parametrize(
    ("content", "codes"),
    [
        ("{Nieznana}{a;b}", [Code.UNKNOWN_PLACEHOLDER, Code.LITERAL_BRACES]),  # side by side: both
        ("{a;b}{Nieznana}", [Code.LITERAL_BRACES, Code.UNKNOWN_PLACEHOLDER]),
        ("{Imię} {a;b}", [Code.LITERAL_BRACES]),  # a column first does not end the search
        ("{Imię:;}", [Code.FORMAT_SPEC_INVALID]),  # a column's field is never taken for code
        ("{Imię[0]:;}", [Code.INDEX_ACCESS]),  # nor one that indexes a column
    ],
)
def test_braces_of_text_beside_placeholders_are_each_found(content: str, codes: list[str]) -> None:
    compiled = compile_template(MessageTemplate("s", content), COLUMNS)
    assert [p.code for p in compiled.problems] == codes


@pytest.mark.parametrize("columns", [COLUMNS, None], ids=["a list", "no list yet"])
@pytest.mark.parametrize(
    "content",
    [
        "<style>p { color: red }</style><p>{Imię}</p>",
        "<style>\n@media print { p { color: red; } }\n</style><p>{Imię}</p>",
        "<p>a {color: red; } {Imię}</p>",
    ],
)
def test_css_braces_are_found_with_or_without_a_list_and_the_letter_cannot_be_rendered(
    content: str, columns: list[str] | None
) -> None:
    compiled = compile_template(MessageTemplate("s", content, ContentFormat.HTML), columns)
    assert [p.code for p in compiled.problems] == [Code.CSS_BRACES]
    assert compiled.problems[0].args["count"] in (2, 4)
    assert compiled.part(Part.CONTENT).renderable is False


def test_a_placeholder_after_css_is_still_checked() -> None:
    content = "<style>p { color: red }</style><p>{Nieznana}</p>"
    compiled = compile_template(MessageTemplate("s", content, ContentFormat.HTML), COLUMNS)
    assert [p.code for p in compiled.problems] == [Code.CSS_BRACES, Code.UNKNOWN_PLACEHOLDER]
    assert compiled.problems[0].args["count"] == 2


def test_a_template_with_warnings_only_can_be_rendered() -> None:
    compiled = compile_template(MessageTemplate("s", "Dzień dobry {Imię!r}"), COLUMNS)
    assert [p.code for p in compiled.problems] == [Code.CONVERSION_REPR]
    assert compiled.part(Part.CONTENT).renderable is True


@pytest.mark.parametrize(
    ("content", "source", "depth"),
    [("{Imię!rx}", "{Imię!rx", None), ("{Imię:{Nazwisko!rx}}", "{Nazwisko!rx", 1)],
)
def test_a_placeholder_str_format_cannot_read_is_quoted_with_the_reason(
    content: str, source: str, depth: int | None
) -> None:
    compiled = compile_template(MessageTemplate("s", content), COLUMNS)
    (problem,) = compiled.problems
    assert problem.code == Code.INVALID_PLACEHOLDER
    assert problem.args["source"] == source and source in problem.message
    assert "after “!” only one letter (s, r or a) may come" in problem.message
    assert problem.args["detail"] == "expected ':' after conversion specifier"  # str.format's words
    assert problem.args.get("depth") == depth  # inside another placeholder's format


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        (" dziekanat@example.edu.pl", "it has spaces around it."),
        ("dziekanat@example.edu.pl ", "it has spaces around it."),
        ("dziekanat@" + "w" * 40 + "." + "x" * 42 + ".edu.pl", None),  # 100 characters: USOS takes it
        ("dziekanat@" + "w" * 40 + "." + "x" * 43 + ".edu.pl", "it is longer than 100 characters."),
    ],
)
def test_the_senders_address_is_checked_as_usos_will(address: str, reason: str | None) -> None:
    template = MessageTemplate("s", "x", from_name="Dziekanat", from_email=address)
    compiled = compile_template(template, COLUMNS)
    found = [p for p in compiled.problems if p.code == Code.FROM_EMAIL_INVALID]
    if reason is None:
        assert found == []
    else:
        assert [p.args["reason"] for p in found] == [reason]
        assert reason in found[0].message


def test_a_style_attribute_in_double_quotes_is_a_code_region_too() -> None:
    html_text = '<p style="color: red">{a}</p><div style = \'margin: 0\'>b</div>'
    assert [html_text[s:e] for s, e in code_regions(html_text)] == ["color: red", "margin: 0"]


@pytest.mark.parametrize(("length", "too_long"), [(200, False), (201, True)])
def test_a_subject_too_long_before_its_placeholders_are_filled_in(length: int, too_long: bool) -> None:
    subject = "T" * (length - 6) + "{Imię}" + "x" * 6  # the placeholder's braces do not count
    compiled = compile_template(MessageTemplate(subject, "x"), COLUMNS)
    found = [p for p in compiled.problems if p.code == Code.SUBJECT_TOO_LONG]
    if not too_long:
        assert found == []
        return
    (problem,) = found
    assert (problem.args["length"], problem.args["limit"]) == (length, 200)
    assert problem.message.startswith(
        f"The subject is {length} characters long even before the placeholders are filled in; USOS "
        "accepts at most 200."
    )


def test_the_subject_is_plain_text_even_in_an_html_letter() -> None:
    compiled = compile_template(MessageTemplate("Kod {a;b}", "<p>x</p>", ContentFormat.HTML), COLUMNS)
    assert [(p.code, p.position.part if p.position else None) for p in compiled.problems] == [
        (Code.LITERAL_BRACES, "subject")
    ]


def test_asking_for_a_part_a_template_does_not_have_says_which() -> None:
    compiled = compile_template(MessageTemplate("s", "x"), COLUMNS)
    with pytest.raises(ValueError, match="from_name is not a template part"):
        compiled.part(Part.FROM_NAME)


@pytest.mark.parametrize("length", [200, 201])
def test_a_placeholder_used_three_times_counts_three_times_in_a_recipients_subject(length: int) -> None:
    compiled = compile_template(MessageTemplate("{Imię} - {Imię} - {Nazwisko}{Imię}", "x"), COLUMNS)
    # 3 × 60 characters of the first name, 6 of " - ", the rest the surname
    row = values(Imię="I" * 60, Nazwisko="N" * (length - 3 * 60 - 6))
    found = [p for p in check_row(compiled, row, 3) if p.code == Code.SUBJECT_TOO_LONG]
    assert [p.args["length"] for p in found] == ([] if length <= 200 else [length])


@pytest.mark.parametrize(
    ("subject", "column"), [("{Imię}", "Imię"), ("{Imię!s}", "Imię"), ("{Imię:>3}", None)]
)
def test_a_line_break_in_a_value_names_the_column_when_the_placeholder_shows_it_as_is(
    subject: str, column: str | None
) -> None:
    compiled = compile_template(MessageTemplate(subject, "x"), COLUMNS)
    found = check_row(compiled, values(Imię="Anna\nMaria"), 2)
    (problem,) = [p for p in found if p.code == Code.SUBJECT_LINE_BREAK]
    assert problem.args.get("column") == column
    if column is not None:
        assert f"the value of “{column}” contains a line break" in problem.message


# --- quick fixes that must not be offered (issue 19: branches no test reached) -----------


def test_a_stray_brace_inside_a_format_gets_no_doubling_fix() -> None:
    """Doubling a "}" inside a placeholder's format would not make it text: no fix offered."""
    compiled = compile_template(MessageTemplate("s", "{Imię:{{}x}}"), COLUMNS)
    problem = problem_with(Code.UNMATCHED_CLOSE_BRACE, compiled.problems)
    assert problem.args["depth"] == 1
    assert quick_fix_template(compiled, problem) is None


def test_a_brace_fix_on_a_text_changed_since_is_not_offered() -> None:
    compiled = compile_template(MessageTemplate("s", "a } b"), COLUMNS)
    problem = problem_with(Code.UNMATCHED_CLOSE_BRACE, compiled.problems)
    assert quick_fix("a x b", problem) is None  # no brace where the problem was found


def test_a_literal_braces_fix_on_a_text_already_fixed_is_not_offered() -> None:
    compiled = compile_template(MessageTemplate(**plain("Kod: {\n  x = 1;\n}")), COLUMNS)
    problem = problem_with(Code.LITERAL_BRACES, compiled.problems)
    assert quick_fix("Kod: {{\n  x = 1;\n}}", problem) is None


def test_a_misspelt_placeholder_with_an_attribute_keeps_the_attribute_for_its_own_problem() -> None:
    """Fixing the name of {Imie.upper} touches the name only; the attribute is a problem of its own."""
    compiled = compile_template(MessageTemplate("s", "Dzień dobry {Imie.upper}"), COLUMNS)
    problem = problem_with(Code.UNKNOWN_PLACEHOLDER, compiled.problems)
    assert problem.suggestion == "Imię"
    fixed = quick_fix_template(compiled, problem)
    assert fixed is not None and fixed.content == "Dzień dobry {Imię.upper}"
    again = compile_template(fixed, COLUMNS)
    assert [p.code for p in again.problems] == [Code.ATTRIBUTE_ACCESS]


def test_a_conversion_fix_on_a_placeholder_without_one_any_more_is_not_offered() -> None:
    compiled = compile_template(MessageTemplate("s", "{Imię!r}"), COLUMNS)
    problem = problem_with(Code.CONVERSION_REPR, compiled.problems)
    assert quick_fix("{Imię!r}", problem) == "{Imię}"
    assert quick_fix("{Imię} ok", problem) is None  # removed by hand since
    with_format = compile_template(MessageTemplate("s", "{Imię!r:>5}"), COLUMNS)
    problem = problem_with(Code.CONVERSION_REPR, with_format.problems)
    assert quick_fix("{Imię!r:>5}", problem) == "{Imię:>5}"
    assert quick_fix("{Imię:>5} ok", problem) is None


def test_a_problem_without_a_place_in_the_template_has_no_fix() -> None:
    compiled = compile_template(MessageTemplate("s", "{Imię}"), COLUMNS)
    problem = msg.render_failed(None, 3, "no value for 'Imię'")
    assert problem.position is None and quick_fix_template(compiled, problem) is None


@pytest.mark.parametrize(
    ("part", "words"),
    [("subject", "the subject"), ("content", "the message text"), ("from_name", "the sender name"),
     ("send_summary_to", "the template")],
)
def test_a_stray_brace_is_said_to_be_in_the_text_it_is_in(part: str, words: str) -> None:
    position = TextPosition(part, 0, 1)
    assert f"This “{{” in {words} is never closed" in msg.unmatched_open_brace(position).message
    assert f"This “}}” in {words} closes nothing" in msg.unmatched_close_brace(position).message


def test_a_stray_brace_in_the_subject_says_so() -> None:
    compiled = compile_template(MessageTemplate("Temat {", "x"), COLUMNS)
    problem = problem_with(Code.UNMATCHED_OPEN_BRACE, compiled.problems)
    assert "in the subject is never closed" in problem.message
    fixed = quick_fix_template(compiled, problem)
    assert fixed is not None and fixed.subject == "Temat {{"
