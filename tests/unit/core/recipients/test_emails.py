"""E-mail cells: cleaning, splitting, validation exactly as email-validator says, detection."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from usosmail_gui.core.recipients import (
    EmailChecker,
    clean_email_cell,
    detect_email_column,
    make_columns,
    split_addresses,
)
from usosmail_gui.core.recipients.emails import (
    COMMA_IN_DOMAIN,
    PIPE_BETWEEN_ADDRESSES,
    PIPE_IN_ADDRESS,
    SPACES_BETWEEN_ADDRESSES,
    as_verdict,
    email_header_score,
)


def test_cleaning_removes_invisible_characters_and_odd_spaces() -> None:
    assert clean_email_cell("  jan@student.example.edu.pl\u00a0") == "jan@student.example.edu.pl"
    assert clean_email_cell("\u200bjan@stu\u200ddent.example.edu.pl\ufeff") == "jan@student.example.edu.pl"
    assert clean_email_cell("\u202fjan@example.com\u2009") == "jan@example.com"
    # NFC: "ó" typed as "o" + combining acute becomes one character
    assert clean_email_cell("jo\u0301zef@example.com") == "józef@example.com"


@pytest.mark.parametrize(
    ("cell", "addresses"),
    [
        ("a@example.com", ["a@example.com"]),
        ("a@example.com, b@example.com", ["a@example.com", "b@example.com"]),
        ("a@example.com;b@example.com;", ["a@example.com", "b@example.com"]),
        ("a@example.com ;; b@example.com", ["a@example.com", "b@example.com"]),
        ("a@example.com\nb@example.com", ["a@example.com", "b@example.com"]),  # Alt+Enter in a cell
        ("mailto:a@example.com", ["a@example.com"]),
        ("", []),
        (" ; , ", []),
    ],
)
def test_splitting_on_commas_and_semicolons(cell: str, addresses: list[str]) -> None:
    assert split_addresses(clean_email_cell(cell)) == addresses


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("jan.kowalski", "@-sign"),
        ("jan@@example.com", "@"),
        ("jan kowalski@example.com", "invalid characters"),
        ("jan@example", "period"),
        ("jan..k@example.com", "two periods"),
        ("jan@student.test", "special-use"),
        ("Jan Kowalski <jan@example.com>", "display name"),
    ],
)
def test_an_invalid_address_says_what_is_wrong(address: str, says: str) -> None:
    normalized, reason = EmailChecker().check_address(address)
    assert normalized is None
    assert says in reason


def test_a_valid_address_keeps_its_domain_as_written() -> None:
    checker = EmailChecker()
    # email-validator's local part (NFC, RFC 2142 names lower-cased), the domain as written
    # (ASCII letters lower-cased): no IDNA rewriting, so what is sent is what the sheet says
    assert checker.check_address("Jan.Kowalski@Student.Example.EDU.pl") == (
        "Jan.Kowalski@student.example.edu.pl",
        "",
    )
    assert checker.check_address("Postmaster@example.com") == ("postmaster@example.com", "")
    assert checker.check_address("józef@example.com") == ("józef@example.com", "")
    assert checker.check_address("jan@xn--w-uga1v8h.pl") == ("jan@xn--w-uga1v8h.pl", "")
    assert checker.check_address("jan@żółw.pl") == ("jan@żółw.pl", "")


def _reference(address: str) -> tuple[str | None, str]:
    """email-validator's verdict, with the app's two rules on top: "|" never (USOS separates
    recipients with it) and the domain as written."""
    try:
        info = validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return None, str(exc)
    if "|" in info.local_part:
        return None, PIPE_IN_ADDRESS
    domain = address.rpartition("@")[2]
    return info.local_part + "@" + (domain.lower() if domain.isascii() else domain), ""


_LOCAL = st.text(alphabet="abcXYZ019._-+!#'{}~ ó\"@|", min_size=0, max_size=12)
_LABEL = st.text(alphabet="abcdeXYZ019-ą", min_size=0, max_size=8)
_TLD = st.sampled_from(["pl", "com", "test", "invalid", "123", "PL"])
_DOMAIN = st.one_of(
    st.lists(_LABEL, min_size=1, max_size=4).map(".".join),
    st.builds(lambda a, tld: f"{a}.{tld}", _LABEL, _TLD),
    st.sampled_from(
        ["student.example.edu.pl", "EXAMPLE.com", "localhost", "xn--d1acufc.xn--p1ai", "[127.0.0.1]"]
    ),
)
_ADDRESS = st.one_of(
    st.builds(lambda local, domain: f"{local}@{domain}", _LOCAL, _DOMAIN), st.text(max_size=20)
)


@settings(max_examples=300)
@given(_ADDRESS)
def test_the_fast_path_agrees_with_email_validator(address: str) -> None:
    assert EmailChecker().check_address(address) == _reference(address)


@settings(max_examples=150)
@given(
    st.lists(
        st.one_of(
            _ADDRESS,
            st.just(""),
            st.just("ala@student.example.edu.pl"),
            st.text(alphabet="ab.@ \n,;", max_size=8),  # line breaks and separators inside cells
        ),
        max_size=12,
    )
)
def test_checking_a_column_at_once_agrees_with_cell_by_cell(cells: list[str]) -> None:
    batch = [as_verdict(v) for v in EmailChecker().check_cells(cells)]
    one_by_one = [EmailChecker().check_cell(c) for c in cells]
    assert batch == one_by_one


@pytest.mark.parametrize(
    "cells",
    [
        ["", "@student.example.edu.pl"],
        ["", ".anna@student.example.edu.pl"],
        ["", "", "anna.@student.example.edu.pl"],
        ["", "anna..nowak@student.example.edu.pl"],
        ["anna@student.example.edu.pl", "XXXX"],  # a placeholder text left in the column
    ],
)
def test_a_broken_address_after_empty_cells_is_caught_by_the_quick_column_check(cells: list[str]) -> None:
    """The column is checked joined by line breaks: what starts a line must still be seen."""
    batch = [as_verdict(v) for v in EmailChecker().check_cells(cells)]
    assert batch == [EmailChecker().check_cell(c) for c in cells]
    assert batch[-1].addresses == () and [a for a, _ in batch[-1].invalid] == [cells[-1]]


@pytest.mark.parametrize("address", ["XX.XX.@uw.edu.pl", "XX.XX..XX.XX..X@uw.edu.pl"])
def test_misplaced_periods_in_capitals_are_caught_by_the_quick_column_check(address: str) -> None:
    [verdict] = [as_verdict(v) for v in EmailChecker().check_cells([address])]
    assert verdict == EmailChecker().check_cell(address)
    assert verdict.addresses == () and [a for a, _ in verdict.invalid] == [address]


def test_the_length_limit_holds_on_the_shortcut_for_single_addresses() -> None:
    """254 characters is the longest address; one more is refused, in a column too."""
    longest = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".pl"
    too_long = longest.replace(".d", ".dd", 1)
    assert (len(longest), len(too_long)) == (254, 255)
    verdicts = [as_verdict(v) for v in EmailChecker().check_cells([longest, too_long])]
    assert verdicts == [EmailChecker().check_cell(longest), EmailChecker().check_cell(too_long)]
    assert verdicts[0].addresses == (longest,)
    assert verdicts[1].addresses == () and [a for a, _ in verdicts[1].invalid] == [too_long]


def test_a_cell_verdict_lists_valid_invalid_and_repeated_addresses() -> None:
    verdict = EmailChecker().check_cell("a@example.com; B@Example.com; nope; A@EXAMPLE.COM")
    assert verdict.addresses == ("a@example.com", "B@example.com")
    assert [address for address, _ in verdict.invalid] == ["nope"]
    assert verdict.repeated == ("A@example.com",)
    assert verdict.written == 4


@pytest.mark.parametrize(
    ("header", "score"),
    [
        ("E-mail", 2),
        ("email", 2),
        ("Adres e-mail", 2),
        ("ADRES EMAIL", 2),
        ("Poczta elektroniczna", 2),
        ("E-mail studenta", 1),
        ("Adres mailowy (uczelniany)", 1),
        ("Nazwisko", 0),
        ("Mailing status", 0),
    ],
)
def test_header_names_of_an_email_column(header: str, score: int) -> None:
    assert email_header_score(header) == score


def test_the_email_column_is_found_by_its_header() -> None:
    columns = make_columns(["Imię", "E-mail prywatny", "Adres e-mail"], [0, 1, 2])
    values = [["Jan"], ["jan@example.com"], ["jan@student.example.edu.pl"]]
    assert detect_email_column(columns, values) == 2  # the exact name wins a tie


def test_the_email_column_is_found_by_its_content_when_no_header_says_so() -> None:
    columns = make_columns(["Imię", "Kontakt", "Uwagi"], [0, 1, 2])
    values = [["Jan", "Ewa", "Ola"], ["jan@example.com", "", "ola@example.com"], ["x", "y", "z"]]
    assert detect_email_column(columns, values) == 1


def test_no_email_column_when_nothing_looks_like_one() -> None:
    columns = make_columns(["Imię", "Nazwisko"], [0, 1])
    assert detect_email_column(columns, [["Jan"], ["Kowalski"]]) is None


def test_a_named_but_empty_email_column_is_still_chosen() -> None:
    columns = make_columns(["Imię", "E-mail"], [0, 1])
    assert detect_email_column(columns, [["Jan", "Ewa"], ["", ""]]) == 1


@pytest.mark.parametrize(
    "address",
    [
        "a" * 64 + "@example.com",
        "a" * 65 + "@example.com",
        "a" * 200 + "@" + "b" * 40 + ".example.com",
        "x@" + ".".join(["abcdefghij"] * 23) + ".pl",
        "jan@XN--D1ACUFC.XN--P1AI",
        "jan@пример.рф",
        "a@b-.pl",
        "a@-b.pl",
        "a@b.pl.",
        "info@example.com",
        "INFO@example.com",
        "a.b.c@example.com",
        ".a@example.com",
        "a.@example.com",
        "a@example.com ",
    ],
)
def test_edge_addresses_agree_with_email_validator(address: str) -> None:
    checker = EmailChecker()
    assert checker.check_address(address) == _reference(address)
    assert [as_verdict(v) for v in checker.check_cells([address])] == [EmailChecker().check_cell(address)]


# --- "|" and the mistakes whose correction is obvious (issue 17, item 3; issue 15, item 4) ---


@pytest.mark.parametrize("cell", ["x|s1@example.edu.pl", "jan|kowalski@example.edu.pl"])
def test_a_bar_inside_an_address_is_an_error(cell: str) -> None:
    """USOS separates recipients with "|": this student's message could go to s1@example.edu.pl."""
    checker = EmailChecker()
    verdict = as_verdict(checker.check_cells([cell])[0])
    assert verdict.addresses == ()
    assert verdict.invalid == ((cell, PIPE_IN_ADDRESS),)
    assert verdict.fix is None  # "x" is no address: nothing obvious to split into
    assert checker.check_cell(cell) == verdict


