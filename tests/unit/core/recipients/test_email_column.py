"""Choosing the e-mail column at its boundaries (issue 19): a wrong column means mail to the
wrong people, or to nobody. By header first (of several, the one whose cells look most like
addresses), by content when no header says e-mail: only a column where at least half of
the (first 200 non-empty) cells look like addresses."""

from __future__ import annotations

import pytest

from usosmail_gui.core.recipients import detect_email_column, make_columns
from usosmail_gui.core.recipients.emails import email_header_score

ADDRESS = "jan@student.example.edu.pl"


def pick(headers: list[str], *values: list[str]) -> int | None:
    return detect_email_column(make_columns(headers, list(range(len(headers)))), list(values))


@pytest.mark.parametrize(
    ("hits", "others", "chosen"),
    [(1, 1, 1), (2, 1, 1), (1, 2, None), (0, 3, None), (3, 0, 1), (5, 5, 1), (4, 5, None)],
)
def test_by_content_a_column_needs_at_least_half_of_its_cells_to_look_like_addresses(
    hits: int, others: int, chosen: int | None
) -> None:
    cells = [ADDRESS] * hits + ["Kowalski"] * others
    assert pick(["Imię", "Kontakt"], ["Jan"] * len(cells), cells) == chosen


def test_by_content_empty_and_blank_cells_do_not_count() -> None:
    cells = [ADDRESS, "", "   ", "\t", "Kowalski"]
    assert pick(["Imię", "Kontakt"], ["Jan"] * 5, cells) == 1  # 1 of 2 non-empty cells: half
    assert pick(["Imię", "Kontakt"], ["", "", ""], ["", " ", ""]) is None


def test_by_content_an_at_sign_alone_is_not_an_address() -> None:
    assert pick(["Imię", "Kontakt"], ["Jan", "Ewa"], ["@", "a@"]) is None
    assert pick(["Imię", "Kontakt"], ["Jan", "Ewa"], ["jan.example.com", "ewa at example.com"]) is None


def test_by_content_only_the_first_200_cells_are_looked_at() -> None:
    early = ["Kowalski"] * 200 + [ADDRESS] * 1000  # a column that turns into addresses late
    assert pick(["Imię", "Kontakt"], ["Jan"] * 1200, early) is None
    late_names = [ADDRESS] * 200 + ["Kowalski"] * 1000
    assert pick(["Imię", "Kontakt"], ["Jan"] * 1200, late_names) == 1


def test_by_content_the_column_with_most_addresses_wins_and_the_first_of_equals() -> None:
    most = pick(["A", "B", "C"], [ADDRESS, "x", "x"], [ADDRESS, ADDRESS, ADDRESS], [ADDRESS, ADDRESS, "x"])
    assert most == 1
    first = pick(["A", "B", "C"], ["x", "x"], [ADDRESS, ADDRESS], [ADDRESS, ADDRESS])
    assert first == 1


def test_a_named_column_with_some_addresses_wins_over_a_fuller_unnamed_one() -> None:
    assert pick(["Kontakt", "E-mail"], [ADDRESS, ADDRESS, ADDRESS], ["x", "x", ADDRESS]) == 1


def test_of_several_named_columns_the_one_with_addresses_wins_whatever_its_name() -> None:
    assert pick(["E-mail", "E-mail prywatny"], ["brak", "brak"], [ADDRESS, ADDRESS]) == 1
    assert pick(["E-mail prywatny", "E-mail"], [ADDRESS, "x"], [ADDRESS, ADDRESS]) == 1
    assert pick(["E-mail prywatny", "E-mail"], [ADDRESS, ADDRESS], [ADDRESS, "x"]) == 0


def test_of_named_columns_with_equal_content_the_exact_name_then_the_first_wins() -> None:
    assert pick(["E-mail prywatny", "E-mail"], [ADDRESS], [ADDRESS]) == 1
    assert pick(["E-mail", "Mail"], [ADDRESS], [ADDRESS]) == 0
    assert pick(["Mail studenta", "E-mail prywatny"], [ADDRESS], [ADDRESS]) == 0


def test_a_named_column_without_addresses_gives_way_to_one_that_has_them() -> None:
    assert pick(["E-mail", "Kontakt"], ["", ""], [ADDRESS, ADDRESS]) == 1
    assert pick(["E-mail", "Kontakt"], ["", ""], [ADDRESS, "x", "y"]) == 0  # a third only: the name stands
    assert pick(["Imię", "E-mail"], ["Jan"], [""]) == 1
    assert pick([]) is None


