"""What the command line prints for many rows: words, not internal codes, and row ranges,
not one line per row (run in-process, so coverage sees it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.campaigns import new_campaign, rows_failing
from usosmail_gui.cli import main
from usosmail_gui.cli.output import row_ranges
from usosmail_gui.core.journal import BatchKind, Journal


def test_row_ranges() -> None:
    assert row_ranges([]) == ""
    assert row_ranges([7]) == "7"
    assert row_ranges([2, 3, 4, 9, 12, 13, 300]) == "2–4, 9, 12–13, 300"
    assert row_ranges([5, 3, 4, 4]) == "3–5"  # any order, repeats once
    assert row_ranges(range(2, 302)) == "2–301"
    assert row_ranges([1, 3, 5, 7, 9], limit=2) == "1, 3, … and 3 more rows"


@pytest.fixture
def journal() -> Iterator[Journal]:
    with Journal.open() as opened:
        yield opened


def test_many_uncertain_rows_are_ranges(journal: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = new_campaign(journal, "https://usos.example.edu.pl/", "key", rows_failing(30))
    seqs = [seq for seq, _, _ in journal.pending_plan_items(campaign)]
    done = journal.start_batch(campaign, seqs[:5], kind=BatchKind.BATCH, method="m", body_bytes=1)
    journal.batch_answered(done, [(seq, f"id-{seq}") for seq in seqs[:5]])
    lost = journal.start_batch(campaign, seqs[5:], kind=BatchKind.BATCH, method="m", body_bytes=1)
    journal.batch_uncertain(lost, "the connection broke")
    assert main(["resume", campaign]) == 1  # nothing left that was never sent; 25 uncertain
    out = capsys.readouterr().out
    assert "25 messages, rows 7–31 (usosmail status CAMPAIGN --json lists their addresses)" in out
    assert "student29@" not in out  # not 25 lines of addresses


def test_excluded_rows_are_named_in_words_with_ranges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["Imię;E-mail"] + [f"Anna{i};anna{i % 3}@student.example.edu.pl" for i in range(40)]
    path = tmp_path / "lista.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["send", "--recipients", str(path), "--subject", "Dzień dobry", "--content", "Dzień dobry {Imię}."]
    assert main([*args, "--installation", "https://usos.example.edu.pl/"]) == 2  # no credentials
    capsys.readouterr()  # the draft is shown once there are credentials: made-up ones (no request)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("USOSMAIL_CONSUMER_KEY", "k")
        env.setenv("USOSMAIL_CONSUMER_SECRET", "s")
        assert main([*args, "--installation", "https://usos.example.edu.pl/"]) == 1  # no terminal
    err = capsys.readouterr().err
    assert "Excluded:     37 rows (they get nothing):" in err
    assert "Rows:         3 of 40 rows of the list will receive · 37 left out" in err
    assert "  address repeated from an earlier row: 37 rows (5–41)" in err
    assert "email_duplicate" not in err
