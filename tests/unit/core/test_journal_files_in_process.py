"""What the journal does with a file that is empty, damaged, of another program, of an
earlier or a newer format, read-only, or on a full disk, and with a campaign another sender
holds: in-process (issue 19 item 4), so coverage and mutation tools see these paths that
tests/unit/core/test_journal_faults.py runs in subprocesses and mount namespaces.

Real SQLite files in tmp_path throughout. Two faults cannot exist for root, who writes
through any file mode: a read-only folder or file is then made with chmod *and* the file
system's answer to everyone else (``os.access`` says "not writable", as it does for the
clerk's account); and SQLite refusing to read a file in place (no WAL index can be made
beside it) is then SQLite's own "unable to open" answer for a path that cannot exist.
Each test asserts what the user sees: the words, the campaigns and their counts, and
that the file was left as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.scripted import new_campaign
from usosmail_gui.core import journal as journal_module
from usosmail_gui.core.journal import (
    CRASH_REASON,
    MIGRATIONS,
    SCHEMA_VERSION,
    BatchKind,
    CampaignBusy,
    Counts,
    Journal,
    JournalDamaged,
    JournalError,
    JournalFull,
    JournalReadOnly,
    JournalTooNew,
    RecipientState,
    closed_words,
)
from usosmail_gui.core.usos import wire


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refusal(
    path: Path, error: type[JournalError] = JournalDamaged, opening: Callable[[Path], object] = Journal.open
) -> str:
    """What ``error``, raised by opening ``path``, says; the file is left byte for byte as it was."""
    before = digest(path)
    with pytest.raises(error) as caught:
        opening(path)
    assert digest(path) == before
    return str(caught.value)


def journal_with_campaign(path: Path, count: int = 2) -> str:
    with Journal.open(path) as journal:
        return new_campaign(journal, count)


def earlier_format(path: Path, version: int) -> None:
    """A journal file as version ``version`` of the app left it (no campaigns)."""
    conn = sqlite3.connect(path)
    for target, statements in MIGRATIONS:
        if target <= version:
            for statement in statements:
                conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def raw(path: Path, *statements: str) -> None:
    """Change the file behind the app's back (as another program or a bad restore does)."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.fixture(autouse=True)
def _a_fresh_app_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test opens its files as a newly started app does: what the journal module keeps
    per process (the tables each format has, the files whose pages it has checked) starts
    empty, whatever ran before in this process."""
    monkeypatch.setattr(journal_module, "_SCHEMAS", {})
    monkeypatch.setattr(journal_module, "_CHECKED", set())


ReadOnly = Callable[[Path], None]


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[ReadOnly]:
    """Make a folder or a file read-only (chmod; for root also the file system's answer)."""
    made: list[tuple[Path, int]] = []
    denied: set[Path] = set()
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(path)).resolve() in denied:
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    def apply(path: Path) -> None:
        made.append((path, path.stat().st_mode))
        path.chmod(path.stat().st_mode & ~0o222)
        if os.geteuid() == 0:  # root writes through any mode: what every other account is told
            denied.add(path.resolve())
            monkeypatch.setattr(os, "access", access)

    yield apply
    for path, mode in reversed(made):
        path.chmod(mode)


_real_connect = sqlite3.connect


class _NoIndexBeside:
    """A read-only connection whose first read fails as SQLite's does in a read-only folder
    where it cannot make the WAL index: with SQLite's own "unable to open" error (raised by
    SQLite for a path that cannot exist)."""

    def __init__(self, nowhere: str) -> None:
        self._nowhere = nowhere

    def execute(self, *args: object) -> sqlite3.Cursor:
        return _real_connect(self._nowhere, uri=True).execute("PRAGMA user_version")

    def close(self) -> None:
        pass


@pytest.fixture
def no_index_beside(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """SQLite cannot read the journal in place, only as immutable (no WAL index beside it)."""
    nowhere = (tmp_path / "no such folder" / "journal.sqlite3").as_uri() + "?mode=ro"

    def connect(database: object, *args: object, **kwargs: object) -> object:
        if isinstance(database, str) and database.endswith("?mode=ro"):
            return _NoIndexBeside(nowhere)
        return _real_connect(database, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder private reading copies are made in (to see that none is left behind)."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


# --- files the journal refuses, untouched ------------------------------------------------------


def test_an_empty_file_is_called_empty_and_no_journal_is_made_over_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"")
    for opening in (Journal.open, Journal.open_to_read):
        with pytest.raises(JournalDamaged) as caught:
            opening(path)
        assert f"The journal {path} is empty (0 bytes)" in str(caught.value)
    assert path.stat().st_size == 0


def test_a_file_of_other_bytes_cannot_be_read_as_a_journal_and_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"Lista studentow, rok 2026\n" * 400)
    message = refusal(path)
    assert f"The file {path} cannot be read as a journal" in message
    assert "it is damaged, or it is not a usosmail journal" in message


def test_a_journal_with_damaged_pages_is_called_damaged_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal_with_campaign(path, 40)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page : len(data)] = b"\xa5" * (len(data) - 2 * page)  # every page after the first two
    path.write_bytes(bytes(data))
    message = refusal(path)
    assert f"The journal {path} is damaged (database disk image is malformed)" in message
    assert "It was not changed" in message


