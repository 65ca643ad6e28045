"""A campaign of letters: ``campaign.build_campaign`` on the table templates see, with
every sheet row accounted for.

Without a grouping a derived column is one more column, and the draft is the ordinary
one. With a grouping, each message is a group; the draft then says which other sheet
rows each message was made of (``PlannedMessage.also``: the journal keeps them, the
report has a line per sheet row with the message it went out in), and a group left out
is listed row by row, as are unticked rows (which belong to no group).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from usosmail_gui.core.campaign import EXCLUDED_BY_USER, CampaignDraft, Excluded
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say
from usosmail_gui.core.template.model import MessageTemplate
from usosmail_gui.core.template.validate import CheckResult

from .check import check_letters
from .derive import LetterList

__all__ = ["build_letter_campaign"]


def build_letter_campaign(
    letters: LetterList, template: MessageTemplate, *, check: CheckResult | None = None, **options: Any
) -> CampaignDraft:
    """``build_campaign(letters.table, template, …)`` (same options, same ``CampaignError``),
    its rows expanded to the sheet's when grouped. ``check``: ``check_letters``'s result the
    user saw, if already computed."""
    result = check if check is not None else check_letters(template, letters)
    draft = build_campaign(letters.table, template, check=result, **options)
    members = letters.members
    if members is None:
        return draft
    table = letters.table
    source = letters.source
    messages = []
    for message in draft.messages:
        index = table.row_index(message.row)
        assert index is not None
        also = tuple((source.row_number(i), letters.record(i)) for i in members[index][1:])
        messages.append(replace(message, also=also))
    excluded: list[Excluded] = []
    for item in draft.excluded:
        index = table.row_index(item.row)
        assert index is not None
        for i in members[index]:
            excluded.append(
                replace(item, row=source.row_number(i), addresses=source.emails(i), record=source.record(i))
            )
    unticked = say(QT_TRANSLATE_NOOP("Problems", "Excluded from the list (unticked)."))
    for i in range(source.row_count):
        if not source.is_included(i):
            excluded.append(
                Excluded(
                    source.row_number(i),
                    source.emails(i),
                    EXCLUDED_BY_USER,
                    str(unticked),
                    (unticked,),
                    source.record(i),
                )
            )
    excluded.sort(key=lambda e: e.row)
    return replace(draft, messages=tuple(messages), excluded=tuple(excluded))
