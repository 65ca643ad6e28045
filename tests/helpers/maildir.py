"""What the sandbox delivered, read back from its Maildir: who got which USOS message."""

from __future__ import annotations

import email
import email.policy
import mailbox
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from usosmail_gui.sandbox.delivery import HEADER_MESSAGE_ID


@dataclass(frozen=True)
class Delivery:
    to: str
    message_id: str
    subject: str


def deliveries(path: Path) -> list[Delivery]:
    """Every delivered copy of a message (error reports, which carry no message ID, left out)."""
    if not path.exists():
        return []
    box = mailbox.Maildir(path, create=False)
    found = []
    for key in box.iterkeys():
        mail = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        if mail[HEADER_MESSAGE_ID] is None:
            continue
        found.append(Delivery(str(mail["To"]).lower(), str(mail[HEADER_MESSAGE_ID]), str(mail["Subject"])))
    return found


def per_address(path: Path) -> Counter[str]:
    """Address → how many messages it received."""
    return Counter(d.to for d in deliveries(path))
