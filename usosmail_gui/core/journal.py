"""The journal: the one record of what was sent, crash-safe (SQLite, WAL, synchronous=FULL).

USOS API has no idempotency key, so the only way to never send twice and never lose a
message is to write down *before* each request what it is about to send, and *as soon
as the answer arrives* what became of it. Every transition below is one transaction,
committed (fsynced) before the caller goes on:

    pending ──start_batch──▶ in_flight ──answer──▶ enqueued (message_id)
       ▲                        │ ├──400 / false──▶ rejected (reason)      [sent alone]
       │                        │ └──timeout, drop, 5xx──▶ uncertain
       └── nothing was sent ────┘   (unreachable, 401, 403, whole batch refused)
    uncertain ──choose_resend (the user, explicitly)──▶ pending

Opening the journal after a crash turns every ``in_flight`` recipient into ``uncertain``
(its request may have reached USOS): never back to ``pending``. A process that is
sending holds an OS lock on its campaign, so another process opening the journal
meanwhile leaves that campaign alone; the lock dies with the process, even on SIGKILL.

Delivery statuses (waiting/sent/failed/expired) from ``check_messages_status`` live in
their own columns (``status``, ``status_error``, ``status_checked_at``), written by
``record_statuses``: the send state above never changes after ``enqueued``.

The journal never stores credentials: a campaign keeps the installation's URL and a
one-way fingerprint of the consumer key, never the key or the secret.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from usosmail_gui.core.paths import data_dir
from usosmail_gui.core.template.model import ContentFormat, Lang, MessageTemplate

from .campaign import CampaignDraft, Excluded, SendMode, build_retry_campaign

__all__ = [
    "FILE_NAME",
    "SCHEMA_VERSION",
    "BatchKind",
    "BatchOutcome",
    "CampaignBusy",
    "CampaignLock",
    "CampaignRecord",
    "CampaignState",
    "CampaignSummary",
    "Counts",
    "Decision",
    "Journal",
    "JournalError",
    "JournalTooNew",
    "Outgoing",
    "RecipientRecord",
    "RecipientState",
    "StatusUpdate",
    "UnknownCampaign",
    "journal_path",
]

FILE_NAME = "journal.sqlite3"
LOCK_DIR = "journal-locks"

CRASH_REASON = (
    "The app stopped (crash, kill or power cut) while this request was under way; it may "
    "have reached USOS, so the message may or may not have been enqueued."
)
CRASH_STOP = "The app stopped unexpectedly while sending (crash, kill or power cut)."
INTERRUPTED_REASON = (
    "The request was interrupted while under way; it may have reached USOS, so the message "
    "may or may not have been enqueued."
)
NOT_ENQUEUED = "USOS did not enqueue this message (it answered false) and gave no reason."


class RecipientState(StrEnum):
    PENDING = "pending"  # never put in flight, or certainly not sent: safe to send
    IN_FLIGHT = "in_flight"  # its request is (or was, at a crash) under way
    ENQUEUED = "enqueued"  # USOS answered with its message ID
    REJECTED = "rejected"  # USOS refused it (sent alone), with the reason
    UNCERTAIN = "uncertain"  # its request may have reached USOS: only the user re-sends


class Decision(StrEnum):
    """What the user chose for an uncertain recipient."""

    RESEND = "resend"  # sent again at the user's explicit request
    LEAVE = "leave"  # left as it is (probably received)


class CampaignState(StrEnum):
    NEW = "new"  # stored, nothing sent yet
    SENDING = "sending"  # a sender runs (or ran, until a crash the next open finds)
    STOPPED = "stopped"  # stopped before the end; ``stop_reason`` says why
    DONE = "done"  # nothing pending or in flight (uncertain ones may wait for a decision)


class BatchKind(StrEnum):
    BATCH = "batch"  # several recipients in one request
    SINGLE = "single"  # one recipient alone: to learn a reason, isolate a culprit, or a re-send


class BatchOutcome(StrEnum):
    IN_FLIGHT = "in_flight"
    ENQUEUED = "enqueued"  # every message enqueued
    PARTIAL = "partial"  # some answered false (each then sent alone)
    REFUSED = "refused"  # HTTP 400 for the whole batch: nothing enqueued (each then sent alone)
    REJECTED = "rejected"  # a single message refused, reason recorded
    UNCERTAIN = "uncertain"
    NOT_SENT = "not_sent"  # certainly nothing enqueued (unreachable, 401, 403, other refusal)


class JournalError(Exception):
    """The journal cannot be used as asked; the text says why and what to do."""


class JournalTooNew(JournalError):
    """The journal file was written by a newer version of the app (left untouched)."""


class UnknownCampaign(JournalError):
    pass


class CampaignBusy(JournalError):
    """Another window or command is sending this campaign right now."""


SCHEMA_VERSION = 2

_V1 = (
    """CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        installation TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('messages', 'template')),
        subject TEXT NOT NULL,
        content TEXT NOT NULL,
        content_format TEXT NOT NULL,
        from_name TEXT NOT NULL,
        from_email TEXT NOT NULL,
        send_summary_to TEXT NOT NULL,
        lang TEXT NOT NULL,
        source_path TEXT,
        source_sheet TEXT,
        columns TEXT NOT NULL,
        email_column TEXT,
        batch_size INTEGER NOT NULL CHECK (batch_size > 0),
        max_body_bytes INTEGER NOT NULL CHECK (max_body_bytes > 0),
        is_test INTEGER NOT NULL CHECK (is_test IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('new', 'sending', 'stopped', 'done')),
        stop_reason TEXT,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE batches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign TEXT NOT NULL REFERENCES campaigns(id),
        kind TEXT NOT NULL CHECK (kind IN ('batch', 'single')),
        method TEXT NOT NULL,
        size INTEGER NOT NULL,
        body_bytes INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN
            ('in_flight', 'enqueued', 'partial', 'refused', 'rejected', 'uncertain', 'not_sent')),
        error TEXT
    )""",
    "CREATE INDEX batches_campaign ON batches(campaign)",
    "CREATE INDEX batches_in_flight ON batches(campaign) WHERE outcome = 'in_flight'",
    """CREATE TABLE recipients (
        campaign TEXT NOT NULL REFERENCES campaigns(id),
        seq INTEGER NOT NULL,
        row INTEGER NOT NULL,
        addresses TEXT NOT NULL,
        record TEXT NOT NULL,
        params TEXT,
        subject TEXT,
        content TEXT,
        body_bytes INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'enqueued', 'rejected', 'uncertain')),
        solo INTEGER NOT NULL DEFAULT 0 CHECK (solo IN (0, 1)),
        attempts INTEGER NOT NULL DEFAULT 0,
        decision TEXT CHECK (decision IN ('resend', 'leave')),
        batch INTEGER REFERENCES batches(id),
        message_id TEXT,
        error TEXT,
        updated_at TEXT NOT NULL,
        enqueued_at TEXT,
        finished_at TEXT,
        status TEXT,
        status_error TEXT,
        status_checked_at TEXT,
        PRIMARY KEY (campaign, seq),
        CHECK (state <> 'enqueued' OR message_id IS NOT NULL)
    )""",
    "CREATE INDEX recipients_state ON recipients(campaign, state, seq)",
    "CREATE INDEX recipients_message ON recipients(campaign, message_id) WHERE message_id IS NOT NULL",
    """CREATE TABLE excluded (
        campaign TEXT NOT NULL REFERENCES campaigns(id),
        row INTEGER NOT NULL,
        addresses TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
    "CREATE INDEX excluded_campaign ON excluded(campaign)",
)

