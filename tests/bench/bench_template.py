"""Validate all: usosmail's ``check_all`` vs awdeorio's mailmerge, per message.

mailmerge (``pip install mailmerge``; not a dependency of this project) is a command-line
mail merge with Jinja templates; ``--dry-run --no-limit`` renders every message of a CSV
database without sending. Both get the same 10,000 rows and the same 1,500-character
letter (ours as a str.format template, theirs converted to Jinja: ``{Nr albumu}`` →
``{{Nr_albumu}}``, headers likewise). Ours is timed in process (compile + check every
row); theirs as the command, minus its start-up (a one-row run), divided by the rows.

A second line puts the issue's budget in view: 50,000 rows checked, against simply
rendering every message with str.format (what a naive checker would at least do).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench.harness import Result
from tests.helpers.tables import DEMO_COLUMNS, demo_rows, make_table
from usosmail_gui.core.template import MessageTemplate, check_all, compile_template

ROWS = 10_000
SUBJECT = "Decyzja w sprawie stypendium – {Imię} {Nazwisko} ({Nr albumu})"
PARAGRAPH = (
    "Uprzejmie informujemy, że wniosek studenta {Imię} {Nazwisko} (nr albumu {Nr albumu}, kierunek "
    "{Kierunek}, rok {Rok}) został rozpatrzony przez Komisję Stypendialną. "
)


def letter(length: int = 1_500) -> str:
    text = "Szanowna Pani / Szanowny Panie {Imię} {Nazwisko},\n\n"
    while len(text) + len(PARAGRAPH) <= length - 40:
        text += PARAGRAPH
    return text + "\n\nZ poważaniem\nDziekanat".ljust(length - len(text), " ")


def jinja_name(column: str) -> str:
    return re.sub(r"\W", "_", column)


def to_jinja(template: str) -> str:
    return re.sub(r"\{([^{}]+)\}", lambda m: "{{" + jinja_name(m.group(1)) + "}}", template)


def find_mailmerge() -> str | None:
    beside = Path(sys.executable).with_name("mailmerge")
    return str(beside) if beside.exists() else shutil.which("mailmerge")


def timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run(report: Callable[[Result], None]) -> None:
    content = letter()
    rows = demo_rows(ROWS)
    table = make_table(rows)
    template = MessageTemplate(SUBJECT, content)

    def ours() -> None:
        result = check_all(compile_template(template, table.columns), table)
        assert result.sendable == ROWS and not result.problems

    ours_per_message = timed(ours, 7) / ROWS

    mailmerge = find_mailmerge()
    if mailmerge is None:
        print("skipped: pip install mailmerge (the baseline of 'validate all'; not a project dependency)")
    else:
        theirs_per_message = _mailmerge_per_message(mailmerge, rows, content)
        report(
            Result(
                f"validate all, {ROWS:,} recipients, 1,500-char letter, per message",
                ours_per_message * 1000,
                "ms",
                "mailmerge --dry-run --no-limit",
                theirs_per_message * 1000,
                "<= 0.05x (ours/theirs, lower is better: >= 20x faster)",
            )
        )

    big = make_table(demo_rows(50_000))
    compiled = compile_template(template, big.columns)
    check_all(compiled, big)
    checked = timed(lambda: check_all(compile_template(template, big.columns), big), 5)
    params = [big.params(r) for r in range(big.row_count)]
    rendered = timed(lambda: [(SUBJECT.format(**p), content.format(**p)) for p in params], 3)
    report(
        Result(
            "validate all, 50,000 recipients, total",
            checked * 1000,
            "ms",
            "str.format of every message, no checks",
            rendered * 1000,
            "well under 1,000 ms (issue 4, item 3)",
        )
    )


def _mailmerge_per_message(mailmerge: str, rows: list[list[str]], content: str) -> float:
    import csv

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "template.txt").write_text(
            f"TO: {{{{{jinja_name('E-mail')}}}}}\nSUBJECT: {to_jinja(SUBJECT)}\n"
            f"FROM: Dziekanat <dziekanat@example.edu.pl>\n\n{to_jinja(content)}\n",
            encoding="utf-8",
        )
        (folder / "server.conf").write_text("[smtp_server]\nhost = localhost\nport = 25\nratelimit = 0\n")

        def database(name: str, count: int) -> Path:
            path = folder / name
            with path.open("w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow([jinja_name(c) for c in DEMO_COLUMNS])
                writer.writerows(rows[:count])
            return path

        full, one = database("all.csv", len(rows)), database("one.csv", 1)

        def command(db: Path) -> list[str]:
            return [
                mailmerge,
                "--dry-run",
                "--no-limit",
                "--template",
                str(folder / "template.txt"),
                "--database",
                str(db),
                "--config",
                str(folder / "server.conf"),
                "--output-format",
                "raw",
            ]

        # once with its output, to be sure it renders what ours does
        sample = subprocess.run(command(one), capture_output=True, text=True, check=True, cwd=folder)
        _same_message(sample.stdout, dict(zip(DEMO_COLUMNS, rows[0], strict=True)), content)

        def quiet(db: Path) -> None:
            subprocess.run(
                command(db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, cwd=folder
            )

        start_up = timed(lambda: quiet(one), 3)
        everything = timed(lambda: quiet(full), 3)
        return max(everything - start_up, 0.0) / (len(rows) - 1)


def _same_message(output: str, values: dict[str, str], content: str) -> None:
    """mailmerge's dry-run output of one message says what ours renders."""
    import email
    from email.header import decode_header, make_header

    raw = output.split(">>> message 1\n", 1)[1].split("\n>>> message 1 sent", 1)[0]
    message = email.message_from_string(raw)
    assert str(make_header(decode_header(message["SUBJECT"]))) == SUBJECT.format(**values)
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    assert payload.decode("utf-8").rstrip("\n") == content.format(**values)
