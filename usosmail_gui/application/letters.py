"""Worker jobs of letters with derived columns (issue 18): Qt-free, run off the GUI thread.

Every job calls the same core code as the CLI (``prepare_letters``, ``check_letters_steps``,
``build_letter_campaign``), so what the preview shows, what Problems lists and what is
sent are the values ``usosmail render``/``check``/``send`` would give for the same list,
template file and typed overrides: there is no second implementation here, only the
slicing the GUI thread needs (see ``check_letters_in_slices``).
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterable
from typing import Any

from usosmail_gui.core.campaign import CampaignDraft
from usosmail_gui.core.drafts import build_test_campaign
from usosmail_gui.core.letters import LetterSetup
from usosmail_gui.core.letters.check import check_letters_steps
from usosmail_gui.core.letters.derive import LetterList, Overrides, prepare_letters
from usosmail_gui.core.letters.names import default_book
from usosmail_gui.core.recipients.headers import Column
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.template import CheckProgress, CheckResult, CompiledTemplate, MessageTemplate

from .breathing import BREATH_S, SLICE_ROWS, with_breaths

__all__ = [
    "CHECK_BREATH_S",
    "CHECK_SLICE_ROWS",
    "LetterInputs",
    "check_letters_in_slices",
    "copy_overrides",
    "derive",
    "expected_columns",
    "letter_test_campaign",
    "preload_names",
]

CHECK_SLICE_ROWS = SLICE_ROWS  # as check_in_slices, for the same reason
CHECK_BREATH_S = BREATH_S


def preload_names() -> None:
    """Load the first names' dictionary (Morfeusz 2) in a worker before the first derive.

    Its C++ loader holds the GIL for ~0.2 s: during a derive that froze the window for as
    long; loaded when the derived columns are first shown, the freeze falls on opening the
    pane instead of on typing, and every derive after it runs at its own pace.
    """
    try:
        default_book().preload()
    except ImportError:  # morfeusz2 missing from this installation: the derive says so
        pass


class LetterInputs:
    """What a list's letters are made of besides the list: the definitions and the values
    typed over derived ones (a copy, so a worker never sees the GUI's later edits)."""

    __slots__ = ("overrides", "setup")

    def __init__(self, setup: LetterSetup, overrides: Overrides | None = None) -> None:
        self.setup = setup
        self.overrides = copy_overrides(overrides)

    @property
    def empty(self) -> bool:
        return self.setup.empty


def copy_overrides(overrides: Overrides | None) -> Overrides:
    if overrides is None:
        return Overrides()
    return Overrides({key: text for key in overrides if (text := overrides.get(*key)) is not None})


def _breathe() -> None:
    time.sleep(CHECK_BREATH_S)


def derive(table: RecipientTable, inputs: LetterInputs) -> LetterList:
    """Worker job: ``prepare_letters`` of the list, as the CLI computes it, with a breath
    every 2,000 rows (the GUI thread gets the GIL: see ``composer.check_in_slices``)."""
    return prepare_letters(table, inputs.setup, inputs.overrides, pause=_breathe)


def expected_columns(table: RecipientTable, setup: LetterSetup) -> list[Column]:
    """The columns templates will see once ``setup`` is computed (the list's, then each
    usable derived name), for the editor before the worker has answered; the computed
    ``LetterList.table.columns`` replace them."""
    from usosmail_gui.core.letters.definitions import forbidden_in_name

    columns = list(table.columns)
    taken = {c.name for c in columns} | {c.placeholder for c in columns}
    names: list[str] = []
    wanted: Iterable[str] = [d.name for d in setup.derived]
    if setup.grouping is not None:
        wanted = [*wanted, setup.grouping.column]
    for name in wanted:
        if forbidden_in_name(name) is None and name not in taken:
            taken.add(name)
            names.append(name)
    start = table.column_count
    return columns + [Column(start + i, name, name, "", name) for i, name in enumerate(names)]


def check_letters_in_slices(
    compiled: CompiledTemplate | MessageTemplate, letters: LetterList
) -> Generator[CheckProgress, None, CheckResult]:
    """``check_letters_steps`` in slices of 2,000 rows with a breath after each, so the
    GUI thread gets the GIL (see ``composer.check_in_slices``)."""
    return (yield from with_breaths(check_letters_steps(compiled, letters, chunk=CHECK_SLICE_ROWS)))


def letter_test_campaign(
    table: RecipientTable,
    inputs: LetterInputs,
    template: MessageTemplate,
    row: int,
    address: str,
    **options: Any,
) -> CampaignDraft:
    """Worker job: the test campaign of source row ``row`` (its message, grouped or not,
    with the derived values) sent to ``address`` instead (``build_test_campaign``)."""
    from usosmail_gui.core.campaign import CampaignError

    letters = derive(table, inputs)
    index = letters.index_of(table.row_number(row))
    if index is None:  # grouped, and the row is unticked: it belongs to no message
        raise CampaignError(
            f"Row {table.row_number(row)} is unticked, so it is in no message. Tick it, or choose "
            "another row."
        )
    return build_test_campaign(letters.table, template, index, address, **options)