_V2 = (
    # the other sheet rows a message was made of, when rows were grouped into one message per
    # student (core/letters): the report has a line for each, ``show --row`` finds its message
    """CREATE TABLE message_rows (
        campaign TEXT NOT NULL REFERENCES campaigns(id),
        seq INTEGER NOT NULL,
        row INTEGER NOT NULL,
        record TEXT NOT NULL
    )""",
    "CREATE INDEX message_rows_campaign ON message_rows(campaign, seq)",
)

# (version, statements): applied in order, each in the transaction that sets user_version
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = ((1, _V1), (2, _V2))
assert MIGRATIONS[-1][0] == SCHEMA_VERSION


def journal_path() -> Path:
    """``data_dir()/journal.sqlite3`` (``USOSMAIL_DATA_DIR`` overrides the data dir)."""
    return data_dir() / FILE_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def new_campaign_id(now: datetime | None = None) -> str:
    """Readable and sortable: local date and time to the minute, and 4 random hex digits."""
    moment = (now or datetime.now(UTC)).astimezone()
    return f"{moment:%Y-%m-%d-%H%M}-{secrets.token_hex(2)}"


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """Recipients of a campaign by send state; ``undecided``: uncertain with no decision."""

    pending: int = 0
    in_flight: int = 0
    enqueued: int = 0
    rejected: int = 0
    uncertain: int = 0
    undecided: int = 0

    @property
    def total(self) -> int:
        return self.pending + self.in_flight + self.enqueued + self.rejected + self.uncertain

    @property
    def not_sent(self) -> int:
        """Never enqueued and still safe to send (what ``resume`` would send)."""
        return self.pending + self.in_flight

    @property
    def interrupted(self) -> bool:
        """Something is left to do: recipients to send, or uncertain ones to decide on."""
        return bool(self.pending or self.in_flight or self.undecided)

    @property
    def all_enqueued(self) -> bool:
        return self.enqueued == self.total


