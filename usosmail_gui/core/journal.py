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
import shutil
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from usosmail_gui.core.paths import data_dir
from usosmail_gui.core.sentences import (
    QT_TRANSLATE_NOOP,
    Sentence,
    english,
    say,
    sentences_from_json,
    sentences_to_json,
)
from usosmail_gui.core.template.model import ContentFormat, Lang, MessageTemplate

from .campaign import CampaignDraft, Excluded, SendMode

__all__ = [
    "FILE_NAME",
    "SCHEMA_VERSION",
    "BatchKind",
    "BatchOutcome",
    "CampaignBusy",
    "CampaignClosed",
    "CampaignLock",
    "CampaignRecord",
    "CampaignState",
    "CampaignSummary",
    "Counts",
    "Decision",
    "Journal",
    "JournalDamaged",
    "JournalError",
    "JournalFull",
    "JournalReadOnly",
    "JournalTooNew",
    "Outgoing",
    "RecipientRecord",
    "RecipientState",
    "StatusUpdate",
    "UnknownCampaign",
    "closed_words",
    "journal_path",
    "sandbox_journal_path",
]

FILE_NAME = "journal.sqlite3"
SANDBOX_FILE_NAME = "sandbox-journal.sqlite3"  # the built-in sandbox's practice campaigns
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


_RECIPIENT_STATES = frozenset(str(s) for s in RecipientState)


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
    """The journal cannot be used as asked; the text says why and what to do.

    ``sentences``: the same words as translatable sentences (core/sentences.py) when the
    GUI may show them; the text is their English.
    """

    def __init__(self, message: str | Sentence) -> None:
        self.sentences: tuple[Sentence, ...] = (message,) if isinstance(message, Sentence) else ()
        super().__init__(english(self.sentences) if isinstance(message, Sentence) else message)


class JournalTooNew(JournalError):
    """The journal file was written by a newer version of the app (left untouched)."""


class JournalDamaged(JournalError):
    """The file is not a journal this version can read (damaged, empty, a missing column,
    a value it does not know); it was left untouched."""


class JournalReadOnly(JournalError):
    """The journal can be read but not written (a read-only disk, folder or file)."""


class JournalFull(JournalError):
    """The disk holding the journal is full: the last change was not recorded."""


class UnknownCampaign(JournalError):
    pass


class CampaignBusy(JournalError):
    """Another window or command is sending this campaign right now."""


class CampaignClosed(JournalError):
    """The user closed this campaign: nothing more of it is sent."""


def closed_words(record: CampaignRecord) -> str:
    """Why a closed campaign sends nothing, in plain words (resume, the GUI, send_steps)."""
    return (
        f"Campaign {record.id} was closed on {(record.closed_at or '')[:10]}: nothing more of it is "
        "sent, and its uncertain recipients stay uncertain. To write to its students again, send "
        "a new campaign (or Send again to failed)."
    )


SCHEMA_VERSION = 4

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
    # a left-out row's cells and its reason as translatable sentences (JSON; NULL in
    # campaigns stored before): the report lists every row of the sheet, the GUI in its language
    "ALTER TABLE excluded ADD COLUMN record TEXT",
    "ALTER TABLE excluded ADD COLUMN sentences TEXT",
    # personal data is kept for a while only (core/retention.py): once a campaign's is purged,
    # ``purged_at`` says when and ``kept`` (JSON) holds its counts and dates
    "ALTER TABLE campaigns ADD COLUMN purged_at TEXT",
    "ALTER TABLE campaigns ADD COLUMN kept TEXT",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

