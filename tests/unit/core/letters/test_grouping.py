"""One message per student from several rows (core/letters/grouping.py, check.py,
campaign.py): groups by address in sheet order, the line template, differing values,
the 15,000-character limit on the result, and every sheet row accounted for."""

from __future__ import annotations

from tests.helpers.tables import make_table
from usosmail_gui.core.campaign import EXCLUDED_BY_USER, SendMode
from usosmail_gui.core.letters import Grouping, LetterSetup, Salutation
from usosmail_gui.core.letters.campaign import build_letter_campaign
from usosmail_gui.core.letters.check import check_letters
from usosmail_gui.core.letters.derive import Overrides, prepare_letters
from usosmail_gui.core.letters.messages import Code
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.template import MessageTemplate, compile_template, render

HEADERS = ["Imię", "Nazwisko", "E-mail", "Kierunek", "Przedmiot", "Ocena"]
GROUPING = LetterSetup(grouping=Grouping("- {Przedmiot}: {Ocena}"))
TEMPLATE = MessageTemplate("Oceny – {Nazwisko}", "Dzień dobry {Imię},\n\nTwoje oceny:\n{lista}\n\nDziekanat")


def table(*rows: tuple[str, ...]) -> RecipientTable:
    return make_table([list(r) for r in rows], HEADERS)


GRADES = table(
    ("Anna", "Kowalska", "anna@example.edu.pl", "Informatyka", "Analiza", "5"),  # row 2
    ("Jan", "Nowak", "jan@example.edu.pl", "Fizyka", "Mechanika", "3"),  # row 3
    ("Anna", "Kowalska", "ANNA@example.edu.pl", "Informatyka", "Algebra", "4,5"),  # row 4
    ("Anna", "Kowalska", "anna@example.edu.pl", "Matematyka", "Logika", "4"),  # row 5
    ("Ewa", "Zając", "zly adres", "Chemia", "Chemia", "3"),  # row 6
    ("Ewa", "Zając", "zly adres", "Chemia", "Fizyka", "4"),  # row 7
)


def contents(letters_table: RecipientTable, template: MessageTemplate = TEMPLATE) -> list[str]:
    compiled = compile_template(template, letters_table.columns)
    return [render(compiled, letters_table.params(i)).content for i in range(letters_table.row_count)]


def test_rows_with_one_address_become_one_message_in_sheet_order() -> None:
    letters = prepare_letters(GRADES, GROUPING)
    assert letters.grouped
    assert letters.members == ((0, 2, 3), (1,), (4,), (5,))  # a row without a valid address stays alone
    assert letters.table.row_numbers == [2, 3, 6, 7]
    assert contents(letters.table)[0] == (
        "Dzień dobry Anna,\n\nTwoje oceny:\n- Analiza: 5\n- Algebra: 4,5\n- Logika: 4\n\nDziekanat"
    )
    assert contents(letters.table)[1].endswith("- Mechanika: 3\n\nDziekanat")
    assert letters.index_of(4) == 0 and letters.index_of(3) == 1 and letters.index_of(99) is None
    assert letters.source_rows(0) == (0, 2, 3)


def test_one_row_is_a_message_of_one_line() -> None:
    letters = prepare_letters(table(("Jan", "Nowak", "jan@example.edu.pl", "F", "Mechanika", "3")), GROUPING)
    assert letters.members == ((0,),)
    assert contents(letters.table) == ["Dzień dobry Jan,\n\nTwoje oceny:\n- Mechanika: 3\n\nDziekanat"]


def test_other_columns_come_from_the_first_row_and_a_difference_the_template_uses_is_a_warning() -> None:
    letters = prepare_letters(GRADES, GROUPING)
    uses_field = MessageTemplate("Oceny", "Kierunek: {Kierunek}\n{lista}")
    assert contents(letters.table, uses_field)[0].startswith("Kierunek: Informatyka\n")
    result = check_letters(uses_field, letters)
    differ = [p for p in result.problems if p.code == Code.GROUP_VALUES_DIFFER]
    assert len(differ) == 1
    assert differ[0].row == 2 and differ[0].severity == "warning" and differ[0].field == "Kierunek"
    assert "Rows 2, 4, 5 go to anna@example.edu.pl" in differ[0].message
    assert "(“Informatyka”, “Matematyka”)" in differ[0].message
    quiet = check_letters(TEMPLATE, letters)  # Kierunek not used; E-mail's case differs but is not used
    assert not [p for p in quiet.problems if p.code == Code.GROUP_VALUES_DIFFER]


