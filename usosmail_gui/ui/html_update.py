"""The HTML preview changed by the text that changed, not laid out again whole.

``setHtml`` re-parses and re-lays out the whole page: with a 15,000-character letter that
was most of a keystroke's time. But almost every keystroke in an HTML letter changes only
text between tags — a word typed in a paragraph — and then the new page is the old one
with some paragraphs' text changed and every format as it was. So:

1. the old and new HTML are compared (``changed_span``); if the changed source touches
   markup (``<``, ``>``, ``&``), lies inside a tag, or inside an element whose text is not
   shown as text (``style``, ``script``, ``title``, a comment…), nothing is tried;
2. the new HTML is parsed into a scratch document (cheap: no layout, nothing loaded);
3. if it has the same blocks, with the same character formats run for run, and only the
   texts of some blocks differ, those blocks' text is replaced in the shown document, run
   by run with the scratch's formats — Qt re-lays out those blocks only;
4. the shown document is checked against the scratch one for those blocks; any doubt at
   any step means ``False``, and the caller does the full ``setHtml``. The preview is
   never different from what ``setHtml`` would show (tests compare the two).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QImage, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

from .text_spans import changed_span

__all__ = ["ScratchDocument", "update_html"]

_MARKUP = re.compile(r"[<>&]")
# elements whose content is not shown as ordinary text: a change inside is not a text change
_RAW_OPEN = re.compile(r"<(style|script|title|textarea|head)\b|<!--", re.IGNORECASE)
_OBJECT = "\ufffc"  # an image or other object in a block: never edited as text


class ScratchDocument(QTextDocument):
    """A document to parse HTML into, never shown: loads nothing (an image or style sheet
    a letter names is not read, from the network or the disk)."""

    def loadResource(self, type: int, name: object) -> object:
        if type == QTextDocument.ResourceType.ImageResource.value:
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(0)
            return image
        return " "


def _inside_markup(html: str, offset: int) -> bool:
    """Whether ``offset`` of ``html`` lies inside a tag or inside an element (or comment)
    whose content is not page text."""
    before = html[:offset]
    if before.rfind("<") > before.rfind(">"):
        return True
    for match in _RAW_OPEN.finditer(before):
        opened = match.group(0).lower()
        closer = "-->" if opened == "<!--" else "</" + opened[1:]
        if closer not in before[match.end() :].lower():
            return True
    return False


def _runs(block: QTextBlock) -> list[tuple[str, QTextCharFormat]]:
    runs = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            runs.append((fragment.text(), fragment.charFormat()))
        iterator += 1
    return runs


def _same_formats(a: list[tuple[str, QTextCharFormat]], b: list[tuple[str, QTextCharFormat]]) -> bool:
    return len(a) == len(b) and all(fa == fb for (_, fa), (_, fb) in zip(a, b, strict=True))


def update_html(shown: QTextDocument, old_html: str | None, new_html: str) -> bool:
    """Turn ``shown`` (which holds ``old_html``) into ``new_html`` by replacing the text of
    the blocks that changed; ``False`` when that cannot be done safely: then the caller
    must ``setHtml`` (``shown`` may have been changed half-way)."""
    if old_html is None or old_html == new_html:
        return old_html == new_html
    start, end, replacement = changed_span(old_html, new_html)
    if _MARKUP.search(old_html, start, end) or _MARKUP.search(replacement) or _inside_markup(old_html, start):
        return False
    scratch = ScratchDocument()
    scratch.setDefaultStyleSheet(shown.defaultStyleSheet())
    scratch.setHtml(new_html)
    count = shown.blockCount()
    if scratch.blockCount() != count or len(shown.rootFrame().childFrames()) != len(
        scratch.rootFrame().childFrames()
    ):
        return False
    changed: list[tuple[QTextBlock, list[tuple[str, QTextCharFormat]]]] = []
    old_block, new_block = shown.begin(), scratch.begin()
    while old_block.isValid() and new_block.isValid():
        if old_block.text() != new_block.text():
            old_runs, new_runs = _runs(old_block), _runs(new_block)
            if (
                not _same_formats(old_runs, new_runs)
                or old_block.blockFormat() != new_block.blockFormat()
                or _OBJECT in old_block.text()
                or _OBJECT in new_block.text()
            ):
                return False
            changed.append((old_block, new_runs))
        old_block, new_block = old_block.next(), new_block.next()
    if not changed:
        return False  # the source changed but no text did (whitespace, say): let Qt decide
    shown.setUndoRedoEnabled(False)  # a preview has no undo: keep no history of every key
    cursor = QTextCursor(shown)
    cursor.beginEditBlock()
    numbers = [block.blockNumber() for block, _ in changed]
    for block, runs in changed:
        cursor.setPosition(block.position())
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        for text, char_format in runs:
            cursor.insertText(text, char_format)
    cursor.endEditBlock()
    for number in numbers:  # what is shown now is what setHtml would have made, or not kept
        now, wanted = shown.findBlockByNumber(number), scratch.findBlockByNumber(number)
        if now.text() != wanted.text() or not _same_formats(_runs(now), _runs(wanted)):
            return False
    return True
