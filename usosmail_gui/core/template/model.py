"""What the user composes: subject, content, its format and the sender fields.

Only ``subject`` and ``content`` are templates: ``send_simple_by_template`` substitutes
those two and sends the sender fields as written, so the app does the same in every
send mode (a preview can never differ from what USOS sends). Empty sender fields mean
"the server's default" (from_name "USOS", the no-reply address, no summary).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from usosmail_gui.core.usos.models import ContentFormat, Lang, Sender

__all__ = ["ContentFormat", "Lang", "MessageTemplate", "Part"]


class Part(StrEnum):
    """Which text of a template a position points into (``TextPosition.part``)."""

    SUBJECT = "subject"
    CONTENT = "content"
    FROM_NAME = "from_name"
    FROM_EMAIL = "from_email"
    SEND_SUMMARY_TO = "send_summary_to"


@dataclass(frozen=True, slots=True)
class MessageTemplate:
    subject: str = ""
    content: str = ""
    content_format: ContentFormat = ContentFormat.PLAIN
    from_name: str = ""
    from_email: str = ""
    send_summary_to: str = ""
    lang: Lang = Lang.PL

    @property
    def is_html(self) -> bool:
        return self.content_format is ContentFormat.HTML

    def text(self, part: Part) -> str:
        """The text a ``TextPosition`` with this ``part`` points into."""
        return str(getattr(self, part.value))

    def with_text(self, part: Part, text: str) -> MessageTemplate:
        """A copy with one text replaced (e.g. by a quick fix)."""
        changes: dict[str, Any] = {part.value: text}
        return replace(self, **changes)

    def sender(self) -> Sender:
        """The sender fields for the USOS client (None: the server's default)."""
        return Sender(
            from_name=self.from_name or None,
            from_email=self.from_email or None,
            send_summary_to=self.send_summary_to or None,
            lang=self.lang,
        )