@pytest.mark.parametrize(
    ("cell", "reason", "fix"),
    [
        ("a@example.edu.pl|b@example.edu.pl", PIPE_BETWEEN_ADDRESSES, "a@example.edu.pl, b@example.edu.pl"),
        ("a@example.edu.pl b@example.edu.pl", SPACES_BETWEEN_ADDRESSES, "a@example.edu.pl, b@example.edu.pl"),
        ("a@example.edu.pl / b@example.com", SPACES_BETWEEN_ADDRESSES, "a@example.edu.pl, b@example.com"),
        ("jan.kowalski@uw.edu,pl", COMMA_IN_DOMAIN, "jan.kowalski@uw.edu.pl"),
        ("x@example.com; jan.kowalski@uw.edu,pl", COMMA_IN_DOMAIN, "x@example.com; jan.kowalski@uw.edu.pl"),
    ],
)
def test_an_obvious_mistake_is_an_error_with_its_correction(cell: str, reason: str, fix: str) -> None:
    checker = EmailChecker()
    verdict = as_verdict(checker.check_cells([cell])[0])
    assert [why for _, why in verdict.invalid] == [reason]
    assert verdict.fix == fix
    fixed = checker.check_cell(fix)
    assert fixed.invalid == () and len(fixed.addresses) >= 1