_V3 = (
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

_V4 = (
    # a campaign the user closed: nothing more of it is sent (resume refuses it); its uncertain
    # recipients stay listed as uncertain
    "ALTER TABLE campaigns ADD COLUMN closed_at TEXT",
)

# (version, statements): applied in order, each in the transaction that sets user_version
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = ((1, _V1), (2, _V2), (3, _V3), (4, _V4))
assert MIGRATIONS[-1][0] == SCHEMA_VERSION


def journal_path() -> Path:
    """``data_dir()/journal.sqlite3`` (``USOSMAIL_DATA_DIR`` overrides the data dir); the
    folder is made when the journal is opened for writing."""
    return data_dir(create=False) / FILE_NAME


def sandbox_journal_path() -> Path:
    """``data_dir()/sandbox-journal.sqlite3``: the built-in sandbox's own journal, beside the
    real one, so practice campaigns are never mixed with real ones."""
    return data_dir(create=False) / SANDBOX_FILE_NAME


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
    purged_at: str | None = None  # when its personal data was deleted (only counts stay)
    closed_at: str | None = None  # when the user closed it: nothing more of it is sent


@dataclass(frozen=True, slots=True)
class CampaignSummary:
    campaign: CampaignRecord
    counts: Counts
    excluded: int = 0  # rows of the list left out (they got nothing; listed with the reason)

    @property
    def interrupted(self) -> bool:
        """Something is left to do (a purged campaign has nothing left to do anything with;
        a closed one, the user said, has nothing more to send)."""
        return (
            self.counts.interrupted and self.campaign.purged_at is None and self.campaign.closed_at is None
        )


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


_T = TypeVar("_T")
_E = TypeVar("_E", bound=StrEnum)


class _UnknownValue(Exception):
    """A stored value no enum of this version has (``str`` says which)."""


def _known(kind: type[_E], value: str, what: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        raise _UnknownValue(f"{what} {value!r}") from None


def _campaign(row: sqlite3.Row) -> CampaignRecord:
    where = f"campaign {row['id']}"
    return CampaignRecord(
        id=row["id"],
        created_at=row["created_at"],
        installation=row["installation"],
        key_fingerprint=row["key_fingerprint"],
        mode=_known(SendMode, row["mode"], f"the mode of {where}:"),
        template=MessageTemplate(
            subject=row["subject"],
            content=row["content"],
            content_format=_known(ContentFormat, row["content_format"], f"the format of {where}:"),
            from_name=row["from_name"],
            from_email=row["from_email"],
            send_summary_to=row["send_summary_to"],
            lang=_known(Lang, row["lang"], f"the language of {where}:"),
        ),
        source_path=row["source_path"],
        source_sheet=row["source_sheet"],
        columns=tuple(json.loads(row["columns"])),
        email_column=row["email_column"],
        batch_size=row["batch_size"],
        max_body_bytes=row["max_body_bytes"],
        is_test=bool(row["is_test"]),
        state=_known(CampaignState, row["state"], f"the state of {where}:"),
        stop_reason=row["stop_reason"],
        updated_at=row["updated_at"],
        purged_at=row["purged_at"],
        closed_at=row["closed_at"],
    )


def _excluded(row: sqlite3.Row) -> Excluded:
    record, sentences = row["record"], row["sentences"]
    return Excluded(
        row["row"],
        tuple(json.loads(row["addresses"])),
        row["code"],
        row["reason"],
        () if sentences is None else sentences_from_json(json.loads(sentences)),
        {} if record is None else json.loads(record),
    )


def _recipient(row: sqlite3.Row) -> RecipientRecord:
    params = row["params"]
    decision = row["decision"]
    where = f"recipient {row['seq']} (row {row['row']}) of campaign {row['campaign']}"
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
        state=_known(RecipientState, row["state"], f"the state of {where}:"),
        solo=bool(row["solo"]),
        attempts=row["attempts"],
        decision=None if decision is None else _known(Decision, decision, f"the decision on {where}:"),
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
    worker may use a journal opened on the GUI thread.

    ``read_only``: opened by ``open_to_read`` on a journal that cannot be written (a
    read-only disk, folder or file, or a full disk); ``read_only_reason`` says why, and
    every change raises it.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        *,
        read_only_reason: JournalError | None = None,
        temp_dir: Path | None = None,
    ) -> None:
        self._conn = connection
        self._lock = threading.RLock()
        self.path = path
        self.read_only_reason = read_only_reason
        self._temp_dir = temp_dir

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, *, recover: bool = True) -> Journal:
        """Open (creating or upgrading) the journal for writing and recover campaigns a crash
        left in flight. Raises ``JournalError`` in plain words: ``JournalDamaged`` (left
        untouched), ``JournalTooNew``, ``JournalReadOnly``, ``JournalFull``."""
        path = (path or journal_path()).resolve()
        if path.exists():
            _inspect(path)
            why = _unwritable_why(path)
            if why is not None:  # SQLite would find out only at the first change
                raise _read_only_error(path, why)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise _read_only_error(path, say(_READ_ONLY_FOLDER)) from None
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
        except sqlite3.Error as exc:
            raise _classified(path, exc) from None
        try:
            conn.row_factory = sqlite3.Row
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise JournalError(say(_NO_WAL, path=str(path)))
            conn.execute("PRAGMA synchronous=FULL")  # a commit is on disk before we go on
            conn.execute("PRAGMA fullfsync=ON")  # macOS: real flush to the platter
            conn.execute("PRAGMA foreign_keys=ON")
            _migrate(conn, path)
        except sqlite3.Error as exc:
            conn.close()
            raise _classified(path, exc) from None
        except BaseException:
            conn.close()
            raise
        journal = cls(conn, path)
        if recover:
            try:
                journal.recover()
            except BaseException:
                journal.close()
                raise
        return journal

    @classmethod
    def open_to_read(cls, path: Path | None = None) -> Journal:
        """``open``, or, when the journal cannot be written (a read-only disk, folder or
        file, a full disk), the journal as it is, read-only (``read_only_reason`` says
        why). What reading commands and windows use: a journal they cannot write is still
        shown, never called damaged. A journal that does not exist and cannot be made
        reads as empty."""
        path = (path or journal_path()).resolve()
        try:
            return cls.open(path)
        except (JournalReadOnly, JournalFull) as exc:
            reason: JournalError = exc
        temp_dir: Path | None = None
        try:
            if not path.exists():
                conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                _migrate(conn, path)
            else:
                conn = _connect_read_only(path)
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if version < SCHEMA_VERSION:  # an earlier format: read an upgraded copy
                    conn.close()
                    conn, temp_dir = _copy_for_reading(path)
        except sqlite3.Error as exc:
            if temp_dir is None and path.exists():
                try:
                    conn, temp_dir = _copy_for_reading(path)
                except (sqlite3.Error, OSError):
                    raise _classified(path, exc) from None
            else:
                raise _classified(path, exc) from None
        except OSError as exc:
            raise JournalError(say(_CANNOT_OPEN, path=str(path), detail=exc.strerror or str(exc))) from None
        conn.row_factory = sqlite3.Row
        return cls(conn, path, read_only_reason=reason, temp_dir=temp_dir)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if self._temp_dir is not None:
                shutil.rmtree(self._temp_dir, ignore_errors=True)
                self._temp_dir = None

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
        return int(self._query("PRAGMA user_version")[0][0])

    def _error(self, exc: sqlite3.Error) -> JournalError:
        return _classified(self.path, exc)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (and fsynced) when the block ends without error.
        SQLite's errors come out as ``JournalError`` (an ``IntegrityError`` as it is);
        whatever fails, nothing of the block is left half-written."""
        with self._lock:
            if self.read_only_reason is not None:
                raise self.read_only_reason
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:  # SQLite ends some failed transactions itself
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.IntegrityError):
                    raise self._error(exc) from None
                raise

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return list(self._conn.execute(sql, params))
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    def _converted(self, convert: Callable[[sqlite3.Row], _T], rows: Iterable[sqlite3.Row]) -> list[_T]:
        """Rows as records; a value this version does not know is explained, not a traceback."""
        try:
            return [convert(row) for row in rows]
        except _UnknownValue as exc:
            raise JournalDamaged(say(_UNKNOWN_VALUE, path=str(self.path), what=str(exc))) from None
        except (IndexError, KeyError, TypeError, ValueError) as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise JournalDamaged(say(_DAMAGED, path=str(self.path), detail=detail)) from None

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
                        "INSERT INTO excluded (campaign, row, addresses, code, reason, record, sentences) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            (
                                campaign,
                                e.row,
                                _dumps(list(e.addresses)),
                                e.code,
                                e.reason,
                                _dumps(dict(e.record)),
                                _dumps(sentences_to_json(e.sentences)),
                            )
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
        return self._converted(_campaign, rows)[0]

    def campaigns(self) -> list[CampaignSummary]:
        """Every campaign with its counts, newest first."""
        rows = self._query("SELECT * FROM campaigns ORDER BY created_at DESC, rowid DESC")
        counts, excluded = self._all_counts(), self.excluded_counts()
        return [
            CampaignSummary(c, counts.get(c.id, Counts()), excluded.get(c.id, 0))
            for c in self._converted(_campaign, rows)
        ]

    def interrupted(self) -> list[CampaignSummary]:
        """Campaigns with recipients left to send or uncertain ones to decide on, newest first."""
        return [s for s in self.campaigns() if s.interrupted]

    def counts(self, campaign: str) -> Counts:
        return self._all_counts(campaign).get(campaign, Counts())

    # --- personal data: kept for a while only (the policy is core/retention.py) ----------------
    def setting(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_setting(self, key: str, value: str) -> None:
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def kept(self, campaign: str) -> dict[str, object] | None:
        """What a purged campaign keeps (its counts and dates, as ``purge`` stored them);
        ``None`` while its personal data is there."""
        rows = self._query("SELECT kept FROM campaigns WHERE id = ? AND purged_at IS NOT NULL", (campaign,))
        if not rows or rows[0][0] is None:
            return None
        kept = self._converted(lambda r: json.loads(r[0]), rows)[0]
        return kept if isinstance(kept, dict) else {}

    def last_activity(self, campaign: str) -> str:
        """When the journal last recorded anything of ``campaign``: its last status, the end
        of its sending, or its creation (ISO, UTC)."""
        rows = self._query(
            "SELECT MAX(c.updated_at, COALESCE((SELECT MAX(MAX(r.updated_at, "
            "COALESCE(r.status_checked_at, ''), COALESCE(r.finished_at, ''))) "
            "FROM recipients r WHERE r.campaign = c.id), '')) FROM campaigns c WHERE c.id = ?",
            (campaign,),
        )
        if not rows:
            self.campaign(campaign)  # UnknownCampaign
        return str(rows[0][0])

    def unpurged_quiet_since(self, cutoff: str) -> list[str]:
        """Campaigns not purged whose own record has not changed since ``cutoff``: the only
        ones whose last activity can be that old (a cheap first look before ``last_activity``)."""
        rows = self._query(
            "SELECT id FROM campaigns WHERE purged_at IS NULL AND updated_at < ? ORDER BY created_at",
            (cutoff,),
        )
        return [r[0] for r in rows]

    def purge(
        self, campaign: str, summary: Callable[[], Mapping[str, object]], *, now: datetime | None = None
    ) -> bool:
        """Delete ``campaign``'s personal data — its recipients and left-out rows (names,
        addresses, cells, rendered messages, message IDs, errors), the errors of its requests,
        its stop reason and source file — keeping ``summary()`` (its counts and dates, computed
        inside the same transaction). One transaction: a crash leaves all of it or none.
        Whether it was purged now (False: it had been already). ``compact`` then frees the space."""
        moment = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="milliseconds")
        with self._tx() as conn:
            if not conn.execute(
                "SELECT 1 FROM campaigns WHERE id = ? AND purged_at IS NULL", (campaign,)
            ).fetchone():
                self.campaign(campaign)  # UnknownCampaign, else it is purged already
                return False
            kept = _dumps(dict(summary()))
            conn.execute("DELETE FROM recipients WHERE campaign = ?", (campaign,))
            conn.execute("DELETE FROM excluded WHERE campaign = ?", (campaign,))
            conn.execute("DELETE FROM message_rows WHERE campaign = ?", (campaign,))
            conn.execute("UPDATE batches SET error = NULL WHERE campaign = ?", (campaign,))
            conn.execute(
                "UPDATE campaigns SET purged_at = ?, kept = ?, stop_reason = NULL, source_path = NULL, "
                "source_sheet = NULL WHERE id = ?",
                (moment, kept, campaign),
            )
        return True

    def compact(self) -> None:
        """Rewrite the file without the space deleted data took (VACUUM), and empty the WAL,
        so what was deleted is not left in the file's free pages or its log."""
        with self._lock:
            if self.read_only_reason is not None:
                raise self.read_only_reason
            try:
                self._conn.execute("VACUUM")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    def _all_counts(self, campaign: str | None = None) -> dict[str, Counts]:
        found = self._live_counts(campaign)
        where, params = ("AND id = ?", (campaign,)) if campaign else ("", ())
        for row in self._query(f"SELECT id, kept FROM campaigns WHERE purged_at IS NOT NULL {where}", params):
            numbers = self._converted(lambda r: json.loads(r["kept"] or "{}").get("counts", {}), [row])[0]
            try:
                found[row["id"]] = Counts(**{k: int(v) for k, v in numbers.items()})
            except (TypeError, ValueError):
                what = f"the counts kept of campaign {row['id']}"
                raise JournalDamaged(say(_UNKNOWN_VALUE, path=str(self.path), what=what)) from None
        return found

    def _live_counts(self, campaign: str | None = None) -> dict[str, Counts]:
        where, params = ("WHERE campaign = ?", (campaign,)) if campaign else ("", ())
        rows = self._query(
            "SELECT campaign, state, decision IS NULL AS undecided, COUNT(*) AS n FROM recipients "
            f"{where} GROUP BY campaign, state, decision IS NULL",
            params,
        )
        found: dict[str, dict[str, int]] = {}
        for row in rows:
            if row["state"] not in _RECIPIENT_STATES:
                what = f"the state of a recipient of campaign {row['campaign']}: {row['state']!r}"
                raise JournalDamaged(say(_UNKNOWN_VALUE, path=str(self.path), what=what))
            numbers = found.setdefault(row["campaign"], {})
            numbers[row["state"]] = numbers.get(row["state"], 0) + row["n"]
            if row["state"] == RecipientState.UNCERTAIN and row["undecided"]:
                numbers["undecided"] = numbers.get("undecided", 0) + row["n"]
        return {c: Counts(**numbers) for c, numbers in found.items()}

    def excluded(self, campaign: str) -> list[Excluded]:
        """The rows of the list the campaign left out, in the list's order, with the reason
        (and, for campaigns stored since journal format 2, the row's cells)."""
        rows = self._query(
            "SELECT row, addresses, code, reason, record, sentences FROM excluded WHERE campaign = ? "
            "ORDER BY rowid",
            (campaign,),
        )
        return self._converted(_excluded, rows)

    def excluded_counts(self) -> dict[str, int]:
        """Campaign → how many rows it left out (purged ones: as kept)."""
        rows = self._query("SELECT campaign, COUNT(*) FROM excluded GROUP BY campaign")
        found = {r[0]: r[1] for r in rows}
        for row in self._query("SELECT id, kept FROM campaigns WHERE purged_at IS NOT NULL"):
            kept = self._converted(lambda r: json.loads(r["kept"] or "{}"), [row])[0]
            number = kept.get("excluded", 0) if isinstance(kept, dict) else 0
            found[row["id"]] = number if isinstance(number, int) else 0
        return found

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

    def close_campaign(self, campaign: str) -> CampaignRecord:
        """Close ``campaign``: nothing more of it will be sent (``send_steps`` and resume
        refuse it); what was never sent stays "not sent", uncertain recipients stay
        uncertain. Closing twice keeps the first date. ``CampaignBusy`` while a sender runs
        it (closing under a running send would not stop what it has in flight)."""
        with self.lock_campaign(campaign):
            self.recover_locked(campaign)  # a crashed sender's in-flight batch: uncertain first
            now = _now()
            with self._tx() as conn:
                conn.execute(
                    "UPDATE campaigns SET closed_at = COALESCE(closed_at, ?), updated_at = ? WHERE id = ?",
                    (now, now, campaign),
                )
        return self.campaign(campaign)

    def move_installation(self, installation: str) -> int:
        """Every campaign of this journal now belongs to ``installation``: only for the
        built-in sandbox's own journal, whose campaigns are all the sandbox's while it
        listens on a new port at each start (so one stopped half-way can be resumed, and
        its failed ones sent again, through the sandbox running now). How many moved."""
        with self._tx() as conn:  # not an activity of theirs: the retention clock is left alone
            moved = conn.execute(
                "UPDATE campaigns SET installation = ? WHERE installation <> ?", (installation, installation)
            ).rowcount
        return int(moved)

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
        return self._converted(_recipient, self._query(sql + " ORDER BY seq", params))

    def first_recipient(self, campaign: str) -> RecipientRecord | None:
        """The campaign's first recipient (None: none, or its personal data was purged)."""
        rows = self._query("SELECT * FROM recipients WHERE campaign = ? ORDER BY seq LIMIT 1", (campaign,))
        found = self._converted(_recipient, rows)
        return found[0] if found else None

    @property
    def of_sandbox(self) -> bool:
        """Whether this is the built-in sandbox's own journal (``sandbox_journal_path``)."""
        return self.path.name == SANDBOX_FILE_NAME

    def recipients_by_seq(self, campaign: str, seqs: Sequence[int]) -> list[RecipientRecord]:
        found: list[RecipientRecord] = []
        for start in range(0, len(seqs), 500):
            chunk = list(seqs[start : start + 500])
            rows = self._query(
                f"SELECT * FROM recipients WHERE campaign = ? AND seq IN ({','.join('?' * len(chunk))})",
                [campaign, *chunk],
            )
            found += self._converted(_recipient, rows)
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
            found += self._converted(
                lambda r: Outgoing(
                    r[0],
                    tuple(json.loads(r[1])),
                    None if r[2] is None else json.loads(r[2]),
                    r[3],
                    r[4],
                    r[5],
                ),
                rows,
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


# --- what goes wrong with the file, in plain words -------------------------------------------

_DAMAGED = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} is damaged ({detail}), so it cannot be read. It was not changed: it still "
    "holds the record of what was sent. Keep a copy of it (and of the files beside it whose names "
    "begin the same), then restore it from a backup; to work meanwhile, move it elsewhere and the "
    "app starts a new, empty journal.",
)
_NOT_READABLE = QT_TRANSLATE_NOOP(
    "Problems",
    "The file {path} cannot be read as a journal ({detail}): it is damaged, or it is not a usosmail "
    "journal. It was not changed. Keep a copy, then restore the journal from a backup, or move the "
    "file elsewhere to start a new one.",
)
_EMPTY = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} is empty (0 bytes): what it recorded is lost, usually by a copy that failed "
    "or a full disk. It was left as it is, and no new journal was made over it. Put back a copy if "
    "you have one (a backup of the data folder); if this computer never sent a campaign, delete the "
    "file and try again.",
)
_NOT_A_JOURNAL = QT_TRANSLATE_NOOP(
    "Problems",
    "The file {path} is not a usosmail journal (it holds other data). It was not changed. Move it "
    "elsewhere, or set USOSMAIL_DATA_DIR to another folder, and try again.",
)
_MISSING = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} lacks {what}, which this version needs: it was probably changed by another "
    "program or restored only in part. It was not changed. Keep a copy, then restore it from a "
    "backup, or move it elsewhere to start a new one.",
)
_UNKNOWN_VALUE = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} holds a value this version does not understand ({what}): it may have been "
    "written by a newer version of usosmail-gui or changed by another program. It was not changed, "
    "and nothing is sent from it. Install the newest version, or restore the journal from a backup.",
)
_TOO_NEW = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} was written by a newer version of usosmail-gui (journal format {version}; "
    "this version knows up to {known}). Install the newer version to use it. The journal was not "
    "changed.",
)
_READ_ONLY = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} cannot be written ({why}), so nothing can be sent or changed. It is intact "
    "and was not changed. Make it writable again (or copy the data folder to a writable disk and "
    "set USOSMAIL_DATA_DIR to the copy), then try again.",
)
_READ_ONLY_FOLDER = QT_TRANSLATE_NOOP("Problems", "its folder or disk is read-only")
_READ_ONLY_FILE = QT_TRANSLATE_NOOP("Problems", "the file is read-only")
_FULL = QT_TRANSLATE_NOOP(
    "Problems",
    "The disk holding the journal {path} is full, so nothing more could be recorded. Free space on "
    "the disk, then try again.",
)
_IO = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} could not be read or written ({detail}): the disk may be failing or "
    "disconnected. Check the disk, then try again.",
)
_BUSY = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} is in use by another program that did not let go of it within 30 seconds. "
    "Try again in a moment.",
)
_CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} cannot be opened ({detail}). It was not changed. Check that the data folder "
    "can be read, then try again.",
)
_NO_WAL = QT_TRANSLATE_NOOP(
    "Problems",
    "The journal {path} cannot use write-ahead logging (it is on a file system that does not "
    "support it, e.g. a network share). Set USOSMAIL_DATA_DIR to a folder on this computer's disk.",
)