@pytest.mark.parametrize(
    ("header", "score"),
    [
        ("E-mail", 2),
        ("e_mail", 2),
        ("EMAIL", 2),
        ("Mail", 2),
        ("Adres e-mail", 2),
        ("Poczta", 2),
        ("Adres poczty elektronicznej", 2),
        ("E-mail address", 2),
        ("Maile studentów", 1),
        ("poczty", 1),
        ("Email (uczelniany)", 1),
        ("Adres mailowy", 2),
        ("Mailowy kontakt", 1),
        ("Kontakt e-mail", 1),
        ("Gmail", 0),
        ("Mailing", 0),
        ("Emailowy", 0),
        ("", 0),
        ("Adres", 0),
        ("Łódź e-mail", 1),
        ("EMAILE", 1),
    ],
)
def test_header_scores(header: str, score: int) -> None:
    assert email_header_score(header) == score


# --- address checks: the quick paths of a whole column agree with the cell-by-cell check ------
TRICKY_CELLS = [
    "",
    " ",
    "jan@student.example.edu.pl",
    " jan@student.example.edu.pl ",
    "Jan@Student.Example.EDU.pl",
    "jan.kowalski@student.example.edu.pl",
    ".jan@student.example.edu.pl",
    "jan.@student.example.edu.pl",
    "jan..k@student.example.edu.pl",
    "@student.example.edu.pl",
    "jan@",
    "jan",
    "jan@student",
    "jan@@student.example.edu.pl",
    "Postmaster@student.example.edu.pl",
    "postmaster@student.example.edu.pl",
    "abuse@student.example.edu.pl",
    "żółw@student.example.edu.pl",
    "jan@żółw.example.pl",
    "jan@xn--w-uga1v8h.example.pl",
    "jan|ewa@student.example.edu.pl",
    "jan@student.example.edu.pl|ewa@x.pl",
    "jan@student.example.edu.pl, ewa@student.example.edu.pl",
    "jan@student.example.edu.pl; jan@student.example.edu.pl",
    "jan@student.example.edu.pl ewa@student.example.edu.pl",
    "jan@student.example.edu.pl/ewa@student.example.edu.pl",
    "jan@student,pl",
    "jan@student.example.edu,pl",
    "mailto:jan@student.example.edu.pl",
    "jan@student.example.edu.pl\n",
    "a\nb@student.example.edu.pl",
    "jan+tag@student.example.edu.pl",
    "jan_k-9!#$%&'*+/=?^`{}~@student.example.edu.pl",
    '"jan k"@student.example.edu.pl',
    "jan@[127.0.0.1]",
    "jan@localhost",
    "jan@student.example.test",
    "x" * 64 + "@student.example.edu.pl",
    "x" * 230 + "@student.example.edu.pl",
    "a@" + ".".join(["d" * 60] * 4) + ".pl",
    "a@" + ".".join(["d" * 61] * 4) + ".pl",
    "jan@student.example.edu.pl\u200b",
    "\u00a0jan@student.example.edu.pl",
    "JAN@STUDENT.EXAMPLE.EDU.PL",
]


def summary(verdict: object) -> tuple[object, ...]:
    from usosmail_gui.core.recipients.emails import as_verdict

    full = as_verdict(verdict)  # type: ignore[arg-type]
    invalid = tuple(w for w, _ in full.invalid)
    return (full.addresses, invalid, full.repeated, full.written, full.keys, full.fix)


@pytest.mark.parametrize("cell", TRICKY_CELLS)
def test_a_cell_is_judged_the_same_alone_in_a_column_and_among_others(cell: str) -> None:
    from usosmail_gui.core.recipients import EmailChecker

    reference = summary(EmailChecker().check_cell(cell))
    assert summary(EmailChecker().check_cells([cell])[0]) == reference
    plain = ["ola@student.example.edu.pl", "", "ewa@student.example.edu.pl"]
    together = EmailChecker().check_cells([*plain, cell, *plain])
    assert summary(together[3]) == reference
    assert [summary(v) for v in together[:3]] == [summary(EmailChecker().check_cell(c)) for c in plain]


def test_a_column_of_plain_addresses_is_accepted_as_written() -> None:
    from usosmail_gui.core.recipients import EmailChecker

    cells = [f"s{i}@student.example.edu.pl" for i in range(50)] + [""] + ["x@other.example.com"]
    verdicts = EmailChecker().check_cells(cells)
    assert [summary(v)[0] for v in verdicts] == [(c,) if c else () for c in cells]
    assert summary(verdicts[50])[3] == 0  # the empty cell holds no address


