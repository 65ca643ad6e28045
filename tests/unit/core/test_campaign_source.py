"""core/campaign.py ``is_campaign_source``: the list shown is the campaign's (same file, same
sheet), so the grid may show the campaign's statuses by row number."""

from __future__ import annotations

import dataclasses

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import is_campaign_source
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.template import MessageTemplate


def test_the_list_a_campaign_was_made_from_is_its_source_another_file_or_sheet_is_not() -> None:
    table = make_table(demo_rows(3))
    draft = build_campaign(
        table,
        MessageTemplate(subject="S {Imię}", content="C", from_name="D"),
        installation="https://usosapps.example.edu.pl/",
        key_fingerprint="sha256:x",
    )
    assert is_campaign_source(table, draft.source_path, draft.source_sheet)
    other_sheet = make_table(demo_rows(3))
    other_sheet.source = dataclasses.replace(table.source, sheet="Arkusz2")
    assert not is_campaign_source(other_sheet, draft.source_path, draft.source_sheet)
    assert not is_campaign_source(table, "/elsewhere/list.csv", draft.source_sheet)
    assert not is_campaign_source(table, None, None)  # a campaign of no file (a test to oneself)
