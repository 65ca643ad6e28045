"""The journal when its file or its disk lets it down: damaged, empty, changed by another
program, read-only, or full. Real files and real file systems (a read-only bind mount, a
small tmpfs that really fills up), every command run as a user runs it: plain words with
the exact path, the file left untouched, and never a send lost or doubled."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.campaigns import rows_failing, sent_campaign, write_v1_journal
from tests.helpers.cli import usosmail
from tests.helpers.maildir import per_address
from tests.helpers.mounts import needs_namespaces, read_only, run_mounted, tmpfs, usosmail_mounted
from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import key_fingerprint
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import (
    FILE_NAME,
    Journal,
    JournalDamaged,
    JournalError,
    JournalReadOnly,
    journal_path,
)
from usosmail_gui.core.paths import data_dir
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos import wire
from usosmail_gui.sandbox import Sandbox

SEND_PATHS = (wire.SEND_SIMPLE_MESSAGE, wire.SEND_SIMPLE_MESSAGES, wire.SEND_SIMPLE_BY_TEMPLATE)
MESSAGE = ("--subject", "Decyzja dla {Imię}", "--content", "Dzień dobry {Imię} {Nazwisko}. " + "Treść. " * 40)


def env_for(sb: Sandbox) -> dict[str, str]:
    env = dict(os.environ)
    env["USOSMAIL_CONSUMER_KEY"] = sb.admin_key
    env["USOSMAIL_CONSUMER_SECRET"] = sb.admin_secret
    return env


def students_file(folder: Path, count: int) -> Path:
    path = folder / f"lista{count}.csv"
    lines = ["Imię;Nazwisko;E-mail"] + [
        f"Imię{i};Nazwisko{i};student{i}@student.example.edu.pl" for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def plain_words(result: subprocess.CompletedProcess[str]) -> str:
    """What the user read; it is never a traceback."""
    text = result.stdout + result.stderr
    assert "Traceback" not in text and 'File "' not in text, text
    return text


def every_command(campaign: str, sb: Sandbox, tmp_path: Path) -> dict[str, list[str]]:
    listed = students_file(tmp_path, 3)
    return {
        "campaigns": ["campaigns"],
        "campaigns --json": ["campaigns", "--json"],
        "status": ["status", campaign],
        "status --json": ["status", campaign, "--json"],
        "report": ["report", campaign, "--output", str(tmp_path / "raport.csv")],
        "resume": ["resume", campaign, "--yes"],
        "send": ["send", "--recipients", str(listed), *MESSAGE, "--installation", sb.url, "--yes"],
    }


def sent_journal(sb: Sandbox, count: int = 40) -> tuple[Path, str]:
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(count))
        path = journal.path
    return path, campaign


# --- damaged, empty, changed by another program ----------------------------------------------


def test_an_empty_journal_file_is_called_damaged_not_silently_replaced(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    path = journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    for opener in (Journal.open, Journal.open_to_read):
        with pytest.raises(JournalDamaged, match=r"is empty \(0 bytes\).*no new journal was made") as error:
            opener()
        assert str(path.resolve()) in str(error.value)
    assert path.stat().st_size == 0
    for name, args in every_command("2026-01-01-0000-abcd", sandbox, tmp_path).items():
        result = usosmail(*args, env=env_for(sandbox))
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert "is empty (0 bytes)" in plain_words(result) and str(path.resolve()) in result.stderr, name
    assert path.stat().st_size == 0, "the empty journal was replaced"
    assert not any(sandbox.requests_served[p] for p in SEND_PATHS)


def damage_a_page(path: Path) -> None:
    """Garbage over one page in the middle of the recipients' table (as a bad sector does)."""
    with sqlite3.connect(path) as raw:
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        size = raw.execute("PRAGMA page_size").fetchone()[0]
        leaves = [
            r[0]
            for r in raw.execute(
                "SELECT pageno FROM dbstat WHERE name = 'recipients' AND pagetype = 'leaf' ORDER BY pageno"
            )
        ] if _has_dbstat(raw) else [pages // 2]
    raw.close()
    page = leaves[len(leaves) // 2]
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(os.urandom(size - 16))


def _has_dbstat(raw: sqlite3.Connection) -> bool:
    try:
        raw.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.OperationalError:
        return False
    return True


def test_a_damaged_page_is_explained_with_the_path_and_left_untouched(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    path, campaign = sent_journal(sandbox, 300)
    damage_a_page(path)
    before, sends = path.read_bytes(), sum(sandbox.requests_served[p] for p in SEND_PATHS)
    with pytest.raises(JournalDamaged) as error:
        Journal.open(path)
    message = str(error.value)
    assert str(path) in message and "is damaged" in message and "It was not changed" in message
    for name, args in every_command(campaign, sandbox, tmp_path).items():
        result = usosmail(*args, env=env_for(sandbox))
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        words = plain_words(result)
        assert str(path) in words and "damaged" in words, name
    assert path.read_bytes() == before
    assert sum(sandbox.requests_served[p] for p in SEND_PATHS) == sends  # nothing sent since


def test_a_missing_column_is_explained_and_the_file_left_untouched(sandbox: Sandbox, tmp_path: Path) -> None:
    path, _ = sent_journal(sandbox, 4)
    with sqlite3.connect(path) as raw:
        raw.execute("ALTER TABLE recipients DROP COLUMN status_error")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(JournalDamaged, match=r"lacks the column recipients\.status_error"):
        Journal.open(path)
    result = usosmail("campaigns")
    assert result.returncode == 1
    assert "lacks the column recipients.status_error" in plain_words(result) and str(path) in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("table", "column", "value", "words"),
    [
        ("recipients", "state", "paused", "the state of a recipient"),
        ("campaigns", "state", "archived", "the state of campaign"),
        ("recipients", "decision", "maybe", "the decision on recipient"),
    ],
)
def test_an_unknown_stored_value_is_explained_not_a_traceback(
    sandbox: Sandbox, tmp_path: Path, table: str, column: str, value: str, words: str
) -> None:
    path, campaign = sent_journal(sandbox, 4)
    with sqlite3.connect(path) as raw:  # what a newer version, or another program, might write
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = 1", (value,))
    raw.close()
    with Journal.open(path) as journal, pytest.raises(JournalDamaged) as error:
        _read_everything(journal, campaign)
    assert words in str(error.value) and repr(value) in str(error.value) and str(path) in str(error.value)
    for name, args in every_command(campaign, sandbox, tmp_path).items():
        result = usosmail(*args, env=env_for(sandbox))
        words = plain_words(result)
        # a command that needs the value explains it; one that does not (a new campaign, a
        # decision nobody reads) goes on
        if name in ("status", "status --json", "report") or (column == "state" and name != "send"):
            assert result.returncode == 1, (name, result.stdout, result.stderr)
            assert "does not understand" in words, name
    assert sandbox.requests_served[wire.SEND_SIMPLE_BY_TEMPLATE] == 1


def _read_everything(journal: Journal, campaign: str) -> None:
    journal.campaigns()
    journal.recipients(campaign)


def test_a_file_of_another_program_is_not_turned_into_a_journal(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (number TEXT)")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(JournalDamaged, match="is not a usosmail journal"):
        Journal.open(path)
    assert path.read_bytes() == before


# --- read-only ---------------------------------------------------------------------------


def read_only_setups() -> dict[str, Callable[[Path], list[str]]]:
    return {
        "data folder on a read-only disk": lambda journal: [read_only(journal.parent)],
        "read-only journal file": lambda journal: [read_only(journal)],
    }


@needs_namespaces
@pytest.mark.parametrize("where", read_only_setups().keys())
def test_a_read_only_journal_is_read_by_reading_commands_and_never_called_damaged(
    where: str, sandbox: Sandbox, tmp_path: Path
) -> None:
    path, campaign = sent_journal(sandbox, 6)
    setup = read_only_setups()[where](path)
    before = path.read_bytes()
    env = env_for(sandbox)

    listed = usosmail_mounted(setup, "campaigns", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert [c["campaign"] for c in json.loads(listed.stdout)] == [campaign]
    assert "cannot be written" in listed.stderr and "read-only" in listed.stderr

    status = usosmail_mounted(setup, "status", campaign, "--json", env=env)
    assert status.returncode == 0, status.stderr
    assert len(json.loads(status.stdout)["recipients"]) == 6
    assert sandbox.requests_served[wire.CHECK_MESSAGES_STATUS] == 0  # fresh statuses could not be kept

    report = tmp_path / "raport.csv"
    written = usosmail_mounted(setup, "report", campaign, "--output", str(report), env=env)
    assert written.returncode == 0, written.stderr
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 9 and lines[7] == "" and "kept in the journal until" in lines[8]  # table, note

    for name, args in every_command(campaign, sandbox, tmp_path).items():
        result = usosmail_mounted(setup, *args, env=env)
        words = plain_words(result)
        assert "damaged" not in words and "start a new" not in words, (name, words)
        if name in ("send", "resume"):
            assert result.returncode != 0 and "cannot be written" in words, (name, words)
            assert "nothing can be sent" in words and "was not changed" in words, (name, words)
    assert path.read_bytes() == before
    assert sandbox.requests_served[wire.SEND_SIMPLE_BY_TEMPLATE] == 1  # only the first campaign's


@needs_namespaces
def test_a_read_only_journal_of_an_earlier_format_is_read_from_an_upgraded_copy(tmp_path: Path) -> None:
    path = journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_v1_journal(path)
    before = path.read_bytes()
    result = usosmail_mounted([read_only(path.parent)], "campaigns", "--json")
    assert result.returncode == 0, result.stderr
    assert [c["campaign"] for c in json.loads(result.stdout)] == ["2026-01-02-0304-abcd"]
    assert "cannot be written" in plain_words(result)
    assert path.read_bytes() == before  # still format 1: upgraded once it can be written


@needs_namespaces
def test_a_read_only_data_folder_without_a_journal_has_no_campaigns_yet(tmp_path: Path) -> None:
    folder = data_dir()
    assert not journal_path().exists()
    result = usosmail_mounted([read_only(folder)], "campaigns")
    assert result.returncode == 0, result.stderr
    assert "The journal has no campaigns yet." in plain_words(result)
    assert not journal_path().exists()


def test_opening_for_writing_refuses_a_read_only_journal_in_plain_words(tmp_path: Path) -> None:
    """Without a read-only mount: SQLite's own answer for a file it may not write."""
    path = tmp_path / FILE_NAME
    Journal.open(path).close()
    error = sqlite3.OperationalError("attempt to write a readonly database")
    error.sqlite_errorcode = 8  # type: ignore[attr-defined]
    from usosmail_gui.core.journal import _classified

    classified = _classified(path, error)
    assert isinstance(classified, JournalReadOnly)
    assert "cannot be written" in str(classified) and "damaged" not in str(classified)


# --- a full disk ----------------------------------------------------------------------------

FILL = textwrap.dedent(
    """
    import errno, os
    def fill(folder):
        # to the last byte: big blocks, then single bytes (unbuffered, so nothing is left to flush)
        with open(os.path.join(folder, "filler"), "wb", buffering=0) as handle:
            for block in (b"x" * 65536, b"x"):
                try:
                    while True:
                        handle.write(block)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC, exc
    """
)

FULL_DURING_SEND = FILL + textwrap.dedent(
    """
    import json, os, sys
    from tests.helpers.tables import demo_rows, make_table
    from usosmail_gui.core.drafts import build_campaign
    from usosmail_gui.core.campaign import SendMode, key_fingerprint
    from usosmail_gui.core.journal import Journal, RecipientState
    from usosmail_gui.core.sending import send_campaign
    from usosmail_gui.core.template import MessageTemplate
    from usosmail_gui.core.usos.client import MailingClient, RetryPolicy

    url, key, secret, folder = sys.argv[1:5]

    class FillsTheDisk(MailingClient):
        # a real client; right after the 2nd request's answer the journal's disk is full
        calls = 0
        def send_simple_messages(self, messages):
            answer = super().send_simple_messages(messages)
            FillsTheDisk.calls += 1
            if FillsTheDisk.calls == 2:
                fill(folder)
            return answer

    template = MessageTemplate("Decyzja dla {Imię}", "Dzień dobry {Imię} {Nazwisko}.")
    draft = build_campaign(make_table(demo_rows(300)), template, installation=url,
                           key_fingerprint=key_fingerprint(key), mode=SendMode.MESSAGES, batch_size=50)
    out = {}
    with Journal.open() as journal:
        campaign = journal.create_campaign(draft).id
        with FillsTheDisk(url, key, secret, retry=RetryPolicy(attempts=1)) as client:
            result = send_campaign(journal, client, campaign)
        out["first"] = {"stop": str(result.stop), "message": result.message, "requests": FillsTheDisk.calls,
                        "uncertain": result.counts.uncertain, "enqueued": result.counts.enqueued}
        with Journal.open_to_read() as reader:  # the disk is still full: reading works
            out["read_only"] = reader.read_only
            out["listed"] = [s.campaign.id for s in reader.campaigns()]
    os.remove(os.path.join(folder, "filler"))  # the user frees space, then resumes
    with Journal.open() as journal:
        states = [str(r.state) for r in journal.recipients(campaign)]
        out["after_free"] = {s: states.count(s) for s in set(states)}
        with MailingClient(url, key, secret, retry=RetryPolicy(attempts=1)) as client:
            resumed = send_campaign(journal, client, campaign)
        out["resumed"] = {"stop": str(resumed.stop), "enqueued": resumed.counts.enqueued,
                          "uncertain": resumed.counts.uncertain, "pending": resumed.counts.pending}
    print(json.dumps(out))
    """
)


@needs_namespaces
def test_a_disk_that_fills_up_mid_send_stops_it_and_never_loses_or_doubles_a_message(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    disk = data_dir()
    script = tmp_path / "full_during_send.py"
    script.write_text(FULL_DURING_SEND, encoding="utf-8")
    args = [sys.executable, str(script), sandbox.url, sandbox.admin_key, sandbox.admin_secret, str(disk)]
    result = run_mounted([tmpfs(disk, 2048)], args)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    first = out["first"]
    assert first["stop"] == "disk_full"
    assert first["requests"] == 2, "a request was sent after the disk was full"
    assert "Nothing more was sent" in first["message"]
    assert "Free space on the disk, then resume" in first["message"]
    assert "uncertain" in first["message"]
    assert (first["enqueued"], first["uncertain"]) == (50, 50)
    assert out["read_only"] is True and len(out["listed"]) == 1
    # the answer of the 2nd request was never recorded: its 50 are uncertain, never re-sent
    assert out["after_free"] == {"enqueued": 50, "uncertain": 50, "pending": 200}
    assert out["resumed"] == {"stop": "finished", "enqueued": 250, "uncertain": 50, "pending": 0}
    assert sandbox.wait_delivered(30)
    received = per_address(sandbox.maildir)
    assert len(received) == 300 and set(received.values()) == {1}  # nobody lost, nobody twice


@needs_namespaces
def test_send_on_a_full_disk_sends_nothing_and_reading_still_works(sandbox: Sandbox, tmp_path: Path) -> None:
    disk = data_dir()
    with Journal.open() as journal:  # an earlier campaign, in the journal before the disk fills
        earlier = sent_campaign(journal, sandbox, rows_failing(3))
    saved = tmp_path / "saved"
    saved.mkdir()
    for name in os.listdir(disk):
        if name.startswith(FILE_NAME):
            (saved / name).write_bytes((disk / name).read_bytes())
    listed = students_file(tmp_path, 300)
    filler = tmp_path / "fill.py"
    filler.write_text(FILL + f"fill({str(disk)!r})\n", encoding="utf-8")
    env = env_for(sandbox)
    # the journal as it was, on a 1 MiB disk then filled to the last byte
    setup = [tmpfs(disk, 1024), f"cp -a {saved}/. {disk}/", f"{sys.executable} {filler}"]
    sent = usosmail_mounted(
        setup, "send", "--recipients", str(listed), *MESSAGE, "--installation", sandbox.url, "--yes", env=env
    )
    words = plain_words(sent)
    assert sent.returncode == 1, words
    assert "is full" in words and "Free space on the disk" in words and "Nothing was sent" in words
    assert sandbox.requests_served[wire.SEND_SIMPLE_BY_TEMPLATE] == 1  # the earlier campaign's only
    assert sandbox.requests_served[wire.SEND_SIMPLE_MESSAGES] == 0
    campaigns = usosmail_mounted(setup, "campaigns", "--json", env=env)
    assert campaigns.returncode == 0, campaigns.stderr
    assert [c["campaign"] for c in json.loads(campaigns.stdout)] == [earlier]


# --- the send loop's words ---------------------------------------------------------------------


def test_a_journal_error_at_the_start_of_a_send_is_plain_words_and_sends_nothing(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    path = journal_path()
    with Journal.open() as journal:
        draft = build_campaign(
            make_table(demo_rows(3)),
            MessageTemplate("S {Imię}", "C"),
            installation=sandbox.url,
            key_fingerprint=key_fingerprint(sandbox.admin_key),
        )
        campaign = journal.create_campaign(draft).id
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute("UPDATE recipients SET state = 'paused' WHERE seq = 2")
    raw.close()
    result = usosmail("resume", campaign, "--yes", env=env_for(sandbox))
    assert result.returncode == 1
    assert "does not understand" in plain_words(result)
    assert not any(sandbox.requests_served[p] for p in SEND_PATHS)
    assert isinstance(JournalDamaged("x"), JournalError)
