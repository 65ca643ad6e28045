"""``usosmail render`` and ``usosmail check`` (``cli.compose``) as a user runs them: real files,
real processes; with a template file's derived columns and grouping too (the ``grades`` and
``letter`` fixtures of conftest.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from usosmail_gui.core.letters import LetterSetup, Vocative
from usosmail_gui.core.template import MessageTemplate, save_template

USOSMAIL = str(Path(sys.executable).with_name("usosmail"))
SUBJECT = "Decyzja dla {Imię}"
CONTENT = "Dzień dobry {Imię} {Nazwisko} ({Nr albumu}),\n{{nawiasy}} zostają."


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([USOSMAIL, *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def students(tmp_path: Path) -> Path:
    path = tmp_path / "studenci.csv"
    path.write_text(
        "Imię;Nazwisko;Nr albumu;E-mail\n"
        "Zażółć;Gęślą;000123;zaz@student.example.edu.pl\n"
        "Jan;Kowalski;000124;zly adres\n"
        "Ewa;Nowak;000125;ewa@student.example.edu.pl\n",
        encoding="cp1250",
    )
    return path


def test_render_is_exactly_str_format(students: Path) -> None:
    result = run(
        "render", "--recipients", str(students), "--subject", SUBJECT, "--content", CONTENT, "--json"
    )
    assert result.returncode == 0, result.stderr
    values = {"Imię": "Zażółć", "Nazwisko": "Gęślą", "Nr albumu": "000123"}
    assert json.loads(result.stdout) == {
        "row": 2,
        "to": ["zaz@student.example.edu.pl"],
        "subject": SUBJECT.format(**values),
        "content": CONTENT.format(**values),
        "content_format": "plain",
    }


def test_render_a_chosen_row_from_a_template_file_and_content_file(students: Path, tmp_path: Path) -> None:
    template = tmp_path / "list.usosmail"
    save_template(template, MessageTemplate(subject=SUBJECT, content="<p>{Imię}</p>", from_name="Dziekanat"))
    result = run("render", "--recipients", str(students), "--template", str(template), "--html", "--row", "4")
    assert result.returncode == 0, result.stderr
    assert "Subject: Decyzja dla Ewa" in result.stdout
    assert "<p>Ewa</p>" in result.stdout
    content = tmp_path / "content.txt"
    content.write_text("\ufeffWitaj {Imię}!", encoding="utf-8")
    result = run(
        "render", "--recipients", str(students), "--subject", "S", "--content-file", str(content), "--json"
    )
    assert json.loads(result.stdout)["content"] == "Witaj Zażółć!"


def test_render_a_row_with_a_problem_exits_1(students: Path) -> None:
    result = run(
        "render", "--recipients", str(students), "--subject", SUBJECT, "--content", CONTENT, "--row", "3"
    )
    assert result.returncode == 1
    assert "not sent" in result.stdout
    assert "is not a valid e-mail address" in result.stderr


def test_render_a_broken_template_says_where(students: Path) -> None:
    result = run("render", "--recipients", str(students), "--subject", "Dla {Imie}", "--content", "x")
    assert result.returncode == 1
    assert "Did you mean {Imię}?" in result.stderr
    assert "subject, line 1, column 5" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_unknown_row(students: Path) -> None:
    result = run(
        "render", "--recipients", str(students), "--subject", SUBJECT, "--content", CONTENT, "--row", "99"
    )
    assert result.returncode == 1
    assert "Row 99 is not in the list (its rows are numbered 2 to 4)" in result.stderr


def test_check_lists_every_problem_and_the_rows_not_sent(students: Path) -> None:
    result = run("check", "--recipients", str(students), "--subject", SUBJECT, "--content", CONTENT)
    assert result.returncode == 1
    assert "3 recipients · 2 would be sent · 1 left out · 1 problems" in result.stdout
    assert "Rows that would not be sent: 3" in result.stdout
    data = json.loads(
        run(
            "check", "--recipients", str(students), "--subject", SUBJECT, "--content", CONTENT, "--json"
        ).stdout
    )
    assert data["recipients"] == 3 and data["sendable"] == 2
    assert [(p["row"], p["code"], p["severity"]) for p in data["problems"]] == [(3, "email_invalid", "error")]


def test_check_passes_when_nothing_blocks(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("Imię,E-mail\nAnna,anna@student.example.edu.pl\n", encoding="utf-8")
    result = run(
        "check", "--recipients", str(path), "--subject", "Dla {Imię}", "--content", "Treść", "--json"
    )
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout) == {"recipients": 1, "sendable": 1, "problems": []}


def test_check_template_error_blocks_everything(students: Path) -> None:
    result = run(
        "check", "--recipients", str(students), "--subject", "S", "--content", "p {color: red}", "--html"
    )
    assert result.returncode == 1
    assert "Nothing can be sent until the template's errors are corrected." in result.stdout


def test_check_refuses_a_nul_in_the_subject_or_the_sender_name(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("Imię,E-mail\nAnna,anna@student.example.edu.pl\n", encoding="utf-8")
    template = tmp_path / "nul.usosmail"
    save_template(template, MessageTemplate("Dla\x00 {Imię}", "Treść", from_name="Dzie\x07kanat"))
    result = run("check", "--recipients", str(path), "--template", str(template), "--json")
    assert result.returncode == 1, result.stdout
    data = json.loads(result.stdout)
    assert data["sendable"] == 0
    found = [(p["code"], p["position"]["part"], p["position"]["offset"]) for p in data["problems"]]
    assert found == [("control_character", "subject", 3), ("control_character", "from_name", 4)]
    assert "\\u0000" not in result.stdout and "U+0000" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--subject", "S"], "Say what to send"),
        (["--template", "x.usosmail", "--subject", "S"], "either --template FILE or --subject"),
        (["--template", "missing.usosmail"], "missing.usosmail"),
        (["--subject", "S", "--content-file", "missing.txt"], "cannot be read"),
    ],
)
def test_input_mistakes_are_explained(students: Path, args: list[str], message: str) -> None:
    result = run("check", "--recipients", str(students), *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_recipients(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = run("check", "--recipients", str(empty), "--subject", "S", "--content", "C")
    assert result.returncode == 1
    assert result.stderr.startswith("usosmail: ")


def test_render_uses_the_derived_columns_and_the_group(grades: Path, letter: Path) -> None:
    result = run("render", "--recipients", str(grades), "--template", str(letter), "--row", "4", "--json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["row"] == 2  # row 4 goes out in the message of row 2
    assert shown["content"] == (
        "Szanowna Pani Anno,\n\nuprzejmie informujemy o ocenach:\n- Analiza: 5\n- Algebra: 4,5\n\n"
        "Z poważaniem\nDziekanat"
    )
    guessed = run("render", "--recipients", str(grades), "--template", str(letter), "--row", "3")
    assert guessed.returncode == 0, guessed.stderr
    assert "Szanowny Panie Janie," in guessed.stdout
    assert "guessed from the first name “Jan”" in guessed.stderr  # a warning, listed


def test_check_lists_every_guessed_or_unknown_row(grades: Path, letter: Path) -> None:
    result = run("check", "--recipients", str(grades), "--template", str(letter), "--json")
    assert result.returncode == 1  # row 6's address blocks it
    verdict = json.loads(result.stdout)
    assert verdict["recipients"] == 4 and verdict["sendable"] == 3  # four messages, one left out
    codes = [(p["row"], p["code"], p["severity"]) for p in verdict["problems"]]
    assert (3, "gender_guessed", "warning") in codes
    assert (5, "gender_unknown", "warning") in codes
    assert (6, "email_invalid", "error") in codes
    assert not [c for c in codes if c[0] in (2, 4)]


def test_a_vocative_column_in_a_plain_list(tmp_path: Path) -> None:
    students = tmp_path / "s.csv"
    students.write_text("Imię;E-mail\nKatarzyna;k@example.edu.pl\nKuba;q@example.edu.pl\n", encoding="utf-8")
    template = save_template(
        tmp_path / "t.usosmail",
        MessageTemplate("Cześć", "Droga/Drogi {W}!"),
        LetterSetup((Vocative("W", "Imię"),)),
    )
    out = [
        run("render", "--recipients", str(students), "--template", str(template), "--row", r).stdout
        for r in "23"
    ]
    assert "Droga/Drogi Katarzyno!" in out[0] and "Droga/Drogi Kubo!" in out[1]
