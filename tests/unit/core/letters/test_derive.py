"""Derived columns: salutations, vocatives, fallbacks, transforms, overrides, and the
problems list saying which rows were guessed (core/letters/derive.py, check.py)."""

from __future__ import annotations

import pytest

from tests.helpers.tables import make_table
from usosmail_gui.core.letters import (
    Fallback,
    LetterSetup,
    Salutation,
    Transform,
    TransformKind,
    Vocative,
)
from usosmail_gui.core.letters.check import check_letters
from usosmail_gui.core.letters.derive import Overrides, prepare_letters
from usosmail_gui.core.letters.gender import Gender, read_gender
from usosmail_gui.core.letters.messages import Code
from usosmail_gui.core.letters.names import NameBook
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.template import MessageTemplate, compile_template, render

HEADERS = ["Imię", "Nazwisko", "E-mail", "Płeć", "Telefon"]


def table(*rows: tuple[str, str, str, str, str]) -> RecipientTable:
    return make_table([list(r) for r in rows], HEADERS)


STUDENTS = table(
    ("Anna", "Kowalska", "anna@example.edu.pl", "K", "600 100 200"),
    ("Jan", "Nowak", "jan@example.edu.pl", "M", ""),
    ("Katarzyna", "Zając", "kasia@example.edu.pl", "", ""),
    ("Kuba", "Wiśniewski", "kuba@example.edu.pl", "x", " "),
    ("Siobhan", "Murphy", "siobhan@example.edu.pl", "", ""),
    ("", "Bezimienny", "nn@example.edu.pl", "", ""),
)


def values(setup: LetterSetup, name: str, source: RecipientTable = STUDENTS) -> list[str]:
    letters = prepare_letters(source, setup)
    index = letters.table.find_column(name)
    assert index is not None
    return list(letters.table.column_values(index))


@pytest.mark.parametrize(
    ("cell", "gender"),
    [
        ("K", Gender.FEMALE),
        ("k", Gender.FEMALE),
        ("kobieta", Gender.FEMALE),
        ("F", Gender.FEMALE),
        (" Pani ", Gender.FEMALE),
        ("M", Gender.MALE),
        ("mężczyzna", Gender.MALE),
        ("MĘŻCZYZNA", Gender.MALE),
        ("male", Gender.MALE),
        ("Pan.", Gender.MALE),
        ("", Gender.UNKNOWN),
        ("  ", Gender.UNKNOWN),
        ("X", None),
        ("?", None),
        ("kobieta?", None),
    ],
)
def test_gender_cells_as_usos_and_offices_write_them(cell: str, gender: Gender | None) -> None:
    assert read_gender(cell) is gender


def test_salutation_from_the_gender_column_or_guessed_from_the_first_name() -> None:
    setup = LetterSetup((Salutation("Zwrot", gender_column="Płeć", first_name_column="Imię"),))
    assert values(setup, "Zwrot") == [
        "Szanowna Pani",
        "Szanowny Panie",
        "Szanowna Pani",  # Katarzyna: no gender in the cell, guessed
        "Szanowny Panie",  # Kuba: "x" is no gender, guessed from the name
        "Szanowni Państwo",  # Siobhan: not a Polish first name
        "Szanowni Państwo",  # no name at all
    ]


def test_salutation_with_the_first_name_in_the_vocative() -> None:
    setup = LetterSetup((Salutation("Zwrot", "Płeć", "Imię", with_name=True),))
    assert values(setup, "Zwrot") == [
        "Szanowna Pani Anno",
        "Szanowny Panie Janie",
        "Szanowna Pani Katarzyno",
        "Szanowny Panie Kubo",
        "Szanowni Państwo",
        "Szanowni Państwo",
    ]


def test_the_forms_are_the_users_and_unknown_can_be_neutral() -> None:
    setup = LetterSetup(
        (
            Salutation(
                "Zwrot",
                "Płeć",
                "Imię",
                female="Droga Pani",
                male="Drogi Panie",
                unknown="Szanowna Pani / Szanowny Panie",
            ),
        )
    )
    assert values(setup, "Zwrot")[:2] == ["Droga Pani", "Drogi Panie"]
    assert values(setup, "Zwrot")[4] == "Szanowna Pani / Szanowny Panie"


def test_without_a_gender_column_every_row_is_guessed() -> None:
    setup = LetterSetup((Salutation("Zwrot", first_name_column="Imię"),))
    letters = prepare_letters(STUDENTS, setup)
    compiled = compile_template(MessageTemplate("Temat", "{Zwrot},\ntreść"), letters.table.columns)
    result = check_letters(compiled, letters)
    codes = [(p.row, p.code) for p in result.problems if p.code in Code.all()]
    assert codes == [
        (2, Code.GENDER_GUESSED),
        (3, Code.GENDER_GUESSED),
        (4, Code.GENDER_GUESSED),
        (5, Code.GENDER_GUESSED),
        (6, Code.GENDER_UNKNOWN),
        (7, Code.GENDER_UNKNOWN),
    ]
    assert all(not p.is_error for p in result.problems)
    assert result.sendable == 6
    guessed = next(p for p in result.problems if p.row == 2)
    assert "guessed from the first name “Anna”" in guessed.message
    assert "no gender column" in guessed.message