# SQLite's primary result codes (sqlite3.h)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _disk_full(path: Path) -> bool:
    """Whether the journal's disk has (next to) no room left: less than a WAL index's worth."""
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _unwritable_why(path: Path) -> Sentence | None:
    """Why ``path`` cannot be written, if the file system says it cannot."""
    if not os.access(path.parent, os.W_OK):
        return say(_READ_ONLY_FOLDER)
    if path.exists() and not os.access(path, os.W_OK):
        return say(_READ_ONLY_FILE)
    return None


def _read_only_error(path: Path, why: Sentence | None = None) -> JournalReadOnly:
    why = why or _unwritable_why(path) or say(_READ_ONLY_FILE)
    return JournalReadOnly(say(_READ_ONLY, path=str(path), why=why))


def _classified(path: Path, exc: sqlite3.Error) -> JournalError:
    """SQLite's error as the journal's: what happened to the file, in plain words."""
    code = _code(exc)
    where = str(path)
    if code == _SQLITE_FULL:
        return JournalFull(say(_FULL, path=where))
    if code == _SQLITE_READONLY:
        return _read_only_error(path)
    if code == _SQLITE_CANTOPEN and _unwritable_why(path) is not None:
        return _read_only_error(path)
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return _damaged(path, exc)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return JournalError(say(_BUSY, path=where))
    if code == _SQLITE_IOERR:
        if _disk_full(path):  # e.g. the WAL index could not grow: SQLite says "I/O error"
            return JournalFull(say(_FULL, path=where))
        return JournalError(say(_IO, path=where, detail=str(exc)))
    return JournalError(say(_CANNOT_OPEN, path=where, detail=str(exc)))


