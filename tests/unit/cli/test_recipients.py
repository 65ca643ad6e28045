"""``usosmail recipients`` as a user runs it: the installed console script, real files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.spreadsheets import RECIPIENT_FIXTURES, run_usosmail

Make = Callable[..., Path]


def test_json_is_exactly_the_documented_shape() -> None:
    result = run_usosmail("recipients", str(RECIPIENT_FIXTURES / "students.xlsx"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"columns", "email_column", "rows"}
    assert data["email_column"] == "E-mail"
    assert data["columns"][:4] == ["Nr albumu", "Imię", "Nazwisko", "E-mail"]
    rows = data["rows"]
    assert [r["row"] for r in rows] == [4, 5, 7, 8]
    assert all(set(r) == {"row", "values", "emails", "problems"} for r in rows)
    assert rows[0]["values"]["Nr albumu"] == "000123"
    assert rows[0]["values"]["Ocena"] == "4.5"
    assert rows[2]["emails"] == ["anna.nowak@student.example.edu.pl", "a.nowak@example.com"]
    (problem,) = rows[3]["problems"]
    assert problem == {
        "row": 8,
        "code": "email_missing",
        "severity": "error",
        "message": problem["message"],
        "field": "E-mail",
    }


def test_human_summary_and_problems() -> None:
    result = run_usosmail("recipients", str(RECIPIENT_FIXTURES / "students.ods"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Sheet:         Studenci" in out
    assert "Header row:    3 (detected)" in out
    assert "E-mail column: E-mail (column D, detected)" in out
    assert "4 recipients · 3 will receive · 2 problems" in out
    assert "row 8: error: No e-mail address" in out
    assert "row 7: warning: This cell holds 2 addresses" in out


def test_options_choose_sheet_header_row_and_email_column(xlsx: Make) -> None:
    path = xlsx(
        [
            ["Grupa A"],
            ["Imię", "Adres", "Zapasowy"],
            ["Jan", "jan@example.com", "jan@student.example.edu.pl"],
        ],
        sheet="Lista",
        before=[("Inne", [["E-mail"], ["x@example.com"]])],
    )
    result = run_usosmail(
        "recipients", str(path), "--sheet", "Lista", "--header-row", "2", "--email-column", "C", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["email_column"] == "Zapasowy"
    assert data["rows"] == [
        {
            "row": 3,
            "values": {"Imię": "Jan", "Adres": "jan@example.com", "Zapasowy": "jan@student.example.edu.pl"},
            "emails": ["jan@student.example.edu.pl"],
            "problems": [],
        }
    ]


def test_a_csv_in_windows_1250(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes("Imię;Średnia;E-mail\r\nŁucja;4,5;lucja@student.example.edu.pl\r\n".encode("cp1250"))
    result = run_usosmail("recipients", str(path))
    assert result.returncode == 0, result.stderr
    assert "Text:          Windows-1250, semicolon ;" in result.stdout
    data = json.loads(run_usosmail("recipients", str(path), "--json").stdout)
    values = {"Imię": "Łucja", "Średnia": "4,5", "E-mail": "lucja@student.example.edu.pl"}
    assert data["rows"][0]["values"] == values


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: tmp / "missing.xlsx", "does not exist"),
        (lambda tmp: RECIPIENT_FIXTURES / "encrypted.xlsx", "protected with a password"),
        (lambda tmp: (tmp / "cut.xlsx", (tmp / "cut.xlsx").write_bytes(b"PK\x03\x04\x14\x00"))[0], "damaged"),
        (lambda tmp: (tmp / "x.csv", (tmp / "x.csv").write_bytes(bytes(range(256))))[0], "binary"),
    ],
)
def test_unreadable_files_exit_1_with_the_message_and_no_traceback(
    tmp_path: Path, make: Callable[[Path], Path], says: str
) -> None:
    result = run_usosmail("recipients", str(make(tmp_path)), "--json")
    assert result.returncode == 1
    assert says in result.stderr
    assert result.stderr.startswith("usosmail: ")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_column_that_is_not_there_exits_1(xlsx: Make) -> None:
    path = xlsx([["E-mail"], ["a@example.com"]])
    result = run_usosmail("recipients", str(path), "--email-column", "Telefon")
    assert result.returncode == 1
    assert "no column “Telefon”" in result.stderr and "Traceback" not in result.stderr


def test_help_explains_the_options_and_exit_codes() -> None:
    result = run_usosmail("recipients", "--help")
    assert result.returncode == 0
    for word in ("--sheet", "--header-row", "--email-column", "--json", "Exit codes"):
        assert word in result.stdout


def test_values_follow_the_systems_language_and_raw_values_give_the_stored_ones() -> None:
    fixture = str(RECIPIENT_FIXTURES / "formats" / "formats.ods")
    polish = json.loads(run_usosmail("recipients", fixture, "--json", env={"LC_ALL": "pl_PL.UTF-8"}).stdout)
    english_env = {"LC_ALL": "C", "LANG": "en_GB"}
    english = json.loads(run_usosmail("recipients", fixture, "--json", env=english_env).stdout)
    raw = json.loads(run_usosmail("recipients", fixture, "--json", "--raw-values").stdout)
    first = [data["rows"][0]["values"] for data in (polish, english, raw)]
    assert [v["Nr albumu"] for v in first] == ["012345", "012345", "12345"]
    assert [v["Kwota"] for v in first] == ["1\u00a0234,50", "1,234.50", "1234.5"]
    assert [v["Data"] for v in first] == ["17.06.2024", "17.06.2024", "2024-06-17"]
    summary = run_usosmail("recipients", fixture, "--raw-values").stdout
    assert "Values:        as stored (--raw-values)" in summary
    assert "Hidden rows:   2 hidden in the sheet, left out (rows 6, 7)" in summary


def test_encoding_is_chosen_or_detected_with_the_alternative(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes("Imię;E-mail\nŹdźisław;zdzislaw@student.example.edu.pl\n".encode("iso8859_2"))
    detected = run_usosmail("recipients", str(path))
    assert "Text:          ISO 8859-2, semicolon ;" in detected.stdout
    assert "(read as Windows-1250, its letters would differ: --encoding Windows-1250)" in detected.stdout
    chosen = run_usosmail("recipients", str(path), "--encoding", "Windows-1250", "--json")
    assert json.loads(chosen.stdout)["rows"][0]["values"]["Imię"] == "¬dĽisław"
    wrong = run_usosmail("recipients", str(path), "--encoding", "klingon")
    assert wrong.returncode == 1 and "is not an encoding this app reads" in wrong.stderr


def test_a_bar_in_an_address_blocks_the_row_and_check_says_how_to_fix_it(tmp_path: Path) -> None:
    """Issue 17, item 3: "x|s1@example.edu.pl" passed every check; USOS would send this
    student's message to s1@example.edu.pl as well."""
    path = tmp_path / "lista.csv"
    path.write_text(
        "Imię;E-mail\nAnna;a@student.example.edu.pl|b@student.example.edu.pl\nJan;x|s1@example.edu.pl\n",
        encoding="utf-8",
    )
    listed = json.loads(run_usosmail("recipients", str(path), "--json").stdout)
    problems = [p for row in listed["rows"] for p in row["problems"]]
    assert [(p["row"], p["code"], p["severity"]) for p in problems] == [
        (2, "email_pipe", "error"),
        (3, "email_pipe", "error"),
    ]
    assert problems[0]["suggestion"] == "a@student.example.edu.pl, b@student.example.edu.pl"
    assert "suggestion" not in problems[1]
    check = run_usosmail("check", "--recipients", str(path), "--subject", "Hej {Imię}", "--content", "Tekst")
    assert check.returncode == 1
    assert "quick fix: write “a@student.example.edu.pl, b@student.example.edu.pl” in the cell" in check.stdout
    assert "USOS reads as the end of one address" in check.stdout
