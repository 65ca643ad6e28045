"""The core's messages (problems, unreadable files, left-out rows, journal trouble) in the
user's language.

The core builds each message from ``Sentence`` values marked for translation
(core/sentences.py); here each template is looked up in the "Problems" context of the
installed translation and the same values are put in, numbers written the locale's way.
Without a translation the text is the core's English, word for word as the CLI prints it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from usosmail_gui.core.campaign import CampaignError, Excluded
from usosmail_gui.core.journal import JournalError
from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients import SpreadsheetError
from usosmail_gui.core.sentences import CONTEXT, Sentence
from usosmail_gui.ui.numbers import number


def _translate(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def _number(value: int) -> str:
    return number(value)


def sentences_text(sentences: Iterable[Sentence], fallback: str) -> str:
    """The sentences translated and filled in; ``fallback`` when there are none."""
    parts = [sentence.fill(_translate, _number) for sentence in sentences]
    return " ".join(filter(None, parts)) or fallback


def problem_text(problem: Problem) -> str:
    return sentences_text(problem.sentences, problem.message)


def load_error_text(error: SpreadsheetError) -> str:
    return sentences_text(error.sentences, error.message)


def excluded_text(item: Excluded) -> str:
    return sentences_text(item.sentences, item.reason)


def campaign_error_text(error: CampaignError) -> str:
    """Why a campaign cannot be made as asked (another installation's, nobody to send to…)."""
    return sentences_text(error.sentences, str(error))


def journal_error_text(error: JournalError) -> str:
    """Why the journal cannot be used (damaged, read-only, a full disk…), with its path."""
    return sentences_text(error.sentences, str(error))
