"""Small recipient lists written to disk for the GUI tests (real files, read by the real loader)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

HEADER = ["Imię", "Nazwisko", "Miasto", "E-mail"]
STUDENTS = [
    ["Anna", "Kowalska", "Łódź", "anna.kowalska@student.example.edu.pl"],
    ["Łukasz", "Wiśniewski", "Kraków", "lukasz.wisniewski@student.example.edu.pl"],
    ["Zofia", "Nowak", "Gdańsk", "zofia.nowak(at)student.example.edu.pl"],  # invalid: no @
    ["Michał", "Zieliński", "Warszawa", "michal.zielinski@student.example.edu.pl"],
    ["Ewa", "Lewandowska", "Poznań", "ewa.lewandowska@student.example.edu.pl"],
]
INVALID_ROW = 2  # the table row index of Zofia's invalid address


def write_csv(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    header: Sequence[str] = HEADER,
    delimiter: str = ";",
    encoding: str = "utf-8",
) -> Path:
    with path.open("w", newline="", encoding=encoding) as file:
        writer = csv.writer(file, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_students(path: Path) -> Path:
    """Five students (Polish letters, a city "Łódź"), one with an invalid address."""
    return write_csv(path, STUDENTS)


def write_many(path: Path, count: int) -> Path:
    """``count`` valid rows: big enough that loading takes a moment."""
    rows = [[f"Imię{i}", f"Nazwisko{i}", "Łódź", f"s{i:06d}@student.example.edu.pl"] for i in range(count)]
    return write_csv(path, rows)
