"""core/recipients/summary and facts: the status bar's counts in words, a formatted column's
stored values made into text only when asked for."""

from __future__ import annotations

import datetime

from usosmail_gui.core.recipients.facts import ListFacts, StoredLater
from usosmail_gui.core.recipients.summary import Summary


def test_the_summary_in_words() -> None:
    assert Summary(1204, 1198, 6, 4, 2, 0).text() == "1,204 recipients · 1,198 will receive · 6 problems"
    assert Summary(1, 1, 1, 1, 0, 0).text() == "1 recipient · 1 will receive · 1 problem"


def test_stored_values_become_text_with_the_error_cells_kept() -> None:
    later = StoredLater([12345, 0.5, datetime.date(2024, 6, 17), None], errors={3: "#N/A"})
    texts = later.texts()
    assert texts[0] == "12345" and texts[2] == "2024-06-17" and texts[3] == "#N/A"
    assert ListFacts(stored={0: later}).stored[0] is later  # not made into text until asked
