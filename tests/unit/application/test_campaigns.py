"""application/campaigns.py and reports.py: the history's listing, deleting a campaign's
personal data, the retention period, and a report, on the test's own journal."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.application.conftest import JournalFactory, sent_campaign
from usosmail_gui.application.campaigns import delete_campaign, list_campaigns, save_retention
from usosmail_gui.application.reports import export_report
from usosmail_gui.core.report import ReportError
from usosmail_gui.sandbox import Sandbox


def test_the_listing_counts_each_campaign_and_says_whether_usos_can_still_tell(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    first = sent_campaign(sandbox, journals, 2).campaign
    second = sent_campaign(sandbox, journals, 3).campaign
    listing = list_campaigns(journals=journals)
    assert [row.id for row in listing.rows] == [second.id, first.id]  # newest first
    assert [row.total for row in listing.rows] == [3, 2]
    assert all(row.trackable and row.kept_until is not None for row in listing.rows)
    assert listing.retention_days == 180 and not listing.read_only
    later = list_campaigns(datetime.now(UTC) + timedelta(days=8), journals=journals)
    assert not any(row.trackable for row in later.rows)


def test_deleting_purges_the_personal_data_and_keeps_the_counts(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    campaign = sent_campaign(sandbox, journals, 2).campaign
    forgotten = delete_campaign(campaign.id, journals=journals)
    assert forgotten.campaign == campaign.id
    (row,) = list_campaigns(journals=journals).rows
    assert row.purged_at is not None and row.kept_until is None and row.total == 2


def test_a_shorter_retention_purges_what_it_makes_due(sandbox: Sandbox, journals: JournalFactory) -> None:
    sent_campaign(sandbox, journals, 1)
    assert save_retention(30, journals=journals) == []
    assert list_campaigns(journals=journals).retention_days == 30
    with pytest.raises(ValueError, match="1 to 3650"):
        save_retention(0, journals=journals)


def test_a_report_has_a_row_per_recipient(sandbox: Sandbox, journals: JournalFactory, tmp_path: Path) -> None:
    campaign = sent_campaign(sandbox, journals, 3).campaign
    path = tmp_path / "report.csv"
    rows = export_report(campaign.id, path, journals=journals)
    with path.open(encoding="utf-8-sig", newline="") as file:
        lines = list(csv.reader(file, delimiter=";"))
    assert rows == 3 and lines[0][:2] == ["Imię", "Nazwisko"]
    assert [line[8] for line in lines[1 : rows + 1]] == ["waiting"] * 3  # the status column
    with pytest.raises(ReportError):
        export_report(campaign.id, tmp_path / "report.pdf", journals=journals)


def test_closing_ends_a_campaign_and_the_listing_says_so_with_its_installation(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    from tests.helpers.campaigns import new_campaign
    from tests.helpers.tables import demo_rows
    from usosmail_gui.application.campaigns import close_campaign

    with journals() as journal:
        stopped = new_campaign(journal, "https://usosapps.example.edu.pl/", "key", demo_rows(2))
    (row,) = list_campaigns(journals=journals).rows
    assert row.interrupted and row.closed_at is None and not row.sandbox
    assert row.installation == "https://usosapps.example.edu.pl/"
    assert row.subject == "Decyzja dla {Imię}" and row.first_subject == "Decyzja dla Anna"
    record = close_campaign(stopped, journals=journals)
    assert record.closed_at is not None
    (row,) = list_campaigns(journals=journals).rows
    assert row.closed_at == record.closed_at and not row.interrupted  # nothing more to do
    assert close_campaign(stopped, journals=journals).closed_at == record.closed_at  # twice: first date


def test_the_sandbox_journal_is_marked_and_its_campaigns_follow_the_sandbox(tmp_path: Path) -> None:
    from tests.helpers.campaigns import new_campaign
    from tests.helpers.tables import demo_rows
    from usosmail_gui.core.journal import SANDBOX_FILE_NAME, Journal

    path = tmp_path / SANDBOX_FILE_NAME
    with Journal.open(path) as journal:
        first = new_campaign(journal, "http://127.0.0.1:9/", "key", demo_rows(1))
        second = new_campaign(journal, "http://127.0.0.1:10/", "key", demo_rows(1))
        before = journal.campaign(first).updated_at
        assert journal.move_installation("http://127.0.0.1:11/") == 2
        assert {journal.campaign(c).installation for c in (first, second)} == {"http://127.0.0.1:11/"}
        assert journal.campaign(first).updated_at == before  # not an activity: retention unmoved
    listing = list_campaigns(journals=lambda: Journal.open(path))
    assert listing.sandbox and all(row.sandbox for row in listing.rows)
