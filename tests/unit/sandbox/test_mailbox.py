"""The sandbox's delivered mail read back as a student would see it: real sends to a real
sandbox, read from its real Maildir."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.helpers.campaigns import client_for
from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import SendMode, key_fingerprint
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.sending import send_campaign
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos.models import ContentFormat
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.sandbox.mailbox import read_mail, read_mailbox

HOSTILE_HTML = (
    '<p>Dzień dobry {Imię},</p><script>alert("x")</script>'
    '<img src="http://tracker.example.com/pixel.png"><p><a href="http://evil.example/">link</a></p>'
)


def send(sb: Sandbox, template: MessageTemplate, count: int = 3) -> str:
    with Journal.open() as journal:
        draft = build_campaign(
            make_table(demo_rows(count)),
            template,
            installation=sb.url,
            key_fingerprint=key_fingerprint(sb.admin_key),
            mode=SendMode.MESSAGES,
        )
        campaign = journal.create_campaign(draft).id
        with client_for(sb) as client:
            assert send_campaign(journal, client, campaign).counts.all_enqueued
    assert sb.wait_delivered(10)
    return campaign


def test_lists_newest_first_and_opens_plain_and_html(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    assert read_mailbox(sb.maildir) == []
    send(sb, MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko}."))
    listed = read_mailbox(sb.maildir)
    assert len(listed) == 3 and not any(m.is_summary for m in listed)
    assert {m.to for m in listed} == {f"student{i}@student.example.edu.pl" for i in range(3)}
    assert all(m.subject.startswith("Decyzja dla ") and m.received is not None for m in listed)
    assert [m.received for m in listed] == sorted((m.received for m in listed), reverse=True)  # type: ignore[type-var]
    mail = read_mail(sb.maildir, listed[0].key)
    headers = dict(mail.headers)
    assert headers["To"] == listed[0].to and headers["Subject"] == listed[0].subject
    assert "Dzień dobry" in mail.text and mail.html is None

    send(sb, MessageTemplate(subject="HTML", content=HOSTILE_HTML, content_format=ContentFormat.HTML), 1)
    newest = read_mailbox(sb.maildir)[0]
    assert newest.subject == "HTML"
    html = read_mail(sb.maildir, newest.key)
    assert html.html is not None and "<script>" in html.html and html.text == ""


def test_a_missing_folder_is_an_empty_mailbox(tmp_path: Path) -> None:
    assert read_mailbox(tmp_path / "never-made") == []