def test_a_database_of_another_program_is_not_turned_into_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    raw(path, "CREATE TABLE grades (student TEXT, grade REAL)", "INSERT INTO grades VALUES ('Nowak', 4.5)")
    message = refusal(path)
    assert message.startswith(f"The file {path} is not a usosmail journal (it holds other data)")


def test_a_journal_missing_a_table_says_which(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal_with_campaign(path)
    raw(path, "DROP TABLE message_rows")
    with pytest.raises(JournalDamaged) as caught:
        Journal.open(path)
    assert f"The journal {path} lacks the table message_rows, which this version needs" in str(caught.value)


def test_a_journal_missing_a_column_says_which(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal_with_campaign(path)
    raw(path, "ALTER TABLE campaigns DROP COLUMN closed_at")
    with pytest.raises(JournalDamaged) as caught:
        Journal.open_to_read(path)
    assert f"The journal {path} lacks the column campaigns.closed_at, which this version needs" in str(
        caught.value
    )


def test_a_journal_of_a_newer_version_names_both_formats_and_is_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal_with_campaign(path)
    raw(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    message = refusal(path, JournalTooNew)
    assert f"(journal format {SCHEMA_VERSION + 1}; this version knows up to {SCHEMA_VERSION})" in message


def test_an_upgrade_that_fails_half_way_leaves_the_earlier_format_whole(tmp_path: Path) -> None:
    """Format 2 with a table another program added under the name format 3 needs: the
    upgrade stops, and none of it is kept (the file is still format 2)."""
    path = tmp_path / "journal.sqlite3"
    earlier_format(path, 2)
    raw(path, "CREATE TABLE message_rows (note TEXT)")
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert f"The journal {path} cannot be opened (table message_rows already exists)" in str(caught.value)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    columns = {r[1] for r in conn.execute("PRAGMA table_info(campaigns)")}
    conn.close()
    assert "purged_at" in columns and "closed_at" not in columns


def test_a_folder_where_the_journal_file_should_be_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.mkdir()
    for opening in (Journal.open, Journal.open_to_read):
        with pytest.raises(JournalError) as caught:
            opening(path)
        assert f"The journal {path} cannot be opened (unable to open database file)" in str(caught.value)


def test_an_unknown_recipient_state_is_explained_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path)
    # written by a newer version, whose file allows a state this one does not know
    raw(
        path,
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE recipients SET state = 'teleported' WHERE seq = 1",
    )
    with Journal.open(path, recover=False) as journal, pytest.raises(JournalDamaged) as caught:
        journal.campaigns()
    assert "holds a value this version does not understand" in str(caught.value)
    assert f"the state of a recipient of campaign {campaign}: 'teleported'" in str(caught.value)


def test_unreadable_stored_columns_are_called_damaged_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path)
    raw(path, "UPDATE campaigns SET columns = '[\"email\", ' ")
    with Journal.open(path) as journal, pytest.raises(JournalDamaged) as caught:
        journal.campaign(campaign)
    assert f"The journal {path} is damaged (JSONDecodeError: " in str(caught.value)


def test_counts_kept_of_a_purged_campaign_that_are_not_numbers_are_explained(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 2)
        assert journal.purge(campaign, lambda: {"counts": {"enqueued": 2}, "excluded": 1})
        assert journal.counts(campaign) == Counts(enqueued=2)
        assert journal.excluded_counts()[campaign] == 1
    raw(path, 'UPDATE campaigns SET kept = \'{"counts": {"enqueued": "two"}, "excluded": "one"}\'')
    with Journal.open(path) as journal:
        assert journal.excluded_counts()[campaign] == 0  # a number it cannot read counts as none
        with pytest.raises(JournalDamaged) as caught:
            journal.counts(campaign)
    assert f"the counts kept of campaign {campaign}" in str(caught.value)


# --- a journal that cannot be written: refused for sending, still shown ------------------------


def test_a_read_only_folder_refuses_sending_but_shows_its_campaigns(
    tmp_path: Path, read_only: ReadOnly
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    campaign = journal_with_campaign(path, 3)
    before = digest(path)
    read_only(folder)
    with pytest.raises(JournalReadOnly) as caught:
        Journal.open(path)
    assert str(caught.value).startswith(
        f"The journal {path} cannot be written (its folder or disk is read-only)"
    )
    with Journal.open_to_read(path) as journal:
        assert journal.read_only
        assert "its folder or disk is read-only" in str(journal.read_only_reason)
        [summary] = journal.campaigns()
        assert summary.campaign.id == campaign and summary.counts == Counts(pending=3)
        assert [str(r.state) for r in journal.recipients(campaign)] == ["pending"] * 3
        with pytest.raises(JournalReadOnly):
            journal.set_setting("language", "pl")
        with pytest.raises(JournalReadOnly):
            journal.compact()
    assert digest(path) == before


def test_a_read_only_file_is_named_as_such(tmp_path: Path, read_only: ReadOnly) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path)
    read_only(path)
    with pytest.raises(JournalReadOnly) as caught:
        Journal.open(path)
    assert "cannot be written (the file is read-only)" in str(caught.value)
    with Journal.open_to_read(path) as journal:
        assert journal.counts(campaign) == Counts(pending=2)
        with pytest.raises(JournalReadOnly) as refused:
            journal.close_campaign(campaign)
        assert "the file is read-only" in str(refused.value)
    with Journal.open_to_read(path) as journal:
        assert journal.campaign(campaign).closed_at is None


def test_a_read_only_journal_of_an_earlier_format_is_read_from_an_upgraded_copy(
    tmp_path: Path, read_only: ReadOnly, temp: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    earlier_format(path, 3)
    before = digest(path)
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert journal.read_only and journal.schema_version == SCHEMA_VERSION
        assert journal.campaigns() == []
        [copy] = temp.iterdir()  # the copy it reads, in a folder named after the app
        assert copy.name.startswith("usosmail-journal-")
    assert list(temp.iterdir()) == []  # and nothing is left behind
    assert digest(path) == before


def test_a_journal_read_where_no_wal_index_can_be_made_is_read_as_it_is(
    tmp_path: Path, read_only: ReadOnly, no_index_beside: None
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    campaign = journal_with_campaign(path, 2)
    assert not path.with_name(path.name + "-wal").exists()  # closed cleanly: the file is all of it
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert journal.read_only
        assert journal.counts(campaign) == Counts(pending=2)


def test_a_crash_left_a_wal_that_cannot_be_read_in_place_its_copy_is_read_with_the_last_changes(
    tmp_path: Path, read_only: ReadOnly, no_index_beside: None, temp: Path
) -> None:
    """A sender died with changes in the WAL, then the folder became read-only: what the
    WAL holds (the last batch in flight) is still shown, from a private copy."""
    live = tmp_path / "live" / "journal.sqlite3"
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    with Journal.open(live) as journal:
        campaign = new_campaign(journal, 2)
        seqs = [r.seq for r in journal.recipients(campaign)]
        journal.start_batch(
            campaign, seqs, kind=BatchKind.BATCH, method=wire.SEND_SIMPLE_MESSAGES, body_bytes=9
        )
        # what a crash leaves on disk: the file and its WAL, copied while the sender still runs
        shutil.copyfile(live, path)
        shutil.copyfile(live.with_name(live.name + "-wal"), path.with_name(path.name + "-wal"))
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert journal.read_only
        assert [r.state for r in journal.recipients(campaign)] == [RecipientState.IN_FLIGHT] * 2
        assert journal.counts(campaign) == Counts(in_flight=2)
    assert list(temp.iterdir()) == []


def test_no_data_folder_and_none_can_be_made_reads_as_no_campaigns_yet(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    path = blocker / "journal.sqlite3"
    with pytest.raises(JournalReadOnly) as caught:
        Journal.open(path)
    assert str(caught.value).startswith(
        f"The journal {path} cannot be written (its folder or disk is read-only)"
    )
    with Journal.open_to_read(path) as journal:
        assert journal.read_only and journal.campaigns() == [] and journal.interrupted() == []
        with pytest.raises(JournalReadOnly):
            new_campaign(journal, 1)
    assert blocker.read_text() == "a file where the data folder should be"


def test_a_full_disk_stores_none_of_a_campaign_and_says_so(tmp_path: Path) -> None:
    """SQLite's own SQLITE_FULL, from its limit on the file's pages (a real full disk is
    tests/unit/core/test_journal_faults.py's tmpfs)."""
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        pages = journal._conn.execute("PRAGMA page_count").fetchone()[0]
        journal._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(JournalFull) as caught:
            new_campaign(journal, 300)
        assert str(caught.value).startswith(f"The disk holding the journal {path} is full")
        assert journal.campaigns() == []
        journal.set_setting("language", "pl")  # the journal still works for what fits
        assert journal.setting("language") == "pl"


def test_sqlite_saying_the_file_is_read_only_is_worded_as_such(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path)
    conn = sqlite3.connect(
        f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    with Journal(conn, path) as journal:
        assert journal.counts(campaign) == Counts(pending=2)
        with pytest.raises(JournalReadOnly) as caught:
            journal.set_setting("language", "pl")
        assert f"The journal {path} cannot be written (the file is read-only)" in str(caught.value)
        assert journal.setting("language") is None


# --- a campaign another sender holds; closing -----------------------------------------------


def test_a_campaign_being_sent_cannot_be_taken_or_closed_by_another_sender(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 2)
        with journal.lock_campaign(campaign) as held:
            assert held.held and held.acquire()  # the holder keeps it
            other = journal.campaign_lock(campaign)
            assert not other.acquire() and not other.held
            with pytest.raises(CampaignBusy) as caught:
                journal.lock_campaign(campaign)
            assert str(caught.value) == (
                f"Campaign {campaign} is being sent right now by another window or command. "
                "Wait for it to finish, or close it, and try again."
            )
            with pytest.raises(CampaignBusy):
                journal.close_campaign(campaign)
            assert journal.campaign(campaign).closed_at is None
        held.release()  # released already: harmless
        assert other.acquire()  # free once the sender is done
        other.release()


def test_a_campaign_another_sender_holds_is_not_recovered_while_it_runs(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 2)
        seqs = [r.seq for r in journal.recipients(campaign)]
        with journal.lock_campaign(campaign):
            journal.start_batch(
                campaign, seqs, kind=BatchKind.BATCH, method=wire.SEND_SIMPLE_MESSAGES, body_bytes=9
            )
            with Journal.open(path) as window:  # another window opens the journal meanwhile
                assert window.counts(campaign) == Counts(in_flight=2)
        assert journal.recover() == [campaign]
        assert journal.counts(campaign) == Counts(uncertain=2, undecided=2)


def test_closing_a_campaign_makes_a_crashed_batch_uncertain_and_keeps_the_first_date(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 3)
        seqs = [r.seq for r in journal.recipients(campaign)]
        journal.start_batch(
            campaign, seqs[:2], kind=BatchKind.BATCH, method=wire.SEND_SIMPLE_MESSAGES, body_bytes=9
        )
        closed = journal.close_campaign(campaign)  # the sender that started the batch is gone
        assert closed.closed_at is not None
        assert [(str(r.state), r.error) for r in journal.recipients(campaign)] == [
            ("uncertain", CRASH_REASON),
            ("uncertain", CRASH_REASON),
            ("pending", None),
        ]
        words = closed_words(closed)
        assert words.startswith(f"Campaign {campaign} was closed on {closed.closed_at[:10]}: nothing more")
        raw(path, f"UPDATE campaigns SET closed_at = '2026-01-05T10:00:00.000+00:00' WHERE id = '{campaign}'")
        again = journal.close_campaign(campaign)
        assert again.closed_at == "2026-01-05T10:00:00.000+00:00"
        assert "was closed on 2026-01-05:" in closed_words(again)


def test_grouped_letters_keep_their_other_rows_in_order(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 1)
        raw(
            path,
            f"INSERT INTO message_rows VALUES ('{campaign}', 1, 7, '{json.dumps({'ocena': '5'})}')",
            f"INSERT INTO message_rows VALUES ('{campaign}', 1, 3, '{json.dumps({'ocena': '4'})}')",
        )
        assert journal.message_rows(campaign) == {1: [(7, {"ocena": "5"}), (3, {"ocena": "4"})]}


def test_a_read_only_journal_whose_upgrade_fails_is_explained_and_no_copy_is_left(
    tmp_path: Path, read_only: ReadOnly, temp: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    earlier_format(path, 2)
    raw(path, "CREATE TABLE message_rows (note TEXT)")
    read_only(folder)
    with pytest.raises(JournalError) as caught:
        Journal.open_to_read(path)
    assert f"The journal {path} cannot be opened (table message_rows already exists)" in str(caught.value)
    assert list(temp.iterdir()) == []


def test_another_program_holding_the_journal_is_named_and_nothing_is_changed(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    # a journal that waits no time at all for the other program (the app waits 30 seconds)
    conn = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    with Journal(conn, path) as journal:
        with pytest.raises(JournalError) as caught:
            journal.set_setting("language", "pl")
        assert str(caught.value).startswith(f"The journal {path} is in use by another program")
        other.execute("ROLLBACK")
        other.close()
        assert journal.setting("language") is None


def test_pages_damaged_after_the_journal_was_opened_are_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path, 40)
    data = bytearray(path.read_bytes())
    data[2 * 4096 :] = b"\x5a" * (len(data) - 2 * 4096)
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)  # opened before the damage
    conn.row_factory = sqlite3.Row
    with Journal(conn, path) as journal, pytest.raises(JournalDamaged) as caught:
        journal.recipients(campaign)
    assert f"The journal {path} is damaged (database disk image is malformed)" in str(caught.value)


def test_two_campaigns_drawn_the_same_name_in_the_same_minute_both_get_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = iter(["0a0a", "0a0a", "0a0a", "0b0b"])
    monkeypatch.setattr(secrets, "token_hex", lambda _n: next(drawn))
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        first, second = new_campaign(journal, 1), new_campaign(journal, 2)
        assert first.endswith("-0a0a") and second.endswith("-0b0b")
        assert {s.campaign.id: s.counts.total for s in journal.campaigns()} == {first: 1, second: 2}
        monkeypatch.setattr(secrets, "token_hex", lambda _n: "0a0a")
        with pytest.raises(JournalError) as caught:
            new_campaign(journal, 1)
        assert str(caught.value) == "Could not find a free campaign name; try again in a minute."
        assert len(journal.campaigns()) == 2


def test_compacting_leaves_no_trace_of_a_purged_campaign_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 3)
        address = journal.recipients(campaign)[0].addresses[0]
        assert journal.purge(campaign, lambda: {"counts": {"pending": 3}})
        assert not journal.purge(campaign, lambda: {"counts": {}})  # purged already
        journal.compact()
        assert journal.counts(campaign) == Counts(pending=3)
    assert address.encode() not in path.read_bytes()


def test_a_campaign_with_no_recipients_left_in_the_journal_counts_no_one(tmp_path: Path) -> None:
    """E.g. one another program emptied, or a name the journal never held: zero, not an error."""
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path)
    raw(path, f"DELETE FROM recipients WHERE campaign = '{campaign}'")
    with Journal.open(path) as journal:
        assert journal.counts(campaign) == Counts() and journal.counts(campaign).total == 0
        assert journal.counts("2026-01-01-0000-ffff") == Counts()
        [summary] = journal.campaigns()  # listed with nothing to send and no row left out
        assert (summary.counts, summary.excluded, summary.interrupted) == (Counts(), 0, False)


# --- read-only journals: read where they are, from any thread, with the last changes -----------


def from_worker(read: Callable[[], object]) -> object:
    """``read()`` on another thread, as the GUI's Qt workers read a journal the window opened."""
    found: list[object] = []
    failed: list[BaseException] = []

    def work() -> None:
        try:
            found.append(read())
        except BaseException as exc:  # handed back to the test's thread
            failed.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(30)
    if failed:
        raise failed[0]
    return found[0]


def test_a_read_only_journal_of_this_format_is_read_in_place_from_any_thread_and_no_copy_is_made(
    tmp_path: Path, read_only: ReadOnly, temp: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    campaign = journal_with_campaign(path, 3)
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert journal.read_only
        assert list(temp.iterdir()) == []  # the students' data is not copied anywhere
        assert from_worker(lambda: journal.counts(campaign)) == Counts(pending=3)


def test_a_read_only_journal_of_an_earlier_format_is_read_from_any_thread(
    tmp_path: Path, read_only: ReadOnly, temp: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    earlier_format(path, 3)
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert from_worker(journal.campaigns) == []
        assert from_worker(lambda: journal.schema_version) == SCHEMA_VERSION


def test_a_journal_read_as_it_is_where_no_wal_index_can_be_made_is_read_from_any_thread_in_place(
    tmp_path: Path, read_only: ReadOnly, no_index_beside: None, temp: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    campaign = journal_with_campaign(path, 2)
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert list(temp.iterdir()) == []
        assert from_worker(lambda: journal.counts(campaign)) == Counts(pending=2)


def test_an_emptied_wal_left_by_a_crash_is_no_reason_to_copy_the_journal(
    tmp_path: Path, read_only: ReadOnly, no_index_beside: None, temp: Path
) -> None:
    """A sender that had just compacted the journal (its WAL emptied to 0 bytes) died: the
    file alone is the whole journal, read in place."""
    live = tmp_path / "live" / "journal.sqlite3"
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    with Journal.open(live) as journal:
        campaign = new_campaign(journal, 2)
        journal.compact()
        shutil.copyfile(live, path)
        shutil.copyfile(live.with_name(live.name + "-wal"), path.with_name(path.name + "-wal"))
    assert path.with_name(path.name + "-wal").stat().st_size == 0
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert journal.counts(campaign) == Counts(pending=2)
        assert list(temp.iterdir()) == []


def test_the_last_changes_of_a_crashed_sender_are_shown_even_when_the_file_has_an_older_state(
    tmp_path: Path, read_only: ReadOnly, no_index_beside: None, temp: Path
) -> None:
    """The file holds the campaign as stored (compacted), the WAL the batch then put in
    flight: what is shown is the batch in flight, never the older state of the file."""
    live = tmp_path / "live" / "journal.sqlite3"
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    with Journal.open(live) as journal:
        campaign = new_campaign(journal, 3)
        journal.compact()
        seqs = [r.seq for r in journal.recipients(campaign)]
        journal.start_batch(
            campaign, seqs[:2], kind=BatchKind.BATCH, method=wire.SEND_SIMPLE_MESSAGES, body_bytes=9
        )
        shutil.copyfile(live, path)
        shutil.copyfile(live.with_name(live.name + "-wal"), path.with_name(path.name + "-wal"))
    read_only(folder)
    with Journal.open_to_read(path) as journal:
        assert journal.counts(campaign) == Counts(pending=1, in_flight=2)
        assert from_worker(lambda: journal.counts(campaign)) == Counts(pending=1, in_flight=2)
    assert list(temp.iterdir()) == []


def test_no_journal_and_no_folder_reads_as_empty_from_any_thread_and_leaves_no_file_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "working folder"
    here.mkdir()
    monkeypatch.chdir(here)
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    with Journal.open_to_read(blocker / "journal.sqlite3") as journal:
        assert from_worker(journal.campaigns) == []
        assert from_worker(lambda: journal.schema_version) == SCHEMA_VERSION
    assert list(here.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "working folder"]


def test_a_read_only_journal_that_cannot_be_copied_for_reading_says_why(
    tmp_path: Path, read_only: ReadOnly, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An earlier format in a read-only folder is read from a private copy; with no
    temporary folder to make it in, the words name the journal and the reason."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    earlier_format(path, 3)
    read_only(folder)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no temporary folder"))
    message = refusal(path, JournalError, Journal.open_to_read)
    assert message == (
        f"The journal {path} cannot be opened (No such file or directory). It was not changed. "
        "Check that the data folder can be read, then try again."
    )


def test_what_a_purged_campaign_kept_in_an_unreadable_shape_counts_as_nothing_left_out(
    tmp_path: Path,
) -> None:
    """``kept`` as another program or a bad restore may leave it: empty, not an object, or
    an object without the number of rows left out."""
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaigns = [new_campaign(journal, 1) for _ in range(3)]
        for campaign in campaigns:
            assert journal.purge(campaign, lambda: {"counts": {"enqueued": 1}, "excluded": 2})
        assert set(journal.excluded_counts().values()) == {2}
    none, listed, without = campaigns
    raw(
        path,
        f"UPDATE campaigns SET kept = NULL WHERE id = '{none}'",
        f"UPDATE campaigns SET kept = '[1, 2]' WHERE id = '{listed}'",
        f"UPDATE campaigns SET kept = '{{\"counts\": {{}}}}' WHERE id = '{without}'",
    )
    with Journal.open(path) as journal:
        assert journal.excluded_counts() == {none: 0, listed: 0, without: 0}
        assert journal.kept(none) is None
        assert journal.kept(listed) == {}
        assert journal.kept(without) == {"counts": {}}
        assert journal.counts(none) == Counts()


def test_a_damaged_journal_names_what_sqlite_found(tmp_path: Path) -> None:
    """The check of the file's pages finds damage the first reads would not: its verdict is
    in the words, so support can tell what happened to the file."""
    path = tmp_path / "journal.sqlite3"
    journal_with_campaign(path, 40)
    conn = sqlite3.connect(path)
    (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'recipients'").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start = (page - 1) * 4096
    data[start + 5 : start + 7] = b"\x00\x05"  # the page's content area now overlaps its header
    path.write_bytes(bytes(data))
    message = refusal(path)
    assert message.startswith(
        f"The journal {path} is damaged (*** in database main ***\nPage {page}: free space corruption), "
        "so it cannot be read. It was not changed"
    )


def test_the_words_for_a_file_that_is_not_a_journal_or_too_new_name_the_file_and_sqlite_s_reason(
    tmp_path: Path,
) -> None:
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"Lista studentow, rok 2026\n" * 400)
    with pytest.raises(JournalDamaged) as caught:
        Journal.open(other)
    assert str(caught.value).startswith(
        f"The file {other} cannot be read as a journal (file is not a database): it is damaged"
    )
    newer = tmp_path / "journal.sqlite3"
    journal_with_campaign(newer)
    raw(newer, f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    with pytest.raises(JournalTooNew) as too_new:
        Journal.open_to_read(newer)
    assert str(too_new.value).startswith(
        f"The journal {newer} was written by a newer version of usosmail-gui (journal format "
        f"{SCHEMA_VERSION + 3}; this version knows up to {SCHEMA_VERSION})."
    )


def test_compacting_while_another_program_holds_the_journal_says_so_and_keeps_everything(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path, 3)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    conn = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    with Journal(conn, path) as journal:
        with pytest.raises(JournalError) as caught:
            journal.compact()
        assert str(caught.value).startswith(f"The journal {path} is in use by another program")
        other.execute("ROLLBACK")
        other.close()
        assert journal.counts(campaign) == Counts(pending=3)


def test_a_file_of_other_bytes_in_a_read_only_folder_is_called_not_a_journal_not_read_only(
    tmp_path: Path, read_only: ReadOnly
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    path.write_bytes(b"Lista studentow, rok 2026\n" * 400)
    read_only(folder)
    for opening in (Journal.open, Journal.open_to_read):
        with pytest.raises(JournalDamaged) as caught:
            opening(path)
        assert str(caught.value).startswith(
            f"The file {path} cannot be read as a journal (file is not a database)"
        )


def test_a_table_another_program_added_to_the_journal_is_no_harm(tmp_path: Path) -> None:
    """Another program's table, even with a quote in its name, is left alone: the journal opens."""
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path, 2)
    raw(
        path,
        'CREATE TABLE "notes of ""the dean""" (note TEXT)',
        'INSERT INTO "notes of ""the dean""" VALUES (1)',
    )
    with Journal.open(path) as journal:
        assert journal.counts(campaign) == Counts(pending=2)


def test_a_table_this_sqlite_cannot_read_is_named_and_the_journal_left_as_it_is(tmp_path: Path) -> None:
    """A table of an SQLite extension this computer lacks (written into the file's schema by
    another program): the words give SQLite's reason; nothing is changed."""
    path = tmp_path / "journal.sqlite3"
    journal_with_campaign(path, 2)
    raw(
        path,
        "PRAGMA writable_schema = ON",
        "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) "
        "VALUES ('table', 'notes', 'notes', 0, 'CREATE VIRTUAL TABLE notes USING nosuchmodule(a)')",
    )
    message = refusal(path, JournalError)
    assert message == (
        f"The journal {path} cannot be opened (no such module: nosuchmodule). It was not changed. "
        "Check that the data folder can be read, then try again."
    )


def test_an_sqlite_file_with_no_tables_left_becomes_a_journal(tmp_path: Path) -> None:
    """A database whose every table was dropped holds nothing of anyone: a journal is made in it."""
    path = tmp_path / "journal.sqlite3"
    raw(
        path,
        "CREATE TABLE scratch (id INTEGER PRIMARY KEY AUTOINCREMENT)",
        "INSERT INTO scratch DEFAULT VALUES",
        "DROP TABLE scratch",
    )
    with Journal.open(path) as journal:
        assert journal.schema_version == SCHEMA_VERSION
        campaign = new_campaign(journal, 1)
        assert journal.counts(campaign) == Counts(pending=1)


def test_an_unknown_state_or_decision_of_a_recipient_names_the_recipient(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path, 3)
    raw(
        path,
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE recipients SET state = 'teleported' WHERE seq = 2",
    )
    with Journal.open(path, recover=False) as journal, pytest.raises(JournalDamaged) as caught:
        journal.recipients(campaign)
    assert f"the state of recipient 2 (row 3) of campaign {campaign}: 'teleported')" in str(caught.value)
    raw(
        path,
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE recipients SET state = 'uncertain', decision = 'maybe' WHERE seq = 2",
    )
    with Journal.open(path) as journal:
        with pytest.raises(JournalDamaged) as caught:
            journal.recipients(campaign)
        assert f"the decision on recipient 2 (row 3) of campaign {campaign}: 'maybe')" in str(caught.value)
        assert [r.campaign for r in journal.recipients(campaign, [RecipientState.PENDING])] == [campaign] * 2


def test_the_lock_of_a_campaign_being_sent_is_a_private_file_beside_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 1)
        with journal.lock_campaign(campaign) as lock:
            assert lock.path == tmp_path / "journal-locks" / f"{campaign}.lock"
            assert lock.path.stat().st_mode & 0o777 == 0o600  # only the clerk's account opens it
        assert not lock.held
        again = journal.lock_campaign(campaign)  # the same file, free again
        assert again.held and again.path == lock.path
        again.release()
        assert not again.held


def test_a_new_campaign_name_is_drawn_twenty_times_at_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty names of the same minute all taken: the journal gives up (a free 21st is not tried)."""
    from datetime import UTC, datetime

    from tests.helpers.scripted import INSTALLATION, TEMPLATE
    from tests.helpers.tables import demo_rows, make_table
    from usosmail_gui.core.drafts import build_campaign

    draft = build_campaign(make_table(demo_rows(1)), TEMPLATE, installation=INSTALLATION, key_fingerprint="f")
    when = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    drawn = iter(["0a0a"] * 21 + ["0b0b"])
    monkeypatch.setattr(secrets, "token_hex", lambda _n: next(drawn))
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        first = journal.create_campaign(draft, now=when)
        with pytest.raises(JournalError, match="Could not find a free campaign name"):
            journal.create_campaign(draft, now=when)
        assert [s.campaign.id for s in journal.campaigns()] == [first.id]
        assert journal.create_campaign(draft, now=when).id.endswith("-0b0b")


@pytest.mark.parametrize(
    ("column", "what"),
    [
        ("mode", "the mode of campaign {id}: 'carrier pigeon'"),
        ("content_format", "the format of campaign {id}: 'carrier pigeon'"),
        ("lang", "the language of campaign {id}: 'carrier pigeon'"),
        ("state", "the state of campaign {id}: 'carrier pigeon'"),
    ],
)
def test_an_unknown_value_of_a_campaign_names_the_campaign_and_what_it_is(
    tmp_path: Path, column: str, what: str
) -> None:
    path = tmp_path / "journal.sqlite3"
    campaign = journal_with_campaign(path)
    raw(path, "PRAGMA ignore_check_constraints = ON", f"UPDATE campaigns SET {column} = 'carrier pigeon'")
    with Journal.open(path, recover=False) as journal, pytest.raises(JournalDamaged) as caught:
        journal.campaign(campaign)
    assert str(caught.value).startswith(
        f"The journal {path} holds a value this version does not understand ({what.format(id=campaign)}): "
    )


# --- opening for writing ----------------------------------------------------------------------


def test_a_journal_opened_for_writing_makes_its_folders_waits_for_others_and_serves_any_thread(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a new data folder" / "usosmail" / "journal.sqlite3"
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 2)
        # as long as the words for a journal held by another program say it waits
        assert journal._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
        assert from_worker(lambda: journal.counts(campaign)) == Counts(pending=2)
        from_worker(lambda: journal.set_setting("language", "pl"))  # a Qt worker's change
        assert journal.setting("language") == "pl"
    assert path.is_file()


class _NoWal(sqlite3.Connection):
    """A connection on a file system where SQLite cannot use write-ahead logging (a network
    share): asked to switch, it stays in its rollback-journal mode, as SQLite answers there."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.strip().upper() == "PRAGMA JOURNAL_MODE=WAL":
            sql = "PRAGMA journal_mode"
        return super().execute(sql, *args)  # type: ignore[arg-type]


def test_a_journal_on_a_file_system_without_write_ahead_logging_is_refused_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "share" / "journal.sqlite3"

    def connect(database: object, *args: object, **kwargs: object) -> object:
        if database == path:
            kwargs["factory"] = _NoWal
        return _real_connect(database, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert str(caught.value) == (
        f"The journal {path} cannot use write-ahead logging (it is on a file system that does not "
        "support it, e.g. a network share). Set USOSMAIL_DATA_DIR to a folder on this computer's disk."
    )
    assert caught.value.sentences  # worded for the GUI in its language too
    monkeypatch.undo()
    assert not path.exists() or _real_connect(path).execute("SELECT name FROM sqlite_master").fetchall() == []


def test_a_newer_journal_that_can_be_read_only_from_a_copy_is_named_too_new_with_its_path(
    tmp_path: Path, read_only: ReadOnly, no_index_beside: None, temp: Path
) -> None:
    """A newer version's sender died with changes in the WAL, the folder then became read-only:
    only a private copy can be read, and it is of a format this version does not know."""
    live = tmp_path / "live" / "journal.sqlite3"
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    with Journal.open(live) as journal:
        new_campaign(journal, 1)
        raw(live, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")  # into the WAL: the journal is open
        shutil.copyfile(live, path)
        shutil.copyfile(live.with_name(live.name + "-wal"), path.with_name(path.name + "-wal"))
    read_only(folder)
    with pytest.raises(JournalTooNew) as caught:
        Journal.open_to_read(path)
    assert str(caught.value).startswith(
        f"The journal {path} was written by a newer version of usosmail-gui "
        f"(journal format {SCHEMA_VERSION + 1};"
    )
    assert list(temp.iterdir()) == []


def test_a_value_another_campaign_holds_that_this_version_cannot_read_does_not_stop_counting_this_one(
    tmp_path: Path,
) -> None:
    """Counting one campaign (Send…, resume, the progress) reads that campaign only: another
    one's unknown recipient state, or a purged one's unreadable counts, are not in its way."""
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        mine, odd, purged = (new_campaign(journal, n) for n in (2, 1, 1))
        assert journal.purge(purged, lambda: {"counts": {"enqueued": 1}})
    raw(
        path,
        "PRAGMA ignore_check_constraints = ON",
        f"UPDATE recipients SET state = 'teleported' WHERE campaign = '{odd}'",
        f"UPDATE campaigns SET kept = '{{\"counts\": {{\"enqueued\": \"one\"}}}}' WHERE id = '{purged}'",
    )
    with Journal.open(path, recover=False) as journal:
        assert journal.counts(mine) == Counts(pending=2)
        with pytest.raises(JournalDamaged):
            journal.counts(odd)
        with pytest.raises(JournalDamaged):
            journal.counts(purged)


def test_a_reading_copy_someone_else_cleaned_up_meanwhile_is_no_error_at_closing(
    tmp_path: Path, read_only: ReadOnly, temp: Path
) -> None:
    """E.g. the system's cleaner emptied the temporary folder while the window was open."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    earlier_format(path, 3)
    read_only(folder)
    journal = Journal.open_to_read(path)
    [copy] = temp.iterdir()
    shutil.rmtree(copy)
    journal.close()
    journal.close()  # closing twice (a window closed, then the app) is harmless too
    assert list(temp.iterdir()) == []


def test_an_input_output_error_is_worded_as_the_disk_s_never_as_damage_and_nothing_is_changed(
    tmp_path: Path,
) -> None:
    """SQLite's own I/O error: a journal of an earlier format (rollback mode) whose side file
    cannot be read, here because a folder stands where it would be."""
    path = tmp_path / "journal.sqlite3"
    earlier_format(path, 3)
    (tmp_path / "journal.sqlite3-journal").mkdir()
    before = digest(path)
    for opening in (Journal.open, Journal.open_to_read):
        with pytest.raises(JournalError) as caught:
            opening(path)
        assert not isinstance(caught.value, (JournalDamaged, JournalFull))
        assert str(caught.value) == (
            f"The journal {path} could not be read or written (disk I/O error): the disk may be failing "
            "or disconnected. Check the disk, then try again."
        )
    assert digest(path) == before


def test_unknown_values_in_the_counts_name_the_journal_file(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        odd, purged = new_campaign(journal, 1), new_campaign(journal, 1)
        assert journal.purge(purged, lambda: {"counts": {"enqueued": 1}})
    raw(
        path,
        "PRAGMA ignore_check_constraints = ON",
        f"UPDATE recipients SET state = 'teleported' WHERE campaign = '{odd}'",
        f"UPDATE campaigns SET kept = '{{\"counts\": {{\"enqueued\": \"one\"}}}}' WHERE id = '{purged}'",
    )
    start = f"The journal {path} holds a value this version does not understand ("
    with Journal.open(path, recover=False) as journal:
        with pytest.raises(JournalDamaged) as state:
            journal.counts(odd)
        what = f"the state of a recipient of campaign {odd}: 'teleported')"
        assert str(state.value).startswith(start + what)
        with pytest.raises(JournalDamaged) as kept:
            journal.counts(purged)
        assert str(kept.value).startswith(f"{start}the counts kept of campaign {purged})")


def test_a_journal_used_after_it_was_closed_says_so_in_words_not_a_traceback(tmp_path: Path) -> None:
    """E.g. a late worker of a window already closed."""
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    campaign = new_campaign(journal, 1)
    journal.close()
    with pytest.raises(JournalError) as caught:
        journal.counts(campaign)
    assert str(caught.value).startswith(
        f"The journal {path} cannot be opened (Cannot operate on a closed database.)"
    )


def test_a_newer_journal_whose_last_changes_are_in_its_wal_is_named_too_new_when_opened(
    tmp_path: Path, no_index_beside: None
) -> None:
    """The file's first check cannot read it in place (no WAL index), so opening it finds the
    newer format: the words still name the journal."""
    live = tmp_path / "live" / "journal.sqlite3"
    path = tmp_path / "journal.sqlite3"
    with Journal.open(live) as journal:
        new_campaign(journal, 1)
        raw(live, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        shutil.copyfile(live, path)
        shutil.copyfile(live.with_name(live.name + "-wal"), path.with_name(path.name + "-wal"))
    with pytest.raises(JournalTooNew) as caught:
        Journal.open(path)
    assert str(caught.value).startswith(
        f"The journal {path} was written by a newer version of usosmail-gui "
        f"(journal format {SCHEMA_VERSION + 1};"
    )
