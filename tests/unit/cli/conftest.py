"""Fixtures of the command line's tests: a sheet of grades and a letter template with derived
columns (a salutation) and grouping (one message per address, a line per row)."""

from __future__ import annotations

from pathlib import Path

import pytest

from usosmail_gui.core.letters import Grouping, LetterSetup, Salutation
from usosmail_gui.core.template import MessageTemplate, save_template

LETTER = MessageTemplate(
    subject="Oceny z sesji – {Nazwisko}",
    content="{Zwrot},\n\nuprzejmie informujemy o ocenach:\n{lista}\n\nZ poważaniem\nDziekanat",
    from_name="Dziekanat",
)
SETUP = LetterSetup(
    (Salutation("Zwrot", gender_column="Płeć", first_name_column="Imię", with_name=True),),
    Grouping("- {Przedmiot}: {Ocena}"),
)


@pytest.fixture
def grades(tmp_path: Path) -> Path:
    path = tmp_path / "oceny.csv"
    path.write_text(
        "Imię;Nazwisko;E-mail;Płeć;Przedmiot;Ocena\n"
        "Anna;Kowalska;anna@student.example.edu.pl;K;Analiza;5\n"  # row 2
        "Jan;Nowak;jan@student.example.edu.pl;;Mechanika;3\n"  # row 3: gender guessed
        "Anna;Kowalska;anna@student.example.edu.pl;K;Algebra;4,5\n"  # row 4: Anna's second
        "Siobhan;Murphy;siobhan@student.example.edu.pl;;Fizyka;4\n"  # row 5: unknown
        "Ewa;Zając;zly adres;K;Chemia;3\n",  # row 6: left out
        encoding="cp1250",
    )
    return path


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    return save_template(tmp_path / "oceny.usosmail", LETTER, SETUP)
