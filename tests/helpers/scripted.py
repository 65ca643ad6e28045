"""A scripted stand-in of ``MailingClient``'s send methods (``SendingClient`` is the send
loop's whole view of it) and a real journal's campaign to send: for tests of each way a
request can end, which the sandbox cannot produce on demand (an arbitrary error class, an
interrupted request). Every request made is recorded: which messages went out, how often."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import SendMode
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.sending import SendResult, send_campaign
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.errors import BadParameter
from usosmail_gui.core.usos.models import (
    Enqueued,
    EnqueuedBatch,
    SimpleMessage,
    TemplateMessage,
    TemplateRecipient,
)

TEMPLATE = MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko}.")
INSTALLATION = "https://usosapps.example.edu.pl/"

# What the stand-in does with one request: an exception to raise, or a function of the
# request's addresses giving the answer (an ID, or None for USOS's ``false``).
Answer = BaseException | Callable[[str], str | None]


def enqueue(address: str) -> str | None:
    return f"id-{address}"


def refuse(address: str) -> str | None:
    return None


class ScriptedClient:
    """``SendingClient`` answering request n with ``script[n]`` (then: enqueue all)."""

    lang = "en"

    def __init__(self, *script: Answer, refused: Sequence[str] = ()) -> None:
        self.script = list(script)
        self.refused = set(refused)  # addresses answered ``false`` by default
        self.requests: list[tuple[str, tuple[str, ...]]] = []  # (method, addresses)

    def _answer(self, method: str, addresses: Sequence[str]) -> tuple[str | None, ...]:
        self.requests.append((method, tuple(addresses)))
        step: Answer = self.script.pop(0) if self.script else enqueue
        if isinstance(step, BaseException):
            raise step
        return tuple(None if a in self.refused else step(a) for a in addresses)

    def send_simple_message(self, message: SimpleMessage) -> Enqueued:
        (found,) = self._answer(wire.SEND_SIMPLE_MESSAGE, message.recipients)
        if found is None:  # the real client raises for a lone refusal
            raise BadParameter("The server refused parameter 'recipients'.", http_status=400)
        return Enqueued(found)

    def send_simple_messages(self, messages: Sequence[SimpleMessage]) -> EnqueuedBatch:
        return EnqueuedBatch(self._answer(wire.SEND_SIMPLE_MESSAGES, [m.recipients[0] for m in messages]))

    def send_simple_by_template(
        self, template: TemplateMessage, recipients: Sequence[TemplateRecipient]
    ) -> EnqueuedBatch:
        return EnqueuedBatch(self._answer(wire.SEND_SIMPLE_BY_TEMPLATE, [r.email for r in recipients]))

    def sent_to(self) -> list[str]:
        """Every address a request carried, as many times as it was carried."""
        return [a for _, addresses in self.requests for a in addresses]


class Clock:
    def __init__(self, step: float = 1.0) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def address(i: int) -> str:
    return f"student{i}@student.example.edu.pl"


def new_campaign(
    journal: Journal, count: int, *, mode: SendMode = SendMode.MESSAGES, batch_size: int = 3
) -> str:
    draft = build_campaign(
        make_table(demo_rows(count)),
        TEMPLATE,
        installation=INSTALLATION,
        key_fingerprint="f" * 16,
        mode=mode,
        batch_size=batch_size,
    )
    return journal.create_campaign(draft).id


def states(journal: Journal, campaign: str) -> dict[str, str]:
    return {r.addresses[0]: str(r.state) for r in journal.recipients(campaign)}


def errors(journal: Journal, campaign: str) -> dict[str, str | None]:
    return {r.addresses[0]: r.error for r in journal.recipients(campaign)}


def run(journal: Journal, client: ScriptedClient, campaign: str, **kw: object) -> SendResult:
    return send_campaign(journal, client, campaign, clock=Clock(), **kw)  # type: ignore[arg-type]