def test_every_guessed_or_unknown_row_is_a_warning_and_a_known_one_is_not() -> None:
    setup = LetterSetup((Salutation("Zwrot", "Płeć", "Imię", with_name=True),))
    letters = prepare_letters(STUDENTS, setup)
    result = check_letters(MessageTemplate("Temat", "{Zwrot},\ntreść"), letters)
    found = {p.row: p for p in result.problems if p.code in Code.all()}
    assert sorted(found) == [4, 5, 6, 7]
    assert found[4].code == Code.GENDER_GUESSED and "“Płeć” is empty" in found[4].message
    assert found[5].code == Code.GENDER_GUESSED and "“x” in “Płeć” is not a gender" in found[5].message
    assert found[6].code == Code.GENDER_UNKNOWN and "Siobhan" in found[6].message
    assert found[7].code == Code.GENDER_UNKNOWN
    assert all(p.severity == "warning" and p.field == "Zwrot" for p in found.values())


def test_a_derived_column_the_template_does_not_use_reports_nothing() -> None:
    setup = LetterSetup((Salutation("Zwrot", first_name_column="Imię"),))
    letters = prepare_letters(STUDENTS, setup)
    result = check_letters(MessageTemplate("Temat", "Dzień dobry {Imię}"), letters)
    assert not [p for p in result.problems if p.code in Code.all()]


def test_vocative_of_first_names_and_foreign_ones_left_as_written_and_flagged() -> None:
    setup = LetterSetup((Vocative("Wołacz", "Imię"),))
    assert values(setup, "Wołacz") == ["Anno", "Janie", "Katarzyno", "Kubo", "Siobhan", ""]
    letters = prepare_letters(STUDENTS, setup)
    result = check_letters(MessageTemplate("Temat", "Droga {Wołacz}!"), letters)
    flagged = [(p.row, p.code) for p in result.problems if p.code in Code.all()]
    assert flagged == [(6, Code.NAME_NOT_DECLINED)]
    assert [p.code for p in result.problems if p.row == 7] == ["empty_value"]  # as for any empty cell


def test_letter_case_is_kept_and_double_names_are_declined_word_by_word() -> None:
    book = NameBook()
    assert book.info("ANNA").vocative == "ANNO"
    assert book.info("anna").vocative == "anno"
    assert book.info("Anna Maria").vocative == "Anno Mario"
    assert book.info("Anna-Maria").vocative == "Anno-Mario"
    assert book.info(" Jan  Paweł ").vocative == "Janie Pawle"
    assert book.info("Anna Maria").gender is Gender.FEMALE
    mixed = book.info("Jan Maria")  # a man's and a woman's name: not told
    assert mixed.gender is Gender.UNKNOWN and not mixed.known


def test_each_distinct_name_is_looked_up_once() -> None:
    calls: list[str] = []

    class Lexicon:
        def first_name_entries(self, lemma: str) -> list[tuple[Gender, str]]:
            calls.append(lemma)
            return [(Gender.FEMALE, lemma[:-1] + "o")] if lemma.endswith("a") else []

    rows = [("Anna", "A", f"s{i}@example.edu.pl", "", "") for i in range(1000)]
    setup = LetterSetup((Vocative("W", "Imię"), Salutation("Z", first_name_column="Imię")))
    letters = prepare_letters(table(*rows), setup, book=NameBook(Lexicon()))
    assert calls == ["Anna"]
    assert set(letters.table.column_values(letters.table.find_column("W") or 0)) == {"Anno"}


