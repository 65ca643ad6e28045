"""Letters (issue 18): deriving salutations and vocatives, grouping rows, the dictionary's cost.

- derive 50,000 rows: a salutation inferred from the first name with the name in the
  vocative, and a vocative column, for 50,000 students with 2,000 distinct first names
  (the corpus's 448 and their spellings: "ANNA", "anna", "Anna Maria"…), with a fresh
  name cache over the loaded dictionary (each distinct name looked up once), then the same
  including loading Morfeusz (a process of its own). Baseline: ``check_all`` of the letter
  on the same 50,000 rows, derived columns included (what the app already does after each
  pause in typing). Target ≤ 1 s.
- the check of that letter with every row's guessed salutation listed (50,000 warnings),
  against the same baseline: what a problems list of a list without a gender column costs.
- group 50,000 rows into 10,000 messages (five rows per address, a line template).
  Baseline: the least such grouping can cost — a dict of lists over the address column and
  ``str.format`` of each line, joined. Target ≤ 0.5 s.
- the dictionary's memory: RSS of a process after loading Morfeusz's generator, against the
  same process before (the core imported). Stated, no target.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.bench.harness import Result, per_call
from tests.helpers.tables import make_table
from usosmail_gui.core.letters import Grouping, LetterSetup, Salutation, Vocative
from usosmail_gui.core.letters.check import check_letters
from usosmail_gui.core.letters.derive import prepare_letters
from usosmail_gui.core.letters.names import MorfeuszLexicon, NameBook
from usosmail_gui.core.template import MessageTemplate, check_all

ROWS = 50_000
GROUPS = 10_000
RUNS = 5
CORPUS = Path(__file__).parents[1] / "fixtures" / "names" / "polish_first_names.tsv"
HEADERS = ["Imię", "Nazwisko", "E-mail", "Przedmiot", "Ocena"]
LETTER = MessageTemplate("Oceny – {Nazwisko}", "{Zwrot},\n\nuprzejmie informujemy…\n\nDziekanat")
SETUP = LetterSetup(
    (Salutation("Zwrot", first_name_column="Imię", with_name=True), Vocative("Wołacz", "Imię"))
)


def distinct_names(count: int = 2000) -> list[str]:
    base = [
        line.split("\t")[0] for line in CORPUS.read_text("utf-8").splitlines() if not line.startswith("#")
    ]
    names = base + [n.upper() for n in base] + [n.lower() for n in base]
    names += [f"{a} {b}" for a, b in zip(base, reversed(base), strict=True)]
    return list(dict.fromkeys(names))[:count]


def students(rows: int = ROWS, addresses: int = ROWS) -> list[list[str]]:
    names = distinct_names()
    return [
        [
            names[i % len(names)],
            f"Nazwisko{i % 997}",
            f"s{i % addresses}@student.example.edu.pl",
            f"P{i}",
            str(i % 5),
        ]
        for i in range(rows)
    ]


def best(fn: Callable[[], object], runs: int = RUNS) -> float:
    return statistics.median(per_call(fn, runs))


def _derive(report: Callable[[Result], None]) -> None:
    table = make_table(students(), HEADERS)
    lexicon = MorfeuszLexicon()
    lexicon.first_name_entries("Anna")  # loaded once, as in a running app
    warm = best(lambda: prepare_letters(table, SETUP, book=NameBook(lexicon)))
    letters = prepare_letters(table, SETUP, book=NameBook(lexicon))
    check = best(lambda: check_all(LETTER, letters.table), runs=3)
    report(
        Result("letters: derive salutation + vocative, 50,000 rows", warm, "s", "check_all", check, "≤ 1 s")
    )
    listed = best(lambda: check_letters(LETTER, letters), runs=3)
    name = "letters: check with every row's guess listed (50,000 warnings)"
    report(Result(name, listed, "s", "check_all", check, "-"))
    code = (
        "import time; from tests.bench.bench_letters import *; t = make_table(students(), HEADERS); "
        "s = time.perf_counter(); prepare_letters(t, SETUP, book=NameBook()); print(time.perf_counter() - s)"
    )
    cold = float(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    )
    report(
        Result(
            "letters: the same, Morfeusz loaded meanwhile (first use)", cold, "s", "check_all", check, "≤ 1 s"
        )
    )


def _group(report: Callable[[Result], None]) -> None:
    table = make_table(students(ROWS, GROUPS), HEADERS)
    setup = LetterSetup(grouping=Grouping("- {Przedmiot}: {Ocena}"))
    letters = prepare_letters(table, setup)
    assert letters.table.row_count == GROUPS
    emails = list(table.column_values(2))
    subjects, grades = list(table.column_values(3)), list(table.column_values(4))

    def bare() -> list[str]:
        groups: dict[str, list[int]] = {}
        for i, address in enumerate(emails):
            groups.setdefault(address.casefold(), []).append(i)
        line = "- {Przedmiot}: {Ocena}"
        return [
            "\n".join(line.format_map({"Przedmiot": subjects[i], "Ocena": grades[i]}) for i in g)
            for g in groups.values()
        ]

    ours = best(lambda: prepare_letters(table, setup))
    baseline = best(bare)
    report(
        Result(
            "letters: group 50,000 rows into 10,000 messages",
            ours,
            "s",
            "bare dict + format",
            baseline,
            "≤ 0.5 s",
        )
    )


def _memory(report: Callable[[Result], None]) -> None:
    code = (
        "import usosmail_gui.core.letters.derive\n"
        "from usosmail_gui.core.letters.names import MorfeuszLexicon\n"
        "def rss():\n"
        "    lines = open('/proc/self/status').read().splitlines()\n"
        "    return next(int(x.split()[1]) for x in lines if x.startswith('VmRSS')) / 1024\n"
        "before = rss(); MorfeuszLexicon().first_name_entries('Anna'); print(before, rss())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    before, after = float(out[0]), float(out[1])
    report(
        Result(
            "letters: process RSS with the dictionary loaded", after, "MiB", "without it", before, "stated"
        )
    )


def run(report: Callable[[Result], None]) -> None:
    _derive(report)
    _group(report)
    _memory(report)