def test_polish_letters_before_the_at_sign_are_valid_but_flagged() -> None:
    verdict = EmailChecker().check_cell("łukasz.żółć@student.example.edu.pl")
    assert verdict.addresses == ("łukasz.żółć@student.example.edu.pl",)
    assert verdict.non_ascii == ("łukasz.żółć@student.example.edu.pl",)
    assert EmailChecker().check_cell("lukasz@żółw.pl").non_ascii == ()  # only the part before @


def test_a_special_mailbox_written_with_capitals_is_sent_lower_case_wherever_it_is_in_the_list() -> None:
    """email-validator writes "Postmaster@" (RFC 2142 names) lower case; the quick path
    for whole columns must find such a name in any row, first, in the middle or last,
    and not take "a.postmaster@" (an ordinary address) for one."""
    first = EmailChecker().check_cells(["Postmaster@uw.edu.pl", "Ann@uw.edu.pl"])
    assert [as_verdict(v).addresses for v in first] == [("postmaster@uw.edu.pl",), ("Ann@uw.edu.pl",)]
    cells = ["A.postmaster@x.pl", "Postmaster@y.pl", "B.postmaster@z.pl"]
    among = EmailChecker().check_cells(cells)
    assert [as_verdict(v).addresses[0] for v in among] == [
        "A.postmaster@x.pl",
        "postmaster@y.pl",
        "B.postmaster@z.pl",
    ]
    last = EmailChecker().check_cells(["Jan@x.pl", "Abuse@uw.edu.pl"])
    assert [as_verdict(v).addresses[0] for v in last] == ["Jan@x.pl", "abuse@uw.edu.pl"]
    plain = EmailChecker().check_cells(["A.postmaster@x.pl", "Jan@x.pl"])
    assert [as_verdict(v).addresses[0] for v in plain] == ["A.postmaster@x.pl", "Jan@x.pl"]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("a@example.com; b@example.com; jan.kowalski@uw.edu,pl", "jan.kowalski@uw.edu,pl"),
        (";jan.kowalski@uw.edu,pl", "jan.kowalski@uw.edu,pl"),
        ("Xena.Kowalska@uw.edu,pl", "Xena.Kowalska@uw.edu,pl"),
    ],
)
def test_a_comma_in_the_domain_names_the_address_as_written(cell: str, written: str) -> None:
    verdict = EmailChecker().check_cell(cell)
    assert (written, COMMA_IN_DOMAIN) in verdict.invalid
    assert verdict.fix is not None and written.replace(",pl", ".pl") in verdict.fix


