"""Recipient tables built in memory (no file, no spreadsheet library): for template tests
and benchmarks that need many rows fast."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from usosmail_gui.core.recipients import FileKind, RecipientTable, SourceInfo, make_columns

DEMO_COLUMNS = ["Imię", "Nazwisko", "Nr albumu", "E-mail", "Kierunek", "Rok"]


def make_table(rows: Sequence[Sequence[str]], headers: Sequence[str] = DEMO_COLUMNS) -> RecipientTable:
    """A checked table of ``rows`` under ``headers`` (row numbers 2, 3, … as below a
    header row); the e-mail column is the one named "E-mail", if any."""
    columns = make_columns(list(headers), list(range(len(headers))))
    data = [[row[i] for row in rows] for i in range(len(headers))]
    email = next((c.index for c in columns if c.name == "E-mail"), None)
    table = RecipientTable(
        source=SourceInfo(path=Path("memory.csv"), kind=FileKind.CSV, header_row=1),
        columns=columns,
        data=data,
        row_numbers=list(range(2, len(rows) + 2)),
        email_column=email,
    )
    for _ in table.check_steps():
        pass
    return table


def demo_rows(count: int) -> list[list[str]]:
    """``count`` plausible students, every address different."""
    first = ["Anna", "Jan", "Łukasz", "Zofia", "Małgorzata", "Piotr", "Ewa", "Grzegorz"]
    last = ["Kowalska", "Nowak", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zieliński", "Szymańska"]
    fields = ["Informatyka", "Matematyka", "Filologia polska", "Zarządzanie", "Biotechnologia"]
    return [
        [
            first[i % len(first)],
            last[(i // 3) % len(last)],
            f"{100000 + i}",
            f"student{i}@student.example.edu.pl",
            fields[i % len(fields)],
            str(i % 5 + 1),
        ]
        for i in range(count)
    ]