@dataclass(frozen=True, slots=True)
class CampaignRecord:
    id: str
    created_at: str
    installation: str
    key_fingerprint: str
    mode: SendMode
    template: MessageTemplate
    source_path: str | None
    source_sheet: str | None
    columns: tuple[str, ...]
    email_column: str | None
    batch_size: int
    max_body_bytes: int
    is_test: bool
    state: CampaignState
    stop_reason: str | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class CampaignSummary:
    campaign: CampaignRecord
    counts: Counts


@dataclass(frozen=True, slots=True)
class RecipientRecord:
    campaign: str
    seq: int
    row: int
    addresses: tuple[str, ...]
    record: Mapping[str, str]
    params: Mapping[str, str] | None
    subject: str | None
    content: str | None
    body_bytes: int
    state: RecipientState
    solo: bool
    attempts: int
    decision: Decision | None
    batch: int | None
    message_id: str | None
    error: str | None
    updated_at: str
    enqueued_at: str | None
    finished_at: str | None
    status: str | None
    status_error: str | None
    status_checked_at: str | None


@dataclass(frozen=True, slots=True)
class Outgoing:
    """The part of a pending recipient a request is made of."""

    seq: int
    addresses: tuple[str, ...]
    params: Mapping[str, str] | None
    subject: str | None
    content: str | None
    body_bytes: int


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """What ``check_messages_status`` said of one message (written by the status poller).

    ``status``: "waiting", "sent", "failed", "expired" (ID no longer known) or "unknown";
    ``finished``: USOS has finished with it.
    """

    message_id: str
    status: str
    error: str | None = None
    finished: bool = False


def _campaign(row: sqlite3.Row) -> CampaignRecord:
    return CampaignRecord(
        id=row["id"],
        created_at=row["created_at"],
        installation=row["installation"],
        key_fingerprint=row["key_fingerprint"],
        mode=SendMode(row["mode"]),
        template=MessageTemplate(
            subject=row["subject"],
            content=row["content"],
            content_format=ContentFormat(row["content_format"]),
            from_name=row["from_name"],
            from_email=row["from_email"],
            send_summary_to=row["send_summary_to"],
            lang=Lang(row["lang"]),
        ),
        source_path=row["source_path"],
        source_sheet=row["source_sheet"],
        columns=tuple(json.loads(row["columns"])),
        email_column=row["email_column"],
        batch_size=row["batch_size"],
        max_body_bytes=row["max_body_bytes"],
        is_test=bool(row["is_test"]),
        state=CampaignState(row["state"]),
        stop_reason=row["stop_reason"],
        updated_at=row["updated_at"],
    )


def _recipient(row: sqlite3.Row) -> RecipientRecord:
    params = row["params"]
    decision = row["decision"]
    return RecipientRecord(
        campaign=row["campaign"],
        seq=row["seq"],
        row=row["row"],
        addresses=tuple(json.loads(row["addresses"])),
        record=json.loads(row["record"]),
        params=None if params is None else json.loads(params),
        subject=row["subject"],
        content=row["content"],
        body_bytes=row["body_bytes"],
        state=RecipientState(row["state"]),
        solo=bool(row["solo"]),
        attempts=row["attempts"],
        decision=None if decision is None else Decision(decision),
        batch=row["batch"],
        message_id=row["message_id"],
        error=row["error"],
        updated_at=row["updated_at"],
        enqueued_at=row["enqueued_at"],
        finished_at=row["finished_at"],
        status=row["status"],
        status_error=row["status_error"],
        status_checked_at=row["status_checked_at"],
    )


# --- the per-campaign OS lock ---------------------------------------------------------------