def _damaged(path: Path, exc: sqlite3.Error) -> JournalDamaged:
    words = _NOT_READABLE if _code(exc) == _SQLITE_NOTADB else _DAMAGED
    return JournalDamaged(say(words, path=str(path), detail=str(exc)))


def _too_new(path: Path, version: int) -> JournalTooNew:
    return JournalTooNew(say(_TOO_NEW, path=str(path), version=str(version), known=str(SCHEMA_VERSION)))


def _has_wal_content(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. In a read-only folder SQLite cannot make the WAL
    index beside the file; with nothing in the WAL the file alone is the whole journal,
    so it is then opened as immutable."""
    uri = path.as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if _code(exc) != _SQLITE_CANTOPEN or _has_wal_content(path):
            raise
    immutable = f"{uri}?mode=ro&immutable=1"
    return sqlite3.connect(immutable, uri=True, isolation_level=None, check_same_thread=False)


_CHECKED: set[Path] = set()  # files whose pages this process has checked (once: it reads them all)
_CHECKED_LOCK = threading.Lock()
_SCHEMAS: dict[int, dict[str, frozenset[str]]] = {}


def _expected_schema(version: int) -> dict[str, frozenset[str]]:
    """Table → columns a journal of ``version`` has (built by the migrations, in memory)."""
    if version not in _SCHEMAS:
        conn = sqlite3.connect(":memory:")
        try:
            for target, statements in MIGRATIONS:
                if target <= version:
                    for statement in statements:
                        conn.execute(statement)
            _SCHEMAS[version] = _schema_of(conn)
        finally:
            conn.close()
    return _SCHEMAS[version]


def _schema_of(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        t: frozenset(r[1] for r in conn.execute(f"PRAGMA table_info({_quoted(t)})"))
        for t in tables
        if not t.startswith("sqlite_")
    }


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _inspect(path: Path) -> None:
    """Look at an existing file without writing anything, and refuse it in plain words if
    it is empty, damaged, not a journal, newer than this version, or lacks a column.

    A file SQLite cannot open read-only here (a crash left a WAL without its index in a
    read-only folder, a lock held) is left to the normal open, which explains it.
    """
    where = str(path)
    try:
        if path.stat().st_size == 0:
            raise JournalDamaged(say(_EMPTY, path=where))
    except OSError:
        return
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error as exc:
        if _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise _damaged(path, exc) from None
        return
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise _too_new(path, version)
        with _CHECKED_LOCK:
            check = path not in _CHECKED
        if check:
            verdict = [str(r[0]) for r in conn.execute("PRAGMA quick_check(1)")]
            if verdict != ["ok"]:
                raise JournalDamaged(say(_DAMAGED, path=where, detail=verdict[0]))
        found = _schema_of(conn)
        if version == 0 and found:
            raise JournalDamaged(say(_NOT_A_JOURNAL, path=where))
        for table, columns in _expected_schema(version).items():
            if table not in found:
                raise JournalDamaged(say(_MISSING, path=where, what=f"the table {table}"))
            missing = sorted(columns - found[table])
            if missing:
                raise JournalDamaged(say(_MISSING, path=where, what=f"the column {table}.{missing[0]}"))
        if check:
            with _CHECKED_LOCK:
                _CHECKED.add(path)
    except sqlite3.Error as exc:
        if _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise _damaged(path, exc) from None
        if _code(exc) not in (_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CANTOPEN):
            raise _classified(path, exc) from None
    finally:
        conn.close()


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file to SCHEMA_VERSION in one transaction (all migrations or none)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise _too_new(path, version)
        for target, statements in MIGRATIONS:
            if version >= target:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(target)}")
            version = target
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _copy_for_reading(path: Path) -> tuple[sqlite3.Connection, Path]:
    """A private copy of the journal (and its WAL), brought to this version's format: how a
    read-only journal of an earlier version, or one SQLite cannot open in place, is read."""
    folder = Path(tempfile.mkdtemp(prefix="usosmail-journal-"))
    try:
        copy = folder / FILE_NAME
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if _has_wal_content(path):
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        conn = sqlite3.connect(copy, isolation_level=None, check_same_thread=False)
        _migrate(conn, path)
        return conn, folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