def test_no_correction_is_offered_when_it_would_not_make_valid_addresses() -> None:
    assert EmailChecker().check_cell("jan..kowalski@uw.edu,pl").fix is None  # the dot fixed, still invalid
    lone = EmailChecker().check_cell("a@example.edu.pl|")  # one address and a stray "|"
    assert lone.fix is None and PIPE_BETWEEN_ADDRESSES not in [why for _, why in lone.invalid]


def test_carriage_returns_and_mailto_prefixes_between_addresses() -> None:
    assert split_addresses("a@x.pl\rb@y.pl") == ["a@x.pl", "b@y.pl"]
    assert split_addresses("mailto:a@x.pl; MAILTO:b@y.pl") == ["a@x.pl", "b@y.pl"]
    assert split_addresses("mailto: a@x.pl") == ["a@x.pl"]


def test_each_address_of_a_cell_gets_its_obvious_fix_after_one_without() -> None:
    verdict = EmailChecker().check_cell("a@x.pl|x, b@y.pl c@z.pl")
    assert verdict.fix == "a@x.pl|x, b@y.pl, c@z.pl"  # "|x" has no obvious fix; the spaces have
    assert ("b@y.pl c@z.pl", SPACES_BETWEEN_ADDRESSES) in verdict.invalid


def test_addresses_run_together_are_not_split_when_one_of_them_is_invalid() -> None:
    verdict = EmailChecker().check_cell("a@x.pl b@")
    assert verdict.fix is None and verdict.addresses == ()


def test_an_address_of_254_characters_is_valid_and_one_of_255_is_too_long() -> None:
    local = "a" * 64
    longest = local + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".pl"
    too_long = local + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 59 + ".pl"
    assert (len(longest), len(too_long)) == (254, 255)
    assert EmailChecker().check_address(longest) == (longest, "")
    address, reason = EmailChecker().check_address(too_long)
    assert address is None and reason == "The email address is too long (1 character too many)."