class CampaignLock:
    """An exclusive OS file lock on one campaign, held while it is being sent.

    ``flock`` (POSIX) / ``msvcrt.locking`` (Windows) locks belong to the open file, so the
    kernel drops them when the process dies however it dies, and a second open of the
    same file, even in the same process, cannot take it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; ``False`` if someone holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> CampaignLock:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


# --- the journal -------------------------------------------------------------------------


class Journal:
    """One open journal file. Thread-safe: one connection, used under a lock, so a Qt
    worker may use a journal opened on the GUI thread."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._conn = connection
        self._lock = threading.RLock()
        self.path = path

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, *, recover: bool = True) -> Journal:
        """Open (creating or upgrading) the journal and recover campaigns a crash left in
        flight. Raises ``JournalTooNew`` for a file of a newer app, untouched."""
        path = (path or journal_path()).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            _refuse_newer(path)
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
        except sqlite3.Error as exc:
            raise JournalError(_unreadable(path, exc)) from None
        try:
            conn.row_factory = sqlite3.Row
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise JournalError(
                    f"The journal {path} cannot use write-ahead logging (it is on a file system "
                    "that does not support it, e.g. a network share). Set USOSMAIL_DATA_DIR to a "
                    "folder on this computer's disk."
                )
            conn.execute("PRAGMA synchronous=FULL")  # a commit is on disk before we go on
            conn.execute("PRAGMA fullfsync=ON")  # macOS: real flush to the platter
            conn.execute("PRAGMA foreign_keys=ON")
            _migrate(conn, path)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise JournalError(_unreadable(path, exc)) from None
        except BaseException:
            conn.close()
            raise
        journal = cls(conn, path)
        if recover:
            journal.recover()
        return journal

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (and fsynced) when the block ends without error."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._conn.execute(sql, params))

    # --- locks and recovery ------------------------------------------------------------------
    def campaign_lock(self, campaign: str) -> CampaignLock:
        return CampaignLock(self.path.parent / LOCK_DIR / f"{campaign}.lock")

    def lock_campaign(self, campaign: str) -> CampaignLock:
        """The campaign's lock, held; ``CampaignBusy`` if another sender holds it."""
        self.campaign(campaign)  # UnknownCampaign first
        lock = self.campaign_lock(campaign)
        if not lock.acquire():
            raise CampaignBusy(
                f"Campaign {campaign} is being sent right now by another window or command. "
                "Wait for it to finish, or close it, and try again."
            )
        return lock

    def recover(self) -> list[str]:
        """After a crash: the in-flight recipients of every campaign no live process is
        sending become uncertain. Returns the campaigns recovered."""
        rows = self._query(
            "SELECT DISTINCT campaign FROM batches WHERE outcome = 'in_flight' "
            "UNION SELECT campaign FROM recipients WHERE state = 'in_flight' "
            "UNION SELECT id FROM campaigns WHERE state = 'sending'"
        )
        recovered = []
        for (campaign,) in rows:
            lock = self.campaign_lock(campaign)
            if not lock.acquire():
                continue  # a live sender holds it: its in-flight batch is really in flight
            try:
                if self.recover_locked(campaign):
                    recovered.append(campaign)
            finally:
                lock.release()
        return recovered

    def recover_locked(self, campaign: str) -> bool:
        """``recover`` for one campaign whose lock the caller holds; whether anything changed."""
        now = _now()
        with self._tx() as conn:
            changed = conn.execute(
                "UPDATE recipients SET state = 'uncertain', decision = NULL, error = ?, updated_at = ?, "
                "finished_at = ? WHERE campaign = ? AND state = 'in_flight'",
                (CRASH_REASON, now, now, campaign),
            ).rowcount
            changed += conn.execute(
                "UPDATE batches SET outcome = 'uncertain', error = ?, ended_at = ? "
                "WHERE campaign = ? AND outcome = 'in_flight'",
                (CRASH_REASON, now, campaign),
            ).rowcount
            changed += conn.execute(
                "UPDATE campaigns SET state = 'stopped', stop_reason = ?, updated_at = ? "
                "WHERE id = ? AND state = 'sending'",
                (CRASH_STOP, now, campaign),
            ).rowcount
        return changed > 0

    # --- campaigns -------------------------------------------------------------------------
    def create_campaign(self, draft: CampaignDraft, *, now: datetime | None = None) -> CampaignRecord:
        """Store a campaign and all its recipients (pending) and exclusions, in one transaction."""
        created = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="milliseconds")
        template = draft.template
        for _ in range(20):
            campaign = new_campaign_id(now)
            try:
                with self._tx() as conn:
                    conn.execute(
                        "INSERT INTO campaigns (id, created_at, installation, key_fingerprint, mode, "
                        "subject, content, content_format, from_name, from_email, send_summary_to, "
                        "lang, source_path, source_sheet, columns, email_column, batch_size, "
                        "max_body_bytes, is_test, state, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?)",
                        (
                            campaign,
                            created,
                            draft.installation,
                            draft.key_fingerprint,
                            str(draft.mode),
                            template.subject,
                            template.content,
                            str(template.content_format),
                            template.from_name,
                            template.from_email,
                            template.send_summary_to,
                            str(template.lang),
                            draft.source_path,
                            draft.source_sheet,
                            _dumps(list(draft.columns)),
                            draft.email_column,
                            draft.batch_size,
                            draft.max_body_bytes,
                            int(draft.is_test),
                            created,
                        ),
                    )
                    conn.executemany(
                        "INSERT INTO recipients (campaign, seq, row, addresses, record, params, "
                        "subject, content, body_bytes, state, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                        (
                            (
                                campaign,
                                m.seq,
                                m.row,
                                _dumps(list(m.addresses)),
                                _dumps(dict(m.record)),
                                None if m.params is None else _dumps(dict(m.params)),
                                m.subject,
                                m.content,
                                m.body_bytes,
                                created,
                            )
                            for m in draft.messages
                        ),
                    )
                    conn.executemany(
                        "INSERT INTO message_rows (campaign, seq, row, record) VALUES (?, ?, ?, ?)",
                        (
                            (campaign, m.seq, row, _dumps(dict(record)))
                            for m in draft.messages
                            for row, record in m.also
                        ),
                    )
                    conn.executemany(
                        "INSERT INTO excluded (campaign, row, addresses, code, reason) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (
                            (campaign, e.row, _dumps(list(e.addresses)), e.code, e.reason)
                            for e in draft.excluded
                        ),
                    )
            except sqlite3.IntegrityError:
                if self._query("SELECT 1 FROM campaigns WHERE id = ?", (campaign,)):
                    continue  # the same minute and the same 4 hex digits: draw again
                raise
            return self.campaign(campaign)
        raise JournalError("Could not find a free campaign name; try again in a minute.")

    def campaign(self, campaign: str) -> CampaignRecord:
        rows = self._query("SELECT * FROM campaigns WHERE id = ?", (campaign,))
        if not rows:
            raise UnknownCampaign(
                f"There is no campaign {campaign!r} in the journal {self.path}. "
                "`usosmail campaigns` lists the campaigns."
            )
        return _campaign(rows[0])

    def campaigns(self) -> list[CampaignSummary]:
        """Every campaign with its counts, newest first."""
        rows = self._query("SELECT * FROM campaigns ORDER BY created_at DESC, rowid DESC")
        counts = self._all_counts()
        return [CampaignSummary(_campaign(r), counts.get(r["id"], Counts())) for r in rows]

    def interrupted(self) -> list[CampaignSummary]:
        """Campaigns with recipients left to send or uncertain ones to decide on, newest first."""
        return [s for s in self.campaigns() if s.counts.interrupted]

    def counts(self, campaign: str) -> Counts:
        return self._all_counts(campaign).get(campaign, Counts())

    def _all_counts(self, campaign: str | None = None) -> dict[str, Counts]:
        where, params = ("WHERE campaign = ?", (campaign,)) if campaign else ("", ())
        rows = self._query(
            "SELECT campaign, state, decision IS NULL AS undecided, COUNT(*) AS n FROM recipients "
            f"{where} GROUP BY campaign, state, decision IS NULL",
            params,
        )
        found: dict[str, dict[str, int]] = {}
        for row in rows:
            numbers = found.setdefault(row["campaign"], {})
            numbers[row["state"]] = numbers.get(row["state"], 0) + row["n"]
            if row["state"] == RecipientState.UNCERTAIN and row["undecided"]:
                numbers["undecided"] = numbers.get("undecided", 0) + row["n"]
        return {c: Counts(**numbers) for c, numbers in found.items()}

    def excluded(self, campaign: str) -> list[Excluded]:
        rows = self._query(
            "SELECT row, addresses, code, reason FROM excluded WHERE campaign = ? ORDER BY rowid",
            (campaign,),
        )
        return [Excluded(r["row"], tuple(json.loads(r["addresses"])), r["code"], r["reason"]) for r in rows]

    def message_rows(self, campaign: str) -> dict[int, list[tuple[int, dict[str, str]]]]:
        """seq → the other sheet rows (number, cells) of that message, for the messages made
        of several rows (grouped letters); empty for other campaigns."""
        rows = self._query(
            "SELECT seq, row, record FROM message_rows WHERE campaign = ? ORDER BY seq, rowid", (campaign,)
        )
        found: dict[int, list[tuple[int, dict[str, str]]]] = {}
        for r in rows:
            found.setdefault(r["seq"], []).append((r["row"], json.loads(r["record"])))
        return found

    def set_campaign_state(self, campaign: str, state: CampaignState, reason: str | None = None) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE campaigns SET state = ?, stop_reason = ?, updated_at = ? WHERE id = ?",
                (str(state), reason, _now(), campaign),
            )

    # --- recipients ------------------------------------------------------------------------
    def recipients(
        self, campaign: str, states: Iterable[RecipientState] | None = None
    ) -> list[RecipientRecord]:
        """The campaign's recipients in order (``states``: only those)."""
        sql = "SELECT * FROM recipients WHERE campaign = ?"
        params: list[object] = [campaign]
        if states is not None:
            wanted = [str(s) for s in states]
            sql += f" AND state IN ({','.join('?' * len(wanted))})"
            params += wanted
        return [_recipient(r) for r in self._query(sql + " ORDER BY seq", params)]

    def retry_draft(
        self,
        campaign: str,
        *,
        installation: str,
        key_fingerprint: str,
        include_uncertain: bool = False,
    ) -> CampaignDraft:
        """A new campaign of ``campaign``'s recipients USOS failed to deliver to (and, if
        asked, those whose send is uncertain), with the same template and sender."""
        record = self.campaign(campaign)
        chosen = [
            r
            for r in self.recipients(campaign)
            if (r.state is RecipientState.ENQUEUED and r.status == "failed")
            or (include_uncertain and r.state is RecipientState.UNCERTAIN)
        ]
        return build_retry_campaign(
            record.template,
            chosen,
            mode=record.mode,
            installation=installation,
            key_fingerprint=key_fingerprint,
            columns=record.columns,
            email_column=record.email_column,
            source_path=record.source_path,
            source_sheet=record.source_sheet,
            batch_size=record.batch_size,
            max_body_bytes=record.max_body_bytes,
        )

    def recipients_by_seq(self, campaign: str, seqs: Sequence[int]) -> list[RecipientRecord]:
        found: list[RecipientRecord] = []
        for start in range(0, len(seqs), 500):
            chunk = list(seqs[start : start + 500])
            rows = self._query(
                f"SELECT * FROM recipients WHERE campaign = ? AND seq IN ({','.join('?' * len(chunk))})",
                [campaign, *chunk],
            )
            found += map(_recipient, rows)
        return sorted(found, key=lambda r: r.seq)

    def outgoing(self, campaign: str, seqs: Sequence[int]) -> list[Outgoing]:
        """What the send loop needs of these recipients, if still pending, in order."""
        found: list[Outgoing] = []
        for start in range(0, len(seqs), 500):
            chunk = list(seqs[start : start + 500])
            rows = self._query(
                "SELECT seq, addresses, params, subject, content, body_bytes FROM recipients "
                f"WHERE campaign = ? AND state = 'pending' AND seq IN ({','.join('?' * len(chunk))})",
                [campaign, *chunk],
            )
            found += (
                Outgoing(
                    r[0],
                    tuple(json.loads(r[1])),
                    None if r[2] is None else json.loads(r[2]),
                    r[3],
                    r[4],
                    r[5],
                )
                for r in rows
            )
        return sorted(found, key=lambda r: r.seq)

    def pending_plan_items(self, campaign: str) -> list[tuple[int, int, bool]]:
        """``(seq, body_bytes, solo)`` of every pending recipient, in order (to plan batches)."""
        rows = self._query(
            "SELECT seq, body_bytes, solo FROM recipients WHERE campaign = ? AND state = 'pending' "
            "ORDER BY seq",
            (campaign,),
        )
        return [(r[0], r[1], bool(r[2])) for r in rows]

    # --- the send transitions (each one transaction, committed on return) ---------------------
    def start_batch(
        self,
        campaign: str,
        seqs: Sequence[int],
        *,
        kind: BatchKind,
        method: str,
        body_bytes: int,
    ) -> int:
        """pending → in_flight for ``seqs``, and the batch row; committed BEFORE the request."""
        now = _now()
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO batches (campaign, kind, method, size, body_bytes, started_at, outcome) "
                "VALUES (?, ?, ?, ?, ?, ?, 'in_flight')",
                (campaign, str(kind), method, len(seqs), body_bytes, now),
            )
            batch = cursor.lastrowid
            assert batch is not None
            moved = conn.executemany(
                "UPDATE recipients SET state = 'in_flight', batch = ?, attempts = attempts + 1, "
                "updated_at = ? WHERE campaign = ? AND seq = ? AND state = 'pending'",
                ((batch, now, campaign, seq) for seq in seqs),
            ).rowcount
            if moved != len(seqs):
                raise JournalError(
                    f"Campaign {campaign}: {len(seqs) - moved} of the recipients to send are no "
                    "longer waiting to be sent (changed by another window?). Nothing was sent."
                )
        return batch

    # Recipients of a batch are always reached through the campaign's indexes (the primary
    # key (campaign, seq), or (campaign, state) for the few in flight): ``batch`` has no
    # index of its own, and a scan per row made a 10,000-recipient campaign take minutes.

    def _end_batch(
        self, conn: sqlite3.Connection, batch: int, outcome: BatchOutcome, error: str | None
    ) -> tuple[str, str]:
        """Close the batch row; returns ``(its campaign, now)``."""
        now = _now()
        row = conn.execute("SELECT campaign FROM batches WHERE id = ?", (batch,)).fetchone()
        if row is None:
            raise JournalError(f"There is no batch {batch} in the journal.")
        conn.execute(
            "UPDATE batches SET outcome = ?, error = ?, ended_at = ? WHERE id = ?",
            (str(outcome), error, now, batch),
        )
        return row[0], now

    def batch_answered(
        self, batch: int, message_ids: Sequence[tuple[int, str | None]], *, false_is_final: bool = False
    ) -> list[int]:
        """The answer's IDs: enqueued where given. A ``None`` (``false``) was not enqueued:
        back to pending, to be sent alone (``solo``) to learn why; or, ``false_is_final``
        (it was alone already), rejected. Returns the seqs not enqueued."""
        not_enqueued = [seq for seq, mid in message_ids if mid is None]
        if not not_enqueued:
            outcome = BatchOutcome.ENQUEUED
        elif false_is_final and len(not_enqueued) == len(message_ids):
            outcome = BatchOutcome.REJECTED
        else:
            outcome = BatchOutcome.PARTIAL
        with self._tx() as conn:
            campaign, now = self._end_batch(conn, batch, outcome, NOT_ENQUEUED if not_enqueued else None)
            done = conn.executemany(
                "UPDATE recipients SET state = 'enqueued', message_id = ?, error = NULL, enqueued_at = ?, "
                "updated_at = ? WHERE campaign = ? AND seq = ? AND batch = ? AND state = 'in_flight'",
                ((mid, now, now, campaign, seq, batch) for seq, mid in message_ids if mid is not None),
            ).rowcount
            if false_is_final:
                sql = (
                    "UPDATE recipients SET state = 'rejected', error = ?, updated_at = ?, finished_at = ? "
                    "WHERE campaign = ? AND seq = ? AND batch = ? AND state = 'in_flight'"
                )
                rows: list[tuple[object, ...]] = [
                    (NOT_ENQUEUED, now, now, campaign, seq, batch) for seq in not_enqueued
                ]
            else:
                sql = (
                    "UPDATE recipients SET state = 'pending', solo = 1, error = ?, updated_at = ? "
                    "WHERE campaign = ? AND seq = ? AND batch = ? AND state = 'in_flight'"
                )
                rows = [(NOT_ENQUEUED, now, campaign, seq, batch) for seq in not_enqueued]
            done += conn.executemany(sql, rows).rowcount
            if done != len(message_ids):
                raise JournalError(f"Batch {batch}: the answer does not match what was sent.")
        return not_enqueued

    def batch_uncertain(self, batch: int, reason: str) -> int:
        """in_flight → uncertain: the request may have reached USOS. How many."""
        with self._tx() as conn:
            campaign, now = self._end_batch(conn, batch, BatchOutcome.UNCERTAIN, reason)
            return conn.execute(
                "UPDATE recipients SET state = 'uncertain', decision = NULL, error = ?, updated_at = ?, "
                "finished_at = ? WHERE campaign = ? AND state = 'in_flight' AND batch = ?",
                (reason, now, now, campaign, batch),
            ).rowcount

    def batch_not_sent(self, batch: int, reason: str, *, refused: bool = False) -> list[int]:
        """in_flight → pending: USOS certainly enqueued nothing. ``refused`` (HTTP 400 for a
        whole batch): each recipient is then sent alone to find the culprit(s)."""
        outcome = BatchOutcome.REFUSED if refused else BatchOutcome.NOT_SENT
        with self._tx() as conn:
            campaign, now = self._end_batch(conn, batch, outcome, reason)
            seqs = [
                r[0]
                for r in conn.execute(
                    "SELECT seq FROM recipients WHERE campaign = ? AND state = 'in_flight' AND batch = ? "
                    "ORDER BY seq",
                    (campaign, batch),
                )
            ]
            conn.execute(
                "UPDATE recipients SET state = 'pending', solo = MAX(solo, ?), error = ?, updated_at = ? "
                "WHERE campaign = ? AND state = 'in_flight' AND batch = ?",
                (int(refused), reason, now, campaign, batch),
            )
        return seqs

    def batch_rejected(self, batch: int, reason: str) -> int:
        """in_flight → rejected for a request of one recipient that USOS refused."""
        with self._tx() as conn:
            campaign, now = self._end_batch(conn, batch, BatchOutcome.REJECTED, reason)
            return conn.execute(
                "UPDATE recipients SET state = 'rejected', error = ?, updated_at = ?, finished_at = ? "
                "WHERE campaign = ? AND state = 'in_flight' AND batch = ?",
                (reason, now, now, campaign, batch),
            ).rowcount

    # --- the user's decisions on uncertain recipients ---------------------------------------
    def choose_resend(self, campaign: str, seqs: Iterable[int]) -> int:
        """uncertain → pending for exactly these recipients, at the user's explicit request.
        How many were uncertain and now wait to be sent."""
        now = _now()
        with self._tx() as conn:
            return conn.executemany(
                "UPDATE recipients SET state = 'pending', decision = 'resend', "
                "finished_at = NULL, updated_at = ? WHERE campaign = ? AND seq = ? AND state = 'uncertain'",
                ((now, campaign, seq) for seq in seqs),
            ).rowcount

    def leave_uncertain(self, campaign: str, seqs: Iterable[int]) -> int:
        """The user decided not to re-send these uncertain recipients."""
        now = _now()
        with self._tx() as conn:
            return conn.executemany(
                "UPDATE recipients SET decision = 'leave', updated_at = ? "
                "WHERE campaign = ? AND seq = ? AND state = 'uncertain'",
                ((now, campaign, seq) for seq in seqs),
            ).rowcount

    # --- delivery statuses (issue 6's poller) ----------------------------------------------
    def record_statuses(self, campaign: str, updates: Iterable[StatusUpdate]) -> int:
        """Store what USOS said of enqueued messages; the send state is not changed."""
        now = _now()
        with self._tx() as conn:
            return conn.executemany(
                "UPDATE recipients SET status = ?, status_error = ?, status_checked_at = ?, "
                "finished_at = CASE WHEN ? THEN COALESCE(finished_at, ?) ELSE finished_at END "
                "WHERE campaign = ? AND message_id = ? AND state = 'enqueued'",
                ((u.status, u.error, now, int(u.finished), now, campaign, u.message_id) for u in updates),
            ).rowcount

    def messages_to_poll(self, campaign: str) -> list[tuple[str, str | None, str | None, str | None]]:
        """``(message_id, enqueued_at, status, status_error)`` of every enqueued message USOS
        has not finished with and that is not known to be expired: what the poller asks about
        (a lean query with plain tuples: a 10,000-message campaign is polled every few seconds)."""
        with self._lock:
            cursor = self._conn.cursor()
            cursor.row_factory = None  # tuples, not sqlite3.Row: a third of the time
            return cursor.execute(
                "SELECT message_id, enqueued_at, status, status_error FROM recipients "
                "WHERE campaign = ? AND state = 'enqueued' AND finished_at IS NULL "
                "AND (status IS NULL OR status <> 'expired') ORDER BY seq",
                (campaign,),
            ).fetchall()

    def batches(self, campaign: str) -> list[sqlite3.Row]:
        """The campaign's requests in order (for support and tests)."""
        return self._query("SELECT * FROM batches WHERE campaign = ? ORDER BY id", (campaign,))


def _unreadable(path: Path, exc: Exception) -> str:
    return (
        f"The journal {path} cannot be opened ({exc}). It may be damaged or not a usosmail "
        "journal; it was not changed. Keep a copy (it records what was sent), move it "
        "elsewhere and try again to start a new journal."
    )


def _refuse_newer(path: Path) -> None:
    """Read the schema version without writing anything; refuse a newer file.

    If SQLite cannot open the file read-only (e.g. a crash left a WAL file without its
    shared-memory index), the check is left to ``_migrate``, which reads the version
    inside its transaction before changing anything.
    """
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return
    except sqlite3.Error as exc:
        raise JournalError(_unreadable(path, exc)) from None
    if version > SCHEMA_VERSION:
        raise JournalTooNew(_too_new(path, version))


def _too_new(path: Path, version: int) -> str:
    return (
        f"The journal {path} was written by a newer version of usosmail-gui (journal format "
        f"{version}; this version knows up to {SCHEMA_VERSION}). Install the newer version "
        "to use it. The journal was not changed."
    )


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file to SCHEMA_VERSION in one transaction (all migrations or none)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise JournalTooNew(_too_new(path, version))
        for target, statements in MIGRATIONS:
            if version >= target:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(target)}")
            version = target
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
