"""core/tracking.py: which statuses are final, and which campaigns USOS can still tell about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from usosmail_gui.core.statuses import RETENTION, RecipientStatusView, Status
from usosmail_gui.core.tracking import FINAL_STATUSES, is_final, trackable

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def view(status: Status, finished_at: str | None = None) -> RecipientStatusView:
    return RecipientStatusView(2, ("a@example.com",), {}, "m1", status, None, None, finished_at)


@pytest.mark.parametrize("status", list(Status))
def test_a_known_status_is_final_exactly_when_usos_is_done_with_it(status: Status) -> None:
    if status is Status.UNKNOWN:
        return
    done = status not in (Status.WAITING, Status.UNCERTAIN, Status.EXCLUDED)
    assert is_final(view(status)) is done
    assert (status in FINAL_STATUSES) is done


def test_an_unknown_status_is_final_only_when_usos_said_the_message_is_finished() -> None:
    assert not is_final(view(Status.UNKNOWN))
    assert is_final(view(Status.UNKNOWN, finished_at="2026-03-09T10:00:00+00:00"))


def test_a_campaign_is_trackable_for_the_seven_days_usos_keeps_statuses() -> None:
    assert timedelta(days=7) == RETENTION
    just_in = (NOW - RETENTION + timedelta(seconds=1)).isoformat()
    just_out = (NOW - RETENTION).isoformat()
    assert trackable(just_in, NOW)
    assert not trackable(just_out, NOW)


def test_a_time_without_a_zone_is_the_journals_utc_and_an_unreadable_one_is_not_trackable() -> None:
    assert trackable("2026-03-09T12:00:00", NOW)
    assert not trackable("2026-03-01T12:00:00", NOW)
    assert not trackable("yesterday", NOW)


def test_without_a_moment_the_real_time_decides() -> None:
    assert trackable(datetime.now(UTC).isoformat())
    assert not trackable((datetime.now(UTC) - timedelta(days=8)).isoformat())