def test_a_pause_every_2000_rows_changes_nothing_but_gives_the_gui_its_turns() -> None:
    from usosmail_gui.core.letters import Grouping
    from usosmail_gui.core.letters.derive import PAUSE_ROWS

    rows = [(("Anna", "Jan", "Kuba")[i % 3], "N", f"s{i % 900}@example.edu.pl", "", "") for i in range(5000)]
    source = table(*rows)
    setup = LetterSetup(
        (Salutation("Z", first_name_column="Imię", with_name=True), Vocative("W", "Imię")),
        Grouping("- {Nazwisko}"),
    )
    pauses: list[int] = []
    paused = prepare_letters(source, setup, pause=lambda: pauses.append(1))
    plain = prepare_letters(source, setup)
    assert [list(paused.table.column_values(i)) for i in range(paused.table.column_count)] == [
        list(plain.table.column_values(i)) for i in range(plain.table.column_count)
    ]
    # the salutation's and the vocative's rows, the grouping's rows and its lines: each loop pauses
    per_loop = -(-5000 // PAUSE_ROWS)
    assert len(pauses) == 3 * per_loop + -(-len([i for g in paused.members or () for i in g]) // PAUSE_ROWS)


def test_fallback_and_transforms() -> None:
    setup = LetterSetup(
        (
            Fallback("Tel", "Telefon", "(brak numeru)"),
            Transform("NAZWISKO", "Nazwisko", TransformKind.UPPER),
            Transform("nazwisko", "Nazwisko", TransformKind.LOWER),
            Transform("Tytuł", "Imię", TransformKind.TITLE),
            Transform("TelDuże", "Tel", TransformKind.UPPER),  # reads an earlier derived column
        )
    )
    assert values(setup, "Tel") == ["600 100 200"] + ["(brak numeru)"] * 5
    assert values(setup, "NAZWISKO")[3] == "WIŚNIEWSKI"
    assert values(setup, "nazwisko")[2] == "zając"
    assert values(setup, "TelDuże")[1] == "(BRAK NUMERU)"
    source = table(("jan MARIA", "o'neil-kowalska", "j@example.edu.pl", "", ""))
    title = LetterSetup(
        (Transform("T", "Imię", TransformKind.TITLE), Transform("N", "Nazwisko", TransformKind.TITLE))
    )
    assert values(title, "T", source) == ["Jan Maria"]
    assert values(title, "N", source) == ["O'Neil-Kowalska"]
    capital = LetterSetup((Transform("C", "Imię", TransformKind.CAPITALIZE),))
    assert values(capital, "C", source) == ["Jan maria"]


def test_derived_values_render_like_the_sheets_own_columns() -> None:
    setup = LetterSetup((Salutation("Zwrot", "Płeć", "Imię", with_name=True),))
    letters = prepare_letters(STUDENTS, setup)
    compiled = compile_template(
        MessageTemplate("Sprawa {Nazwisko}", "{Zwrot},\n\nuprzejmie informujemy…"), letters.table.columns
    )
    message = render(compiled, letters.table.params(0), row=2)
    assert message.content == "Szanowna Pani Anno,\n\nuprzejmie informujemy…"
    assert compiled.used_columns == ("Nazwisko", "Zwrot")
    assert letters.is_derived("Zwrot") and not letters.is_derived("Imię")
    assert letters.table.recipients(0) == ("anna@example.edu.pl",)  # the e-mail verdicts came along


def test_an_override_replaces_the_value_and_its_warning() -> None:
    setup = LetterSetup((Salutation("Zwrot", first_name_column="Imię", with_name=True),))
    overrides = Overrides()
    overrides.set("Zwrot", 6, "Dear Siobhan")
    overrides.set("Zwrot", 99, "no such row")
    assert overrides.version == 2 and len(overrides) == 2
    letters = prepare_letters(STUDENTS, setup, overrides)
    assert letters.table.value(4, letters.table.find_column("Zwrot") or 0) == "Dear Siobhan"
    result = check_letters(MessageTemplate("T", "{Zwrot}"), letters)
    assert 6 not in {p.row for p in result.problems}
    overrides.clear("Zwrot", 6)
    assert overrides.get("Zwrot", 6) is None and overrides.version == 3
    again = prepare_letters(STUDENTS, setup, overrides)
    assert again.table.value(4, again.table.find_column("Zwrot") or 0) == "Szanowni Państwo"


def test_the_source_table_is_not_changed() -> None:
    before = STUDENTS.column_names
    letters = prepare_letters(STUDENTS, LetterSetup((Vocative("W", "Imię"),)))
    assert STUDENTS.column_names == before
    assert letters.table.column_names == [*before, "W"]
    assert letters.source is STUDENTS
    assert prepare_letters(STUDENTS, LetterSetup()).table is STUDENTS


def test_definitions_that_cannot_work_are_errors_when_used() -> None:
    setup = LetterSetup(
        (
            Vocative("Wołacz", "Imie"),  # no such column (without the ę)
            Fallback("Imię", "Telefon", "-"),  # the name of a column of the list
            Fallback("Zły.name", "Telefon", "-"),
        )
    )
    letters = prepare_letters(STUDENTS, setup)
    codes = {(p.field, p.code) for p in letters.problems}
    assert codes == {
        ("Wołacz", Code.DERIVED_SOURCE_MISSING),
        ("Imię", Code.DERIVED_NAME_TAKEN),
        ("Zły.name", Code.DERIVED_NAME_INVALID),
    }
    used = check_letters(MessageTemplate("T", "{Wołacz}"), letters)
    assert used.template_blocks and used.sendable == 0
    missing = next(p for p in used.problems if p.code == Code.DERIVED_SOURCE_MISSING)
    assert missing.is_error and "“Imie”" in missing.message
    unused = check_letters(MessageTemplate("T", "{Nazwisko}"), letters)
    assert not unused.template_blocks and unused.sendable == 6
    assert all(not p.is_error for p in unused.problems if p.code in Code.all())