def test_the_limit_is_checked_on_the_whole_list() -> None:
    rows = [("Anna", "K", "anna@example.edu.pl", "I", "P" * 100, str(i)) for i in range(160)]
    letters = prepare_letters(table(*rows), GROUPING)
    assert letters.table.row_count == 1
    result = check_letters(TEMPLATE, letters)
    assert [p.code for p in result.problems if p.is_error] == ["content_too_long"]
    assert result.sendable == 0 and result.blocked_rows == (0,)
    fits = prepare_letters(table(*rows[:100]), GROUPING)
    assert check_letters(TEMPLATE, fits).sendable == 1


def test_unticked_rows_are_not_listed_and_a_group_of_unticked_rows_is_none() -> None:
    source = table(
        *[
            (r[0], r[1], r[2], r[3], r[4], r[5])
            for r in (
                ("Anna", "K", "anna@example.edu.pl", "I", "Analiza", "5"),
                ("Anna", "K", "anna@example.edu.pl", "I", "Algebra", "2"),
                ("Jan", "N", "jan@example.edu.pl", "F", "Mechanika", "3"),
            )
        ]
    )
    source.set_included([1, 2], False)
    letters = prepare_letters(source, GROUPING)
    assert letters.members == ((0,),)
    assert contents(letters.table)[0].count("\n- ") == 1


def test_a_line_naming_no_column_stops_the_message_and_a_bad_row_stops_its_group() -> None:
    broken = prepare_letters(GRADES, LetterSetup(grouping=Grouping("- {Przedmiot}: {Ocenа}")))  # Cyrillic а
    result = check_letters(TEMPLATE, broken)
    invalid = [p for p in result.problems if p.code == Code.GROUP_LINE_INVALID]
    assert invalid and invalid[0].is_error and result.template_blocks
    spec = table(
        ("Anna", "K", "anna@example.edu.pl", "I", "Analiza", "5"),
        ("Anna", "K", "anna@example.edu.pl", "I", "Algebra", "x"),
        ("Jan", "N", "jan@example.edu.pl", "F", "Mechanika", "3"),
    )
    letters = prepare_letters(spec, LetterSetup(grouping=Grouping("- {Przedmiot:{Ocena}}")))
    result = check_letters(TEMPLATE, letters)
    failed = [p for p in result.problems if p.code == Code.GROUP_LINE_FAILED]
    assert {p.row for p in failed} == {3}  # "5" is a width (fine); "x" is no format for text
    assert 0 in result.blocked_rows


def test_grouping_with_a_salutation_and_an_override_of_the_list() -> None:
    setup = LetterSetup(
        (Salutation("Zwrot", first_name_column="Imię"),), Grouping("* {Przedmiot}", separator="; ")
    )
    overrides = Overrides({("lista", 2): "* wszystko zaliczone"})
    letters = prepare_letters(GRADES, setup, overrides)
    template = MessageTemplate("Oceny", "{Zwrot}: {lista}")
    assert contents(letters.table, template)[:2] == [
        "Szanowna Pani: * wszystko zaliczone",
        "Szanowny Panie: * Mechanika",
    ]
    result = check_letters(template, letters)
    guessed = [p.row for p in result.problems if p.code == Code.GENDER_GUESSED]
    assert guessed == [2, 3, 6, 7]  # the first row of each group (6 and 7 have no valid address: alone)


def test_the_campaign_accounts_for_every_sheet_row() -> None:
    source = table(
        *[tuple(GRADES.row_values(i)) for i in range(GRADES.row_count)],
        ("Piotr", "W", "piotr@example.edu.pl", "I", "Analiza", "4"),
    )
    source.set_included([6], False)
    letters = prepare_letters(source, GROUPING)
    draft = build_letter_campaign(
        letters,
        TEMPLATE,
        installation="http://127.0.0.1:1/",
        key_fingerprint="sha256:x",
        mode=SendMode.MESSAGES,
    )
    assert [(m.row, [row for row, _ in m.also]) for m in draft.messages] == [(2, [4, 5]), (3, [])]
    first = draft.messages[0]
    assert first.also[0][1]["Przedmiot"] == "Algebra" and first.record["Przedmiot"] == "Analiza"
    assert first.content is not None and "- Logika: 4" in first.content
    assert [(e.row, e.code) for e in draft.excluded] == [
        (6, "email_invalid"),
        (7, "email_invalid"),
        (8, EXCLUDED_BY_USER),
    ]
    accounted = [m.row for m in draft.messages] + [r for m in draft.messages for r, _ in m.also]
    accounted += [e.row for e in draft.excluded]
    assert sorted(accounted) == [source.row_number(i) for i in range(source.row_count)]
    template_mode = build_letter_campaign(
        letters,
        TEMPLATE,
        installation="http://127.0.0.1:1/",
        key_fingerprint="sha256:x",
        mode=SendMode.TEMPLATE,
    )
    params = template_mode.messages[0].params
    assert params is not None and set(params) == {"Nazwisko", "Imię", "lista"}  # the list travels as a param