@pytest.mark.parametrize(
    ("cell", "addresses", "invalid"),
    [
        ("Jan@Student.Example.EDU.pl", ("Jan@student.example.edu.pl",), ()),  # the domain's case only
        ("Postmaster@student.example.edu.pl", ("postmaster@student.example.edu.pl",), ()),
        ("jan..k@student.example.edu.pl", (), ("jan..k@student.example.edu.pl",)),
        ("jan@student.example.edu.pl; JAN@student.example.edu.pl", ("jan@student.example.edu.pl",), ()),
        ("jan|ewa@student.example.edu.pl", (), ("jan|ewa@student.example.edu.pl",)),
        ("x" * 240 + "@student.example.edu.pl", (), ("x" * 240 + "@student.example.edu.pl",)),
    ],
)
def test_what_a_cell_sends_to(cell: str, addresses: tuple[str, ...], invalid: tuple[str, ...]) -> None:
    from usosmail_gui.core.recipients import EmailChecker

    verdict = summary(EmailChecker().check_cells([cell])[0])
    assert (verdict[0], verdict[1]) == (addresses, invalid)


# --- why an address is refused, in words the window translates --------------------------------
def test_known_reasons_become_translatable_sentences_and_others_stay_as_written() -> None:
    from usosmail_gui.core.recipients.email_reasons import reason_sentence
    from usosmail_gui.core.sentences import Sentence

    known = reason_sentence("An email address must have an @-sign.")
    assert isinstance(known, Sentence) and known.template == "An email address must have an @-sign."
    long = reason_sentence("The email address is too long before the @-sign (2 characters too many).")
    assert isinstance(long, Sentence)
    assert long.template == "The email address is too long before the @-sign {rest}"  # the longest prefix
    assert long.values["rest"] == "(2 characters too many)."
    assert str(long) == "The email address is too long before the @-sign (2 characters too many)."
    chars = reason_sentence("The email address contains invalid characters before the @-sign: ','.")
    assert isinstance(chars, Sentence) and chars.values["rest"] == "','."
    unknown = "Something email-validator may say one day."
    assert reason_sentence(unknown) == unknown
    braces = "The email address is too long {x}"
    assert reason_sentence(braces) == braces  # never a template the value could break


def test_every_reason_the_checker_gives_for_a_real_list_is_translatable() -> None:
    from usosmail_gui.core.recipients import EmailChecker
    from usosmail_gui.core.recipients.email_reasons import reason_sentence
    from usosmail_gui.core.sentences import Sentence

    checker = EmailChecker()
    cells = [
        "jan",
        "@x.pl",
        "jan@",
        "jan..k@x.pl",
        "jan@x",
        "jan k@x.pl",
        "x" * 250 + "@x.pl",
        "jan|ewa@x.pl",
        "jan@x.pl|ewa@x.pl",
        "jan@x,pl",
    ]
    for cell in cells:
        for _, reason in checker.check_cell(cell).invalid:
            assert isinstance(reason_sentence(reason), Sentence), reason


def test_by_content_the_200th_cell_is_the_last_looked_at() -> None:
    exactly_half = [ADDRESS] * 100 + ["Kowalski"] * 100 + ["Nowak"] * 50  # half of the first 200
    assert pick(["Imię", "Kontakt"], ["Jan"] * 250, exactly_half) == 1


def test_by_content_empty_cells_at_the_top_are_skipped_not_the_end_of_the_column() -> None:
    cells = ["", "  ", ADDRESS, ADDRESS, "Kowalski"]
    assert pick(["Imię", "Kontakt"], ["Jan"] * 5, cells) == 1


@pytest.mark.parametrize(
    ("header", "score"),
    [("E-maił", 2), ("Adres e-maił", 2), ("Kontakt e-mailem", 1), ("Mailing", 0)],
)
def test_header_scores_of_typos_and_inflected_forms(header: str, score: int) -> None:
    """ "ł" typed for "l" (AltGr+L) still names the column; "e-mailem" mentions e-mail."""
    assert email_header_score(header) == score


def test_of_two_named_columns_only_the_first_200_cells_decide_which_holds_more_addresses() -> None:
    first = ["x"] * 199 + [ADDRESS] * 50  # 1 address in its first 200 cells
    second = ["x"] * 198 + [ADDRESS] * 2 + ["x"] * 49  # 2
    assert pick(["E-mail", "Adres e-mail"], first, second) == 1
