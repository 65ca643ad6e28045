"""Helpers for the end-to-end GUI test: the demo list on disk with a failing student, what
that file should produce (read with the csv module, not the app's loader), a sandbox clock
moved by hand, the mail the sandbox wrote, and answering the app's file dialogs."""

from __future__ import annotations

import csv
import email
import email.policy
import mailbox
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from usosmail_gui.app.sandbox_launcher import demo_list_path
from usosmail_gui.sandbox.delivery import HEADER_MESSAGE_ID

FAIL_DOMAIN = "fail.example.com"
FAILING_STUDENT = ["Tomasz", "Nowak", "004777", f"tomasz.nowak@{FAIL_DOMAIN}", "Fizyka", "2"]
EMAIL_COLUMN = "E-mail"
# Deliberately stricter than the app's checker, but enough for the demo list's cases
# (a missing "@", an empty cell): an independent view of who must get a message.
_ADDRESS = re.compile(r"^[^@\s()]+@[^@\s()]+\.[A-Za-z]{2,}$")


class ManualClock:
    """The sandbox's clock, moved by the test: messages stay "waiting" until it moves."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def demo_with_failing_student(folder: Path) -> Path:
    """The bundled demo list copied into ``folder``, plus one more student, at the failing domain."""
    path = folder / "studenci.csv"
    shutil.copyfile(demo_list_path(), path)
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\n").writerow(FAILING_STUDENT)
    return path


def read_rows(path: Path) -> list[dict[str, str]]:
    """The list's data rows as column → text, read with the csv module."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def expected_recipients(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Lower-cased address → its row, for the rows that must get a message: every
    address valid, no address seen in an earlier row."""
    chosen: dict[str, dict[str, str]] = {}
    for row in rows:
        addresses = [a.strip() for a in row[EMAIL_COLUMN].split(",") if a.strip()]
        if not addresses or not all(_ADDRESS.match(a) for a in addresses):
            continue
        if any(a.lower() in chosen for a in addresses):
            continue
        for address in addresses:
            chosen[address.lower()] = row
    return chosen


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str
    message_id: str


def mails(maildir: Path) -> list[Mail]:
    """Every message the sandbox delivered (error reports, without a message ID, left out)."""
    if not maildir.exists():
        return []
    box = mailbox.Maildir(maildir, create=False)
    found = []
    for key in box.iterkeys():
        parsed = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        if parsed[HEADER_MESSAGE_ID] is None:
            continue
        found.append(
            Mail(
                str(parsed["To"]).lower(),
                str(parsed["Subject"]),
                parsed.get_content(),
                str(parsed[HEADER_MESSAGE_ID]),
            )
        )
    return found


def read_csv_report(path: Path) -> list[dict[str, str]]:
    """The exported report's table (UTF-8 with a BOM, ";" between fields) as rows; the line
    about the personal data after it is left out."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    end = lines.index([]) if [] in lines else len(lines)
    header, body = lines[0], lines[1:end]
    return [dict(zip(header, line, strict=True)) for line in body]


def open_file_dialog(qtbot: QtBot, parent: QWidget, timeout: int) -> QFileDialog:
    """The file dialog ``parent`` has just opened (non-native, so it is a child widget)."""

    def shown() -> list[QFileDialog]:
        return [d for d in parent.findChildren(QFileDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=timeout)
    return shown()[0]


def choose_file(dialog: QFileDialog, path: Path, name_filter: str | None = None) -> None:
    """Answer a file dialog as a user would: pick the type, type the name, press the button."""
    if name_filter is not None:
        matching = [f for f in dialog.nameFilters() if name_filter in f]
        assert matching, dialog.nameFilters()
        dialog.selectNameFilter(matching[0])
    dialog.selectFile(str(path))
    dialog.accept()
